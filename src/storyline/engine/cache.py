"""Per-article results cached by content hash, so re-running on a grown folder analyses only new files.

The key covers what the analysis reads (content, metadata, a date written in the source path), the
spaCy pipeline name and a fingerprint of storyline's own code and lexicons: any change to either
invalidates the entry, never a stale hit. The path itself is not in the key, so the same files in a
renamed folder hit; the caller moves such a hit to its new source (``engine.rehome``).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from ..ingest.dates import path_date
from ..ingest.readers import RawDoc

PACKAGE = Path(__file__).resolve().parents[1]


@cache
def code_fingerprint() -> str:
    h = hashlib.sha1()
    for p in sorted(PACKAGE.rglob("*")):
        if p.is_file() and p.suffix not in (".pyc",) and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(PACKAGE)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def doc_key(doc: RawDoc, model: str, skip: frozenset[str] = frozenset()) -> str:
    """The source path counts only through the publication date it may spell (``path_date``);
    ``skip``: the stages left out, whose results the entry then lacks."""
    h = hashlib.sha1()
    for part in (code_fingerprint(), model, ",".join(sorted(skip)), doc.kind, path_date(doc.source) or "",
                 json.dumps(doc.meta, sort_keys=True, default=str), doc.content):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class ResultCache:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None  # missing or from an older code version: recompute

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a crash never leaves a half-written entry
