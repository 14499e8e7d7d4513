"""Speech as translations from Russian, French or Spanish lay it out: opened by a dash, closed by a
quotation mark or a dash with its attribution, or after a colon whose opening mark was lost."""

import pytest

INTRO = "Sergei Volkar spoke at the forum in Brask.\n\n"


@pytest.mark.parametrize("line", [
    '— We will not leave the region," he added.',
    "— We will not leave the region,” he added.",
    "— We will not leave the region — he added.",
    "— We will not leave the region, — he added.",
    "«We will not leave the region» — he added.",
    '"We will not leave the region," — he added.',
])
def test_dash_speech_with_any_closing(quotes_of, one, line):
    q = one(quotes_of(INTRO + line), "leave the region")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Sergei Volkar", "added")
    assert q.text.rstrip(".") == "We will not leave the region"


def test_dash_speech_of_several_sentences_closed_by_a_mark(quotes_of, one):
    q = one(quotes_of(INTRO + '— We will not leave the region. The grain is ours," said Volkar.'), "grain")
    assert q.kind == "direct" and q.speaker == "Sergei Volkar"
    assert q.text == "We will not leave the region. The grain is ours"


def test_dash_dialogue_lines_each_a_turn(quotes_of, one):
    text = INTRO + "— Will you stay? — asked the reporter.\n— We will not leave the region, — answered Volkar."
    quotes = quotes_of(text)
    assert one(quotes, "Will you stay").speaker is None
    answer = one(quotes, "leave the region")
    assert answer.speaker == "Sergei Volkar" and answer.text == "We will not leave the region"


def test_dash_after_a_colon_introduction(quotes_of, one):
    q = one(quotes_of("Sergei Volkar spoke at the forum. He said: — We will not leave the region."), "leave")
    assert q.kind == "direct" and q.speaker == "Sergei Volkar"


@pytest.mark.parametrize("tail,text", [
    ("He said: We will not leave the region.", "We will not leave the region."),
    ('Volkar said: We will not leave the region."', "We will not leave the region."),
    ("Volkar said: We will not leave the region,” he added.", "We will not leave the region"),
])
def test_colon_speech_whose_opening_mark_was_lost(quotes_of, one, tail, text):
    q = one(quotes_of("The minister Sergei Volkar spoke to reporters. " + tail), "leave")
    assert (q.kind, q.speaker, q.text) == ("direct", "Sergei Volkar", text)


def test_a_colon_without_a_speech_verb_introduces_no_speech(quotes_of):
    text = "The council listed three reasons: The port is closed, the road is flooded and the bridge is old."
    assert not [q for q in quotes_of(text) if q.kind == "direct"]


def test_a_dash_list_item_is_no_speech(quotes_of):
    text = "The plan has three parts:\n\n- New roads for the north\n\n- A bridge over the Brask river"
    assert quotes_of(text) == []
