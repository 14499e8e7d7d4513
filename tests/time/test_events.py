"""Events: extraction from dated sentences, merging across outlets, status and plan revisions."""

from __future__ import annotations

import re

from storyline.time.events import ArticleFacts, build_events
from storyline.time.expressions import extract_times


def facts(article, parse, text, published, aid, outlet, names):
    art = article(text, published=published, aid=aid, outlet=outlet)
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    ents = [(m.start(), m.end(), eid) for name, eid in names.items() for m in re.finditer(re.escape(name), text)]
    return ArticleFacts(art, sents, extract_times(art, parse(text)), ents)


NAMES = {"Sejmar": "e_sejmar", "Korsa": "e_korsa", "Lindhaven": "e_lindhaven", "Kowalczyk": "e_kowalczyk"}


def test_same_meeting_from_two_outlets_merges_with_place_and_status(article, parse):
    a = facts(article, parse, "Defence ministers met in Lindhaven on Friday, Kowalczyk said.", "2025-03-15", "a", "Aldoria Today", NAMES)
    b = facts(article, parse, "Kowalczyk hosted the meeting in Lindhaven on Friday.", "2025-03-16", "b", "Varnia Daily", NAMES)
    evs = build_events([a, b], {"a": "s1", "b": "s1"})
    meet = [e for e in evs if e.date == "2025-03-14"]
    assert len(meet) == 1
    ev = meet[0]
    assert {s.article_id for s in ev.evidence} == {"a", "b"}
    assert ev.place == "Lindhaven" and ev.status == "happened" and ev.action == "meet"
    assert "e_kowalczyk" in ev.entities


def test_postponed_vote_revises_the_plan(article, parse):
    plan = facts(article, parse, "The Sejmar will vote on Wednesday on the Korsa mission.", "2025-03-17", "p", "Baltic Ledger", NAMES)
    change = facts(article, parse, "The Sejmar has postponed its vote on the Korsa mission to Friday, 21 March.", "2025-03-19",
                   "c", "Korsa Herald", NAMES)
    evs = {e.date: e for e in build_events([plan, change], {"p": "s1", "c": "s1"})}
    assert evs["2025-03-19"].status == "planned"
    assert evs["2025-03-21"].status == "changed"
    assert evs["2025-03-21"].revises == evs["2025-03-19"].id


def test_later_report_of_outcome_sets_status(article, parse):
    plan = facts(article, parse, "The Sejmar will vote on the Korsa mission on Friday, 21 March.", "2025-03-19", "p", "Korsa Herald", NAMES)
    done = facts(article, parse, "The Sejmar approved the Korsa mission on 21 March.", "2025-03-28", "d", "Lindhaven Post", NAMES)
    evs = build_events([plan, done], {"p": "s1", "d": "s1"})
    vote = [e for e in evs if e.date == "2025-03-21"]
    assert len(vote) == 1 and vote[0].status == "happened" and len(vote[0].evidence) == 2


def test_dateline_date_is_not_an_event(article, parse):
    f = facts(article, parse, "LINDHAVEN, March 14 (Nordwire) - The Sejmar said it will vote on Wednesday.", "2025-03-14",
              "n", "Nordwire", NAMES)
    evs = build_events([f], {"n": "s1"})
    assert [e.date for e in evs] == ["2025-03-19"]
    assert not evs[0].description.startswith("LINDHAVEN")


def test_will_not_attend_then_attends(article, parse):
    names = {**NAMES, "Volkhov": "e_volkhov"}
    before = facts(article, parse, "Volkhov will not attend Friday's summit in Lindhaven, his ministry said.", "2025-03-12",
                   "b", "Aldoria Today", names)
    after = facts(article, parse, "Volkhov attended the summit in Lindhaven on Friday after all.", "2025-03-15",
                  "a", "Nordwire", names)
    evs = build_events([before, after], {"b": "s1", "a": "s1"})
    by_status = {e.status: e for e in evs if e.date == "2025-03-14"}
    assert set(by_status) == {"cancelled", "happened"}
    assert by_status["happened"].revises == by_status["cancelled"].id


def test_outlets_disagreeing_on_the_date_are_flagged(article, parse):
    names = {**NAMES, "Volkhov": "e_volkhov"}
    a = facts(article, parse, "Kowalczyk met Volkhov in Lindhaven on Friday to discuss air cover.", "2025-03-15",
              "a", "Korsa Herald", names)
    b = facts(article, parse, "Kowalczyk met Volkhov in Lindhaven on Thursday to discuss air cover.", "2025-03-15",
              "b", "Aldoria Today", names)
    evs = {e.date: e for e in build_events([a, b], {"a": "s1", "b": "s1"})}
    assert set(evs) == {"2025-03-13", "2025-03-14"}
    assert evs["2025-03-13"].conflicts == [evs["2025-03-14"].id]
    assert evs["2025-03-14"].conflicts == [evs["2025-03-13"].id]


