"""A pasted text with no page header that opens with its headline."""

from storyline.ingest.clean import clean_text

BODY = ("The New York Post reports that the campaign avoided taking her to the emergency room on Sunday "
        "in order to keep the details of her treatment private.\n\nAides said she was recovering at home.\n")


def test_title_case_first_line_is_the_headline_even_with_a_full_stop():
    c = clean_text("Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.\n\n" + BODY,
                   language="en")
    assert c.title == "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics"
    assert c.text.startswith("The New York Post reports")
    assert [r.reason for r in c.removed] == ["title"]


def test_a_lead_sentence_is_not_a_headline():
    for lead in ("Defence ministers of 18 countries will meet in Lindhaven on Friday, officials said.",
                 "Die Verteidigungsminister aus 18 Staaten haben sich am Freitag in Lindhaven geeinigt.",
                 "Anna Kowalczyk Said On Friday: \"We Will Not Wait.\""):
        c = clean_text(lead + "\n\n" + BODY, language="en")
        assert c.title is None and c.text.startswith(lead.split()[0]), lead


def test_a_short_sentence_case_headline_is_not_the_outlet():
    c = clean_text("Okafor rejects harbour deal\n\n" + BODY, language="en")
    assert c.outlet is None and c.title == "Okafor rejects harbour deal"
    c = clean_text("Korsa Herald\nOkafor rejects harbour deal\n\n" + BODY, language="en")
    assert c.outlet == "Korsa Herald" and c.title == "Okafor rejects harbour deal"
