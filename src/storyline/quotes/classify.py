"""What a quoted stretch is: speech (direct, partial) or a term (scare quote, title, name, headline).

Why: quotation marks also fence off names of operations ("Northern Shield"), titles of works, and
words an outlet distances itself from ("so-called 'peace corridor'"). Those must not become quotes
with speakers, but they are kept, marked, because they are framing evidence.
"""

from __future__ import annotations

import re

from ..text.glyphs import APOSTROPHES, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_OPEN
from .lexicon import cue_words, term_markers

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from", "der", "die",
          "das", "und", "von", "de", "la", "le", "et", "du"}
_END = re.compile(r"[.!?…]")


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def is_title_case(content: str) -> bool:
    ws = words(content)
    big = [w for w in ws if w.lower() not in _SMALL]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big) and len(ws) <= 8


def _headline_case(line: str) -> bool:
    """A title line: (nearly) every word that is not a small word is capitalised."""
    big = [w for w in words(line) if w.lower() not in _SMALL]
    return len(big) >= 4 and sum(w[0].isupper() or w[0].isdigit() for w in big) >= 0.85 * len(big)


def term_kind(text: str, start: int, end: int, para_lo: int, para_hi: int) -> str | None:
    """'scare', 'title', 'headline' or 'term' when the quoted stretch is not speech; None if it may be."""
    content = text[start:end]
    ws = words(content)
    before = text[max(para_lo, start - 40) : start - 1].lower()
    before = re.sub(r"[\s" + re.escape(DOUBLE_OPEN + SINGLE_OPEN) + "]+$", "", before)
    if (marker := _ends_with_marker(before)) is not None:
        return "scare" if marker.startswith("so") or marker in ("dubbed", "the term", "the word", "the label") else "title"
    # 'in his 2012 book, "An American Son."', 'the slogan, "Make America Great Again."': a work or
    # slogan in apposition to its kind, in title case, the sentence's stop inside the marks
    if before.endswith(",") and is_title_case(content.rstrip(" .!?")) \
            and _ends_with_marker(before[:-1].rstrip()) is not None:
        return "title"
    # "dubbed the bill 'the gag law'": a naming verb, its object, then the name
    if re.search(r"\b(?:dubbed|nicknamed|branded|labelled|labeled|code-named|codenamed|christened)(?:\s+[\w'’-]+){1,3}$", before):
        return "scare"
    para = text[para_lo:para_hi]
    # a headline: a short first line without final punctuation
    if para_lo == 0 and "\n" not in para.strip() and len(words(para)) <= 16 and \
            not _END.search(para.rstrip(" " + DOUBLE_CLOSE + APOSTROPHES)[-1:]):
        return "headline"
    # a subhead: a paragraph that is nothing but a short phrase in single quotes ("'A healthy environment.'")
    if text[start - 1 : start] in "'‘" and text[start - 2 : start] != "''" and len(ws) <= 12 \
            and not text[para_lo : start - 1].strip() and not text[end + 1 : para_hi].strip(" .\n"):
        return "headline"
    if _stop_inside(text, start, end, para_lo):
        content = content.rstrip()[:-1]  # 'Her favourite show is "Fleabag."': the stop is the sentence's
        if is_title_case(content):
            return "title"
    if len(ws) <= 2 and not _END.search(content.rstrip()[-1:] or "x") and not _before_attribution(text, start, end):
        return "scare"
    if is_title_case(content) and len(ws) >= 1 and not _END.search(content.rstrip()[-1:] or "x") \
            and not _before_attribution(text, start, end):
        # Title Case inside a sentence names a work, an operation or a slogan
        prev = text[max(para_lo, start - 3) : start - 1].strip()
        if prev not in (":",):
            return "title"
    return None


def _ends_with_marker(before: str) -> str | None:
    """The term marker ("so-called", "book", "the slogan") that ends ``before`` as a whole word."""
    return next((m for m in term_markers() if before.endswith(m) and (len(before) == len(m) or not before[-len(m) - 1].isalnum())),
                None)


