"""The line classifier on pasted pages that are not from the demo corpus: it must generalise."""

from __future__ import annotations

from storyline.ingest.clean import clean_text
from storyline.text.datelines import dateline_date

PAGE = """\
Skip to main content
THE RIVERTON GAZETTE
Home | City | Business | Culture | Sports | Weather
We use cookies to personalise content. Manage preferences
City council approves new tram line after marathon session
By Olivia Marsh and Peter Kline, city desk
Published: 4 April 2024 21:10
Share on Facebook | Tweet | Email

Riverton's city council voted 31 to 18 late on Thursday to approve a 14-kilometre tram line linking the harbour to the university, ending two years of debate over the cost of the project.

The mayor, Helen Ortiz, said the vote showed that the city was ready to invest in its future. "We have argued about this for long enough, and now we build," she said after the session.

Advertisement

Opponents warned that the budget of 410 million euros was likely to grow. Councillor Dan Weller said his group would ask the regional audit office to review the figures before construction begins in the autumn.
Photo: Riverton Gazette / A. Benn

Construction is expected to take three years.
The first trams could run in 2027, the transport department said.

Related articles
Harbour district braces for years of roadworks
Opinion: Why the tram is the wrong answer
Five things to know about the new line

Comments (41)
Was this article helpful? Yes No
© 2024 Riverton Gazette. All rights reserved.
"""


def reasons(c):
    return {r.text: r.reason for r in c.removed}


def test_header_metadata_is_read_and_removed():
    c = clean_text(PAGE, language="en")
    assert c.title == "City council approves new tram line after marathon session"
    assert c.outlet == "The Riverton Gazette"
    assert c.byline == "Olivia Marsh and Peter Kline"
    assert (c.published, c.published_source) == ("2024-04-04", "published_line")
    r = reasons(c)
    assert r["Skip to main content"] == "skip-link"
    assert r["Home | City | Business | Culture | Sports | Weather"] == "nav"
    assert r["Share on Facebook | Tweet | Email"] == "share"
    assert "marathon session" not in c.text and "Published" not in c.text


def test_body_kept_furniture_dropped_and_audited():
    c = clean_text(PAGE, language="en")
    assert c.text.startswith("Riverton's city council voted 31 to 18")
    assert "Construction is expected to take three years." in c.text
    assert "The first trams could run in 2027" in c.text
    for junk in ("Advertisement", "Photo: Riverton Gazette / A. Benn", "Related articles",
                 "Harbour district braces for years of roadworks", "Comments (41)",
                 "Was this article helpful? Yes No", "All rights reserved"):
        assert junk not in c.text
    r = reasons(c)
    assert r["Advertisement"] == "advert"
    assert r["Five things to know about the new line"] in ("related", "footer")
    # every dropped line is in removed, with its line number
    dropped = [r for r in c.removed if r.text == "Advertisement"]
    assert dropped and dropped[0].line_no == 14


def test_photo_credit_of_own_outlet_is_not_syndication():
    c = clean_text(PAGE, language="en")
    assert c.provenance.syndicated_from is None


def test_lines_within_a_block_are_separate_paragraphs():
    # a single line break between two sentences of prose is a paragraph end in a paste: the cleaned
    # text separates every paragraph with one blank line, whatever the input's layout
    c = clean_text(PAGE, language="en")
    assert "Construction is expected to take three years.\n\nThe first trams" in c.text


GERMAN_UI_ON_ENGLISH = """\
Nordic Mail
Startseite | Politik | Wirtschaft
Harbour strike ends after nine days

The dockworkers' union and port operators reached a deal on Tuesday night that ends a nine-day strike, union leaders said, after the operators agreed to a pay rise of 6 percent over two years.

Teilen
Поделиться
分享

Ships that had queued outside the port for a week began to unload on Wednesday morning, and the port authority said it expected normal traffic by the weekend.

Weiterlesen
Quelle: Nordic Mail mit Material von dpa
"""


def test_ui_labels_in_other_languages_and_scripts_are_dropped():
    c = clean_text(GERMAN_UI_ON_ENGLISH, language="en")
    for label in ("Teilen", "Поделиться", "分享", "Weiterlesen"):
        assert label not in c.text, label
    r = reasons(c)
    assert r["Teilen"] == "share" and r["Поделиться"] == "share"
    assert r["分享"] == "foreign-ui"
    # own outlet with agency material is self-credit
    assert c.provenance.syndicated_from is None
    assert "Quelle: Nordic Mail mit Material von dpa" in c.provenance.credits


def test_source_line_naming_another_outlet_is_syndication():
    page = GERMAN_UI_ON_ENGLISH.replace("Quelle: Nordic Mail mit Material von dpa", "Source: Baltic Wire")
    assert clean_text(page, language="en").provenance.syndicated_from == "Baltic Wire"


