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


@pytest.mark.parametrize("path, expected", [
    ("https://example.com/world/2016/09/12/clinton-health/", "2016-09-12"),
    ("corpus/breitbart_2016-09-12_stealth-over-health.txt", "2016-09-12"),
    ("news_2025_03_14_summit.html", "2025-03-14"),
    ("https://example.com/article/20160912-budget", None),        # no separators: could be any number
    ("https://example.com/2016/09/12/then/2016/09/13/", None),    # two dates: which one?
    ("report-2016-13-45.txt", None),                              # not a date
    ("demo/corpus/korsa_herald_summit.txt", None),
])
def test_dates_in_urls_and_file_names(path, expected):
    from storyline.ingest.dates import path_date

    assert path_date(path) == expected


def test_article_without_any_date_in_its_text_takes_the_file_names_date():
    from storyline.ingest.article import build_article
    from storyline.ingest.readers import RawDoc

    body = ("Green Party candidate Jill Stein was escorted from the debate site by police on Monday, "
            "her campaign said.\n\nStein had a ticket to an overflow room, the campaign added.\n")
    a = build_article(RawDoc("polls/hemps_2016-09-27_stein-removed.txt", body, "text"))
    assert (a.published, a.published_source) == ("2016-09-27", "url")
    dated = build_article(RawDoc("polls/hemps_2016-09-27_stein.txt", "Published: 26 September 2016\n\n" + body, "text"))
    assert (dated.published, dated.published_source) == ("2016-09-26", "published_line")


def test_foreign_month_names_pick_their_locale_before_dateparser_runs():
    """Regression: a German date made dateparser compile all 28 listed locales (~1.5 s per process)."""
    from storyline.ingest.dates import PUBLISH_DATE_LANGUAGES, _languages_of

    assert _languages_of("15. März 2025") == ["de"]
    assert _languages_of("3 марта 2025 г.") == ["ru"]
    assert _languages_of("2025 something") == PUBLISH_DATE_LANGUAGES
