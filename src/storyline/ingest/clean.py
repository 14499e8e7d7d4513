"""Cleaning of text copied from web pages: a line classifier plus header/footer metadata.

No HTML structure helps here, so each line is judged on three kinds of evidence, as jusText does
for HTML blocks: what it says (UI patterns kept as data, in several languages), what it looks like
(length, stopword density, sentence punctuation, separators, script) and where it is (before the
first or after the last real paragraph, inside a list of links). Every dropped line is kept with
its reason in ``Article.removed`` so a user can audit each removal.

The work is split by pass, over one shared page (:class:`~.page_lines.PageLines`: the lines, their
features, the reasons lines go, the result): :mod:`.line_kinds` judges a line alone,
:mod:`.credit_pass` reads provenance credits, :mod:`.body_pass` finds furniture by wording and the
body's zone, :mod:`.edge_pass` reads the header and footer. :func:`clean_text` runs them in order.
"""

from __future__ import annotations

from ..text.datelines import dateline_date
from . import header
from .body_pass import BodyPass
from .credit_pass import CreditPass
from .edge_pass import EdgePass
from .line_kinds import match_pattern
from .page_lines import Cleaned
from .provenance import same_outlet, wire_inline

__all__ = ["Cleaned", "clean_text", "match_pattern"]


class _Cleaner(CreditPass, BodyPass, EdgePass):
    """A page with every pass's methods; :func:`clean_text` decides their order."""


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
