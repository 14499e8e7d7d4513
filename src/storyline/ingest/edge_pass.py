"""The edge pass: the lines above and below the body. The header gives the page's metadata
(outlet, headline, byline, dates, address); the rest of the header and the footer is furniture,
but for closing sentences, subheadings and data lists (tour dates, results) that end an article."""

from __future__ import annotations

import re

from ..text.datelines import parse_dateline
from ..text.layout import blocks
from ..time.calendar_words import calendar
from . import header
from .line_kinds import headline_case, mostly_numbers, retells, sentence_like
from .linefeatures import LineFeatures
from .page_lines import PageLines
from .provenance import norm_name, same_outlet, wire_tail

# a line that ends by naming its speaker is a quote or a report, not a headline
_ATTRIBUTED = re.compile(r"[,\"”»]\s*(?:\w+\s+){0,4}(?:said|says|told|added|asked|wrote)\b[^.]*\.?$")
_INTRODUCED_QUOTE = re.compile(r":\s*[\"“„«]")  # 'X said on Friday: "We will not wait."'
_INLINE_FURNITURE = frozenset({"credit", "advert"})


class EdgePass(PageLines):
    """Reads the header's metadata and headline, and drops the edges' furniture."""

    def edges(self, first: int, last: int) -> None:
        """Header lines give the page's metadata; the rest of the header and footer is furniture."""
        title_norm = norm_name(self.out.title) if self.out.title else None
        candidates = self._edge_lines(first, last)
        if title_norm is None:
            title_norm = self._find_title(candidates, first, last)
        if self.out.title:
            title, site = header.split_site_name(self.out.title.rstrip(" ;"), self.out.outlet)
            self.out.title = title
            if site and self.out.outlet is None:
                self.out.outlet = header.display_name(site)
        for i, norm, _ in candidates:
            self.drop(i, "repeated-title" if norm == title_norm else "header")

    def _edge_lines(self, first: int, last: int) -> list[tuple[int, str, LineFeatures]]:
        """Read each line outside the body ``first``..``last``: metadata, the outlet's name, credits
        and footer furniture are dropped here; the header lines left, which may be the headline,
        are returned (index, normalised text, features)."""
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
                elif not furniture_seen and (sentence_like(f) or i in data_lists
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
        return candidates

    def _find_title(self, candidates: list[tuple[int, str, LineFeatures]], first: int, last: int) -> str | None:
        """A page that gave no title: the headline among the header's ``candidates``, else the
        text's opening line when it reads as one. Returns the headline's normalised text when it came
        from the header, so that its repeats there go as ``repeated-title``."""
        titles = [c for c in candidates if c[2].words >= 2 and not header.navigation_word(self.lines[c[0]])
                  and (c[2].segments <= 1 or header.split_site_name(self.lines[c[0]], self.out.outlet)[1])]
        if titles:
            best = self._headline_of(titles)
            self.out.title = self.lines[best[0]]
            self.drop(best[0], "title")
            return best[1]
        if first <= last and self._opening_headline(first):
            # no headline above the text, and it opens with a line of its own that reads as
            # one: the headline, even when the copy gave it a full stop. It leaves the body, as
            # the headline of an HTML page or a JSON record does (layout invariance).
            self.out.title = self.lines[first].rstrip(" .")
            self.drop(first, "title")
        return None

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
        if headline_case(ln):
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
                if retells(ln, self.lines[j], self.stops):
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

    def _data_lists(self, last: int) -> set[int]:
        """Lists closing an article (tour dates, results, standings) with the heading above them.

        Link lists ("more stories") are titles; data lists have numbers in most items. Only
        lists that follow the body directly count: furniture before them ends the article.
        """
        out: set[int] = set()
        after = [b for b in blocks(self.lines) if b[0] > last]
        for n, block in enumerate(after):
            items = [i for i in block if self._kept(i)]
            if len(items) < 2 or not mostly_numbers([self.lines[i] for i in items]):
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
            sentence_like(self.feats[nxt]) or nxt in data_lists)  # type: ignore[arg-type]

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
