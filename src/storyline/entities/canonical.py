"""Cross-document canonicalization: one Entity per real person, organisation or place.

People are clustered in two steps. Within an article, short forms and role references already point
at a full name (coref.py), so each article contributes one *local person* per full name. Across
articles, local persons are linked by name evidence (names.py: transliteration folding, Jaro-Winkler,
edit distance, phonetic keys, given-name variants, the hard no-merge rules) and, for weaker name
matches, context evidence (shared role words, co-occurring entities, outlet). Clusters merge only
when most cross pairs are linked and none is forbidden, so one lucky link cannot chain two people
together. Precision over recall: a false merge corrupts every quote attributed to that person.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from ..model import Article, Entity, Mention, Span
from ..resources import table
from .coref import HONORIFICS, honorific_fits
from .kb import KB
from .names import PersonName, is_given_name, name_score, parse, same_person
from .translit import fold, token_similarity

__all__ = ["canonicalize", "same_person", "cluster_people", "LocalPerson"]

STRONG = 0.95  # name evidence alone suffices
WEAK = 0.88  # name evidence that needs context support
SHORT_MATCH = 0.93  # a bare surname joins a full name only this close
SUPPORT = 0.5  # share of cross pairs that must be linked for two clusters to merge
_GENERIC_ROLES = {"mr", "mrs", "ms", "dr", "prof", "herr", "frau", "the", "of", "and"}
_PLACE_LABELS = ("GPE", "LOC")
_PERSONISH = {"PERSON"}


@dataclass
class LocalPerson:
    """One person as one article (or one document) names them: the unit of cross-document linking."""

    key: str
    names: Counter[str]  # full-name surfaces ("Anna Kowalczyk"), or the short form if none
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)  # folded co-occurring entity names
    outlet: str | None = None
    article_id: str = ""
    _name: PersonName | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> PersonName:
        """The most used surface, parsed (memoized: read in every pairwise comparison)."""
        top = max(self.names.items(), key=lambda kv: (kv[1], kv[0]))[0]
        if self._name is None or self._name.raw != top:
            self._name = parse(top)
        return self._name  # type: ignore[return-value]

    @property
    def is_full(self) -> bool:
        return self.name.is_full


def _role_words(role: str | None) -> set[str]:
    return {w for w in (role or "").lower().replace("-", " ").split() if w not in _GENERIC_ROLES and len(w) > 2}


def context_support(a: LocalPerson, b: LocalPerson) -> float:
    """Evidence beyond the name: shared role words and shared co-occurring entities, in [0, 1]."""
    score = 0.0
    if a.roles & b.roles:
        score += 0.5
    shared = len(a.context & b.context)
    score += min(0.5, 0.2 * shared)
    if a.outlet and a.outlet == b.outlet:
        score += 0.1
    return min(1.0, score)


def _name_link(a: LocalPerson, b: LocalPerson) -> float | None:
    """Name evidence between two local persons; None = must never be together."""
    # No rule against two spellings in one article: machine translation spells one person two ways
    # in one text ('Ana Kovalchik' ... 'Anna Kowalchuk'); two different people in one article are
    # told apart by the same name rules as anywhere else.
    s = name_score(a.name, b.name)
    if s is None and _translated_given_name(a, b):
        return WEAK  # then still needs the clusters' context, like any weak link
    return s


_GENERIC_TITLES = {"minister", "president", "official", "chief", "head", "secretary", "director", "deputy",
                   "former", "spokesperson", "spokesman", "spokeswoman", "member"}


def _translated_given_name(a: LocalPerson, b: LocalPerson) -> bool:
    """MT sometimes translates a first name ('Laszlo' -> 'Ladislaus'): the one exception to the
    different-first-names rule, allowed only with the same surname letter for letter, the same
    specific role ('foreign minister', 'farmer', not just 'minister') and two shared co-occurring
    entities, because siblings and spouses share surnames and stories ('Lena' and 'Jonas Varga')."""
    if not (a.is_full and b.is_full) or a.name.given_is_initial or b.name.given_is_initial:
        return False
    if fold(a.name.surname) != fold(b.name.surname):
        return False
    specific = (a.roles & b.roles) - _GENERIC_TITLES
    return bool(specific) and len(a.context & b.context) >= 2


def cluster_people(people: list[LocalPerson]) -> list[list[int]]:
    """Agglomerative clustering of full names with cannot-links; returns groups of indices.

    Candidate links are name matches (>= WEAK), strongest first. Two clusters merge only if no cross
    pair is forbidden, at least half of the cross pairs match by name (so one lucky link cannot chain
    'Jan Kowalczyk' to 'Piotr Kowalczyk' through 'J. Kowalczyk'), and, for a weak name match, the two
    clusters share context (roles, co-occurring entities, outlet).
    """
    fulls = [i for i, p in enumerate(people) if p.is_full and not p.name.given_is_initial]
    links: dict[tuple[int, int], float | None] = {}
    cand: list[tuple[float, int, int]] = []
    surn = [fold(people[i].name.surname) for i in fulls]
    if len(fulls) > 1:
        # blocking: only surname pairs Jaro-Winkler can call close are scored up front
        close = process.cdist(surn, surn, scorer=JaroWinkler.normalized_similarity, score_cutoff=0.7, workers=1)
        for x, y in zip(*np.nonzero(np.triu(close, 1))):
            i, j = fulls[int(x)], fulls[int(y)]
            s = _name_link(people[i], people[j])
            links[(i, j)] = s
            if s is not None and s >= WEAK:
                cand.append((s, i, j))
    groups: dict[int, list[int]] = {i: [i] for i in fulls}
    home = {i: i for i in fulls}

    def status(i: int, j: int) -> float | None:
        key = (i, j) if i < j else (j, i)
        if key not in links:  # pairs skipped by blocking are judged when a merge needs them
            links[key] = _name_link(people[key[0]], people[key[1]])
        return links[key]

    for s, i, j in sorted(cand, key=lambda t: (-t[0], t[1], t[2])):
        gi, gj = home[i], home[j]
        if gi == gj:
            continue
        pairs = [status(a, b) for a in groups[gi] for b in groups[gj]]
        if any(p is None for p in pairs):
            continue
        if sum(1 for p in pairs if p and p >= WEAK) / len(pairs) < SUPPORT:
            continue
        if s < STRONG and context_support(_profile(people, groups[gi]), _profile(people, groups[gj])) < 0.25:
            continue
        groups[gi].extend(groups[gj])
        for k in groups.pop(gj):
            home[k] = gi
    out = list(groups.values())
    out += _attach_shorts(people, out)
    return out


def _attach_shorts(people: list[LocalPerson], groups: list[list[int]]) -> list[list[int]]:
    """Bare surnames ('Volkov said') and initials ('D. Volkov') join the one compatible full-name
    cluster; when several fit, the cluster whose story (co-occurring entities, roles) clearly matches
    best; otherwise they stay apart. Identical leftovers form one entity of their own."""
    leftovers: dict[str, list[int]] = defaultdict(list)
    profile = [_profile(people, g) for g in groups]
    names_of = [list({people[k].name.raw: people[k].name for k in g}.values()) for g in groups]
    for i, p in enumerate(people):
        if p.is_full and not p.name.given_is_initial:
            continue
        titles = [m.role for m in p.mentions if m.role]
        fits = [n for n, g in enumerate(groups)
                if any(token_similarity(sn.surname, p.name.surname) >= SHORT_MATCH
                       and name_score(p.name, sn) is not None for sn in names_of[n])
                and all(any(honorific_fits(t, sn.raw) for sn in names_of[n] if sn.is_full) for t in titles)]
        if len(fits) > 1:
            support = sorted(((context_support(p, profile[n]), n) for n in fits), reverse=True)
            (best, n0), (second, _) = support[0], support[1]
            fits = [n0] if best >= 0.4 and best - second >= 0.3 else []
            if not fits:
                leftovers[f"{fold(p.names.most_common(1)[0][0])}#{i}"].append(i)  # ambiguous: no guess
                continue
        if len(fits) == 1:
            groups[fits[0]].append(i)
        else:
            leftovers[fold(p.names.most_common(1)[0][0])].append(i)
    return list(leftovers.values())


def _profile(people: list[LocalPerson], group: list[int]) -> LocalPerson:
    """A cluster seen as one person: its roles and co-occurring entities over all its articles."""
    first = people[group[0]]
    prof = LocalPerson("cluster", first.names, roles=set(), context=set())
    for k in group:
        prof.roles |= people[k].roles
        prof.context |= people[k].context
    return prof


@cache
def _place_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in ("en", "de"):
        for row in table(f"entities/places_{lang}.tsv"):
            for v in row:
                out.setdefault(fold(v), row[0])
    return out


def _org_key(name: str) -> str:
    low = name.strip()
    for art in ("the ", "The ", "THE "):
        if low.startswith(art):
            low = low[len(art):]
    return fold(low)


def _entity_id(kind: str, name: str, taken: set[str]) -> str:
    base = "e_" + hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()[:10]
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}_{n}"
    taken.add(eid)
    return eid


def _local_people(person_mentions: list[Mention], arts: dict[str, Article],
                  context_of: dict[str, set[str]]) -> list[LocalPerson]:
    locals_: dict[str, LocalPerson] = {}
    for m in person_mentions:
        aid = m.span.article_id
        target = m.resolved_to or m.span.text
        key = f"{aid}|{fold(target)}" if len(target.split()) >= 2 else f"{aid}|short|{fold(target)}"
        lp = locals_.get(key)
        if lp is None:
            art = arts.get(aid)
            lp = locals_[key] = LocalPerson(key, Counter(), article_id=aid, outlet=art.outlet if art else None)
        lp.mentions.append(m)
        if m.resolved_by != "role" and (len(m.span.text.split()) >= 2 or not m.resolved_to):
            lp.names[m.span.text] += 1
        if m.resolved_to and not lp.names:
            lp.names[m.resolved_to] += 0
        lp.roles |= _role_words(m.role)
    for lp in locals_.values():
        if not lp.names:
            lp.names[lp.mentions[0].resolved_to or lp.mentions[0].span.text] += 1
        own = {fold(n) for n in lp.names} | {fold(lp.name.surname)}
        lp.context = context_of.get(lp.article_id, set()) - own
    return list(locals_.values())


def _canonical_person_name(cluster: list[LocalPerson], arts: dict[str, Article]) -> str:
    """The best-attested well-formed full form: names used by more articles, untranslated ones
    counting double, and with a recognisable first name win."""
    votes: Counter[str] = Counter()
    for lp in cluster:
        art = arts.get(lp.article_id)
        weight = 1.0 if not art or not (art.provenance.translated_by or art.provenance.original_language) else 0.5
        if art and art.language and art.language != "en":
            weight *= 0.5
        for n in lp.names:
            votes[n] += weight
    def rank(n: str) -> tuple:
        p = parse(n)
        full = bool(p and p.is_full and not p.given_is_initial)
        return (full, full and is_given_name(p.given or ""), votes[n], len(n), n)  # type: ignore[union-attr]
    return max(votes, key=rank)


def _address_forms(m: Mention, text: str | None) -> list[str]:
    """'Minister Varga' is how a heading addressed her: kept as an alias of a bare-surname mention
    when the title stands right before it."""
    if not m.role or len(m.span.text.split()) != 1 or text is None or m.resolved_by == "role":
        return []
    form = f"{m.role} {m.span.text}"
    s = m.span.start - len(m.role) - 1
    return [form] if s >= 0 and text[s:m.span.end] == form else []


def _headline_forms(lp: LocalPerson, people: list[LocalPerson], art: Article | None) -> list[str]:
    """'Minister Varga' in a headline (metadata, so no span) names the article's minister Varga: an
    alias of that person when the title word fits only them among the article's people."""
    from .mentions import is_role_token

    if art is None or not art.title or not lp.is_full:
        return []
    out = []
    for m in re.finditer(r"\b([A-Z][\w-]+) ([A-Z][\w'’-]+)\b", art.title):
        title, surname = m.groups()
        if not is_role_token(title, (art.language or "en")[:2]) or token_similarity(surname, lp.name.surname) < SHORT_MATCH:
            continue
        rivals = [p for p in people if p.article_id == art.id and p.is_full and p is not lp
                  and token_similarity(surname, p.name.surname) >= SHORT_MATCH]
        if rivals and (title.lower() not in lp.roles or any(title.lower() in p.roles for p in rivals)):
            continue
        out.append(m.group(0))
    return out


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
    ms = _vote_labels(ms)
    context_of: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.label in ("ORG", "GPE", "LOC", "PERSON") and m.resolved_by != "role":
            context_of[m.span.article_id].add(fold(m.resolved_to or m.span.text))

    taken: set[str] = set()
    groups: list[tuple[str, str, list[Mention], list[str]]] = []  # (type, name, mentions, extra aliases)
    person_ms = [m for m in ms if m.label == "PERSON"]
    people = _local_people(person_ms, arts, context_of)
    for idx in cluster_people(people):
        cluster = [people[i] for i in idx]
        name = _canonical_person_name(cluster, arts)
        cms = [m for lp in cluster for m in lp.mentions]
        extra = [f for m in cms for f in _address_forms(m, arts[m.span.article_id].text if m.span.article_id in arts else None)]
        extra += [f for lp in cluster for f in _headline_forms(lp, people, arts.get(lp.article_id))]
        groups.append(("PERSON", name, cms, extra))
    others = [m for m in ms if m.label != "PERSON"]
    groups += _other_groups(others + _missed_names(others, ms, arts), arts)
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
        aliases = sorted(surfaces - {canonical}, key=str.lower)
        roles: dict[str, str] = {}
        for m in cms:
            if m.role and m.resolved_by != "role" and m.role.lower().rstrip(".") not in HONORIFICS:
                roles.setdefault(m.role.lower(), m.role)
        eid = _entity_id(label, canonical, taken)
        spans: list[Span] = sorted((m.span for m in cms), key=lambda s: (s.article_id, s.start))
        entities.append(Entity(id=eid, name=canonical, type=label, aliases=aliases, mentions=spans,
                               roles=sorted(roles.values(), key=str.lower), kb_id=entry.id if entry else None))
        for m in cms:
            index[(m.span.article_id, m.span.start, m.span.end)] = eid
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, index


