"""'Rubio: I still believe Trump can't be trusted' -- a headline that names its source before a
colon reports what the source said, with no cue verb and no quotation marks; and 'Okafor Says
Port Deal Will Cost Jobs' -- a Title Case headline whose cue verb follows its source's name.

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
from .lexicon import characterising, cue_words, report_cues
from .people import People

_HEAD = re.compile(r"^(?P<src>[A-Z][^:\n]{1,50}?):\s+(?P<body>[^\n]+?)[\s.;]*$")
_MAX_WORDS = 22
# headline labels that are no source, and sources that are documents rather than people
_LABELS = {"latest", "breaking", "wow", "look", "revealed", "bombshell", "exclusive", "watch", "video", "update",
           "photos", "busted", "boom", "leaked", "notice", "byline", "email", "live", "guide", "daily", "factbox",
           "explainer", "analysis", "opinion", "review", "correction", "editorial"}
_DOCUMENTS = {"poll", "polls", "report", "survey", "study", "newspaper", "filing", "memo", "audit", "data"}


_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b[A-Z][a-z]{0,2}|\bvs?)\.$")


def _two_sentences(body: str) -> bool:
    """Does a sentence end inside the body? Not at an abbreviation ("Roe v. Wade", "Sen. Okafor")."""
    return any(not _ABBREVIATION.search(body[: m.start() + 1]) for m in re.finditer(r"[.!?]\s+\S", body))


def _wholly_quoted(body: str) -> bool:
    """A headline that is a quotation ("Okafor: 'We will not sign'") rather than a clause that
    holds one ("Okafor: 'No Idea' If the Port Will Reopen")."""
    if body[:1] not in DOUBLE_OPEN + ENGLISH_SINGLE_OPEN:
        return False
    close = re.search(r"[’'”\"](?=[\s.,;:!?]|$)", body[1:])
    return close is None or not re.search(r"\w", body[close.end() + 1 :])


def _title(words: str) -> bool:
    """A title or role before a name, in headline style: one to three capitalised words ("Dr.",
    "Former AG", "OK Gov", "GOP Rep")."""
    ws = words.split()
    return 1 <= len(ws) <= 3 and all(w[:1].isupper() for w in ws)


def headline_report(text: str, para: tuple[int, int], people: People) -> tuple[int, int, Attribution] | None:
    """(start, end, attribution) of the reported clause of a 'Source: clause' headline, or None."""
    lo, hi = para
    line = text[lo:hi]
    m = _HEAD.match(line)
    if m is None or len(line.split()) > _MAX_WORDS or _two_sentences(m.group("body")):
        return None
    body = m.group("body")
    if _wholly_quoted(body) or len(re.findall(r"[^\W\d_]{2,}", body)) < 3:
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
        # "Former AG Mukasey", "OK Gov Fallin", "Dr. Ben Carson": a title before the name
        covered = (r.mention.span.start <= s0 + 1 or _title(text[s0:r.mention.span.start])) and r.mention.span.end >= s1 - 1
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


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _cue_word(word: str) -> bool:
    low = word.lower()
    return low in cue_words() or low in report_cues() or low in characterising("accuse") or low in characterising("attitude")


def title_case_report(text: str, para: tuple[int, int], people: People) -> tuple[int, int, Attribution] | None:
    """(start, end, attribution) of 'Okafor Says Port Deal Will Cost Jobs', 'Senator Maria Okafor
    Slams Harbour Deal': a Title Case headline (every word capitalised, so the parser tags its
    verbs as names and the learned model skips it) whose first cue word follows right after a
    person or organisation the article names, at most a title ("Senator", "Harbour Chief") before
    it. What follows the cue is the report; the named one its source. Nothing when the name does
    not end right before the cue ("Okafor Aide Says ...": the aide speaks, not Okafor)."""
    lo, hi = para
    line = text[lo:hi]
    words = [(lo + m.start(), lo + m.end()) for m in _WORD.finditer(line)]
    if not (4 <= len(words) <= _MAX_WORDS) or "\n" in line.strip() or _two_sentences(line.rstrip(" .")) or ":" in line:
        return None
    if sum(text[a].isupper() for a, _ in words) < 0.8 * len(words):
        return None  # sentence case: the parse reads it
    at = next((i for i, (a, b) in enumerate(words[1:6], 1) if _cue_word(text[a:b])), None)
    if at is None:
        return None
    c0, c1 = words[at]
    r = people.at(words[at - 1][0], words[at - 1][1])
    if r is None:
        return None
    start = r.mention.span.start
    if r.mention.span.end > c0:
        # the tagger runs a Title Case name on over the verb ("Maria Okafor Slams Port"): the name
        # is the part before the cue, when the article names someone so
        name = text[start:c0].strip()
        r = next((x for x in people.refs if x.name == name), None)
        if r is None:
            return None
    elif text[r.mention.span.end:c0].strip():
        return None  # "Okafor Aide Says": the name does not end at the cue
    if not (start == lo or _title(text[lo:start])):
        return None
    span = (start, start + len(text[start:c0].rstrip()))
    b0, end = c1, hi
    while b0 < end and text[b0].isspace():
        b0 += 1
    while end > b0 and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    if len(text[b0:end].split()) < 2:
        return None
    att = Attribution(r.name, span, text[c0:c1], c0, 0.85,
                      "name" if r.kind == "person" else "org")
    return b0, end, att
