"""The layout benchmark (benchmarks/layout.py) builds its five layouts and sentences itself, without
the code under test; here its renderers, splitter and scorer are checked on an invented article."""

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _bench():
    spec = importlib.util.spec_from_file_location("layout_bench", BENCH / "layout.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


L = _bench()

TITLE = "Korsa & Lindhaven sign <water> pact"
PARAS = [
    "LINDHAVEN - Korsa and Lindhaven signed a water pact on Monday. Mr. Tomas Brenner of the U.S. "
    "embassy attended.",
    '"This is a good day for both our peoples," minister Anna Kowalczyk said. She thanked Dr. Ilse Varga.',
    "The pact runs until 2030 & covers 3 rivers.",
]


def _article():
    blocks = [L.Block((TITLE,), title=True)] + [L.Block(tuple(L.split_sentences(p))) for p in PARAS]
    return L.Source("korsa-pact", "test", tuple(blocks))


def test_sentence_splitter_keeps_abbreviations_and_initials():
    assert L.split_sentences(PARAS[0]) == [
        "LINDHAVEN - Korsa and Lindhaven signed a water pact on Monday.",
        "Mr. Tomas Brenner of the U.S. embassy attended."]
    assert L.split_sentences(PARAS[1]) == [
        '"This is a good day for both our peoples," minister Anna Kowalczyk said.',
        "She thanked Dr. Ilse Varga."]
    assert L.split_sentences('She asked: "Why?" Nobody knew. Gov. J. Marsh and Sen. Olt left.') == [
        'She asked: "Why?"', "Nobody knew.", "Gov. J. Marsh and Sen. Olt left."]
    assert L.split_sentences("It fell 3.5 per cent. it did not split here. Nor here") == [
        "It fell 3.5 per cent. it did not split here.", "Nor here"]


def test_text_layouts():
    a = _article()
    blank = L.render_blank(a)
    assert blank.strip().split("\n\n") == [TITLE, *PARAS]
    single = L.render_single(a)
    assert "\n\n" not in single and single.strip().split("\n") == [TITLE, *PARAS]
    sentence = L.render_sentence(a)
    blocks = sentence.strip().split("\n\n")
    assert len(blocks) == 4 and [b.count("\n") + 1 for b in blocks] == [1, 2, 2, 1]
    assert [" ".join(b.split("\n")) for b in blocks] == [TITLE, *PARAS]


def test_json_layout_has_the_title_apart():
    rec = json.loads(L.render_json(_article()))
    assert rec == {"title": TITLE, "text": "\n\n".join(PARAS)}


def test_html_layout_is_escaped():
    page = L.render_html(_article())
    assert "<title>Korsa &amp; Lindhaven sign &lt;water&gt; pact</title>" in page
    assert "<h1>Korsa &amp; Lindhaven sign &lt;water&gt; pact</h1>" in page
    assert page.count("<p>") == 3 and "2030 &amp; covers" in page and "<water>" not in page
    assert page.index("<h1>") < page.index("<p>LINDHAVEN")


def test_scorer():
    a = [("Anna Kowalczyk", "PERSON"), ("Korsa", "GPE"), ("Korsa", "GPE")]
    assert L.multiset_jaccard(a, list(reversed(a))) == 1.0
    assert L.multiset_jaccard([], []) == 1.0
    assert L.multiset_jaccard(a, a[:2]) == 2 / 3  # a multiset: the second Korsa counts
    assert L.multiset_jaccard(a, []) == 0.0
    assert L.compare("quotes", a, a)["identical"]
    assert not L.compare("paragraphs", ["x", "y"], ["y", "x"])["identical"]  # order matters there
    assert L.compare("paragraphs", ["x", "y"], ["y", "x"])["jaccard"] == 1.0


def test_diff_pairs_near_items():
    lines = L.diff_lines("speakers", [("This is a good day", "Anna Kowalczyk")], [("This is a good day", "Kowalczyk")])
    assert lines[0].startswith("~ blank:") and lines[0].endswith("Anna Kowalczyk")
    assert lines[1].startswith("~ layout:") and lines[1].endswith("| Kowalczyk")
    assert L.diff_lines("paragraphs", ["Korsa signed.", "It rained."], ["Korsa signed. It rained."])[0].startswith(
        "2 paragraphs in blank, 1 here; first difference at paragraph 1")
