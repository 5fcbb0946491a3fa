"""Rendering the static briefing site from the store."""
