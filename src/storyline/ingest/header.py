"""Metadata lines at the edges of a pasted page: outlet name, title, byline and publish date.

Copied pages start with the site's masthead, menus, the headline, a byline and a date line, in no
fixed order. Each reader of a line here answers one question and returns None when unsure.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import lines, table
from .dates import date_in, parse_publish_date
from .linefeatures import WORD
from .provenance import has_outlet_word

_NAME = r"[A-ZÀ-ÝĀ-ŽА-ЯЁ][\w.'’-]+"
_PERSONS = re.compile(rf"^(?P<who>{_NAME}(?:\s+(?:(?:and|und|et|y|и)\s+)?{_NAME}){{0,6}})\s*(?:[,|·—–-].*)?$")
_FUNCTION_WORDS = frozenset("the of and a an for on in at to de la le der die das el du".split())
_TAGLINE = re.compile(r"\s+(?:[—–|:]|-{1,2})\s+")


_GLUED_YEAR = re.compile(r"\b(\d{1,2}),((?:1[89]|20)\d\d)\b")


@cache
def _labels() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(rx, re.I) for kind, rx in table("boilerplate/header_labels.tsv")}


def labelled_dates(line: str) -> list[tuple[str, str]]:
    """("published" | "updated", ISO date) pairs from "Published: 10 March 2025 | Updated: ..." lines."""
    found = []
    line = _GLUED_YEAR.sub(r"\1, \2", line)
    for segment in re.split(r"\s+[|·•]\s+", line):
        for kind in ("published", "updated"):
            m = _labels()[kind].match(segment.strip())
            if not m:
                continue
            rest = segment.strip()[m.end():]
            loc = date_in(rest)
            iso = parse_publish_date(rest[loc[0]:loc[1]] if loc else rest)
            if iso:
                found.append((kind, iso))
            break
    return found


def bare_date(line: str) -> str | None:
    """A line that is mostly a date ("Friday, 28 March 2025", "Nordwire | 14/03/2025 18:22").

    Whatever is left beside the date must be a few words of section or outlet name, so a sentence
    that mentions a date is never taken for the page's date line.
    """
    line = _GLUED_YEAR.sub(r"\1, \2", line)  # "March 04,2009": a copy that lost the space
    loc = date_in(line)
    if not loc:
        return None
    rest = line[: loc[0]] + " " + line[loc[1]:]
    if len(WORD.findall(rest)) > 5 or re.search(r"[.!?]\s*$", line):
        return None
    return parse_publish_date(line[loc[0]:loc[1]])


def byline(line: str) -> str | None:
    m = _labels()["byline"].match(line)
    if not m:
        return None
    p = _PERSONS.match(line[m.end():].strip())
    return p["who"] if p else None


def outlet_name(line: str) -> str | None:
    """A masthead line ("ALDORIA TODAY — Your window on Aldoria") to the outlet's name."""
    name = _TAGLINE.split(line.strip(), maxsplit=1)[0].strip()
    words = WORD.findall(name)
    if not 1 <= len(words) <= 5 or any(ch in name for ch in ".!?"):
        return None
    if any(w[:1].islower() and len(w) > 3 for w in words):
        return None  # "Okafor rejects harbour deal" is a headline: a masthead capitalises its words
    return display_name(name)


def display_name(name: str) -> str:
    """Mastheads are often set in capitals: "LINDHAVEN POST" -> "Lindhaven Post", "BBC" stays."""
    if name.upper() != name or not any(c.isalpha() for c in name):
        return name
    out = []
    for i, w in enumerate(name.split()):
        low = w.lower()
        if low in _FUNCTION_WORDS:
            out.append(low.capitalize() if i == 0 else low)
        else:
            out.append(w if len(w) <= 3 else w.capitalize())  # short all-caps words are acronyms
    return " ".join(out)


# an address with a scheme, or a www. address with a path: a bare "www.site.example" is often the
# site's own credit line in the text
_URL_LINE = re.compile(r"^(?:https?://\S+|www\.[^\s/]+/\S*)$", re.I)


def url_line(line: str) -> str | None:
    """A line that is only an address: a pasted page often opens with the URL it was copied from."""
    s = line.strip().strip("<>")
    return s if _URL_LINE.match(s) else None


@cache
def _section_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lines("boilerplate/section_words.txt"))


def navigation_word(name: str) -> bool:
    """"Homepage", "News", "World | Politics": a site's sections and menus, never its name."""
    words = [w.casefold() for w in WORD.findall(name)]
    return bool(words) and all(w in _section_words() for w in words)


_SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+(?P<sep>[|–—-]|::)\s+(?P<site>[^|–—]{2,40})$")


def split_site_name(title: str, outlet: str | None = None) -> tuple[str, str | None]:
    """"Korsa closes crossing | Nordwire" -> ("Korsa closes crossing", "Nordwire").

    A page title often ends with the site's name. After "|" a short capitalised tail is the site;
    after a dash only when it is the known outlet or reads like an outlet's name ("Korsa Herald",
    "nordwire.com"), because headlines use dashes themselves ("Korsa closes crossing — Aldoria
    protests")."""
    m = _SITE_SUFFIX.match(title.strip())
    if not m:
        return title, None
    site = m["site"].strip()
    words = WORD.findall(site)
    if not 1 <= len(words) <= 5 or site.endswith((".", "?", "!")) and not re.search(r"\.\w{2,}$", site):
        return title, None
    capitalised = all(w[:1].isupper() or w.isdigit() or w.casefold() in _FUNCTION_WORDS for w in words)
    known = bool(outlet) and " ".join(WORD.findall(outlet.casefold())) == " ".join(w.casefold() for w in words)
    domain = bool(re.search(r"\w\.(?:com|net|org|co|news|info|[a-z]{2})$", site, re.I))
    outletish = capitalised and has_outlet_word(site)
    if known or domain or (m["sep"] == "|" and capitalised) or outletish:
        return m["title"].strip(), site
    return title, None


def tidy_title(title: str | None) -> str | None:
    """One headline, one spelling: a copy or a page's <title> may end it with a full stop
    ("Korsa closes crossing."), an abbreviation keeps its own ("… in the U.S.")."""
    if not title:
        return title
    t = " ".join(title.split())
    if re.search(r"[a-z”’\"')]\.$", t) and not re.search(r"\b[A-Za-z]\.[A-Za-z]\.$", t):
        t = t[:-1].rstrip()
    return t or None
