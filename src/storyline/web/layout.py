"""The page shell every reader page shares, and the small formatting helpers pages agree on.

One place builds the document so every page gets the same guarantees: a viewport meta tag (phones
lay the page out at their width), a skip link and landmarks for keyboard and screen-reader users,
the search box, and the headers that forbid scripts. Article text is untrusted: every piece of it
goes through :func:`esc`.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse

from .style import CSS

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
NAV = (("/", "Stories", "home"), ("/entities", "Names", "entities"),
       ("/quotes", "Quotes", "quotes"), ("/api", "API", "api"))


def esc(value: object) -> str:
    """Text for HTML (element content or a quoted attribute); ``None`` becomes nothing, never "None"."""
    return "" if value is None else html.escape(str(value), quote=True)


def day(iso: str | None) -> str:
    """A date for a reader: the ISO day, or "date unknown"."""
    return iso[:10] if iso else "date unknown"


def time_tag(iso: str | None) -> str:
    """A ``<time>`` element when the date is known, else the words "date unknown"."""
    return f'<time datetime="{esc(iso[:10])}">{esc(iso[:10])}</time>' if iso else '<span class="dim">date unknown</span>'


def date_range(first: str | None, last: str | None) -> str:
    if not first and not last:
        return '<span class="dim">dates unknown</span>'
    if not first or not last or first[:10] == last[:10]:
        return time_tag(first or last)
    return f"{time_tag(first)} – {time_tag(last)}"


def href(path: str, *parts: str, **params: object) -> str:
    """A URL path with each id segment percent-encoded and the non-empty params as a query; escape
    it with :func:`esc` before putting it in an attribute."""
    url = path + "".join("/" + quote(p, safe="") for p in parts)
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{url}?{query}" if query else url


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article view; with a span, at that span (the ``#span`` anchor is the highlighted words)."""
    if start is None or end is None:
        return href("/articles", article_id)
    return href("/articles", article_id, start=start, end=end) + "#span"


def table(head: list[str], rows: list[list[str]], caption: str = "") -> str:
    """A table (cells already HTML) that never widens the page: on a narrow screen each row reflows
    into a card whose cells carry their column name (``data-label``); it scrolls in its box otherwise."""
    cap = f"<caption class='dim'>{esc(caption)}</caption>" if caption else ""
    body = "".join("<tr>" + "".join(f'<td data-label="{esc(h)}">{c}</td>' for h, c in zip(head, row)) + "</tr>"
                   for row in rows)
    return (f'<div class="table-wrap"><table class="reflow">{cap}<thead><tr>'
            f"{''.join(f'<th scope=col>{esc(h)}</th>' for h in head)}</tr></thead><tbody>{body}</tbody></table></div>")


def pager(path: str, offset: int, size: int, total: int, **params: object) -> str:
    """Previous/next links for a list shown ``size`` at a time (a big corpus has thousands of quotes
    or names: one page must stay light on a phone); nothing when it all fits."""
    if total <= size and offset == 0:
        return ""
    links = []
    if offset > 0:
        back = href(path, **params, offset=max(0, offset - size) or None)
        links.append(f"<a rel='prev' href='{esc(back)}'>← previous</a>")
    shown = f"{min(offset + 1, total)}–{min(offset + size, total)} of {total}"
    links.append(f"<span class='dim'>{shown}</span>")
    if offset + size < total:
        links.append(f"<a rel='next' href='{esc(href(path, **params, offset=offset + size))}'>next →</a>")
    return f"<nav class='pager' aria-label='Pages'>{' · '.join(links)}</nav>"


def search_form(query: str = "", autofocus: bool = False) -> str:
    focus = " autofocus" if autofocus else ""
    return (f'<form class="search" role="search" method="get" action="/search">'
            f'<label for="q" class="vh">Search</label>'
            f'<input type="search" id="q" name="q" value="{esc(query)}" maxlength="500" '
            f'placeholder="Search quotes, articles, names"{focus}>'
            f'<button class="go" type="submit">Search</button></form>')


def page(title: str, body: str, active: str = "", query: str = "", status: int = 200) -> HTMLResponse:
    """The whole document around ``body`` (already HTML), sent with the script-forbidding headers."""
    nav = "".join(f'<li><a href="{url}"{" aria-current=page" if key == active else ""}>{label}</a></li>'
                  for url, label, key in NAV)
    doc = ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
           "<meta name='viewport' content='width=device-width, initial-scale=1'>"
           f"<title>{esc(title)} · storyline</title><style>{CSS}</style></head><body>"
           "<a class='skip' href='#main'>Skip to content</a>"
           "<header class='site'><div class='bar'><a class='brand' href='/'>storyline</a>"
           f"<nav class='site' aria-label='Main'><ul>{nav}</ul></nav>{search_form(query)}</div></header>"
           f"<main id='main' tabindex='-1'>{body}</main>"
           "<footer class='site'>Every sentence links to the words it rests on. "
           "Article text is shown as published; nothing on these pages runs script.</footer>"
           "</body></html>")
    return HTMLResponse(doc, status_code=status, headers=HEADERS)
