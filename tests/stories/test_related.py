"""Related stories: one thread kept apart by the clusterer is linked (symmetric, bounded, evidenced);
unrelated stories, outlets, passing mentions and background names link nothing. Invented names only."""

from __future__ import annotations

import re

from storyline.model import Article, Entity, Mention, Story, check_spans, validate_corpus
from storyline.pipeline import ArticleResult, run_corpus_stages
from storyline.stories.related import MAX_RELATED, related_stories

ENTITIES = {
    "p_brandt": Entity(id="p_brandt", name="Ilse Brandt", type="PERSON"),
    "f_harlow": Entity(id="f_harlow", name="Harlow bridge", type="FAC"),
    "g_vale": Entity(id="g_vale", name="Ostend Vale", type="GPE"),
    "p_ferrant": Entity(id="p_ferrant", name="Tomas Ferrant", type="PERSON"),
    "g_kelmar": Entity(id="g_kelmar", name="Kelmar", type="GPE"),
    "o_herald": Entity(id="o_herald", name="Vale Herald", type="ORG"),
    "p_oduya": Entity(id="p_oduya", name="Mara Oduya", type="PERSON"),
}
NAMES = {"Ilse Brandt": "p_brandt", "Brandt": "p_brandt", "Harlow bridge": "f_harlow", "Ostend Vale": "g_vale",
         "Tomas Ferrant": "p_ferrant", "Ferrant": "p_ferrant", "Kelmar": "g_kelmar", "Vale Herald": "o_herald",
         "Mara Oduya": "p_oduya"}

COLLAPSE_1 = ("The Harlow bridge collapsed on Tuesday night after days of flooding in Ostend Vale. Mayor Ilse Brandt "
              "said two cars fell into the river and rescue teams pulled four people from the water. Brandt said "
              "engineers had warned that the piers were cracked.")
COLLAPSE_2 = ("Divers searched the river on Wednesday for a missing driver after the Harlow bridge collapse. Mayor "
              "Ilse Brandt promised a ferry for Ostend Vale within a week; Brandt blamed the flooding.")
INQUIRY = ("Three weeks after the Harlow bridge collapse, Mayor Ilse Brandt told an inquiry that warnings about "
           "cracked piers had reached her office in 2023. Brandt said the fall of the Harlow bridge and the flooding exposed "
           "years of neglect, and the inquiry will hear the engineers next month.")
CHESS = ("Tomas Ferrant won the Kelmar chess open on Sunday with a queen sacrifice in the final round. Ferrant, "
         "seeded ninth, beat the defending champion and takes home the trophy and a place at the national "
         "championship in Kelmar next spring.")


def art(aid: str, text: str, published: str, outlet: str = "Coast Times", title: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, title=title, published=published, language="en",
                   text=text)


def mentions_of(articles: list[Article], names: dict[str, str] = NAMES) -> dict[str, list[tuple[int, int, str]]]:
    """What NER and canonicalization would give: every occurrence of a known name, with its entity id."""
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    return {a.id: [(m.start(), m.end(), names[m.group()]) for m in pattern.finditer(a.text)] for a in articles}


def thread():
    arts = [art("c1", COLLAPSE_1, "2025-04-01", title="Harlow bridge collapses"),
            art("c2", COLLAPSE_2, "2025-04-02", "Vale Herald", title="Divers search river"),
            art("i1", INQUIRY, "2025-04-23", title="Brandt tells bridge inquiry of warnings"),
            art("k1", CHESS, "2025-04-06", title="Ferrant wins Kelmar open")]
    stories = [Story(id="s_collapse", title="Harlow bridge collapses", article_ids=["c1", "c2"],
                     first_seen="2025-04-01", last_seen="2025-04-02"),
               Story(id="s_inquiry", title="Brandt tells bridge inquiry of warnings", article_ids=["i1"],
                     first_seen="2025-04-23", last_seen="2025-04-23"),
               Story(id="s_chess", title="Ferrant wins Kelmar open", article_ids=["k1"],
                     first_seen="2025-04-06", last_seen="2025-04-06")]
    return arts, stories


def linked(arts, stories, entities=ENTITIES, names=NAMES):
    out = related_stories(stories, {a.id: a for a in arts}, mentions_of(arts, names), entities)
    return {s.id: s for s in out}


def test_same_people_weeks_apart_are_linked_with_reason_and_valid_evidence():
    arts, stories = thread()
    out = linked(arts, stories)
    [r] = out["s_collapse"].related
    assert r.story_id == "s_inquiry" and r.title == "Brandt tells bridge inquiry of warnings"
    assert "Ilse Brandt" in r.why and "Harlow bridge" in r.why and "3 weeks later" in r.why
    assert "3 weeks earlier" in out["s_inquiry"].related[0].why
    assert r.score and r.score > 0
    assert check_spans(arts, r.evidence) == []
    cited = {s.article_id for s in r.evidence}
    assert cited & {"c1", "c2"} and "i1" in cited  # evidence in both stories
    assert {"Ilse Brandt", "Harlow bridge"} <= {s.text for s in r.evidence}


def test_unrelated_stories_are_not_linked():
    arts, stories = thread()
    assert linked(arts, stories)["s_chess"].related == []


def test_links_are_symmetric_and_inputs_unchanged():
    arts, stories = thread()
    out = linked(arts, stories)
    for s in out.values():
        for r in s.related:
            assert s.id in {x.story_id for x in out[r.story_id].related}
    assert all(s.related == [] for s in stories)


