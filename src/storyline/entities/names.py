"""Person names: split into given name and surname, and decide whether two names can be one person.

The hard rules live here because every caller (clustering, coreference, quote lookup, evaluation)
must agree on them: surnames must match after transliteration folding (or one carry a case ending
MT left on it, 'Harlan'/'Harlanom', which only context may confirm), and two *known, different*
given names mean two people ("Lena Varga" is not "Jonas Varga") unless a variants table says they
are one name across languages ("Dmitri"/"Dmytro", "Pyotr"/"Peter"), and a generational suffix or
different middle initials mean father and son ("Harold Vance Jr." is never "Harold Vance": only the
same full name or a knowledge base joins them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import config
from ..resources import lines, table
from .translit import fold, gendered_pair, inflected_pair, letter_similarity, to_ascii, token_similarity

SURNAME_MATCH = 0.88  # below this two surnames give no evidence of one person
SURNAME_FORBID = 0.8  # below this they are different families: never one person, whatever the context
GIVEN_MATCH = 0.85
_PARTICLES = {"van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le", "bin", "ibn",
              "al", "el", "ten", "ter", "dos", "das", "zu"}
_TOKEN = re.compile(r"[^\s]+")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True)
class PersonName:
    given: str | None  # first given name, or an initial like "A."
    surname: str
    raw: str
    suffix: str = ""  # "jr", "iii": a father and his son share the rest of the name
    middle: str = ""  # initials of middle names ("hw" for "George H. W. ..."), only when all are initials

    @property
    def is_full(self) -> bool:
        return self.given is not None

    @property
    def given_is_initial(self) -> bool:
        return self.given is not None and len(self.given.rstrip(".")) == 1


@cache
def parse(name: str) -> PersonName | None:
    """'Anna Kowalczyk' -> (Anna, Kowalczyk); 'Kowalczyk' -> (None, Kowalczyk); particles stay with the
    surname ('Piet van Aldenburg' -> (Piet, van Aldenburg)); middle names are ignored."""
    tokens = [t.strip(",;:") for t in _TOKEN.findall(name)]
    tokens = [t for t in tokens if t]
    suffix = ""
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".") in _SUFFIXES:
        suffix = tokens.pop().lower().rstrip(".")  # "Joseph R. Biden Jr." is Biden, "Brent Bozell III" Bozell
    if not tokens:
        return None
    if len(tokens) == 1:
        return PersonName(None, tokens[0], name, suffix)
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in _PARTICLES:
        i -= 1
    first = 0
    if i >= 2 and len(tokens[0].rstrip(".")) == 1 and len(tokens[1].rstrip(".")) > 1:
        first = 1  # 'W. Mark Felder' goes by his middle name: he is the 'Mark Felder' of other articles
    middles = tokens[first + 1:i]
    # only bare initials tell two people apart; a written-out middle may be half of a double surname
    middle = "".join(t[0].lower() for t in middles) if all(len(t.rstrip(".")) == 1 for t in middles) else ""
    return PersonName(tokens[first], " ".join(tokens[i:]), name, suffix, middle)


@cache
def _given_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for i, row in enumerate(table("entities/given_name_variants.tsv")):
        for n in row:
            if n:
                groups.setdefault(fold(n), set()).add(i)
    return {k: frozenset(v) for k, v in groups.items()}


@cache
def _detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her its our their my your and but or nor of in on at for with by "
    "from to as if so no not all any some every each both either neither".split())


@cache
def is_given_name(token: str) -> bool:
    """Whether a token is a known first name in some country ('Irena', 'Dmytro'; not 'Freitag')."""
    t = token.strip(".,;:")
    if len(t) < 2 or not t[:1].isupper() or t.lower() in _FUNCTION_WORDS:
        return False  # the name lexicon lists 'The' (a Vietnamese name): "The Clinton campaign"
    if fold(t) in _given_groups():
        return True
    return _detector().get_gender(to_ascii(t)) != "unknown" or _detector().get_gender(t) != "unknown"


@cache
def _curated(gender: str) -> frozenset[str]:
    return frozenset(lines(f"entities/names_{gender}.txt"))


def first_name_gender(first: str) -> str | None:
    """'f', 'm' or None — a hint about a first name, never a fact about the person. One answer for
    every stage (entities and quotes each had a detector, and they disagreed): gender-guesser's list
    when it is sure; a name it only leans on ("mostly_male") or calls unisex gives none unless our
    curated lists settle it; an unknown name ending in -a is female (the Slavic, Baltic, Romance and
    Nordic names news is full of)."""
    f = to_ascii(first.strip(".,")).lower()
    if len(f) < 2:
        return None
    g = _detector().get_gender(f)
    if g in ("male", "female"):
        return g[0]
    curated = "m" if f in _curated("male") else "f" if f in _curated("female") else None
    if curated or g != "unknown":
        return curated  # leaning or unisex: only our lists decide
    return "f" if f.endswith("a") else None


def known_first_name(first: str) -> bool:
    """Is this word a first name anywhere (gender-guesser's international list or ours)?"""
    f = first.strip(".")
    return len(f) >= 2 and (_detector().get_gender(f) != "unknown" or f.lower() in _curated("male")
                            or f.lower() in _curated("female"))


@cache
def _given_spellings() -> tuple[tuple[str, str, bool], ...]:
    return tuple((r[0], r[1], len(r) > 2 and r[2] == "end") for r in table("entities/given_name_spellings.tsv"))


@cache
def given_key(name: str) -> str:
    """A first name's spelling key: vowel spellings and pet-form endings that do not make another
    name ('Jessie'/'Jessy', 'Neela'/'Nila'; resources/entities/given_name_spellings.tsv) are folded
    away, then transliteration folding applies as for any name."""
    s = re.sub(r"[^a-z]", "", to_ascii(name).lower())
    for a, b, at_end in _given_spellings():
        if not at_end:
            s = s.replace(a, b)
        elif s.endswith(a) and len(s) > len(a) + 1:
            s = s[: -len(a)] + b
    return fold(s)


def given_names_compatible(a: str, b: str) -> bool:
    """Same first name across spellings and languages; an initial matches any name it abbreviates."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return fa[0] == fb[0]
    if fa == fb or given_key(a) == given_key(b):
        return True
    ga, gb = _given_groups().get(fa), _given_groups().get(fb)
    if ga and gb and ga & gb:
        return True  # one name across languages ('Dmitri'/'Dmytro', 'Pyotr'/'Peter')
    if is_given_name(a) and is_given_name(b):
        # two real, different first names are two people, however close the letters: 'Lena'/'Jonas',
        # and on real news 'Ivana'/'Ivanka' Trump (mother and daughter), 'Ivan'/'Ivana'
        return False
    # a garbled name ('Madgalena') may be a known one, in folded letters or as written ('Loetta')
    return max(token_similarity(a, b), letter_similarity(a, b)) >= GIVEN_MATCH


def surname_similarity(a: PersonName, b: PersonName) -> float:
    return token_similarity(a.surname, b.surname)


def generation_conflict(a: PersonName, b: PersonName) -> bool:
    """Father and son share every other part of the name, so the generational suffix and the middle
    initials decide: "Harold Vance Jr." is not "Harold Vance III", nor "Harold Vance" (written without
    the suffix, the name is as likely the father's: only a knowledge base may join them), and
    "Harold J. Vance" is not "Harold K. Vance". A bare surname says nothing about the generation
    ("Vance" may be either), so it conflicts only through its own suffix."""
    if a.suffix != b.suffix:
        unsuffixed = b if a.suffix else a
        if unsuffixed.suffix or unsuffixed.is_full:
            return True
    return bool(a.middle and b.middle and a.middle != b.middle)


def personal_conflict(a: PersonName, b: PersonName) -> bool:
    """The parts of the hard rules that are about the person, not the spelling of the surname: two
    different first names, father and son, the masculine and feminine forms of one family. Two
    damaged spellings of one surname ('Harlu', 'Kharlan') may be far apart in letters while neither
    of these says they are two people."""
    if generation_conflict(a, b) or gendered_pair(a.surname, b.surname):
        return True
    return bool(a.given and b.given and not given_names_compatible(a.given, b.given))


def name_score(a: PersonName, b: PersonName) -> float | None:
    """How strongly two names alone say 'same person': None when they cannot be (the hard rules),
    0.0 when the names neither link nor forbid (two damaged spellings of one surname may be further
    apart from each other than from the original, so only clearly different surnames forbid)."""
    s = surname_similarity(a, b)
    if s < SURNAME_FORBID and not inflected(a.surname, b.surname) or generation_conflict(a, b):
        return None  # an inflected spelling ('Harlanom') is far in letters, yet no other family
    if a.is_full and b.is_full:
        assert a.given is not None and b.given is not None
        if not given_names_compatible(a.given, b.given):
            return None
        if s < SURNAME_MATCH:
            return 0.0
        if fold(a.given) == fold(b.given) and s < 0.9:
            return 0.0  # same first name, different-looking surname: no evidence of one person
        g = 1.0 if fold(a.given) == fold(b.given) else 0.9
        if a.given_is_initial or b.given_is_initial:
            g = 0.8
        return 0.7 * s + 0.3 * g
    if s < SURNAME_MATCH:
        return 0.0
    return 0.7 * s + 0.3 * 0.8  # a bare surname says nothing about the first name


def same_person(a: str, b: str) -> bool:
    """Name-only compatibility of two surface names (used by quote lookup and evaluation)."""
    pa, pb = parse(a), parse(b)
    return bool(pa and pb and name_score(pa, pb))



def inflected(a: str, b: str) -> bool:
    """One surname, one spelling with a case ending MT left on it ('Harlan'/'Harlanom')."""
    return inflected_pair(a, b, config.NAMES.inflection_min_stem)


def garbled_surname(a: str, b: str, floor: float) -> bool:
    """Whether two surname spellings may be one surname that MT damaged: letters this close after
    folding, or one carrying a case ending. Never enough alone: callers require context."""
    return token_similarity(a, b) >= floor or inflected(a, b)


def plausible_garbled_surname(token: str) -> bool:
    """Whether a bare word may be a garbled surname at all: not a first name ('Rita' in the story of
    an 'Oleg Ritaev' names somebody else, as first names did on ECB+ news; a first name alone is
    coref's given-name rule)."""
    return not is_given_name(token)
