from storyline.model import Article, Quote
from storyline.quotes.grouping import collapse, group_quotes, outlets_by_group


def _q(aid: str, text: str, quote: str, kind: str = "direct", speaker: str | None = "Anna Kowalczyk",
       entity: str | None = "e_kow") -> Quote:
    art = Article(id=aid, source=aid, text=text)
    i = text.index(quote)
    return Quote(id=f"q_{aid}", span=art.span(i, i + len(quote)), text=quote, kind=kind,  # type: ignore[arg-type]
                 speaker=speaker, speaker_entity=entity)


FULL = "This mission cannot start without air cover from Aldoria"
PART = "cannot start without air cover from Aldoria"
TRANSLATED = "Without the air umbrella of Aldoria this mission cannot make even the first step"


def test_same_quote_in_three_outlets_is_one_group_including_a_translation():
    qs = group_quotes([_q("a1", f'"{FULL}," she said.', FULL), _q("a2", f'She said it "{PART}".', PART, "partial"),
                       _q("a3", f"«{TRANSLATED}», said Ana Kovalchik.", TRANSLATED, speaker="Ana Kovalchik")])
    assert len({q.group_id for q in qs}) == 1 and qs[0].group_id is not None
    assert outlets_by_group(qs, {"a1": "Herald", "a2": "Nordwire", "a3": "Varnia Daily"}) == {
        qs[0].group_id: ["Herald", "Nordwire", "Varnia Daily"]}
    assert [q.kind for q in collapse(qs)[0]] == ["direct", "direct", "partial"]


def test_different_speakers_never_group_even_with_the_same_words():
    qs = group_quotes([_q("a1", f'"{FULL}," she said.', FULL),
                       _q("a2", f'"{FULL}," he said.', FULL, speaker="Dmitri Volkhov", entity="e_vol")])
    assert all(q.group_id is None for q in qs)


def test_unknown_speaker_needs_near_identical_words():
    same = "Everyone is waiting for Aldoria to blink first"
    other = "Everyone is waiting for the vote on Friday"
    qs = group_quotes([_q("a1", same, same, speaker=None, entity=None), _q("a2", same, same, speaker=None, entity=None),
                       _q("a3", other, other, speaker=None, entity=None)])
    assert qs[0].group_id and qs[0].group_id == qs[1].group_id and qs[2].group_id is None


def test_quotes_of_one_article_alone_form_no_group():
    art = "We have a plan. We have a plan, we have the people."
    qs = group_quotes([_q("a1", art, "We have a plan."), Quote(**{**_q("a1", art, "We have a plan, we have the people.").model_dump(), "id": "q2"})])
    assert all(q.group_id is None for q in qs)
