"""Open questions: what the story's sources say is not known yet, deduplicated across outlets.

A sentence is an open question when it carries a marker of the unknown ("it remains to be seen",
"no decision has been made on", "officials would not confirm", "is expected to", German "bleibt
abzuwarten") or is a direct question in the reporter's own voice (not inside a quotation). The same
question from several outlets (syndicated copies, rewrites) becomes one item with all the evidence;
copies are kept as evidence because a copy may be the only version a gold or a reader points at.

Not every question mark is a question about the story: a subhead ("What happens next?"), a promo
("Want more? Sign up..."), a line to the reader ("What's happening in your state?") or a rhetorical
aside ("Too woo-woo for you?") is left out; those lines are patterns in ``not_questions_<lang>.txt``,
and a direct question needs ``question_min_words`` words to say what is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz import fuzz

from ..config import BRIEF
from ..model import Article, Evidenced, Span
from ..resources import base_language, lines
from ..text.glyphs import DOUBLE_OPEN, ENGLISH_SINGLE_OPEN, LONG_DASHES, balanced_quotes
from ..text.words import jaccard, words
from ..time.hedges import open_question_marker

_QUOTE_OPEN = tuple(DOUBLE_OPEN + LONG_DASHES + ENGLISH_SINGLE_OPEN)
_LEAD = re.compile(r"^(?:\d+\.\s+|[-*•]\s+)")  # list numbering in digests


def _same_question(a: str, b: str) -> bool:
    return jaccard(words(a), words(b)) >= 0.5 or fuzz.token_set_ratio(a, b) >= 88


@cache
def _not_questions(language: str) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in lines(f"compare/not_questions_{language}.txt")), re.I)
    except FileNotFoundError:
        return None


def _addressed_elsewhere(sent: str, language: str | None) -> bool:
    """A line to the reader, a promo or a subhead: asks nothing about the story."""
    for code in dict.fromkeys((base_language(language), "en")):
        pat = _not_questions(code)
        if pat is not None and pat.search(sent):
            return True
    return False


def _is_direct_question(sent: str) -> bool:
    if not sent.endswith("?") or sent.startswith(_QUOTE_OPEN) or len(sent.split()) < BRIEF.question_min_words:
        return False
    # a question that closes a quotation ('"Who pays?" she asked') is the speaker's, not the story's
    return balanced_quotes(sent)


def question_in(article: Article, start: int, end: int) -> tuple[Span, str] | None:
    """(evidence span, kind) when the sentence [start, end) states an open question."""
    raw = article.text[start:end]
    sent = raw.strip()
    if len(sent) < 12 or _addressed_elsewhere(sent, article.language):
        return None
    kind = None
    if open_question_marker(sent, article.language):
        kind = "hedge"
    elif _is_direct_question(sent):
        kind = "question"
    if kind is None:
        return None
    lead = len(raw) - len(raw.lstrip())
    return article.span(start + lead, start + lead + len(sent)), kind


def open_questions(articles: Sequence[Article], sentences: dict[str, list[tuple[int, int]]]) -> list[Evidenced]:
    found: list[Evidenced] = []
    # originals first, so a question's text comes from an original rather than from a copy
    for a in sorted(articles, key=lambda a: (a.duplicate_of is not None, a.published or "", a.id)):
        for s, e in sentences.get(a.id, []):
            hit = question_in(a, s, e)
            if hit is None:
                continue
            span, kind = hit
            text = _LEAD.sub("", span.text)
            for q in found:
                if _same_question(q.text, text):
                    if not any(x.article_id == span.article_id and x.start == span.start for x in q.evidence):
                        q.evidence.append(span)
                    if a.outlet and a.outlet not in q.outlets:
                        q.outlets.append(a.outlet)
                    break
            else:
                found.append(Evidenced(text=text, evidence=[span], kind=kind,
                                       outlets=[a.outlet] if a.outlet else []))
    return found
