"""Ingestion: turn files, URLs and feeds into clean Articles with provenance."""
