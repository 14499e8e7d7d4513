"""Paragraphs whatever the paste's layout: blank lines, single line breaks, one sentence per line,
hard wraps. The same article must clean to the same paragraphs in every layout."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import clean_text
from storyline.text.layout import paragraph_layout

TITLE = "Korsa closes Lindhaven crossing as grain talks stall"
PARAGRAPHS = [
    "LINDHAVEN — Korsa closed its main border crossing with Aldoria on Tuesday, hours after talks on "
    "grain transit broke down for the second time this month.",
    "“We had no choice. The convoys were not inspected,” Interior Minister Anna Kowalczyk told "
    "reporters at the crossing. She said it would reopen “when Aldoria signs the protocol”.",
    "Aldoria's envoy, Tomas Brenner, called the closure a breach of the 2019 transit treaty. "
    "He said his government would ask the regional court to rule by the end of March.",
    "About 240 lorries were waiting on the Aldorian side on Tuesday evening, the border guard said.",
]


def _sentences(p: str) -> list[str]:
    # written out by hand for these paragraphs, so the test does not use the code under test
    cut = {
        PARAGRAPHS[1]: ["“We had no choice.", "The convoys were not inspected,” Interior Minister Anna Kowalczyk "
                        "told reporters at the crossing.",
                        "She said it would reopen “when Aldoria signs the protocol”."],
        PARAGRAPHS[2]: ["Aldoria's envoy, Tomas Brenner, called the closure a breach of the 2019 transit treaty.",
                        "He said his government would ask the regional court to rule by the end of March."],
    }
    return cut.get(p, [p])


LAYOUTS = {
    "blank": TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n",
    "single": TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n",
    "sentence": TITLE + "\n\n" + "\n\n".join("\n".join(_sentences(p)) for p in PARAGRAPHS) + "\n",
    "crlf": (TITLE + "\n" + "\n".join(PARAGRAPHS)).replace("\n", "\r\n"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_cleans_to_the_same_paragraphs(layout):
    c = clean_text(LAYOUTS[layout], language="en")
    assert c.title == TITLE
    assert c.text.split("\n\n") == PARAGRAPHS


def test_single_line_breaks_are_paragraph_ends():
    lay = paragraph_layout("\n".join(PARAGRAPHS))
    assert [ln for ln in lay.lines if ln] == PARAGRAPHS
    assert lay.kind == "single"


def test_one_sentence_per_line_is_joined_into_its_paragraphs():
    lay = paragraph_layout(LAYOUTS["sentence"])
    assert [ln for ln in lay.lines if ln][1:] == PARAGRAPHS
    assert lay.kind in ("sentence", "mixed")


def test_a_paste_of_single_sentence_paragraphs_is_not_merged():
    # wire copy often has one sentence per paragraph, each its own line: these stay apart
    text = "\n".join(p for p in (PARAGRAPHS[0], PARAGRAPHS[3], "The crossing handles a third of Korsa's grain exports.",
                                 "Talks are due to resume in Brask on Friday, officials on both sides said."))
    lay = paragraph_layout(text)
    assert len([ln for ln in lay.lines if ln]) == 4


def test_a_quotation_broken_over_two_lines_is_one_paragraph():
    text = ("Brenner spoke after the meeting.\n"
            "“The treaty is clear.\n"
            "Korsa cannot close a crossing on its own,” he said.\n")
    lay = paragraph_layout(text)
    assert "“The treaty is clear. Korsa cannot close a crossing on its own,” he said." in lay.lines


def test_a_sentence_broken_by_a_rendered_link_is_rejoined_even_across_blank_lines():
    text = ("Editors' note: the ministry has\n\nrepeatedly\n\ndeclined to publish the inspection reports "
            "it cites.\n\nThe border guard counted 240 lorries on Tuesday evening, a spokesman said.")
    c = clean_text(text, language="en")
    assert c.text.split("\n\n")[0] == ("Editors' note: the ministry has repeatedly declined to publish the "
                                        "inspection reports it cites.")


def test_a_multi_paragraph_quote_that_reopens_is_not_joined():
    text = ("“We followed every procedure that was in place at the time. The tender was open.\n"
            "“If this committee finds that any rule was bent, I will go,” Minister Anna Kowalczyk said.")
    assert len([ln for ln in paragraph_layout(text).lines if ln]) == 2


def test_hard_wrapped_prose_is_one_paragraph():
    text = ("LINDHAVEN, March 3 (Nordwire) - Korsa's parliament voted late on Monday to extend the\n"
            "border mission by six months, after a debate in which the opposition accused the\n"
            "government of hiding the cost of the deployment from the public and the press.\n")
    c = clean_text(text, language="en")
    assert "\n" not in c.text and c.text.endswith("press.")


def test_a_list_in_a_single_line_paste_is_judged_as_one_block():
    text = "\n".join(PARAGRAPHS + ["Related stories", "Grain row at Port Selvik spills into border talks",
                                  "Aldoria recalls envoy over transit fees", "Opinion: Who guards the guards"])
    lay = paragraph_layout(text)
    block = lay.lines[lay.lines.index("Related stories"):]
    assert "" not in block  # the heading and its items stay together for the furniture classifier
    c = clean_text(text, language="en")
    assert "Related stories" not in c.text and "Aldoria recalls envoy" not in c.text
    assert c.text.split("\n\n") == PARAGRAPHS


def test_removed_lines_name_the_input_lines_even_when_joined():
    text = "Home | World | Business\nsport and weather\n\n" + "\n".join(PARAGRAPHS)
    c = clean_text(text, language="en")
    raw = text.split("\n")
    for r in c.removed:
        assert raw[r.line_no - 1].strip() == r.text


def test_a_quotation_of_several_sentences_one_per_line_is_one_paragraph():
    text = ("Brenner spoke after the meeting.\n"
            "“The treaty is clear.\n"
            "Korsa cannot close a crossing on its own.\n"
            "We will go to the court,” he said.\n"
            "The ministry did not comment.")
    lines = [ln for ln in paragraph_layout(text).lines if ln]
    assert ("“The treaty is clear. Korsa cannot close a crossing on its own. We will go to the court,” "
            "he said.") in lines
    assert lines[-1] == "The ministry did not comment."


def test_an_unclosed_quotation_mark_does_not_swallow_the_paste():
    # machine translation often loses the closing mark: the next lines stay paragraphs of their own
    text = "\n".join(["“Talks now are a formality, the deputy Iryna Savchuk wrote on her page."] + PARAGRAPHS)
    lines = [ln for ln in paragraph_layout(text).lines if ln]
    assert lines[1:] == PARAGRAPHS


def test_an_address_line_is_never_the_tail_of_a_headline():
    lay = paragraph_layout("Korsa closes Lindhaven crossing as grain talks stall\n\n"
                           "https://nordwire.example/korsa-crossing\n\n" + PARAGRAPHS[0])
    assert "https://nordwire.example/korsa-crossing" in lay.lines
