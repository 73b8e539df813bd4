"""The remote API: shared models, the httpx client, token storage, local drafts, and the wizard
without a UI (``portal/wizard/``: state machine and navigation). No Qt here."""
