"""Quotes and their speakers for one article: the stage entry point.

Order matters: quoted stretches first (so their insides are off-limits to cues and antecedents),
then dash-introduced speech, then indirect speech outside both; speakers from the attribution
clause of the same sentence, else a colon-introduction, a retrospective "This was stated by X",
or the speaker of the quote paragraph just before (continuity).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..ids import span_id
from ..model import Article, Mention, Quote, QuotedTerm
from ..text.datelines import dateline_end
from ..text.glyphs import (APOSTROPHES, CURLY_APOSTROPHE, DOUBLE_CLOSE, DOUBLE_END, DOUBLE_QUOTES, ENGLISH_DOUBLE,
                           Segment, find_segments)
from ..text.paragraphs import paragraph_at, paragraph_spans
from .attribute import (THRESHOLD, Attribution, attribute_in_window, attribute_with_parse, cue_token_ok, lead_name,
                        find_cues, speaker_from_subject, subject_of)
from .characterise import about_whom
from .classify import is_full_quote, term_kind
from .colon import MAX_GAP_WORDS, find_colon_speech
from .dashes import find_dash_quotes
from .headline import headline_report, title_case_report
from .indirect import Reported, naming_clause, reported_by_phrase, reported_from_parse, reported_from_text
from .interview import find_turns, turn_of, turn_speakers
from .lexicon import cue_words
from .learned import reported_from_model
from .people import People
from .sources import unnamed_sources

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Lt|Gen|Col|Capt|Sgt|Sen|Rep|Gov|Jr|Sr|No|Co|Inc|Corp|Ltd|Rev|Hon|"
                     r"Mt|Ft|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|vs|etc|Adm|Maj|Pres|Supt|Dept)|\b[A-Z]|\b\w\.\w)\.$")
_ABBREV_ANY = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.")  # Mr. Sen. D-Md. U.S.
_END = re.compile(r"[.!?…]")
# cues after which a lower-case quote is what is named or relayed, not the whole of what was said
_NOT_WHOLE_REPORT = {"called", "calls", "call", "described", "describes", "according", "quoted", "reported", "reports", "posted"}
_LEAD_CUE = re.compile(r"^(?:He|She|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:also\s+)?(?:added|said|continued|stressed|noted|explained|warned)\b")
_PRIOR_ATTRIBUTION = re.compile(r"[,.!?…—–-]\s*(?:”|\"|'')\s*,?\s*([^" + re.escape(ENGLISH_DOUBLE) + r"\n]{1,120}?)\s*$")
# a signature line: a dash, then who (up to a comma or the line's end), alone in its paragraph
_SIGNATURE = re.compile(r"[\"”’'.,!?…\s]*?\n\s*[-–—―]\s*(?P<who>[A-Z][^\n,]{1,60}?)[.]?(?:,[^\n]{0,120})?[ \t]*(?:\n|$)")
_RETRO = re.compile(r"(?i)^\s*(?:this|that|these words|so|thus)\b[^.]{0,40}?\b(?:stated|said|written|told|declared|belong)\b")


@dataclass(frozen=True)
class Term:
    """A quoted stretch that is not speech: kind is scare, title, headline or term."""

    start: int
    end: int
    kind: str


@dataclass
class Findings:
    quotes: list[Quote] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    open_at: int  # position of the opening mark (or dash)
    close_at: int  # position of the closing mark (or end)
    attribution: list[tuple[int, int]] = field(default_factory=list)
    att: Attribution = field(default_factory=Attribution)
    certain: bool = True  # False for dash paragraphs and quotes never closed: speech only with a cue

    @property
    def quoted_end(self) -> int:
        """Just after the quotation: after its closing mark, or, for one that has none (never closed,
        or a dash paragraph), after its content -- ``close_at + 1`` would claim a mark that is not
        there, one character past the text when the quote runs to its end."""
        return self.close_at + 1 if self.certain else self.close_at


def _qid(article_id: str, start: int, end: int) -> str:
    return span_id("q_", article_id, start, end)


_ATTRIBUTION_TAIL = re.compile(r",\s+(?P<tail>[^,]{3,80}?)[.!?]?\s*$")


def _lost_close(text: str, seg: Segment, paras: list[tuple[int, int]]) -> list[Segment]:
    """A quotation running on into the next paragraph, whose first paragraph ends with its own
    attribution ('“Talks are a formality, the deputy wrote on her page.'), lost its closing mark —
    machine translation often drops it — rather than running on: the convention of reopening each
    paragraph of a long quotation never puts the speaker inside it. Such a segment is split into
    the first paragraph's quote, ending before the attribution, and the quotation the next
    paragraph opens."""
    if seg.paragraphs < 2:
        return [seg]
    first_hi = paragraph_at(paras, seg.start)[1]
    m = _ATTRIBUTION_TAIL.search(text, seg.start, first_hi)
    if not m or not any(w.lower() in cue_words() for w in re.findall(r"\w+", m["tail"])) \
            or not any(w[:1].isupper() for w in m["tail"].split()):
        return [seg]
    nxt = next(((lo, hi) for lo, hi in paras if lo >= first_hi), None)
    if nxt is None:
        return [seg]
    reopen = nxt[0] + len(text[nxt[0]:nxt[1]]) - len(text[nxt[0]:nxt[1]].lstrip())
    head = Segment(seg.start, m.start(), seg.open_glyph, False, 1, seg.open_len, 1)
    rest = Segment(reopen + 1, seg.end, text[reopen], seg.closed, seg.paragraphs - 1, 1, seg.close_len)
    return [head, *_lost_close(text, rest, paras)]


def _sentence_ends(text: str, masked: list[tuple[int, int]]) -> list[int]:
    """Positions just after sentence-final punctuation outside quotes, and after line breaks outside
    quotes: news text is not hard-wrapped, so a single newline ends a paragraph even when nothing
    precedes it but "(Oh hey there, Olivia Pope.)" or a title without a full stop."""
    chars = list(text)
    for a, b in masked:
        for i in range(a, min(b, len(chars))):
            if chars[i] not in "\n":
                chars[i] = "x"
    flat = "".join(chars)
    # the stop may sit inside the closing marks of a title that ends the sentence ("on ''60 Minutes.''");
    # an abbreviation is short, so it is looked for just before the stop (from the text's start, as
    # it was, made this quadratic in the text's length)
    ends = [m.end() for m in re.finditer(r"[.!?…]['’]*(?=[\s" + re.escape(DOUBLE_CLOSE) + r"]*(?:\s|$))", flat)
            if not _ABBREV.search(flat, max(0, m.start() - 12), m.start() + 1)]
    lines = [m.end() for m in re.finditer(r"\n(?!\s*\n)", flat) if not any(a <= m.start() < b for a, b in masked)]
    return sorted(set(ends) | set(lines))


def _region(c: _Cand, text: str, para: tuple[int, int], ends: list[int], others: list[_Cand]) -> tuple[int, int]:
    """The attribution sentence around a quote: from the last sentence end before its opening mark
    to the first one after its closing mark, never crossing another quote of the paragraph."""
    lo, hi = para
    lo = max([lo] + [e for e in ends if e <= c.open_at])
    content = text[c.start : c.end].rstrip()
    after = text[c.close_at + 1 : hi].lstrip(" " + DOUBLE_END + APOSTROPHES)
    if content[-1:] in ".!?…" and (not after or not after[:1].islower()):
        hi = min(hi, c.close_at + 1)
    else:
        hi = min([hi] + [e for e in ends if e > c.close_at])
    for o in others:
        if o is c:
            continue
        if o.close_at < c.open_at and o.close_at + 1 > lo and o.close_at >= para[0]:
            lo = o.close_at + 1
        if o.open_at > c.close_at and o.open_at < hi:
            hi = o.open_at
    return lo, hi


def _cue_tokens(doc: Doc, c: _Cand, lo: int, hi: int, speech: list[tuple[int, int]]) -> list[Token]:
    """Cue tokens of the attribution sentence, in preference order: the syntactic governor of the
    quote first, then by distance from the quote."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return []
    cues = [t for t in span if cue_token_ok(t) and not any(a <= t.idx < b for a, b in speech)]
    if not cues:
        return []
    inside = [t for t in span if c.start <= t.idx < c.end]
    governors: list[Token] = []
    for t in inside[:3] + inside[-3:]:
        for anc in t.ancestors:
            if anc in cues and anc not in governors:
                governors.append(anc)
                break

    def dist(t: Token) -> int:
        return c.open_at - t.idx if t.idx < c.open_at else t.idx - c.close_at

    rest = sorted((t for t in cues if t not in governors), key=lambda t: (dist(t), t.idx < c.open_at))
    if c.kind == "direct":
        return sorted(cues, key=lambda t: (dist(t), t.idx < c.open_at))
    return governors + rest


