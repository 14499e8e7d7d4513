"""People across articles: local persons, their link evidence, and precision-first clustering.

Within an article, short forms and role references already point at a full name (coref.py), so each
article contributes one *local person* per full name. Across articles, local persons are linked by
name evidence (names.py: transliteration folding, Jaro-Winkler, edit distance, phonetic keys,
given-name variants, the hard no-merge rules) and, for weaker name matches, context evidence (shared
role words, co-occurring entities, outlet). Clusters merge only when most cross pairs match by name and
none is forbidden, so one lucky link cannot chain two people together. Precision over recall: a false
merge corrupts every quote attributed to that person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from .. import config
from ..model import Article, Mention
from .coref import HONORIFICS, honorific_fits
from .names import (PersonName, garbled_surname, generation_conflict, given_names_compatible, inflected,
                    is_given_name, name_score, parse, personal_conflict, plausible_garbled_surname)
from .roles import is_role_token
from .translit import fold, to_ascii, token_similarity

STRONG = 0.95  # name evidence alone suffices
WEAK = 0.88  # name evidence that needs context support
SHORT_MATCH = 0.93  # a bare surname joins a full name only this close
SUPPORT = 0.5  # share of cross pairs that must be linked for two clusters to merge
_GENERIC_ROLES = {"mr", "mrs", "ms", "dr", "prof", "herr", "frau", "the", "of", "and"}


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
    # (why, confidence) when this local person is in its cluster through a garbled-surname link
    joined: tuple[str, float] | None = None
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


def _name_link(a: LocalPerson, b: LocalPerson, names: tuple[PersonName, PersonName] | None = None,
               scores: dict[tuple[str, str], float | None] | None = None) -> float | None:
    """Name evidence between two local persons; None = must never be together. ``names`` and
    ``scores`` let the clusterer pass parsed names and share scores between identical name pairs
    (a story about one minister holds hundreds of local persons with the same two names)."""
    # No rule against two spellings in one article: machine translation spells one person two ways
    # in one text ('Ana Kovalchik' ... 'Anna Kowalchuk'); two different people in one article are
    # told apart by the same name rules as anywhere else.
    an, bn = names or (a.name, b.name)
    if scores is None:
        s = name_score(an, bn)
    else:
        key = (an.raw, bn.raw)
        if key not in scores:
            scores[key] = name_score(an, bn)
        s = scores[key]
    if s is None and _translated_given_name(a, b, an, bn):
        return WEAK  # then still needs the clusters' context, like any weak link
    if s is not None and s < WEAK and garbled_names(an, bn) and garbled_context(a, b, an, bn):
        return WEAK  # every cross pair of two clusters must show its own context, not the clusters' union
    return s


def same_story(a: LocalPerson, b: LocalPerson, entities: int | None = None) -> bool:
    """Two articles (or clusters) about one story share co-occurring entities (places, organisations,
    other people)."""
    return len(a.context & b.context) >= (config.NAMES.story_entities if entities is None else entities)


def garbled_names(an: PersonName, bn: PersonName) -> bool:
    """Two full names that may be one person whose surname MT garbled ('Anna Kowalczyk' / 'Anna
    Kowalczek'): similar (not equal) surnames, compatible first names, no generational conflict. The
    names alone never decide it: see garbled_context."""
    if not (an.is_full and bn.is_full) or an.given_is_initial or bn.given_is_initial:
        return False
    if not garbled_surname(an.surname, bn.surname, config.NAMES.garbled_min) or generation_conflict(an, bn):
        return False
    return given_names_compatible(an.given or "", bn.given or "")


def garbled_context(a: LocalPerson, b: LocalPerson, an: PersonName, bn: PersonName) -> tuple[str, float] | None:
    """Why and how surely two garbled-surname names are one person; None when the context does not
    say so. A surname one letter away is as often another family ('Varga'/'Verga'), so the two must
    be in the same story and have the same role, or, without a role, the same first name letter for
    letter (a translated or damaged first name is no support then)."""
    if not same_story(a, b, config.NAMES.garbled_story_entities):
        return None
    if a.roles & b.roles:
        return "garbled surname: compatible first name, same role and story", config.NAMES.confidence_role_and_story
    if fold(an.given or "") == fold(bn.given or "") and same_story(a, b, config.NAMES.story_entities_without_role):
        return "garbled surname: same first name and story", config.NAMES.confidence_story
    return None


_GENERIC_TITLES = {"minister", "president", "official", "chief", "head", "secretary", "director", "deputy",
                   "former", "spokesperson", "spokesman", "spokeswoman", "member"}


def _translated_given_name(a: LocalPerson, b: LocalPerson, an: PersonName, bn: PersonName) -> bool:
    """MT sometimes translates a first name ('Laszlo' -> 'Ladislaus'): the one exception to the
    different-first-names rule, allowed only with the same surname letter for letter, the same
    specific role ('foreign minister', 'farmer', not just 'minister') and two shared co-occurring
    entities, because siblings and spouses share surnames and stories ('Lena' and 'Jonas Varga')."""
    specific = (a.roles & b.roles) - _GENERIC_TITLES  # cheapest test first: most pairs share no role
    if not specific or len(a.context & b.context) < 2:
        return False
    if not (an.is_full and bn.is_full) or an.given_is_initial or bn.given_is_initial:
        return False
    # the rule is for two first names; a Jr. and a Sr. with one role in one story stay two people
    return fold(an.surname) == fold(bn.surname) and not generation_conflict(an, bn)


SURNAME_BLOCK = 2000


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
    # blocking: only people whose surnames Jaro-Winkler calls close are scored up front. Distinct
    # surnames are compared (a corpus repeats a few hundred surnames over thousands of mentions), in
    # row blocks, so memory stays flat however many articles there are.
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i in fulls:
        by_surname[fold(people[i].name.surname)].append(i)
    uniq = sorted(by_surname)
    pairs: set[tuple[int, int]] = set()
    for lo in range(0, len(uniq), SURNAME_BLOCK):
        close = process.cdist(uniq[lo:lo + SURNAME_BLOCK], uniq, scorer=JaroWinkler.normalized_similarity,
                              score_cutoff=0.7, workers=1)
        for x, y in zip(*np.nonzero(close)):
            for i in by_surname[uniq[lo + int(x)]]:
                pairs.update((i, j) for j in by_surname[uniq[int(y)]] if i < j)
    pairs |= _inflection_pairs(people, fulls)
    parsed = [p.name for p in people]
    scores: dict[tuple[str, str], float | None] = {}
    for i, j in sorted(pairs):
        s = _name_link(people[i], people[j], (parsed[i], parsed[j]), scores)
        links[(i, j)] = s
        if s is not None and s >= WEAK:
            cand.append((s, i, j))
    groups: dict[int, list[int]] = {i: [i] for i in fulls}
    home = {i: i for i in fulls}

    def status(i: int, j: int) -> float | None:
        key = (i, j) if i < j else (j, i)
        if key not in links:  # pairs skipped by blocking are judged when a merge needs them
            links[key] = _name_link(people[key[0]], people[key[1]], (parsed[key[0]], parsed[key[1]]), scores)
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
        pi, pj = _profile(people, groups[gi]), _profile(people, groups[gj])
        if s < STRONG and not _weak_supported(pi, pj):
            continue
        if (name_score(parsed[i], parsed[j]) or 0.0) < WEAK and garbled_names(parsed[i], parsed[j]):
            # this pair passed garbled_context in _name_link: both spellings record why they are together
            why = garbled_context(people[i], people[j], parsed[i], parsed[j])
            for k in (i, j):
                people[k].joined = people[k].joined or why
        groups[gi].extend(groups[gj])
        for k in groups.pop(gj):
            home[k] = gi
    _join_garbled(people, groups, home, [k for k in links if k[0] in home and k[1] in home], status)
    out = list(groups.values())
    out += _attach_shorts(people, out)
    return out


def _inflection_pairs(people: list[LocalPerson], fulls: list[int]) -> set[tuple[int, int]]:
    """Pairs the Jaro-Winkler blocking misses although one surname may be the other with a case
    ending ('Harlan'/'Harlom' fold to keys that share little): candidates share their first letters
    as written (the stem), and only distinct surnames are compared."""
    n = config.NAMES.inflection_min_stem
    by_stem: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i in fulls:
        sn = people[i].name.surname
        by_stem[to_ascii(sn).lower()[:n]][sn].append(i)
    out: set[tuple[int, int]] = set()
    for spellings in by_stem.values():
        names = sorted(spellings)
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                if inflected(a, b):
                    out.update((min(i, j), max(i, j)) for i in spellings[a] for j in spellings[b])
    return out


def _join_garbled(people: list[LocalPerson], groups: dict[int, list[int]], home: dict[int, int],
                  scored: list[tuple[int, int]], status) -> None:  # type: ignore[no-untyped-def]
    """Second pass: a cluster left apart by a garbled surname joins the one cluster of its story whose
    name it garbles, judged on the two clusters as wholes (one article may lack the role or the places
    another has). Only a single candidate counts: two clusters in the story that fit are two people
    (spouses, namesakes) and the spelling stays apart."""
    parsed = [p.name for p in people]
    fits: dict[int, set[int]] = defaultdict(set)  # cluster -> people of other clusters its names garble
    for i, j in scored:
        if home[i] != home[j] and garbled_names(parsed[i], parsed[j]):
            fits[home[i]].add(j)
            fits[home[j]].add(i)
    for g in sorted(fits, key=lambda g: (len(groups.get(g, [])), g)):
        if g not in groups:
            continue
        pg = _profile(people, groups[g])
        ok = []
        for h in {home[j] for j in fits[g]} - {g}:
            why = garbled_context(pg, _profile(people, groups[h]), parsed[groups[g][0]], parsed[groups[h][0]])
            # the two clusters as wholes: what forbids is a personal conflict (another first name, a
            # Jr., the other gender's form), not two damaged spellings far apart in letters
            if why and not any(personal_conflict(parsed[a], parsed[b]) for a in groups[g] for b in groups[h]):
                ok.append((h, why))
        if len(ok) != 1:
            continue
        h, why = ok[0]
        for k in groups[g]:
            people[k].joined = people[k].joined or why
        groups[h].extend(groups.pop(g))
        for k in groups[h]:
            home[k] = h


def _weak_supported(a: LocalPerson, b: LocalPerson) -> bool:
    """A weak name match ('Sobel'/'Sobol', a translated first name) needs context, and a shared role
    alone is not enough: on real names, 'Varga'/'Verga' with one first name and one job are two
    people in two stories. So the two must share the story as well."""
    return context_support(a, b) >= 0.25 and same_story(a, b)


def _attach_shorts(people: list[LocalPerson], groups: list[list[int]]) -> list[list[int]]:
    """Bare surnames ('Volkov said') and initials ('D. Volkov') join the one compatible full-name
    cluster; when several fit, the cluster whose story (co-occurring entities, roles) clearly matches
    best; otherwise they stay apart. Identical leftovers form one entity of their own."""
    leftovers: dict[str, list[int]] = defaultdict(list)
    profile = [_profile(people, g) for g in groups]
    names_of = [list({people[k].name.raw: people[k].name for k in g}.values()) for g in groups]
    usual = [_usual_surname(people, g) for g in groups]
    for i, p in enumerate(people):
        if p.is_full and not p.name.given_is_initial:
            continue
        titles = [m.role for m in p.mentions if m.role]
        fits = [n for n, g in enumerate(groups)
                if any(token_similarity(sn.surname, p.name.surname) >= SHORT_MATCH
                       and name_score(p.name, sn) is not None for sn in names_of[n])
                and all(any(honorific_fits(t, sn.raw) for sn in names_of[n] if sn.is_full) for t in titles)]
        title = {w for t in titles for w in _role_words(t)}
        # a spelling that is not the person's usual one (damaged, or garbled like one of their damaged
        # spellings elsewhere) joins only within the story; a title never joins a person known only by
        # other roles ('Prosecutor Vance' is not the Vance Jr. who is a chief executive)
        fits = [n for n in fits if (fold(p.name.surname) == usual[n] or same_story(p, profile[n]))
                and (not title or not profile[n].roles or title & profile[n].roles)]
        garbled = not fits
        if garbled:
            fits = _garbled_fits(p, title, profile, names_of)
        fits += _story_rivals(p, fits, title, titles, profile, names_of, usual)
        if len(fits) > 1 and title:
            by_title = [n for n in fits if title & profile[n].roles]  # 'President Obama': not Michelle
            fits = by_title if len(by_title) == 1 else fits
        if len(fits) > 1:
            support = sorted(((context_support(p, profile[n]), n) for n in fits), reverse=True)
            (best, n0), (second, _) = support[0], support[1]
            fits = [n0] if best >= 0.4 and best - second >= 0.3 else []
            if not fits:
                leftovers[f"{fold(p.names.most_common(1)[0][0])}#{i}"].append(i)  # ambiguous: no guess
                continue
        if len(fits) == 1:
            groups[fits[0]].append(i)
            if garbled:
                p.joined = ("garbled surname alone, in the story of the one person it fits",
                            config.NAMES.confidence_bare_in_story)
        else:
            leftovers[fold(p.names.most_common(1)[0][0])].append(i)
    return list(leftovers.values())


def _story_rivals(p: LocalPerson, fits: list[int], title: set[str], titles: list[str], profile: list[LocalPerson],
                  names_of: list[list[PersonName]], usual: list[str]) -> list[int]:
    """Other people of the story whose usual surname is one of the spellings of a fitting cluster. A
    short form may fit one person only through a damaged spelling of theirs ('Harlu' is close to
    their 'Harli', not to 'Harlan') while the spouse or the Jr. of the story is a 'Harlan' too: then
    it may be either, and the caller's disambiguation (title, clearly better context) decides, or
    no guess is made."""
    surnames = {fold(sn.surname) for n in fits for sn in names_of[n]}
    return [n for n in range(len(profile)) if n not in fits and usual[n] in surnames and same_story(p, profile[n])
            and (not title or not profile[n].roles or title & profile[n].roles)
            and any(sn.is_full and name_score(p.name, sn) is not None
                    and all(honorific_fits(t, sn.raw) for t in titles) for sn in names_of[n])]


def _usual_surname(people: list[LocalPerson], group: list[int]) -> str:
    """The folded surname a cluster's articles use most."""
    votes: Counter[str] = Counter()
    for k in group:
        for n, c in people[k].names.items():
            pn = parse(n)
            if pn:
                votes[fold(pn.surname)] += max(c, 1)
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else ""


def _garbled_fits(p: LocalPerson, title: set[str], profile: list[LocalPerson],
                  names_of: list[list[PersonName]]) -> list[int]:
    """Clusters a bare or titled garbled surname ('Kowalczek said' in an article with no full name) may
    belong to: a similar surname, the same story and, when titled, the same role. Only a single fit
    is used (the caller), two fits are two candidates and no guess."""
    if not plausible_garbled_surname(p.name.surname):
        return []
    # a short word resembles too many surnames (on ECB+ a plural noun and a word joined two people)
    short = len(fold(p.name.surname).replace(" ", "")) < config.NAMES.short_letters
    floor = config.NAMES.garbled_min_short if short else config.NAMES.garbled_min
    honorific = [t for t in (m.role for m in p.mentions) if t and t.lower() in HONORIFICS]
    return [n for n, names in enumerate(names_of)
            if same_story(p, profile[n]) and (not title or title & profile[n].roles)
            and any(sn.is_full and garbled_surname(sn.surname, p.name.surname, floor)
                    and name_score(p.name, sn) is not None
                    and all(honorific_fits(t, sn.raw) for t in honorific) for sn in names)]


def _profile(people: list[LocalPerson], group: list[int]) -> LocalPerson:
    """A cluster seen as one person: its roles and co-occurring entities over all its articles."""
    first = people[group[0]]
    prof = LocalPerson("cluster", first.names, roles=set(), context=set())
    for k in group:
        prof.roles |= people[k].roles
        prof.context |= people[k].context
    return prof


def local_people(person_mentions: list[Mention], arts: dict[str, Article],
                  context_of: dict[str, set[str]]) -> list[LocalPerson]:
    """One LocalPerson per (article, full name the mentions resolve to); unresolved short forms get
    their own. Role references and resolved short forms join but do not vote for the name."""
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
            lp.names[m.resolved_to] += 0  # known, not yet seen as a surface: named, never outvoting one
        lp.roles |= _role_words(m.role)
    for lp in locals_.values():
        if not lp.names:
            lp.names[lp.mentions[0].resolved_to or lp.mentions[0].span.text] += 1
        own = {fold(n) for n in lp.names} | {fold(lp.name.surname)}
        lp.context = context_of.get(lp.article_id, set()) - own
    return list(locals_.values())


def canonical_person_name(cluster: list[LocalPerson], arts: dict[str, Article]) -> str:
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


def address_forms(m: Mention, text: str | None) -> list[str]:
    """'Minister Varga' is how a heading addressed her: kept as an alias of a bare-surname mention
    when the title stands right before it."""
    if not m.role or len(m.span.text.split()) != 1 or text is None or m.resolved_by == "role":
        return []
    form = f"{m.role} {m.span.text}"
    s = m.span.start - len(m.role) - 1
    return [form] if s >= 0 and text[s:m.span.end] == form else []


def headline_forms(lp: LocalPerson, people: list[LocalPerson], art: Article | None) -> list[str]:
    """'Minister Varga' in a headline (metadata, so no span) names the article's minister Varga: an
    alias of that person when the title word fits only them among the article's people."""
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
