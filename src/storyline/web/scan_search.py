"""Search without an index: what the API and the reader answer with when the folder has no usable
full-text index (no ``search`` extra, or the index cannot be read)."""

from __future__ import annotations

import re

from ..model import Corpus


def _match(text: str, terms: list[str]) -> re.Match | None:
    for t in terms:
        m = re.search(re.escape(t), text, re.I)
        if m:
            return m
    return None


def scan_search(corpus: Corpus, query: str, limit: int) -> list[dict]:
    """Search without an index: case-insensitive substring matches over article titles and texts and
    over quotes, the same hit shape as the indexed search (a span of the first matching words). The
    whole query matching scores highest, then how many of its words occur."""
    whole = " ".join(query.split())
    terms = [w for w in re.findall(r"\w+", whole) if len(w) > 2] or re.findall(r"\w+", whole)
    terms = list(dict.fromkeys(t.lower() for t in terms))[:20]
    if not whole:
        return []
    ordered = [whole, *terms]

    def score(text: str) -> float:
        low = text.lower()
        return (3.0 if whole.lower() in low else 0.0) + sum(1.0 for t in terms if t in low)

    hits: list[dict] = []
    for a in corpus.articles:
        s = score(f"{a.title or ''}\n{a.text}")
        m = _match(a.text, ordered) if s else None
        if s:
            start, end = (m.start(), m.end()) if m else (0, min(len(a.text), 80))
            hits.append({"kind": "article", "id": a.id, "article_id": a.id, "score": s, "title": a.title,
                         "outlet": a.outlet, "start": start, "end": end, "text": a.text[start:end]})
    arts = {a.id: a for a in corpus.articles}
    for q in corpus.quotes:
        s = score(q.text)
        if s:
            a = arts.get(q.span.article_id)
            hits.append({"kind": "quote", "id": q.id, "article_id": q.span.article_id, "score": s,
                         "title": a.title if a else None, "outlet": a.outlet if a else None,
                         "start": q.span.start, "end": q.span.end, "text": q.span.text})
    hits.sort(key=lambda h: -h["score"])
    return hits[:limit]
