"""Where the program keeps its files (platformdirs), and where bundled resources are.

Tests and portable installs override the per-user directories with ``CGN_SEAL_HOME``: config,
data and logs then live under that one directory.

The per-user directories hold drafts with ID numbers, the sandbox's uploads and logs: on POSIX they
are made readable by their owner only (0700), and the databases in them 0600 (Windows' per-user
folders are private by their ACL already).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from cgn_seal_desktop import APP_ID

__all__ = [
    "cache_dir",
    "config_dir",
    "data_dir",
    "log_dir",
    "private_dir",
    "private_file",
    "resource_path",
    "translations_dir",
]

_PKG = Path(__file__).resolve().parent


def _base(kind: str) -> Path:
    home = os.environ.get("CGN_SEAL_HOME")
    if home:
        path = Path(home) / kind
    else:
        import platformdirs

        getter = {
            "config": platformdirs.user_config_dir,
            "data": platformdirs.user_data_dir,
            "cache": platformdirs.user_cache_dir,
            "logs": platformdirs.user_log_dir,
        }[kind]
        path = Path(getter(APP_ID, appauthor=False))
    return private_dir(path)


def private_dir(path: Path) -> Path:
    """Create *path* (with parents) if needed and make it accessible to its owner only (0700 on
    POSIX; a directory we may not change is left as it is)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create *path* empty if missing, and make it and the SQLite files beside it (``-wal``,
    ``-shm``, ``-journal``) readable by their owner only (0600 on POSIX).

    Call before SQLite opens a database: SQLite creates its side files with the database's mode.
    """
    os.close(os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600))
    if os.name == "posix":
        for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(FileNotFoundError):
                os.chmod(p, 0o600)
    return path


def config_dir() -> Path:
    """Per-user settings (settings.json, user trust roots)."""
    return _base("config")


def data_dir() -> Path:
    """Per-user state (drafts database, recent files)."""
    return _base("data")


def cache_dir() -> Path:
    """Disposable per-user cache."""
    return _base("cache")


def log_dir() -> Path:
    """Log files (never contain PINs, passwords, tokens or unmasked ID numbers)."""
    return _base("logs")


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[-1]


def _bundle_root() -> Path | None:
    # PyInstaller unpacks data next to the executable (sys._MEIPASS in onedir/onefile builds).
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource under ``resources/`` (wheel, PyInstaller bundle or checkout)."""
    bundle = _bundle_root()
    candidates = [_PKG / "_resources", _PKG.parent / "resources"]
    if bundle is not None:
        candidates.insert(0, bundle / "resources")
    return _first_existing(*candidates).joinpath(*parts)


def translations_dir() -> Path:
    """Directory holding the compiled ``.qm`` translation files."""
    bundle = _bundle_root()
    candidates = [_PKG / "_translations", _PKG.parent / "translations"]
    if bundle is not None:
        candidates.insert(0, bundle / "translations")
    return _first_existing(*candidates)
