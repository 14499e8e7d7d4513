"""Who wrote, translated or first published an article, read from credit lines and wire markers.

A credit naming the article's own outlet ("Source: Varnia Daily with agencies") is self-credit,
not syndication: only another outlet makes the article a copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import lines, table

WORD = re.compile(r"\w+", re.U)
_FIRST_APPEARED = re.compile(
    r"(?i)^(?:this (?:article|story|report) (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|by)"
    r"|(?:first|originally) published (?:in|on|by)|republished (?:from|with permission (?:from|of)))\s+(?P<who>.+?)\.?$"
)
_WIRE_INLINE = re.compile(r"\((?P<wire>[A-Z][\w.&-]*(?:[ -][A-Z][\w.&-]*){0,2})\)\s*[-—–]")
_WIRE_TAIL = re.compile(r"^[—–-]\s*(?P<wire>[A-Z][\w.&' -]{1,40}?)\s*$")
_SOURCE_VALUE_END = re.compile(r"\s*(?:[/|,;(]|\b(?:with|mit|avec|con|и|з)\b).*$", re.I)


def norm_name(s: str | None) -> str:
    return " ".join(WORD.findall((s or "").casefold()))


def same_outlet(name: str | None, outlet: str | None) -> bool:
    """"Varnia Daily / VTA" and "Varnia Daily" are the same outlet; "Nordwire" and "Lindhaven Post" not."""
    a, b = norm_name(name), norm_name(outlet)
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


# the separator before a translator's name: a colon, or a dash only when a capital follows, since
# "Перевод — это ..." ("translation is ...") is a sentence, not a credit
_SEP = r"(?:\s*[:：]|\s*[—–-](?=\s*(?-i:[A-ZÀ-ÝА-ЯЁІЇЄҐΑ-Ω0-9])))\s*"
_MAX_CREDIT = 120  # a credit is a short line; longer ones are prose that happens to start alike
_MAX_WHO_WORDS = 6  # "Translated by the regional court, which ..." names no translator


@cache
def _credit_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rx.replace("{sep}", _SEP), re.I) for rx in lines("boilerplate/translation_credits.tsv")]


@cache
def _mt_services() -> re.Pattern[str]:
    """Service names as whole words ("Google" but not "Googleplex"); CJK names have no word edges."""
    alts = [re.escape(s) if ord(s[0]) >= 0x2E80 else rf"(?<!\w){re.escape(s)}(?!\w)"
            for s in sorted(lines("boilerplate/mt_services.txt"), key=len, reverse=True)]
    return re.compile("|".join(alts), re.I)


@cache
def _mt_wording() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx})" for rx in lines("boilerplate/mt_wording.txt")), re.I)


@cache
def _language_codes() -> dict[str, str]:
    return {name.casefold(): row[0] for row in table("boilerplate/language_names.tsv") for name in row[1:]}


# Cyrillic and Greek letters drawn like Latin ones: pasted text has "Тhis text was translated" with a
# Cyrillic "Т", which no Latin pattern matches
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕΑΒΕΗΙΚΜΝΟΡΤΥΧΖο", "ABEKMHOPCTXaeopcyxijsABEHIKMNOPTYXZo")
_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


def fold_homoglyphs(text: str) -> str:
    """Latin spelling of words mixing Latin with Cyrillic/Greek look-alikes ("Тhis" -> "This").

    Only mixed words change: a word wholly in Cyrillic or Greek is a real word of that script.
    """
    def fix(m: re.Match[str]) -> str:
        w = m[0]
        return w.translate(_HOMOGLYPHS) if _LATIN.search(w) and _NON_LATIN_LETTER.search(w) else w
    return re.sub(r"\w+", fix, text)


def language_code(name: str | None) -> str | None:
    """ISO 639-1 code of a language as a credit names it, in any of the languages credits are written
    in ("Ukrainian", "Ukrainischen", "украинского", "de l'ukrainien" -> "uk"); None when unknown
    (the demo world's own languages, "Varnian", have no code)."""
    if not name:
        return None
    key = name.strip(" '’").casefold()
    return _language_codes().get(key) or _language_codes().get(key.removeprefix("l'").removeprefix("l’"))


def is_machine_translation(text: str) -> bool:
    """A credit names a machine-translation service or says the translation was a machine's."""
    return bool(_mt_services().search(text) or _mt_wording().search(text))


@dataclass
class Translation:
    """A translation credit. ``language`` is the original language as the credit writes it,
    capitalised ("German", "Anglais", "Украинского": the form ``Provenance.original_language`` has
    always held); ``language_code`` is its ISO 639-1 code when the name is known ("de", "en", "uk")."""
    who: str
    language: str | None
    machine: bool
    language_code: str | None = None


def translation_credit(line: str) -> Translation | None:
    """A line crediting a translation, in any script: "Translated from German by DeepL",
    "Перевод: Google Translate", "机器翻译", "ترجمة آلية", "Übersetzt mit DeepL".

    ``machine`` is true when the credit names a machine-translation service (mt_services.txt) or its
    wording says machine/automatic (mt_wording.txt), so "Автоматический перевод с украинского" flags
    the article as machine-translated though it names no service. Called on every line of a page, so
    it is strict: the whole line must be the credit, short, and a named translator at most a few words.
    """
    if len(line) > _MAX_CREDIT:
        return None
    text = fold_homoglyphs(line.strip().strip("*_()[]").strip())
    for rx in _credit_patterns():
        if m := rx.match(text):
            g = m.groupdict()
            who = (g.get("who") or g.get("who2") or "").strip(" :：-—–")
            if len(who.split()) > _MAX_WHO_WORDS:
                return None
            lang = (g.get("lang") or g.get("lang2") or "").strip(" '’") or None
            return Translation(who or "unknown", lang.capitalize() if lang else None,
                               is_machine_translation(text), language_code(lang))
    return None


def first_appeared(line: str) -> str | None:
    m = _FIRST_APPEARED.match(line.strip())
    return m["who"].strip(" .") if m else None


def source_value(line: str) -> str | None:
    """"Source: Nordwire / agencies" -> "Nordwire"."""
    if ":" not in line and "：" not in line:
        return None
    value = re.split(r"[:：]", line, maxsplit=1)[1].strip()
    value = _SOURCE_VALUE_END.sub("", value).strip(" .")
    return value or None


def wire_tail(line: str) -> str | None:
    """A closing "— Nordwire" credit line."""
    m = _WIRE_TAIL.match(line.strip())
    return m["wire"].strip() if m and len(m["wire"].split()) <= 4 else None


def wire_inline(text: str) -> str | None:
    """A "(Nordwire) -" wire credit in the opening of the first paragraph."""
    m = _WIRE_INLINE.search(text[:300])
    return m["wire"] if m else None


# -- credits glued to the last sentence ----------------------------------------------------------------

@cache
def _agencies() -> frozenset[str]:
    return frozenset(norm_name(a) for a in lines("boilerplate/wire_agencies.txt"))


@cache
def _agency_words() -> frozenset[str]:
    return frozenset(norm_name(a) for a in lines("boilerplate/agency_words.txt"))


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(norm_name(a) for a in lines("boilerplate/outlet_words.txt"))


def has_outlet_word(name: str) -> bool:
    """A word of the name makes it read as an outlet's ("Korsa Herald", "Lindhaven Post")."""
    return bool(_outlet_words() & set(norm_name(name).split()))


def is_wire_agency(name: str) -> bool:
    """A known news or wire agency (wire_agencies.txt), by its whole name: "AFP", "ria novosti"."""
    return norm_name(name) in _agencies()


@dataclass(frozen=True)
class TailCredit:
    """A wire or reporting credit glued to the end of a paragraph ("... he added./ AFP").

    ``cut``: keep ``line[:cut]`` — the paragraph up to and with its sentence-final punctuation and
    closing quote, an exact prefix of the line; 0 when the whole line is the credit ("(AFP)").
    ``kind``: "wire" (names an outlet), "agencies" (credits wires without naming one: "(With inputs
    from agencies)") or "reporting-credit" ("(Reporting by ...; Editing by ...)": people, no outlet).
    ``names``: the credited wires or outlets in the order written ("(AFP/Reuters)" -> ("AFP",
    "Reuters")); empty for agencies and reporting credits. ``tag``: the credit as written, ``line[cut:]``
    stripped, for ``Provenance.credits``.
    """
    cut: int
    kind: str
    names: tuple[str, ...]
    tag: str

    @property
    def wire(self) -> str | None:
        """The first credited outlet, the one ``syndicated_from`` takes; None for agencies."""
        return self.names[0] if self.names else None


# where a credit tag may start, by its opening mark; each tag runs to the end of the line
_TAIL_TAG = {
    "paren": re.compile(r"[(\[](?P<tag>[^()\[\]]{1,200})[)\]]\.?\s*$"),
    "slash": re.compile(r"/\s*(?P<tag>[^/]{1,60}?)\s*/?\s*$"),
    "dash": re.compile(r"(?:—|–|―|--?)\s*(?P<tag>[^—–―]{1,80}?)\s*$"),
}
# a formula that says "credit" by itself, so it needs no brackets or slash around it
_BARE_TAG = re.compile(r"(?i)(?P<tag>with (?:inputs? from )?agencies|with agency inputs"
                       r"|(?:additional )?reporting by [^()]{2,160}?;\s*(?:writing|editing) by [^()]{2,160}?)\.?\s*$")
# the body must end a sentence right before a tag: punctuation after a word (not "./install"), then
# closing quotes or brackets
_SENTENCE_END = re.compile(r"(?<=[^\s.])[.!?…]+[\"”»’'\)\]]*$")
_REPORTING = re.compile(r"(?i)^(?:additional |further )?(?:reporting|writing|editing|edited|compiled|research"
                        r"|fact-checking|graphics)(?: by\b|\s*:)\s*\S")
# words before the credited names that say "credit": "(With inputs from PTI)", "— Nordwire with agencies"
_TAG_LEAD = re.compile(r"(?i)^(?:with\s+(?:additional\s+)?(?:inputs?|reporting|material|information)\s+(?:from|by)"
                       r"|(?:additional\s+)?inputs?\s+from|with|via|source\s*[:：]|mit material (?:von|der)"
                       r"|по материалам|за матеріалами|avec|con)\s+")
_TAG_SPLIT = re.compile(r"(?i)\s*(?:[/,;&+]|\b(?:and|und|et|y|i|и|та|with|mit|avec|con)\b)\s*")
_URL_END = re.compile(r"(?i)(?:https?://|www\.)\S*$")
# "Mr." "Dr." "St." "Jan." end no sentence: "Mr./Mrs. Dalen" is a pair of titles, not a sign-off
_ABBREVIATION_END = re.compile(r"(?<!\w)[A-Z][a-z]{0,2}\.$")


def _tag_names(tag: str, delimiter: str) -> tuple[str, tuple[str, ...]] | None:
    """(kind, names) when ``tag`` is a credit in the shape its delimiter allows, else None.

    In brackets only known agencies count, since "(Korsa)" or "(See the table below.)" after a full
    stop is an aside; after a slash also a short capitalised name ("/ Korsa Herald"), the way wires sign
    off; after a dash a known agency or a name with an outlet word ("Korsa Herald"), since
    "— Mira Dalen" under a pull quote names the speaker.
    """
    tag = tag.strip()
    if delimiter in ("paren", "bare") and _REPORTING.match(tag):
        return "reporting-credit", ()
    names: list[str] = []
    generic = False
    for part in _TAG_SPLIT.split(_TAG_LEAD.sub("", tag)):
        part = part.strip(" .:")
        if not part or any(c in part for c in "\"“”„«»()[]"):
            return None  # "/ Korsa Herald and": a credit does not end on "and"; a quote is text
        norm = norm_name(part)
        if norm in _agency_words() or norm.removeprefix("other ") in _agency_words():
            generic = True
        elif norm in _agencies():
            names.append(part)
        elif delimiter == "slash" and _capitalised_name(part):
            names.append(part)
        elif delimiter == "dash" and _capitalised_name(part) and has_outlet_word(part):
            names.append(part)
        else:
            return None
    if names:
        return "wire", tuple(names)
    return ("agencies", ()) if generic else None


def _capitalised_name(part: str) -> bool:
    """One to three words, each starting with a capital, no digits: the shape of an outlet's name."""
    words = part.split()
    return 1 <= len(words) <= 3 and len(part) <= 40 and all(w[0].isupper() for w in words) \
        and not any(c.isdigit() for c in part)


def split_tail_credit(line: str) -> TailCredit | None:
    """A wire tag at the end of a paragraph, split from the sentence it was glued to.

    Pasted pages keep the wire's sign-off on the last paragraph ("... he added./ AFP", "... the
    ministry said. /Reuters/", "...said. (AFP)", "..., he said. — Nordwire", "...said. (Reporting by
    Jan Holm; Editing by Eva Lund)", "... (With inputs from agencies)"). Read as one line, that
    paragraph is neither clean prose nor a credit, so it was dropped as a footer with the quote in it.
    This finds the tag and where the paragraph's own text ends, so the caller keeps the sentence and
    credits the wire.

    A tag counts only after a sentence end (or as the whole line), and only in a credit's shape:
    a known agency in brackets, "/ Name" or "/Name/" with at most three capitalised words, a dash
    before a known agency or an outlet's name, or a formula ("Reporting by ...", "With inputs from
    ..."). So "... in Lindhaven (Korsa).", "... the World Health Organization (WHO).", "he said / she
    said", "14/03", "1/2" and URLs are left alone.
    """
    text = line.rstrip()
    for delimiter, rx in (*_TAIL_TAG.items(), ("bare", _BARE_TAG)):
        for start in _tag_starts(text, delimiter):
            m = rx.match(text, start)
            if not m:
                continue
            before = text[:start].rstrip()
            # a bracketed formula says "credit" itself, even where no full stop came before it
            formula = delimiter == "paren" and bool(
                _REPORTING.match(m["tag"]) or re.match(r"(?i)with\b|(?:additional )?inputs? from\b", m["tag"]))
            if before and not _SENTENCE_END.search(before) and not formula:
                continue
            if before and (_URL_END.search(before) or _ABBREVIATION_END.search(before)):
                continue
            if delimiter == "bare" and not before:
                continue  # a formula alone on its line is line_patterns' editing-credit
            if found := _tag_names(m["tag"], delimiter):
                kind, names = found
                return TailCredit(len(before), kind, names, text[len(before):].strip())
    return None


def _tag_starts(text: str, delimiter: str) -> list[int]:
    """Where a tag of this kind could begin, nearest the line's end first (tags close a line)."""
    if delimiter == "bare":
        off = max(0, len(text) - 400)
        return [off + m.start() for m in re.finditer(r"(?i)\b(?:with|additional|reporting)\b", text[off:])][::-1]
    marks = {"paren": "([", "slash": "/", "dash": "—–―-"}[delimiter]
    lo = max(0, len(text) - 220)
    starts = [i for i in range(len(text) - 1, lo - 1, -1) if text[i] in marks]
    if delimiter == "dash":  # "--" is one dash: start at its first hyphen
        starts = [i for i in starts if not (i > 0 and text[i - 1] == "-" and text[i] == "-")]
    return starts


# -- a credit label on one line, its value on the next ------------------------------------------------

@cache
def _credit_labels() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(rf"(?:{rx})", re.I)) for kind, rx in table("boilerplate/credit_labels.tsv")]


