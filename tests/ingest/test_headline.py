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
    for lead, lang in (("Defence ministers of 18 countries will meet in Lindhaven on Friday, officials said.", "en"),
                       ("Die Verteidigungsminister aus 18 Staaten haben sich am Freitag in Lindhaven geeinigt.", "de"),
                       ("The ministers of 18 countries met in Lindhaven on Friday to plan a mission.", "en"),
                       ("Anna Kowalczyk Said On Friday: \"We Will Not Wait.\"", "en")):
        c = clean_text(lead + "\n\n" + BODY, language=lang)
        assert c.title is None and c.text.startswith(lead.split()[0]), lead


def test_a_sentence_case_headline_with_a_full_stop_over_a_lead_that_retells_it():
    # the lead repeats the headline's words: a headline, which leaves the body
    c = clean_text("Korsa envoy calls on Aldoria to reopen grain talks.\n\n"
                   "Korsa's envoy on Tuesday called on Aldoria to reopen the grain talks that broke down last "
                   "week, saying both sides would lose the harvest otherwise.\n", language="en")
    assert c.title == "Korsa envoy calls on Aldoria to reopen grain talks"
    assert c.text.startswith("Korsa's envoy on Tuesday")


def test_a_headline_the_lead_does_not_retell():
    c = clean_text("Mixed signals over border plan.\n\n" + BODY, language="en")
    assert c.title == "Mixed signals over border plan"
    assert c.text.startswith("The New York Post reports")


def test_a_short_lead_sentence_stays_body():
    for lead in ("It's a tough job hosting the grain talks.", "Korsa closed the crossing on Tuesday.",
                 "Talks broke down yesterday in Brask.", "“We will not sign,” the envoy said."):
        c = clean_text(lead + "\n\n" + BODY, language="en")
        assert c.title is None and c.text.startswith(lead), lead


def test_a_headline_over_a_standfirst_and_a_dateline():
    c = clean_text("Lindhaven struggles back to normal after the floods.\n\nCurfew lifted, but the old town is "
                   "still closed.\n\nLINDHAVEN — A week after the river broke its banks, most shops in the city "
                   "reopened on Monday while soldiers kept clearing the streets.\n", language="en")
    assert c.title == "Lindhaven struggles back to normal after the floods"


def test_a_url_line_and_a_site_name_are_not_the_title():
    c = clean_text("https://korsaherald.example/2025/03/14/envoy-talks\n\n"
                   "Korsa envoy calls for new grain talks | Korsa Herald\n\n" + BODY, language="en")
    assert c.title == "Korsa envoy calls for new grain talks" and c.outlet == "Korsa Herald"
    assert c.url == "https://korsaherald.example/2025/03/14/envoy-talks"
    assert {r.reason for r in c.removed} == {"url", "title"}


def test_navigation_words_are_never_the_outlet():
    c = clean_text("Homepage\nNews\nKorsa envoy calls for new grain talks\n\n" + BODY, language="en")
    assert c.outlet is None and c.title == "Korsa envoy calls for new grain talks"


def test_a_commenter_is_not_the_byline():
    page = ("Korsa envoy calls for new grain talks\nBy Anna Berg\n\n" + BODY +
            "\nComments (2)\nBy Marek T.\nThis is the third time the envoy has called for talks this year, "
            "and nothing happens.\n")
    c = clean_text(page, language="en")
    assert c.byline == "Anna Berg" and "Marek" not in c.text


def test_a_short_sentence_case_headline_is_not_the_outlet():
    c = clean_text("Okafor rejects harbour deal\n\n" + BODY, language="en")
    assert c.outlet is None and c.title == "Okafor rejects harbour deal"
    c = clean_text("Korsa Herald\nOkafor rejects harbour deal\n\n" + BODY, language="en")
    assert c.outlet == "Korsa Herald" and c.title == "Okafor rejects harbour deal"


def test_extracted_html_reads_its_address_and_date_lines_like_a_paste():
    lines = ["https://nordwire.example/2025/03/14/grain-talks", "Published March 14, 2025", BODY.strip()]
    for text, zones in (("\n\n".join(lines), False), ("\n".join(lines), True)):
        c = clean_text(text, zones=zones, language="en")
        assert c.url == lines[0] and c.published == "2025-03-14", zones
        assert c.text.startswith("The New York Post reports"), zones


def test_time_stamp_lines_are_neither_title_nor_body():
    for stamp in ("Updated 9:06 AM", "14 March 2025 Last updated at 14:00 GMT", "Posted on March 14,2025 6:07 PM"):
        c = clean_text(stamp + "\nKorsa envoy calls for new grain talks\n\n" + BODY, language="en")
        assert c.title == "Korsa envoy calls for new grain talks", stamp
        assert stamp not in c.text
