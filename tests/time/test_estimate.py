"""Publish-date windows for undated articles, from the article's own past and future dated references."""

from __future__ import annotations

from datetime import date

from storyline.model import Article
from storyline.time.estimate import estimate_published, period, window
from storyline.time.expressions import extract_times


def undated(text: str) -> Article:
    return Article(id="a_undated", source="paste.txt", text=text, language="en")


def times(text: str, parse):  # type: ignore[no-untyped-def]
    """The pipeline's way: the spaCy parse decides each clause's tense."""
    a = undated(text)
    return a, extract_times(a, parse(text))


def test_past_and_future_references_bound_an_undated_article_and_hold_its_true_date(parse):
    # written on 12 March 2025 (not stated anywhere): the signing is past, the vote ahead
    a, ts = times("The coalition agreement was signed on 2 March 2025 after weeks of talks. Parliament "
                  "will vote on it on 9 April 2025, and the new cabinet will be sworn in the week after.", parse)
    est = estimate_published(ts)
    assert est is not None
    lo, hi = window(est)
    assert lo == date(2025, 3, 2) and hi == date(2025, 4, 9)
    assert lo <= date(2025, 3, 12) <= hi
    assert {s.text for s in est.basis} == {"on 2 March 2025", "on 9 April 2025"}
    for s in est.basis:
        assert a.text[s.start:s.end] == s.text


def test_a_month_or_year_told_as_past_bounds_from_below_only(parse):
    _, ts = times("The mill closed in May 2019 and its workers moved to the port. Three of them opened a bakery.",
                  parse)
    est = estimate_published(ts)
    assert est is not None and est.earliest == "2019-05-01" and est.latest is None


def test_dates_without_their_own_year_or_without_tense_give_no_window(parse):
    assert estimate_published(times("The fair opened on Friday in the old market square.", parse)[1]) is None
    assert estimate_published(times("Tickets: 14 June 2025, market square.", parse)[1]) is None


def test_contradicting_bounds_give_no_window_rather_than_a_wrong_one(parse):
    _, ts = times("The dam was finished in 2031. The council will vote on the plan in March 2024.", parse)
    assert [t.tense for t in ts] == ["past", "future"]
    assert estimate_published(ts) is None


def test_period_covers_days_months_and_years():
    assert period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period("2025") == (date(2025, 1, 1), date(2025, 12, 31))
    assert period("2025-03-04/2025-03-09") == (date(2025, 3, 4), date(2025, 3, 4))
    assert period("2025-W11") is None


def test_story_mates_narrow_the_window_and_anchor_relative_dates(parse):
    from storyline.time.estimate import anchor_of, with_mates
    from storyline.time.expressions import reanchor

    a, ts = times("The ferry company said on Tuesday that it had cancelled the night crossings.", parse)
    assert estimate_published(ts) is None and ts[0].value is None  # alone, "on Tuesday" means nothing
    est = with_mates(None, {"mate1": date(2025, 3, 13), "mate2": date(2025, 3, 14)})
    assert est is not None and est.mates == ["mate1", "mate2"]
    assert window(est) == (date(2025, 3, 10), date(2025, 3, 17))
    anchor = anchor_of(est)
    assert anchor is not None
    (t,) = reanchor(a, ts, anchor)
    assert t.value == "2025-03-11" and t.anchor_estimated and t.anchor == anchor.isoformat()


def test_own_evidence_wins_over_mates_that_contradict_it(parse):
    from storyline.time.estimate import with_mates

    _, ts = times("The bridge was reopened in June 2026 after repairs.", parse)
    own = estimate_published(ts)
    assert own is not None and own.earliest == "2026-06-01"
    assert with_mates(own, {"mate": date(2025, 3, 13)}) is own  # the mates' March 2025 cannot hold


def test_a_wide_window_anchors_nothing():
    from storyline.model import PublishedEstimate
    from storyline.time.estimate import anchor_of

    assert anchor_of(PublishedEstimate(earliest="2025-03-01", latest="2025-04-09")) is None
    assert anchor_of(PublishedEstimate(earliest="2025-03-01")) is None


def test_a_future_seen_from_a_past_event_sets_no_bound(parse):
    # "forced it to close" and "started to repair" are future only from the forcing and the starting:
    # both lie before the writing, so they must not cap the window (before: a latest bound of
    # 2019-12-31 against an earliest of 2021-03-01, a contradiction and no window at all)
    text = ("The dairy ran for decades until falling prices forced it to close in December 2019. Its "
            "owner opened a bakery in March 2021. Engineers started to repair the old boiler on 8 October 2020.")
    a, ts = times(text, parse)
    assert {t.span.text: t.tense for t in ts}["in December 2019"] == "future"  # the clause's reading is unchanged
    est = estimate_published(ts, parse(a.text))
    assert est is not None and est.earliest == "2021-03-01" and est.latest is None
    # the verb's own "will" still looks ahead from the writing, even inside reported speech
    a, ts = times("The owner said in May 2021 that she will open a second shop in June 2022.", parse)
    est = estimate_published(ts, parse(a.text))
    assert est is not None and (est.earliest, est.latest) == ("2021-05-01", "2022-06-30")
