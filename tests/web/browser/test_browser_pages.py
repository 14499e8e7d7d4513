"""Every reader page, as a person sees it in Chromium at desktop and phone widths.

The pages are found by following links from the home page, so a new page is checked as soon as
something links to it. One page per route shape is enough: the layout depends on the route, not the id.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

WIDTHS = (1280, 375)  # a desktop and a phone

MAX_PAGES = 40


def _shape(url: str) -> str:
    """`/stories/s3` and `/stories/s7` share a shape; `/quotes?speaker=x` differs from `/quotes`."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return "/".join(segments[:1] + ["*"] * (len(segments) - 1)) + "?" + "&".join(keys)


def _site_pages(browser, base: str) -> list[str]:
    page = browser.new_page()
    seen: dict[str, str] = {}
    queue = [base + "/"]
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        shape = _shape(url)
        if shape in seen:
            continue
        seen[shape] = url
        page.goto(url)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        queue += [h.split("#")[0] for h in hrefs if h.startswith(base) and "/api/" not in h]
    page.close()
    return list(seen.values())


@pytest.fixture(scope="module")
def pages(browser, reader_url) -> list[str]:
    found = _site_pages(browser, reader_url)
    assert len(found) >= 3, found  # home, a story and an article at least
    return found


def _visit(browser, url: str, width: int) -> tuple[object, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    response = page.goto(url)
    assert response is not None and response.status < 400, (url, response and response.status)
    return page, problems


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen_without_console_errors(browser, pages, width, shots):
    for url in pages:
        page, problems = _visit(browser, url, width)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{url} scrolls sideways by {overflow}px at {width}px"
        assert not problems, (url, problems)
        if shots is not None:
            name = re.sub(r"[^a-z0-9]+", "_", _shape(url).lower()).strip("_") or "home"
            page.screenshot(path=str(shots / f"{name}_{width}.png"), full_page=True)
        page.context.close()


def test_the_home_page_declares_a_viewport_for_phones(browser, reader_url):
    page, _ = _visit(browser, reader_url + "/", 375)
    assert page.evaluate("document.querySelector('meta[name=viewport]') !== null")
    page.context.close()
