"""Unnamed sources: the words that say who speaks when no one person is named."""


def test_a_group_or_description_is_kept_as_the_source_not_as_a_speaker(quotes_of, one):
    text = ("Dock workers in Port Selvik, who depend on the grain trade, said they had been told to expect a "
            "long standoff. Planners are working on a force of about 10,000 troops, according to two officials "
            "familiar with the talks.\n\n\"We will not sign,\" a senior Aldorian diplomat said.")
    qs = quotes_of(text)
    standoff = one(qs, "long standoff")
    assert standoff.speaker is None and standoff.source.text == "Dock workers in Port Selvik"
    assert text[standoff.source.start:standoff.source.end] == standoff.source.text
    assert one(qs, "10,000 troops").source.text == "two officials familiar with the talks"
    sign = one(qs, "will not sign")
    assert sign.speaker is None and sign.source.text == "a senior Aldorian diplomat"


def test_a_pronoun_or_a_named_speaker_has_no_described_source(quotes_of, one):
    text = ("Senator Maria Okafor spoke in Dayton on Monday. She said the harbour tax would double. "
            "Harbour workers gathered outside. They said the plan would fail.")
    qs = quotes_of(text)
    assert one(qs, "harbour tax").source is None and one(qs, "harbour tax").speaker == "Maria Okafor"
    assert one(qs, "plan would fail").source is None


def test_a_dateline_before_the_source_is_not_part_of_it(quotes_of, one):
    text = ("LINDHAVEN, March 14 (Nordwire) - Defence ministers from 18 countries said on Friday that a "
            "mission to the border would start in May.")
    q = one(quotes_of(text), "mission to the border")
    assert q.source is not None and q.source.text == "Defence ministers from 18 countries"


def test_an_abstract_subject_or_a_quoted_stretch_is_no_source(quotes_of):
    text = ("Senator Maria Okafor spoke in Dayton on Monday. A controversial comment described the harbour "
            "workers as \u201cfreeloaders.\u201d The four \u201cloopholes\u201d reported by the newspaper would "
            "let the port avoid taxes.")
    assert all(q.source is None for q in quotes_of(text))


def test_a_body_not_tagged_as_an_organisation_is_a_source(quotes_of, one):
    text = ("About 40,000 tonnes of wheat are stuck near the port, according to the Port Selvik harbour "
            "authority.")
    q = one(quotes_of(text), "40,000 tonnes")
    assert q.speaker is not None or (q.source is not None and q.source.text.endswith("harbour authority"))