def _attribute(text: str, doc: Doc | None, people: People, c: _Cand, lo: int, hi: int,
               speech: list[tuple[int, int]]) -> Attribution:
    best = Attribution()
    regions = [(lo, c.open_at), (c.close_at + 1, hi)] + c.attribution
    if doc is not None:
        toks = []
        for a, b in regions:
            if b > a:
                toks += _cue_tokens(doc, c, a, b, speech) if (a, b) not in c.attribution else [
                    t for t in (doc.char_span(a, b, alignment_mode="expand") or []) if cue_token_ok(t)]
        if c.kind == "direct":
            toks.sort(key=lambda t: min(abs(t.idx - c.open_at), abs(t.idx - c.close_at)))
        att = attribute_with_parse(doc, people, toks, speech)
        if att.speaker is not None or att.how == "group":
            return att
        best = att if att.cue else best
    cues = []
    for a, b in regions:
        if b > a:
            cues += [(x, y, w, a, b) for x, y, w in find_cues(text, a, b) if not any(p <= x < q for p, q in speech)]
    cues.sort(key=lambda k: min(abs(k[0] - c.open_at), abs(k[0] - c.close_at)))
    for x, y, w, a, b in cues:
        att = attribute_in_window(text, people, a, b, (x, y, w))
        if att.speaker is not None:
            return att
        if best.cue is None or att.confidence > best.confidence:
            best = att
    return best


