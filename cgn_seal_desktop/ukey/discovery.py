"""Finding UKEY drivers (PKCS#11 modules and SKF libraries) on this computer.

Order: the path the user configured, then ``CGN_SEAL_PKCS11_MODULE`` (for scripting and tests),
then the vendor table in ``module_table.json`` for the running platform. The table is data so a
new vendor is one JSON entry; its ``interface`` picks the token backend (``ukey.service``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "ModuleCandidate",
    "VendorEntry",
    "current_platform",
    "find_modules",
    "load_vendor_table",
    "vendor_for",
]

Platform = Literal["windows", "linux", "darwin"]
Source = Literal["user", "env", "table"]


@dataclass(frozen=True)
class VendorEntry:
    """One row of the vendor table."""

    id: str
    vendor: str
    product: str
    interface: str = "pkcs11"
    files: dict[str, list[str]] = field(default_factory=dict)
    dirs: dict[str, list[str]] = field(default_factory=dict)
    mechanisms: dict[str, str] = field(default_factory=dict)
    test_only: bool = False


@dataclass(frozen=True)
class ModuleCandidate:
    """A driver file that exists on this computer (or the configured one, which may not)."""

    path: str
    source: Source
    vendor: VendorEntry | None = None
    exists: bool = True

    @property
    def interface(self) -> str:
        return self.vendor.interface if self.vendor else "pkcs11"

    @property
    def display_name(self) -> str:
        if self.vendor:
            return f"{self.vendor.vendor} {self.vendor.product}"
        return Path(self.path).name


def current_platform() -> Platform:
    """The vendor table's name for the running OS."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


@lru_cache(maxsize=1)
def load_vendor_table() -> tuple[VendorEntry, ...]:
    """Parse the bundled vendor table (cached)."""
    text = resources.files("cgn_seal_desktop.ukey").joinpath("module_table.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    known = set(VendorEntry.__dataclass_fields__)
    return tuple(VendorEntry(**{k: v for k, v in e.items() if k in known}) for e in raw["modules"])


def _expand(directory: str) -> Path | None:
    """Expand Windows-style ``%VAR%`` (on every OS, so the table is testable anywhere)."""
    env = {k.upper(): v for k, v in os.environ.items()}
    missing = False

    def repl(m: re.Match[str]) -> str:
        nonlocal missing
        value = env.get(m.group(1).upper())
        if value is None:
            missing = True
            return m.group(0)
        return value

    expanded = re.sub(r"%([^%]+)%", repl, directory)
    if missing:  # e.g. %ProgramFiles(x86)% on 32-bit Windows: that directory cannot exist
        return None
    if os.sep == "/":
        expanded = expanded.replace("\\", "/")
    return Path(expanded)


def _vendor_for(
    path: str, table: tuple[VendorEntry, ...], platform: Platform
) -> VendorEntry | None:
    # The running platform's names first; any platform's as a fallback (a .dll path on Linux
    # still tells the user which vendor it is).
    name = Path(path).name.lower()
    for platforms in ([platform], list(entry_platforms(table))):
        for entry in table:
            for plat in platforms:
                if name in (f.lower() for f in entry.files.get(plat, [])):
                    return entry
    return None


def vendor_for(path: str, platform: Platform | None = None) -> VendorEntry | None:
    """The vendor table's entry for the driver file *path* (by file name), if any."""
    return _vendor_for(path, load_vendor_table(), platform or current_platform())


def entry_platforms(table: tuple[VendorEntry, ...]) -> set[str]:
    return {p for e in table for p in e.files}


def find_modules(
    user_path: str | None = None,
    *,
    platform: Platform | None = None,
    include_test_modules: bool = True,
    extra_dirs: list[str] | None = None,
) -> list[ModuleCandidate]:
    """List the UKEY drivers found, most preferred first, without loading any of them.

    A configured *user_path* is always listed first, with ``exists=False`` if the file is gone, so
    the UI can say so. Table entries are listed only when their file exists. Duplicates (same
    resolved file) are dropped.
    """
    platform = platform or current_platform()
    table = load_vendor_table()
    found: list[ModuleCandidate] = []
    seen: set[str] = set()

    def add(path: str, source: Source, vendor: VendorEntry | None, exists: bool) -> None:
        key = os.path.normcase(os.path.realpath(path)) if exists else path
        if key in seen:
            return
        seen.add(key)
        found.append(ModuleCandidate(path=path, source=source, vendor=vendor, exists=exists))

    if user_path:
        add(user_path, "user", _vendor_for(user_path, table, platform), Path(user_path).is_file())
    env_path = os.environ.get("CGN_SEAL_PKCS11_MODULE")
    if env_path:
        add(env_path, "env", _vendor_for(env_path, table, platform), Path(env_path).is_file())

    later: list[tuple[str, VendorEntry]] = []
    for entry in table:
        if entry.test_only and not include_test_modules:
            continue
        dirs = [*entry.dirs.get(platform, []), *(extra_dirs or [])]
        for directory in dirs:
            base = _expand(directory)
            if base is None:
                continue
            for filename in entry.files.get(platform, []):
                candidate = base / filename
                if candidate.is_file():
                    # Real vendors first, SoftHSM and other test modules after them.
                    if entry.test_only:
                        later.append((str(candidate), entry))
                    else:
                        add(str(candidate), "table", entry, True)
    for path, entry in later:
        add(path, "table", entry, True)
    return found
