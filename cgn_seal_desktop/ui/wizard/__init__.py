"""The application wizard (办理进度): from 供应商注册 to the UKEY, over ``portal``'s state machine.

Public API: :class:`WizardWidget` (install it as the main window's 办理进度 page).
"""

from cgn_seal_desktop.ui.wizard.widget import WizardWidget

__all__ = ["WizardWidget"]
