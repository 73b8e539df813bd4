"""上传资料: one drop area per material kind; type and size checked before sending; a progress
bar per file; retry, replace and remove (a not yet uploaded file); thumbnails of images."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.materials import MaterialProblem, precheck
from cgn_seal_desktop.portal.models import (
    Application,
    ApplicationStatus,
    Material,
    MaterialKind,
    MaterialKindInfo,
)
from cgn_seal_desktop.portal.wizard.navigation import View
from cgn_seal_desktop.portal.wizard.state import Action, Progress
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import error_message
from cgn_seal_desktop.ui.wizard.common import ERROR_STYLE, WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import material_label, note_text

__all__ = ["MaterialRow", "MaterialsPage"]


class MaterialRow(QFrame):
    """One material kind: drop target, state, progress and buttons."""

    file_dropped = Signal(object, object)  #: MaterialKind, Path
    bytes_sent = Signal(int, int)  #: bytes sent, total (emitted from the worker thread)

    def __init__(self, info: MaterialKindInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"material_{info.kind.value}")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QGridLayout(self)
        self.thumb = QLabel()
        self.thumb.setFixedSize(64, 64)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setText("PDF")
        self.title = QLabel()
        self.title.setObjectName("materialTitle")
        self.required = info.required
        self.set_required(info.required)
        self.state = QLabel(self.tr("Drop a file here, or choose one."))
        self.state.setObjectName("materialState")
        self.state.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.bar.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.choose = QPushButton(self.tr("Choose file…"))
        self.retry = QPushButton(self.tr("Retry"))
        self.remove = QPushButton(self.tr("Remove"))
        for b in (self.choose, self.retry, self.remove):
            buttons.addWidget(b)
        self.retry.setVisible(False)
        self.remove.setVisible(False)
        lay.addWidget(self.thumb, 0, 0, 3, 1)
        lay.addWidget(self.title, 0, 1)
        lay.addWidget(self.state, 1, 1)
        lay.addWidget(self.bar, 2, 1)
        lay.addLayout(buttons, 0, 2, 3, 1)
        lay.setColumnStretch(1, 1)  # the state (and a problem) gets the row's width
        self.pending: Path | None = None  # chosen locally, not (yet) on the server
        self.uploaded: Material | None = None
        self.bytes_sent.connect(self._show_progress)  # queued: crosses threads

    def _show_progress(self, sent: int, total: int) -> None:
        if self.bar.isVisible():
            self.bar.setRange(0, 100)
            self.bar.setValue(int(sent * 100 / total) if total else 100)

    def set_required(self, required: bool) -> None:
        """Mark the kind as needed (some kinds are needed only in some cases), uploaded or not."""
        self.required = required
        self.title.setText(f"<b>{material_label(self.info.kind)}</b>"
                           + (' <span style="color:#c62828">*</span>' if required else ""))

    def show_state(self, text: str) -> None:
        """Say where the file stands (uploaded, uploading, what to do)."""
        self.setProperty("problem", None)
        self.state.setStyleSheet("")
        self.state.setText(text)

    def show_problem(self, code: str, text: str) -> None:
        """Say, in red, why this file was not taken (by the check here or by the server)."""
        self.setProperty("problem", code)
        self.state.setStyleSheet(ERROR_STYLE)
        self.state.setText(text)

    # drag and drop: the drop handler calls the same slot the file chooser uses
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.file_dropped.emit(self.info.kind, Path(urls[0].toLocalFile()))

    def set_thumbnail(self, path: Path | None) -> None:
        pix = QPixmap(str(path)) if path is not None and path.suffix.lower() != ".pdf" else None
        if pix is not None and not pix.isNull():
            self.thumb.setPixmap(pix.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumb.setPixmap(QPixmap())
            self.thumb.setText("PDF" if path is not None or self.uploaded else "")


class MaterialsPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Upload the application materials")))
        self.notice = note()
        self.notice.setObjectName("materialsNotice")
        self.box.addWidget(self.notice)
        self.box.addWidget(note(self.tr("PDF, JPEG or PNG. Scan at 200 dpi; colour is "
                                        "required for the seal impression.")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        host = QWidget()
        self.rows_box = QGridLayout(host)
        scroll.setWidget(host)
        self.box.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Edit application"))
        self.back_button.setObjectName("editApplication")
        self.print_button = QPushButton(self.tr("Print forms"))
        self.submit_button = QPushButton(self.tr("Submit application"))
        self.submit_button.setObjectName("submitApplication")
        row.addWidget(self.back_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        self.box.addLayout(row)
        self.rows: dict[MaterialKind, MaterialRow] = {}
        self._kinds_requested = False
        self.back_button.clicked.connect(lambda: self.ctl.show_view(View.FORM))
        self.print_button.clicked.connect(lambda: self.ctl.show_view(View.PRINT))
        self.submit_button.clicked.connect(self._submit)

    def show_progress(self, progress: Progress) -> None:
        if not self.rows and not self._kinds_requested:
            self._kinds_requested = True

            def failed(_e: BaseException) -> bool:
                self._kinds_requested = False
                return False

            self.ctl.run(lambda c: c.material_kinds(), self._build, failed, refresh=False)
        self.submit_button.setEnabled(Action.SUBMIT_APPLICATION in progress.actions)
        app = self.ctl.snapshot.application
        text = [note_text(n) for n in progress.notices]
        if app is not None and app.status is ApplicationStatus.REJECTED and app.redo_materials:
            labels = [material_label(k) for k in app.redo_materials]
            text.append(self.tr("Upload again: %1").replace("%1", self.tr(", ").join(labels)))
        self.notice.setText("\n".join(text))
        self._sync(app)

    def _build(self, kinds: list[MaterialKindInfo]) -> None:
        for i, info in enumerate(kinds):
            row = MaterialRow(info)
            row.file_dropped.connect(self.add_file)
            row.choose.clicked.connect(lambda _c=False, k=info.kind: self._choose(k))
            row.retry.clicked.connect(lambda _c=False, k=info.kind: self._retry(k))
            row.remove.clicked.connect(lambda _c=False, k=info.kind: self._remove(k))
            self.rows[info.kind] = row
            self.rows_box.addWidget(row, i, 0)
        self._sync(self.ctl.snapshot.application)

    def _sync(self, app: Application | None) -> None:
        if app is None:
            return
        have = {m.kind: m for m in app.materials}
        for kind, row in self.rows.items():
            m = have.get(kind)
            row.uploaded = m
            # Needed for this application whether uploaded yet or not (the service says which).
            row.set_required(kind in app.required_materials if app.required_materials
                             else row.info.required or kind.value in app.missing)
            if row.pending is None and not row.bar.isVisible() and not row.property("problem"):
                if m is not None:
                    row.show_state(self.tr("Uploaded: %1 (%2 KB)").replace("%1", m.filename)
                                   .replace("%2", str(max(1, m.size // 1024))))
                    row.choose.setText(self.tr("Replace…"))
                else:
                    row.show_state(self.tr("Drop a file here, or choose one."))
                    row.choose.setText(self.tr("Choose file…"))
                    row.set_thumbnail(None)

    def _choose(self, kind: MaterialKind) -> None:
        name = dialogs.ask_open_file(self, self.tr("Choose file"),
                                     self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"))
        if name:
            self.add_file(kind, Path(name))

    def add_file(self, kind: MaterialKind, path: Path) -> None:
        """Check *path* for *kind* and upload it (used by drag-and-drop and the chooser)."""
        row = self.rows[kind]
        problem = precheck(path, row.info)
        if problem is not None:
            row.show_problem(problem.value, {
                MaterialProblem.TYPE: self.tr("This file type is not accepted: use PDF, JPEG "
                                              "or PNG."),
                MaterialProblem.EMPTY: self.tr("The file is empty (0 bytes). Scan the document "
                                               "again and choose the new file."),
                MaterialProblem.SIZE: self.tr("The file is too large (max. %1 MB).").replace(
                    "%1", f"{row.info.max_bytes / 1048576:.1f}"),
                MaterialProblem.UNREADABLE: self.tr("The file cannot be read."),
            }[problem])
            return
        row.show_state("")
        row.pending = path
        row.set_thumbnail(path)
        self._upload(kind)

    def _upload(self, kind: MaterialKind) -> None:
        row = self.rows[kind]
        path, app = row.pending, self.ctl.snapshot.application
        if path is None or app is None:
            return
        row.show_state(self.tr("Uploading %1…").replace("%1", path.name))
        row.bar.setVisible(True)
        row.bar.setRange(0, 0)  # busy until the first bytes are out
        row.retry.setVisible(False)
        row.remove.setVisible(False)
        row.choose.setEnabled(False)
        app_id = app.id

        def done(_m: Any) -> None:
            row.pending = None
            row.bar.setRange(0, 100)
            row.bar.setValue(100)
            row.bar.setVisible(False)
            row.choose.setEnabled(True)

        def on_error(exc: BaseException) -> bool:
            title, text = error_message(exc)
            reasons = exc.fields if isinstance(exc, E.ValidationFailed) else {}
            # The server's reason for this file (its words are Chinese already), else ours.
            reason = "；".join(reasons.values()) if reasons else text
            row.show_problem("server", f"{title}: {reason}")
            row.bar.setRange(0, 100)
            row.bar.setValue(0)
            row.bar.setVisible(False)
            row.retry.setVisible(True)
            row.remove.setVisible(True)
            row.choose.setEnabled(True)
            return True  # shown on the row itself; the rest of the page stays usable

        self.ctl.run(lambda c: c.upload_material(app_id, kind, path,
                                                 progress=row.bytes_sent.emit),
                     done, on_error)

    def _retry(self, kind: MaterialKind) -> None:
        self._upload(kind)

    def _remove(self, kind: MaterialKind) -> None:
        row = self.rows[kind]
        row.pending = None
        row.setProperty("problem", None)
        row.retry.setVisible(False)
        row.remove.setVisible(False)
        row.set_thumbnail(None)
        self._sync(self.ctl.snapshot.application)

    def _submit(self) -> None:
        app = self.ctl.snapshot.application
        if app is None:
            return
        self.submit_button.setEnabled(False)
        again = app.status is ApplicationStatus.REJECTED
        paid = app.paid

        def done(_a: Any) -> None:
            self.ctl.chosen_view = None
            if again:
                text = self.tr("Your application was submitted again. SZCA reviews it once "
                               "more; no second payment is needed.") if paid else self.tr(
                    "Your application was submitted again. Pay the fee to start the review.")
            else:
                text = self.tr("Your application was submitted. Pay the fee to start the "
                               "review.")
            # Said once the page shows where the application now stands.
            self.ctl.refresh(lambda ok: self.ctl.confirmed.emit(text) if ok else None)

        self.ctl.run(lambda c: c.submit_application(app.id), done,
                     self._reenable, refresh=False)

    def _reenable(self, _exc: BaseException) -> bool:
        self.submit_button.setEnabled(True)
        return False  # still reported in the banner, with Retry
