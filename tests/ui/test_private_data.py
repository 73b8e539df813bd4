"""Personal data at rest: the per-user directories are the owner's only, the drafts and sandbox
databases too, and a draft with ID numbers leaves no readable copy once it is submitted, also
after cancel-and-redo."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cgn_seal_desktop import paths
from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.models import IdentityStatus, OrgVerificationState
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.wizard.elements_page import ElementsPage
from tests.portal.helpers import bank, elements
from tests.ui.test_wizard_pages import api, login, start_sandbox_widget
from tests.ui.wizard_helpers import WAIT, Env, click, ctx, env, on_page

__all__ = ["env"]  # the fixture

pytestmark = pytest.mark.timeout(120)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _raw(db: Path) -> bytes:
    """Everything SQLite keeps on disk for *db*: the file, its log and its shared memory."""
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())


def test_drafts_and_sandbox_data_are_private_and_submitted_drafts_leave_no_copy(
    qtbot: QtBot, env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = start_sandbox_widget(qtbot, env)
    client = api(w)
    # Fast-forward to a locked deposit code: only cancel-and-redo helps.
    good = elements()
    client.submit_elements(good)
    client.start_identity()
    uid = ops.find_user(ctx(w), "bob")
    ops.identity_set(ctx(w), uid, IdentityStatus.PASSED)
    client.submit_bank_account(bank())
    code = ops.deposit_post(ctx(w), uid).code
    for _ in range(3):
        with pytest.raises(E.ValidationFailed):
            client.enter_deposit_code("000000" if code != "000000" else "111111")
    assert client.verification().state is OrgVerificationState.LOCKED

    login(qtbot, w)
    on_page(qtbot, w, "bank")
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a, **_k: True)
    click(qtbot, w, "cancelVerification")
    on_page(qtbot, w, "elements")
    el = w.pages["elements"]
    assert isinstance(el, ElementsPage)
    qtbot.waitUntil(lambda: el.values()["operator_id_number"] == good.operator_id_number,
                    timeout=WAIT)

    drafts = w.drafts.path
    ids = [good.legal_rep_id_number.encode(), good.operator_id_number.encode()]
    # While editing, the draft holds the ID numbers, in files only the owner can read.
    assert any(i in _raw(drafts) for i in ids)
    for p in drafts.parent.glob(drafts.name + "*"):
        assert _mode(p) == 0o600, p
    assert _mode(paths.data_dir()) == 0o700
    for d in (paths.config_dir(), paths.cache_dir(), paths.log_dir()):
        assert _mode(d) == 0o700, d
    sandbox_db = ctx(w).db
    assert _mode(sandbox_db.path) == 0o600 and _mode(sandbox_db.uploads_dir) == 0o700

    # Submitted again: the draft is gone from the files, not just from the table.
    click(qtbot, w, "elementsNext")
    click(qtbot, w, "submitElements")
    on_page(qtbot, w, "identity")
    qtbot.waitUntil(lambda: not any(i in _raw(drafts) for i in ids), timeout=WAIT)
    keys = w.drafts.keys("")
    assert not [k for k in keys if k.endswith("elements")], keys