_LABEL_LINE = re.compile(r"^[*_]*(?P<label>[^\W\d_][^:：*_]{0,30}?)[*_]*\s*[:：]?[*_]*\s*$")
_MAX_VALUE_CHARS, _MAX_VALUE_WORDS = 80, 10


@dataclass(frozen=True)
class LabelCredit:
    """A credit label alone on its line with the value on the next ("Source:" / "Nordwire / agencies").

    ``kind``: "source" (syndication evidence), "sources" (a list: a digest, no single origin), "photo"
    and "credit" (image credits: page furniture, never syndication) or "translation".
    ``label``: the label's words without colon or markup ("Source"); ``value``: the next line as
    written. ``name``: for kind "source", the outlet credited, read as ``source_value`` reads a
    one-line "Source: ..." ("Nordwire / agencies" -> "Nordwire"; None for "agencies" alone); None for
    other kinds. ``translation``: for kind "translation", the credit read
    as "Translation: <value>". ``joined``: the two lines as one credit line, for ``Provenance.credits``.
    """
    kind: str
    label: str
    value: str
    name: str | None = None
    translation: Translation | None = None

    @property
    def joined(self) -> str:
        return f"{self.label}: {self.value}"


def label_value_credit(line: str, next_line: str | None) -> LabelCredit | None:
    """A credit split over two lines: a label alone ("Source", "Photo credit:", "Quelle:",
    "Источник", "Джерело:", "Fuente", "Fonte") and its value on the line after.

    One-line credits ("Source: Nordwire") are matched by line_patterns.tsv; split over two lines the
    label looked like a heading and the value like a stray name, so the source was never credited.
    The value must be short, the way a name is: a label followed by a sentence ("Source" above "The
    ministry said on Monday that ...") is a heading over body text, not a credit.
    """
    m = _LABEL_LINE.match(line.strip())
    value = (next_line or "").strip()
    if not m or not value or len(value) > _MAX_VALUE_CHARS or len(value.split()) > _MAX_VALUE_WORDS:
        return None
    if _LABEL_LINE.match(value) and any(rx.fullmatch(_LABEL_LINE.match(value)["label"].strip())
                                        for _, rx in _credit_labels()):
        return None  # two labels in a row
    words = WORD.findall(value)
    if value.endswith((".", "!", "?")) and len(words) >= 5 or not words:
        return None  # a sentence, or punctuation only
    first = value.split()[0].strip(",;/")
    if first[:1].islower() and " " in value and "." not in first \
            and norm_name(first) not in _agencies() | _agency_words():
        return None  # "Source" over "of the river ...": a heading and its text, not a name
    label = m["label"].strip()
    for kind, rx in _credit_labels():
        if not rx.fullmatch(label):
            continue
        if kind == "source":
            name = _SOURCE_VALUE_END.sub("", value).strip(" .")
            return LabelCredit(kind, label, value, None if norm_name(name) in _agency_words() else name or None)
        if kind == "translation":
            credit = translation_credit(f"{label}: {value}") or \
                Translation(value, None, is_machine_translation(f"{label} {value}"))
            return LabelCredit(kind, label, value, translation=credit)
        return LabelCredit(kind, label, value)
    return None
