"""Where to write a new file made from the open one (the sealed copy, "save a copy"): the save
dialog, then the core's rule (:func:`cgn_seal_desktop.fsutil.output_conflict`): never the
original itself, another existing file only after "Replace?" is answered yes. The copy itself is
written by a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.fsutil import OutputConflict, copy_file, output_conflict
from cgn_seal_desktop.seal.errors import OutputExistsError
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import show_error
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["ask_target", "save_copy"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveAs", text)


def ask_target(parent: QWidget, title: str, original: Path, proposal: Path, *,
               replace_question: str, suffix: str = "") -> tuple[Path, bool] | None:
    """Ask until the user names an acceptable file: ``(target, overwrite)``, or None when the
    dialog is cancelled. *suffix* (e.g. ``.pdf``) is added to a name without it;
    *replace_question* is the "Replace?" text, ``%1`` standing for the file name."""
    while True:
        name = dialogs.ask_save_path(parent, title, str(proposal))
        if not name:
            return None
        target = Path(name)
        if suffix and target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        conflict = output_conflict(original, target)
        if conflict is OutputConflict.ORIGINAL:
            show_error(parent, OutputExistsError("The original cannot be replaced"))
            continue
        if conflict is OutputConflict.EXISTS:
            if not dialogs.ask_yes_no(parent, _tr("Replace file?"),
                                      replace_question.replace("%1", target.name)):
                continue
            return target, True
        return target, False


def save_copy(parent: QWidget, source: Path, proposal: Path,
              on_saved: Callable[[Path], None]) -> None:
    """"Save a copy" of *source*: ask where (:func:`ask_target`), then a worker copies it
    (streamed, atomically); ``on_saved(target)`` on the GUI thread, or an error message."""
    answer = ask_target(parent, _tr("Save a copy"), source, proposal,
                        replace_question=_tr("%1 already exists. Replace it?"))
    if answer is None:
        return
    target, overwrite = answer

    def work() -> Path:
        try:
            copy_file(source, target, overwrite=overwrite)
        except FileExistsError:
            raise OutputExistsError(f"{target.name} already exists") from None
        except OSError:
            raise CgnSealError("Cannot write the copy") from None
        return target

    run_task(work, on_saved, lambda exc: show_error(parent, exc), context=parent)
