"""The seal's picture: the default round seal drawn from the certificate, or a picture file.

:class:`SealPicture` keeps what the next sealing will stamp (``appearance_pdf``; None = the
default seal of the certificate chosen then) and tells the placement tool what to preview
(``preview_changed``). Reading and converting a picture file, and listing the UKEYs for the
default seal's preview, run in workers.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from cgn_seal_desktop.seal.errors import SealImageError
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.messages import show_error
from cgn_seal_desktop.ui.selfcheck.placement import placeholder_seal_image
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["SealPicture"]


class SealPicture(QObject):
    """What the seal looks like. ``preview_changed(QImage)``; ``status(str)`` for the status bar."""

    preview_changed = Signal(object)  # QImage to preview while placing
    status = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        # The picture file's seal as a one-page PDF; None = the certificate's default seal.
        self.appearance_pdf: bytes | None = None
        self._preview_org: str | None = None  # organisation the default seal preview shows
        self._choice = 0  # bumps with each choice; late answers of an older one are dropped

    @property
    def needs_preview(self) -> bool:
        """The default seal is used and its preview has not been drawn yet."""
        return self.appearance_pdf is None and self._preview_org is None

    def choose_file(self) -> None:
        """Use a seal picture from a file: read, checked and turned into the seal's PDF by a
        worker (a large picture takes a while); the preview follows when it is ready."""
        name = dialogs.ask_open_file(self._parent, self.tr("Choose the seal image"),
                                     self.tr("Images (*.png *.jpg *.jpeg)"))
        if not name:
            return
        path = Path(name)
        self._choice += 1
        choice = self._choice

        def work() -> tuple[bytes, QImage]:
            from cgn_seal_desktop.seal.appearance import image_to_seal_pdf

            try:
                data = path.read_bytes()
            except OSError:
                raise SealImageError() from None
            pdf = image_to_seal_pdf(data)
            image = QImage.fromData(data)  # QImage (unlike QPixmap) may be made off the GUI
            if image.isNull():
                raise SealImageError()
            return pdf, image

        def done(result: tuple[bytes, QImage]) -> None:
            if choice != self._choice:  # another picture, or the default, chosen since
                return
            self.appearance_pdf, image = result
            self.preview_changed.emit(image)
            self.status.emit(self.tr("Seal image: %1").replace("%1", path.name))

        def failed(exc: BaseException) -> None:
            show_error(self._parent,
                       exc if isinstance(exc, SealImageError) else SealImageError())

        run_task(work, done, failed, context=self)

    def use_default(self, *, preview_now: bool) -> None:
        """Back to the certificate's default seal (its preview drawn now if *preview_now*)."""
        self._choice += 1
        self.appearance_pdf = None
        self._preview_org = None
        self.preview_changed.emit(placeholder_seal_image())
        if preview_now:
            self.load_default_preview()

    def load_default_preview(self) -> None:
        """Preview the seal drawn from the certificate's organisation, when that is unambiguous.

        Lists the UKEYs in a worker; with several organisations the neutral placeholder stays
        (the seal itself is still drawn from the certificate chosen later).
        """
        settings, choice = self._settings, self._choice

        def work() -> tuple[str, bytes] | None:
            # Only a glance: if the UKEY is busy (signing), keep the placeholder.
            from cgn_seal_desktop.ukey.service import list_all_tokens, signing_choices

            tokens = list_all_tokens(settings.module_path, wait_s=0.2)
            if tokens is None:
                return None
            orgs = {c.owner for c in signing_choices(tokens)}
            if len(orgs) != 1:
                return None
            org = orgs.pop()
            from cgn_seal_desktop.seal.appearance import default_seal_png

            return org, default_seal_png(org, diameter_mm=settings.seal_diameter_mm, dpi=150)

        def done(found: tuple[str, bytes] | None) -> None:
            if found is None or choice != self._choice or self.appearance_pdf is not None:
                return
            image = QImage.fromData(found[1])
            if not image.isNull():
                self._preview_org = found[0]
                self.preview_changed.emit(image)

        # No UKEY yet: the placeholder stays.
        run_task(work, done, lambda _exc: None, context=self)
