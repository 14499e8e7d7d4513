"""storyline: messy multi-outlet news in, cited stories out.

>>> from storyline import analyze
>>> corpus = analyze(["demo/corpus"])          # doctest: +SKIP
>>> corpus.stories[0].title                     # doctest: +SKIP
"""

from .config import Settings
from .model import SCHEMA_VERSION, Corpus
from .pipeline import analyze


def open_store(path: str):
    """An open DuckDB store (see :mod:`storyline.store.duckdb_store`)."""
    from .store.duckdb_store import Store

    return Store(path)


__all__ = ["SCHEMA_VERSION", "Corpus", "Settings", "analyze", "open_store"]
__version__ = "0.1.0"