def test_merged_event_is_worded_in_the_story_main_language():
    # regression: a German report published a day later turned the English timeline entry German
    from storyline.model import Article, Event
    from storyline.time.events import merge_events

    texts = {"en1": "Ministers met in Lindhaven on Friday and backed the mission.",
             "en2": "On Friday ministers in Lindhaven backed the border mission.",
             "de": "Die Minister haben sich am Freitag in Lindhaven auf die Mission geeinigt."}
    arts = {k: Article(id=k, source=k, text=t) for k, t in texts.items()}
    raw = [Event(id="", date="2025-03-14", description=t, entities=["lindhaven"], action="meet", status="happened",
                 evidence=[arts[k].span(0, len(t))], story_id="s") for k, t in texts.items()]
    published = {"en1": "2025-03-14", "en2": "2025-03-14", "de": "2025-03-15"}
    merged = merge_events(raw, published, {"en1": "en", "en2": "en", "de": "de"})
    assert len(merged) == 1 and len(merged[0].evidence) == 3
    assert merged[0].description in (texts["en1"], texts["en2"])
    # without language information the latest report still wins, as before
    assert merge_events(raw, published)[0].description == texts["de"]


def test_meeting_plan_outcome_and_reference_are_one_event(article, parse):
    """Regression: the demo's 14 March summit was three timeline rows (meet/decide/agree)."""
    plan = facts(article, parse, "Defence ministers will meet in Lindhaven on Friday to decide on the Korsa mission.",
                 "2025-03-09", "p", "Korsa Herald", NAMES)
    ref = facts(article, parse, "Since the Lindhaven summit of 14 March 2025, the plan has changed.",
                "2025-03-28", "r", "Lindhaven Post", NAMES)
    outcome = facts(article, parse, "Defence ministers agreed in Lindhaven on Friday to back the Korsa mission.",
                    "2025-03-15", "o", "Nordwire", NAMES)
    evs = [e for e in build_events([plan, ref, outcome], {"p": "s1", "r": "s1", "o": "s1"}) if e.date == "2025-03-14"]
    assert len(evs) == 1
    assert {s.article_id for s in evs[0].evidence} == {"p", "r", "o"}
    assert evs[0].status == "happened"


def test_meeting_and_decision_without_shared_participant_stay_apart(article, parse):
    a = facts(article, parse, "Kowalczyk will meet farmers in Brask on Friday about grain prices.", "2025-03-10", "a",
              "Korsa Herald", NAMES)
    b = facts(article, parse, "The Sejmar decided on Friday to cut the grain levy.", "2025-03-15", "b", "Nordwire", NAMES)
    evs = [e for e in build_events([a, b], {"a": "s1", "b": "s1"}) if e.date == "2025-03-14"]
    assert len(evs) == 2


def test_date_inside_a_quote_is_not_a_statement_event(article, parse):
    text = ('"This mission cannot start without air cover. We have said that to every partner, and we will say it '
            'again on Friday," Kowalczyk said.')
    f = facts(article, parse, text, "2025-03-09", "q", "Korsa Herald", NAMES)
    assert [e for e in build_events([f], {"q": "s1"}) if e.date == "2025-03-14"] == []


# Regression set from election-night coverage, rewritten with invented names: each test is a class
# of timeline failure, not one sentence.
VOTE_NAMES = {"Varga": "e_varga", "Delmont": "e_delmont", "Ostrava Council": "e_council", "Brennick": "e_brennick",
              "Talmor": "e_talmor"}


def _no_sentence_twice(evs):
    """No evidence span is listed under two dates or twice under one date."""
    seen = [(s.article_id, s.start, s.end) for e in evs for s in e.evidence]
    assert len(seen) == len(set(seen))


def test_status_comes_from_the_dates_own_clause(article, parse):
    # the change word belongs to another clause: the meeting itself happened on Tuesday
    f = facts(article, parse, "Delmont met Varga in Talmor on Tuesday, after the Brennick rally had been postponed.",
              "2025-11-05", "a", "Talmor Courier", VOTE_NAMES)
    evs = build_events([f], {"a": "s1"})
    assert [(e.date, e.status, e.action) for e in evs] == [("2025-11-04", "happened", "meet")]


def test_past_report_of_a_reaction_is_happened_next_to_a_future_election_day(article, parse):
    # the election day in the relative clause is not what the critics' report is about
    text = "Critics in Brennick said on Monday that Varga, who will face voters on Tuesday, November 11, had gone too far."
    f = facts(article, parse, text, "2025-11-05", "a", "Talmor Courier", VOTE_NAMES)
    evs = build_events([f], {"a": "s1"})
    assert [(e.date, e.status, e.action) for e in evs] == [("2025-11-03", "happened", "statement")]


def test_quoted_date_is_the_speakers_claim_not_an_event(article, parse):
    # the speaker names a wrong election day inside quotation marks: no event on that day
    text = 'Varga told supporters in Brennick on Saturday: "Vote on Wednesday, November 5, and bring your neighbours" .'
    f = facts(article, parse, text, "2025-11-02", "a", "Talmor Courier", VOTE_NAMES)
    evs = build_events([f], {"a": "s1"})
    assert [e.date for e in evs] == ["2025-11-01"]


