"""Cross-document canonicalization: one Entity per real person/organisation/place.

Person names are compared after transliteration folding (y/i, k/c, w/v, doubled letters) with
Jaro-Winkler on surname and first name separately, because MT damage garbles letters but two
different people sharing a first name differ in the surname: that is the hard no-merge rule.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import JaroWinkler

from ..model import Entity, Mention, Span

_FOLDS = [("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("tch", "ch"), ("kh", "h"), ("ph", "f"), ("w", "v"),
          ("ck", "k"), ("c", "k"), ("q", "k"), ("y", "i"), ("j", "i"), ("ii", "i"), ("ij", "i"), ("ou", "u")]
_DOUBLE = re.compile(r"(.)\1")


def fold(name: str) -> str:
    """Transliteration-insensitive key: 'Kowalczyk' and 'Kovalchik' fold to the same string."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z ]", "", s)
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return _DOUBLE.sub(r"\1", s)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", name) if t]


def same_person(a: str, b: str, threshold: float = 0.88) -> bool:
    """Full-name compatibility: surnames must match closely; first names too, when both are given."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    sa, sb = fold(ta[-1]), fold(tb[-1])
    if JaroWinkler.similarity(sa, sb) < threshold:
        return False
    if len(ta) >= 2 and len(tb) >= 2:
        fa, fb = fold(ta[0]), fold(tb[0])
        if fa[:1] != fb[:1]:
            return False
        if len(ta[0].rstrip(".")) > 1 and len(tb[0].rstrip(".")) > 1 and JaroWinkler.similarity(fa, fb) < threshold:
            return False
    return True


def _entity_id(kind: str, name: str) -> str:
    return "e_" + hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()[:10]


def _well_formed(name: str) -> bool:
    return len(_tokens(name)) >= 2 and all(t[:1].isupper() for t in _tokens(name))


def canonicalize(mentions: Iterable[Mention]) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """Cluster mentions into entities; returns entities and (article_id, start, end) -> entity id."""
    by_label: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_label[m.label].append(m)
    entities: list[Entity] = []
    index: dict[tuple[str, int, int], str] = {}
    for label, ms in by_label.items():
        if label == "PERSON":
            clusters = _cluster_people(ms)
        else:
            groups: dict[str, list[Mention]] = defaultdict(list)
            for m in ms:
                groups[fold(m.span.text)].append(m)
            clusters = list(groups.values())
        for cluster in clusters:
            names = Counter(m.span.text for m in cluster)
            full = [n for n in names if _well_formed(n)] or list(names)
            canonical = max(full, key=lambda n: (names[n], len(n)))
            eid = _entity_id(label, canonical)
            roles = sorted({m.role for m in cluster if m.role})
            spans: list[Span] = [m.span for m in cluster]
            entities.append(Entity(id=eid, name=canonical, type=label,
                                   aliases=sorted(set(names) - {canonical}), mentions=spans, roles=roles))
            for m in cluster:
                index[(m.span.article_id, m.span.start, m.span.end)] = eid
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, index


def _cluster_people(ms: list[Mention]) -> list[list[Mention]]:
    """Full names cluster first (a merge needs a match with every member, not one link: no chains);
    short forms then join the full name they resolved to in their article, or the only compatible one."""
    fulls: list[list[Mention]] = []
    shorts: list[Mention] = []
    for m in ms:
        (fulls if len(_tokens(m.span.text)) >= 2 else shorts).append(m)  # type: ignore[arg-type]
    clusters: list[list[Mention]] = []
    names_of: list[set[str]] = []
    for m in sorted(fulls, key=lambda m: -len(m.span.text)):
        for i, names in enumerate(names_of):
            if all(same_person(m.span.text, n) for n in names):
                clusters[i].append(m)
                names.add(m.span.text)
                break
        else:
            clusters.append([m])
            names_of.append({m.span.text})
    for m in shorts:
        target = m.resolved_to or m.span.text
        fits = [i for i, names in enumerate(names_of) if all(same_person(target, n) for n in names)]
        if len(fits) == 1:
            clusters[fits[0]].append(m)
        else:
            clusters.append([m])
            names_of.append({m.span.text})
    return _merge_singletons(clusters)


def _merge_singletons(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Identical short names left alone ('Volkhov' in three articles) are one entity, not three."""
    merged: dict[str, list[Mention]] = {}
    out = []
    for c in clusters:
        if all(len(_tokens(m.span.text)) == 1 for m in c):
            merged.setdefault(fold(c[0].span.text), []).extend(c)
        else:
            out.append(c)
    return out + list(merged.values())
