"""Start the desktop program: QApplication, icon, high-DPI, translations, main window.

Translations: ``cgn_seal_desktop_<locale>.qm`` from ``paths.translations_dir()`` plus Qt's own
``qtbase_<locale>.qm`` (see ``ui.i18n``); the locale is the ``language`` setting (default
``zh_CN``; ``system`` follows the OS). An uncaught exception is logged and the user sees a
short generic message — never a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

__all__ = [
    "after_first_paint",
    "create_application",
    "install_excepthook",
    "install_translators",
    "run_gui",
]

log = logging.getLogger(__name__)
_translators: list[Any] = []  # QTranslator objects must outlive the application's use


def install_translators(app: object, language: str) -> list[str]:
    """Load the program's and Qt's translations for *language*; returns the files loaded."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.ui.i18n import resolve_language, translation_files

    assert isinstance(app, QApplication)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    language = resolve_language(language)  # "system" → the OS language, else zh_CN
    QLocale.setDefault(QLocale(language))
    loaded: list[str] = []
    for f in translation_files(language):
        tr = QTranslator(app)
        if tr.load(str(f)):
            app.installTranslator(tr)
            _translators.append(tr)
            loaded.append(str(f))
    return loaded


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("Unexpected error", exc_info=(kind, exc, tb))
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from cgn_seal_desktop.ui import dialogs

        if QApplication.instance() is not None:
            dialogs.show_message(
                QApplication.activeWindow(), QMessageBox.Icon.Critical,
                QApplication.translate("App", "Unexpected error"),
                QApplication.translate("App", "Something went wrong. The error was recorded in "
                                       "the log file. If it keeps happening, call "
                                       "400-112-3838."))
    except Exception:  # the hook itself must never raise
        log.exception("Could not show the error message")


def install_excepthook() -> None:
    """Route uncaught exceptions to the log and a generic message box."""
    sys.excepthook = _excepthook


def create_application(argv: Sequence[str] | None = None) -> object:
    """The QApplication (created once), with names, icon, style and translations."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop import APP_ID, APP_NAME, __version__
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.icon_art import app_icon

    existing = QApplication.instance()
    if existing is not None:
        return existing
    from cgn_seal_desktop.demo import activate

    activate()  # the demo UKEYs made with `cgn-seal demo-ukey [--sm2]`, if any
    # Qt 6 is high-DPI aware by default; pass fractional scale factors (125 %, 150 %) through.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    if sys.platform == "win32":
        import ctypes

        # Own taskbar group and icon instead of python.exe's when run from a Python install.
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(f"{APP_ID}.desktop")
    app = QApplication(list(argv or sys.argv[:1]))
    app.setWindowIcon(app_icon())
    if sys.platform != "darwin":
        app.setStyle("Fusion")
    font = QFont(app.font())
    # Prefer the platform's CJK UI fonts; Qt falls back per glyph if one is missing.
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                      "Noto Sans SC", font.family()])
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    install_translators(app, Settings.load().language)
    return app


def after_first_paint(app: object, callback: Callable[[], None], *,
                      fallback_ms: int = 2000) -> None:
    """Run *callback* once, right after the first widget has been painted.

    Work that the first screen does not need (the wizard's network stack, the render worker
    processes) waits until the window is visible; *fallback_ms* covers a window that never
    paints (started minimised).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = False

    def run_once() -> None:
        nonlocal done
        if not done:
            done = True
            callback()

    class _FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                app.removeEventFilter(self)  # type: ignore[attr-defined]
                QTimer.singleShot(0, run_once)
            return False

    watcher = _FirstPaint(app)  # type: ignore[arg-type]
    app.installEventFilter(watcher)  # type: ignore[attr-defined]
    QTimer.singleShot(fallback_ms, run_once)


def run_gui(files: Sequence[str] = ()) -> int:
    """Show the main window (opening the first of *files*), run the event loop."""
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.workers import wait_for_tasks

    app = create_application()
    assert isinstance(app, QApplication)
    install_excepthook()
    window = MainWindow()

    def finish_start_up() -> None:
        from cgn_seal_desktop.ui.viewer.render_worker import shared_render_service
        from cgn_seal_desktop.ui.wizard.install import install_wizard

        install_wizard(window)  # 办理进度: the application wizard (loads the network stack)
        shared_render_service().warm_up()

    after_first_paint(app, finish_start_up)
    window.show()
    if files:
        window.open_file(files[0])
    code = int(app.exec())
    wait_for_tasks(5000)
    return code
