"""'Source: clause' headlines as reports of the named source, and the labels that look alike."""


def test_headline_naming_its_source_before_a_colon_is_a_report(quotes_of, one):
    text = ("Okafor: The Port Deal Will Cost Dayton Thousands of Jobs\n\n"
            "Senator Maria Okafor criticised the harbour agreement on Sunday in a long speech.")
    q = one(quotes_of(text), "Port Deal")
    assert q.kind == "indirect" and q.speaker == "Maria Okafor"
    assert q.text == "The Port Deal Will Cost Dayton Thousands of Jobs"


def test_labels_and_two_names_before_a_colon_are_not_reports(quotes_of):
    for head in ("Paid Notice: Deaths HALVORSEN, PETER JOHN", "Okafor and Lindqvist: A Difficult Partnership",
                 "The One Thing Both Parties Want: Lower Port Fees", "DAYTON: Harbour workers begin a strike"):
        text = head + "\n\nSenator Maria Okafor met Anna Lindqvist in Dayton on Sunday."
        assert [q for q in quotes_of(text) if q.span.start < len(head)] == [], head


def test_quoted_headline_stays_a_headline_quote(quotes_of):
    text = "Okafor: 'We will not sign this deal'\n\nSenator Maria Okafor spoke in Dayton on Sunday."
    assert [q for q in quotes_of(text) if q.kind == "indirect" and "sign this deal" in q.text] == []


def test_headline_source_with_an_audience_or_a_lowercase_particle(quotes_of, one):
    text = ("Okafor to Harbour Workers: The Port Deal Will Cost Dayton Jobs\n\n"
            "Senator Maria Okafor told harbour workers in Dayton that the deal would cost jobs.")
    assert one(quotes_of(text), "Port Deal").speaker == "Maria Okafor"
    text = ("De Souza: Harbour Tax Will Double by Spring\n\n"
            "Finance minister Carla de Souza presented the budget on Monday in Dayton.")
    assert one(quotes_of(text), "Harbour Tax").speaker == "Carla de Souza"


def test_a_poll_headline_is_a_report_of_no_one_person_and_labels_stay_labels(quotes_of, one):
    text = ("Poll: Okafor Leads Lindqvist in Dayton by Nine Points\n\n"
            "A survey of 800 voters published on Monday puts Senator Maria Okafor ahead.")
    q = one(quotes_of(text), "Leads Lindqvist")
    assert q.kind == "indirect" and q.speaker is None
    for head in ("The Latest: Okafor Heads to Dayton for a Rally", "Breaking: Harbour Workers Begin a Strike"):
        text = head + "\n\nSenator Maria Okafor met harbour workers in Dayton on Sunday."
        assert [q for q in quotes_of(text) if q.span.start < len(head)] == [], head