def test_outlets_and_passing_mentions_do_not_link():
    a = art("x1", "The Vale Herald reports that the Vale Herald archive opened. Ilse Brandt attended. "
                  "Visitors saw old printing presses and letters from the founders.", "2025-05-01", "Vale Herald")
    b = art("x2", "According to the Vale Herald, the Vale Herald will sponsor a marathon. Runners from twelve "
                  "clubs will race along the harbour on Sunday.", "2025-05-03", "Vale Herald")
    stories = [Story(id="s_a", title="Archive", article_ids=["x1"]), Story(id="s_b", title="Marathon", article_ids=["x2"])]
    out = linked([a, b], stories)
    assert out["s_a"].related == [] and out["s_b"].related == []


_TOPICS = ["harvest orchard apples cider", "submarine cable repair ship", "violin festival orchestra concert",
           "glacier melt climbers rescue", "airport runway lights upgrade", "library books donation readers",
           "vaccine clinic nurses queue", "railway timetable strike drivers", "museum painting theft guards",
           "football derby stadium fans", "wildfire forest evacuation smoke", "bakery bread prices flour",
           "satellite launch rocket engineers", "ferry storm passengers harbour", "tram line extension tunnel",
           "marathon runners route sponsors", "zoo panda birth keepers", "parliament budget deficit taxes",
           "heatwave water restrictions gardens", "robot surgery hospital trial", "election poll turnout ballots",
           "fishing quota boats trawlers", "cinema premiere director actors", "school exams pupils results",
           "bank interest mortgage loans", "bridge tolls commuters traffic", "opera house roof repairs",
           "chess olympiad grandmasters moves", "solar farm panels meadow", "winery drought grapes vintage"]


def _story(i: int, names: list[str], day: str) -> tuple[Article, Story]:
    words = _TOPICS[i].split()
    text = (f"{names[0]} spoke about the {words[0]} and the {words[1]} on Monday. "
            f"The {words[2]} and the {words[3]} were the main worry, {names[0]} said. "
            + " ".join(f"{n} was there and {n} agreed." for n in names[1:]))
    a = art(f"t{i}", text, day, title=f"{words[0]} {words[1]} {words[2]}")
    return a, Story(id=f"s_{i:02d}", title=a.title or "", article_ids=[a.id], first_seen=day, last_seen=day)


def test_names_in_most_stories_are_background_and_links_stay_bounded():
    # every story is about Ilse Brandt in Ostend Vale: in this corpus that is no thread at all
    pairs = [_story(i, ["Ilse Brandt", "Ostend Vale"], "2025-06-01") for i in range(12)]
    out = linked([a for a, _ in pairs], [s for _, s in pairs])
    assert all(s.related == [] for s in out.values())
    # 30 stories, 8 of them sharing two people: each of the 8 gets at most MAX_RELATED links, best first
    pairs = [_story(i, ["Tomas Ferrant", "Mara Oduya"] if i < 8 else [f"Person{i} Name{i}"], "2025-06-01")
             for i in range(30)]
    ents = dict(ENTITIES, **{f"p_{i}": Entity(id=f"p_{i}", name=f"Person{i} Name{i}", type="PERSON") for i in range(30)})
    names = dict(NAMES, **{f"Person{i} Name{i}": f"p_{i}" for i in range(30)})
    out = linked([a for a, _ in pairs], [s for _, s in pairs], ents, names)
    for i, s in enumerate(out.values()):
        if i < 8:
            assert 1 <= len(s.related) <= MAX_RELATED
            assert all(int(r.story_id[2:]) < 8 for r in s.related)
            assert [r.score for r in s.related] == sorted((r.score for r in s.related), reverse=True)
        else:
            assert s.related == []


def _result(a: Article) -> ArticleResult:
    labels = {"PERSON": "PERSON", "FAC": "FAC", "GPE": "GPE", "ORG": "ORG"}
    ments = [Mention(span=a.span(s, e), label=labels[ENTITIES[eid].type]) for s, e, eid in mentions_of([a])[a.id]]
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", a.text)]
    return ArticleResult(article=a, mentions=ments, sentences=sents)


def test_pipeline_links_a_follow_up_months_later_and_the_brief_lists_it():
    arts = [art("c1", COLLAPSE_1, "2025-04-01", title="Harlow bridge collapses"),
            art("c2", COLLAPSE_2, "2025-04-02", "Vale Herald", title="Divers search river"),
            art("i1", INQUIRY.replace("Three weeks", "Four months"), "2025-08-05",
                title="Brandt tells bridge inquiry of warnings"),
            art("k1", CHESS, "2025-04-06", title="Ferrant wins Kelmar open")]
    corpus = run_corpus_stages([_result(a) for a in arts])
    validate_corpus(corpus)
    story_of = {aid: s for s in corpus.stories for aid in s.article_ids}
    first, later, chess = story_of["c1"], story_of["i1"], story_of["k1"]
    assert first.id != later.id  # not merged ...
    assert [r.story_id for r in first.related] == [later.id]  # ... but linked
    assert [r.story_id for r in later.related] == [first.id]
    assert chess.related == []
    assert "Ilse Brandt" in first.related[0].why and "months later" in first.related[0].why
    brief = next(b for b in corpus.briefs if b.story_id == first.id)
    assert "## Related stories" in brief.markdown and "Ilse Brandt" in brief.markdown.split("## Related stories")[1]
    assert brief.related == first.related
    assert all(s.citations and s.section != "related" for s in brief.sentences)
