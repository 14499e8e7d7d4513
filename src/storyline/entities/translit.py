"""Spelling-insensitive keys and similarity for names that crossed languages and machine translation.

Why folding and not only edit distance: "Volkhov", "Wolchow" and "Volkov" are one transliterated name
whose letters differ in systematic ways (kh/ch/k, w/v, y/i, doubled letters). Folding removes exactly
those differences (rules are data: resources/entities/translit_folds.tsv) and Jaro-Winkler plus a
phonetic key then only has to absorb the random damage (dropped, doubled or swapped letters).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import jellyfish
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from ..resources import table

_NON_ALPHA = re.compile(r"[^a-z ]+")
_DOUBLE = re.compile(r"(.)\1+")


@cache
def _folds() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1] if len(row) > 1 else "") for row in table("entities/translit_folds.tsv"))


@cache
def _letters() -> dict[int, str]:
    return {ord(row[0]): row[1] for row in table("entities/ascii_letters.tsv")}


@cache
def to_ascii(text: str) -> str:
    """'Łukasz Wałęsa' -> 'Lukasz Walesa': diacritics dropped, special letters spelled out."""
    s = unicodedata.normalize("NFKD", text.translate(_letters()))
    return "".join(c for c in s if not unicodedata.combining(c))


@cache
def fold(name: str) -> str:
    """Transliteration key: 'Kowalczyk', 'Kovalchik' and 'Kowalchik' all fold to 'kovalkik'."""
    return _DOUBLE.sub(r"\1", _fold_letters(name))


@cache
def _fold_letters(name: str) -> str:
    """The transliteration key before doubled letters collapse ('Marriino' -> 'mariino')."""
    s = _NON_ALPHA.sub(" ", to_ascii(name).lower())
    s = " ".join(s.split())
    for a, b in _folds():
        s = s.replace(a, b)
    return s


@cache
def phonetic(token: str) -> str:
    """Metaphone of the folded token: a second opinion that ignores vowel damage ('Sobel'/'Sobol')."""
    f = fold(token).replace(" ", "")
    return jellyfish.metaphone(f) if f else ""


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> float:
    """Similarity of two name tokens in [0, 1] after folding.

    Jaro-Winkler alone rewards shared prefixes, and 'Kowalski'/'Kowalczyk' are different families,
    so it is averaged with an edit similarity (transpositions count once: MT swaps letters). A single
    swap or a dropped letter in a long name is damage; one substituted letter that keeps the phonetic
    key ('Sobel'/'Sobol') may be damage or another family, so it only reaches the weak-link level.
    """
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    if gendered_pair(a, b):
        return 0.0
    sim = _similarity(a, b, fa, fb)
    if sim > SUBSTITUTION_CAP and (_one_substitution(fa, fb) or _one_substitution(
            _fold_letters(a).replace(" ", ""), _fold_letters(b).replace(" ", ""))):
        return SUBSTITUTION_CAP  # on a long name the average alone would call it near certain
    return sim


SUBSTITUTION_CAP = 0.9


def _one_substitution(x: str, y: str) -> bool:
    """One letter replaced by another, in the folded key or before doubled letters collapse
    ('Halberg'/'Halborg', and 'Marrano'/'Marriino', whose 'ii' collapses into what looks like a
    dropped letter): how real surnames of two families differ, so never more than a weak link."""
    if len(x) != len(y):
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 1


@lru_cache(maxsize=1 << 16)
def letter_similarity(a: str, b: str) -> float:
    """token_similarity on the letters as written (ASCII, lower case), without folding. Why: folding
    rules meant for whole names misread a damaged one ('Loetta' folds its 'oe' like an umlaut to
    'lota', far from 'loreta'), so a caller comparing a damaged spelling takes the better of both."""
    la, lb = (_NON_ALPHA.sub("", to_ascii(x).lower()).replace(" ", "") for x in (a, b))
    if not la or not lb:
        return 0.0
    return 1.0 if la == lb else _similarity(a, b, la, lb)


def _similarity(a: str, b: str, fa: str, fb: str) -> float:
    """Similarity of the keys ``fa`` and ``fb`` of the names ``a`` and ``b`` (see token_similarity)."""
    dist = DamerauLevenshtein.distance(fa, fb)
    sim = (JaroWinkler.similarity(fa, fb) + 1 - dist / max(len(fa), len(fb))) / 2
    if dist == 1 and _damage_not_spelling(fa, fb):
        sim = max(sim, 0.93)
    elif dist == 1 and min(len(fa), len(fb)) >= 4 and phonetic(a) == phonetic(b):
        sim = max(sim, 0.9)  # 'Sobel'/'Sobol' but also 'Wagner'/'Wegner': a weak link, needs context
    return sim


def _damage_not_spelling(fa: str, fb: str) -> bool:
    """One swapped pair of letters, or one letter dropped from a long name: typical MT/OCR damage,
    while distinct real surnames one edit apart usually differ by a substituted letter
    ('Wagner'/'Wegner'), which this does not cover."""
    if len(fa) == len(fb):
        diff = [i for i in range(len(fa)) if fa[i] != fb[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and fa[diff[0]] == fb[diff[1]]
    # a dropped letter, but not the first: 'Twitter'/'Vitter' are not one name (seen on real news)
    return min(len(fa), len(fb)) >= 5 and fa[0] == fb[0]


@cache
def _case_endings() -> tuple[str, ...]:
    """Longest first, so 'Kowalem' is read as 'Kowal' + 'em' before 'Kowale' + 'm'."""
    ends = {to_ascii(r[0]).lower() for r in table("entities/surname_case_endings.tsv") if r and r[0]}
    return tuple(sorted(ends, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1 << 16)
def inflected_pair(a: str, b: str, min_stem: int = 4) -> bool:
    """'Harlan' / 'Harlanom', 'Harlana', 'Harlu': one surname, one of the spellings carrying a Slavic
    case ending (resources/entities/surname_case_endings.tsv) appended to the other or put in place
    of its last one or two letters (MT half undoes a declension). The stems must agree (after folding
    only for an appended ending) and keep ``min_stem`` letters, because a short stem fits too many
    names ('Tull'/'Tula'); the masculine and feminine forms of one family ('Kowalski'/'Kowalska')
    are never one person. Only a hint that the names *may* be one: the callers still require the
    same story."""
    la, lb = (_NON_ALPHA.sub("", to_ascii(x).lower()) for x in (a, b))
    if la == lb or not la or not lb or gendered_pair(a, b):
        return False
    for x, y in ((la, lb), (lb, la)):
        for e in _case_endings():
            stem = y[: -len(e)]
            if not y.endswith(e) or len(stem) < min_stem:
                continue
            if len(x) >= min_stem and fold(x) == fold(stem):
                return True  # appended: the stem may also be transliterated ('Wolchar'/'Volkharom')
            # in place of the last letters: the stem as written, since folding makes too many words
            # alike once a letter is gone ('Goths' and 'Gotti' share the key 'got')
            if any(len(x) - cut >= min_stem and x[: len(x) - cut] == stem for cut in (1, 2)):
                return True
    return False


@cache
def _gender_suffixes() -> tuple[tuple[str, str], ...]:
    return tuple((to_ascii(r[0]), to_ascii(r[1])) for r in table("entities/surname_gender_suffixes.tsv") if len(r) > 1)


def gendered_pair(a: str, b: str) -> bool:
    """'Kowalski'/'Kowalska', 'Ivanov'/'Ivanova': one stem with masculine and feminine endings."""
    la, lb = to_ascii(a).lower(), to_ascii(b).lower()
    for m, f in _gender_suffixes():
        for x, y in ((la, lb), (lb, la)):
            if x.endswith(m) and y.endswith(f) and x[: -len(m)] == y[: -len(f)] and x[: -len(m)]:
                return True
    return False