def _sentence_after(text: str, pos: int, ends: list[int], paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    nxt = pos
    while nxt < len(text) and (text[nxt].isspace() or text[nxt] in DOUBLE_END + CURLY_APOSTROPHE):
        nxt += 1
    if nxt >= len(text):
        return None
    end = min([e for e in ends if e > nxt] + [paragraph_at(paras, nxt)[1]])
    return nxt, end


def analyze_quotes(article: Article, mentions: list[Mention], doc: Doc | None = None) -> Findings:
    text = article.text
    if article.language not in (None, "en") or (doc is not None and not doc.has_annotation("DEP")):
        doc = None  # an English parse of another language misleads more than it helps; no parse, no tree
    paras = paragraph_spans(text)
    findings = Findings()
    cands: list[_Cand] = []
    dashed = find_dash_quotes(text, paras)
    colons = find_colon_speech(text, paras)
    # '— We stay," he added.', 'He said: We stay," he added.': the closing mark of speech whose
    # opening mark was a dash or lost opens no quotation of its own
    lost_open = {x.close_mark for x in [*dashed, *colons] if x.close_mark is not None}
    for seg in (piece for whole in find_segments(text) for piece in _lost_close(text, whole, paras)):
        if seg.open_at in lost_open:
            continue
        p_lo = paragraph_at(paras, seg.start)[0]
        p_hi = paragraph_at(paras, seg.end)[1]
        tk = term_kind(text, seg.start, seg.end, p_lo, p_hi)
        end = seg.end
        while end > seg.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
            end -= 1
        if tk is not None:
            if tk == "title" and text[end - 1 : end] == "." and text[end - 2 : end - 1].islower():
                end -= 1  # 'is "Fleabag."': the sentence's full stop, not the title's
            findings.terms.append(Term(seg.start, end, tk))
            continue
        cands.append(_Cand(seg.start, end, "direct" if seg.paragraphs > 1 else "?", seg.open_at, seg.close_end - 1,
                           certain=seg.closed))
    quoted = [(c.open_at, c.close_at + 1) for c in cands]
    for dq in dashed:
        if any(a <= dq.start < b for a, b in quoted):
            continue
        close = dq.close_mark if dq.close_mark is not None else dq.end
        cands.append(_Cand(dq.start, dq.end, "direct", dq.start - 1, close, dq.attribution, certain=False))
    for cs in colons:
        if any(a < cs.end and cs.start < b for a, b in quoted) or any(c.start < cs.end and cs.start < c.end for c in cands) \
                or doc is not None and not _speech_verb_before(doc, *cs.intro):
            continue
        close = cs.close_mark if cs.close_mark is not None else cs.end
        cands.append(_Cand(cs.start, cs.end, "direct", cs.start - 1, close, [cs.intro, *([cs.tail] if cs.tail else [])],
                           certain=False))
    cands.sort(key=lambda c: c.start)
    speech = [(c.start, c.end) for c in cands]
    ends = _sentence_ends(text, [(c.open_at, c.close_at + 1) for c in cands])
    subjects = _main_subjects(doc) if doc is not None else None
    people = People(text, mentions, speech, article.id, trust_ner=doc is not None, subjects=subjects)
    turns = find_turns(text, paras, mentions)
    turn_atts = turn_speakers(text, turns, people, doc)

    prev: _Cand | None = None
    for c in cands:
        para = (paragraph_at(paras, c.start)[0], paragraph_at(paras, c.end)[1])
        lo, hi = _region(c, text, para, ends, cands)
        # 'DAYTON (Nordwire) - "We will not …," X said': the wire header is no part of the sentence
        lo += dateline_end(text[lo:c.open_at + 1])
        if c.kind == "?":
            c.kind = "direct" if is_full_quote(text, c.start, c.end, c.open_at, c.close_at, lo, hi) else "partial"
            if c.kind == "partial" and (prev is not None and _resumes(text, prev, c) or _whole_complement(text, c, lo, hi)):
                c.kind = "direct"
        c.att = _attribute(text, doc, people, c, lo, hi, speech)
        if (own := turn_of(turns, turn_atts, c.start, c.end)) is not None:
            c.att = own  # an interview turn is its layout's speaker's, whatever was named last
        elif c.att.speaker is None and c.att.cue is None:
            c.att = _fallbacks(text, doc, people, c, lo, hi, speech, ends, paras, prev)
        if c.att.speaker is not None and c.att.confidence >= THRESHOLD:
            people.heard(c.end, c.att.span)
        prev = c

    _share_sentence_cue(cands, ends)
    for c in cands:
        if c.att.cue is None and c.att.speaker is None and c.att.how != "turn" and (not c.certain or c.kind == "partial"):
            continue  # a dash list item, a stray quotation mark, or quoted words nobody is said to say
        att = c.att.below(THRESHOLD)
        findings.quotes.append(_quote(article, c.start, c.end, c.kind, att))

    # indirect speech outside the quotes
    sents = [(a, b) for a, b in zip([0] + ends, ends + [len(text)])]
    sents = [(a, b) for p in paras for a, b in [(max(x, p[0]), min(y, p[1])) for x, y in sents] if b > a]
    sents = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in sents]
    full_quotes = [(c.start, c.end) for c in cands if c.kind != "partial"]
    partials = [c for c in cands if c.kind == "partial"]
    reported = reported_from_parse(doc, speech, full_quotes) if doc is not None else reported_from_text(text, sents, speech)
    reported += [r for r in reported_by_phrase(text, sents, speech)
                 if not any(x.start < r.end and r.start < x.end for x in reported)]
    if paras and (head := headline_report(text, paras[0], people) or title_case_report(text, paras[0], people)) is not None \
            and not any(x.start < head[1] and head[0] < x.end for x in reported) \
            and not any(a < head[1] and head[0] < b for a, b in full_quotes):
        findings.quotes.append(_quote(article, head[0], head[1], "indirect", head[2]))
    if doc is not None:
        by_char = {t.idx: t for t in doc} if partials else {}
        for c in partials:
            cue = by_char.get(c.att.cue_pos) if c.att.cue_pos is not None else None
            named = naming_clause(cue, (c.open_at, c.close_at + 1)) if cue is not None else None
            if named is not None and not any(x.start < named.end and named.start < x.end for x in reported):
                reported.append(named)
        taken = [(r.start, r.end) for r in reported]
        used = {r.cue.i for r in reported if r.cue is not None}
        # a cue that introduces a quote ('"...," Trump told the crowd.') is that quote's
        quote_cues = {c.att.cue_pos for c in cands if c.att.cue_pos is not None}
        used |= {t.i for t in doc if t.idx in quote_cues}
        reported += [Reported(a, b, cue, (cue.idx, cue.idx + len(cue)), min_words=1)
                     for cue, a, b, _ in reported_from_model(doc, speech, full_quotes, taken, used)]
    for r in reported:
        para = paragraph_at(paras, r.cue_span[0] if r.cue_span else r.start)
        r.start, r.end = max(r.start, para[0]), min(r.end, para[1])
        while r.end > r.start and (text[r.end - 1].isspace() or text[r.end - 1] in ".,;:!?"):
            r.end -= 1
        while r.start < r.end and text[r.start].isspace():
            r.start += 1
        if len(text[r.start:r.end].split()) < r.min_words or any(
                min(r.end, b) - max(r.start, a) > 0.5 * (r.end - r.start) for a, b in (full_quotes if r.cue is not None else speech)):
            continue
        if not _reports_beyond_partials(text, r, partials):
            continue
        if r.cue is not None:
            subj = subject_of(r.cue)
            att = speaker_from_subject(subj, people, r.cue) if subj is not None else Attribution(None, None, r.cue.text, r.cue.idx, 0.1)
            if subj is None:
                # a parse with no subject for the cue ("in St. Clairsville, 62-year-old Brenda Johnson
                # also said" hangs Johnson under "in"): a name right before the cue, as without a parse
                # only a name before it: the one after a verb is its object ("endorsed Cruz"), and
                # must not compete with it ("Trump, in Kentucky, said Tuesday that Rubio ...")
                c1 = r.cue.idx + len(r.cue)
                near = attribute_in_window(text, people, r.cue.sent.start_char, c1, (r.cue.idx, c1, r.cue.lower_))
                if near.speaker is not None and near.how == "name":
                    att = near
                elif (opener := lead_name(r.cue, people)) is not None:
                    att = opener
        else:
            para = paragraph_at(paras, r.start)
            c0, c1 = r.cue_span or (r.start, r.start)
            att = attribute_in_window(text, people, para[0], r.start, (c0, c1, text[c0:c1].lower()))
        if (own := turn_of(turns, turn_atts, r.start, r.end)) is not None:
            att = own
        about = about_whom(r.cue, people, att.speaker) if r.cue is not None else None
        findings.quotes.append(_quote(article, r.start, r.end, "indirect", att.below(THRESHOLD), about))
    findings.quotes.sort(key=lambda q: q.span.start)
    if doc is not None:
        findings.quotes = unnamed_sources(article, doc, findings.quotes, paras, speech)
    return findings


