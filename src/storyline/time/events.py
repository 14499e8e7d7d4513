"""Events: dated sentences with an action, merged across outlets, with planned/happened/changed status.

An event is a sentence that carries a day-level time expression, an action word (met, vote, hearing,
said...) and at least one known entity. Its description is the clause around the date, cut from the
article text; its participants are the entity ids in the sentence; its place is the entity after
"in"/"at". Its status comes from the clause that holds its date, not from other clauses of the
sentence. A date inside quotation marks is what a speaker says (possibly wrongly), not an event; a
sentence gives at most one event, so it is never listed under two dates. Reports of the same event
(same story, date and action, shared participants, place or wording) merge into one event holding
every outlet's evidence. :mod:`timeline` then links a later report that changes an earlier plan
("postponed to Friday", "will join the summit after all") to the event it revises.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..model import Article, Event, Span, TimeExpr
from ..resources import lines, table
from ..text.datelines import parse_dateline
from ..text.glyphs import inside_quote, quote_at
from ..text.sentences import sentence_at
from ..text.words import jaccard, words
from .timeline import link_updates

_LIST_ITEM = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}\s*[–—-]\s")
_PLACE_PREP = re.compile(r"(?:\bin|\bat|\bim|\bnach|\bfrom)\s+$")
MAX_DESC = 180


@dataclass(frozen=True)
class ArticleFacts:
    """What the event builder needs of one article: its sentences, dated times and entity ids by span."""

    article: Article
    sentences: list[tuple[int, int]]
    times: list[TimeExpr]
    entity_spans: list[tuple[int, int, str]]


@cache
def _actions() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("time/event_actions_en.tsv")}


@cache
def _change_rx(name: str) -> re.Pattern[str]:
    return re.compile("(?i)\\b(?:" + "|".join(lines(f"time/{name}.txt")) + ")\\b")


def action_of(clause: str, at: int | None = None) -> str | None:
    """The action the clause names: the action word nearest ``at`` (the date's offset in the
    clause), so "Volkhov said on Sunday that trains will move when Varnia meets the rules" is a
    statement, not a meeting; without ``at`` a concrete action beats a bare 'said'."""
    found = [(m.start(), _actions()[m.group(0).lower()]) for m in re.finditer(r"[^\W\d_]+", clause)
             if m.group(0).lower() in _actions()]
    if not found:
        return None
    if at is not None:
        return min(found, key=lambda f: (abs(f[0] - at), f[1] == "statement"))[1]
    concrete = [a for _, a in found if a not in ("statement", "meet", "decide")] or \
        [a for _, a in found if a != "statement"]
    return concrete[0] if concrete else found[0][1]


def is_change_report(text: str) -> bool:
    return bool(_change_rx("event_changes_en").search(text))


# Where a clause ends: punctuation, a coordinating word or a subordinator. "X set off a firestorm on
# Tuesday when critics said the rally would be postponed": the postponing is not Tuesday's.
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,\s|\b(?:and|but|while|when|after|because|as|that|who|which|where|"
                           r"although|though|since|until|unless|whereas)\b")
_OPENER_ONLY = re.compile(r"(?i)^[\s\W]*(?:(?:on|by|from|until|since|late|early|last|this|next)\s+)*$")


def own_clause(text: str, s: int, e: int, ts: int, te: int) -> tuple[int, int]:
    """The clause of sentence [s, e) that holds the time expression [ts, te): its status words and
    tense are the event's, not the ones of other clauses of the sentence. A date that opens the
    sentence ("On Tuesday, the council voted ...") belongs to the clause after it."""
    left = [m.end() for m in _CLAUSE_BREAK.finditer(text, s, ts)]
    a = left[-1] if left else s
    m = _CLAUSE_BREAK.search(text, te, e)
    b = m.start() if m else e
    if _OPENER_ONLY.match(text[a:ts]) and not text[te:b].strip():
        m2 = _CLAUSE_BREAK.search(text, b + 1, e)
        b = m2.start() if m2 else e
    return a, b


def status_of(sentence: str, t: TimeExpr) -> str:
    """Status from the date's own clause (``sentence`` is that clause): cancel/change words, then
    the date against the anchor, then the tense of the verb governing the date."""
    if _change_rx("event_cancels_en").search(sentence):
        return "cancelled"
    if _change_rx("event_changes_en").search(sentence):
        return "changed"
    if t.value and t.anchor and t.granularity == "day":
        when, anchor = date.fromisoformat(t.value[:10]), date.fromisoformat(t.anchor[:10])
        if when > anchor:
            return "planned"
        if when < anchor:
            return "happened"
    if t.tense == "future":
        return "planned"
    if t.tense == "past":
        return "happened"
    return "unknown"


_CLAUSE_MARK = re.compile(r"[,;:]\s|\s[–—]\s")


def _clause(text: str, s: int, e: int, ts: int, te: int) -> tuple[int, int]:
    """A short extractive description: the sentence, or its part up to the clause holding the date."""
    dl = parse_dateline(text[s:e])
    if dl and s + dl.end <= ts:
        s += dl.end
    line_start = text.rfind("\n", s, ts) + 1
    s = max(s, line_start)  # a list line ("2025-03-19 – vote postponed") is its own description
    nl = text.find("\n", te, e)
    e = nl if nl != -1 else e
    # list items run together on one line ("... in Lindhaven 2025-03-19 – Sejmar vote postponed")
    items = [m.start() for m in _LIST_ITEM.finditer(text, s, e)]
    before = [i for i in items if i <= ts]
    after = [i for i in items if i > ts]
    if before or after:
        s = max([s, *before])
        e = min([e, *after])
    if e - s <= MAX_DESC:
        return _whole_quotes(text, s, e)
    # a description is cut only at clause marks outside quotations: one cut inside a speaker's words
    # leaves half a quote ('[by providing limited information], thinking we're going to ...," X said')
    cut = [m.start() for m in _CLAUSE_MARK.finditer(text, te, e) if not inside_quote(text, m.start())]
    if cut and cut[0] == te and _OPENER_ONLY.match(text[s:ts]):
        cut = cut[1:]  # "On Tuesday, the council voted ...": the clause after an opening date is its event
    end = cut[0] if cut else e
    if end - s > MAX_DESC:  # still long: start at the clause before the date
        starts = [m.end() for m in _CLAUSE_MARK.finditer(text, s, ts) if not inside_quote(text, m.start())]
        if starts:
            s = starts[-1]
    return _whole_quotes(text, s, min(end, e))


def _whole_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """Never half a quotation: a description that starts or ends inside one takes it whole (a
    sentence split inside a long quote, or a cut, would otherwise begin "[by providing ...],
    thinking ...," and show a closing mark with no opening one)."""
    if (q := quote_at(text, s)) is not None and q.open_at < s:
        s = q.open_at
    if e > s and (q := quote_at(text, e - 1)) is not None and e < q.close_end:
        e = q.close_end
    return s, e


def _place(text: str, spans: list[tuple[int, int, str]], s: int, e: int) -> str | None:
    for a, b, _ in spans:
        if s <= a < e and _PLACE_PREP.search(text[max(s, a - 6) : a]):
            return text[a:b]
    return None


def _event_id(ev: Event) -> str:
    first = ev.evidence[0]
    return "ev_" + hashlib.sha1(f"{ev.date}:{first.article_id}:{first.start}".encode()).hexdigest()[:10]


def events_of(f: ArticleFacts, story_id: str | None) -> list[Event]:
    """At most one raw event per sentence and date from the day-level time expressions of an
    eventful sentence of one article.

    A date inside quotation marks is the speaker's claim (a candidate naming the wrong election
    day), not an event. Two dates of one sentence whose descriptions overlap are one sentence's
    report: the first one in the sentence is its event (the main clause leads in news prose;
    "X said on Monday the vote is on Wednesday" is Monday's saying, Wednesday being the claim), so
    no sentence is listed under two dates. A next sentence that refers back to the event by a
    definite noun and has no date of its own ("The meeting ran past midnight.") is more evidence
    of the same event.
    """
    text = f.article.text
    out: list[Event] = []
    used: list[tuple[int, int, int]] = []  # (sentence start, description start, description end)
    for t in f.times:
        if not t.value or t.granularity != "day" or t.kind != "date":
            continue
        if inside_quote(text, t.span.start):
            continue  # a quoted date is what the speaker says, not an event
        sent = sentence_at(f.sentences, t.span.start)
        if not sent:
            continue
        s, e = sent
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        sentence = text[s:e]
        if len(sentence) < 25 or sentence.endswith("?"):
            continue
        dl = parse_dateline(sentence)
        if dl and t.span.end <= s + dl.end:
            continue  # the dateline's date is the publication, not an event
        ds, de = _clause(text, s, e, t.span.start, t.span.end)
        if any(us == s and ds < ue and us2 < de for us, us2, ue in used):
            continue  # this sentence already gave an event covering this text
        ents = sorted({eid for a, b, eid in f.entity_spans if ds <= a < de})
        clause = text[ds:de]
        # a change report is about its subject ("The vote, originally set for today, was moved at a
        # meeting on Wednesday"): the first action named, not the one nearest the date
        nearest = action_of(clause, t.span.start - ds)
        reporting = nearest == "statement"  # "..., his ministry said on Sunday": the date of the saying
        action = nearest if reporting or not is_change_report(clause) else action_of(clause)
        if not ents or action is None:
            continue
        cs, ce = own_clause(text, s, e, t.span.start, t.span.end)
        used.append((s, ds, de))
        evidence = [f.article.span(ds, de)]
        follow = _anaphor_after(f, e, action)
        if follow:
            evidence.append(f.article.span(*follow))
        out.append(Event(id="", date=t.value, description=text[ds:de], entities=ents,  # type: ignore[arg-type]
                         place=_place(text, f.entity_spans, ds, de),
                         status=status_of("" if reporting else text[cs:ce], t),  # type: ignore[arg-type]
                         evidence=evidence, story_id=story_id, action=action,
                         date_estimated=t.anchor_estimated))
    return out


@cache
def _anaphor_nouns() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("time/event_anaphors_en.tsv")}


