"""Start the desktop program (placeholder window until the main window lands)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["run_gui"]


def run_gui(files: Sequence[str] = ()) -> int:
    """Create the QApplication, show the main window, run the event loop."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel(QApplication.translate("App", "CGN Seal Desktop"))
    label.resize(480, 240)
    label.show()
    return int(app.exec())