def test_reported_wrong_date_does_not_list_the_sentence_twice(article, parse):
    text = "Delmont set off a firestorm in Brennick on Sunday when he said voters should vote on Wednesday."
    f = facts(article, parse, text, "2025-11-03", "a", "Talmor Courier", VOTE_NAMES)
    evs = build_events([f], {"a": "s1"})
    assert [(e.date, e.status) for e in evs] == [("2025-11-02", "happened")]


def test_one_event_per_sentence_and_date(article, parse):
    twice_one_day = "Varga signed the pact in Talmor on Friday, 7 November, and met Delmont there on Friday."
    three_days = "Varga met Delmont in Talmor on Sunday night and again on Monday, and the two will sign the pact on Friday."
    for text, published, dates in ((twice_one_day, "2025-11-08", ["2025-11-07"]), (three_days, "2025-11-04", ["2025-11-02"])):
        f = facts(article, parse, text, published, "a", "Talmor Courier", VOTE_NAMES)
        evs = build_events([f], {"a": "s1"})
        assert [e.date for e in evs] == dates
        _no_sentence_twice(evs)


def test_opening_date_keeps_its_clause_and_the_next_sentence_joins_the_event(article, parse):
    text = ("On Tuesday, the Ostrava Council voted to close the Talmor depot after a long fight over the cost of the "
            "new line, the jobs it would take from the valley towns and the noise it would bring to the streets of Brennick. "
            "The meeting ran past midnight. The depot will close in the spring.")
    f = facts(article, parse, text, "2025-11-05", "a", "Talmor Courier", VOTE_NAMES)
    evs = build_events([f], {"a": "s1"})
    assert len(evs) == 1
    ev = evs[0]
    assert ev.date == "2025-11-04" and ev.status == "happened" and ev.action == "vote"
    assert "voted to close" in ev.description and ev.description != "On Tuesday"
    assert [s.text for s in ev.evidence][1:] == ["The meeting ran past midnight."]


def test_next_sentence_with_its_own_date_or_another_noun_is_not_attached(article, parse):
    own_date = ("On Tuesday, the Ostrava Council voted to close the Talmor depot. "
                "The meeting on Thursday will set the timetable.")
    other = "On Tuesday, the Ostrava Council voted to close the Talmor depot. The depot employs forty people."
    for text in (own_date, other):
        f = facts(article, parse, text, "2025-11-05", "a", "Talmor Courier", VOTE_NAMES)
        vote = [e for e in build_events([f], {"a": "s1"}) if e.date == "2025-11-04"]
        assert len(vote) == 1 and len(vote[0].evidence) == 1


def test_skip_then_join_is_a_change_with_both_reports(article, parse):
    skip = facts(article, parse, "Varga will skip the summit in Talmor on Friday, her office said.", "2025-11-03",
                 "a", "Talmor Courier", VOTE_NAMES)
    join = facts(article, parse, "Varga will join the summit in Talmor on Friday after all, her office said on Wednesday.",
                 "2025-11-05", "b", "Brennick Star", VOTE_NAMES)
    evs = [e for e in build_events([skip, join], {"a": "s1", "b": "s1"}) if e.date == "2025-11-07"]
    by_status = {e.status: e for e in evs}
    assert set(by_status) == {"cancelled", "changed"}
    assert by_status["changed"].revises == by_status["cancelled"].id
    assert [s.article_id for s in by_status["cancelled"].evidence] == ["a"]
    assert [s.article_id for s in by_status["changed"].evidence] == ["b"]
    _no_sentence_twice(evs)


def test_join_then_skip_revises_the_plan(article, parse):
    join = facts(article, parse, "Varga will join the summit in Talmor on Friday, her office said.", "2025-11-03",
                 "a", "Talmor Courier", VOTE_NAMES)
    skip = facts(article, parse, "Varga will skip the summit in Talmor on Friday, her office said on Wednesday.",
                 "2025-11-05", "b", "Brennick Star", VOTE_NAMES)
    evs = {e.status: e for e in build_events([join, skip], {"a": "s1", "b": "s1"}) if e.date == "2025-11-07"}
    assert set(evs) == {"planned", "cancelled"}
    assert evs["cancelled"].revises == evs["planned"].id


def test_a_timeline_description_never_holds_half_a_quotation():
    """A sentence split inside a long quote, or a cut at a comma in it, must not make the event
    "[by releasing one clip at a time], thinking we will go home quietly," X said ...": the
    description takes the quotation whole."""
    from storyline.time.events import _clause

    text = ('"They keep handing us pieces of the story. [By releasing one clip at a time], they think we will '
            'go home," Mira Tennant said as marchers crossed the Harlow bridge early Sunday.')
    ts = text.index("early Sunday")
    inside = text.index("[By")  # where a sentence splitter may start the sentence
    s, e = _clause(text, inside, len(text), ts, ts + len("early Sunday"))
    description = text[s:e]
    assert "early Sunday" in description
    assert description.count('"') % 2 == 0 and not description.startswith("[")
