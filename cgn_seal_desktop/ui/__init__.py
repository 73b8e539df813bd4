"""The desktop program (PySide6; the only package that imports Qt).

Start-up: :func:`cgn_seal_desktop.ui.app.run_gui`. Window: :class:`ui.main_window.MainWindow`
(the 盖章自检 page is the package ``ui/selfcheck/``, the others are under ``ui/pages/``;
``install_page("progress", widget)`` puts the application wizard, ``ui/wizard/``, in 办理进度).
Every modal dialog goes through :func:`ui.dialogs.exec_dialog`; every error message comes from
:mod:`ui.messages`. Long work runs in :mod:`ui.workers` (thread pool) or, for signing, in
:mod:`ui.selfcheck.signing_thread`.
"""
