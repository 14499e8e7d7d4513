"""Cross-source comparison per story: agreements, conflicts, updates, framing, voices, gaps."""
