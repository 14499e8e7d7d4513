from __future__ import annotations

import pytest

from storyline.ingest.readers import RawDoc, ReadError


def split(items):
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(docs) + len(errors) == len(items), "readers yield only RawDocs and ReadErrors"
    return docs, errors


@pytest.fixture
def article_text() -> str:
    return ("Harbour strike ends after nine days\n\n"
            "The dockworkers' union and port operators reached a deal on Tuesday night that ends a nine-day "
            "strike, union leaders said, after the operators agreed to a pay rise of 6 percent over two years.\n\n"
            "Ships that had queued outside the port for a week began to unload on Wednesday morning.\n")
