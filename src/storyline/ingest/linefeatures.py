"""What one line of a pasted page looks like: the evidence the boilerplate classifier weighs.

The features follow jusText: page furniture is short, has few function words (stopwords) and no
sentence punctuation, while article prose is long, dense in stopwords and ends its sentences.
Text pages have no links, so "link density" becomes separator density: menus and breadcrumbs are
short segments joined by |, ·, >, or wide gaps.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from ..resources import table
from ..text.glyphs import APOSTROPHES, DOUBLE_END

WORD = re.compile(r"\w+", re.U)
_SENTENCE_END = re.compile(r"[.!?…。！？][" + re.escape(DOUBLE_END + APOSTROPHES) + r")\]」』]*\s*$")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SEPARATORS = re.compile(r"\s[|·•>»/]\s|\s{3,}|\s[|·•>»]$")


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """The jusText stoplist of a language (ISO code); English when the language is unknown."""
    import justext  # ships stoplists for 100 languages; trafilatura already depends on it

    names = dict((code, name) for code, name in table("boilerplate/stoplist_names.tsv"))
    name = names.get(lang or "en", "English")
    try:
        return frozenset(w.lower() for w in justext.get_stoplist(name))
    except (ValueError, KeyError, OSError):
        return frozenset(w.lower() for w in justext.get_stoplist("English"))


# Japanese mixes three scripts and Korean may use Hanja: for "is this line in another script"
# they are one East Asian group.
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK",
                  "FULLWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}


@lru_cache(maxsize=8192)
def _script_of_char(ch: str) -> str | None:
    if ch < "\x80":
        return "LATIN"
    try:
        name = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None
    return _SCRIPT_GROUPS.get(name, name)


def scripts_in(text: str) -> set[str]:
    return {s for ch in text if ch.isalpha() and (s := _script_of_char(ch))}


def script_of(text: str) -> str | None:
    """The dominant writing system of the letters in ``text`` (LATIN, CYRILLIC, ...)."""
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        if ch.isalpha() and (name := _script_of_char(ch)):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@dataclass(frozen=True)
class LineFeatures:
    line: str
    words: int
    chars: int
    stop_density: float
    sentence_end: bool
    segments: int

    @cached_property
    def script(self) -> str | None:
        return script_of(self.line)

    @property
    def is_prose(self) -> bool:
        """jusText's "good" block, in words: long enough, made of sentences, dense in function words."""
        if self.words >= 25 and self.stop_density >= 0.15:
            return True
        return self.words >= 8 and self.sentence_end and self.stop_density >= 0.2 and self.segments <= 1

    @property
    def is_substantial(self) -> bool:
        """A paragraph that anchors the body: a fleeting one-liner at the page edge does not."""
        return self.is_prose and self.words >= 15

    @property
    def title_like(self) -> bool:
        return 2 <= self.words <= 20 and not self.sentence_end and self.segments <= 1


def line_features(line: str, stops: frozenset[str]) -> LineFeatures:
    toks = WORD.findall(line.lower())
    # CJK writes no spaces between words: count about two characters per word instead
    n = len(toks) + len(_CJK_CHAR.findall(line)) // 2 - sum(1 for t in toks if _CJK_CHAR.match(t))
    dens = sum(1 for t in toks if t in stops) / n if n else 0.0
    segs = len(_SEPARATORS.findall(line)) + 1
    return LineFeatures(line, n, len(line), dens, bool(_SENTENCE_END.search(line)), segs)
