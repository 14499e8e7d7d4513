"""The same quote across outlets: grouped so a brief can say "quoted by 3 outlets" and cite each.

Why word stems and containment rather than string similarity: outlets trim quotes (a partial
inside another outlet's full quote) and translate them ("air cover" / "air umbrella"), so what
survives is a core of content words; the speaker being the same person is what makes a loose
textual match safe, and without a known speaker the bar is much higher.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from ..entities.canonical import same_person
from ..model import Quote
from ..text.words import STOP

_W = re.compile(r"\w+")


def stems(text: str) -> frozenset[str]:
    """Content-word prefixes: 'supports', 'supported' and 'support' meet at 'suppor'."""
    return frozenset(w[:6] for w in _W.findall(text.lower()) if w not in STOP and len(w) > 2)


def _same_speaker(a: Quote, b: Quote) -> bool | None:
    """True / False when both speakers are known; None when either is not."""
    if a.speaker_entity and b.speaker_entity:
        return a.speaker_entity == b.speaker_entity
    if a.speaker and b.speaker:
        return same_person(a.speaker, b.speaker) or a.speaker.lower() == b.speaker.lower()
    return None


def same_quote(a: Quote, b: Quote, sa: frozenset[str], sb: frozenset[str]) -> bool:
    shared = len(sa & sb)
    if not sa or not sb:
        return False
    containment = shared / min(len(sa), len(sb))
    jaccard = shared / len(sa | sb)
    speaker = _same_speaker(a, b)
    if speaker is False:
        return False
    if a.kind == "indirect" or b.kind == "indirect":
        # paraphrase: only with the same known speaker and most words shared
        return bool(speaker) and shared >= 4 and containment >= 0.8 and jaccard >= 0.5
    if speaker:
        return shared >= 3 and (containment >= 0.6 or jaccard >= 0.5)
    return shared >= 4 and containment >= 0.85


def group_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with ``group_id`` set on every quote reported in two or more articles."""
    st = [stems(q.text) for q in quotes]
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(st):
        for w in s:
            index[w].append(i)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if len(ids) > 200:
            continue  # a word in everything decides nothing
        for i, j in combinations(ids, 2):
            counts[(i, j)] += 1
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), n in counts.items():
        a, b = quotes[i], quotes[j]
        if n < 3 or a.span.article_id == b.span.article_id:
            continue
        if same_quote(a, b, st[i], st[j]):
            parent[find(i)] = find(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        members[find(i)].append(i)
    out = list(quotes)
    for ids in members.values():
        if len({quotes[i].span.article_id for i in ids}) < 2:
            continue
        gid = "qg_" + hashlib.sha1("|".join(sorted(quotes[i].id for i in ids)).encode()).hexdigest()[:10]
        for i in ids:
            out[i] = quotes[i].model_copy(update={"group_id": gid})
    return out


def outlets_by_group(quotes: Sequence[Quote], outlet_of: dict[str, str | None]) -> dict[str, list[str]]:
    """group_id -> the distinct outlets (in first-seen order) that carry the quote."""
    out: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        if q.group_id:
            o = outlet_of.get(q.span.article_id) or q.span.article_id
            if o not in out[q.group_id]:
                out[q.group_id].append(o)
    return dict(out)


def collapse(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotes as groups (a lone quote is a group of one), each led by its fullest direct wording."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[q.group_id or q.id].append(q)
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    return [sorted(g, key=lambda q: (rank[q.kind], -len(q.text))) for g in groups.values()]