def test_wire_tail_and_inline_credit():
    page = ("KALMAR POST\nFerry route reopens\n\n"
            "VISBY, May 2 (Baltic Wire) - The ferry route between Visby and Kalmar reopened on Friday after "
            "repairs to the harbour crane, the operator said in a statement.\n\n"
            "About 40 sailings a week are planned for the summer season, up from 32 last year.\n\n— Baltic Wire\n")
    c = clean_text(page, language="en")
    assert c.provenance.syndicated_from == "Baltic Wire"
    assert "— Baltic Wire" not in c.text
    # a wire's own copy credits itself: not syndication
    own = clean_text(page.replace("KALMAR POST", "BALTIC WIRE"), language="en")
    assert own.provenance.syndicated_from is None


def test_first_appeared_credit():
    page = ("Deep dive\n\nThe harbour authority has published its annual report, showing a record year "
            "for container traffic despite the strike in the spring.\n\n"
            "This article first appeared in The Coastal Times.\n")
    c = clean_text(page, language="en")
    assert c.provenance.syndicated_from == "The Coastal Times"
    assert "first appeared" not in c.text


def test_translation_credits_in_several_languages():
    body = ("\n\nThe regional parliament adopted the budget for next year on Monday after a debate that lasted "
            "late into the night, with 54 votes in favour and 31 against.\n")
    cases = {
        "Translated from German by DeepL": ("DeepL", "German", True),
        "Traduit de l'anglais par Marie Dupont": ("Marie Dupont", "Anglais", False),
        "Übersetzt von Jonas Weber": ("Jonas Weber", None, False),
        "Перевод: Google Translate": ("Google Translate", None, True),
        "Machine translated": ("unknown", None, True),
        "Translated by Anna Kowal": ("Anna Kowal", None, False),
    }
    for credit, (who, lang, machine) in cases.items():
        c = clean_text(credit + body, language="en")
        assert c.provenance.translated_by == who, credit
        assert c.provenance.original_language == lang, credit
        assert ("machine_translated" in c.quality) == machine, credit
        assert credit not in c.text


def test_relative_updated_line_leaves_date_unknown():
    page = ("Metro News\nPower cut hits north side\nUpdated 2 hours ago\n\n"
            "Thousands of homes on the north side lost power on Sunday evening after a fault at a substation, "
            "the grid operator said, adding that repairs would take until midnight.\n")
    c = clean_text(page, language="en")
    assert c.published is None
    assert c.published_source == "unknown"


def test_ambiguous_numeric_date_is_not_guessed():
    page = ("Metro News\nBridge closed for repairs\nPublished 03/04/2024\n\n"
            "The old bridge over the river will be closed for six weeks from Monday while engineers replace "
            "the expansion joints, the city said.\n")
    assert clean_text(page, language="en").published is None
    assert clean_text(page.replace("03/04/2024", "13/04/2024"), language="en").published == "2024-04-13"


def test_updated_date_used_only_without_published():
    page = ("Metro News\nBridge closed\nUpdated: 6 May 2024 | Published: 5 May 2024\n\n"
            "The old bridge over the river will be closed for six weeks from Monday while engineers replace "
            "the expansion joints, the city said.\n")
    assert clean_text(page, language="en").published == "2024-05-05"


def test_dateline_gives_the_date_only_with_a_full_date():
    assert dateline_date("Geneva, Switzerland Mon Mar 3 2025 — Talks resumed on Monday.") == "2025-03-03"
    assert dateline_date("GENEVA, March 3 (Reuters) - Talks resumed on Monday.") is None
    assert dateline_date("Officials said on 3 March 2025 — in a statement — that") is None


def test_german_page_with_german_stopwords():
    page = ("Der Kurier\nStartseite | Politik | Sport\nVon Anna Berg\nVeröffentlicht am 12.05.2024, 10:30 Uhr\n"
            "Stadtrat beschließt neuen Radweg\n\n"
            "Der Stadtrat hat am Donnerstag mit großer Mehrheit den Bau eines neuen Radwegs entlang des Flusses "
            "beschlossen, der bis zum Herbst fertig sein soll.\n\n"
            "Anzeige\n\nDie Kosten von rund zwei Millionen Euro übernimmt zur Hälfte das Land, sagte die "
            "Bürgermeisterin nach der Sitzung.\n\nDas könnte Sie auch interessieren\nNeue Buslinie ab Juni\n"
            "Wetter: Regen am Wochenende\n")
    c = clean_text(page, language="de")
    assert (c.published, c.byline, c.outlet) == ("2024-05-12", "Anna Berg", "Der Kurier")
    assert c.text.startswith("Der Stadtrat hat am Donnerstag")
    assert "Anzeige" not in c.text and "Neue Buslinie" not in c.text
    assert c.text.endswith("sagte die Bürgermeisterin nach der Sitzung.")


def test_page_without_prose_keeps_its_text():
    """Short items (a feed summary) have no long paragraph; nothing may be zoned away."""
    c = clean_text("Tram line approved\nCouncil backs the harbour route.", language="en")
    assert "Council backs the harbour route." in c.text


