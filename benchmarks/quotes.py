"""Quote extraction and attribution on PolNeAR (political news attribution relations) and on our
own stress set of short passages.

    .venv/bin/python benchmarks/quotes.py [--split dev|train] [--limit N] [--no-stress]

PolNeAR (Newell et al., LREC 2018) lives in ../shared/data/polnear (never copied into the repo).
Tune on train, report on dev. Scores:
- content spans, P/R/F1, *exact* (same word tokens, ignoring quote marks, punctuation and a
  leading "that") and *overlap* (shared tokens >= 50 % of the larger of the two spans), separately
  for direct quotes (gold content wholly inside quotation marks) and indirect/mixed content;
  our `direct` quotes are scored against the direct gold, `partial` and `indirect` against the rest;
  a partial quote inside one of our reported clauses is folded into that clause (one relation).
  A direct quote interrupted by its attribution ("A," X said. "B.") is one gold relation; our two
  quotes are merged when an attribution clause (a speaker mention or a speech cue) sits between
  them (never across a paragraph break) and the second has no other speaker, whether or not we
  could name the speaker.
- speaker accuracy over overlap-matched relations that have a gold Source: correct when our
  speaker mention overlaps the Source span or our speaker's name matches the Source's name;
  a pronoun/description Source is resolved to the nearest preceding gold Source that contains a
  name ("they" to an organisation or group, never one person); a relative "who" to the name right
  before it. Reported as correct / wrong / abstained (no speaker). A Source that names nobody
  ("critics", "a senior official", "six in 10", "I") is not resolved to whoever was named before:
  those relations are scored apart, as the share we leave without a speaker (speaker_unnamed_sources).
  On dev, every Source that is not itself a name (1,129 pronouns, descriptions, relative pronouns,
  documents) was resolved by hand, blind to our output (benchmarks/data/polnear_dev_sources.tsv):
  those are scored by name only -- our mention overlapping "he" proves nothing if we took him for
  somebody else -- and the heuristic resolution above is reported beside it
  (speaker_heuristic_resolution).
Results: benchmarks/results/quotes.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
CACHE = ROOT / "benchmarks" / ".cache"
STRESS = ROOT / "tests" / "quotes" / "data" / "stress.jsonl"
HAND = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_info  # noqa: E402

from storyline.config import Settings  # noqa: E402
from storyline.entities.canonical import same_person  # noqa: E402
from storyline.entities.mentions import extract_mentions  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.nlp.spacy_pipeline import load  # noqa: E402
from storyline.quotes.attribute import find_cues  # noqa: E402
from storyline.quotes.detect import analyze_quotes  # noqa: E402
from storyline.quotes.lookup import joint_names  # noqa: E402

_TOK = re.compile(r"\w+")
_OPEN, _CLOSE = "\"“„«‘'", "\"”“»’'"


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    kind: str  # direct | indirect
    source_name: str | None = None
    unnamed: bool = False  # the Source names nobody ("critics", "a source", "I"): see unnamed_source
    by_hand: bool = False  # resolved in benchmarks/data/polnear_<split>_sources.tsv
    unclear: bool = False  # by hand: no one can tell who it is (or the span is no source): not scored
    auto: tuple[str | None, bool] = (None, False)  # (source_name, unnamed) as resolve_sources found them


@dataclass
class Pred:
    spans: list[tuple[int, int]]
    kind: str
    speaker: str | None
    speaker_span: tuple[int, int] | None
    extra: dict = field(default_factory=dict)


def read_ann(path: Path, doc: str | None = None) -> list[Relation]:
    """Gold relations; direct when the content is wholly inside quotation marks. Annotators
    sometimes start the span just after the opening mark or end it just before the closing one
    ('She’s caused so many deaths,”'); with the article text ``doc`` the mark next to the span counts."""
    ents: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        parts = ln.split("\t")
        if ln.startswith("T") and len(parts) >= 3:
            typ, *offs = parts[1].split(" ", 1)
            spans = [tuple(map(int, o.split())) for o in offs[0].split(";")]
            ents[parts[0]] = (typ, spans, parts[2])  # type: ignore[assignment]
        elif ln.startswith("E") and len(parts) >= 2:
            rels.append(dict(a.split(":") for a in parts[1].split()))
    out = []
    for r in rels:
        c = ents.get(r.get("Content", ""))
        if not c:
            continue
        s = ents.get(r.get("Source", ""))
        text = c[2].strip(" .,;:\n")
        opened, closed = text[:1] in _OPEN, text[-1:] in _CLOSE
        if doc is not None and len(text) > 2:
            a, b = min(x for x, _ in c[1]), max(y for _, y in c[1])
            after = b + len(re.match(r"[.,;:!?]*", doc[b:]).group(0))  # type: ignore[union-attr]
            opened = opened or doc[a - 1 : a] in _OPEN and a > 0
            closed = closed or doc[after : after + 1] in _CLOSE and after < len(doc)
        kind = "direct" if opened and closed and len(text) > 2 else "indirect"
        src = (min(a for a, _ in s[1]), max(b for _, b in s[1])) if s else None
        out.append(Relation(c[1], src, kind))
    return out


def tokens(text: str, spans: list[tuple[int, int]]) -> list[str]:
    out = []
    for a, b in spans:
        out += [m.group(0).lower() for m in _TOK.finditer(text, a, b)]
    return out


def tokset(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {m.start() for a, b in spans for m in _TOK.finditer(text, a, b)}


def norm(toks: list[str]) -> list[str]:
    return toks[1:] if toks[:1] == ["that"] else toks


def _in_clause(text: str, end: int, start: int) -> bool:
    """Does ``start`` fall in the attribution clause right after a quote ending at ``end``: no line
    break and no sentence end (outside the closing marks) between them?"""
    gap = _TITLE_ABBREV.sub("", text[end:start])  # "said Sen. Tom Udall, who said": no sentence end
    return end <= start and "\n" not in gap and not re.search(r"[.!?]\s", gap.lstrip(_CLOSE + ",.!?"))


# a title or initial before a name ("Sen.", "Capt.", "Mr.", "J. J.", "D-Conn.)"): its stop ends no sentence
_TITLE_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Lt|Gen|Col|Capt|Sgt|Sen|Rep|Gov|Jr|Sr|Rev|Hon|Adm|Maj|Pres|"
                           r"[A-Z](?:\.[A-Z])*|[A-Z]-[A-Z][a-z]{1,4})\.")


def merge_interrupted(text: str, preds: list[Pred]) -> list[Pred]:
    """PolNeAR annotates '"A," X said. "B."' and back-to-back quotes of one speaker as one
    relation; join our consecutive direct quotes when only an attribution clause (or nothing)
    separates them and the second has no other speaker. Never across a paragraph break: a
    PolNeAR relation keeps its cue in the paragraph of its content (66 of 19,831 on train do not,
    114 run over several paragraphs), so a quote paragraph followed by '"B," he said.' in the
    next is two relations; a quotation that runs on without a closing mark is already one
    segment (text/glyphs.py). The clause is recognised by our speaker mention in it or by any cue of
    the quote lexicon ("admitted", "tweeted", "went on"), and an unnamed speaker ('"A," said one
    strategist. "B."') is joined too: PolNeAR makes one relation of it whoever the source is and
    whatever the verb. A reported clause of ours inside that clause ('"A," she said, adding that
    the campaign will work hard. "B."') is its own relation and does not keep the two apart; one
    in a sentence of its own ('"A." Asked if ..., he replied, "B."') does."""
    out: list[Pred] = []
    for p in sorted(preds, key=lambda p: p.spans[0][0]):
        at = next((i for i in range(len(out) - 1, -1, -1) if out[i].kind == "direct"), None)
        last = out[at] if at is not None else None
        if last is not None and any(not _in_clause(text, last.spans[-1][1], o.spans[0][0]) for o in out[at + 1:]):  # type: ignore[operator]
            last = None  # a reported clause in a sentence of its own, or past a line break, keeps them apart
        if last is not None and p.kind == last.kind == "direct" and p.speaker in (None, last.speaker):
            gap = text[last.spans[-1][1] : p.spans[0][0]]
            bare = not gap.strip(" \n\t\u00a0\"“”'‘’,.") and "\n\n" not in gap
            attributed = len(gap) < 250 and "\n\n" not in gap and (
                last.speaker_span is not None and last.spans[-1][1] <= last.speaker_span[0] < p.spans[0][0]
                or bool(find_cues(gap, 0, len(gap))))
            if bare or attributed:
                last.spans += p.spans
                continue
        out.append(p)
    return out


def fold_partials(preds: list[Pred]) -> list[Pred]:
    """A partial quote inside our reported clause ('said Aldoria was "ready to talk"') is part of
    that one relation in PolNeAR's scheme, not a second one."""
    clauses = [p.spans[0] for p in preds if p.extra.get("kind") == "indirect"]
    return [p for p in preds if not (p.extra.get("kind") == "partial" and any(
        a <= p.spans[0][0] and p.spans[0][1] <= b for a, b in clauses))]


def match(text: str, gold: list[Relation], preds: list[Pred], exact: bool) -> list[tuple[Relation, Pred]]:
    pairs = []
    used: set[int] = set()
    for g in gold:
        gs = tokset(text, g.content)
        gt = norm(tokens(text, g.content))
        best, best_ov = None, 0
        for i, p in enumerate(preds):
            if i in used:
                continue
            ps = tokset(text, p.spans)
            ov = len(gs & ps)
            ok = norm(tokens(text, p.spans)) == gt if exact else ov >= 0.5 * max(len(gs), len(ps))
            if ok and ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            pairs.append((g, preds[best]))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "predicted": n_pred, "gold": n_gold}


_PRON_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Sources that name nobody in the text: the writer or reader ("I", "we", "you") and anonymous or
# group sources ("critics", "some experts", "a Mexican official who ...", "six in 10", "polls")
_FIRST_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your"}
_INDEFINITE_LEAD = {"a", "an", "one", "some", "many", "most", "several", "few", "both", "all", "another", "other",
                    "others", "no", "none", "nobody", "anyone", "everyone", "someone", "somebody", "half", "about",
                    "nearly", "almost", "more", "fewer", "two", "three", "four", "five", "six", "seven", "eight",
                    "nine", "ten", "dozens", "hundreds", "thousands", "millions", "those", "these", "each", "only",
                    "roughly", "just", "majority", "plurality", "any"}
# a hyphen ends the head only as a dash ("officials - two of them"), not inside "Sixty-six percent"
_HEAD_END = re.compile(r"\s(?:who|whose|whom|which|that|of|with|in|from|at|for|on|to|like|including|and|or)\s|[,(—–]|\s--?\s")


def unnamed_source(src: str, proper: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """A Source with no name inside that points at nobody in particular: first/second person,
    an indefinite or counted group, or a plural common noun ("officials", "the polls"); not a
    word of a person's or organisation's name tagged elsewhere (``proper``: "Sanders")."""
    if any(re.sub(r"['’]s?$", "", w) in proper for w in re.findall(r"[\w'’]+", src)):
        return False
    low = src.strip().lower()
    words = re.findall(r"[\w'’.]+", low)
    if not words:
        return False
    if low in _FIRST_SECOND or words[0] in _INDEFINITE_LEAD or re.match(r"\d", words[0]):
        return True
    head = re.findall(r"[\w'’]+", _HEAD_END.split(" " + low + " ", maxsplit=1)[0])
    h = head[-1] if head else ""
    return len(h) > 3 and h.endswith("s") and not h.endswith(("ss", "us", "is", "'s", "’s", "news"))


_GROUP_WORDS = {"people", "officials", "aides", "sources", "critics", "experts", "analysts", "insiders"}


def group_head(src: str, proper: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """Is the Source's head a plural common noun or a share ("Jewish leaders", "Sanders's
    supporters", "House members in competitive races", "Thirty-seven percent")? Then the names
    inside only modify it: a group speaks, not the name ("Jewish", "Sanders", "House").
    A capitalised head counts when it only starts the sentence ("Aides to Clinton", "People
    briefed on ...") and is no name tagged elsewhere (``proper``: "Sanders of Vermont")."""
    src = src.strip()
    words = re.findall(r"[\w'’]+", src)
    if words and words[0].lower() in _GROUP_WORDS:
        return True  # "People briefed on the situation", "Officials familiar with ..."
    if re.search(r"\b(?:and|or)\b", src):
        if any(w[:1].isupper() for w in words[1:]):
            return False  # "Hillary Clinton and her Democratic allies": the person speaks too
        src = re.split(r"\b(?:and|or)\b", src)[-1].strip()  # "Current and former officials"
    pieces = _HEAD_END.split(" " + src + " ", maxsplit=1)
    head = re.findall(r"[\w'’%]+", pieces[0])
    h = head[-1] if head else ""
    if h.lower() in ("percent", "%", "majority", "minority", "half", "third", "quarter", "most", "many"):
        return True
    if not h.islower():
        lead = len(head) == 1 and len(pieces) > 1 and src.startswith(h) and h not in proper
        if not (lead and h[1:].islower()):
            return False
        h = h.lower()
    return len(h) > 3 and h.endswith("s") and not h.endswith(("ss", "us", "is", "'s", "’s", "news"))


def _role_head(src: str) -> bool:
    """Is the Source a singular person description ("the Florida senator", "Germany's president")?"""
    from storyline.quotes.lexicon import role_nouns

    head = re.findall(r"[\w'’]+", _HEAD_END.split(" " + src.strip().lower() + " ", maxsplit=1)[0])
    return bool(head) and head[-1] in role_nouns()


def _document_head(src: str) -> bool:
    """Is the Source a document ("the editorial", "the lawsuit", "the release")? Unnamed, it is
    nobody's words in particular: not the person or paper named last before it."""
    from storyline.quotes.lexicon import source_documents

    head = re.findall(r"[\w'’]+", _HEAD_END.split(" " + src.strip().lower() + " ", maxsplit=1)[0])
    return bool(head) and (head[-1] in source_documents() or head[-1].rstrip("s") in source_documents())


def resolve_sources(text: str, gold: list[Relation], names: list[tuple[int, int, str, str]]) -> None:
    """Name each gold Source: the (last) person name inside it, else another name inside it; a
    pronoun or description Source takes the nearest earlier *gold* Source with a name (of the
    pronoun's gender when the first name tells it)."""
    from storyline.entities.names import first_name_gender as gender_of_first_name

    named: list[tuple[int, str, bool]] = []
    proper = {w for s, e, n, lab in names if lab in ("PERSON", "ORG") for w in re.findall(r"[\w'’]+", text[s:e] + " " + n)
              if w[:1].isupper()}
    for g in sorted((g for g in gold if g.source), key=lambda g: g.source[0]):  # type: ignore[index]
        a, b = g.source  # type: ignore[misc]
        inside = [(lab, n) for s, e, n, lab in names if a <= s and e <= b]
        people = [n for lab, n in inside if lab == "PERSON"]
        ends_named = any(a <= s < e <= b and text[e:b].strip(" ,.") == "" for s, e, _, lab in names if lab == "GPE")  # "the United States"
        if (not any(lab in ("PERSON", "ORG") for lab, _ in inside) and not ends_named and unnamed_source(text[a:b], proper)) \
                or group_head(text[a:b], proper):
            g.unnamed = True  # "U.S. officials", "critics": never whoever was named before; nobody is
            continue
        if not inside and _document_head(text[a:b]):
            g.unnamed = True
            continue
        lead = re.findall(r"[\w'’]+", text[a:b].lower())[:1]
        set_off = any(lab == "PERSON" and a <= st and e <= b and re.search(r"[,:(]\s*$", text[a:st])
                      for st, e, _, lab in names)  # "an aide, Huma Abedin,": named after all
        if lead and lead[0] in _INDEFINITE_LEAD and not set_off:
            # "a Clinton campaign official", "an NBC reporter", "one Sanders supporter", "a spokeswoman
            # for Hillary Clinton": somebody unnamed; the name says whose side they are on, not who spoke
            g.unnamed = True
            continue
        role = _role_head(text[a:b])
        if not people and role and not any(lab == "ORG" for lab, _ in inside):
            # "The Florida senator", "the French president": a person described, not Florida or France
            inside = []
        if people or inside:
            g.source_name = people[-1] if people else inside[-1][1]
            named.append((a, g.source_name, bool(people)))
            continue
        if text[a:b].strip().lower() in ("who", "which", "that"):
            # a relative pronoun means the name right before it ("Jeb Bush, who said ...")
            prior = [(n, lab) for s, e, n, lab in names if e <= a and not text[e:a].strip(" ,\u00a0")]
            if prior and prior[-1][1] != "PERSON" and text[a:b].strip().lower() == "who":
                # "Senator Ted Cruz of Texas, who", "Dianne Feinstein, the ranking Democrat on the
                # Intelligence Committee, who": "who" is a person, the one this sentence named last
                clause = max(text.rfind(x, 0, a) for x in (". ", "\n", "; ", "? ", "! ")) + 1
                people = [n for s, e, n, lab in names if lab == "PERSON" and max(clause, a - 150) <= s and e <= a]
                if people:
                    prior = [(people[-1], "PERSON")]
            if prior:
                g.source_name = prior[-1][0]
                continue
            # "senators who wanted", "a gunman who expressed", "some who suggest": the noun phrase
            # before it names nobody, so neither does the relative pronoun
            piece = re.split(r"[.,;:()\n—–]", text[max(0, a - 80):a].rstrip(" ,\u00a0"))[-1]
            np_ = re.split(r"\b(?:by|for|to|of|with|from|at|in|on|against|among|about|than|like|including|"
                           r"and|or|but|while|as)\b", piece)[-1]
            if np_.strip() and unnamed_source(np_, proper):
                g.unnamed = True
                continue
        want = _PRON_GENDER.get(text[a:b].strip().lower())
        plural = text[a:b].strip().lower() in ("they", "them", "their")
        for _, n, is_person in reversed(named):
            parts = n.split()
            if (want is not None or role) and not is_person:
                continue  # "he" and "the senator" are persons, never "Vermont" or "CNN"
            if plural and is_person:
                continue  # "they" is a group or an organisation, never one person
            if want is None or len(parts) < 2 or gender_of_first_name(parts[0]) in (want, None):
                g.source_name = n
                break


def hand_sources(split: str) -> dict[tuple[str, int, int], tuple[str, str]]:
    """(article, start, end) -> (category, name) from our hand resolution of the split's Sources,
    where one exists (dev only: train is for tuning, where the heuristic resolution is enough)."""
    path = HAND / f"polnear_{split}_sources.tsv"
    if not path.exists():
        return {}
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {(r[0], int(r[1]), int(r[2])): (r[3], r[4]) for r in rows[1:]}


def apply_hand(article: str, gold: list[Relation], hand: dict[tuple[str, int, int], tuple[str, str]]) -> int:
    """Overrides resolve_sources with the hand resolution: a PERSON/ORG (or a document's named
    issuer) is the name to match; GROUP, ANON, WRITER and a document without issuer name nobody;
    UNCLEAR is left out of the speaker score."""
    n = 0
    for g in gold:
        g.auto = (g.source_name, g.unnamed)
        row = hand.get((article, *g.source)) if g.source else None
        if row is None:
            continue
        n += 1
        cat, name = row
        g.by_hand, g.unclear = True, cat == "UNCLEAR"
        g.unnamed = cat in ("GROUP", "ANON", "WRITER") or (cat == "DOC" and name == "-")
        g.source_name = name if cat in ("PERSON", "ORG", "DOC") and name != "-" else None
    return n


_BODY_OF = {"campaign", "team", "administration", "committee", "government", "company"}
_DOCUMENT_WORDS = {"poll", "polls", "analysis", "survey", "study", "report", "reports", "ad", "video", "daybreak",
                   "filing", "filings", "record", "records", "review", "letter", "statement", "release", "email"}


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[\w.'’-]+", re.sub(r"(?i)^(?:the|an?)\s+|['’]s\b", "", name).lower())
    while words and words[-1] in _DOCUMENT_WORDS:  # "USA TODAY analysis" is USA TODAY's
        words = words[:-1]
    return words


_ORG_TAIL = {"university", "reports", "news", "inc", "corp", "co", "group", "institute", "college", "polling",
             "magazine", "newspaper"}  # not "foundation", "organization": "Clinton" is not the Clinton Foundation


def _partners(name: str) -> list[str]:
    """A joint issuer's partners, and the whole: "Reuters/Ipsos", "Washington Post-ABC News" (a
    hyphen between two names of two words or more; "Fraga-Rosenfeld" is one name)."""
    out = [name] + [x for x in name.split("/") if "/" in name]
    for x in list(out):
        halves = x.split("-")
        if len(halves) == 2 and all(len(h.split()) >= 2 for h in halves):
            out += halves
    return [x.strip() for x in out if x.strip()]


def same_source(ours: str, gold: str) -> bool:
    """Our speaker's name against a hand-resolved Source name: a person by name rules ("Clinton" is
    "Hillary Clinton"); an organisation by its words, where a candidate's campaign or an
    administration is not the candidate ("Trump" is not "Trump campaign", "Donald Trump campaign"
    and "Trump team" are), either partner of a joint poll counts ("Reuters" for "Reuters/Ipsos"), a
    document's noun names its issuer ("Bloomberg poll") and an organisation's generic tail may go
    unsaid ("Quinnipiac" for "Quinnipiac University", never "Clinton" for "Clinton Foundation")."""
    return any(_same_one(o, g) for o in _partners(ours) for g in _partners(gold))


def _same_one(ours: str, gold: str) -> bool:
    if same_person(ours, gold):
        return True
    a = _name_words(re.sub(r"^(?:[a-z]+\s)+", "", ours))  # "federal Securities and Exchange Commission"
    b = _name_words(gold)
    if not a or not b:
        return False
    initials = "".join(w[0] for w in b if w not in ("of", "and", "the", "for"))
    if len(a) == 1 and 2 <= len(a[0]) <= 6 and re.fullmatch(r"[A-Z]+", _name_words(ours)[0].upper()) \
            and ours.split()[0].isupper() and initials.endswith(a[0]):
        return True  # "FEC" is the Federal Election Commission, "IG" the State Department inspector general
    if (a[-1] in _BODY_OF) != (b[-1] in _BODY_OF):
        return False
    if a[-1] in _BODY_OF:
        return {a[-1], b[-1]} <= {"campaign", "team"} | {a[-1]} and (a[:-1] == b[:-1] or bool(
            a[:-1] and b[:-1] and same_person(" ".join(a[:-1]), " ".join(b[:-1]))))
    if a == b or b == a[:len(b)]:
        return True
    # "Suu Kyi" of "Aung San Suu Kyi" (a one-word tail is left to same_person: "Foundation" is nobody)
    if len(a) > 1 and a == b[-len(a):]:
        return True
    return a == b[:len(a)] and (len(a) > 1 or set(b[len(a):]) <= _ORG_TAIL)


def speaker_ok(text: str, g: Relation, p: Pred) -> bool:
    bare = lambda n: re.sub(r"(?i)^the\s+", "", n).lower()  # noqa: E731  "the National Golf Foundation"
    if g.by_hand:
        # a pronoun's span overlapping ours says nothing about whom we took it for: compare names;
        # a Source of several named people ("both men") is right with any of them
        # a joint speaker of ours ("they": "Hillary Clinton and Bernie Sanders", from the pronoun's
        # span) is right when each of its people is one of the Source's
        ours = joint_names(p.speaker) if p.speaker and p.speaker_span and \
            re.fullmatch(r"(?i)they|both", text[p.speaker_span[0]:p.speaker_span[1]]) else [p.speaker]
        return bool(p.speaker and g.source_name) and all(
            any(same_source(o, n) for n in g.source_name.split("; ")) for o in ours)  # type: ignore[union-attr,arg-type]
    if p.speaker_span and g.source and p.speaker_span[0] < g.source[1] and g.source[0] < p.speaker_span[1]:
        return True
    if p.speaker and g.source_name:
        return same_person(p.speaker, g.source_name) or bare(p.speaker) == bare(g.source_name)
    return False


def parsed(split: str, names: list[str], texts: list[str], model: str) -> list:
    """The pipeline's own annotation (``annotate_many``: parser sentences, senter off), kept in a
    DocBin under benchmarks/.cache so that tuning runs do not re-parse 840 articles each time."""
    from spacy.tokens import DocBin

    from storyline.nlp.spacy_pipeline import annotate_many

    nlp = load(model)
    key = hashlib.sha1("\0".join([model, *nlp.pipe_names, *names, *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"polnear-{split}-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = [d for i in range(0, len(texts), 16) for d in annotate_many(texts[i:i + 16], model)]
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def run_polnear(split: str, limit: int | None, model: str, skip: int = 0, dump: list | None = None) -> dict:
    tdir, adir = DATA / split / "text", DATA / split / "attributions"
    anns: dict[str, Path] = {}
    for f in sorted(adir.glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", f.stem)
        anns.setdefault(stem, f)  # one annotator per article: several would count it twice
    names = sorted(anns)[skip:][:limit] if limit else sorted(anns)[skip:]
    texts = [(tdir / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    t0 = time.perf_counter()
    docs = parsed(split, names, texts, model)
    parse_secs = time.perf_counter() - t0
    t0 = time.perf_counter()
    counts = {k: defaultdict(int) for k in ("direct", "indirect", "all")}
    spk = defaultdict(int)
    spk_named = defaultdict(int)
    spk_unnamed = defaultdict(int)
    spk_auto = defaultdict(int)  # the same, with every Source resolved by resolve_sources alone
    spk_unclear = 0
    hand = hand_sources(split)
    hand_articles = {k[0] for k in hand}  # on train, a third of the articles: the speaker score there
    spk_hand_set = defaultdict(int)
    n_hand = 0
    calib: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "correct": 0})
    errors: list[str] = []
    abstained: list[str] = []
    for name, text, doc in zip(names, texts, docs):
        art = Article(id=name, source=name, text=text, language="en")
        mentions = extract_mentions(art, doc)
        found = analyze_quotes(art, mentions, doc)
        preds = [Pred([(q.span.start, q.span.end)], "direct" if q.kind == "direct" else "indirect", q.speaker,
                      (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
                      {"kind": q.kind, "confidence": q.confidence, "cue": q.cue})
                 for q in found.quotes]
        preds = merge_interrupted(text, fold_partials(preds))
        gold = read_ann(anns[name], text)
        resolve_sources(text, gold, [(m.span.start, m.span.end, m.resolved_to or m.span.text, m.label) for m in mentions
                                     if m.label in ("PERSON", "ORG", "GPE", "NORP")])
        n_hand += apply_hand(name, gold, hand)
        for cat in ("direct", "indirect", "all"):
            gs = [g for g in gold if cat == "all" or g.kind == cat]
            ps = [p for p in preds if cat == "all" or p.kind == cat]
            counts[cat]["gold"] += len(gs)
            counts[cat]["pred"] += len(ps)
            counts[cat]["exact"] += len(match(text, gs, ps, exact=True))
            pairs = match(text, gs, ps, exact=False)
            counts[cat]["overlap"] += len(pairs)
            if dump is not None and cat != "all":
                hit_g, hit_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
                show = lambda sp: " | ".join(text[a:b] for a, b in sp)  # noqa: E731
                ctx = lambda sp: text[max(0, sp[0][0] - 150):sp[-1][1] + 150]  # noqa: E731
                for g in gs:
                    if id(g) not in hit_g:
                        dump.append({"article": name, "cat": cat, "error": "missed", "gold": show(g.content),
                                     "span": g.content, "context": ctx(g.content)})
                for g, p in pairs:
                    dump.append({"article": name, "cat": cat, "error": "matched", "pred": show(p.spans),
                                 "kind": p.extra.get("kind"), "cue": p.extra.get("cue"), "span": p.spans})
                for p in ps:
                    if id(p) not in hit_p:
                        dump.append({"article": name, "cat": cat, "error": "spurious", "pred": show(p.spans),
                                     "kind": p.extra.get("kind"), "cue": p.extra.get("cue"), "span": p.spans, "context": ctx(p.spans)})
            if cat == "all":
                for g, p in pairs:
                    if not g.source:
                        continue
                    auto = replace(g, source_name=g.auto[0], unnamed=g.auto[1], by_hand=False, unclear=False)
                    if not auto.unnamed:
                        spk_auto["total"] += 1
                        spk_auto["correct" if p.speaker and speaker_ok(text, auto, p) else "abstained" if p.speaker is None else "wrong"] += 1
                    if g.unclear:
                        spk_unclear += 1
                        continue
                    if g.unnamed:  # nobody to name: leaving the speaker empty is right, as in the stress set
                        spk_unnamed["total"] += 1
                        spk_unnamed["left_empty" if p.speaker is None else "named"] += 1
                        if p.speaker is not None and dump is not None:
                            dump.append({"article": name, "cat": "speaker", "error": "named_unnamed",
                                         "quote": text[p.spans[0][0]:p.spans[-1][1]][:200],
                                         "gold_source": text[g.source[0]:g.source[1]], "got": p.speaker,
                                         "confidence": p.extra.get("confidence"),
                                         "context": text[max(0, g.content[0][0] - 250):g.content[-1][1] + 100]})
                        continue
                    named = g.source_name is not None and any(ch.isupper() for ch in text[g.source[0]:g.source[1]][:1])
                    if p.speaker is not None:
                        conf = calib[f"{p.extra.get('confidence', 0):.2f}"]
                        conf["n"] += 1
                        conf["correct"] += speaker_ok(text, g, p)
                    for bucket, use in ((spk, True), (spk_named, named), (spk_hand_set, name in hand_articles)):
                        if not use:
                            continue
                        bucket["total"] += 1
                        if p.speaker is None:
                            bucket["abstained"] += 1
                            if bucket is spk and len(abstained) < 40:
                                abstained.append(f"{name}: {text[g.content[0][0]:g.content[0][1]][:50]!r} gold "
                                                 f"{text[g.source[0]:g.source[1]]!r}->{g.source_name}")
                        elif speaker_ok(text, g, p):
                            bucket["correct"] += 1
                        else:
                            bucket["wrong"] += 1
                        if bucket is spk and dump is not None and not (p.speaker and speaker_ok(text, g, p)):
                            dump.append({"article": name, "cat": "speaker", "error": "abstained" if p.speaker is None
                                         else "wrong", "quote": text[p.spans[0][0]:p.spans[-1][1]][:200],
                                         "gold_source": text[g.source[0]:g.source[1]], "gold_name": g.source_name,
                                         "by_hand": g.by_hand, "got": p.speaker, "confidence": p.extra.get("confidence"),
                                         "context": text[max(0, g.content[0][0] - 250):g.content[-1][1] + 100]})
                            if bucket is spk and len(errors) < 40:
                                errors.append(f"{name}: {text[g.content[0][0]:g.content[0][1]][:50]!r} gold "
                                              f"{text[g.source[0]:g.source[1]]!r}->{g.source_name} got {p.speaker}")
    secs = time.perf_counter() - t0

    def acc(b: dict) -> dict:
        t = b["total"] or 1
        return {"accuracy": round(b["correct"] / t, 3), "accuracy_when_attributed":
                round(b["correct"] / max(1, b["correct"] + b["wrong"]), 3), **{k: b[k] for k in ("total", "correct", "wrong", "abstained")}}

    return {
        "split": split, "articles": len(names), "seconds": round(secs, 1),
        "parse_seconds": round(parse_secs, 1),
        "content": {cat: {"exact": prf(c["exact"], c["pred"], c["gold"]), "overlap50": prf(c["overlap"], c["pred"], c["gold"])}
                    for cat, c in counts.items()},
        "speaker": acc(spk), "speaker_named_sources": acc(spk_named),
        "speaker_sources_resolved_by_hand": {"relations": n_hand, "unclear_not_scored": spk_unclear,
                                             "file": f"benchmarks/data/polnear_{split}_sources.tsv" if hand else None},
        "speaker_heuristic_resolution": acc(spk_auto),
        "speaker_on_hand_resolved_articles": {"articles": len(hand_articles), **acc(spk_hand_set)},
        "speaker_unnamed_sources": {"left_empty_rate": round(spk_unnamed["left_empty"] / max(1, spk_unnamed["total"]), 3),
                                    **{k: spk_unnamed[k] for k in ("total", "left_empty", "named")}},
        "speaker_by_confidence": {k: {**v, "accuracy": round(v["correct"] / v["n"], 3)} for k, v in sorted(calib.items())},
        "speaker_sure": speaker_sure(calib), "speaker_errors_sample": errors,
        "speaker_abstained_sample": abstained,
    }


def speaker_sure(calib: dict[str, dict[str, int]], goal: float = 0.95, min_n: int = 10) -> dict:
    """The lowest confidence from which every level (with at least ``min_n`` speakers) was right at
    least ``goal`` of the time: the cut a brief may state a speaker above. Compared with the
    setting the product uses, so a drift shows in the result instead of in a brief."""
    level = 1.0
    for k in sorted(calib, key=float, reverse=True):
        v = calib[k]
        if v["n"] >= min_n and v["correct"] / v["n"] < goal:
            break
        level = float(k)
    setting = Settings().speaker_sure
    above = [v for k, v in calib.items() if float(k) >= setting]
    return {"measured": level, "setting": setting, "goal": goal,
            "right_above_setting": round(sum(v["correct"] for v in above) / max(1, sum(v["n"] for v in above)), 3),
            "named_above_setting": sum(v["n"] for v in above)}


def run_stress(model: str) -> dict:
    """Our passages: each names the quotes it must yield (text, kind, speaker or null) and the
    quoted strings that must not become quotes (scare quotes, titles, names)."""
    items = [json.loads(ln) for ln in STRESS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    from storyline.nlp.spacy_pipeline import annotate_many

    found = spk_ok = spk_total = null_ok = null_total = nonq_ok = nonq_total = kind_ok = 0
    n_quotes = 0
    misses: list[str] = []
    for item, doc in zip(items, annotate_many([i["text"] for i in items], model)):
        art = Article(id=item["id"], source=item["id"], text=item["text"], language=item.get("language", "en"))
        try:
            mentions = extract_mentions(art, doc)
        except Exception as e:  # another stage's bug must not hide the rest of the set; it is reported
            misses.append(f"{item['id']}: mention extraction failed ({type(e).__name__}: {e}); scored without mentions")
            mentions = []
        quotes = analyze_quotes(art, mentions, doc if art.language == "en" else None).quotes
        for g in item.get("quotes", []):
            n_quotes += 1
            a = item["text"].find(g["text"])
            b = a + len(g["text"])
            hits = [q for q in quotes if min(q.span.end, b) - max(q.span.start, a) >= 0.5 * (b - a)]
            if a < 0 or not hits:
                misses.append(f"{item['id']}: not found {g['text'][:50]!r}")
                continue
            found += 1
            # the closest match: most shared text, then the tightest span (a partial quote over the
            # reported clause that holds it)
            q = max(hits, key=lambda q: (min(q.span.end, b) - max(q.span.start, a), q.span.start - q.span.end))
            kind_ok += q.kind == g["kind"]
            if g.get("speaker"):
                spk_total += 1
                bare = lambda n: re.sub(r"(?i)^the\s+", "", n or "").lower()  # noqa: E731
                if q.speaker and same_person(q.speaker, g["speaker"]) or bare(q.speaker) == bare(g["speaker"]):
                    spk_ok += 1
                else:
                    misses.append(f"{item['id']}: speaker of {g['text'][:40]!r} gold {g['speaker']} got {q.speaker}")
            else:
                null_total += 1
                if q.speaker is None:
                    null_ok += 1
                else:
                    misses.append(f"{item['id']}: {g['text'][:40]!r} should be unattributed, got {q.speaker}")
        for t in item.get("not_quotes", []):
            nonq_total += 1
            a = item["text"].find(t)
            b = a + len(t)
            if any(min(q.span.end, b) - max(q.span.start, a) > 0 and q.kind != "indirect" for q in quotes):
                misses.append(f"{item['id']}: {t!r} taken as a quote")
            else:
                nonq_ok += 1
    r = lambda x, n: round(x / n, 3) if n else None  # noqa: E731
    return {"passages": len(items), "quotes": n_quotes, "found": r(found, n_quotes), "kind_correct": r(kind_ok, found),
            "speaker_accuracy": r(spk_ok, spk_total), "unattributable_left_empty": r(null_ok, null_total),
            "non_quotes_rejected": r(nonq_ok, nonq_total),
            "counts": {"found": found, "speaker": [spk_ok, spk_total], "null": [null_ok, null_total],
                       "non_quotes": [nonq_ok, nonq_total]},
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--skip", type=int, default=0, help="skip the first N articles (to tune on another slice)")
    ap.add_argument("--no-stress", action="store_true")
    ap.add_argument("--dump", help="write every matched/missed/spurious content span and speaker error here (JSONL)")
    ap.add_argument("--cue-weights", help="score with these learned cue weights (train_cues.py --first N --out FILE) "
                    "instead of the shipped ones: with --skip N, a held-out check of the learned model")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "quotes.json"))
    args = ap.parse_args()
    model = Settings().spacy_model
    result: dict = {"benchmark": "quotes", "machine": machine_info(), "spacy_model": model}
    if args.cue_weights:
        if not Path(args.cue_weights).is_file():
            sys.exit(f"quotes.py: --cue-weights {args.cue_weights}: no such file (write one with train_cues.py --out)")
        os.environ["STORYLINE_CUE_WEIGHTS"] = str(Path(args.cue_weights).resolve())  # read by quotes/learned.py
        result["cue_weights"] = args.cue_weights
    if (DATA / args.split).is_dir():
        dump: list | None = [] if args.dump else None
        result["polnear"] = run_polnear(args.split, args.limit, model, args.skip, dump)
        if args.dump:
            Path(args.dump).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dump or []), encoding="utf-8")
    else:
        print(f"PolNeAR not found at {DATA}; skipping it (see ../shared/data/README.md)", file=sys.stderr)
    if not args.no_stress and STRESS.exists():
        result["stress"] = run_stress(model)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.split == "dev" and not args.limit and not args.skip and not args.cue_weights:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
