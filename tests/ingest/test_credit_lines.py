"""Credits in pasted pages, read by the cleaner: wire tags glued to the last sentence, labels with
their value on the next line, machine-translation credits in any script."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import clean_text

LEAD = ("The envoys of Korsa and Aldoria will meet in Brask on Monday to restart the grain talks, the "
        "foreign ministry said on Friday.")
LAST = "“If there is no deal, the border stays closed,” he added."


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-line", "blank-line"])
@pytest.mark.parametrize("tag", ["/ AFP", "/AFP/", " (AFP)", " — AFP"])
def test_a_wire_tag_glued_to_the_last_sentence_is_read_and_the_sentence_kept(sep, tag):
    page = sep.join(["Grain envoys to meet in Brask next week", LEAD, LAST + tag, "Share this article"])
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == [LEAD, LAST]
    assert c.provenance.syndicated_from == "AFP"


def test_a_source_label_with_its_value_on_the_next_line():
    page = "\n".join([LEAD, LAST, "Source:", "Nordwire / agencies", "Photo credit", "Korsa Herald archive"])
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == [LEAD, LAST]
    assert c.provenance.syndicated_from == "Nordwire"
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Nordwire / agencies"] == "source-credit"
    assert reasons["Korsa Herald archive"] == "credit"  # a photo credit is no syndication


def test_the_page_crediting_itself_is_not_a_copy():
    page = "\n".join(["Korsa Herald", "Grain envoys to meet in Brask next week", LEAD, LAST + " — Korsa Herald"])
    c = clean_text(page, language="en")
    assert c.outlet == "Korsa Herald" and c.provenance.syndicated_from is None
    assert c.text.endswith(LAST)


@pytest.mark.parametrize("credit", ["Перевод: Google Translate", "Переклад: DeepL", "机器翻译",
                                    "Automatische Übersetzung: DeepL", "Machine translation by DeepL"])
def test_machine_translation_credits_in_any_script_flag_the_article(credit):
    c = clean_text("\n".join([credit, LEAD, LAST]), language="en")
    assert "machine_translated" in c.quality, credit
    assert c.provenance.translated_by and credit in c.provenance.credits
    assert c.text.split("\n\n") == [LEAD, LAST]


def test_a_stated_original_language_is_kept():
    c = clean_text("\n".join(["This article was machine-translated from Ukrainian.", LEAD, LAST]), language="en")
    assert "machine_translated" in c.quality and c.provenance.original_language


def test_ordinary_sentence_endings_are_not_credits():
    ends = ["The talks were hosted by the World Health Organization (WHO).",
            "The treaty was signed in Lindhaven (Korsa).", "Turnout was 1/2 of the 2019 level, officials said."]
    c = clean_text("\n".join([LEAD] + ends), language="en")
    assert c.text.split("\n\n") == [LEAD] + ends
    assert c.provenance.syndicated_from is None