def test_zones_off_for_extracted_html_keeps_subheadings():
    text = "What happens next\n\nThe council will publish the tender in June, officials said on Friday.\n\nAdvertisement"
    c = clean_text(text, zones=False, language="en")
    assert c.text.startswith("What happens next")
    assert "Advertisement" not in c.text


RESULTS = """\
Davis Cup: Argentina and Kazakhstan win

Argentina beat Chile 2-1 on Tuesday after Diego Schwartzman and Guido Pella won the deciding doubles match in straight sets in Madrid.

"I think Guido helped me a lot to be more confident in this match," Schwartzman said after the win.

AUSTRALIA AHEAD

Australia beat Colombia behind Nick Kyrgios' 6-4, 6-4 win over Alejandro Gonzalez.

Colombia had lost to Belgium on Monday.

Group standings
Group A: Canada 2 wins
Group B: Spain 1 win
Group C: Argentina 2 wins
"""


def test_short_closing_sentences_subheads_and_result_lists_are_kept():
    """Regression: articles that end in short sentences or a results list lost their ending."""
    c = clean_text(RESULTS, language="en")
    assert "Colombia had lost to Belgium on Monday." in c.text
    assert "Group C: Argentina 2 wins" in c.text and "Group standings" in c.text


def test_a_standfirst_above_the_first_paragraph_is_body():
    page = ("Metro News\nHome | City | Sport\nBridge closed for repairs\n\nEngineers start work on Monday.\n\n"
            "The old bridge over the river will be closed for six weeks from Monday while engineers replace the "
            "expansion joints, the city said on Friday.\n")
    c = clean_text(page, language="en")
    assert c.text.startswith("Engineers start work on Monday.") and c.title == "Bridge closed for repairs"


def test_menu_run_inside_the_body_is_dropped_but_an_announced_list_is_kept():
    para = ("The council said on Friday that the new timetable would apply from June, with more trains "
            "running in the evening and at weekends.")
    menu = "\n".join(["World", "Politics", "Business", "Culture", "Travel", "Opinion", "Weather"])
    listed = "\n".join(["The new stops are:", "Harbour Square", "Old Market", "University Gate", "North Park",
                        "Riverside", "Station Road"])
    c = clean_text(f"{para}\n\n{menu}\n\n{para}\n\n{listed}\n\n{para}", language="en")
    assert "Politics" not in c.text and {r.reason for r in c.removed} == {"link-list"}
    assert "University Gate" in c.text


def test_japanese_sentences_end_with_ideographic_full_stops():
    line = "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。"
    c = clean_text("\n\n".join([line] * 8), language="ja")
    assert c.text.count("逮捕") == 8 and not c.removed


def test_dateline_outranks_a_published_line():
    """The issue's order: metadata > dateline > "Published"/"Updated" lines > dates in the text."""
    page = ("Baltic Ledger\nLast updated: Wednesday, March 19, 2025\n\n"
            "LINDHAVEN, Korsa, Mon Mar 17 2025 — Korsa's parliament will vote on Wednesday on sending soldiers "
            "to the border mission, the speaker said after a meeting of party leaders.\n\n"
            "The government needs 231 votes in the 460-seat chamber, and officials said they were confident.\n")
    c = clean_text(page, language="en")
    assert (c.published, c.published_source) == ("2025-03-17", "dateline")
    only_line = page.replace("LINDHAVEN, Korsa, Mon Mar 17 2025 — ", "")
    c = clean_text(only_line, language="en")
    assert (c.published, c.published_source) == ("2025-03-19", "published_line")


def test_a_hard_wrapped_opening_paragraph_is_body_not_header():
    from storyline.ingest.clean import clean_text

    raw = ("Okafor rejects harbour deal\n\n"
           "DAYTON, March 3 (Nordwire) - \"We will not accept this deal under any circumstances,\" Senator\n"
           "Maria Okafor told reporters in Dayton on Monday, adding that the harbour tax\n"
           "would double by spring if the agreement were signed without changes to it.\n")
    c = clean_text(raw, language="en")
    assert c.title == "Okafor rejects harbour deal"
    assert c.text.startswith("DAYTON, March 3 (Nordwire) - \"We will not accept") and "\n" not in c.text
    assert c.text.endswith("without changes to it.")


def test_a_list_of_headlines_is_not_read_as_a_wrapped_paragraph():
    from storyline.ingest.clean import clean_text

    body = ("Speaker Marek Sobel has ordered a parliamentary inquiry into the government's purchase of 12 "
            "helicopters worth 480 million euros, the biggest procurement decision in Korsa's recent history.\n\n")
    raw = (body + "Related stories\nGrain row at Port Selvik spills into Korsa's border plans and trade talks\n"
           "Sejmar committee approves defence budget for the coming year after long debate\n"
           "Opinion: Who checks the checkers?\n")
    c = clean_text(raw, language="en")
    assert "Grain row" not in c.text and "Sejmar committee" not in c.text
