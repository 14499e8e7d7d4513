"""Name mentions from spaCy NER, repaired for noisy text, with roles split off and short forms resolved.

Why repair: NER on machine-translated text keeps titles inside names ("Minister Kowalczyk",
"Außenminister Dmitri Wolchow"), possessives ("Kowalczyk's"), trailing verbs ("Piet Aldenburg
zeigte"), labels one name differently in different sentences ("Varga" as ORG after "Lena Varga" as
PERSON), and, on text in a language the model was not trained for, tags ordinary capitalised nouns
as people ("Freitag"). On English news it also misses bare surnames of people the article (or its
headline) names in full, calls them places or organisations, types a whole "Secretary of Defense Jane
Roe" ORG and streets, prizes or products PERSON (repair.py). Each repair below is one of those
observed failures.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..model import Article, Mention
from ..resources import base_language
from ..text.glyphs import DOUBLE_END, DOUBLE_QUOTES
from .coref import resolve_references
from .names import is_given_name, parse
from .repair import DROP, generational_end, not_a_person, split_title
from .roles import department_before, is_role_token, role_after, role_before, role_lexicon, stop_words, strip_role
from .translit import fold

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
          "FAC": "LOC", "EVENT": "EVENT"}
MODEL_LANGUAGES = ("en",)  # NER is trusted on these; elsewhere a person needs a first name or a full form
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DASH_CUT = re.compile(r"\s+[-–—]\s*|\s*[–—]\s+|[–—]")
_SPEECH_NAME = re.compile(
    r"(?:[" + re.escape(DOUBLE_END) + r"]\s*,?\s*|,\s*)(?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:said|says|told|added|stated|explained|warned|"
    r"insisted|argued|wrote|sagte|erklärte)\b"
    r"|\b(?:said|says|added|according to|sagte|erklärte) (?P<b>[A-Z][\w'’-]+ [A-Z][\w'’-]+)\b")
_PARTICLES = {"van", "von", "de", "da", "di", "der", "den", "du", "la", "le", "bin", "al", "el", "ten", "ter"}


def _surname(name: str) -> str:
    """Folded surname of a surface name: 'Arcade J. Comeaux Jr.' -> 'comeaux' (not 'jr')."""
    p = parse(name)
    return fold(p.surname) if p else ""


def title_surnames(title: str | None) -> set[str]:
    """Surnames of people a headline names in full ('Tamsin Larkspur checks into rehab'): the body may
    only say 'Larkspur', which NER then calls a place or an organisation."""
    words = re.findall(r"[A-Z][\w'’-]+|\S+", title or "")
    return {_surname(b) for a, b in zip(words, words[1:]) if b[:1].isupper() and is_given_name(a)}


_NOT_NAME_POS = {"ADP", "VERB", "ADV", "DET", "PRON", "SCONJ", "CCONJ", "AUX"}


def _leading_function_word_end(ent) -> int:  # type: ignore[no-untyped-def]
    """Where a name starts when NER glued a sentence-initial word to it ('Without Larkspur', 'Losing
    Okafor'): after a first token tagged as a preposition, verb or the like that is no first name."""
    if ent.label_ != "PERSON" or len(ent) < 2 or ent[0].pos_ not in _NOT_NAME_POS or is_given_name(ent[0].text):
        return ent.start_char
    return ent[1].idx


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the name: possessive, dash-joined tails, punctuation and spaces off."""
    surface = text[start:end]
    m = _DASH_CUT.search(surface)
    if m and m.start() > 0:
        end = start + m.start()
    m = _POSSESSIVE.search(text[start:end])
    if m:
        end -= len(m.group(0))
    while start < end and text[start] in " \n\t-—–,.'()" + DOUBLE_QUOTES:
        start += 1
    while end > start and text[end - 1] in " \n\t-—–,.:;'()" + DOUBLE_QUOTES:
        end -= 1
    return start, end


def _looks_like_name(name: str, trusted: bool, lang: str) -> bool:
    tokens = name.split()
    if not tokens or len(tokens) > 4:
        return False
    for t in tokens:
        if t.lower() in _PARTICLES:
            continue
        if not t[:1].isupper() or is_role_token(t, lang):
            return False
    if trusted:
        return True
    # outside the model's language NER fires on capitalised nouns: demand a real first name
    return len(tokens) >= 2 and is_given_name(tokens[0])


def _trim_trailing_lowercase(text: str, start: int, end: int) -> int:
    """'Piet Aldenburg zeigte' -> end after 'Aldenburg' (a verb glued on by NER in German text)."""
    parts = list(re.finditer(r"\S+", text[start:end]))
    while len(parts) > 1 and not parts[-1].group(0)[:1].isupper() and parts[-1].group(0).lower() not in _PARTICLES:
        parts.pop()
    return start + parts[-1].end() if parts else end


def extract_mentions(article: Article, doc: Doc) -> list[Mention]:
    """People, organisations and places in one article, repaired, with within-article references
    (short forms, honorifics, role references such as 'the expert') resolved."""
    text = article.text
    lang = base_language(article.language)
    trusted = lang in MODEL_LANGUAGES
    raw: list[tuple[int, int, str, str | None]] = []
    named = {_surname(e.text) for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2}
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(text, max(ent.start_char, _leading_function_word_end(ent)), ent.end_char)
        role = None
        if not trusted:
            end = _trim_trailing_lowercase(text, start, end)  # 'Lindhaven grundsätzlich'
        nxt = re.match(r"[ \t]+([A-Z][\w-]*)", text[end:end + 40])
        if nxt and is_role_token(nxt.group(1), lang) and not is_role_token(text[start:end].split()[-1] if text[start:end].split() else "", lang):
            continue  # 'Varnian Agriculture' / 'Defence' before 'Minister Lena Varga' is a title fragment
        if label != "PERSON" and trusted and (split := split_title(text[start:end], lang)):
            start, role, label = start + split[0], split[1], "PERSON"  # 'Secretary of Defense Jane Roe' typed ORG
        elif label != "PERSON" and text[end:end + 1] == " " and len(department_before(text, end + 1, lang) or "") > end - start:
            continue  # 'Defense' in 'Secretary of Defense Jane Roe': part of the title, not an organisation
        if label == "PERSON" and ent.end - ent.start == 1 and doc.has_annotation("TAG") and ent.root.pos_ not in ("PROPN", "X") \
                and fold(ent.text) not in named:
            continue  # 'Draft planning documents': a sentence-initial noun, not a surname (unless named here in full)
        if label == "PERSON" and (prev_word := re.search(r"(\w+) $", text[max(0, start - 20):start])):
            # a title NER cut in two ("Miss | Universe Alicia Machado"): the lexicon knows the whole
            _, _, cut = strip_role(prev_word.group(1) + " " + text[start:end], lang)
            if cut > len(prev_word.group(1)) + 1:
                start += cut - len(prev_word.group(1)) - 1
        if label == "PERSON":
            _, role, cut = strip_role(text[start:end], lang)
            if not cut and trusted and (split := split_title(text[start:end], lang)):
                cut, role = split  # 'Pilots QB Tamsin Larkspur': a qualifier before the title
            start += cut
            start, end = _trim(text, start, end)
            prev = re.search(r"([A-Z][\w-]+) $", text[max(0, start - 30):start])
            if prev and len(text[start:end].split()) == 1 and is_given_name(prev.group(1)):
                start -= len(prev.group(0))  # NER split 'Piet | Aldenburg zeigte': take the first name back
            role = role or role_before(text, start, lang) or role_after(text, end, lang)
            end = generational_end(text, end)
        if end <= start or not any(c.isalpha() for c in text[start:end]):
            continue
        raw.append((start, end, label, role))
    raw = _add_speaker_names(text, raw, lang)
    raw = _add_caps_names(text, raw)
    headline = title_surnames(article.title) if trusted else set()
    raw = _harmonize_labels(text, raw, article.outlet, headline)
    raw = _add_known_surnames(text, raw, headline) if trusted else raw
    raw = _relabel_non_people(text, raw) if trusted else raw
    people_full = {fold(parse(text[s:e]).surname) for s, e, lab, _ in raw  # type: ignore[union-attr]
                   if lab == "PERSON" and len(text[s:e].split()) >= 2 and _looks_like_name(text[s:e], trusted, lang)}
    out: list[Mention] = []
    for start, end, label, role in sorted(set(raw)):
        name = text[start:end]
        if label == "PERSON":
            if len(name.split()) == 1:
                if not name[:1].isupper() or (not trusted and fold(name) not in people_full):
                    continue
                if text[max(0, start - 4):start].lower() == "the ":
                    label = "ORG"  # 'the Sejmar': a body, not a person
            elif not _looks_like_name(name, trusted, lang):
                continue
        elif not trusted and not _plausible_foreign_name(text, name, lang):
            continue
        out.append(Mention(span=article.span(start, end), label=label, role=role))
    return resolve_references(article, out)


def _relabel_non_people(text: str, raw: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """Places, streets, prizes, variants and products NER typed PERSON get their own label or go
    (repair.not_a_person); a bare surname of someone named in full here stays a person."""
    surnames = {fold(parse(text[s:e]).surname) for s, e, lab, _ in raw  # type: ignore[union-attr]
                if lab == "PERSON" and len(text[s:e].split()) >= 2}
    out = []
    for s, e, lab, role in raw:
        fix = not_a_person(text, s, e, surnames) if lab == "PERSON" else None
        if fix is None:
            out.append((s, e, lab, role))
        elif fix[0] != DROP:
            out.append((s, fix[1], fix[0], None))
    return out


def _plausible_foreign_name(text: str, name: str, lang: str) -> bool:
    """Outside the model's language NER tags capitalised nouns ('Druck', 'Fragen') as names: keep a
    place or organisation only if every word is capitalised, it is no stop word, and it is either
    several words, an acronym, or repeated in the article (a name recurs; a stray noun rarely does)."""
    tokens = name.split()
    if tokens[0].lower() in stop_words(lang) or not all(t[:1].isupper() for t in tokens):
        return False
    return len(tokens) > 1 or name.isupper() or len(re.findall(r"\b" + re.escape(name) + r"\b", text)) >= 2


def _add_speaker_names(text: str, raw: list[tuple[int, int, str, str | None]],
                       lang: str) -> list[tuple[int, int, str, str | None]]:
    """Names in quote attributions that NER missed or mislabelled ('..., Varga said' as ORG)."""
    taken = {(s, e): i for i, (s, e, _, _) in enumerate(raw)}
    out = list(raw)
    surnames = {_surname(text[s:e]) for s, e, lab, _ in raw if lab == "PERSON"}
    words, _ = role_lexicon(lang)
    for m in re.finditer(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*)?) ([A-Z][\w'’-]+)\b", text):
        # 'Minister Varga: ...' in a heading NER skipped: a title before a surname named in full
        s, e = m.span(2)
        if m.group(1).lower() in words and fold(m.group(2)) in surnames and not any(
                s < e2 and s2 < e for s2, e2, _, _ in out):
            out.append((s, e, "PERSON", m.group(1)))
    for m in _SPEECH_NAME.finditer(text):
        g = "a" if m.group("a") else "b"
        s, e = m.span(g)
        name = text[s:e]
        if is_role_token(name.split()[0], lang) or name.split()[0].lower() in stop_words(lang):
            continue
        ok = (len(name.split()) == 1 and fold(name) in surnames) or (
            len(name.split()) == 2 and is_given_name(name.split()[0]))
        if not ok:
            continue
        if (s, e) in taken:
            i = taken[(s, e)]
            out[i] = (s, e, "PERSON", out[i][3])
        elif not any(s < e2 and s2 < e for s2, e2, _, _ in raw):
            out.append((s, e, "PERSON", None))
    return out


def _add_known_surnames(text: str, raw: list[tuple[int, int, str, str | None]],
                        headline: set[str]) -> list[tuple[int, int, str, str | None]]:
    """'Talloway was at the scene' in an article that named Jermaine Talloway: the small NER model misses
    many bare surnames of a person the article (or its headline) named in full. A standalone
    capitalised word (no capitalised neighbour, not after 'the') that spells such a surname is that
    person's short form; coreference then decides whom it names."""
    surnames = {_surname(text[s:e]) for s, e, lab, _ in raw if lab == "PERSON" and len(text[s:e].split()) >= 2}
    surnames = (surnames | headline) - {""}
    if not surnames:
        return raw
    out = list(raw)
    for m in re.finditer(r"\b[A-Z][a-zA-Z]+\b", text):
        s0, e0 = m.span()
        if fold(m.group(0)) not in surnames or m.group(0).lower() in stop_words("en") or any(
                s0 < e and s < e0 for s, e, _, _ in out):
            continue
        before = re.search(r"(^|[.!?:\n]\s*|\S\s+)(\S+)\s+$", text[max(0, s0 - 40):s0])
        after = re.match(r"\s+(\S+)", text[e0:e0 + 30])
        prev = before.group(2) if before else ""
        starts_sentence = before is not None and not before.group(1).strip()[-1:].isalnum()
        if prev.lower() == "the" or prev[:1].isupper() and not prev.endswith((".", ",", ":", '"')) and not starts_sentence \
                or after and after.group(1)[:1].isupper():
            continue  # part of a longer name ('White House', 'the Talloway case')
        out.append((s0, e0, "PERSON", None))
    return out


def _add_caps_names(text: str, raw: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """'KOWALCZYK: NO MISSION WITHOUT AIR COVER' - NER does not see names in all-caps headings; a
    capitalised run that spells a person named elsewhere in the article is that person."""
    fulls = {fold(text[s:e]) for s, e, lab, _ in raw if lab == "PERSON" and len(text[s:e].split()) >= 2}
    surnames = {_surname(f) for f in fulls if f.strip()} - {""}  # names in other scripts fold to ""
    if not fulls:
        return raw
    out = list(raw)
    for m in re.finditer(r"\b[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)*\b", text):
        words = list(re.finditer(r"\S+", m.group(0)))
        for i, w in enumerate(words):
            for j in (i + 2, i + 1):  # a full name first, then a bare surname
                if j > len(words):
                    continue
                s0, e0 = m.start() + words[i].start(), m.start() + words[j - 1].end()
                key = fold(text[s0:e0])
                if (key in fulls or j == i + 1 and key in surnames) and not any(s0 < e and s < e0 for s, e, _, _ in out):
                    out.append((s0, e0, "PERSON", None))
                    break
    return out


def _harmonize_labels(text: str, raw: list[tuple[int, int, str, str | None]],
                      outlet: str | None, headline: set[str] = frozenset()) -> list[tuple[int, int, str, str | None]]:
    """One name, one label within an article: a bare surname of a person named in full is PERSON
    ('Varga' tagged ORG); an all-caps dateline takes the label of its title-case form; the outlet's
    own name is an ORG, never a person. ``headline``: surnames the headline names in full."""
    surnames = {_surname(text[s:e]) for s, e, lab, _ in raw if lab == "PERSON" and len(text[s:e].split()) >= 2} | headline
    votes: dict[str, Counter[str]] = {}
    for s, e, lab, _ in raw:
        if not text[s:e].isupper():
            votes.setdefault(fold(text[s:e]), Counter())[lab] += 1
    out = []
    for s, e, lab, role in raw:
        name = text[s:e]
        key = fold(name)
        if outlet and key == fold(outlet):
            lab = "ORG"
        elif lab != "PERSON" and len(name.split()) == 1 and key in surnames:
            lab = "PERSON"
        elif name.isupper() and key in votes:
            lab = votes[key].most_common(1)[0][0]
        out.append((s, e, lab, role))
    return out
