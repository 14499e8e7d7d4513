"""Within-article references to people: short forms, honorifics and role references.

A short form ("Kowalczyk", "Ms. Kowalczyk") refers to the one person named in full in the same
article with that surname; a role reference ("the expert", "the Pentagon chief", "the interlocutor of
Baltic Ledger") to the person last mentioned whom the article introduced with that role. Anything
ambiguous stays unresolved: a wrong speaker is worse than no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import config
from ..model import Article, Mention
from ..resources import table
from ..text.sentences import sentence_around
from .names import first_name_gender, garbled_surname, parse
from .roles import role_lexicon
from .translit import fold, token_similarity

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "herr", "frau", "sir", "madam"}
REACH = 2500  # characters: a role reference further than this from its person is left alone
_APPOSITIVE = re.compile(r"\s*,\s+(?:the|a|an|who is|who was)\s+((?:(?!\bwho\b|\bwhich\b|\bthat\b)[^,.;:\n]){2,80})")
_CLAUSE_START = re.compile(r"[.!?\n,;:]|\b(?:and|but|said|says|told)\b")
_OF_ORG = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?([A-Z][^,.;:\n]{2,60})")
_STOP = {"the", "a", "an", "of", "at", "for", "and", "in", "on", "who", "is", "was", "to", "from", "with"}


@cache
def _role_vocabulary() -> frozenset[str]:
    """Single words of the role lexicons ('minister', 'secretary', 'analyst')."""
    out: set[str] = set()
    for phrase in role_lexicon("de")[0]:
        out |= {w for w in re.split(r"[\s-]+", phrase.rstrip(".")) if len(w) > 2}
    return frozenset(out - {"the", "former", "deputy", "vice", "head"})


@cache
def role_classes() -> dict[str, frozenset[str]]:
    """head word of a role reference -> descriptor words that license it."""
    return {row[0]: frozenset(row[1].split()) for row in table("entities/role_classes_en.tsv") if len(row) > 1}


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[\w-]+", text.lower()):
        if w in _STOP:
            continue
        out.add(w)
        out.update(p for p in w.split("-") if p)
        if w.endswith("s") and len(w) > 3:
            out.add(w[:-1])  # 'analysts' describes an analyst
    return out


@dataclass
class _Person:
    name: str
    descriptors: set[str] = field(default_factory=set)
    context: str = ""  # the sentences that introduced the person, for 'interlocutor of <outlet>'
    positions: list[int] = field(default_factory=list)


def _acronyms(text: str) -> set[str]:
    """'Northern Defence Council' also describes as 'ndc'."""
    out = set()
    for run in re.findall(r"(?:\b[A-Z][\w-]*(?:\s+(?:of|for|and|the)\s+|\s+)){1,5}[A-Z][\w-]*", text):
        words = [w for w in run.split() if w[:1].isupper()]
        if len(words) >= 2:
            out.add("".join(w[0] for w in words).lower())
    return out


def _describe(text: str, m: Mention, floor: int = 0) -> set[str]:
    """Role words, the appositive after the name (', a farmer from Brask') up to a relative clause,
    an affiliation ('of the Lindhaven Institute'), and the words of the clause right before the name
    ('The Varnian minister of agriculture Lena Varga')."""
    words = _words(m.role or "")
    before = text[max(0, floor, m.span.start - 60) : m.span.start]
    cut = max((x.end() for x in _CLAUSE_START.finditer(before)), default=0)
    words |= _words(before[cut:]) | _acronyms(before[cut:])
    tail = text[m.span.end : m.span.end + 120]
    app = _APPOSITIVE.match(tail)
    if app:
        words |= _words(app.group(1))
    of = _OF_ORG.match(tail)
    if of:
        words |= _words(of.group(1)) | _acronyms(of.group(1))
    return words


def _people(article: Article, mentions: list[Mention]) -> dict[str, _Person]:
    people: dict[str, _Person] = {}
    floor = 0  # a descriptor before a name never reaches back past the previous person
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.label == "PERSON" and len(m.span.text.split()) >= 2:
            key = fold(m.span.text)
            p = people.setdefault(key, _Person(m.span.text))
            p.descriptors |= _describe(article.text, m, floor)
            lo, hi = sentence_around(article.text, m.span.start, m.span.end, any_stop=True)
            p.context += " " + article.text[lo:hi]
            p.positions.append(m.span.start)
        if m.label == "PERSON":
            floor = m.span.end
    return people


_MALE = {"mr", "mr.", "herr", "sir"}
_FEMALE = {"mrs", "mrs.", "ms", "ms.", "miss", "frau", "madam"}


def honorific_fits(role: str, full_name: str) -> bool:
    """'Mr.' does not refer to a woman nor 'Mrs.' to a man, when the first name tells (the lexicon
    says 'Michelle' is female): otherwise 'Mr. Obama' would resolve to Michelle Obama."""
    word = role.lower().split()[-1] if role.split() else ""
    if word not in _MALE | _FEMALE:
        return True
    p = parse(full_name)
    if not p or not p.given:
        return True
    gender = first_name_gender(p.given)
    return not (word in _MALE and gender == "f" or word in _FEMALE and gender == "m")


def _short_target(name: str, role: str | None, people: dict[str, _Person]) -> str | None:
    """The one full name whose surname this short form is; None when there are none or several.
    A title breaks a tie: 'Minister Varga' is the Varga introduced as a minister, not the farmer."""
    cands = {fold(p.name) for p in people.values()
             if (pn := parse(p.name)) and token_similarity(pn.surname, name) >= 0.93}
    if role:
        cands = {c for c in cands if honorific_fits(role, people[c].name)}  # 'Mr. Obama' is not Michelle
        title = _words(role) - HONORIFICS
        if len(cands) > 1:
            cands = {c for c in cands if title and title & people[c].descriptors}
        elif cands and title and not title & people[next(iter(cands))].descriptors \
                and people[next(iter(cands))].descriptors & _role_vocabulary():
            return None  # 'President Clinton' where the article introduced Clinton as a secretary
    if len(cands) != 1:
        return None
    return people[cands.pop()].name


def _given_name_target(name: str, people: dict[str, _Person]) -> str | None:
    """'Hillary' in an article that named Hillary Clinton: a first name alone refers to the one person
    the article introduced with it, unless it is also somebody's surname there."""
    if any((pn := parse(p.name)) and fold(pn.surname) == fold(name) for p in people.values()):
        return None
    cands = {p.name for p in people.values() if (pn := parse(p.name)) and pn.given and not pn.given_is_initial
             and fold(pn.given) == fold(name)}
    return cands.pop() if len(cands) == 1 else None