def _speech_verb_before(doc: Doc, lo: int, colon: int) -> bool:
    """Does a speech verb end the clause before a colon ("Petrov said:", "told reporters:")? The
    word lists alone take "states" in "won four states:" and "continued" in "continued growth:"."""
    span = doc.char_span(lo, colon, alignment_mode="contract")
    toks = list(span) if span is not None else []
    return any(cue_token_ok(t) and t.dep_ not in ("amod", "compound", "nmod") for t in toks[-1 - MAX_GAP_WORDS:])


def _share_sentence_cue(cands: list[_Cand], ends: list[int]) -> None:
    """'Berg said the plan was "a reckless gamble" and "a gift to developers"': each quote's
    attribution region stops at its neighbour, so only the partial quote next to the cue finds it;
    every partial quote of a sentence is the same speaker's, so one with no cue of its own takes
    the nearest one's of the same sentence (the one before first)."""
    for c in cands:
        if c.kind != "partial" or c.att.cue is not None or c.att.speaker is not None:
            continue
        mates = [o for o in cands if o is not c and o.att.cue is not None
                 and not any(min(o.open_at, c.open_at) < e <= max(o.open_at, c.open_at) for e in ends)]
        if mates:
            c.att = min(mates, key=lambda o: (o.open_at > c.open_at, abs(o.open_at - c.open_at))).att


