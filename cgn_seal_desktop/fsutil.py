"""Safe file writes: files a user owns are never overwritten in place, and a copy or a sealed
version of a file never replaces that file itself.

Everything that writes a user-visible file goes through :func:`atomic_write` or
:func:`atomic_write_bytes`: data goes to a temporary file in the same directory, is fsynced, and
is then renamed over the target, so a crash leaves either the old file or the new one, never half.
:func:`output_conflict` is the rule every "save as" asks first (the CLI's and the GUI's sealing,
the GUI's "save a copy"): writing over the original is refused, writing over another existing
file needs the user's yes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "OutputConflict",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_text",
    "copy_file",
    "output_conflict",
    "same_file",
    "sweep_stale_temp_files",
    "unique_path",
]


class OutputConflict(StrEnum):
    """What writing a new file at some path would overwrite."""

    ORIGINAL = "original"  #: the very file it is made from: never allowed
    EXISTS = "exists"  #: another existing file: only when the user confirms


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when *a* and *b* are one file on disk, however spelled (case on Windows, ``..``,
    symbolic or hard links); False when either does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def output_conflict(original: str | os.PathLike[str],
                    target: str | os.PathLike[str]) -> OutputConflict | None:
    """What writing *target* (made from *original*) would overwrite, or None when nothing."""
    if not os.path.lexists(target):
        return None
    if same_file(original, target):
        return OutputConflict.ORIGINAL
    return OutputConflict.EXISTS


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike[str], *, overwrite: bool = True,
                 mode: int | None = None) -> Iterator[BinaryIO]:
    """Open a temporary file next to *target*; on clean exit, fsync and rename it to *target*.

    On any exception the temporary file is removed and *target* is untouched.
    With ``overwrite=False`` an existing *target* raises :class:`FileExistsError` (checked before
    writing and again at rename time on platforms where rename can refuse).

    Permissions: *mode* if given (``0o600`` for private files); otherwise a replaced file keeps
    its permission bits and a new one gets what any program's new file gets (``0o666`` less the
    umask). Temporary files that earlier writers killed mid-write left in the same folder are
    removed first (:func:`sweep_stale_temp_files`).
    """
    target = Path(target)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    directory = target.parent if str(target.parent) else Path(".")
    sweep_stale_temp_files(directory)
    fd, tmp = _create_temp(directory, target.name, 0o666 if mode is None else mode)
    try:
        # w+b: pyHanko reads back what it wrote to compute the signed digest.
        with os.fdopen(fd, "w+b") as fh:
            _set_mode(fh.fileno(), target, mode)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            # os.link fails if the target appeared meanwhile; rename would silently replace it.
            try:
                os.link(tmp, target)
            except OSError as exc:
                if target.exists():
                    raise FileExistsError(str(target)) from exc
                os.replace(tmp, target)
            else:
                tmp.unlink()
        else:
            os.replace(tmp, target)
        _fsync_dir(directory)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


# Temporary files are ".<target name>.cgnseal-<host>-<pid>-<random>.tmp": the marker says they are
# ours, host and pid say whether their writer can still be alive.
_TEMP_RE = re.compile(r"^\..*\.cgnseal-([0-9a-f]{6})-(\d+)-[0-9a-f]{8}\.tmp$")
#: A temporary file this old is stale whoever wrote it (no write takes a day; this covers
#: writers on other computers sharing the folder, and reused process ids).
STALE_AFTER = 24 * 3600.0


def _host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def _create_temp(directory: Path, name: str, mode: int) -> tuple[int, Path]:
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = directory / f".{name[:40]}.cgnseal-{_host_tag()}-{os.getpid()}-" \
                          f"{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, flags, mode), tmp  # the umask applies, as for any new file
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {directory}")


def _set_mode(fd: int, target: Path, mode: int | None) -> None:
    if os.name != "posix":
        return  # Windows: permissions come from the folder's ACL
    if mode is not None:
        os.fchmod(fd, mode)  # exactly this, whatever the umask
        return
    with contextlib.suppress(FileNotFoundError):
        os.fchmod(fd, stat.S_IMODE(target.stat().st_mode))  # a replaced file keeps its bits


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return not ok or code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep_stale_temp_files(directory: str | os.PathLike[str]) -> list[Path]:
    """Delete our temporary files in *directory* whose writer is gone: written on this computer
    by a process that no longer runs, or older than :data:`STALE_AFTER`. Only names of our own
    pattern are touched; errors are ignored (a cleanup never fails a save). Returns what went."""
    removed: list[Path] = []
    now, host, me = time.time(), _host_tag(), os.getpid()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_RE.match(entry.name)
        if m is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            pid = int(m.group(2))
            dead = m.group(1) == host and pid != me and not _pid_alive(pid)
            if dead or age > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # vanished, or held open by its writer (Windows)
    return removed


def atomic_write_bytes(
    target: str | os.PathLike[str], data: bytes, *, overwrite: bool = True,
    mode: int | None = None,
) -> None:
    """Write *data* to *target* atomically (see :func:`atomic_write`)."""
    with atomic_write(target, overwrite=overwrite, mode=mode) as fh:
        fh.write(data)


def atomic_write_text(target: str | os.PathLike[str], text: str, *, overwrite: bool = True,
                      mode: int | None = None) -> None:
    """Write UTF-8 *text* to *target* atomically."""
    atomic_write_bytes(target, text.encode("utf-8"), overwrite=overwrite, mode=mode)


def copy_file(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
              overwrite: bool = False) -> None:
    """Copy *source* to *target* atomically, streamed (a 200 MB file is never held in memory).

    Raises :class:`FileExistsError` when *target* is *source* itself, or exists and *overwrite*
    is false (:func:`output_conflict`); ``OSError`` when reading or writing fails. *target* is
    then untouched.
    """
    conflict = output_conflict(source, target)
    if conflict is OutputConflict.ORIGINAL or (conflict is not None and not overwrite):
        raise FileExistsError(str(target))
    with open(source, "rb") as src, atomic_write(target, overwrite=overwrite) as out:
        shutil.copyfileobj(src, out, 1024 * 1024)


def unique_path(path: str | os.PathLike[str]) -> Path:
    """Return *path* if it does not exist, else ``stem (2).suffix``, ``stem (3).suffix``, …"""
    path = Path(path)
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; directories cannot be opened on Windows.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
