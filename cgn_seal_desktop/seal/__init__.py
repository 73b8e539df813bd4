"""seal package."""
