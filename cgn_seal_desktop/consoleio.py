"""Standard output and error that never fail on a character.

On Windows, Python writes to a console window through the console's UTF-16 API, but to a pipe or
a file in the ANSI code page: cp1252 on an English system, where every Chinese word of our output
raised ``UnicodeEncodeError`` (``cgn-seal --self-test | more``, ``cgn-seal verify x.pdf >
report.txt``, a build script reading the self-test). The frozen executables ignore
``PYTHONIOENCODING``, so the program fixes its streams itself, once, at start.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

__all__ = ["use_utf8_output"]


def _is_utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


def _fix(stream: TextIO | None) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if stream is None or reconfigure is None:  # windowed executable: no console at all
        return
    if not _is_utf8(getattr(stream, "encoding", None)):
        stream.flush()
        reconfigure(encoding="utf-8", errors="replace")
    elif getattr(stream, "errors", "strict") == "strict":
        # A lone surrogate (an undecodable file name) must not end the program either.
        reconfigure(errors="replace")


def use_utf8_output() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` write UTF-8 and replace what cannot be encoded.

    A stream that already writes UTF-8 (a Windows console, a UTF-8 Linux locale) keeps its
    encoding and only stops raising on unencodable characters; one in a legacy code page
    (piped output on Windows) switches to UTF-8, so ``--json`` output stays lossless. Readers of
    piped output decode it as UTF-8 (PowerShell: ``[Console]::OutputEncoding =
    [Text.Encoding]::UTF8``). Missing streams (the windowed executable) are left alone.
    """
    _fix(sys.stdout)
    _fix(sys.stderr)
