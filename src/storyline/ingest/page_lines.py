"""The page the cleaner's passes share: its lines as the layout reader gave them, each line's
features, the reason each dropped line goes, and the result as it fills in. What a line says about
the page (a credited outlet, a date, a translation) is recorded here, since several passes find
such lines; :meth:`PageLines.result` assembles the kept lines into the cleaned text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Provenance, RemovedLine
from ..text.layout import blocks, paragraph_layout
from .line_kinds import wraps
from .linefeatures import LineFeatures, line_features, stopwords
from .provenance import Translation, same_outlet, source_value


@dataclass
class Cleaned:
    """What :func:`~.clean.clean_text` gives: the body's text, every removed line with its reason,
    and what the page said about itself."""

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


class PageLines:
    """One page being cleaned; the passes (:mod:`.credit_pass`, :mod:`.body_pass`,
    :mod:`.edge_pass`) are its subclasses and ``clean._Cleaner`` combines them."""

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
                if i >= 0 and (not run or wraps(self.lines[run[-1]])):
                    run.append(i)
                    continue
                lower = sum(self.lines[j][:1].islower() for j in run[1:])
                if len(run) > 1 and 2 * lower >= len(run) - 1:
                    joined = line_features(" ".join(self.lines[j] for j in run), self.stops)
                    if joined.is_prose:
                        for j in run:
                            self.feats[j] = joined
                run = [i] if i >= 0 else []

    def drop(self, i: int, reason: str) -> None:
        self.reasons.setdefault(i, reason)

    def _kept(self, i: int) -> bool:
        return bool(self.lines[i]) and i not in self.reasons

    def _paragraph_alone(self, i: int) -> bool:
        """Line ``i`` is a paragraph of its own (blank line or end of text after it)."""
        return i + 1 >= len(self.lines) or not self.lines[i + 1]

    # -- what a line says about the page ---------------------------------------------------------
    def _translated(self, t: Translation) -> None:
        p = self.out.provenance
        p.translated_by = p.translated_by or t.who
        p.original_language = p.original_language or t.language
        if t.machine and "machine_translated" not in self.out.quality:
            self.out.quality.append("machine_translated")

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
                wrapped = wraps(self.lines[prev]) and prev in self.wrapped
                para += (" " if wrapped else "\n\n") + self.lines[i]
            paragraphs.append(para)
        self.out.text = "\n\n".join(paragraphs)
        # the audit names the input's own lines, even where the layout joined several into one
        self.out.removed = [RemovedLine(text=self.raw_lines[n], reason=r, line_no=n + 1)
                            for i, r in sorted(self.reasons.items()) for n in self.parts[i]]
        return self.out
