"""'Rubio: I still believe Trump can't be trusted' -- a headline that names its source before a
colon reports what the source said, with no cue verb and no quotation marks.

Why only the first paragraph and only one named source: in plain-text input the first line is the
headline; elsewhere "<words>: <clause>" is far more often a label ("Paid Notice: ...", "12:20
p.m.: ...", "The one thing both sides want: ...") than an attribution, so the prefix must be a
single person or organisation the article names ("Clinton camp:" is not Clinton: left alone), or
a document ("Poll:", "IG report:"), whose finding is reported with no person as its speaker.
"""

from __future__ import annotations

import re

from ..text.glyphs import DOUBLE_OPEN, ENGLISH_SINGLE_OPEN
from .attribute import Attribution
from .people import People

_HEAD = re.compile(r"^(?P<src>[A-Z][^:\n]{1,50}?):\s+(?P<body>[^\n]+?)[\s.;]*$")
_MAX_WORDS = 20
# headline labels that are no source, and sources that are documents rather than people
_LABELS = {"latest", "breaking", "wow", "look", "revealed", "bombshell", "exclusive", "watch", "video", "update",
           "photos", "busted", "boom", "leaked", "notice", "byline", "email", "live", "guide", "daily", "factbox",
           "explainer", "analysis", "opinion", "review", "correction", "editorial"}
_DOCUMENTS = {"poll", "polls", "report", "survey", "study", "newspaper", "filing", "memo", "audit", "data"}


def headline_report(text: str, para: tuple[int, int], people: People) -> tuple[int, int, Attribution] | None:
    """(start, end, attribution) of the reported clause of a 'Source: clause' headline, or None."""
    lo, hi = para
    line = text[lo:hi]
    m = _HEAD.match(line)
    if m is None or len(line.split()) > _MAX_WORDS or re.search(r"[.!?]\s+\S", m.group("body")):
        return None
    body = m.group("body")
    if body[:1] in DOUBLE_OPEN + ENGLISH_SINGLE_OPEN or len(re.findall(r"[^\W\d_]{2,}", body)) < 3:
        return None  # a quoted headline is a headline quote (a term), not a report
    s0, s1 = lo + m.start("src"), lo + m.end("src")
    src = text[s0:s1]
    if src.isupper() or re.search(r"\b(?:and|or|vs|&)\b", src):
        return None  # "WASHINGTON: ...", "Netanyahu and Obama: ..."
    # "Clinton to Planned Parenthood: ...", "Former AG Mukasey at RNC: ...": the source is the head
    src = re.split(r"\s+(?:to|on|at|in|for)\s+", src, maxsplit=1)[0]
    s1 = s0 + len(src)
    words = src.lower().replace("-", " ").split()
    if any(w in _LABELS for w in words):
        return None  # "The Latest: ...", "Breaking: ...", "News Guide: ..."
    hits = [r for r in people.refs if r.mention.span.start < s1 and s0 < r.mention.span.end]
    # a tagger's run-on ("De Blasio: Trust Bratton" as one organisation) yields to a person
    # mention that is exactly the source
    hits = [r for r in hits if r.kind == "person" and text[r.mention.span.start:r.mention.span.end] == src] or hits
    # "De Blasio" of "Bill de Blasio": the one person named in full whose name ends so
    named = {r.name for r in people.refs if r.kind == "person" and r.name.lower().endswith(" " + src.lower())}
    if len(words) <= 3 and len(named) == 1 and all(r.name.lower() == src.lower() for r in hits):
        att = Attribution(named.pop(), (s0, s1), None, None, 0.8, "name")
    elif hits:
        r = hits[0]
        covered = r.mention.span.start <= s0 + 1 and r.mention.span.end >= s1 - 1
        if not covered or len({h.name for h in hits}) > 1:
            return None
        att = Attribution(r.name, (r.mention.span.start, r.mention.span.end), None, None, 0.85,
                          "name" if r.kind == "person" else "org")
    elif " " not in src and (r := people.surname(src, len(text))) is not None:
        att = Attribution(r.name, (s0, s1), None, None, 0.8, "name")
    elif len(words) <= 3 and words[-1] in _DOCUMENTS:
        att = Attribution(None, None, ":", s1, 0.3, "group")  # "Poll: ...", "IG report: ..." -- said by no one person
    else:
        return None
    b0 = lo + m.start("body")
    return b0, b0 + len(body), att
