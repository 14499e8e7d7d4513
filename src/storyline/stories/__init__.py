"""Incremental story clustering and per-story timelines."""
