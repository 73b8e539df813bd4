"""Local drafts of form input (key → JSON) so nothing typed is lost if the app or network dies.

One SQLite file in the per-user data directory; each ``put`` is a committed transaction
(WAL, synchronous=FULL), which is SQLite's atomic write.

Drafts hold personal data (the six elements carry ID numbers): the file is the owner's only
(0600), SQLite overwrites what it deletes (``secure_delete``), and a deletion also empties the
write-ahead log, so a submitted or abandoned draft leaves no readable copy in the files.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from cgn_seal_desktop.paths import data_dir, private_file

__all__ = ["DraftStore"]


class DraftStore:
    """Drafts keyed by strings such as ``"elements"`` or ``"application/3"``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else data_dir() / "drafts.sqlite3"
        self._lock = threading.Lock()
        private_file(self.path)  # drafts hold ID numbers: owner only
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10.0)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA secure_delete=ON")
        with self._conn:
            self._conn.execute("CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY,"
                               " value TEXT NOT NULL, updated REAL NOT NULL)")

    def put(self, key: str, value: Any) -> None:
        """Store *value* (anything JSON-serialisable) under *key*, replacing the old draft."""
        text = json.dumps(value, ensure_ascii=False)
        with self._lock, self._conn:
            self._conn.execute("INSERT OR REPLACE INTO drafts(key, value, updated) VALUES (?,?,?)",
                               (key, text, time.time()))

    def get(self, key: str, default: Any = None) -> Any:
        """The draft under *key*, or *default*."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM drafts WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def delete(self, key: str) -> None:
        """Forget the draft (after the server accepted it), leaving no copy in the files."""
        with self._lock:
            with self._conn:
                self._conn.execute("DELETE FROM drafts WHERE key=?", (key,))
            # The log still holds the pages as they were; fold it in and cut it to nothing.
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def keys(self, prefix: str = "") -> list[str]:
        """Keys starting with *prefix*, sorted."""
        with self._lock:
            rows = self._conn.execute("SELECT key FROM drafts WHERE key LIKE ? ESCAPE '\\'"
                                      " ORDER BY key", (_like_prefix(prefix),)).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
