"""Indirect (reported) speech: "X said (that) …", "X told <outlet> that …", "according to X, …",
"X believes …", and, without a parse, "<cue>, <clause>" as German or French reports write it.

Why from the parse: the reported clause is the cue verb's clausal complement, so its extent comes
from the tree instead of guessing where the clause ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..text.glyphs import DOUBLE_CLOSE, DOUBLE_END, DOUBLE_QUOTES
from ..text.paragraphs import paragraph_at, paragraph_spans
from .attribute import cue_token_ok, find_cues, finding_document, subjects_nearest_first
from .extent import trim_trailing
from .lexicon import discourse_markers, report_cues

# cues that take a clause but do not report speech content
_NOT_REPORTING = {"called", "calls", "described", "describes", "quoted",
                  "continued", "repeated", "pointed"}
_LEAD = {"that", "whether", "if", "dass", "que", "что", "що", ","}
_MARKER_OPENERS = {"but", "and", "also", "meanwhile", ",", "\n"}  # "But recall that ...": still the writer
_MARKER_WORDS = 6  # tokens of the longest discourse marker ("as a reminder , recall")


@dataclass
class Reported:
    start: int
    end: int
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    min_words: int = 3  # a learned cue's content may be shorter ("endorsed Trump")


def _trim_tokens(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].lower_ in _LEAD or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in tuple(DOUBLE_END):
        toks = toks[:-1]
    return toks


def _overlaps(a: int, b: int, spans: list[tuple[int, int]], share: float) -> bool:
    return any(min(b, y) - max(a, x) > share * (b - a) for x, y in spans)


def discourse_marker(tok: Token) -> bool:
    """'That said, …' and 'Having said that, …' link the writer's sentences, and 'Recall that …',
    'It should be noted that …' (resources/quotes/discourse_markers_*.txt) point the reader at a
    fact: nobody speaks."""
    doc, i = tok.doc, tok.i
    if tok.lower_ != "said" and not any(doc[j].is_sent_start for j in range(max(0, i - 2 * _MARKER_WORDS), i + 1)):
        return False  # far from its sentence's start: no marker holds it (spares finding the sentence)
    sent = tok.sent
    first = sent.start
    while first < i and doc[first].lower_ in _MARKER_OPENERS:
        first += 1
    # the token is one of a marker's words: "It is worth recalling" holds "is" and "recalling"
    lead = [t.lower_ for t in doc[first : min(sent.end, first + _MARKER_WORDS)]]
    for n in range(i - first + 1, len(lead) + 1):
        if " ".join(lead[:n]).replace(" ,", ",").replace(" 's", "'s") in discourse_markers():
            return True
    if tok.lower_ != "said" or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1].lower_, doc[i + 1].lower_
    return (before == "that" and after == "," and bool(doc[i - 1].is_sent_start)) or (before == "having" and after == "that")


def _in_paragraph(toks: list[Token], para: tuple[int, int]) -> list[Token]:
    """The cue's paragraph only: the parser runs a sentence on across a paragraph break ('X said
    that A.' then a quote paragraph closed by '", Y said.'), making the first cue's clause part of
    the second's; kept whole, that outer report swallows the inner one as nested and is then cut
    to the quote's paragraph and dropped as the quote's, so 'X said that A' is lost."""
    lo, hi = para
    return [t for t in toks if lo <= t.idx < hi]


def _longest_run(toks: list[Token]) -> list[Token]:
    """'Now, according to the poll, some are swinging': the content is split by the attribution
    phrase; a quote is one stretch of text, so the longer side stands for it."""
    runs: list[list[Token]] = []
    for t in sorted(toks, key=lambda t: t.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return max(runs, key=lambda r: sum(not t.is_punct for t in r)) if runs else []


def _report_cue_ok(tok: Token) -> bool:
    """'found', 'showed', 'feels': a report only as a verb with a clause of its own."""
    if tok.lower_ not in report_cues() or tok.pos_ != "VERB" or not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    # "you know", "I feel": the writer's or the speaker's own voice, not a report of someone's
    return not any(c.dep_ == "nsubj" and c.lower_ in ("i", "you", "we") for c in tok.children)


def _first_conjoined_cue(toks: list[Token], comp: Token) -> int | None:
    """'says he met the governor and says that talks went well', 'said A, telling reporters that
    B': a second cue inside the clause, with a clause of its own, starts a report of its own;
    where the first one ends."""
    for t in toks:
        if t.i > comp.i and t.dep_ in ("conj", "advcl") and t.head.i >= comp.i and (
                (cue_token_ok(t) or _report_cue_ok(t)) and t.lower_ not in _NOT_REPORTING and any(c.dep_ == "ccomp" for c in t.children)
                or t.lower_ in _NAMING and any(c.dep_ in ("dobj", "oprd") for c in t.children)):
            return t.left_edge.i
    return None


def _fronted_report(cue: Token) -> list[Token]:
    """'A girl was pepper-sprayed by a bystander, police said.', '…, she said.', '…, said Angie
    Holan, the editor.': an attribution closing its sentence after a comma reports all that comes
    before the comma, however the parser hung the two together."""
    sent = cue.sent
    subjects = subjects_nearest_first(cue, ("nsubj", "nsubjpass"))
    if not subjects:
        return []
    subj = subjects[0]
    if cue.dep_ == "relcl" or subj.lower_ in ("who", "which", "that", "whom"):
        return []  # "… to Hillary Clinton, who added to her delegate lead.": a relative clause, not an attribution
    start = subj.left_edge.i if subj.i < cue.i else cue.i
    comma = start - 1
    if comma <= sent.start + 2 or cue.doc[comma].text != ",":
        return []
    # after the cue, only its own time, place or manner ("said Tuesday", "said in a statement") and,
    # inverted, its subject: "Shortly after my sentence, I announced my resignation" reports nothing
    allowed = {t.i for c in cue.children if c.dep_ in ("npadvmod", "advmod", "prep", "punct") or c is subj
               for t in c.subtree}
    rest = [t for t in sent if t.i > cue.i]
    if any(t.i not in allowed and not t.is_punct or t.pos_ in ("VERB", "AUX") or t.text in (*DOUBLE_CLOSE, ":")
           for t in rest):
        return []  # "…, he said:" opens a quote; it does not close a report
    before = [t for t in sent if t.i < comma]
    # a clause, not an opening phrase ("In a speech last July, he said", "Most of the time, I think")
    return before if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before) else []


def reported_from_parse(doc: Doc, speech: list[tuple[int, int]],
                        full_quotes: list[tuple[int, int]] | None = None) -> list[Reported]:
    """Reported clauses of the cues outside ``speech``; a clause mostly made of a direct quote in
    ``full_quotes`` (default: all of speech) is that quote's, not a report of its own -- a partial
    quote inside a clause ('says he "appreciates the professionalism"') is not."""
    full_quotes = speech if full_quotes is None else full_quotes
    paras = paragraph_spans(doc.text)
    out: list[Reported] = []
    for tok in doc:
        if not (cue_token_ok(tok) or _report_cue_ok(tok) or finding_document(tok) is not None) or tok.lower_ in _NOT_REPORTING:
            continue
        if any(a <= tok.idx < b for a, b in speech):
            continue  # a cue inside someone's quote is part of what they said
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say how many were lost" reports nothing
        if discourse_marker(tok):
            continue
        toks: list[Token] = []
        if tok.lower_ in ("according", "in"):
            # the whole sentence reports, not only the clause the phrase hangs on ("Clinton drew
            # women, while Sanders was outpacing her among men, according to exit polls")
            skip = {t.i for t in tok.subtree}
            toks = _longest_run([t for t in tok.sent if t.i not in skip]) if tok.head is not tok else []
        else:
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if not comps:  # "said in a statement that ...", "told reporters in an interview that ..."
                for prep in (c for c in tok.children if c.dep_ == "prep"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        comps += [c for c in pobj.children if c.dep_ in ("acl", "ccomp", "relcl")
                                  and any(t.lower_ == "that" and t.dep_ == "mark" for t in c.children)]
            as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            if not comps and (front := _fronted_report(tok)):
                toks = front
            elif not comps and (tok.dep_ == "parataxis" or as_clause):
                # "X, he said.", "A new manager, he said, could set a new tone" and "As Crane said,
                # X": the sentence around the cue's clause; split by it, the longer side stands
                # for the report
                skip = {t.i for t in tok.subtree}
                toks = _longest_run([t for t in tok.head.subtree if t.i not in skip and t.sent == tok.sent])
            elif comps:
                # the nearest clause after the cue: a later "ccomp" is most often a misparse of a
                # second report ('said A, telling B that C')
                comp = next((c for c in comps if c.i > tok.i), comps[0])
                toks = list(comp.subtree)
                cut = _first_conjoined_cue(toks, comp)
                if cut is not None:
                    toks = [t for t in toks if t.i < cut]
                    while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                        toks = toks[:-1]
                if comp.i > tok.i:
                    # "said that A, but B" / "said A, but that B": the report runs to the end of the
                    # cue's sentence; without a "that" ("says A, but for Republicans B") the rest is
                    # the writer's
                    tail = [t for t in tok.sent if t.i > toks[-1].i]
                    if cut is None and tail and tail[0].lower_ in (",", "and", "but") and not any(cue_token_ok(t) for t in tail) \
                            and any(t.lower_ == "that" and t.dep_ == "mark" for t in [*comp.children, *tail[:3]]):
                        toks += tail
        toks = trim_trailing(_trim_tokens(_in_paragraph(toks, paragraph_at(paras, tok.idx))))
        if len([t for t in toks if t.is_alpha]) < 3:
            continue
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        if _overlaps(a, b, full_quotes, 0.5):
            continue
        out.append(Reported(a, b, tok, (tok.idx, tok.idx + len(tok))))
    # a clause reported by two cues ("said ... and added that ...") keeps the outer one only
    out.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Reported] = []
    for r in out:
        if kept and r.start < kept[-1].end and r.end <= kept[-1].end and r.cue_span and kept[-1].start <= r.cue_span[0] < kept[-1].end:
            if kept[-1].cue is not None and kept[-1].cue.lower_ in ("according", "in"):
                # "Weaver says it's proof ..., according to the AP": the agency vouches for a report
                # that has a speaker of its own; his words are the report
                kept[-1] = r
            continue  # nested inside an earlier reported clause: speech within speech
        kept.append(r)
    return kept


_SENT_END = re.compile(r"(?<=[.!?])\s+")


def reported_from_text(text: str, sentences: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Reported]:
    """Without a parse: '<cue> [up to 5 words], <clause>' and '<cue> that/dass <clause>'."""
    out: list[Reported] = []
    for lo, hi in sentences:
        for c0, c1, cue in find_cues(text, lo, hi):
            if cue in _NOT_REPORTING or any(a <= c0 < b for a, b in speech):
                continue
            m = re.match(r"(?:[^,.;:" + re.escape(DOUBLE_QUOTES) + r"]{0,50}?)(?:,\s*(?:dass|that|que|что|що)?\s*|\s+(?:dass|that|que|что|що)\s+)", text[c1:hi])
            if not m:
                continue
            a = c1 + m.end()
            b = hi
            while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?;,"):
                b -= 1
            if len(text[a:b].split()) < 3 or _overlaps(a, b, speech, 0.5):
                continue
            out.append(Reported(a, b, None, (c0, c1)))
            break
    return out


_VIEW = re.compile(r"(?i)\b(?:in\s+(?:his|her)\s+(?:view|opinion|words)|in\s+the\s+(?:view|opinion|words)\s+of\s+[^,]{2,60}),\s*")


def reported_by_phrase(text: str, sentences: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Reported]:
    """'In her view, <clause>' / 'In the words of X, <clause>': a report with no verb to parse."""
    out: list[Reported] = []
    for lo, hi in sentences:
        m = _VIEW.match(text, lo) or _VIEW.search(text, lo, hi)
        if not m or m.start() - lo > 3:
            continue
        a, b = m.end(), hi
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?;,"):
            b -= 1
        if len(text[a:b].split()) < 3 or _overlaps(a, b, speech, 0.5):
            continue
        cue_end = m.start() + len(m.group(0).rstrip(", "))
        out.append(Reported(a, b, None, (m.start(), cue_end)))
    return out


# verbs that name or characterise: 'called him "a total stiff"', 'described the ground as "Swiss cheese"'
_NAMING = {"call", "calls", "called", "calling", "described", "describes", "describe", "describing", "dubbed",
           "labeled", "labelled", "branded", "termed", "deemed"}
_NAMING_DEPS = {"dobj", "oprd", "ccomp", "xcomp", "attr", "advcl"}


def naming_clause(cue: Token, quote: tuple[int, int]) -> Reported | None:
    """The characterisation a partial quote belongs to: the naming verb's object and what it is
    called ('him "a total stiff"', 'the ground as "Swiss cheese"'), which is one report in
    PolNeAR's scheme -- the quoted words alone lose whom they are said of."""
    if cue.lower_ not in _NAMING:
        return None
    toks: list[Token] = []
    for c in cue.children:
        if c.i > cue.i and (c.dep_ in _NAMING_DEPS or c.dep_ == "prep" and c.lower_ == "as"):
            toks += list(c.subtree)
    toks = _trim_tokens(sorted(toks, key=lambda t: t.i))
    if len(toks) < 2:
        return None
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    if not (a < quote[0] and quote[1] <= b + 2) or "\n\n" in cue.doc.text[a:b]:
        return None  # the quoted words are the whole object ('called for "a full inquiry"'), or beyond it
    return Reported(a, b, cue, (cue.idx, cue.idx + len(cue)), min_words=1)
