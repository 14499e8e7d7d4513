"""Time expressions anchored to publish dates, numeric claims, hedges, events."""
