"""Numeric claims: values, units, subjects, ranges, bounds and hedges from realistic sentences."""

from __future__ import annotations

import pytest

from storyline.time.claims import extract_claims
from storyline.time.expressions import extract_times


def claims_of(article, parse, text, language="en"):
    art = article(text, language=language)
    doc = parse(text) if language == "en" else None
    busy = [(t.span.start, t.span.end) for t in extract_times(art, doc) if t.kind != "duration"]
    return extract_claims(art, busy, doc)


def one(claims, phrase):
    hits = [c for c in claims if phrase in c.span.text]
    assert hits, f"{phrase!r} not in {[c.span.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("text,phrase,value,unit,approx", [
    ("Planners are working on a force of about 10,000 troops.", "about 10,000 troops", 10000, "troops", True),
    ("Korsa will send up to 2,000 Korsan soldiers to the mission.", "up to 2,000", 2000, "troops", True),
    ("Defence ministers of 18 countries met in Lindhaven.", "18 countries", 18, "countries", False),
    ("Eighteen NDC countries gave their blessing in principle.", "Eighteen", 18, "countries", False),
    ("The deployment would last twelve months.", "twelve months", 12, "months", False),
    ("Exporters lose about 18 euros per tonne in storage costs.", "18 euros", 18, "EUR per tonne", True),
    ("The price rose by 40 million euros after signing.", "40 million euros", 40_000_000, "EUR", False),
    ("Parliament investigates a 480 million euro contract.", "480 million euro", 480_000_000, "EUR", False),
    ("The motion passed in the 460-seat chamber.", "460-seat", 460, "seats", False),
    ("Twenty-five thousand was a ceiling for planning, she said.", "Twenty-five thousand", 25000, None, False),
])
def test_values_units_and_approximation(article, parse, text, phrase, value, unit, approx):
    c = one(claims_of(article, parse, text), phrase)
    assert (c.value, c.unit, c.approx) == (value, unit, approx)


def test_regression_military_is_not_million(article, parse):
    # "12 m(ilitary)" once read as 12 million
    c = one(claims_of(article, parse, "Korsa bought 12 military helicopters from Selvik Aerospace."), "12")
    assert c.value == 12 and c.unit == "helicopters" and c.subject == "military helicopters"


def test_out_of_and_percent_of(article, parse):
    cs = claims_of(article, parse, "The meeting brought together 18 out of 27 member states. Korsa spends 3.5 % of GDP on defence.")
    share = one(cs, "18 out of 27")
    assert (share.value, share.total, share.unit, share.subject) == (18, 27, "countries", "member states")
    pct = one(cs, "3.5")
    assert (pct.value, pct.unit, pct.subject) == (3.5, "%", "GDP")


def test_ranges_and_bounds_are_kept(article, parse):
    cs = claims_of(article, parse, "Between 10,000 and 12,000 troops could be needed, and more than 230 trucks are waiting.")
    r = one(cs, "10,000")
    assert (r.low, r.high, r.qualifier, r.unit, r.approx) == (10000, 12000, "range", "troops", True)
    m = one(cs, "230 trucks")
    assert (m.low, m.high, m.qualifier) == (230, None, "min")


def test_two_numbers_are_not_a_range(article, parse):
    c = one(claims_of(article, parse, "Parliament approved the mission by 241 votes to 190."), "241")
    assert c.value == 241 and c.unit == "votes" and c.high is None


def test_a_12_member_panel(article, parse):
    c = one(claims_of(article, parse, "A 12-member panel will review the tender."), "12-member")
    assert (c.value, c.unit, c.subject) == (12, "members", "panel")


def test_hedged_claims(article, parse):
    cs = claims_of(article, parse, "The mission could reportedly need about 25,000 troops. It has 300 tonnes of wheat.")
    assert one(cs, "25,000").hedged is True
    wheat = one(cs, "300 tonnes")
    assert wheat.hedged is False and wheat.subject == "wheat"


def test_german_separators_and_units(article):
    cs = claims_of(article, None, "Die Militärs planen mit rund 10.000 Soldaten, vorher waren bis zu 25.000 genannt worden.", "de")
    assert (one(cs, "10.000").value, one(cs, "10.000").unit) == (10000, "troops")
    assert one(cs, "25.000").value == 25000 and one(cs, "25.000").unit is None


def test_sourcing_numbers_and_dates_are_not_claims(article, parse):
    cs = claims_of(article, parse, "Two officials said on 14 March 2025 that one diplomat had left.")
    assert cs == []


def test_regressions_from_real_news(article, parse):
    # found running the extractor over real English news: years, clock times and ages are not counts
    text = "Crowds lined the 2020 Rose Parade route at 11 pm, and the 47-year-old was named."
    assert claims_of(article, parse, text) == []


def test_a_force_of_counts_troops(article, parse):
    c = one(claims_of(article, parse, "Briefing papers spoke of a force of up to 25,000, rotating through camps."), "25,000")
    assert (c.value, c.subject, c.unit, c.qualifier) == (25000, "force", "troops", "max")