def _stop_inside(text: str, start: int, end: int, para_lo: int) -> bool:
    """'Her favourite show is "Fleabag."', 'shows like "Gold Coast," which ...': American style puts
    the sentence's own full stop or comma inside the closing mark. When the sentence runs into the
    quoted words with no speech cue and no colon or comma introducing them, the stop belongs to the
    sentence, and the words are judged without it (a title, a scare quote) rather than as speech."""
    content = text[start:end].rstrip()
    if content[-1:] not in ".," or content[-2:-1] in ".!?…" or _before_attribution(text, start, end):
        return False
    clause = re.split(r"[.!?…;:]\s", text[para_lo : start - 1])[-1].rstrip()
    return bool(words(clause)) and clause[-1:] not in ":,([—–-" \
        and not any(w.lower() in cue_words() for w in words(clause))


def _before_attribution(text: str, start: int, end: int) -> bool:
    """'"The risk," said Edward Leamer, "is that…"', '"Honestly," Oliver said': a short stretch cut
    off by a comma and followed by its attribution clause is the start of speech, not a scare quote."""
    m = re.match(r"(,?)\s*[" + re.escape(DOUBLE_CLOSE + APOSTROPHES) + r"]+(,?)\s*((?:[\w.'’-]+\s+){0,3}[\w'’-]+)", text[end:end + 60])
    if not m or not (m.group(1) or m.group(2) or text[start:end].rstrip().endswith(",")):
        return False
    return any(w.lower() in cue_words() for w in words(m.group(3)))


def is_full_quote(text: str, start: int, end: int, open_at: int, close_at: int, lo: int, hi: int) -> bool:
    """Direct (a whole utterance) rather than partial (a fragment woven into our sentence): nothing
    but an attribution clause shares the sentence with it."""
    before = text[lo:open_at].strip()
    after = text[close_at + 1 : hi].strip()
    content = text[start:end].strip()
    starts_upper = content[:1].isupper() or content[:1].isdigit() or content[:1] in "—–-…"
    if not re.search(r"[,.!?…:;—–-]$", text[start:close_at].rstrip(" '\"”’")) and re.match(r"\s+[a-z]", text[close_at + 1 : hi]) \
            and not any(w.lower() in cue_words() for w in words(after)[:3]):
        return False  # '"We're extremely happy" about the decision': our sentence runs on through the quote
    if not before or before.endswith(":"):
        return True
    if before.endswith(("(", "—", "–", " -")) and starts_upper and text[start:close_at].rstrip(" '\"”’").endswith(",") \
            and any(w.lower() in cue_words() for w in words(after)[:3]):
        return True  # a parenthesis with its own attribution: '(“I don’t want fisticuffs,” said one activist.)' 
    if _inside_that_clause(before):
        return False  # 'said that once the Senate recesses, "I intend to help."': a reported clause quoting
    if lo == 0 and _headline_case(text.split("\n", 1)[0]):
        return False  # 'Carson: Hillary Clinton ‘Not Fit To Serve.’': in a headline every word is capitalised
    if before.endswith(",") and starts_upper:
        return True  # She said, "We go."
    if _END.search(content[-1:] or "x") and starts_upper and not after[:1].isalpha():
        return len(words(before)) <= 8
    if after.startswith(",") and starts_upper and len(words(before)) <= 3:
        return True
    return False


def _inside_that_clause(before: str) -> bool:
    """Does the sentence before a quote end inside a reported 'that' clause ('He added that', 'said
    that in the current climate,')? Then the quoted words complete our writer's sentence: PolNeAR
    takes the clause with its quote as one indirect relation, not a direct quote (train: 8 such
    spurious direct quotes of 10). A speech verb after the 'that' ('joked that X, but went on to
    say,') introduces the quote itself."""
    m = re.search(r"\b(\w+)\s+that\b([^" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE) + r";:]*)$", before)
    return m is not None and m.group(1).lower() in cue_words() and len(words(m.group(2))) <= 10 \
        and not any(w.lower() in cue_words() for w in words(m.group(2)))
