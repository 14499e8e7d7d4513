"""The search results page: quotes, articles and names that match, each hit shown as a window of
its surrounding words with the query words marked, and a plain message when nothing matches.

The hits come from the same search the API answers with (the full-text index, else a scan); this
module only turns their offsets into readable snippets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Article, Entity, Quote
from ..text.hits import query_terms, term_ranges
from ..text.plural import counted
from .layout import article_href, esc, href, time_tag
from .quotes_page import who
from .snippet import marked, snippet

MAX_ENTITY_HITS = 20


def matching_entities(entities: Sequence[Entity], query: str) -> list[Entity]:
    """Entities whose name or an alias holds the whole query or every one of its words."""
    whole = " ".join(query.lower().split())
    terms = query_terms(query)
    out = []
    for e in entities:
        names = " | ".join([e.name, *e.aliases]).lower()
        if whole and (whole in names or (terms and all(t in names for t in terms))):
            out.append(e)
    return sorted(out, key=lambda e: -len(e.mentions))[:MAX_ENTITY_HITS]


def _first_term(text: str, start: int, end: int, terms: list[str]) -> tuple[int, int]:
    """The first query word inside ``start:end`` (a quote hit spans the whole quote)."""
    found = term_ranges(text[start:end], terms)
    return (start + found[0][0], start + found[0][1]) if found else (start, start)


def quote_hits(found: list[tuple[dict, Article]], quotes: Mapping[str, Quote], terms: list[str]) -> list[str]:
    """One item per distinct snippet: the same quote carried by several outlets (a wire story and
    its copies) is shown once, with a link to each outlet's article at the quote."""
    by_snippet: dict[str, list[tuple[dict, Article]]] = {}
    for h, a in found:
        lo, hi = _first_term(a.text, h["start"], h["end"], terms)
        by_snippet.setdefault(snippet(a.text, lo, hi, terms), []).append((h, a))
    items = []
    for text, group in by_snippet.items():
        q = quotes.get(group[0][0].get("id", ""))
        by = f"— {who(q)} · " if q is not None else ""
        where = ", ".join(f"<a href='{esc(article_href(a.id, h['start'], h['end']))}'>{esc(a.label)}</a> "
                          f"{time_tag(a.published)}" for h, a in group)
        items.append(f"<li class='hit quote-hit'><p class='snippet'>{text}</p><p class='meta'>{by}in {where}</p></li>")
    return items


def article_hit(h: dict, a: Article, terms: list[str]) -> str:
    return (f"<li class='hit article-hit'><h3><a href='{esc(article_href(a.id, h['start'], h['end']))}'>"
            f"{esc(a.title or a.source)}</a></h3>"
            f"<p class='meta'>{esc(a.label)} · {time_tag(a.published)}</p>"
            f"<p class='snippet'>{snippet(a.text, h['start'], h['end'], terms)}</p></li>")


def entity_hit(e: Entity, terms: list[str]) -> str:
    names = [e.name, *e.aliases]
    shown = " · ".join(marked(n, 0, len(n), term_ranges(n, terms)) for n in names)
    return (f"<li class='hit entity-hit'><a href='{esc(href('/entities', e.id))}'>{esc(e.name)}</a> "
            f"<span class='meta'>{esc(e.type)} · {counted(len(e.mentions), 'mention')}</span>"
            f"<p class='snippet'>{shown}</p></li>")


def _group(title: str, key: str, items: list[str]) -> str:
    if not items:
        return ""
    return (f"<section id='{key}' aria-labelledby='h-{key}'><h2 id='h-{key}'>{title} "
            f"<span class='dim'>({len(items)})</span></h2><ol class='hits'>{''.join(items)}</ol></section>")


def search_body(query: str, hits: Sequence[dict], entities: Sequence[Entity], quotes: Mapping[str, Quote],
                articles: Mapping[str, Article]) -> str:
    """Results grouped as quotes, articles, names; "No results for …" when all three are empty."""
    if not query.strip():
        return "<h1>Search</h1><p>Type words in the search box: quotes, article text and names are searched.</p>"
    terms = query_terms(query)
    found = [(h, articles[h["article_id"]]) for h in hits if h.get("article_id") in articles]
    quote_items = quote_hits([(h, a) for h, a in found if h.get("kind") == "quote"], quotes, terms)
    article_items = [article_hit(h, a, terms) for h, a in found if h.get("kind") != "quote"]
    entity_items = [entity_hit(e, terms) for e in matching_entities(entities, query)]
    total = len(quote_items) + len(article_items) + len(entity_items)
    heading = f"<h1>Search: “{esc(query)}”</h1>"
    if not total:
        return (heading + f"<p class='no-results' id='no-results'>No results for “{esc(query)}”.</p>"
                "<p class='dim'>Try fewer words, another spelling, or a name as it appears in the articles.</p>")
    return (heading + f"<p class='meta' id='count'>{counted(total, 'result')}</p>"
            + _group("Names", "entities", entity_items) + _group("Quotes", "quotes", quote_items)
            + _group("Articles", "articles", article_items))
