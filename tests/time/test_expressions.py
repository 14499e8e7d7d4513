"""Time expressions on realistic news sentences: direction from tense, anchoring, granularity."""

from __future__ import annotations

import pytest

from storyline.time.expressions import extract_times


class Found(dict):
    """Times by span text; looking up a phrase finds the expression that contains it."""

    def __getitem__(self, phrase):
        hits = [v for k, v in self.items() if phrase in k]
        if not hits:
            raise KeyError(f"{phrase!r} not among {list(self)}")
        return hits[0]


def times_of(article, parse, text, published="2025-03-14", language="en"):
    art = article(text, published=published, language=language)
    doc = parse(text) if language == "en" else None
    return Found({t.span.text: t for t in extract_times(art, doc)})


def test_one_sentence_two_tenses(article, parse):
    # Monday 10 March: the meeting is ahead, the confirmation behind
    t = times_of(article, parse, "Defence ministers will meet in Lindhaven on Friday, the ministry confirmed on Sunday.",
                 "2025-03-10")
    assert t["on Friday"].value == "2025-03-14"
    assert t["on Friday"].tense == "future"
    assert t["on Sunday"].value == "2025-03-09"


def test_past_weekday_on_its_own_day_is_that_day(article, parse):
    t = times_of(article, parse, "Ministers agreed in principle on Friday to send a mission, but who will protect it is open.")
    assert t["on Friday"].value == "2025-03-14"


@pytest.mark.parametrize("text,expr,value", [
    ("The council met on Thursday.", "on Thursday", "2025-03-13"),
    ("The council will meet on Thursday.", "on Thursday", "2025-03-20"),
    ("The council is due to meet on Monday.", "on Monday", "2025-03-17"),
    ("Talks collapsed last Friday.", "last Friday", "2025-03-07"),
    ("A new round is planned for next Friday.", "next Friday", "2025-03-21"),
    ("Kowalczyk, who briefed the committee on Tuesday, said she was calm.", "on Tuesday", "2025-03-11"),
])
def test_tense_aware_weekdays(article, parse, text, expr, value):
    assert times_of(article, parse, text)[expr].value == value


def test_present_tense_takes_the_nearest_weekday(article, parse):
    # Monday's paper: "follows Friday's meeting" is three days back, not four ahead
    t = times_of(article, parse, "The motion follows Friday's meeting in Lindhaven.", "2025-03-17")
    assert t["Friday's"].value == "2025-03-14"
    t = times_of(article, parse, "Kowalczyk, who on Friday hosts ministers from 18 countries, faces questions.", "2025-03-13")
    assert t["on Friday"].value == "2025-03-14"


def test_unknown_publish_date_stays_unanchored(article, parse):
    t = times_of(article, parse, "The ministers met on Friday and will meet again next week.", published=None)
    assert t["on Friday"].value is None and t["on Friday"].anchor is None
    assert t["next week"].value is None and t["next week"].granularity == "week"


def test_unknown_publish_date_takes_year_from_the_articles_own_dates(article, parse):
    text = "Since the summit of 14 March 2025, figures have changed. The motion was approved on 21 March."
    t = times_of(article, parse, text, published=None)
    assert t["14 March 2025"].value == "2025-03-14"
    assert t["21 March"].value == "2025-03-21"
    assert t["21 March"].anchor is None


def test_weekday_with_date_picks_the_year_where_they_agree(article, parse):
    t = times_of(article, parse, "Parliament has postponed its vote to Friday, 21 March, after a request.", "2025-03-19")
    assert t["Friday, 21 March"].value == "2025-03-21"


def test_year_boundary(article, parse):
    assert times_of(article, parse, "Fireworks were banned on December 31.", "2025-01-03")["December 31"].value == "2024-12-31"
    assert times_of(article, parse, "The law takes effect on January 1.", "2024-12-30")["January 1"].value == "2025-01-01"


@pytest.mark.parametrize("text,expr,value,gran,mod", [
    ("A deal is expected to be signed in early April.", "early April", "2025-04", "month", "START"),
    ("Officials hope to agree a structure by the end of April.", "the end of April", "2025-04", "month", "END"),
    ("Grain has been held at the port since late February.", "late February", "2025-02", "month", "END"),
    ("The probe began late last year.", "late last year", "2024", "year", "END"),
    ("Varga will reply by the end of the month.", "the end of the month", "2025-03", "month", "END"),
    ("The committee met last week.", "last week", "2025-W10", "week", None),
    ("The contract had been signed in 2024.", "in 2024", "2024", "year", None),
    ("Growth slowed in the first quarter of 2024.", "first quarter of 2024", "2024-Q1", "quarter", None),
    ("Fuel ran short last winter.", "last winter", "2024-WI", "season", None),
    ("The mission could start this summer.", "this summer", "2025-SU", "season", None),
])
def test_months_parts_and_coarse_granularity(article, parse, text, expr, value, gran, mod):
    t = times_of(article, parse, text)[expr]
    assert (t.value, t.granularity, t.mod) == (value, gran, mod)


