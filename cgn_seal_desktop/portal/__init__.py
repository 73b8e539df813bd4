"""The remote API: shared models, the httpx client, token storage, local drafts and the wizard's
progress state machine (no Qt here)."""
