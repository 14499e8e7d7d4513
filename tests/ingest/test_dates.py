"""Publish-date strings: unambiguous dates parse, ambiguous ones stay unknown."""

import pytest

from storyline.ingest import dates
from storyline.ingest.dates import parse_publish_date


@pytest.mark.parametrize("text, expected", [
    ("Geneva, Switzerland Mon Mar 3 2025", "2025-03-03"),
    ("Published: 14 March 2025 10:32", "2025-03-14"),
    ("Updated Sept. 21st, 2024, 9:15 a.m.", "2024-09-21"),
    ("2025-03-14T08:00:00Z", "2025-03-14"),
    ("14.03.2025", "2025-03-14"),
    ("15. März 2025", "2025-03-15"),
    ("3 марта 2025 г.", "2025-03-03"),
])
def test_unambiguous_dates_parse(text, expected):
    assert parse_publish_date(text) == expected


@pytest.mark.parametrize("text", [
    "03/04/2025",                        # day/month order unknowable
    "Posted 2 May 2025, updated 3 May 2025",  # two different dates: which one is the publication?
    "March 2025",                        # no day
    "3 hours ago",
])
def test_ambiguous_dates_stay_unknown(text):
    assert parse_publish_date(text) is None


def test_english_month_names_do_not_need_dateparser(monkeypatch):
    """Regression: dateparser tried every locale on English dates, ~4 s of warm-up per worker."""
    def boom():
        raise AssertionError("dateparser called for an English date")

    monkeypatch.setattr(dates, "_dateparser", boom)
    assert parse_publish_date("Mon Mar 3 2025") == "2025-03-03"
    assert parse_publish_date("March 3, 2025") == "2025-03-03"
