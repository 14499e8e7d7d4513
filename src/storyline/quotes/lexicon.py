"""The quote lexicons (cue words, term markers, pronouns, role nouns, first-name genders), loaded once.

Why per-language files merged at run time: translated news mixes conventions ("sagte Kowalczyk"
inside otherwise English text), so every cue of every language is a candidate everywhere; the
words hardly collide across languages.
"""

from __future__ import annotations

from functools import cache

from ..resources import lines, table

LANGS = ("en", "de", "fr", "es", "ru", "uk")


@cache
def cue_words() -> frozenset[str]:
    """Single-word speech/thought cues of all languages."""
    out: set[str] = set()
    for lang in LANGS:
        out |= {w.lower() for w in lines(f"quotes/cues_{lang}.txt") if " " not in w}
    return frozenset(out)


@cache
def cue_phrases() -> tuple[str, ...]:
    """Multi-word cues, longest first so 'this was stated by' wins over 'was stated by'."""
    out: set[str] = set(lines("quotes/cue_phrases_en.txt"))
    for lang in LANGS:
        out |= {w.lower() for w in lines(f"quotes/cues_{lang}.txt") if " " in w}
    return tuple(sorted(out, key=len, reverse=True))


@cache
def term_markers() -> tuple[str, ...]:
    return tuple(sorted(set(lines("quotes/term_markers_en.txt")) | set(lines("quotes/term_markers_de.txt")),
                        key=len, reverse=True))


@cache
def pronouns() -> dict[str, str]:
    return {row[0]: row[1] for row in table("quotes/pronouns.tsv")}


def speech_cue(cue: str | None) -> bool:
    """Whether a cue reports words said or written ("said", "told", "according to", "erklärte"), as
    opposed to the wider attributions the learned model also finds ("expected to", "sent",
    "approved"), which are reported content but nobody's voice."""
    if not cue:
        return False
    low = cue.lower()
    return low in cue_words() or low in cue_phrases() or low.split()[0] in ("according", "in")


@cache
def report_cues() -> frozenset[str]:
    """Cues of reported content that are not speech ("the poll showed that ..."): indirect only."""
    return frozenset(lines("quotes/report_cues_en.txt"))


@cache
def discourse_markers() -> frozenset[str]:
    """Sentence lead-ins by which the writer points at a fact ("Recall that", "It should be noted
    that"): no cue, whatever verb they end in."""
    return frozenset(w.lower() for w in lines("quotes/discourse_markers_en.txt"))


def _verb_forms(lemma: str) -> set[str]:
    """A regular English verb's surface forms ("slam": slams, slammed, slamming; "try": tries,
    tried): our parser has no lemmatizer, so the lexicon's lemmas are matched as inflected."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) <= 4 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slammed, hitting
    return forms


@cache
def characterising(kind: str) -> frozenset[str]:
    """Surface forms of the verbs that make a report a characterisation of someone else:
    ``accuse`` ("X accused Y of arguing ...") or ``attitude`` ("X claimed that Y wants ...")."""
    return frozenset(f for row in table("quotes/characterising_en.tsv") if len(row) >= 2 and row[0] == kind
                     for f in _verb_forms(row[1]))


@cache
def source_documents() -> frozenset[str]:
    return frozenset(lines("quotes/source_documents_en.txt"))


@cache
def finding_documents() -> frozenset[str]:
    """Documents whose findings an "in" phrase attributes ("in the latest poll, ...")."""
    return frozenset(lines("quotes/finding_documents_en.txt"))


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(lines("quotes/role_nouns_en.txt"))


def is_role_noun(word: str) -> bool:
    """A role noun, singular or plural ("senator", "senators"); ``word`` in lower case."""
    return word in role_nouns() or word.rstrip("s") in role_nouns()
