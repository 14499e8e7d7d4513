"""Read-only JSON API and web reader over an analysis folder (extra ``web``)."""
