"""The credit pass: lines that say where the article comes from (a translation, its first
publication, a "Source:" label, a wire tag like "— AFP"), recorded in its provenance and dropped
from the text."""

from __future__ import annotations

from .line_kinds import sentence_like
from .linefeatures import line_features
from .page_lines import PageLines
from .provenance import first_appeared, label_value_credit, split_tail_credit, translation_credit, wire_tail

_LABEL_REASONS = {"source": "source-credit", "sources": "source-list", "translation": "translation-credit"}


class CreditPass(PageLines):
    """Reads and drops credit lines; an outlet named before the page's own is known waits in
    ``pending_outlets``."""

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
                                                  or sentence_like(line_features(ln[:tc.cut], self.stops))):
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

    def closing_credit(self) -> None:
        """A last line like "— Nordwire" credits the wire even when no zones were drawn (HTML)."""
        kept = [i for i, ln in enumerate(self.lines) if self._kept(i)]
        if kept and (wire := wire_tail(self.lines[kept[-1]])):
            self._credit_outlet(wire, self.lines[kept[-1]])
            self.drop(kept[-1], "wire-credit")