def _anaphor_after(f: ArticleFacts, end: int, action: str) -> tuple[int, int] | None:
    """The sentence right after a dated event's sentence when it opens by naming that event with a
    definite noun ("The meeting ran past midnight.", "That vote ...") and states no date of its own:
    it tells more of the same event. A gathering noun (meeting, session) may follow any action held
    at one (a council's vote); other nouns must name the event's own action."""
    text = f.article.text
    nxt = next(((a, b) for a, b in f.sentences if a >= end), None)
    if nxt is None or "\n\n" in text[end:nxt[0]]:
        return None  # no next sentence, or it opens a new paragraph
    a, b = nxt
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    m = re.match(r"(?:The|That|This)\s+([^\W\d_]+)\b", text[a:b])
    if not m:
        return None
    kind = _anaphor_nouns().get(m.group(1).lower())
    if kind is None or (kind != "gathering" and kind != action):
        return None
    if any(a <= t.span.start < b for t in f.times if t.kind != "duration"):
        return None  # a date of its own: its own event (or none)
    return a, b


# What a meeting produces is reported as the meeting itself: "ministers will meet on Friday to
# decide", "ministers agreed on Friday", "Friday's meeting" are one event when they share a
# participant or a place.
_MEETING_OUTCOMES = frozenset({"meet", "agree", "decide"})


