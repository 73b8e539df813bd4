"""Local drafts survive closing and reopening (an app crash), and keys are isolated."""

from __future__ import annotations

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