def _resumes(text: str, prev: _Cand, c: _Cand) -> bool:
    """'"We have to start treating people the same," he said, "and finding out what they think."':
    the lower-case second half resumes the direct quote its attribution clause interrupted; it is
    direct, not a fragment woven into our sentence."""
    if prev.kind != "direct" or not text[c.start:c.end].lstrip()[:1].islower():
        return False
    between = text[prev.close_at + 1 : c.open_at]
    if "\n" in between or re.search(r"[.!?;:" + re.escape(DOUBLE_QUOTES) + "]", _ABBREV_ANY.sub("", between)):
        return False
    cut_off = "," in text[prev.end:prev.close_at + 1] or text[prev.start:prev.end].rstrip()[-1:] in "—–-…" \
        or between.lstrip()[:1] == ","
    clause = between.strip(" ,\u00a0")
    return cut_off and between.rstrip(" \u00a0").endswith(",") and 1 <= len(clause.split()) <= 15 \
        and bool(find_cues(text, prev.close_at + 1, c.open_at))


def _whole_complement(text: str, c: _Cand, lo: int, hi: int) -> bool:
    """'He says “it’s interesting that a lot of people claim they’re undecided.”', 'Clinton said, “as
    long as we’re not violating any election laws.”': only the speaker and a speech verb precede the
    quote and it ends the sentence, so it is everything the verb reports: a full quote, whatever
    its first letter."""
    before = text[lo:c.open_at].rstrip(" \u00a0")
    tail = before.rstrip(",:").rstrip()
    after = text[c.close_at + 1 : hi].strip()
    if lo > 0 and text[lo - 1] not in ".!?…\n":
        return False  # the region starts at another quote's closing mark: the sentence began before it
    if not tail or "," in tail or re.search(r"\w", after) or len(tail.split()) > 8 \
            or not _END.search(text[c.start:c.close_at].rstrip(" \"”’'")[-1:] or after[:1] or "x"):
        return False  # "In other words, he said, '…'": the fronted words are part of what is reported
    cues = find_cues(text, lo, lo + len(tail))
    return bool(cues) and cues[-1][1] == lo + len(tail) and cues[-1][2] not in _NOT_WHOLE_REPORT \
        and text[cues[-1][0]].islower()


