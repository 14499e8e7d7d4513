"""Reported speech that PolNeAR annotates and the rules used to miss: one class per test, each
with invented text."""


def test_report_before_a_quote_paragraph_is_kept(quotes_of, one):
    # regression: the parser ran the report's sentence on into the quote paragraph after it, so the
    # second "said" took the first one's clause as its own; that outer report was then cut to the
    # quote's paragraph and dropped as the quote's, and the report was lost with it
    text = ("The port will modernise its docks this winter.\n\n"
            "Nell Varga, a spokeswoman for the port authority, said that the central goal of the plan was "
            "cutting delays, and that no dock workers would lose their jobs.\n\n"
            "''As we have said from the start, the authority is committed to keeping every crew on the payroll "
            "while the cranes are replaced,'' Ms. Varga said.\n\nThe work starts in May.")
    qs = quotes_of(text)
    q = one(qs, "central goal")
    assert q.kind == "indirect" and q.speaker == "Nell Varga"
    assert q.text.endswith("no dock workers would lose their jobs")
    assert one(qs, "every crew").kind == "direct"


def test_a_poll_named_by_in_reports_the_rest_of_its_sentence(quotes_of, one):
    text = ("The race has tightened.\n\n"
            "In the latest Harbor Research poll, Mayor Tom Rivers led his challenger by six points among "
            "likely voters.\n\nRivers leads by six points in the new survey, released on Monday.")
    qs = quotes_of(text)
    q = one(qs, "led his challenger")
    assert q.kind == "indirect" and q.text == "Mayor Tom Rivers led his challenger by six points among likely voters"
    assert q.speaker == "Harbor Research"  # the pollster, never the candidate the finding is about
    bare = one(qs, "Rivers leads")
    assert bare.kind == "indirect" and bare.speaker is None  # "the new survey": nobody named


def test_in_that_names_no_finding_reports_nothing(quotes_of):
    # "in the polls" as a noun's modifier ("his lead in the polls") and "in" with any other noun
    text = ("Mayor Tom Rivers has a wide lead in the polls. Rivers spoke in the town hall on Monday evening. "
            "Voters in the survey area waited for hours.")
    assert [q for q in quotes_of(text) if q.cue and q.cue.lower() == "in"] == []


def test_colon_headline_with_a_title_an_abbreviation_or_a_quote_inside(quotes_of, one):
    text = ("Dr. Maria Okafor at Harbour Forum: Port Deal Breaks the Law in Dayton v. Marsh Ruling.\n\n"
            "Retired judge Maria Okafor spoke at the harbour forum on Sunday.")
    q = one(quotes_of(text), "Port Deal Breaks")
    assert q.kind == "indirect" and q.speaker == "Maria Okafor"
    assert q.text == "Port Deal Breaks the Law in Dayton v. Marsh Ruling"
    text = ("Tom Rivers: ‘No Idea’ If the Port Will Reopen Before Winter.\n\n"
            "Mayor Tom Rivers spoke to reporters in Dayton on Monday.")
    q = one(quotes_of(text), "If the Port")
    assert q.kind == "indirect" and q.speaker == "Tom Rivers"


def test_title_case_headline_with_its_cue_after_the_name(quotes_of, one):
    text = ("Harbour Chief Maria Okafor Slams Port Deal As A Gift To Developers.\n\n"
            "Maria Okafor, who runs the harbour authority, spoke in Dayton on Monday.")
    q = one(quotes_of(text), "Port Deal")
    assert q.kind == "indirect" and q.speaker == "Maria Okafor"
    assert q.text == "Port Deal As A Gift To Developers"
    # the name does not end right before the cue: someone else speaks, so no report is made up
    text = ("Maria Okafor Campaign Manager Slams Port Deal.\n\n"
            "Maria Okafor spoke in Dayton on Monday.")
    assert [q for q in quotes_of(text) if q.span.start < 40 and q.speaker == "Maria Okafor"] == []
