"""What a reader does in Chromium: open a citation, follow it to the words, search for a quote, use the
keyboard. No script runs on these pages (the CSP forbids it): popovers and search are plain HTML."""

from __future__ import annotations

import re


def _story_url(mini_corpus, reader_url: str) -> str:
    story = max(mini_corpus.stories, key=lambda s: len(s.article_ids))
    return f"{reader_url}/stories/{story.id}"


def test_a_citation_opens_its_words_and_leads_to_them_highlighted(browser, reader_url, mini_corpus, shots):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(_story_url(mini_corpus, reader_url))
    button = page.locator("button.cite").first
    popover = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert not popover.is_visible()
    button.click()
    assert popover.is_visible()
    cited = popover.locator(".passage").first.inner_text()
    assert len(cited) > 20
    if shots is not None:
        page.screenshot(path=str(shots / "citation_open_375.png"))
    popover.locator("a.open").first.click()
    page.wait_for_load_state()
    mark = page.locator("mark#span")
    assert mark.is_visible()
    words = mark.inner_text().strip()
    assert words and words in re.sub(r"\s+", " ", cited)  # the popover showed the words it leads to
    page.close()


def test_search_finds_a_quote_and_marks_the_words(browser, reader_url, mini_corpus):
    # a long content word: the full-text index drops stop words such as "against"
    quote = next(q for q in mini_corpus.quotes if q.kind == "direct" and re.search(r"[A-Za-z]{8,}", q.text))
    word = max(re.findall(r"[A-Za-z]{8,}", quote.text), key=len)
    page = browser.new_page()
    page.goto(reader_url + "/")
    page.fill("#q", word)
    page.press("#q", "Enter")
    page.wait_for_load_state()
    assert "/search" in page.url
    marked = [m.lower() for m in page.locator("main mark").all_inner_texts()]
    assert word.lower() in marked
    assert quote.text[:30] in re.sub(r"\s+", " ", page.locator("main").inner_text())
    page.close()


def test_search_without_hits_says_so(browser, reader_url):
    page = browser.new_page()
    page.goto(reader_url + "/search?q=zzqxv")
    assert "No results" in page.locator("main").inner_text()
    page.close()


def test_the_keyboard_reaches_the_skip_link_first_and_opens_a_citation(browser, reader_url, mini_corpus):
    page = browser.new_page()
    page.goto(_story_url(mini_corpus, reader_url))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    button = page.locator("button.cite").first
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator(f"#{button.get_attribute('popovertarget')}").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(f"#{button.get_attribute('popovertarget')}").is_visible()
    page.close()


def test_brief_html_keeps_two_citations_of_a_sentence_on_one_line(browser, reader_url, mini_corpus):
    """Regression: Chromium ignored details{display:inline} and stacked the second citation below."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for story in mini_corpus.stories:
        page.goto(f"{reader_url}/api/stories/{story.id}/brief?format=html")
        tops = page.evaluate("""() => [...document.querySelectorAll('li, p')].map(el =>
            [...el.querySelectorAll(':scope > details')].map(d => Math.round(d.getBoundingClientRect().top)))
            .filter(t => t.length > 1)""")
        for row in tops:
            assert max(row) - min(row) <= 4, (story.id, row)
        if tops:
            break
    else:
        raise AssertionError("no brief sentence with two citations in the mini corpus")
    page.close()