def _same_event(a: Event, b: Event) -> bool:
    if a.date != b.date or a.story_id != b.story_id:
        return False
    if "cancelled" in (a.status, b.status) and {a.status, b.status} & {"happened", "planned"}:
        # "will skip" then attends, or "will join" after all: two reports, the later revising the earlier
        return False
    if a.action and b.action and a.action != b.action and {a.action, b.action} <= _MEETING_OUTCOMES:
        return bool(set(a.entities) & set(b.entities)) or (a.place is not None and a.place == b.place)
    if a.action and b.action and a.action != b.action and "statement" not in (a.action, b.action):
        return False
    if a.action and a.action == b.action and a.action != "statement":
        return True  # one story, one day, one concrete action: the same vote, the same meeting
    shared = set(a.entities) & set(b.entities)
    sim = jaccard(words(a.description), words(b.description))
    return bool(shared) and (sim >= 0.15 or (a.place is not None and a.place == b.place) or a.action == b.action)


_STATUS_RANK = {"unknown": 0, "planned": 1, "happened": 2, "changed": 3, "cancelled": 4}


@dataclass
class _Merged:
    event: Event
    latest: tuple[str, int]  # (published, status rank) of the report that set the status
    worded: tuple[bool, str, int]  # (in the story's main language, published, rank) of the wording


