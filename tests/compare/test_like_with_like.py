"""The comparison's reported faults on real news, replayed on invented stories: numbers of other
places or years compared as one, a count that is both conflict and agreement, an empty
"contradicts" column, framing items that contradict themselves, spelling variants as differences,
places and fragments as voices, one person as two voices, and non-questions as open questions."""

from __future__ import annotations

from storyline.compare.compare import compare_story
from storyline.compare.context import StoryContext
from storyline.compare.framing import framing
from storyline.compare.questions import open_questions
from storyline.compare.voices import voices
from storyline.model import Article, Claim, Entity, Quote, Story


def _story(texts: dict[str, str], numbers: list[tuple[str, str, float, str]], places: tuple[str, ...] = ()):
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"Outlet {k.upper()}", text=t, language="en",
                       published=f"2026-04-0{i + 1}") for i, (k, t) in enumerate(texts.items())}
    claims = [Claim(id=f"c{i}", span=arts[k].span(arts[k].text.index(n), arts[k].text.index(n) + len(n)),
                    subject=None, value=v, unit=u) for i, (k, n, v, u) in enumerate(numbers)]
    ents = {f"g{i}": Entity(id=f"g{i}", name=p, type="GPE") for i, p in enumerate(places)}
    story = Story(id="s", title="t", article_ids=list(arts))
    return compare_story(story, arts, [], claims, [], {k: [(0, len(t))] for k, t in texts.items()}, ents)


def test_counts_of_two_places_or_two_years_are_not_one_quantity():
    places = _story({"a": "The storm killed 8 people in Harlow on Monday, rescuers said.",
                     "b": "The storm killed 30 people in Brevik on Monday, rescuers said."},
                    [("a", "8 people", 8, "people"), ("b", "30 people", 30, "people")], ("Harlow", "Brevik"))
    years = _story({"a": "The 2004 flood destroyed 1,200 homes along the river, the survey found.",
                    "b": "The 2019 flood destroyed 900 homes along the river, the survey found."},
                   [("a", "1,200 homes", 1200, "homes"), ("b", "900 homes", 900, "homes")])
    for comp in (places, years):
        assert comp.conflicts == [] and all(not r.contradict for r in comp.claims)


def test_a_count_is_a_conflict_or_an_agreement_never_both_and_contradict_names_the_other_value():
    both = _story({"a": "Planners spoke of 10,000 troops at first and 25,000 troops at full strength.",
                   "b": "The force would have 10,000 troops at first and 25,000 troops at full strength."},
                  [("a", "10,000 troops", 1e4, "troops"), ("a", "25,000 troops", 2.5e4, "troops"),
                   ("b", "10,000 troops", 1e4, "troops"), ("b", "25,000 troops", 2.5e4, "troops")])
    assert both.conflicts == []  # both outlets give both numbers: nobody disagrees
    differ = _story({"a": "The border force will count about 10,000 troops, officials said.",
                     "b": "The border force will count about 10,000 troops, planners said.",
                     "c": "The border force will count about 12,000 troops, a diplomat said."},
                    [("a", "10,000 troops", 1e4, "troops"), ("b", "10,000 troops", 1e4, "troops"),
                     ("c", "12,000 troops", 1.2e4, "troops")])
    assert len(differ.conflicts) == 1
    row = differ.claims[0]
    assert row.support == ["Outlet A", "Outlet B"] and row.contradict == ["Outlet C"]
    for comp in (both, differ):
        agreed = {(s.article_id, s.start) for a in comp.agreements for s in a.evidence}
        disputed = {(s.article_id, s.start) for c in comp.conflicts for s in c.evidence}
        assert not agreed & disputed


def _ctx(texts: dict[str, str], quotes=(), entities=None) -> StoryContext:
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"Outlet {k.upper()}", text=t, language="en")
            for k, t in texts.items()}
    return StoryContext.build(Story(id="s", title="t", article_ids=list(arts)), arts,
                              {k: [(0, len(t))] for k, t in texts.items()}, list(quotes), entities or {})


def test_framing_never_says_one_outlet_both_adopts_and_distances_a_term():
    ctx = _ctx({"a": 'The council calls it a "relief levy". Critics say the relief levy hurts farmers.',
                "b": "The relief levy takes effect in May, the council said."})
    items = [f for f in framing(ctx) if f.kind == "adopted-term"]
    assert items and all("Outlet A" not in f.outlets for f in items)
    assert all(not (set(f.outlets) & {"Outlet A"}) or "distance" not in f.text for f in items)


def test_spelling_and_quotation_mark_variants_are_not_naming_differences():
    texts = {"a": "Mayor Oskar O'Dunmere opened the dam hearing.", "b": "“Oskar O’Dunmere’s” plan was debated."}
    i, j = texts["a"].index("Oskar O'Dunmere"), texts["b"].index("Oskar O’Dunmere’s")
    ctx = _ctx(texts)
    person = Entity(id="p", name="Oskar O'Dunmere", type="PERSON",
                    mentions=[ctx.articles["a"].span(i, i + 15), ctx.articles["b"].span(j, j + 17)])
    ctx.entities = {"p": person}
    assert [f for f in framing(ctx) if f.kind == "naming"] == []


def test_voices_are_people_and_organisations_one_row_per_entity():
    text = ('Oskar Dunmere said: "The dam will hold." Later, Dunmere said the repairs were done. '
            'Harlow said the roads were closed. the said the water rose.')
    art = Article(id="a", source="a.txt", outlet="Outlet A", text=text, language="en")

    def quote(qid, said, speaker, kind, entity=None):
        i = text.index(said)
        return Quote(id=qid, span=art.span(i, i + len(said)), text=said, kind=kind, speaker=speaker,
                     speaker_entity=entity, cue="said", confidence=0.9)

    ents = {"p": Entity(id="p", name="Oskar Dunmere", type="PERSON"), "g": Entity(id="g", name="Harlow", type="GPE")}
    qs = [quote("1", "The dam will hold.", "Oskar Dunmere", "direct", "p"),
          quote("2", "the repairs were done", "Dunmere", "indirect"),
          quote("3", "the roads were closed", "Harlow", "indirect", "g"),
          quote("4", "the water rose", "the", "indirect")]
    items, _ = voices(_ctx({"a": text}, qs, ents))
    assert [i.text for i in items] == ["Outlet A quotes Oskar Dunmere ×2"]
    # the entity stage missed the person: the full name as quoted is the row, the surname joins it
    items, _ = voices(_ctx({"a": text}, [quote("1", "The dam will hold.", "Oskar Dunmere", "direct"), qs[1]], {}))
    assert [i.text for i in items] == ["Outlet A quotes Oskar Dunmere ×2"]


def test_open_questions_leave_out_promos_subheads_and_lines_to_the_reader():
    text = ("Too woo-woo for you? What's happening in your state? What happens next? "
            "Want more? Sign up for our daily newsletter. Not bad for a late signing, huh? "
            "Who will pay for the repair of the Tessin dam after the flood?")
    a = Article(id="a", source="a.txt", outlet="Outlet A", text=text, language="en")
    spans = []
    for part in ("Too woo-woo for you?", "What's happening in your state?", "What happens next?", "Want more?",
                 "Sign up for our daily newsletter.", "Not bad for a late signing, huh?", "Who will pay for the repair of the Tessin dam after the flood?"):
        i = text.index(part)
        spans.append((i, i + len(part)))
    found = open_questions([a], {"a": spans})
    assert [q.text for q in found] == ["Who will pay for the repair of the Tessin dam after the flood?"]
