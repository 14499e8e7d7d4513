"""Cross-document canonicalization: one Entity per real person, organisation or place.

This module only orchestrates: people are clustered by people.py (name and context evidence with a
guard against chains), places and organisations grouped by places.py, and an optional knowledge base
(kb.py) links entities to ids and merges what spelling cannot ('Aldorien' is 'Aldoria').
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from .. import config
from ..model import Article, Entity, Mention, Span
from .coref import HONORIFICS
from .kb import KB
from .names import same_person
from .people import LocalPerson, address_forms, canonical_person_name, cluster_people, headline_forms, local_people
from .places import Group, group_places_and_orgs, missed_names, vote_labels
from .translit import fold

__all__ = ["canonicalize", "same_person", "cluster_people", "LocalPerson"]

_PLACE_LABELS = ("GPE", "LOC")


def _entity_id(kind: str, name: str, taken: set[str]) -> str:
    base = "e_" + hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()[:10]
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}_{n}"
    taken.add(eid)
    return eid


def canonicalize(mentions: Iterable[Mention], articles: Iterable[Article] | None = None,
                 kb: KB | None = None) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """Cluster mentions into entities; returns entities and (article_id, start, end) -> entity id.

    ``articles`` (optional) supplies outlets, languages and translation provenance as evidence;
    ``kb`` (optional) links entities to ids and merges entities the KB says are one.
    """
    ms = list(mentions)
    arts = {a.id: a for a in articles or []}
    outlets = {fold(a.outlet) for a in arts.values() if a.outlet}
    ms = [m.model_copy(update={"label": "ORG"}) if m.label == "PERSON" and not m.resolved_to and fold(m.span.text) in outlets
          else m for m in ms]
    ms = vote_labels(ms)
    context_of: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.label in ("ORG", "GPE", "LOC", "PERSON") and m.resolved_by != "role":
            context_of[m.span.article_id].add(fold(m.resolved_to or m.span.text))

    taken: set[str] = set()
    groups: list[Group] = []
    # id() of a person group's mention list -> its garbled-surname joins (a KB merge makes a new list
    # and keeps none: the knowledge base is then the evidence)
    merges: dict[int, list[dict]] = {}
    person_ms = [m for m in ms if m.label == "PERSON"]
    people = local_people(person_ms, arts, context_of)
    for idx in cluster_people(people):
        cluster = [people[i] for i in idx]
        name = canonical_person_name(cluster, arts)
        cms = [m for lp in cluster for m in lp.mentions]
        extra = [f for m in cms for f in address_forms(m, arts[m.span.article_id].text if m.span.article_id in arts else None)]
        extra += [f for lp in cluster for f in headline_forms(lp, people, arts.get(lp.article_id))]
        groups.append(("PERSON", name, cms, extra))
        merges[id(cms)] = garbled_merges(cluster, name)
    others = [m for m in ms if m.label != "PERSON"]
    groups += group_places_and_orgs(others + missed_names(others, ms, arts), arts)
    if kb is not None:
        groups = _merge_by_kb(groups, kb)

    entities: list[Entity] = []
    index: dict[tuple[str, int, int], str] = {}
    for label, name, cms, extra in groups:
        entry = kb.link(_names_of(cms, name), label) if kb is not None else None
        canonical = entry.name if entry else name
        if entry and label != "PERSON" and entry.type != "PERSON":
            label = entry.type  # the KB knows Korsa is a country even where NER said ORG
        surfaces = {m.span.text for m in cms if m.resolved_by != "role"} | set(extra) | {name}
        aliases = sorted(surfaces - {canonical}, key=lambda s: (s.lower(), s))  # ties: one order every run
        roles: dict[str, str] = {}
        for m in cms:
            if m.role and m.resolved_by != "role" and m.role.lower().rstrip(".") not in HONORIFICS:
                roles.setdefault(m.role.lower(), m.role)
        eid = _entity_id(label, canonical, taken)
        spans: list[Span] = sorted((m.span for m in cms), key=lambda s: (s.article_id, s.start))
        entities.append(Entity(id=eid, name=canonical, type=label, aliases=aliases, mentions=spans,
                               roles=sorted(roles.values(), key=str.lower), kb_id=entry.id if entry else None,
                               merges=merges.get(id(cms), [])))
        for m in cms:
            index[(m.span.article_id, m.span.start, m.span.end)] = eid
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, index


_GARBLED_IN_ARTICLE = {"title": "garbled surname with the title of the one person it fits in its article",
                       "garbled surname": "garbled surname right after the one person with a similar surname"}


def garbled_merges(cluster: list[LocalPerson], name: str) -> list[dict]:
    """The spellings this person holds only through a garbled surname, each with why and how sure:
    across articles (people.garbled_context, a bare surname in the story) and within one (coref)."""
    out: dict[str, dict] = {}
    for lp in cluster:
        if lp.joined and lp.name.raw != name:
            out.setdefault(lp.name.raw, {"alias": lp.name.raw, "why": lp.joined[0], "confidence": lp.joined[1]})
        for m in lp.mentions:
            if m.resolved_by in _GARBLED_IN_ARTICLE and m.span.text != name:
                out.setdefault(m.span.text, {"alias": m.span.text, "why": _GARBLED_IN_ARTICLE[m.resolved_by],
                                             "confidence": config.NAMES.confidence_bare_after_intro})
    return sorted(out.values(), key=lambda d: d["alias"])


def _names_of(cms: list[Mention], name: str) -> list[str]:
    return [name] + sorted({m.span.text for m in cms if m.resolved_by != "role"} - {name})


def _merge_by_kb(groups: list[Group], kb: KB) -> list[Group]:
    """Entities the KB links to the same entry are one (an alias the corpus could not know:
    'Aldorien' is the German name of Aldoria)."""
    merged: dict[tuple[str, str], int] = {}
    out: list[Group] = []
    for label, name, cms, extra in groups:
        entry = kb.link(_names_of(cms, name), label)
        if entry is None:
            out.append((label, name, cms, extra))
            continue
        k = ("PLACE" if label in _PLACE_LABELS else label, entry.id)
        if k in merged:
            l0, n0, c0, e0 = out[merged[k]]
            out[merged[k]] = (l0, n0, c0 + cms, e0 + extra + [name])
        else:
            merged[k] = len(out)
            out.append((label, name, cms, extra))
    return out
