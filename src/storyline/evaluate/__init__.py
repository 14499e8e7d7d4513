"""Scoring an analysis.json against hand-written gold (``storyline eval``)."""
