"""Put the wizard into the main window under 办理进度 (``MainWindow.install_page("progress")``).

Created at start-up, not on first visit, so that a remembered session keeps polling in the
background and a result (deposit made, approved, rejected) shows as a tray notification even
while the user is on another page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cgn_seal_desktop.ui.wizard.widget import WizardWidget

__all__ = ["install_wizard"]


def install_wizard(window: QWidget) -> WizardWidget:
    """Replace *window*'s progress placeholder with a :class:`WizardWidget` and wire it up.

    *window* is a :class:`~cgn_seal_desktop.ui.main_window.MainWindow` (typed loosely so this
    module does not import the main window).
    """
    settings = getattr(window, "settings", None)
    wizard = WizardWidget(settings)
    wizard.setObjectName("progressPage")
    window.install_page("progress", wizard)  # type: ignore[attr-defined]
    wizard.self_check_requested.connect(
        lambda: window.show_page("self_check"))  # type: ignore[attr-defined]
    wizard.support_requested.connect(
        lambda: window.show_page("support"))  # type: ignore[attr-defined]
    settings_page = getattr(window, "settings_page", None)
    changed = getattr(settings_page, "changed", None)
    if changed is not None:
        changed.connect(wizard.settings_changed)
    return wizard
