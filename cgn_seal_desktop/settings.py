"""The user's preferences, kept as JSON in ``paths.config_dir()/settings.json`` (no Qt).

Holds only things that are safe to keep on disk: window geometry, recent files, the chosen UKEY
driver, the language, the service URL, the support QR payloads. Never a PIN, a password or a
token — there is no field for one, and unknown keys in the file are dropped on load.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from cgn_seal_desktop import paths
from cgn_seal_desktop.fsutil import atomic_write_text

__all__ = ["DEFAULT_SERVICE_URL", "MAX_RECENT", "SM2_FORMATS", "Settings", "settings_path"]

log = logging.getLogger(__name__)

MAX_RECENT = 10
#: CMS container formats of SM2 seals (``seal.sm2_cms``); the first is the default.
SM2_FORMATS = ("pkcs7", "gm")
DEFAULT_SERVICE_URL = "https://www.szca.com"
_DEFAULT_QR = {
    "wechat_service": "https://www.szca.com/wechat/service",
    "wechat_subscription": "https://www.szca.com/wechat/subscription",
    "online_service": "https://www.szca.com/",
}


def settings_path() -> Path:
    """Where the settings file lives."""
    return paths.config_dir() / "settings.json"


@dataclass
class Settings:
    """Plain preferences; :meth:`load` never fails (a broken file gives the defaults)."""

    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    recent_files: list[str] = field(default_factory=list)
    module_path: str = ""  # chosen UKEY driver (PKCS#11 module or SKF library); empty = discover
    language: str = "system"  # follow the OS; any non-Chinese, non-English system → zh_CN
    service_base_url: str = DEFAULT_SERVICE_URL
    trust_sandbox_ca: bool = False
    check_service_online: bool = True
    support_qr: dict[str, str] = field(default_factory=lambda: dict(_DEFAULT_QR))
    seal_diameter_mm: float = 42.0
    sm2_format: str = "pkcs7"  # CMS of SM2 seals: "pkcs7" (standard OIDs) or "gm" (GM/T 0010)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings; missing, unreadable or malformed values fall back to defaults."""
        path = path or settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("Settings file unreadable, using defaults: %s", type(exc).__name__)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            value, default = raw[f.name], getattr(defaults, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, float):
                ok = isinstance(value, int | float) and not isinstance(value, bool)
            elif isinstance(default, list):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            elif isinstance(default, dict):
                ok = isinstance(value, dict) and all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items())
            else:
                ok = isinstance(value, str)
            if ok:
                values[f.name] = value
        settings = cls(**values)
        settings.recent_files = settings.recent_files[:MAX_RECENT]
        if settings.sm2_format not in SM2_FORMATS:
            settings.sm2_format = defaults.sm2_format
        return settings

    def save(self, path: Path | None = None) -> None:
        """Write atomically (a crash leaves the old file or the new one)."""
        path = path or settings_path()
        atomic_write_text(path, json.dumps(asdict(self), ensure_ascii=False, indent=2))

    def add_recent(self, file: str | Path) -> None:
        """Put *file* first in the recent list (absolute path, no duplicates, bounded)."""
        name = str(Path(file).resolve())
        self.recent_files = [name, *[f for f in self.recent_files if f != name]][:MAX_RECENT]
