"""ukey package."""
