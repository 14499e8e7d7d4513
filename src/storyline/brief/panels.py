"""What readers of news aggregators look for beside the summary: the key numbers, who reported
first, and each outlet's headline side by side. All are brief sentences with citations, so every
line still points at article text (article id and offsets), like the rest of the brief.

* Key numbers come from the comparison's claim table, not from a fresh reading: a figure is shown
  when it passed the same-measure tests there, with its value, unit, what it counts (the quantity
  class), the outlets giving it and those giving another value (``KeyNumber``).
* The first report is the story's earliest published original: a copy re-publishes, it does not report.
* A headline is article metadata, not article text, so its line cites the lead sentence under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..compare.measure import OUTCOME_CHARS, outcome
from ..model import Article, BriefSentence, Claim, KeyNumber, Span, Story

MAX_KEY_NUMBERS = 5  # a panel, not a table: the figures most outlets give


def lead_span(a: Article, sentences: dict[str, list[tuple[int, int]]]) -> Span | None:
    """The article's first sentence of some length, stripped: what its headline stands over."""
    for s, e in sentences.get(a.id, []):
        raw = a.text[s:e]
        if len(raw.strip()) >= 20:
            lead = len(raw) - len(raw.lstrip())
            return a.span(s + lead, s + lead + len(raw.strip()))
    return None


def _originals(story: Story, articles: dict[str, Article]) -> list[Article]:
    return [articles[i] for i in story.article_ids if i in articles and i not in story.copies]


def _counts(cls: str, c: Claim, articles: dict[str, Article]) -> str:
    """What a figure counts: its quantity class, and the outcome beside it when there is one
    ("people, dead"), the same word the comparison matched it by."""
    text = articles[c.span.article_id].text if c.span.article_id in articles else ""
    what = outcome(text[max(0, c.span.start - OUTCOME_CHARS):c.span.start], text[c.span.end:c.span.end + OUTCOME_CHARS])
    return f"{cls}, {what}" if what else cls


def key_numbers(story: Story, claims: Sequence[Claim], articles: dict[str, Article]) -> list[BriefSentence]:
    """The number rows of the claim table, most outlets first, each with the span of its main value."""
    by_span = {(c.span.article_id, c.span.start): c for c in claims}
    out = []
    for row in story.comparison.claims:
        if row.kind != "number" or not row.evidence or len(out) >= MAX_KEY_NUMBERS:
            continue
        main = by_span.get((row.evidence[0].article_id, row.evidence[0].start))
        if main is None or main.value is None:
            continue
        counts = _counts(row.text.split(":", 1)[0], main, articles)
        number = KeyNumber(value=main.value, unit=main.unit, counts=counts, outlets=row.support,
                           disputed_by=row.contradict)
        said = ", ".join(row.support) or "one outlet"
        text = f"{main.span.text} ({counts}), according to {said}" if counts not in main.span.text.lower() \
            else f"{main.span.text}, according to {said}"
        if row.contradict:
            text += f"; other figures from {', '.join(row.contradict)}"
        cited = [main.span] + [s for s in row.evidence[1:] if s.article_id != main.span.article_id][:3]
        out.append(BriefSentence(text=text, citations=cited, section="key_numbers", key_number=number))
    return out


def first_report(story: Story, articles: dict[str, Article],
                 sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    """Who reported first and when: the earliest dated original, citing its lead sentence."""
    dated = sorted((a for a in _originals(story, articles) if a.published), key=lambda a: (a.published, a.id))
    for a in dated[:1]:
        span = lead_span(a, sentences)
        if span is not None:
            return [BriefSentence(text=f"First reported by {a.label} on {a.published}: {span.text}",
                                  citations=[span], section="first_report")]
    return []


def headlines(story: Story, articles: dict[str, Article],
              sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    """Each outlet's headline (its earliest article's), side by side, in order of publication."""
    seen: set[str] = set()
    out = []
    for a in sorted(_originals(story, articles), key=lambda a: (a.published or "9999", a.id)):
        outlet = a.label
        span = lead_span(a, sentences)
        if outlet in seen or not a.title or span is None:
            continue
        seen.add(outlet)
        out.append(BriefSentence(text=f"{outlet}: {a.title}", citations=[span], section="headlines"))
    return out
