"""Places and organisations across articles: one entity per normalized name, whatever NER called it.

NER flips one country between GPE, ORG and PERSON from sentence to sentence, misses a name in a
translated article ('Varniya'), and writes organisations in full or as an acronym. Known place
variants (resources/entities/places_*.tsv) map to one canonical place and are kept as aliases, because
the spelling an outlet chooses (Kiev/Kyiv) is itself a framing signal for the comparison stage.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from ..model import Article, Mention
from ..resources import table
from .names import is_given_name, parse
from .translit import fold

Group = tuple[str, str, list[Mention], list[str]]  # (type, name, mentions, extra aliases)


@cache
def _place_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in ("en", "de"):
        for row in table(f"entities/places_{lang}.tsv"):
            for v in row:
                out.setdefault(fold(v), row[0])
    return out


def place_canonical(name: str) -> str | None:
    """The gazetteer's canonical name for a known place or one of its variants ('Britain'), else None."""
    return _place_table().get(fold(name))


def org_key(name: str) -> str:
    low = name.strip()
    for art in ("the ", "The ", "THE "):
        if low.startswith(art):
            low = low[len(art):]
    return fold(low)


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


def group_places_and_orgs(ms: list[Mention], arts: dict[str, Article] | None = None) -> list[Group]:
    """Organisations and places: one group per normalized name across labels (NER calls one country
    GPE here and ORG there); known place variants map to one canonical place."""
    places = _place_table()
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        k = org_key(m.span.text)
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
    return _merge_place_prefixed(_merge_acronyms(out))


_MINOR = {"the", "of", "for", "and", "on", "in", "de", "des", "der", "du", "la"}


def _merge_acronyms(groups: list[Group]) -> list[Group]:
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


def _merge_place_prefixed(groups: list[Group]) -> list[Group]:
    """'Pilots' is the 'Lindhaven Pilots' when exactly one organisation in the corpus is that name
    after a place the corpus knows (teams, city councils, local papers): news names them in full
    once and by the short form after. Two candidates ('Boston Pilots', 'Denver Pilots') leave it alone."""
    places = {fold(name) for label, name, _, _ in groups if label in ("GPE", "LOC")} | set(_place_table())
    longer: dict[str, list[int]] = defaultdict(list)
    for n, (label, name, _, _) in enumerate(groups):
        words = name.split()
        for k in range(1, len(words)):
            if label == "ORG" and fold(" ".join(words[:k])) in places:
                longer[fold(" ".join(words[k:]))].append(n)
    drop = set()
    for n, (label, name, cms, extra) in enumerate(groups):
        hits = longer.get(fold(name), [])
        if label == "ORG" and not name.isupper() and len(hits) == 1 and hits[0] != n:
            l0, n0, c0, e0 = groups[hits[0]]
            groups[hits[0]] = (l0, n0, c0 + cms, e0 + extra)
            drop.add(n)
    return [g for n, g in enumerate(groups) if n not in drop]


def vote_labels(ms: list[Mention]) -> list[Mention]:
    """A 'person' that the corpus mostly calls a place or an organisation ('Port Selvik', 'Sejmar')
    is one: NER's label flips by sentence; the majority across all articles is steadier. The other
    way too: a first name and a surname ('Esther Vale') that the corpus calls PERSON at least as
    often as anything else is a person wherever NER called it a place or an organisation."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        if not m.resolved_to:
            votes[org_key(m.span.text)][m.label] += 1
    out = []
    for m in ms:
        v = votes.get(org_key(m.span.text))
        if m.label == "PERSON" and not m.resolved_to and v:
            others = Counter({k: n for k, n in v.items() if k != "PERSON"})
            if others and sum(others.values()) >= v["PERSON"] + (1 if _full_name_form(m.span.text) else 0):
                m = m.model_copy(update={"label": others.most_common(1)[0][0]})
        elif m.label in ("ORG", "GPE", "LOC") and v and v["PERSON"] and _full_name_form(m.span.text) \
                and v["PERSON"] >= sum(v.values()) - v["PERSON"] and not place_canonical(m.span.text):
            m = m.model_copy(update={"label": "PERSON"})
        out.append(m)
    return out


def _full_name_form(name: str) -> bool:
    """'Esther Vale': two or three capitalised words, the first a known first name."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and is_given_name(words[0])


def missed_names(others: list[Mention], ms: list[Mention], arts: dict[str, Article]) -> list[Mention]:
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
    people: dict[str, set[str]] = defaultdict(set)  # folded names and surnames of each article's people
    full_names = {fold(m.span.text) for m in ms if m.label == "PERSON" and len(m.span.text.split()) >= 2}
    for m in ms:
        taken[m.span.article_id].append((m.span.start, m.span.end))
        if m.label == "PERSON" and (p := parse(m.resolved_to or m.span.text)):
            people[m.span.article_id] |= {fold(p.surname), fold(p.raw)}
    out = []
    for aid, art in arts.items():
        for tok in re.finditer(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", art.text):
            # the whole capitalised run must be the name: 'Aldoria' inside 'Aldoria Today' is not
            s0, e0 = tok.span()
            if len(tok.group(0).split()) > longest:
                continue
            k = fold(art.text[s0:e0])
            # 'Larkspur' where the article names Tamsin Larkspur: the person NER skipped, not the
            # organisation another article's NER made of the same word; nor a person's full name
            if k in known and k not in people[aid] and k not in full_names and not any(s0 < e and s < e0 for s, e in taken[aid]):
                out.append(Mention(span=art.span(s0, e0), label=label_of[k].most_common(1)[0][0]))
                taken[aid].append((s0, e0))
    return out