def _garbled_surname_target(name: str, role: str | None, people: dict[str, _Person]) -> str | None:
    """MT can garble a surname in one sentence ('Minister Kowalski said' in an article about Defence
    Minister Anna Kowalczyk). Accepted only when a real title (not Mr./Ms.) names the role the article
    gave exactly one person whose surname is close (not equal: that case is a plain short form), and
    nobody in the article carries the garbled surname itself."""
    title = _words(role or "") - HONORIFICS
    if not title or any((pn := parse(p.name)) and fold(pn.surname) == fold(name) for p in people.values()):
        return None
    cands = [p.name for p in people.values()
             if (pn := parse(p.name)) and token_similarity(pn.surname, name) < 0.93
             and garbled_surname(pn.surname, name, 0.8)
             and title & p.descriptors & _role_vocabulary()]
    return cands[0] if len(cands) == 1 else None


def _bare_garbled_target(m: Mention, text: str, people: dict[str, _Person]) -> str | None:
    """MT also garbles an untitled surname ('Anna Kowalczyk arrived. "...," Kowalski said'): it is the
    person introduced just before when that person is the only one in the article with a similar
    surname, nobody carries the garbled surname itself, no other person was named in between, and the
    surname is not being introduced itself ('Kowalski, a farmer, ...' is somebody new)."""
    name = m.span.text
    if m.role and (m.role.lower() not in HONORIFICS) or _APPOSITIVE.match(text[m.span.end:m.span.end + 120]):
        return None
    close = []
    for p in people.values():
        pn = parse(p.name)
        sim = token_similarity(pn.surname, name) if pn else 0.0
        if sim >= 1.0 or pn and fold(pn.surname) == fold(name):
            return None
        if pn and garbled_surname(pn.surname, name, config.NAMES.garbled_min):
            close.append(p)
    if len(close) != 1 or (m.role and not honorific_fits(m.role, close[0].name)):
        return None
    last = {p.name: max((x for x in p.positions if x < m.span.start), default=-1) for p in people.values()}
    target = close[0].name
    latest = max(last.values(), default=-1)
    if last[target] < 0 or last[target] != latest or m.span.start - latest > REACH:
        return None
    return target


