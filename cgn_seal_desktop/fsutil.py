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
import os
import shutil
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

__all__ = ["OutputConflict", "atomic_write", "atomic_write_bytes", "atomic_write_text",
           "copy_file", "output_conflict", "same_file", "unique_path"]


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
def atomic_write(target: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """Open a temporary file next to *target*; on clean exit, fsync and rename it to *target*.

    On any exception the temporary file is removed and *target* is untouched.
    With ``overwrite=False`` an existing *target* raises :class:`FileExistsError` (checked before
    writing and again at rename time on platforms where rename can refuse).
    """
    target = Path(target)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        # w+b: pyHanko reads back what it wrote to compute the signed digest.
        with os.fdopen(fd, "w+b") as fh:
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


def atomic_write_bytes(
    target: str | os.PathLike[str], data: bytes, *, overwrite: bool = True
) -> None:
    """Write *data* to *target* atomically (see :func:`atomic_write`)."""
    with atomic_write(target, overwrite=overwrite) as fh:
        fh.write(data)


def atomic_write_text(target: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> None:
    """Write UTF-8 *text* to *target* atomically."""
    atomic_write_bytes(target, text.encode("utf-8"), overwrite=overwrite)


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
