"""A brief per story: extractive, most-corroborated first, every sentence carrying its evidence spans.

Extractive on purpose: a sentence copied from an article is supported by construction, and
corroboration (similar sentences in other outlets) decides what leads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Brief, BriefSentence, Entity, Quote, Span, Story
from ..text_units import jaccard, words

SUMMARY_MIN, SUMMARY_MAX = 5, 8


def _clean_sentence(a: Article, s: int, e: int) -> Span | None:
    raw = a.text[s:e]
    body = raw.strip()
    if len(body) < 40 or len(body) > 400 or body.endswith("?"):
        return None
    lead = len(raw) - len(raw.lstrip())
    return a.span(s + lead, s + lead + len(body))


def summary_sentences(story: Story, articles: dict[str, Article],
                      sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    originals = [articles[i] for i in story.article_ids if i not in story.copies]
    cands: list[tuple[Span, set[str], int]] = []
    for a in originals:
        for rank, (s, e) in enumerate(sentences.get(a.id, [])):
            sp = _clean_sentence(a, s, e)
            if sp:
                cands.append((sp, words(sp.text), rank))
    scored = []
    for sp, ws, rank in cands:
        support = [o for o, ows, _ in cands if o.article_id != sp.article_id and jaccard(ws, ows) >= 0.25]
        outlets = {articles[o.article_id].outlet for o in support}
        scored.append((len(outlets) + 1.0 / (2 + rank), sp, ws, support))
    scored.sort(key=lambda t: -t[0])
    chosen: list[BriefSentence] = []
    chosen_words: list[set[str]] = []
    for _, sp, ws, support in scored:
        if any(jaccard(ws, c) >= 0.35 for c in chosen_words):
            continue
        best_support: dict[str, Span] = {}
        for o in support:
            best_support.setdefault(o.article_id, o)
        chosen.append(BriefSentence(text=sp.text, citations=[sp, *best_support.values()], section="summary"))
        chosen_words.append(ws)
        if len(chosen) >= SUMMARY_MAX:
            break
    return chosen


def quote_sentences(story: Story, quotes: Sequence[Quote], entities: dict[str, Entity]) -> list[BriefSentence]:
    members = set(story.article_ids) - set(story.copies)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.span.article_id in members and q.speaker and q.kind in ("direct", "partial"):
            by_speaker[q.speaker_entity or q.speaker].append(q)
    out = []
    for key, qs in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        name = entities[key].name if key in entities else qs[0].speaker
        groups: list[list[Quote]] = []
        for q in qs:
            for g in groups:
                if jaccard(words(g[0].text), words(q.text)) >= 0.5:
                    g.append(q)
                    break
            else:
                groups.append([q])
        for g in groups[:3]:
            q = g[0]
            text = q.text if len(q.text) <= 220 else q.text[:217].rsplit(" ", 1)[0] + "…"
            out.append(BriefSentence(text=f'{name}: "{text}"', citations=[x.span for x in g], section="quotes"))
    return out


def build_brief(story: Story, articles: dict[str, Article], sentences: dict[str, list[tuple[int, int]]],
                quotes: Sequence[Quote], entities: dict[str, Entity]) -> Brief:
    sents = summary_sentences(story, articles, sentences)
    for ev in story.timeline:
        sents.append(BriefSentence(text=f"{ev.date} ({ev.status}): {ev.description}", citations=ev.evidence,
                                   section="timeline"))
    sents.extend(quote_sentences(story, quotes, entities))
    comp = story.comparison
    for item in [*comp.conflicts, *comp.updates, *comp.framing, *comp.gaps]:
        if item.evidence:
            sents.append(BriefSentence(text=item.text, citations=item.evidence, section="differences"))
    for q in story.open_questions:
        sents.append(BriefSentence(text=q.text, citations=q.evidence, section="open_questions"))
    brief = Brief(story_id=story.id, headline=story.title, sentences=sents)
    from .render import render_markdown

    return brief.model_copy(update={"markdown": render_markdown(brief, story, articles)})
