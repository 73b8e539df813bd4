"""One file, one verdict: the command line and the desktop program compose the same trust
roots from the same settings (bundled, user, the sandbox CA while working in the sandbox)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cgn_seal_desktop import paths
from cgn_seal_desktop.cli import main
from cgn_seal_desktop.settings import Settings
from tests.pdfs import make_pdf
from tests.ui.conftest import sign_directly


def _cli_verdict(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    capsys.readouterr()
    main(["verify", "--json", str(path)])
    report = json.loads(capsys.readouterr().out)
    return report["verdict"], [s["status"] for s in report["signatures"]]


@pytest.mark.parametrize("sandbox", [True, False])
def test_cli_and_gui_agree(qtbot: Any, ukey: Any, tmp_path: Path, sandbox: bool,
                           capsys: pytest.CaptureFixture[str]) -> None:
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.workers import wait_for_tasks

    # The test root is not a user root here: it is the sandbox's test CA, on disk where a
    # running sandbox writes it, and trusted only while the user works in the sandbox.
    ca = paths.data_dir() / "sandbox" / "testca" / "ca.cert.pem"
    ca.parent.mkdir(parents=True)
    shutil.copy(ukey.root_pem_path, ca)
    settings = Settings(module_path=ukey.module, check_service_online=False,
                        trust_sandbox_ca=sandbox)
    settings.save()
    signed = sign_directly(ukey, make_pdf(tmp_path / "a.pdf", pages=1), tmp_path / "s.pdf")

    cli = _cli_verdict(signed, capsys)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.self_check.report_ready, timeout=30_000) as blocker:
        win.open_file(str(signed))
    gui_report = blocker.args[0]
    wait_for_tasks(10_000)
    gui = (gui_report.verdict, [s.status for s in gui_report.signatures])
    assert cli == gui
    assert cli == (("valid", ["valid"]) if sandbox else ("invalid", ["untrusted"]))
