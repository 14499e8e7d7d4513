"""Cited briefs per story, and their Markdown / HTML / JSON renderings."""
