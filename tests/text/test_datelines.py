import pytest

from storyline.text.datelines import dateline_date, dateline_end, parse_dateline


@pytest.mark.parametrize("head, place, agency, date_text, iso", [
    ("LINDHAVEN — ", "LINDHAVEN", None, None, None),
    ("LINDHAVEN, Korsa — ", "LINDHAVEN, Korsa", None, None, None),
    ("BRASK/LINDHAVEN. ", "BRASK/LINDHAVEN", None, None, None),
    ("Washington (AFP) – ", "Washington", "AFP", None, None),
    ("LINDHAVEN, March 14 (Nordwire) - ", "LINDHAVEN", "Nordwire", "March 14", None),
    ("LINDHAVEN, Korsa, Mon Mar 17 2025 — ", "LINDHAVEN, Korsa", None, "Mon Mar 17 2025", "2025-03-17"),
    ("GENEVA, Switzerland, Mon Mar 3 2025 — ", "GENEVA, Switzerland", None, "Mon Mar 3 2025", "2025-03-03"),
    ("NEW YORK (Reuters) - ", "NEW YORK", "Reuters", None, None),
    ("Lindhaven, 14 March (Nordwire) – ", "Lindhaven", "Nordwire", "14 March", None),
    ("WASHINGTON -- ", "WASHINGTON", None, None, None),
])
def test_datelines_are_recognised_with_their_parts(head, place, agency, date_text, iso):
    d = parse_dateline(head + "Defence ministers met on Friday.")
    assert d is not None
    assert (d.end, d.place, d.agency, d.date_text, d.date) == (len(head), place, agency, date_text, iso)
    assert dateline_end(head + "“We agree,” she said.") == len(head)


@pytest.mark.parametrize("bare", ["Washington (AFP) –", "NEW YORK (Reuters) -"])
def test_a_dateline_alone_is_one(bare):
    d = parse_dateline(bare)
    assert d is not None and d.end == len(bare)


@pytest.mark.parametrize("text", [
    "The minister — who spoke late — said the mission would start.",
    "Korsa - the country's largest party - voted against the motion.",
    "US President Joan Doe — speaking in Lindhaven — said talks would go on.",
    "Ministers Agree Border Mission — Air Cover Still Open",
    "Korsa — Ministers met on Friday.",
    "Lindhaven. The ministers met.",
    "LINDHAVEN — the ministers met.",
    "NDC ministers met on Friday.",
])
def test_sentences_and_headlines_are_not_datelines(text):
    assert parse_dateline(text) is None
    assert dateline_end(text) == 0


def test_dateline_date_reads_only_a_full_date_after_a_place():
    assert dateline_date("GENEVA, Switzerland, Mon Mar 3 2025 — Talks resumed.") == "2025-03-03"
    assert dateline_date("LINDHAVEN, Korsa, Mon Mar 17 2025 — Korsa's parliament will vote.") == "2025-03-17"
    assert dateline_date("Geneva, Switzerland Mon Mar 3 2025 — Talks resumed on Monday.") == "2025-03-03"
    assert dateline_date("GENEVA, March 3 (Reuters) - Talks resumed on Monday.") is None
    assert dateline_date("Officials said on 3 March 2025 — in a statement — that") is None
    assert dateline_date("LINDHAVEN — Ministers met.") is None