def _main_subjects(doc: Doc) -> set[int]:
    """Start offsets of the subjects a later pronoun may continue: of main clauses, with their
    appositions ("Mr. Trump's campaign chairman, Paul Manafort, dismissed ...": Manafort is who a
    later "he" continues) and the names owning them ("Manafort's tone was defiant. He declined"),
    and of relative and adverbial clauses ("the jobs Weiner has lost. In 2011, he resigned"). Not
    of reported clauses: after "Ryan said Trump must unify the party. He ...", "he" is more often
    Ryan (PolNeAR train, hand-resolved articles: fewer right speakers with them counted)."""
    subj = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ in ("ROOT", "relcl", "advcl") or t.head.dep_ == "conj"
                                                                   and t.head.pos_ in ("VERB", "AUX") and t.head.head.dep_ == "ROOT")]
    return {t.idx for t in subj} | {c.idx for t in subj for c in t.children if c.dep_ == "appos"
                                    or c.dep_ == "poss" and c.pos_ == "PROPN"}


def _reports_beyond_partials(text: str, r, partials: list[_Cand]) -> bool:  # type: ignore[no-untyped-def]
    """A reported clause that is nothing but a partial quote ('says "when you live by the pen,
    you die by the pen"') repeats that quote: dropped; two words around it ('said Trump had "the
    opportunity and the obligation"') already say whom it is about, and stay. Otherwise a partial
    quote the clause cuts off at its closing mark ('his own pen "has got an eraser') is taken in
    whole, so the clause holds the quote it reports."""
    inside = [c for c in partials if c.start < r.end and r.start < c.end]
    if not inside:
        return True
    outside = text[r.start:r.end]
    for c in sorted(inside, key=lambda c: -c.start):
        outside = outside[: max(0, c.open_at - r.start)] + outside[max(0, c.close_at + 1 - r.start):]
    if len(re.findall(r"[^\W\d_]{2,}", outside)) < min(2, r.min_words):
        return False
    last = max(inside, key=lambda c: c.close_at)
    if r.end <= last.close_at < r.end + 3:
        r.end = max(r.end, last.quoted_end)
    return True


