"""'Rubio: I still believe Trump can't be trusted' -- a headline that names its source before a
colon reports what the source said, with no cue verb and no quotation marks.

Why only the first paragraph and only one named source: in plain-text input the first line is the
headline; elsewhere "<words>: <clause>" is far more often a label ("Paid Notice: ...", "12:20
p.m.: ...", "The one thing both sides want: ...") than an attribution, so the prefix must be a
single person or organisation the article names ("Clinton camp:" is not Clinton: left alone).
"""

from __future__ import annotations

import re

from .attribute import Attribution
from .people import People

_HEAD = re.compile(r"^(?P<src>[A-Z][^:\n]{1,50}?):\s+(?P<body>[^\n]+?)[\s.;]*$")
_MAX_WORDS = 20


def headline_report(text: str, para: tuple[int, int], people: People) -> tuple[int, int, Attribution] | None:
    """(start, end, attribution) of the reported clause of a 'Source: clause' headline, or None."""
    lo, hi = para
    line = text[lo:hi]
    m = _HEAD.match(line)
    if m is None or len(line.split()) > _MAX_WORDS or re.search(r"[.!?]\s+\S", m.group("body")):
        return None
    body = m.group("body")
    if body[:1] in "\"“‘'«„" or len(re.findall(r"[^\W\d_]{2,}", body)) < 3:
        return None  # a quoted headline is a headline quote (a term), not a report
    s0, s1 = lo + m.start("src"), lo + m.end("src")
    src = text[s0:s1]
    if src.isupper() or re.search(r"\b(?:and|or|vs|&)\b", src):
        return None  # "WASHINGTON: ...", "Netanyahu and Obama: ..."
    hits = [r for r in people.refs if r.mention.span.start < s1 and s0 < r.mention.span.end]
    if hits:
        r = hits[0]
        covered = r.mention.span.start <= s0 + 1 and r.mention.span.end >= s1 - 1
        if not covered or len({h.name for h in hits}) > 1:
            return None
        att = Attribution(r.name, (r.mention.span.start, r.mention.span.end), None, None, 0.85,
                          "name" if r.kind == "person" else "org")
    elif " " not in src and (r := people.surname(src, len(text))) is not None:
        att = Attribution(r.name, (s0, s1), None, None, 0.8, "name")
    else:
        return None
    b0 = lo + m.start("body")
    return b0, b0 + len(body), att