def _names_of(cms: list[Mention], name: str) -> list[str]:
    return [name] + sorted({m.span.text for m in cms if m.resolved_by != "role"} - {name})


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|across|into|near|visited)\s+$", re.I)
_LOCATIVE_AFTER = re.compile(r"^(?:'s|’s)\s+(?:capital|parliament|government|border|borders|president|prime\s+minister|"
                             r"defence|defense|foreign|army|economy|territory|airspace|east|west|north|south)\b", re.I)


def _place_evidence(m: Mention, arts: dict[str, Article]) -> bool:
    """'in Korsa', "Korsa's parliament": grammar that names a country, whatever NER labelled it."""
    art = arts.get(m.span.article_id)
    if art is None:
        return False
    return bool(_LOCATIVE_BEFORE.search(art.text[max(0, m.span.start - 12):m.span.start])
                or _LOCATIVE_AFTER.match(art.text[m.span.end:m.span.end + 30]))


def _other_groups(ms: list[Mention], arts: dict[str, Article] | None = None
                  ) -> list[tuple[str, str, list[Mention], list[str]]]:
    """Organisations and places: one group per normalized name across labels (NER calls one country
    GPE here and ORG there); known place variants map to one canonical place."""
    places = _place_table()
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        k = _org_key(m.span.text)
        canon = places.get(fold(m.span.text)) or places.get(k)
        by_key[fold(canon) if canon else k].append(m)
    out = []
    for key, group in by_key.items():
        labels = Counter(m.label for m in group)
        canon = places.get(key)
        if canon:
            label = "GPE" if labels["GPE"] + labels["ORG"] >= labels["LOC"] else "LOC"
            name = canon
        else:
            label = labels.most_common(1)[0][0]
            if label == "NORP" or "NORP" in labels and labels["NORP"] * 2 >= len(group):
                label = "NORP"
            elif label == "ORG" and labels["GPE"] and sum(_place_evidence(m, arts or {}) for m in group) >= max(2, len(group) // 4):
                label = "GPE"  # NER flips countries to ORG; grammar and one GPE vote say place
            forms = Counter(m.span.text for m in group)
            name = max(forms, key=lambda n: (not n.isupper(), not n.lower().startswith("the "), forms[n], n))
            if name.lower().startswith("the "):
                name = name[4:]  # 'the Varnian Grain Board' is named 'Varnian Grain Board'
        out.append((label, name, group, []))
    return _merge_acronyms(out)


_MINOR = {"the", "of", "for", "and", "on", "in", "de", "des", "der", "du", "la"}


def _merge_acronyms(groups: list[tuple[str, str, list[Mention], list[str]]]
                    ) -> list[tuple[str, str, list[Mention], list[str]]]:
    """'NDC' is the 'Northern Defence Council' when exactly one multi-word organisation in the corpus
    has those initials; the long form is the name, the acronym an alias."""
    initials: dict[str, list[int]] = defaultdict(list)
    for n, (label, name, _, _) in enumerate(groups):
        words = [w for w in name.split() if w.lower() not in _MINOR]
        if label == "ORG" and len(words) >= 2 and all(w[:1].isupper() for w in words):
            initials["".join(w[0] for w in words)].append(n)
    drop = set()
    for n, (label, name, cms, extra) in enumerate(groups):
        if label in ("ORG", "GPE") and name.isupper() and 2 <= len(name) <= 6 and len(initials.get(name, [])) == 1:
            k = initials[name][0]
            l0, n0, c0, e0 = groups[k]
            groups[k] = (l0, n0, c0 + cms, e0 + extra)
            drop.add(n)
    return [g for n, g in enumerate(groups) if n not in drop]


def _merge_by_kb(groups: list[tuple[str, str, list[Mention], list[str]]], kb: KB
                 ) -> list[tuple[str, str, list[Mention], list[str]]]:
    """Entities the KB links to the same entry are one (an alias the corpus could not know:
    'Aldorien' is the German name of Aldoria)."""
    merged: dict[tuple[str, str], int] = {}
    out: list[tuple[str, str, list[Mention], list[str]]] = []
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


def _vote_labels(ms: list[Mention]) -> list[Mention]:
    """A 'person' that the corpus mostly calls a place or an organisation ('Port Selvik', 'Sejmar')
    is one: NER's label flips by sentence; the majority across all articles is steadier."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        if not m.resolved_to:
            votes[_org_key(m.span.text)][m.label] += 1
    out = []
    for m in ms:
        v = votes.get(_org_key(m.span.text))
        if m.label == "PERSON" and not m.resolved_to and v:
            others = Counter({k: n for k, n in v.items() if k != "PERSON"})
            if others and sum(others.values()) >= v["PERSON"]:
                m = m.model_copy(update={"label": others.most_common(1)[0][0]})
        out.append(m)
    return out


def _missed_names(others: list[Mention], ms: list[Mention], arts: dict[str, Article]) -> list[Mention]:
    """Places and organisations NER missed somewhere but found elsewhere in the corpus, matched by
    folded spelling ('Varniya' in a translated article is the 'Varnia' of the others): the spelling
    an outlet uses is itself a signal for comparison, so every occurrence should be counted."""
    counts: Counter[str] = Counter()
    label_of: dict[str, Counter[str]] = defaultdict(Counter)
    for m in others:
        if m.label in ("GPE", "LOC", "ORG") and m.span.text[:1].isupper() and not m.span.text.isupper():
            k = fold(m.span.text)
            counts[k] += 1
            label_of[k][m.label] += 1
    known = {k for k, n in counts.items() if n >= 2 and len(k) >= 4}
    if not known:
        return []
    longest = max(len(k.split()) for k in known)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in ms:
        taken[m.span.article_id].append((m.span.start, m.span.end))
    out = []
    for aid, art in arts.items():
        for tok in re.finditer(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", art.text):
            # the whole capitalised run must be the name: 'Aldoria' inside 'Aldoria Today' is not
            s0, e0 = tok.span()
            if len(tok.group(0).split()) > longest:
                continue
            k = fold(art.text[s0:e0])
            if k in known and not any(s0 < e and s < e0 for s, e in taken[aid]):
                out.append(Mention(span=art.span(s0, e0), label=label_of[k].most_common(1)[0][0]))
                taken[aid].append((s0, e0))
    return out
