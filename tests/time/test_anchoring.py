"""Calendar arithmetic, independent of text."""

from __future__ import annotations

from datetime import date

from storyline.time.anchoring import day_month_year, month_year, season_year, weekday_date

FRI = date(2025, 3, 14)


def test_weekday_modifiers():
    assert weekday_date(FRI, 4, "last", None) == date(2025, 3, 7)
    assert weekday_date(FRI, 4, "next", None) == date(2025, 3, 21)
    assert weekday_date(FRI, 4, "bare", "past") == FRI
    assert weekday_date(FRI, 0, "this", None) == date(2025, 3, 10)
    assert weekday_date(FRI, 2, "deadline", "past") == date(2025, 3, 12)  # nearest: 2 back vs 5 ahead
    assert weekday_date(date(2025, 3, 17), 2, "deadline", "past") == date(2025, 3, 19)


def test_day_month_year_with_weekday_check():
    # 21 March is a Friday in 2025 but not in 2024
    assert day_month_year(date(2025, 3, 19), 3, 21, "past", weekday=4) == date(2025, 3, 21)
    assert day_month_year(date(2025, 1, 3), 12, 31, None) == date(2024, 12, 31)


def test_month_and_season_years():
    assert month_year(FRI, 11, "bare", "past") == 2024
    assert month_year(FRI, 11, "bare", "future") == 2025
    assert month_year(FRI, 2, "bare", "future") == 2026
    assert month_year(FRI, 4, "deadline", "past") == 2025
    assert season_year(FRI, "WI", -1, None) == 2024
    assert season_year(date(2025, 1, 10), "SP", 1, None) == 2025