def resolve_references(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Short forms and honorifics get ``resolved_to``; role references become new PERSON mentions."""
    people = _people(article, mentions)
    out: list[Mention] = []
    for m in mentions:
        if m.label == "PERSON" and len(m.span.text.split()) == 1:
            target = _short_target(m.span.text, m.role, people)
            how = "honorific" if (m.role or "").lower().split(" ")[-1] in HONORIFICS else "surname"
            if target is None:
                target, how = _garbled_surname_target(m.span.text, m.role, people), "title"
            if target is None and not m.role:
                target, how = _given_name_target(m.span.text, people), "given name"
            if target is None:
                target, how = _bare_garbled_target(m, article.text, people), "garbled surname"
            if target:
                m = m.model_copy(update={"resolved_to": target, "resolved_by": how})
                p = people[fold(target)]
                p.descriptors |= _describe(article.text, m)
                p.positions.append(m.span.start)
        out.append(m)
    out += _role_references(article, out, people)
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _role_pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(map(re.escape, role_classes()), key=len, reverse=True))
    return re.compile(
        r"\b[Tt]he\s+(?P<quals>(?:[\w-]+\s+){0,2}?)(?P<head>" + heads + r")\b(?!\s+[A-Z])"
        r"|\b[Tt]he\s+(?P<inter>interlocutor)\s+of\s+(?:the\s+)?(?P<outlet>[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3})")


def _role_references(article: Article, mentions: list[Mention], people: dict[str, _Person]) -> list[Mention]:
    text = article.text
    taken = [(m.span.start, m.span.end) for m in mentions if m.label == "PERSON"]  # 'the NDC chief' may hold an ORG
    out = []
    for rm in _role_pattern().finditer(text):
        start, end = rm.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if rm.group("inter"):
            outlet = rm.group("outlet")
            target = _last_person(people, start, lambda p: outlet.lower() in p.context.lower())
        else:
            head = rm.group("head").lower()
            quals = _words(rm.group("quals") or "")
            licensed = role_classes()[head]
            caps = {w.lower() for w in re.findall(r"\b[A-Z][\w-]*", rm.group("quals") or "")}
            target = _last_person(people, start, lambda p: bool(p.descriptors & licensed)
                                  and caps <= p.descriptors and bool(quals - caps <= p.descriptors | licensed))
        if target is None:
            continue
        role = text[start:end].split(None, 1)[1]
        out.append(Mention(span=article.span(start, end), label="PERSON", role=role,
                           resolved_to=target, resolved_by="role"))
        taken.append((start, end))
    return out


def _last_person(people: dict[str, _Person], before: int, fits) -> str | None:  # type: ignore[no-untyped-def]
    """The fitting person mentioned most recently before ``before``; None if two fit equally or the
    last mention is out of reach."""
    best: list[tuple[int, str]] = []
    for p in people.values():
        pos = [x for x in p.positions if x < before]
        if pos and fits(p):
            best.append((max(pos), p.name))
    if not best:
        return None
    best.sort(reverse=True)
    if before - best[0][0] > REACH:
        return None
    return best[0][1]
