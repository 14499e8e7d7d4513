"""Cleaning of text copied from web pages: a line classifier plus header/footer metadata.

No HTML structure helps here, so each line is judged on three kinds of evidence, as jusText does
for HTML blocks: what it says (UI patterns kept as data, in several languages), what it looks like
(length, stopword density, sentence punctuation, separators, script) and where it is (before the
first or after the last real paragraph, inside a list of links). Every dropped line is kept with
its reason in ``Article.removed`` so a user can audit each removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Provenance, RemovedLine
from ..resources import table
from ..text.datelines import dateline_date, parse_dateline
from ..text.layout import blocks, paragraph_layout, runs_of
from ..time.calendar_words import calendar
from . import header
from .linefeatures import LineFeatures, line_features, script_of, scripts_in, stopwords
from .provenance import (Translation, first_appeared, label_value_credit, norm_name, same_outlet,
                         source_value, split_tail_credit, translation_credit, wire_inline, wire_tail)

_DIGIT = re.compile(r"\d")
# a line that ends by naming its speaker is a quote or a report, not a headline
_ATTRIBUTED = re.compile(r"[,\"”»]\s*(?:\w+\s+){0,4}(?:said|says|told|added|asked|wrote)\b[^.]*\.?$")
_INTRODUCED_QUOTE = re.compile(r":\s*[\"“„«]")  # 'X said on Friday: "We will not wait."'
_LABEL_REASONS = {"source": "source-credit", "sources": "source-list", "translation": "translation-credit"}
_INLINE_FURNITURE = frozenset({"credit", "advert"})
MIN_RUN = 6  # short lines in a row inside the body that make a menu or teaser list
_TABLE_ROW = re.compile(r"^\|.*\|$")  # a table row (as extractors render tables), not a menu
_LABEL = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}\s*[:!]?$")  # words only: a UI label, not a name/URL


def _sentence_like(f: LineFeatures) -> bool:
    """Ends like a sentence and reads like one (a few words, some function words)."""
    return f.sentence_end and f.words >= 3 and f.stop_density > 0 and f.segments <= 1 \
        and not f.line.rstrip("\"”»’')]").endswith("?")


_MINOR = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


def _headline_case(line: str) -> bool:
    """Title Case: nearly every word but the minor ones capitalised ('Clinton Was Headed to ER But
    Diverted'), which prose, even German prose with its capitalised nouns, is not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _MINOR]
    if not 4 <= len(words) <= 25 or line.count('"') or any(c in line for c in "“”«»"):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.85


# headings that claim the lines under them, and what a claimed line looks like
_LIST_HEADINGS = frozenset({"related", "tags", "questions", "summary"})
_BULLET = re.compile(r"^(?:[-–•*·▪►✓]\s|\d{1,2}[.)]\s)")


def _claimed_by(heading: str, line: str, f: LineFeatures) -> bool:
    """A line under a list heading belongs to its list: headlines under "Related", questions under
    "Questions to consider", bullet points under an (often machine-written) "Summary"."""
    if heading == "questions":
        return line.rstrip().endswith("?")
    if heading == "summary":
        return bool(_BULLET.match(line))
    return not f.is_prose


def _retells(headline: str, lead: str, stops: frozenset[str]) -> bool:
    """The lead paragraph repeats most of a headline's content words (compared on their first five
    letters, so "calls"/"called" and "apologize"/"apologized" match)."""
    def stems(s: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[^\W\d_]+", s.casefold()) if w not in stops and len(w) > 2}

    head = stems(headline)
    return len(head) >= 2 and len(head & stems(lead)) >= 0.5 * len(head)


def _body_line(f: LineFeatures) -> bool:
    """Prose, or a full sentence of some length even if dense in names and numbers (sports results)."""
    return f.is_prose or (_sentence_like(f) and f.words >= 8)


@dataclass
class Cleaned:
    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str = "unknown"
    provenance: Provenance = field(default_factory=Provenance)
    quality: list[str] = field(default_factory=list)
    url: str | None = None  # an address line at the top of a paste


@cache
def _line_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(reason, re.compile(rx, re.I)) for reason, rx in table("boilerplate/line_patterns.tsv")]


def match_pattern(line: str) -> str | None:
    """The kind of page furniture a line is, by its wording (data in line_patterns.tsv)."""
    for reason, rx in _line_patterns():
        if rx.search(line):
            return reason
    return None


def _wraps(line: str) -> bool:
    """A hard-wrapped line: long, and stopping where no sentence or heading stops."""
    return len(line) >= 60 and not re.search(r"[.!?:;\"”»]\s*$", line)


class _Cleaner:
    def __init__(self, raw: str, meta_title: str | None, outlet: str | None, language: str | None,
                 extracted: bool = False):
        # an extractor's output has a paragraph per block already, but it breaks a sentence or a
        # quotation wherever the page did, as pastes do: both go through the one layout reader
        layout = paragraph_layout(raw)
        self.lines, self.parts, self.raw_lines = list(layout.lines), layout.parts, layout.raw_lines
        self.wrapped = layout.wrapped
        self.out = Cleaned(text="", title=meta_title, outlet=outlet)
        self.stops = stopwords(language)
        self.language = language
        self.feats: list[LineFeatures | None] = [line_features(ln, self.stops) if ln else None for ln in self.lines]
        self._read_wrapped_as_paragraphs()
        self.reasons: dict[int, str] = {}
        self.published_kind: str | None = None
        self.comments_at: int | None = None  # where a reader-comments section starts, if any
        self.pending_outlets: list[tuple[str, str | None]] = []  # credited once the page's outlet is known
        self.extracted = extracted  # text an HTML extractor isolated (blank line after every paragraph)

    def _read_wrapped_as_paragraphs(self) -> None:
        """Hard-wrapped prose (lines of 60+ characters stopping mid-sentence) is judged as the
        paragraph it belongs to: line by line each piece lacks a sentence end and looked like a
        header, so an opening paragraph was dropped. A list of headlines also stops without a full
        stop, but each of its lines starts with a capital; a wrapped paragraph continues in
        lower case at least half the time."""
        for block in blocks(self.lines):
            run: list[int] = []
            for i in block + [-1]:
                if i >= 0 and (not run or _wraps(self.lines[run[-1]])):
                    run.append(i)
                    continue
                lower = sum(self.lines[j][:1].islower() for j in run[1:])
                if len(run) > 1 and 2 * lower >= len(run) - 1:
                    joined = line_features(" ".join(self.lines[j] for j in run), self.stops)
                    if joined.is_prose:
                        for j in run:
                            self.feats[j] = joined
                run = [i] if i >= 0 else []

    # -- evidence --------------------------------------------------------------------------------
    def drop(self, i: int, reason: str) -> None:
        self.reasons.setdefault(i, reason)

    def credits(self) -> None:
        """Credit lines anywhere: translation, first publication, editing notes."""
        for i, ln in enumerate(self.lines):
            if not ln:
                continue
            if t := translation_credit(ln):
                self._translated(t)
                self.out.provenance.credits.append(ln)
                self.drop(i, "translation-credit")
            elif who := first_appeared(ln):
                self.out.provenance.syndicated_from = self.out.provenance.syndicated_from or who
                self.out.provenance.credits.append(ln)
                self.drop(i, "syndication-credit")

    def split_credits(self) -> None:
        """Credits that span two lines or share one with the text: a "Source:" label with its value
        on the next line, and a wire tag glued to a paragraph's last sentence ("… he added./ AFP").
        The tag is cut off and the sentence kept: it often carries the article's last quote. An
        outlet named here is credited after the header is read, when the page's own outlet is known
        (a page crediting itself is not a copy)."""
        n = len(self.lines)
        for i, ln in enumerate(self.lines):
            if not ln or i in self.reasons:
                continue
            nxt = self.lines[i + 1] if i + 1 < n else None
            if nxt and i + 1 not in self.reasons and (lc := label_value_credit(ln, nxt)):
                if lc.kind == "translation" and lc.translation:
                    self._translated(lc.translation)
                if lc.kind in ("source", "translation"):
                    self.out.provenance.credits.append(lc.joined)
                if lc.kind == "source" and lc.name:
                    self.pending_outlets.append((lc.name, None))
                reason = _LABEL_REASONS.get(lc.kind, "credit")
                self.drop(i, reason)
                self.drop(i + 1, reason)
                continue
            # a tag ends a paragraph; in a paste the lines under it may be furniture of no blank line
            ends_paragraph = self.extracted or nxt is None or not nxt
            if (tc := split_tail_credit(ln)) and (ends_paragraph or tc.cut == 0
                                                  or _sentence_like(line_features(ln[:tc.cut], self.stops))):
                if tc.wire:
                    self.pending_outlets.append((tc.wire, tc.tag))
                else:
                    self.out.provenance.credits.append(tc.tag)
                if tc.cut == 0:
                    self.drop(i, "wire-credit")
                else:
                    self.lines[i] = ln[:tc.cut]
                    self.feats[i] = line_features(self.lines[i], self.stops)

    def credit_pending(self) -> None:
        for name, line in self.pending_outlets:
            self._credit_outlet(name, line)

    def _translated(self, t: Translation) -> None:
        p = self.out.provenance
        p.translated_by = p.translated_by or t.who
        p.original_language = p.original_language or t.language
        if t.machine and "machine_translated" not in self.out.quality:
            self.out.quality.append("machine_translated")

    def patterns(self) -> None:
        related: str | bool = False
        prose_words = 0  # of running text so far: a summary box comes before it, reader questions after
        for i, ln in enumerate(self.lines):
            if not ln or i in self.reasons:
                continue  # a list goes on over blank lines: the first line it cannot claim ends it
            reason = match_pattern(ln)
            f = self.feats[i]
            if (reason == "summary" and prose_words >= 30) or (reason == "questions" and prose_words < 30):
                reason = None  # a "Summary" or "Think about it" section of the article itself
            if f is not None and f.is_prose and reason is None:
                prose_words += f.words
            if reason is None and related and f is not None and _claimed_by(related, ln, f):
                reason = related
            elif reason is None:
                related = False
            if reason is None and f is not None and f.segments >= 3 and not f.is_prose \
                    and not _TABLE_ROW.match(ln) and not header.bare_date(ln):
                reason = "nav"
            if reason:
                self.drop(i, reason)
                # a list heading ("Related stories", "Tags") claims the short lines under it
                related = reason if reason in _LIST_HEADINGS else (related if reason == "related-link" else False)

    def _kept(self, i: int) -> bool:
        return bool(self.lines[i]) and i not in self.reasons

    def zones(self) -> tuple[int, int]:
        """Body = from the first prose line to the last substantial paragraph (jusText's core)."""
        prose = [i for i, f in enumerate(self.feats) if f is not None and self._kept(i) and f.is_prose]
        if not prose:
            return 0, len(self.lines) - 1
        last = prose[-1]
        for kept in reversed(self._sentence_runs()):
            if sum(self.feats[i].words for i in kept) >= 15 \
                    and any(_body_line(self.feats[i]) for i in kept):  # type: ignore[arg-type]
                last = kept[-1]
                break
        if (end := self._comments_start()) is not None and end <= last:
            last = max((i for i in range(end) if self._kept(i) and self.feats[i] is not None
                        and _body_line(self.feats[i])), default=last)  # type: ignore[arg-type]
        first = prose[0]
        # a standfirst or short opening sentence right above the first paragraph is body, not header
        for i in range(prose[0] - 1, -1, -1):
            f = self.feats[i]
            if f is None:
                continue
            if i in self.reasons or not _sentence_like(f) \
                    or header.labelled_dates(self.lines[i]) or header.byline(self.lines[i]):
                break
            first = i
        return first, max(last, prose[0])

    def _comments_start(self) -> int | None:
        """The line opening a reader-comments section ("Comments (3)", "Join the conversation")
        once the article has begun: comments are prose too, and long ones would read as body."""
        words = 0
        for i, ln in enumerate(self.lines):
            f = self.feats[i]
            if f is None:
                continue
            if self.reasons.get(i) == "comments" and words >= 20:
                self.comments_at = i
                return i
            if self._kept(i) and f.is_prose:
                words += f.words
        return None

    def _sentence_runs(self) -> list[list[int]]:
        """Kept lines in runs that only a dropped or non-sentence line breaks, not a blank line:
        two short closing paragraphs weigh the same whether the paste put a blank line between
        them or not (layout invariance)."""
        return runs_of(None if not ln else self._kept(i) and (f := self.feats[i]) is not None
                       and (f.is_prose or _sentence_like(f)) for i, ln in enumerate(self.lines))

    def edges(self, first: int, last: int) -> None:
        """Header lines give the page's metadata; the rest of the header and footer is furniture."""
        title_norm = norm_name(self.out.title) if self.out.title else None
        candidates: list[tuple[int, str, LineFeatures]] = []
        data_lists = self._data_lists(last)
        furniture_seen = False  # in the footer: once page furniture starts, the article has ended
        for i, ln in enumerate(self.lines):
            if not ln or (first <= i <= last):
                continue
            f = self.feats[i]
            assert f is not None
            is_header = i < first
            if i in self.reasons:
                # a caption credit or an advert label sits between paragraphs: it ends nothing
                furniture_seen = furniture_seen or (i > last and self.reasons[i] not in _INLINE_FURNITURE)
                if self.reasons[i] == "source-line":
                    self._source_line(ln)
                continue
            if not is_header and self.comments_at is not None and i > self.comments_at:
                self.drop(i, "comment")  # a reader's comment, its author ("By Marek T.") or its time
                continue
            if self._metadata_line(i, ln, header_zone=is_header):
                continue
            if not is_header:
                if wire := wire_tail(ln):
                    self._credit_outlet(wire, ln)
                    self.drop(i, "wire-credit")
                elif not furniture_seen and (_sentence_like(f) or i in data_lists
                                             or self._subheading(i, data_lists)):
                    continue  # closing sentences, subheads, lists of dates or results: before any furniture
                elif not f.is_prose:
                    self.drop(i, "footer")
                elif furniture_seen and f.words < 15:
                    self.drop(i, "footer-note")
                furniture_seen = furniture_seen or i in self.reasons
                continue
            norm = norm_name(ln)
            if self.out.outlet is None and not candidates and i < 4 and (name := header.outlet_name(ln)) \
                    and not header.navigation_word(name):
                self.out.outlet = name
                self.drop(i, "outlet")
            elif self.out.outlet and same_outlet(ln, self.out.outlet) and len(norm.split()) <= 8:
                self.drop(i, "outlet")
            else:
                candidates.append((i, norm, f))
        if title_norm is None:
            titles = [c for c in candidates if c[2].words >= 2 and not header.navigation_word(self.lines[c[0]])
                      and (c[2].segments <= 1 or header.split_site_name(self.lines[c[0]], self.out.outlet)[1])]
            if titles:
                best = self._headline_of(titles)
                self.out.title, title_norm = self.lines[best[0]], best[1]
                self.drop(best[0], "title")
            elif first <= last and self._opening_headline(first):
                # no headline above the text, and it opens with a line of its own that reads as
                # one: the headline, even when the copy gave it a full stop. It leaves the body, as
                # the headline of an HTML page or a JSON record does (layout invariance).
                self.out.title = self.lines[first].rstrip(" .")
                self.drop(first, "title")
        if self.out.title:
            title, site = header.split_site_name(self.out.title.rstrip(" ;"), self.out.outlet)
            self.out.title = title
            if site and self.out.outlet is None:
                self.out.outlet = header.display_name(site)
        for i, norm, _ in candidates:
            self.drop(i, "repeated-title" if norm == title_norm else "header")

    def _headline_of(self, titles: list[tuple[int, str, LineFeatures]]) -> tuple[int, str, LineFeatures]:
        """The headline among the title-like header lines: the first of three words or more (a
        kicker or section label is shorter; a standfirst comes after the headline and is longer);
        failing that, the fullest."""
        full = [c for c in titles if c[2].words >= 3 and not self.lines[c[0]].endswith(":")]
        return full[0] if full else max(titles, key=lambda c: (c[2].words, -c[0]))

    def _opening_headline(self, i: int) -> bool:
        """Whether the first line of the text is its headline: in Title Case, or a short line over
        a much longer first paragraph that opens with a dateline or retells it (the lead restates
        the headline's words), or that at least reads as a headline and not as a short lead
        sentence (no article or pronoun first, no "on Saturday" or "yesterday")."""
        ln = self.lines[i]
        if not self._paragraph_alone(i) or ln.endswith((":", ",", ";")):
            return False
        if _headline_case(ln):
            return True
        f = self.feats[i]
        if f is None or not 3 <= f.words <= 18 or parse_dateline(ln) is not None or _ATTRIBUTED.search(ln) \
                or _INTRODUCED_QUOTE.search(ln):
            return False
        # the first paragraph proper comes next, or after a short standfirst or label ("ABSTRACT.")
        for j in [j for j in range(i + 1, len(self.lines)) if self._kept(j)][:2]:
            g = self.feats[j]
            if g is None:
                return False
            if parse_dateline(self.lines[j]) is not None:
                return True
            if g.is_prose and g.words >= max(15, 1.5 * f.words):
                if _retells(ln, self.lines[j], self.stops):
                    return True
                # headlines drop articles and pronouns: "The ministers met ...", "It's a tough
                # job ...", "There's ..." open a lead; so does a quotation or a lower-case word
                first_word = re.split(r"['’]", ln.split()[0].casefold())[0]
                return ln[:1].isupper() and first_word not in self.stops and not self._dated_like_a_lead(ln)
            if g.words > 25:
                return False
        return False

    def _dated_like_a_lead(self, ln: str) -> bool:
        """A lead sentence says when ("on Saturday", "yesterday", "last night"); a headline rarely."""
        cal = calendar(self.language)
        words = set(re.findall(r"[^\W\d_]+", ln))
        low = ln.casefold()
        return bool(words & set(cal.weekday)) or any(re.search(rf"\b{re.escape(p)}\b", low) for p in cal.relday)

    def _paragraph_alone(self, i: int) -> bool:
        """Line ``i`` is a paragraph of its own (blank line or end of text after it)."""
        return i + 1 >= len(self.lines) or not self.lines[i + 1]

    def _data_lists(self, last: int) -> set[int]:
        """Lists closing an article (tour dates, results, standings) with the heading above them.

        Link lists ("more stories") are titles; data lists have numbers in most items. Only
        lists that follow the body directly count: furniture before them ends the article.
        """
        out: set[int] = set()
        after = [b for b in blocks(self.lines) if b[0] > last]
        for n, block in enumerate(after):
            items = [i for i in block if self._kept(i)]
            if len(items) < 2 or sum(bool(_DIGIT.search(self.lines[i])) for i in items) < 0.6 * len(items):
                continue
            out.update(items)
            prev = after[n - 1] if n else None
            if prev and len(prev) == 1 and self._kept(prev[0]):
                out.add(prev[0])  # its heading ("Tour dates:")
        return out

    def _subheading(self, i: int, data_lists: set[int]) -> bool:
        """A short heading whose next line continues the article (a sentence or a data list)."""
        f = self.feats[i]
        if f is None or f.words > 8:
            return False
        nxt = next((j for j in range(i + 1, len(self.lines)) if self.lines[j]), None)
        return nxt is not None and self._kept(nxt) and (
            _sentence_like(self.feats[nxt]) or nxt in data_lists)  # type: ignore[arg-type]

    def _introduced(self, i: int) -> bool:
        """A list announced by its own text ("The five selected are:") is part of the article."""
        if self.lines[i].rstrip().endswith(":"):
            return True
        prev = next((j for j in range(i - 1, -1, -1) if self.lines[j]), None)
        return prev is not None and self.lines[prev].rstrip().endswith(":")

    def body(self, first: int, last: int) -> None:
        """Inside the body only clear furniture goes: foreign-script UI labels, stray source lines."""
        main_script = script_of(" ".join(self.lines[first:last + 1]))
        for i in range(first, last + 1):
            ln = self.lines[i]
            if not ln:
                continue
            if self.reasons.get(i) == "source-line":
                self._source_line(ln)
                continue
            if i in self.reasons:
                continue
            f = self.feats[i]
            assert f is not None
            if f.words <= 3 and main_script and main_script not in scripts_in(ln) and _LABEL.match(ln):
                self.drop(i, "foreign-ui")
        if not self.extracted:
            self._link_runs(first, last)

    def _link_runs(self, first: int, last: int) -> None:
        """Runs of MIN_RUN+ short non-sentence lines inside the body are menus or teaser lists: the
        text-only stand-in for jusText's link density. Runs mostly of numbers are data, and kept."""
        run: list[int] = []
        for i in [*range(first, last + 1), None]:
            f = self.feats[i] if i is not None else None
            if i is not None and (f is None or i in self.reasons):
                continue  # blank lines and already dropped lines do not break a run
            if f is not None and not _sentence_like(f) and not f.is_prose and f.words <= 12:
                run.append(i)  # type: ignore[arg-type]
                continue
            digits = sum(bool(_DIGIT.search(self.lines[j])) for j in run)
            introduced = bool(run) and self._introduced(run[0])
            if len(run) >= MIN_RUN and digits < 0.6 * len(run) and not introduced:
                for j in run:
                    self.drop(j, "link-list")
            run = []

    def closing_credit(self) -> None:
        """A last line like "— Nordwire" credits the wire even when no zones were drawn (HTML)."""
        kept = [i for i, ln in enumerate(self.lines) if self._kept(i)]
        if kept and (wire := wire_tail(self.lines[kept[-1]])):
            self._credit_outlet(wire, self.lines[kept[-1]])
            self.drop(kept[-1], "wire-credit")

    def _metadata_line(self, i: int, ln: str, header_zone: bool) -> bool:
        """Read and drop a line of page metadata — the address (at the top only), a dated line
        ("Published: 4 April 2024", "Friday, 28 March 2025"), a byline; False for any other line.
        Pasted pages and extracted HTML share this reading, so both layouts give the same article."""
        if header_zone and (url := header.url_line(ln)):
            self.out.url = self.out.url or url
            self.drop(i, "url")
        elif dated := header.labelled_dates(ln):
            for kind, iso in dated:
                self._set_date(kind, iso)
            self.drop(i, "metadata-date")
        elif iso := header.bare_date(ln):
            self._set_date("published", iso)
            self.drop(i, "metadata-date")
        elif who := header.byline(ln):
            self.out.byline = self.out.byline or who
            self.drop(i, "byline")
        else:
            return False
        return True

    def lead(self) -> None:
        """Extracted HTML often opens with the headline, an address, a byline or a date line:
        metadata, not body."""
        title_norm = norm_name(self.out.title) if self.out.title else None
        for i, ln in enumerate(self.lines):
            f = self.feats[i]
            if not ln or i in self.reasons:
                continue
            if title_norm and norm_name(ln) == title_norm:
                self.drop(i, "repeated-title")  # even when it reads as prose ("… Face.")
                continue
            if f is None or f.is_prose:
                break
            self._metadata_line(i, ln, header_zone=True)

    def _set_date(self, kind: str, iso: str) -> None:
        # a "published" date beats an "updated" one; the first of each kind wins
        if self.out.published is None or (kind == "published" and self.published_kind == "updated"):
            self.out.published, self.out.published_source = iso, "published_line"
            self.published_kind = kind

    def _source_line(self, ln: str) -> None:
        self.out.provenance.credits.append(ln)
        if value := source_value(ln):
            self._credit_outlet(value, None)

    def _credit_outlet(self, name: str, line: str | None) -> None:
        if same_outlet(name, self.out.outlet):
            return
        self.out.provenance.syndicated_from = self.out.provenance.syndicated_from or name
        if line:
            self.out.provenance.credits.append(line)

    # -- result ----------------------------------------------------------------------------------
    def result(self) -> Cleaned:
        paragraphs: list[str] = []
        for block in blocks(self.lines):
            kept = [i for i in block if self._kept(i)]
            if not kept:
                continue
            para = self.lines[kept[0]]
            for prev, i in zip(kept, kept[1:]):
                # hard-wrapped prose continues a sentence; any other line is a paragraph of its own,
                # so that a list given one item per line and one given an item per blank-line
                # block read the same downstream (layout invariance)
                wrapped = _wraps(self.lines[prev]) and prev in self.wrapped
                para += (" " if wrapped else "\n\n") + self.lines[i]
            paragraphs.append(para)
        self.out.text = "\n\n".join(paragraphs)
        # the audit names the input's own lines, even where the layout joined several into one
        self.out.removed = [RemovedLine(text=self.raw_lines[n], reason=r, line_no=n + 1)
                            for i, r in sorted(self.reasons.items()) for n in self.parts[i]]
        return self.out


def clean_text(raw: str, meta_title: str | None = None, zones: bool = True, outlet: str | None = None,
               language: str | None = None) -> Cleaned:
    """Split a pasted page into header metadata, body paragraphs and removed lines.

    ``zones=False`` is for text an HTML extractor already isolated: only line patterns apply,
    since its short lines are subheadings, not page furniture.
    """
    c = _Cleaner(raw, meta_title, outlet, language, extracted=not zones)
    c.credits()
    c.split_credits()
    c.patterns()
    if zones:
        first, last = c.zones()
        c.edges(first, last)
        c.body(first, last)
    else:
        c.lead()
        c.body(0, len(c.lines) - 1)
    c.credit_pending()
    c.closing_credit()
    out = c.result()
    out.title = header.tidy_title(out.title)
    _body_provenance(out)
    return out


def _body_provenance(out: Cleaned) -> None:
    """Datelines and inline wire credits live in the body: read them, leave the text alone."""
    first = out.text.split("\n\n", 1)[0] if out.text else ""
    # a dateline outranks a "Published:"/"Updated:" line: it is the reporter's own date, while page
    # furniture may show when the page was last touched
    if out.published_source in ("unknown", "published_line") and (iso := dateline_date(first)):
        out.published, out.published_source = iso, "dateline"
    wire = wire_inline(first)
    if wire and not out.provenance.syndicated_from and not same_outlet(wire, out.outlet):
        out.provenance.syndicated_from = wire