def _fallbacks(text: str, doc: Doc | None, people: People, c: _Cand, lo: int, hi: int,
               speech: list[tuple[int, int]], ends: list[int], paras: list[tuple[int, int]],
               prev: _Cand | None) -> Attribution:
    """No cue in the quote's own sentence: a colon introduction before it, a retrospective
    attribution after it, or the speaker of the quote just before."""
    para = paragraph_at(paras, c.start)
    # '"Let me talk," Trump shot back.', '"Go back to Univision," Trump barked and a guard led Ramos
    # out': the first verb right after the quote, with its subject there too, attributes it
    tail = text[c.close_at + 1 : hi]
    if doc is not None and c.kind == "direct" and tail[:1] in (",", " ") and tail.split() \
            and (span := doc.char_span(c.close_at + 1, hi, alignment_mode="contract")) is not None:
        for tok in span:
            if len(text[c.close_at + 1 : tok.idx].split()) > 4:
                break
            if tok.pos_ != "VERB":
                continue
            subj = next((x for x in tok.children if x.dep_ == "nsubj" and x.i in range(span.start, span.end)), None)
            if subj is None:
                continue
            att = speaker_from_subject(subj, people, tok)
            if att.speaker is not None and att.how in ("name", "org"):
                att.confidence = min(att.confidence, 0.85)
                return att
    # '"Elections matter," Kelly said. "Look at the records."': the attribution between the quote
    # before (even one taken for a term) and this one, in the same paragraph
    prior = _PRIOR_ATTRIBUTION.search(text, para[0], c.open_at) if c.kind == "direct" else None
    if prior is not None and len(prior.group(1).split()) <= 14 and find_cues(text, prior.start(1), prior.end(1)):
        dummy = _Cand(c.start, c.end, c.kind, c.open_at, c.close_at)
        att = _attribute(text, doc, people, dummy, prior.start(1), c.close_at + 1, speech)
        inside = att.span is not None and prior.start(1) <= att.span[0] < c.open_at
        if att.speaker is not None and (inside or att.how in ("pronoun", "role")):
            att.confidence = min(att.confidence, 0.85)  # not a name in the quote before ('"Meh," wrote a supporter')
            return att
    # "She said:" closing the previous paragraph or sentence
    before = text[:c.open_at].rstrip()
    if before.endswith(":"):
        sent_lo = max([0] + [e for e in ends if e < len(before) - 1])
        cues = find_cues(text, sent_lo, len(before))
        if cues:
            dummy = _Cand(c.start, c.end, c.kind, c.open_at, c.close_at)
            att = _attribute(text, doc, people, dummy, sent_lo, c.open_at, speech)
            if att.speaker is not None:
                return att
        # "President Clinton released the following statement:" -- the intro's grammatical subject
        if doc is not None and (att := _intro_speaker(people, doc.char_span(sent_lo, len(before), alignment_mode="expand"),
                                                      sent_lo, 0.75)) is not None:
            return att
        # "Lars Eriksen, the harbour master, put it simply:" -- one person introduces the quote
        intro = {r.name for r in people.refs if sent_lo <= r.start < len(before) and r.kind == "person"}
        if len(intro) == 1:
            r = next(r for r in people.refs if sent_lo <= r.start < len(before) and r.name in intro)
            return Attribution(r.name, (r.mention.span.start, r.mention.span.end), None, None, 0.7, "name")
        # "Okafor: 'We will not sign'" -- a bare surname the NER missed, of a person named in full elsewhere
        label = text[sent_lo : len(before) - 1].strip()
        if re.fullmatch(r"[A-Z][\w'’-]+", label) and (r := people.surname(label, len(text))) is not None:
            a = sent_lo + text[sent_lo:].index(label)
            return Attribution(r.name, (a, a + len(label)), None, None, 0.7, "name")
    if before.endswith(",") and c.kind == "direct" and doc is not None:
        # "Trump issued a statement, “Last night …”", "Clinton shared her worry with donors, “I do
        # not know …”": the clause before the comma introduces the quote; its subject speaks
        # (a comma ends many an opening phrase: only a main verb's subject, named, a pronoun or a body)
        sent_lo = max([0] + [e for e in ends if e < len(before) - 1])
        span = doc.char_span(sent_lo, len(before) - 1, alignment_mode="contract")
        if (att := _intro_speaker(people, span, sent_lo, 0.7, strict=True)) is not None:
            return att
    if c.kind == "direct" and (sig := _signature(text, people, c.close_at + 1)) is not None:
        return sig
    # "This was stated by Anna Lindqvist, …" -- the speaker named only in the next sentence
    nxt = _sentence_after(text, max(c.close_at + 1, hi), ends, paras)
    if nxt is not None and not any(nxt[0] <= a < nxt[1] for a, _ in speech):
        a, b = nxt
        s = text[a:b]
        lead = _LEAD_CUE.match(s)
        # '"Not us but can't argue with it!" Murphy, the head of Right to Rise, tweeted on Friday':
        # the attribution runs on right after the closing mark, its cue within the first words
        cues = find_cues(text, a, b)
        runs_on = c.kind == "direct" and bool(cues) and "\n" not in text[c.close_at + 1:a] and len(text[a:cues[0][0]].split()) <= 8
        if runs_on and doc is not None:
            att = _attribute(text, doc, people, _Cand(c.start, c.end, c.kind, c.open_at, c.close_at), c.open_at, b, speech)
            if att.speaker is not None:
                att.confidence = min(att.confidence, 0.85)
                return att
        if _RETRO.match(s) or (len(s.split()) <= 6 and cues) or lead or runs_on:
            for cue in find_cues(text, a, b):
                att = attribute_in_window(text, people, a, b, cue)
                if att.speaker is not None:
                    att.confidence = min(att.confidence, 0.85)
                    return att
            if _RETRO.match(s):  # "These words belong to a senior diplomat": attributed, to nobody named
                return Attribution(None, None, _RETRO.match(s).group(0).strip(), a, 0.3, "group")  # type: ignore[union-attr]
    # a short introducing paragraph just before: "General Omar Haidari described the retreat."
    if c.open_at >= 0 and not text[para[0]:c.open_at].strip() and c.kind == "direct":
        prev_para = next(((a, b) for a, b in paras if b <= para[0] and not text[b:para[0]].strip()), None)
        if prev_para is not None and len(text[prev_para[0]:prev_para[1]].split()) <= 25 and \
                find_cues(text, *prev_para) and not any(prev_para[0] <= a < prev_para[1] for a, _ in speech):
            intro = [r for r in people.refs if prev_para[0] <= r.start < prev_para[1] and r.kind == "person"]
            if len({r.name for r in intro}) == 1:
                r = intro[0]
                return Attribution(r.name, (r.mention.span.start, r.mention.span.end), None, None, 0.6, "name")
    # continuity: the same voice as the quote paragraph right before
    if prev is not None and prev.att.speaker is not None and c.kind == "direct":
        between = text[prev.close_at + 1 : c.open_at]
        prev_para = paragraph_at(paras, prev.start)
        adjacent = prev_para == para or (prev_para[1] <= para[0] and not text[prev_para[1]:para[0]].strip())
        if adjacent and not re.search("[" + re.escape(DOUBLE_QUOTES) + "]", between) and len(between.split()) <= 40:
            att = Attribution(prev.att.speaker, prev.att.span, prev.att.cue, prev.att.cue_pos,
                              min(prev.att.confidence, 0.75), "continuity")
            return att
    return Attribution()


