"""End to end: a machine-translated page pasted with single line breaks, whose first quotation
mark is never closed. Every later quote must still be found, with its speaker, and the result must
not depend on the paste's layout."""

from __future__ import annotations

import pytest

LINES = [
    "Varnia Daily",
    "Aldoria's parliament backs envoy plan",
    "Translated from Ukrainian by Google Translate",
    "The parliament of Aldoria on Friday backed a plan to send three envoys to the grain talks in Brask, "
    "with 112 deputies voting in favour.",
    "\u201cKorsa has already closed the border. Talks now are a formality, deputy Iryna Savchuk wrote on her page.",
    "\u201cWe will not leave our farmers without protection,\u201d parliament speaker Oleh Marchenko said.",
    "According to him, the envoys will leave next week.",
    "\u201cThe talks must start before the harvest, not after it,\u201d Foreign Minister Dana Koval told reporters.",
    "Marchenko added that the envoys would report to parliament \u201cevery day\u201d.",
    "Read more:",
    "Korsa closes border crossing",
    "12 comments",
]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    from storyline import Settings, analyze

    out = {}
    for name, sep in (("single", "\n"), ("blank", "\n\n")):
        folder = tmp_path_factory.mktemp(name)
        (folder / "paste.txt").write_text(sep.join(LINES) + "\n", encoding="utf-8")
        out[name] = analyze([folder], Settings(workers=1))
    return out


def _quotes(corpus):
    return {(q.text, q.speaker) for q in corpus.quotes if q.kind in ("direct", "partial")}


def test_quotes_after_an_unclosed_mark_are_found_with_their_speakers(corpora):
    quotes = _quotes(corpora["single"])
    # the first quotation lost its closing mark; its own attribution ends it
    assert ("Korsa has already closed the border. Talks now are a formality", "Iryna Savchuk") in quotes
    assert ("We will not leave our farmers without protection", "Oleh Marchenko") in quotes
    assert ("The talks must start before the harvest, not after it", "Dana Koval") in quotes
    reports = {(q.text, q.speaker) for q in corpora["single"].quotes}
    assert any("every day" in t and s == "Oleh Marchenko" for t, s in reports)


def test_the_single_line_paste_reads_like_the_blank_line_one(corpora):
    single, blank = corpora["single"], corpora["blank"]
    assert _quotes(single) == _quotes(blank)
    a, b = single.articles[0], blank.articles[0]
    assert a.text == b.text and a.title == b.title == "Aldoria's parliament backs envoy plan"
    assert "machine_translated" in a.quality and a.provenance.original_language
    assert "Read more" not in a.text and "Korsa closes border crossing" not in a.text
