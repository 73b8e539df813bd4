"""Printing generated PDFs through Qt's print dialog: pages rendered by PyMuPDF to images."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from cgn_seal_desktop.ui import dialogs

__all__ = ["ask_and_print", "print_pdf"]

_MAX_DPI = 300  # plenty for forms; keeps a page image under ~9 MP


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of PDF *data* on *printer* at up to 300 dpi; returns pages printed.

    Each page is scaled to fit the printable area, keeping its aspect ratio (A4 on A4 = 1:1).
    """
    dpi = min(printer.resolution(), _MAX_DPI)
    doc = pymupdf.open(stream=data, filetype="pdf")
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        raise OSError("printer could not start")
    try:
        for i in range(doc.page_count):
            page = doc[i]
            if i:
                printer.newPage()
            pix = page.get_pixmap(dpi=dpi, alpha=False)
            img = QImage(pix.samples, pix.width, pix.height, pix.stride,
                         QImage.Format.Format_RGB888).copy()
            area = painter.viewport()
            size = img.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(img.rect())
            painter.drawImage(0, 0, img)
            painter.setViewport(area)
            painter.setWindow(area)
        return len(doc)
    finally:
        painter.end()
        doc.close()


def ask_and_print(parent: QWidget, data: bytes, title: str) -> bool:
    """Show the print dialog (A4 preselected) and print; False when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    from PySide6.QtGui import QPageSize

    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(title)
    if dialogs.exec_dialog(dlg) != 1:
        return False
    print_pdf(data, printer)
    return True
