"""Local drafts survive closing and reopening (an app crash), keys are isolated, and personal data
in them is private on disk and gone from the files once deleted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cgn_seal_desktop.paths import data_dir
from cgn_seal_desktop.portal.drafts import DraftStore
from tests.portal.helpers import elements


def test_drafts_survive_reopen() -> None:
    store = DraftStore()
    assert store.path.parent == data_dir()
    store.put("elements", elements().model_dump())
    store.put("application/1", {"seal_name": "章"})
    store.put("application_x", {"other": True})
    store.close()  # as if the app died here

    again = DraftStore()
    assert again.get("elements")["uscc"] == elements().uscc
    assert again.keys("application/") == ["application/1"]
    assert again.keys("application_") == ["application_x"]  # "_" is not a wildcard
    again.put("application/1", {"seal_name": "新章"})
    assert again.get("application/1") == {"seal_name": "新章"}
    again.delete("elements")
    assert again.get("elements") is None and again.get("missing", 5) == 5
    again.close()


def test_a_deleted_draft_leaves_no_copy_and_the_files_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0)  # even a permissive umask gives nobody else access
    try:
        store = DraftStore(tmp_path / "d.sqlite3")
    finally:
        os.umask(old_umask)
    el = elements()
    for i in range(20):  # edits, as typed
        store.put("elements", {**el.model_dump(), "org_name": f"公司{i}"})
    files = sorted(tmp_path.glob("d.sqlite3*"))
    assert {p.name for p in files} >= {"d.sqlite3", "d.sqlite3-wal"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), files
    store.delete("elements")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("d.sqlite3*"))
    for secret in (el.legal_rep_id_number, el.operator_id_number, el.uscc):
        assert secret.encode() not in raw
    store.close()
