"""Speakers that must not be guessed wrong: a first name's gender is a hint, a role's outlet is not
the speaker, a writer's aside is nobody's speech, a title in quotation marks is nobody's words."""

import pytest

from storyline.entities.names import first_name_gender as gender_of_first_name


@pytest.mark.parametrize("first", ["Kim", "Robin", "Lindsey", "Casey", "Pat"])
def test_a_unisex_or_leaning_first_name_gives_no_gender(first):
    assert gender_of_first_name(first) is None


def test_settled_first_names_keep_their_gender():
    assert gender_of_first_name("Bernie") == "m"  # our list settles a name gender-guesser leans on
    assert gender_of_first_name("Anna") == "f" and gender_of_first_name("Marek") == "m"


@pytest.mark.parametrize("first", ["Kim", "Lindsey", "Casey"])
def test_he_reaches_a_speaker_with_a_unisex_first_name(quotes_of, one, first):
    text = f'{first} Adler spoke after Tomas Pryor left. "We will fix the roads," Adler said. "The budget is ready," he added.'
    assert one(quotes_of(text), "budget").speaker == f"{first} Adler"


def test_every_partial_quote_of_a_sentence_shares_its_cue(quotes_of):
    text = 'Mayor Tomas Berg said the plan was "a reckless gamble" and "a gift to the developers".'
    partials = [q for q in quotes_of(text) if q.kind == "partial"]
    assert [(q.text, q.speaker, q.cue) for q in partials] == [
        ("a reckless gamble", "Tomas Berg", "said"), ("a gift to the developers", "Tomas Berg", "said")]


def test_the_outlet_of_an_interlocutor_never_speaks(quotes_of, one):
    q = one(quotes_of('"We are ready," the interlocutor of the Baltic Ledger said. Anna Lindqvist had left.'), "ready")
    assert q.speaker is None
    text = 'Anna Lindqvist spoke to the Baltic Ledger. "We are ready," the interlocutor of the Baltic Ledger said.'
    assert one(quotes_of(text), "ready").speaker == "Anna Lindqvist"
    assert one(quotes_of('"We are ready," Anna Lindqvist told the Baltic Ledger.'), "ready").speaker == "Anna Lindqvist"


@pytest.mark.parametrize("text", [
    "Recall that the minister Ivan Torvik resigned in May.",
    "But note that the budget was never approved by the council.",
    "It should be noted that the talks failed in March.",
    "It is worth recalling that the port was closed for a year.",
])
def test_a_writer_aside_is_no_speech(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text,title", [
    ('Her favourite show is "Fleabag." She watched it twice.', "Fleabag"),
    ('The campaign printed "Roads First." on every poster in Brask.', "Roads First"),
    ('He read "The Long Field," a novel about farmers, in one night.', "The Long Field"),
])
def test_a_title_with_the_sentence_stop_inside_the_marks_is_a_term(quotes_of, text, title):
    found = quotes_of(text, full=True)
    assert not [q for q in found.quotes if title in q.text and q.kind != "indirect"]
    assert [(text[t.start:t.end], t.kind) for t in found.terms] == [(title, "title")]


def test_a_short_answer_after_a_cue_is_still_speech(quotes_of, one):
    assert one(quotes_of('Asked whether he would resign, Marek Sobel replied, "Never."'), "Never").kind == "direct"


@pytest.mark.parametrize("text,needle", [
    ("Senator Paul Ridge accused Governor Ana Vela of arguing that the state should close the coal plants.", "coal plants"),
    ("Senator Paul Ridge blamed Governor Ana Vela for saying that the port could wait another year.", "port could wait"),
    ("Senator Paul Ridge claimed that Governor Ana Vela wants to raise taxes on every family.", "raise taxes"),
    ("Governor Ana Vela spoke first. Senator Paul Ridge said Vela intends to sell the harbour.", "sell the harbour"),
])
def test_a_characterisation_is_the_critics_report_about_its_target(quotes_of, one, text, needle):
    q = one(quotes_of(text), needle)
    assert (q.speaker, q.about) == ("Paul Ridge", "Ana Vela")


def test_a_speakers_own_plans_are_about_nobody_else(quotes_of, one):
    q = one(quotes_of("Senator Paul Ridge said he wants to raise taxes on every family."), "raise taxes")
    assert (q.speaker, q.about) == ("Paul Ridge", None)
