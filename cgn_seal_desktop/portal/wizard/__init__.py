"""The application wizard without a UI: where the supplier is (``state``: the server's state →
:class:`~cgn_seal_desktop.portal.wizard.state.Progress`, the 办理进度) and which page shows it
(``navigation``). ``ui/wizard/`` renders these; tests drive them without Qt."""
