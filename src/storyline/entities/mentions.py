"""Name mentions from spaCy NER, repaired for noisy text, with roles split off and short forms resolved.

Why repair: NER on machine-translated text keeps titles inside names ("Minister Kowalczyk",
"Außenminister Dmitri Wolchow"), possessives ("Kowalczyk's"), trailing verbs ("Piet Aldenburg
zeigte"), labels one name differently in different sentences ("Varga" as ORG after "Lena Varga" as
PERSON), and, on text in a language the model was not trained for, tags ordinary capitalised nouns
as people ("Freitag"). Each repair below is one of those observed failures.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc

from ..model import Article, Mention
from ..resources import lines
from .coref import resolve_references
from .names import is_given_name, parse
from .translit import fold

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
          "FAC": "LOC", "EVENT": "EVENT"}
MODEL_LANGUAGES = ("en",)  # NER is trusted on these; elsewhere a person needs a first name or a full form
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DASH_CUT = re.compile(r"\s+[-–—]\s*|\s*[–—]\s+|[–—]")
_SPEECH_NAME = re.compile(
    r"(?:[\"”»“]\s*,?\s*|,\s*)(?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:said|says|told|added|stated|explained|warned|"
    r"insisted|argued|wrote|sagte|erklärte)\b"
    r"|\b(?:said|says|added|according to|sagte|erklärte) (?P<b>[A-Z][\w'’-]+ [A-Z][\w'’-]+)\b")
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau", "sir", "madam"}
_PARTICLES = {"van", "von", "de", "da", "di", "der", "den", "du", "la", "le", "bin", "al", "el", "ten", "ter"}


@cache
def _roles(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
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
    words, suffixes = _roles(lang)
    return low in words or any(low.endswith(s) and len(low) > len(s) for s in suffixes)


def strip_role(text: str, lang: str = "en") -> tuple[str, str | None, int]:
    """'Defence Minister Anna Kowalczyk' -> ('Anna Kowalczyk', 'Defence Minister', 17): the name, the
    role words removed from its front, and how many characters were removed."""
    words, _ = _roles(lang)
    cut = 0
    low = text.lower()
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
    if not cut:
        return text, None, 0
    return text[cut:], text[:cut].strip(), cut


def role_before(text: str, start: int, lang: str = "en") -> str | None:
    """The role phrase right before a name, with its qualifiers: 'Korsa's Defence Minister Anna ...' ->
    'Defence Minister'; 'NDC Secretary-General Piet ...' -> 'NDC Secretary-General'."""
    prefix = text[max(0, start - 60) : start]
    if not prefix.endswith(" "):
        return None
    tokens = prefix.split()
    if not tokens or tokens[-1][-1:] in ".,;:!?»\"”" and tokens[-1].lower() not in _roles(lang)[0]:
        return None  # 'said the farmer. Sobel asked': the role belongs to the previous sentence
    words, _ = _roles(lang)
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
           and tokens[i - 1].lower() not in _stop_words(lang) | _stop_words("en")  # 'But Mr.', 'Should Mr.'
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the name: possessive, dash-joined tails, punctuation and spaces off."""
    surface = text[start:end]
    m = _DASH_CUT.search(surface)
    if m and m.start() > 0:
        end = start + m.start()
    m = _POSSESSIVE.search(text[start:end])
    if m:
        end -= len(m.group(0))
    while start < end and text[start] in " \n\t-—–,.\"'“”„«»()":
        start += 1
    while end > start and text[end - 1] in " \n\t-—–,.:;\"'“”„«»()":
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
    lang = (article.language or "en").split("-")[0]
    trusted = lang in MODEL_LANGUAGES
    raw: list[tuple[int, int, str, str | None]] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        role = None
        if not trusted:
            end = _trim_trailing_lowercase(text, start, end)  # 'Lindhaven grundsätzlich'
        nxt = re.match(r"[ \t]+([A-Z][\w-]*)", text[end:end + 40])
        if nxt and is_role_token(nxt.group(1), lang) and not is_role_token(text[start:end].split()[-1] if text[start:end].split() else "", lang):
            continue  # 'Varnian Agriculture' / 'Defence' before 'Minister Lena Varga' is a title fragment
        if label == "PERSON" and ent.end - ent.start == 1 and doc.has_annotation("TAG") and ent.root.pos_ not in ("PROPN", "X"):
            continue  # 'Draft planning documents': a sentence-initial noun, not a surname
        if label == "PERSON":
            _, role, cut = strip_role(text[start:end], lang)
            start += cut
            start, end = _trim(text, start, end)
            prev = re.search(r"([A-Z][\w-]+) $", text[max(0, start - 30):start])
            if prev and len(text[start:end].split()) == 1 and is_given_name(prev.group(1)):
                start -= len(prev.group(0))  # NER split 'Piet | Aldenburg zeigte': take the first name back
            role = role or role_before(text, start, lang) or role_after(text, end, lang)
        if end <= start or not any(c.isalpha() for c in text[start:end]):
            continue
        raw.append((start, end, label, role))
    raw = _add_speaker_names(text, raw, lang)
    raw = _add_caps_names(text, raw)
    raw = _harmonize_labels(text, raw, article.outlet)
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


def _plausible_foreign_name(text: str, name: str, lang: str) -> bool:
    """Outside the model's language NER tags capitalised nouns ('Druck', 'Fragen') as names: keep a
    place or organisation only if every word is capitalised, it is no stop word, and it is either
    several words, an acronym, or repeated in the article (a name recurs; a stray noun rarely does)."""
    tokens = name.split()
    if tokens[0].lower() in _stop_words(lang) or not all(t[:1].isupper() for t in tokens):
        return False
    return len(tokens) > 1 or name.isupper() or len(re.findall(r"\b" + re.escape(name) + r"\b", text)) >= 2


@cache
def _stop_words(lang: str) -> frozenset[str]:
    try:
        from importlib import import_module

        return frozenset(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    except (ImportError, AttributeError):
        return frozenset()


def _add_speaker_names(text: str, raw: list[tuple[int, int, str, str | None]],
                       lang: str) -> list[tuple[int, int, str, str | None]]:
    """Names in quote attributions that NER missed or mislabelled ('..., Varga said' as ORG)."""
    taken = {(s, e): i for i, (s, e, _, _) in enumerate(raw)}
    out = list(raw)
    surnames = {fold(text[s:e].split()[-1]) for s, e, lab, _ in raw if lab == "PERSON"}
    words, _ = _roles(lang)
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
        if is_role_token(name.split()[0], lang) or name.split()[0].lower() in _stop_words(lang):
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


def _add_caps_names(text: str, raw: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """'KOWALCZYK: NO MISSION WITHOUT AIR COVER' - NER does not see names in all-caps headings; a
    capitalised run that spells a person named elsewhere in the article is that person."""
    fulls = {fold(text[s:e]) for s, e, lab, _ in raw if lab == "PERSON" and len(text[s:e].split()) >= 2}
    surnames = {f.split()[-1] for f in fulls}
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
                      outlet: str | None) -> list[tuple[int, int, str, str | None]]:
    """One name, one label within an article: a bare surname of a person named in full is PERSON
    ('Varga' tagged ORG); an all-caps dateline takes the label of its title-case form; the outlet's
    own name is an ORG, never a person."""
    surnames = {fold(text[s:e].split()[-1]) for s, e, lab, _ in raw if lab == "PERSON" and len(text[s:e].split()) >= 2}
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
