"""Open questions: hedged sentences and direct questions, deduplicated across outlets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Article, Evidenced
from ..text_units import jaccard, words

_OPEN = re.compile(
    r"(?i)\b(it remains to be seen|remains? unclear|it is (?:not )?(?:yet )?(?:clear|unclear)|no decision has been made|"
    r"has not (?:yet )?been decided|would not confirm|declined to (?:confirm|say)|could not be confirmed|"
    r"is expected to|are expected to|open question|unanswered)\b"
)


def open_questions(articles: Sequence[Article], sentences: dict[str, list[tuple[int, int]]]) -> list[Evidenced]:
    found: list[Evidenced] = []
    for a in articles:
        if a.duplicate_of:
            continue
        for s, e in sentences.get(a.id, []):
            raw = a.text[s:e]
            sent = raw.strip()
            is_question = sent.endswith("?") and not sent.startswith(("\"", "“", "«", "—", "–"))
            if not (_OPEN.search(sent) or is_question):
                continue
            lead = len(raw) - len(raw.lstrip())
            span = a.span(s + lead, s + lead + len(sent))
            for q in found:
                if jaccard(words(q.text), words(sent)) >= 0.5:
                    q.evidence.append(span)
                    if a.outlet and a.outlet not in q.outlets:
                        q.outlets.append(a.outlet)
                    break
            else:
                found.append(Evidenced(text=sent, evidence=[span], kind="question" if is_question else "hedge",
                                       outlets=[a.outlet] if a.outlet else []))
    return found
