"""The sandbox's state: one SQLite file (WAL) in the data directory, plus stored uploads.

One connection is shared by the server's worker threads behind a lock: the sandbox serves one
user at a time on loopback, so simplicity beats write concurrency. The ops CLI may open the same
file from another process; WAL and a busy timeout make that safe.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from cgn_seal_desktop.paths import private_dir, private_file

__all__ = ["Database"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    pw_salt BLOB NOT NULL,
    pw_hash BLOB NOT NULL,
    company_name TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    mobile TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,  -- unused since login_throttle
    locked_until TEXT  -- unused since login_throttle
);
-- Login attempts per account name and per client address (sandbox/throttle.py).
CREATE TABLE IF NOT EXISTS login_throttle (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_at REAL NOT NULL,
    locked_until REAL,
    PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    family TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS orgverify (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    state TEXT NOT NULL,
    elements TEXT,
    bank TEXT,
    deposit_code TEXT,
    deposit_submitted_at TEXT,
    deposit_expected_by TEXT,
    deposit_sent_at TEXT,
    attempts_left INTEGER NOT NULL DEFAULT 3,
    verified_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identity_sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    nonce TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    failure_reason TEXT
);
CREATE TABLE IF NOT EXISTS applications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    form TEXT NOT NULL,
    paid INTEGER NOT NULL DEFAULT 0,
    submitted_at TEXT,
    reject_reason TEXT,
    redo_materials TEXT NOT NULL DEFAULT '[]',
    certificate_serial TEXT,
    courier TEXT,
    tracking_number TEXT,
    shipped_at TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS materials (
    application_id INTEGER NOT NULL REFERENCES applications(id),
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (application_id, kind)
);
CREATE TABLE IF NOT EXISTS payments (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    idempotency_key TEXT NOT NULL,
    channel TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    qr_payload TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    paid_at TEXT,
    UNIQUE (user_id, idempotency_key)
);
"""


class Database:
    """The sandbox database at ``data_dir/sandbox.sqlite3``; uploads under ``data_dir/uploads``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        # Suppliers' ID numbers and ID card scans: owner only. A directory someone else chose
        # (--data) keeps its mode; what the sandbox creates in it does not need it.
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.uploads_dir = private_dir(self.data_dir / "uploads")
        self.path = private_file(self.data_dir / "sandbox.sqlite3")
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=10.0
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        with self._lock:
            self._conn.executescript(_SCHEMA)
            self._add_column("payments", "nonce", "TEXT")
            self._add_column("payments", "invoice", "TEXT")  # JSON of portal.models.Invoice

    def _add_column(self, table: str, column: str, decl: str) -> None:
        # Data directories made by earlier versions lack newer columns.
        cols = {r["name"] for r in self._conn.execute(f"PRAGMA table_info({table})")}
        if column not in cols:
            self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")

    @contextlib.contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """A serialised write transaction: committed on clean exit, rolled back on error."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def discard_upload(self, stored_name: str) -> None:
        """Delete a stored upload that no row refers to any more (replaced or to be redone).

        Called after the transaction that dropped the reference committed: a crash in between
        leaves an orphan, which :meth:`sweep_uploads` removes at the next server start.
        """
        with contextlib.suppress(FileNotFoundError):
            (self.uploads_dir / Path(stored_name).name).unlink()

    def sweep_uploads(self) -> list[str]:
        """Delete what a crash left in ``uploads/``: files no material refers to and temporary
        files of interrupted writes. Returns the names removed.

        Runs inside a write transaction: uploads are written and recorded while holding that
        lock, so another process sharing the directory is never between the two steps here.
        """
        removed = []
        with self.tx() as conn:
            keep = {r["stored_name"] for r in conn.execute("SELECT stored_name FROM materials")}
            for entry in self.uploads_dir.iterdir():
                if entry.name in keep or not entry.is_file():
                    continue
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                    removed.append(entry.name)
        return removed

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with self._lock:
            self._conn.close()
