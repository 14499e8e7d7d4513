"""Entity pages: the list of people, organisations and places, and one page per entity with its
aliases, type, roles, the quotes it said and the stories it is in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Article, Entity, Quote, Story
from ..text.plural import counted
from .cite import Citer
from .layout import article_href, date_range, esc, href, pager, table
from .quotes_page import quote_list

TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "GPE": "country or city", "LOC": "place",
              "FAC": "facility", "NORP": "group (nationality, religion, politics)"}
MAX_MENTION_ROWS = 50
ENTITIES_PER_PAGE = 200


def type_name(t: str) -> str:
    return TYPE_NAMES.get(t, t.lower())


def entities_body(entities: Sequence[Entity], kind: str | None, stories_of: Mapping[str, list[Story]],
                  offset: int = 0) -> str:
    """The list, most-mentioned first, with a filter by type (links, so it needs no form)."""
    types = sorted({e.type for e in entities})
    chosen = sorted((e for e in entities if kind is None or e.type == kind), key=lambda e: (-len(e.mentions), e.name))
    filters = " · ".join(
        f"<a href='{esc(href('/entities', type=t))}'{' aria-current=page' if t == kind else ''}>{esc(type_name(t))}</a>"
        for t in types)
    rows = [[f"<a href='{esc(href('/entities', e.id))}'>{esc(e.name)}</a>"
             + (f"<br><span class='dim'>also {esc(', '.join(e.aliases))}</span>" if e.aliases else ""),
             esc(type_name(e.type)), esc(", ".join(e.roles)) or "—", str(len(e.mentions)),
             str(len(stories_of.get(e.id, [])))] for e in chosen[offset:offset + ENTITIES_PER_PAGE]]
    listing = (table(["Name", "Type", "Roles", "Mentions", "Stories"], rows, "Entities") if rows
               else "<p>No entities of this type.</p>")
    return (f"<h1>People, organisations and places</h1><p class='meta'>Show: <a href='/entities'"
            f"{'' if kind else ' aria-current=page'}>all</a> · {filters}</p>"
            f"<p class='meta' id='count'>{counted(len(chosen), 'entity', 'entities')}</p>{listing}"
            + pager("/entities", offset, ENTITIES_PER_PAGE, len(chosen), type=kind))


def entity_body(e: Entity, quotes: Sequence[Quote], stories: Sequence[Story],
                articles: Mapping[str, Article]) -> str:
    """Facts, then the stories it is in, the quotes by it, and the articles that name it."""
    facts = [("Type", esc(type_name(e.type))), ("Also called", esc(", ".join(e.aliases))),
             ("Roles", esc(", ".join(e.roles))), ("Knowledge base id", esc(e.kb_id)),
             ("Mentions", esc(counted(len(e.mentions), "mention")))]
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts if v)
    story_rows = "".join(f"<li><a href='{esc(href('/stories', s.id))}'>{esc(s.title)}</a> "
                         f"<span class='meta'>{date_range(s.first_seen, s.last_seen)}</span></li>" for s in stories)
    quote_part = (quote_list(quotes, articles, Citer(articles))
                  + (f"<p><a href='{esc(href('/quotes', speaker=e.name))}'>These quotes on the quotes page →</a></p>"
                     if quotes else "")) or "<p class='dim'>No quotes attributed.</p>"
    per_article = Counter(m.article_id for m in e.mentions)
    first = {}
    for m in e.mentions:
        first.setdefault(m.article_id, m)
    mention_rows = "".join(
        f"<li><a href='{esc(article_href(aid, first[aid].start, first[aid].end))}'>"
        f"{esc(articles[aid].title or articles[aid].source)}</a> <span class='meta'>{esc(articles[aid].outlet)} · "
        f"{counted(n, 'mention')}</span></li>"
        for aid, n in per_article.most_common(MAX_MENTION_ROWS) if aid in articles)
    return (f"<p class='dim'><a href='/entities'>← all entities</a></p><h1>{esc(e.name)}</h1>"
            f"<dl class='facts'>{dl}</dl>"
            f"<h2 id='stories'>Stories</h2>"
            f"{'<ul>' + story_rows + '</ul>' if story_rows else '<p class=dim>In no story.</p>'}"
            f"<h2 id='quotes'>Quotes by {esc(e.name)}</h2>{quote_part}"
            f"<h2 id='mentions'>Articles that name {esc(e.name)}</h2><ul>{mention_rows}</ul>")