def _absorb(m: _Merged, other: _Merged) -> None:
    ev = other.event
    m.event.evidence.extend(x for x in ev.evidence if x not in m.event.evidence)
    m.event.entities = sorted(set(m.event.entities) | set(ev.entities))
    m.event.place = m.event.place or ev.place
    m.event.date_estimated = m.event.date_estimated and ev.date_estimated  # one stated date settles it
    if m.event.action == "statement" and ev.action != "statement":
        m.event.action = ev.action
    if ev.status != "unknown":
        if other.latest > m.latest:  # the latest report tells the outcome
            m.event.status, m.latest = ev.status, other.latest
        if other.worded > m.worded:  # ...and, in the story's language, its words describe it best
            m.event.description, m.worded = ev.description, other.worded


def merge_events(raw: Sequence[Event], published: dict[str, str] | None = None,
                 language: dict[str, str | None] | None = None) -> list[Event]:
    """Merge reports of one event; its status is what the latest report says (a plan reported on
    Monday and carried out on Friday is 'happened'; one moved on Wednesday is 'changed'). The
    description comes from the latest report in the story's main language: a German report
    published a day later should not turn an English timeline entry into German. A report that
    matches two partial merges ("the summit" and "ministers agreed") joins them into one."""
    published = published or {}
    language = language or {}
    langs_of: dict[str | None, Counter[str | None]] = {}
    for e in raw:
        langs_of.setdefault(e.story_id, Counter())[language.get(e.evidence[0].article_id)] += 1
    main_lang = {sid: c.most_common(1)[0][0] for sid, c in langs_of.items()}
    merged: list[_Merged] = []
    for ev in sorted(raw, key=lambda e: (e.date or "", e.evidence[0].article_id, e.evidence[0].start)):
        aid = ev.evidence[0].article_id
        key = (published.get(aid, "") or "", _STATUS_RANK[ev.status])
        item = _Merged(ev.model_copy(deep=True), key, (language.get(aid) == main_lang.get(ev.story_id), *key))
        matches = [m for m in merged if _same_event(m.event, ev)]
        if not matches:
            merged.append(item)
            continue
        _absorb(matches[0], item)
        for other in matches[1:]:
            _absorb(matches[0], other)
            merged.remove(other)
    return [m.event.model_copy(update={"id": _event_id(m.event)}) for m in merged]


def build_events(facts: Sequence[ArticleFacts], story_of: dict[str, str]) -> list[Event]:
    raw = [ev for f in facts for ev in events_of(f, story_of.get(f.article.id))]
    published = {f.article.id: f.article.published or "" for f in facts}
    language = {f.article.id: f.article.language for f in facts}
    return link_updates(merge_events(raw, published, language), published)


def evidence_outlets(spans: Sequence[Span], outlet_of: dict[str, str]) -> list[str]:
    return sorted({outlet_of.get(s.article_id, "?") for s in spans})
