"""Titles and roles around a name: 'Defence Minister Anna Kowalczyk', 'NDC-Generalsekretär Piet
Aldenburg', 'Anna Kowalchuk, Korsa's defence minister,'. Role words are data (resources/entities/
roles_<lang>.txt, with '-suffix' lines for German compounds); the rules here only decide where a role
phrase starts and stops, so a sentence end or a sentence-initial 'But' never becomes part of a title.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp.casing import lower
from ..resources import lines

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau", "sir", "madam"}


@cache
def role_lexicon(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole role phrases longest first, suffixes such as '-minister') for a language."""
    words: list[str] = []
    suffixes: list[str] = []
    for name in {"en", lang}:
        try:
            entries = lines(f"entities/roles_{name}.txt")
        except FileNotFoundError:
            continue
        for ln in entries:
            (suffixes if ln.startswith("-") else words).append(ln.lstrip("-").lower())
    return tuple(sorted(set(words), key=len, reverse=True)), tuple(sorted(set(suffixes), key=len, reverse=True))


def is_role_token(token: str, lang: str = "en") -> bool:
    low = token.lower().strip(",.")
    words, suffixes = role_lexicon(lang)
    return low in words or any(low.endswith(s) and len(low) > len(s) for s in suffixes)


@cache
def departments() -> tuple[str, ...]:
    """Department words after 'of' in a title, longest first ('health and human services' before 'health')."""
    return tuple(sorted(lines("entities/departments_en.txt"), key=len, reverse=True))


def department_after(text: str) -> int:
    """Length of an 'of [the] <Department>' phrase at the start of ``text`` (0 if none): the rest of a
    title like 'Secretary of Defense' once 'Secretary' is matched."""
    m = re.match(r"of\s+", text)
    if not m:
        return 0
    rest = text[m.end():].lower()
    hit = next((d for d in departments() if rest.startswith(d) and not rest[len(d):len(d) + 1].isalpha()), None)
    return m.end() + len(hit) if hit else 0


@cache
def _department_tail() -> re.Pattern[str]:
    alts = "|".join(re.escape(d) for d in departments())
    return re.compile(r"([A-Za-z][\w.-]*)\s+of\s+(?:" + alts + r")\s+$", re.I)


def department_before(text: str, start: int, lang: str = "en") -> str | None:
    """'Secretary of Defense ' right before ``start``: the whole title, which role_before cannot see
    because 'Defense' and 'of' are no role words."""
    prefix = text[max(0, start - 80):start]
    m = _department_tail().search(prefix)
    return prefix[m.start():].strip() if m and is_role_token(m.group(1), lang) else None


def strip_role(text: str, lang: str = "en") -> tuple[str, str | None, int]:
    """'Defence Minister Anna Kowalczyk' -> ('Anna Kowalczyk', 'Defence Minister', 17): the name, the
    role words removed from its front, and how many characters were removed."""
    words, _ = role_lexicon(lang)
    cut = 0
    low = lower(text)  # cut counts characters of text: İ must stay one
    while True:
        rest = low[cut:]
        hit = next((w for w in words if rest.startswith(w + " ")), None)
        if hit is None:
            first = rest.split(" ", 1)[0]
            if " " in rest and is_role_token(first, lang):
                hit = first
        if hit is None:
            break
        cut += len(hit) + 1
        while cut < len(text) and text[cut] == " ":
            cut += 1
        cut += department_after(text[cut:])  # 'Secretary of Defense Jane Roe'
        while cut < len(text) and text[cut] == " ":
            cut += 1
    if not cut:
        return text, None, 0
    return text[cut:], text[:cut].strip(), cut


def role_before(text: str, start: int, lang: str = "en") -> str | None:
    """The role phrase right before a name, with its qualifiers: 'Korsa's Defence Minister Anna ...' ->
    'Defence Minister'; 'NDC Secretary-General Piet ...' -> 'NDC Secretary-General'."""
    prefix = text[max(0, start - 60) : start]
    if not prefix.endswith(" "):
        return None
    if dept := department_before(text, start, lang):
        return dept
    tokens = prefix.split()
    if not tokens or tokens[-1][-1:] in ".,;:!?»\"”" and tokens[-1].lower() not in role_lexicon(lang)[0]:
        return None  # 'said the farmer. Sobel asked': the role belongs to the previous sentence
    words, _ = role_lexicon(lang)
    got: list[str] = []
    i = len(tokens)
    while i > 0:
        matched = False
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            phrase = " ".join(tokens[i - n : i])
            last = tokens[i - 1]
            if i < len(tokens) and (last[-1:] in ",;:" or last.endswith(".") and last.lower() not in words):
                break  # 'an envoy, Deputy Foreign Minister Irena Halvik': stop at the comma or sentence end
            if phrase.lower() in words or (n == 1 and is_role_token(phrase, lang)):
                got[:0] = tokens[i - n : i]
                i -= n
                matched = True
                break
        if not matched:
            break
    if not got:
        return None
    # capitalised qualifiers before the role ('NDC', 'Varnian Agriculture'), not a sentence start
    lowest = 1 if start > 60 else 0  # the window's first token may be cut in half
    honorific = got[-1].lower().rstrip(".") in _HONORIFICS
    while (not honorific and i > lowest and re.fullmatch(r"[A-Z][\w-]*", tokens[i - 1])
           and tokens[i - 1].lower() not in stop_words(lang) | stop_words("en")  # 'But Mr.', 'Should Mr.'
           and not (i > 1 and tokens[i - 2].endswith((".", ":", "\n")))):
        got.insert(0, tokens[i - 1])
        i -= 1
    role = " ".join(got).strip(",")
    return role or None


_APPOSITIVE_ROLE = re.compile(r"\s*,\s+(?:(?:the|a|an)\s+|[A-Z][\w-]*(?:'s|’s)\s+)?((?:[\w-]+\s+){0,3}?[\w-]+)\s*(?=[,.;]|$)")


def role_after(text: str, end: int, lang: str = "en") -> str | None:
    """An appositive role: 'Anna Kowalchuk, Korsa's defence minister, said' -> 'defence minister'."""
    m = _APPOSITIVE_ROLE.match(text, end)
    if not m or not is_role_token(m.group(1).split()[-1], lang):
        return None
    return m.group(1)


@cache
def stop_words(lang: str) -> frozenset[str]:
    try:
        from importlib import import_module

        return frozenset(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        return frozenset()
