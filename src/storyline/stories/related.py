"""Related stories: stories of one thread that the clusterer rightly or wrongly kept apart.

Day one and day two of a scandal, a second event of the same kind with the same people, a follow-up
weeks later that the time decay split off: merging them would blur two events, losing the link
would hide the thread. So finished stories are *linked*, never merged, when they share the names
both are about and/or their words are alike.

A name links only when it is *salient* to both stories (named in at least half of a story's
original reports, and more than once), so a passing mention does not tie two stories together.
Outlets (a paper quoting itself, "the Herald reported") and names most stories mention (the
country a corpus is about) say nothing about a thread and are ignored. Candidate pairs are blocked
by shared salient entity ids and shared key words, each posting list capped, so the cost follows
the links, not the square of the number of stories. Each link carries evidence spans sliced from
member articles of both stories. Links are symmetric and bounded per story, best first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from ..model import Article, Entity, RelatedStory, Span, Story
from .features import _WORD, _term, content_words, fold, iso_day, sublinear  # the clusterer's own terms

LINK_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})  # NORP ("Aldorian") is an adjective, not a party
NAMED_TYPES = frozenset({"PERSON", "ORG"})  # who acts; a shared place alone is weak evidence
SALIENT_SHARE = 0.5  # a name is salient to a story when at least this share of its originals name it
MIN_SALIENT_MENTIONS = 2  # ... and it is named at least this often in the story (one aside is not salience)
# a name mentioned in more than this share of all stories is background (the country the corpus is
# about); never fewer than COMMON_FLOOR stories, so a small corpus does not lose its protagonists
COMMON_SHARE = 0.3
COMMON_FLOOR = 3
MAX_POSTING = 200  # a blocking key shared by more stories than this is too common to propose pairs
TOP_WORDS = 40  # terms kept per story's word vector (bounded memory and cosine cost)
BLOCK_WORDS = 8  # a story's heaviest terms used as blocking keys for links on content alone
MIN_COS_WITH_NAME = 0.08  # with one shared salient person/org, the words must be at least this alike
MIN_COS_WITH_PLACE = 0.25  # with only shared places, the words must be clearly alike
MIN_COS_ALONE = 0.45  # no shared name: near-identical subject matter only (set high by hand, not tuned on data)
MAX_RELATED = 5  # links per story, best first
MAX_REASON_NAMES = 4  # names in ``why``
MAX_EVIDENCE_NAMES = 3  # shared names given evidence spans (one span in each story)
MAX_REASON_WORDS = 3  # key words in ``why`` (and given evidence spans)

Mentions = Mapping[str, Sequence[tuple[int, int, str]]]  # article id -> (start, end, entity id)


@dataclass
class _Profile:
    """What one story looks like to the linker."""

    story: Story
    originals: list[str]
    salient: set[str] = field(default_factory=set)
    share: dict[str, float] = field(default_factory=dict)  # salient entity -> share of originals naming it
    words: dict[str, float] = field(default_factory=dict)  # L2-normalised tf-idf over TOP_WORDS terms
    first: date | None = None
    last: date | None = None


def _outlet_names(articles: Mapping[str, Article]) -> set[str]:
    return {fold(n).strip() for a in articles.values()
            for n in (a.outlet, a.provenance.syndicated_from) if n and n.strip()}


def _linkable(e: Entity | None, outlets: set[str]) -> bool:
    if e is None or e.type not in LINK_TYPES:
        return False
    return not any(fold(n).strip().removeprefix("the ") in outlets or fold(n).strip() in outlets
                   for n in (e.name, *e.aliases))


def _profiles(stories: Sequence[Story], articles: Mapping[str, Article], mentions: Mentions,
              entities: Mapping[str, Entity]) -> tuple[list[_Profile], Counter[str]]:
    """Per story: salient entities and a word vector; and in how many stories each entity is named."""
    outlets = _outlet_names(articles)
    ok: dict[str, bool] = {}
    named_in: Counter[str] = Counter()
    profiles: list[_Profile] = []
    term_df: Counter[str] = Counter()
    tfs: list[Counter[str]] = []
    for s in stories:
        originals = [a for a in s.article_ids if a in articles and a not in s.copies] or \
            [a for a in s.article_ids if a in articles]
        p = _Profile(s, originals, first=iso_day(s.first_seen), last=iso_day(s.last_seen))
        arts_of: dict[str, set[str]] = defaultdict(set)
        count: Counter[str] = Counter()
        name_words: set[str] = set()
        for aid in originals:
            for _, _, eid in mentions.get(aid, ()):
                if eid not in ok:
                    ok[eid] = _linkable(entities.get(eid), outlets)
                if ok[eid]:
                    arts_of[eid].add(aid)
                    count[eid] += 1
        for eid, arts in arts_of.items():
            named_in[eid] += 1
            if entities[eid].type == "PERSON":
                name_words.update(t for w in _WORD.findall(entities[eid].name) if (t := _term(w)))
            share = len(arts) / len(originals)
            if share >= SALIENT_SHARE and count[eid] >= MIN_SALIENT_MENTIONS:
                p.salient.add(eid)
                p.share[eid] = share
        tf: Counter[str] = Counter()
        for aid in originals:
            a = articles[aid]
            for t, w in sublinear(content_words(f"{a.title or ''}\n{a.text}")).items():
                if t not in name_words:  # names are weighed as entities; words say what happened
                    tf[t] += w
        term_df.update(tf.keys())
        tfs.append(tf)
        profiles.append(p)
    n = len(stories)
    for p, tf in zip(profiles, tfs):
        weighted = {t: w * math.log((n + 1) / term_df[t]) for t, w in tf.items() if term_df[t] < n or n == 1}
        top = dict(sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_WORDS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        p.words = {t: w / norm for t, w in top.items() if w > 0}
    return profiles, named_in


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _gap(this: _Profile, other: _Profile) -> str:
    """Where ``other`` lies in time from ``this``: '3 weeks later', '2 days earlier', 'same days'."""
    if not (this.first and this.last and other.first and other.last):
        return ""
    if other.first > this.last:
        days, side = (other.first - this.last).days, "later"
    elif other.last < this.first:
        days, side = (this.first - other.last).days, "earlier"
    else:
        return "same days"
    if days == 1:
        return "next day" if side == "later" else "the day before"
    if days < 14:
        return f"{days} days {side}"
    if days < 60:
        return f"{round(days / 7)} weeks {side}"
    return f"{round(days / 30.44)} months {side}"


def _first_mention(p: _Profile, eid: str, articles: Mapping[str, Article], mentions: Mentions) -> Span | None:
    for aid in p.originals:
        hits = sorted((s, e) for s, e, x in mentions.get(aid, ()) if x == eid)
        if hits:
            return articles[aid].span(*hits[0])
    return None


def _first_word(p: _Profile, term: str, articles: Mapping[str, Article]) -> Span | None:
    for aid in p.originals:
        a = articles[aid]
        for m in _WORD.finditer(a.text):
            if _term(m.group(0)) == term:
                return a.span(m.start(), m.end())
    return None


@dataclass
class _Link:
    a: int
    b: int
    score: float
    names: list[str]
    words: list[str]


def _judge(pa: _Profile, pb: _Profile, i: int, j: int, common: set[str], idf: dict[str, float],
           entities: Mapping[str, Entity]) -> _Link | None:
    shared = (pa.salient & pb.salient) - common
    named = {e for e in shared if entities[e].type in NAMED_TYPES}
    cos = _cosine(pa.words, pb.words)
    if named and (len(shared) >= 2 or cos >= MIN_COS_WITH_NAME):
        pass
    elif shared and cos >= MIN_COS_WITH_PLACE:
        pass
    elif cos < MIN_COS_ALONE:
        return None
    # people first, then organisations, then places; within a type, the rarer and more central first
    order = {"PERSON": 0, "ORG": 1}
    names = sorted(shared, key=lambda e: (order.get(entities[e].type, 2),
                                          -idf[e] * min(pa.share[e], pb.share[e]), entities[e].name))
    score = sum(idf[e] * min(pa.share[e], pb.share[e]) for e in shared) + 2.0 * cos
    words = []
    if cos >= MIN_COS_WITH_NAME:
        said = {t for e in shared for w in _WORD.findall(entities[e].name) if (t := _term(w))}  # already a name
        words = [t for t, _ in sorted(((t, w * pb.words[t]) for t, w in pa.words.items()
                                       if t in pb.words and t not in said),
                                      key=lambda kv: (-kv[1], kv[0]))[:MAX_REASON_WORDS]]
    return _Link(i, j, round(score, 3), names, words)


def _why(this: _Profile, other: _Profile, link: _Link, words: list[str], entities: Mapping[str, Entity]) -> str:
    names = link.names[:MAX_REASON_NAMES]
    groups = [("same people", [n for n in names if entities[n].type == "PERSON"]),
              ("same organisations", [n for n in names if entities[n].type == "ORG"]),
              ("same places", [n for n in names if entities[n].type not in NAMED_TYPES])]
    parts = [f"{label}: " + ", ".join(entities[n].name for n in ids) for label, ids in groups if ids]
    if words:
        parts.append("similar words: " + ", ".join(words))
    gap = _gap(this, other)
    if gap:
        parts.append(gap)
    return "; ".join(parts)


def _evidence(pa: _Profile, pb: _Profile, link: _Link, articles: Mapping[str, Article],
              mentions: Mentions) -> tuple[list[Span], list[str]]:
    """Spans in both stories for the first shared names and key words; and the key words as the
    articles spell them (the terms are stemmed: 'inquiries' is 'inquiry' to the vectors)."""
    out: list[Span] = []
    for eid in link.names[:MAX_EVIDENCE_NAMES]:
        out += [s for s in (_first_mention(pa, eid, articles, mentions), _first_mention(pb, eid, articles, mentions)) if s]
    words: list[str] = []
    for t in link.words:
        spans = [s for s in (_first_word(pa, t, articles), _first_word(pb, t, articles)) if s]
        out += spans
        words.append(spans[0].text.lower() if spans else t)
    return out, words


def related_stories(stories: Sequence[Story], articles: Mapping[str, Article], mentions: Mentions,
                    entities: Mapping[str, Entity]) -> list[Story]:
    """``stories`` with ``related`` set (same order). ``mentions``: per article, the (start, end,
    entity id) of each name mention; ``entities``: canonical entities by id. Pure: inputs unchanged."""
    if len(stories) < 2:
        return [s.model_copy(update={"related": []}) for s in stories]
    profiles, named_in = _profiles(stories, articles, mentions, entities)
    n = len(stories)
    common = {e for e, c in named_in.items() if c > max(COMMON_FLOOR, COMMON_SHARE * n)}
    idf = {e: math.log(1 + n / c) for e, c in named_in.items()}

    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for e in p.salient - common:
            postings["e:" + e].append(i)
        for t in sorted(p.words, key=lambda t: -p.words[t])[:BLOCK_WORDS]:
            postings["w:" + t].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if 2 <= len(ids) <= MAX_POSTING:
            pairs.update(combinations(ids, 2))

    links = [lk for i, j in sorted(pairs)
             if (lk := _judge(profiles[i], profiles[j], i, j, common, idf, entities)) is not None]
    # greedy, best first: a link is kept while both its stories have room, so links stay symmetric
    # and no story gets more than MAX_RELATED
    links.sort(key=lambda lk: (-lk.score, stories[lk.a].id, stories[lk.b].id))
    room = [MAX_RELATED] * n
    related: list[list[RelatedStory]] = [[] for _ in stories]
    for lk in links:
        if room[lk.a] <= 0 or room[lk.b] <= 0:
            continue
        room[lk.a] -= 1
        room[lk.b] -= 1
        evidence, words = _evidence(profiles[lk.a], profiles[lk.b], lk, articles, mentions)
        for this, other in ((lk.a, lk.b), (lk.b, lk.a)):
            related[this].append(RelatedStory(story_id=stories[other].id, title=stories[other].title,
                                              why=_why(profiles[this], profiles[other], lk, words, entities),
                                              evidence=evidence, score=lk.score))
    return [s.model_copy(update={"related": r}) for s, r in zip(stories, related)]
