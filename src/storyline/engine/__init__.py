"""Executors for per-article stages: a local process pool (Ray later, same interface)."""