def test_month_direction_follows_tense(article, parse):
    assert times_of(article, parse, "The helicopters are due to be delivered in February.")["in February"].value == "2026-02"
    assert times_of(article, parse, "Inspectors found undeclared cargo in November.")["in November"].value == "2024-11"


def test_intervals_and_durations(article, parse):
    t = times_of(article, parse, "The exercise runs from 3 to 5 April and the talks lasted three days.")
    iv = t["3 to 5 April"]
    assert iv.value == "2025-04-03/2025-04-05" and iv.end == "2025-04-05" and iv.kind == "interval"
    d = t["three days"]
    assert (d.value, d.kind, d.anchor) == ("P3D", "duration", None)
    w = times_of(article, parse, "A decision is due within two weeks.")["within two weeks"]
    assert w.value == "2025-03-14/2025-03-28"


@pytest.mark.parametrize("text,published,value", [
    ("Der Vertrag wurde am 15.03.2025 unterzeichnet.", "2025-03-20", "2025-03-15"),
    ("The form is dated 03/14/2025.", "2025-03-20", "2025-03-14"),
    ("The form is dated 14/03/2025.", "2025-03-20", "2025-03-14"),
    ("LINDHAVEN, Korsa, Mon Mar 17 2025 - Parliament will vote.", "2025-03-17", "2025-03-17"),
    ("Timeline: 2025-03-19 - vote postponed.", None, "2025-03-19"),
])
def test_absolute_formats(article, parse, text, published, value):
    lang = "de" if "Vertrag" in text else "en"
    assert value in {t.value for t in times_of(article, parse, text, published, lang).values()}


def test_german_weekdays_and_relative_words(article):
    text = ("Die Minister haben sich am Freitag geeinigt. Das Parlament soll am kommenden Mittwoch abstimmen. "
            "Der Ausschuss tagt nächste Woche, ein Bericht folgt Anfang April.")
    t = times_of(article, None, text, "2025-03-15", "de")
    assert t["am Freitag"].value == "2025-03-14"
    assert t["am kommenden Mittwoch"].value == "2025-03-19"
    assert t["nächste Woche"].value == "2025-W12"
    assert t["Anfang April"].value == "2025-04"


@pytest.mark.parametrize("text", [
    "Aldoria Today reported the halt first.",
    "The deal may collapse if Aldoria walks away.",
    "Protesters will march on the ministry.",
    "The Arab Spring changed the region.",
    "The ministers met at 08:30 in the town hall.",
    "Korsa spends 3.5 % of GDP on defence.",
])
def test_words_that_only_look_like_dates(article, parse, text):
    assert times_of(article, parse, text) == {}


def test_spans_are_slices_of_the_text(article, parse):
    text = "LINDHAVEN, March 14 (Nordwire) - Ministers met on Friday; the vote is next Wednesday, 19 March."
    art = article(text)
    for t in extract_times(art, parse(text)):
        assert text[t.span.start : t.span.end] == t.span.text


@pytest.mark.parametrize("text,absent", [
    ("The 37-year-old was arrested on Sunday.", "37-year"),
    ("The firm will announce partnerships in the coming months.", "coming months"),
    ("Protesters will rally every Tuesday until the vote.", "Tuesday"),
    ("Illinois is ready for March Madness.", "March"),
])
def test_regressions_from_real_news(article, parse, text, absent):
    # found running the extractor over real English news (SemEval 2022 task 8 sample)
    assert not any(absent in k for k in times_of(article, parse, text))


def test_conflicting_years_give_no_year_context(article, parse):
    text = "The deal of 2 May 2023 was replaced on 4 June 2024. Talks resumed on 21 March."
    t = times_of(article, parse, text, published=None)
    assert t["21 March"].value is None


def test_season_and_quarter_words_inside_other_words_are_not_dates():
    # regression: "windfall" held the season "fall"; a German calendar without quarter words
    # matched every " quarter" in the text
    from storyline.time.calendar_words import calendar

    for lang in ("en", "de"):
        spans = [m.group(0) for kind, rx in calendar(lang).patterns for m in rx.finditer(
            "The windfall tax raised a quarter of the budget.") if kind in ("season", "quarter")]
        assert spans == [], (lang, spans)


@pytest.mark.parametrize("published", ["2025-11-02", "2025-11-03", "2025-11-05"])  # a Sunday, Monday, Wednesday
@pytest.mark.parametrize("verb", ["spoke", "will speak"])
@pytest.mark.parametrize("part", ["night", "evening", "morning", "afternoon"])
def test_weekday_with_daypart_resolves_like_the_bare_weekday(article, parse, published, verb, part):
    """'Sunday night' is Sunday: the daypart must not change which Sunday the anchor and tense pick."""
    bare = times_of(article, parse, f"Varga {verb} in Talmor on Sunday.", published)["Sunday"]
    with_part = times_of(article, parse, f"Varga {verb} in Talmor on Sunday {part}.", published)[f"Sunday {part}"]
    assert with_part.value == bare.value and with_part.granularity == "day"
