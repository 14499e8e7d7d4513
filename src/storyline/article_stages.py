"""The per-article stages, registered by name in run order (see :mod:`storyline.stages`).

Each reads the article and its spaCy Doc (and what the stages before it found) and fills its own
field of :class:`ArticleState`. They run in worker processes, one article at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .entities.mentions import extract_mentions
from .model import Article, Claim, Mention, Quote, QuotedTerm, TimeExpr
from .quotes.detect import extract_quotes_and_terms
from .stages import Registry
from .text.sentences import split_paragraphs
from .time.claims import extract_claims
from .time.estimate import estimate_published
from .time.expressions import extract_times

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class ArticleState:
    article: Article
    doc: Doc
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quoted_terms: list[QuotedTerm] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


ARTICLE_STAGES: Registry[ArticleState] = Registry("per-article")


@ARTICLE_STAGES.stage("sentences", required=True)
def sentences(st: ArticleState) -> None:
    """Sentences from the parse, never across a paragraph break (every later stage cites them)."""
    st.sentences = split_paragraphs(st.article.text, [(s.start_char, s.end_char) for s in st.doc.sents])


@ARTICLE_STAGES.stage("mentions")
def mentions(st: ArticleState) -> None:
    """People, organisations and places named in the text (NER repaired, roles attached)."""
    st.mentions = extract_mentions(st.article, st.doc)


@ARTICLE_STAGES.stage("quotes")
def quotes(st: ArticleState) -> None:
    """Direct, partial and indirect quotes with their speakers; quoted terms that are not speech."""
    st.quotes, st.quoted_terms = extract_quotes_and_terms(st.article, st.mentions, st.doc)


@ARTICLE_STAGES.stage("times")
def times(st: ArticleState) -> None:
    """Dates and times, resolved against the publication date when there is one."""
    st.times = extract_times(st.article, st.doc)


@ARTICLE_STAGES.stage("estimate")
def estimate(st: ArticleState) -> None:
    """A publication-date window from the text when no date is stated (never a guess shown as fact)."""
    if not st.article.published:
        st.article = st.article.model_copy(update={"published_estimate": estimate_published(st.times, st.doc)})


@ARTICLE_STAGES.stage("claims")
def claims(st: ArticleState) -> None:
    """Numeric claims (value, unit, what is counted), not the numbers inside dates."""
    st.claims = extract_claims(st.article, [(t.span.start, t.span.end) for t in st.times if t.kind != "duration"],
                               st.doc)
