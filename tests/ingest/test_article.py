"""build_article: metadata precedence, quality flags, and the demo corpus gold for ingestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest.article import build_article
from storyline.ingest.dedup import find_duplicates
from storyline.ingest.readers import RawDoc, ReadError, read_inputs

REPO = Path(__file__).resolve().parents[2]
BODY = ("The regional parliament adopted the budget for next year on Monday after a debate that lasted late "
        "into the night, with 54 votes in favour and 31 against.")


def test_metadata_date_beats_page_lines():
    page = f"Metro News\nPublished: 5 May 2024\n\nBRASK, Korsa, Mon Mar 3 2025 — {BODY}\n"
    a = build_article(RawDoc("a.json", page, "text", {"published": "2024-05-07T10:00:00"}))
    assert (a.published, a.published_source) == ("2024-05-07", "metadata")
    b = build_article(RawDoc("b.txt", page.replace("Published: 5 May 2024\n", ""), "text"))
    assert (b.published, b.published_source) == ("2025-03-03", "dateline")


def test_no_date_is_unknown_and_flagged():
    a = build_article(RawDoc("a.txt", BODY, "text"))
    assert a.published is None and a.published_source == "unknown" and "date_uncertain" in a.quality


def test_truncated_and_paywalled_flags():
    cut = build_article(RawDoc("a.txt", BODY + "\n\nThe opposition said the plan, which it had fought for months in committee and in the "
                                 "chamber, would cost the region far more than the government admits, and that", "text"))
    assert "truncated" in cut.quality
    wall = build_article(RawDoc("b.txt", BODY + "\n\nSubscribe now to continue reading this article.", "text"))
    assert "paywalled" in wall.quality
    clean = build_article(RawDoc("c.txt", BODY, "text"))
    assert "truncated" not in clean.quality and "paywalled" not in clean.quality


def test_outlet_falls_back_to_url_host():
    a = build_article(RawDoc("a.json", BODY, "text", {"url": "https://www.gazette.example/x"}))
    assert a.outlet == "gazette.example"


def test_nothing_left_is_a_read_error():
    with pytest.raises(ReadError, match="no article text"):
        build_article(RawDoc("a.txt", "Advertisement\nShare\nSubscribe to our newsletter", "text"))


def test_html_reader_drops_scripts_and_reads_metadata():
    html = ("<html><head><title>Budget passed | Gazette</title><meta property='og:site_name' content='Gazette'>"
            "<meta property='article:published_time' content='2024-05-06T08:00:00Z'></head><body>"
            "<script>var tracking = 'evil';</script><article><h1>Budget passed</h1>"
            f"<p onmouseover='steal()'>{BODY}</p><p>Advertisement</p><p>{BODY.replace('Monday', 'Tuesday')}</p>"
            "</article></body></html>")
    a = build_article(RawDoc("a.html", html, "html"))
    assert a.outlet == "Gazette" and a.published == "2024-05-06" and a.published_source == "metadata"
    assert "evil" not in a.text and "steal" not in a.text and "Advertisement" not in a.text
    assert a.text.startswith("The regional parliament")


@pytest.fixture(scope="module")
def demo_articles():
    corpus = REPO / "demo" / "corpus"
    if not corpus.exists():
        pytest.skip("demo corpus absent")
    docs = [d for d in read_inputs([corpus]) if not isinstance(d, ReadError)]
    return find_duplicates([build_article(d) for d in docs])


def test_demo_gold_for_ingestion(demo_articles):
    """Boilerplate, kept lines, dates and provenance of the demo gold, scored like `storyline eval`."""
    from storyline.evaluate.gold import score
    from storyline.model import Corpus

    gold = json.loads((REPO / "demo" / "gold.json").read_text(encoding="utf-8"))
    rows = {s.name: s for s in score(gold, Corpus(articles=demo_articles))}
    for name in ("articles found", "boilerplate removed", "body lines kept", "publish dates", "provenance"):
        assert rows[name].value == 1.0, (name, rows[name].details[:5])


def test_giant_tags_are_defused_not_parsed():
    """Regression: one tag with 100k attributes kept trafilatura busy for minutes."""
    hostile = "<p " + " ".join(f"a{i}='x'" for i in range(100_000)) + ">x</p>"
    html = f"<html><body>{hostile}<article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    a = build_article(RawDoc("a.html", html, "html"))
    assert "regional parliament adopted the budget" in a.text and "a99999" not in a.text


def test_oversized_html_is_cut_and_flagged(monkeypatch):
    from storyline.ingest import html as html_mod

    monkeypatch.setattr(html_mod, "MAX_HTML_CHARS", 5000)
    page = "<html><body><article>" + f"<p>{BODY}</p>" * 200 + "</article></body></html>"
    a = build_article(RawDoc("a.html", page, "html"))
    assert "truncated" in a.quality and len(a.text) < 5000


def test_nesting_deeper_than_the_parser_follows_still_yields_the_text():
    """Regression: 100k nested divs left trafilatura (libxml2 depth limit) with nothing."""
    html = "<html><body>" + "<div>" * 20_000 + f"<p>{BODY}</p>" + "</div>" * 20_000 + "</body></html>"
    html = html.replace("<body>", "<body><script>alert('x')</script>", 1)
    a = build_article(RawDoc("deep.html", html, "html"))
    assert a.text == BODY