def _signature(text: str, people: People, pos: int) -> Attribution | None:
    """A quote signed on the line after it, as fact checks, pull quotes and epigraphs do:
    '"… not accurate."' then '- Sanders.' or '—President Obama, tweeting after Clinton's speech.'
    The signature names the speaker and nothing else, so any name opening it is the one."""
    m = _SIGNATURE.match(text, pos)
    if m is None:
        return None
    a, b = m.span("who")
    r = people.at(a, b)
    # the name closes the signature, after at most a title ("- President Obama"), unlike a list item
    # that starts with a name ("- Trump's tax plan would cut rates")
    if r is not None and a <= r.start and r.mention.span.end >= b and len(text[a:r.start].split()) <= 3:
        return Attribution(r.name, (r.mention.span.start, r.mention.span.end), None, None, 0.85, "name")
    words = m.group("who").split()  # a bare surname the NER missed ("- Sanders.")
    if len(words) == 1 and (r := people.surname(words[0], pos)) is not None:
        return Attribution(r.name, (a, b), None, None, 0.85, "name")
    return None


def _intro_speaker(people: People, span, sent_lo: int, cap: float, strict: bool = False) -> Attribution | None:  # type: ignore[no-untyped-def]
    """The grammatical subject of the clause that introduces a quote after a colon or a comma, as
    its speaker with no cue and at most ``cap`` confidence; ``strict`` wants the clause's main verb
    and a named, pronoun or body speaker."""
    root = span.root if span is not None and len(span) else None
    if root is None or strict and not (root.pos_ == "VERB" and root.dep_ == "ROOT"):
        return None
    subj = subject_of(root)
    if subj is None or subj.idx < sent_lo:
        return None
    att = speaker_from_subject(subj, people, root)
    if att.speaker is None or strict and att.how not in ("name", "pronoun", "org"):
        return None
    att.cue, att.confidence = None, min(att.confidence, cap)
    return att


def _quote(article: Article, start: int, end: int, kind: str, att: Attribution, about: str | None = None) -> Quote:
    return Quote(
        id=_qid(article.id, start, end), span=article.span(start, end), text=article.text[start:end],
        kind=kind,  # type: ignore[arg-type]
        speaker=att.speaker, speaker_span=article.span(*att.span) if att.span and att.speaker else None,
        cue=att.cue, confidence=round(att.confidence, 2), about=about,
    )


def extract_quotes(article: Article, mentions: list[Mention], doc: Doc | None = None) -> list[Quote]:
    """The speech quotes of an article (terms and scare quotes are left out; see analyze_quotes)."""
    return analyze_quotes(article, mentions, doc).quotes


def extract_quotes_and_terms(article: Article, mentions: list[Mention],
                             doc: Doc | None = None) -> tuple[list[Quote], list[QuotedTerm]]:
    """The stage entry point: speech quotes, and the quoted stretches that are not speech."""
    found = analyze_quotes(article, mentions, doc)
    terms = [QuotedTerm(id=span_id("qt_", article.id, t.start, t.end), span=article.span(t.start, t.end),
                              text=article.text[t.start:t.end], kind=t.kind)  # type: ignore[arg-type]
             for t in found.terms if t.end > t.start]
    return found.quotes, terms
