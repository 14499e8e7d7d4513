"""The body pass: page furniture by its wording anywhere (menus, "Related stories" and the lines
they claim), where the article's body starts and ends (jusText's core: from the first prose line to
the last substantial paragraph, before any reader comments), and the clear furniture inside it."""

from __future__ import annotations

import re

from ..text.layout import runs_of
from . import header
from .line_kinds import LIST_HEADINGS, body_line, claimed_by, match_pattern, mostly_numbers, sentence_like
from .linefeatures import script_of, scripts_in
from .page_lines import PageLines

MIN_RUN = 6  # short lines in a row inside the body that make a menu or teaser list
_TABLE_ROW = re.compile(r"^\|.*\|$")  # a table row (as extractors render tables), not a menu
_LABEL = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}\s*[:!]?$")  # words only: a UI label, not a name/URL


class BodyPass(PageLines):
    """Drops furniture by wording, finds the body's zone, and drops clear furniture inside it."""

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
            if reason is None and related and f is not None and claimed_by(related, ln, f):
                reason = related
            elif reason is None:
                related = False
            if reason is None and f is not None and f.segments >= 3 and not f.is_prose \
                    and not _TABLE_ROW.match(ln) and not header.bare_date(ln):
                reason = "nav"
            if reason:
                self.drop(i, reason)
                # a list heading ("Related stories", "Tags") claims the short lines under it
                related = reason if reason in LIST_HEADINGS else (related if reason == "related-link" else False)

    def zones(self) -> tuple[int, int]:
        """Body = from the first prose line to the last substantial paragraph (jusText's core)."""
        prose = [i for i, f in enumerate(self.feats) if f is not None and self._kept(i) and f.is_prose]
        if not prose:
            return 0, len(self.lines) - 1
        last = prose[-1]
        for kept in reversed(self._sentence_runs()):
            if sum(self.feats[i].words for i in kept) >= 15 \
                    and any(body_line(self.feats[i]) for i in kept):  # type: ignore[arg-type]
                last = kept[-1]
                break
        if (end := self._comments_start()) is not None and end <= last:
            last = max((i for i in range(end) if self._kept(i) and self.feats[i] is not None
                        and body_line(self.feats[i])), default=last)  # type: ignore[arg-type]
        first = prose[0]
        # a standfirst or short opening sentence right above the first paragraph is body, not header
        for i in range(prose[0] - 1, -1, -1):
            f = self.feats[i]
            if f is None:
                continue
            if i in self.reasons or not sentence_like(f) \
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
                       and (f.is_prose or sentence_like(f)) for i, ln in enumerate(self.lines))

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
            if f is not None and not sentence_like(f) and not f.is_prose and f.words <= 12:
                run.append(i)  # type: ignore[arg-type]
                continue
            numbers = mostly_numbers([self.lines[j] for j in run])
            introduced = bool(run) and self._introduced(run[0])
            if len(run) >= MIN_RUN and not numbers and not introduced:
                for j in run:
                    self.drop(j, "link-list")
            run = []

    def _introduced(self, i: int) -> bool:
        """A list announced by its own text ("The five selected are:") is part of the article."""
        if self.lines[i].rstrip().endswith(":"):
            return True
        prev = next((j for j in range(i - 1, -1, -1) if self.lines[j]), None)
        return prev is not None and self.lines[prev].rstrip().endswith(":")
