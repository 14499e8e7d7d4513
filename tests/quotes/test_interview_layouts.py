"""Interview layouts: questions are the interviewer's, answers the interviewee's, however the turns
are set out (Q/A labels, the speakers' names, bold names, dash lines)."""

import pytest

INTRO = "Lena Marsh interviewed the novelist Oskar Brandt for the Harbour Review.\n\n"


def _speakers(quotes, turns):
    return [next(q.speaker for q in quotes if needle in q.text) for needle in turns]


TURNS = ["leave the capital", "needed silence", "go back", "my garden"]


@pytest.mark.parametrize("layout", [
    'Q: "Why did you leave the capital?"\n\nA: "I needed silence. The city never stops talking."\n\n'
    'Q: "Will you go back?"\n\nA: "Never. I have my garden now."',
    'Lena Marsh: "Why did you leave the capital?"\n\nOskar Brandt: "I needed silence. The city never stops talking."\n\n'
    'Marsh: "Will you go back?"\n\nBrandt: "Never. I have my garden now."',
    '**Lena Marsh:** "Why did you leave the capital?"\n\n**Oskar Brandt:** "I needed silence. The city never stops talking."\n\n'
    '**Lena Marsh:** "Will you go back?"\n\n**Oskar Brandt:** "Never. I have my garden now."',
    "— Why did you leave the capital?\n— I needed silence. The city never stops talking.\n"
    "— Will you go back?\n— Never. I have my garden now.",
])
def test_questions_are_the_interviewers_and_answers_the_interviewees(quotes_of, layout):
    quotes = quotes_of(INTRO + layout)
    assert _speakers(quotes, TURNS) == ["Lena Marsh", "Oskar Brandt", "Lena Marsh", "Oskar Brandt"]


def test_an_outlets_unnamed_interviewer_asks_nobody_named(quotes_of):
    text = ("Oskar Brandt spoke to the Harbour Review about his new novel.\n\n"
            'Q: "Why did you leave the capital?"\n\nA: "I needed silence."\n\nQ: "Will you go back?"\n\nA: "Never."')
    quotes = quotes_of(text)
    assert _speakers(quotes, ["leave the capital", "silence", "go back", "Never"]) == [None, "Oskar Brandt", None, "Oskar Brandt"]


def test_a_quote_inside_an_answer_keeps_its_own_speaker(quotes_of, one):
    text = INTRO + ('Q: "Who taught you?"\n\nA: "My teacher, who always said \'write every day\', taught me everything '
                    'I know about sentences and silence."\n\nQ: "Will you go back?"\n\nA: "Never."')
    assert one(quotes_of(text), "who always said").speaker == "Oskar Brandt"


def test_section_headings_named_for_people_are_no_interview(quotes_of):
    text = ("Each candidate needs something different on Tuesday.\n\nKowalczyk: Win in a walk.\n\n"
            "Anna Kowalczyk leads every poll in the north.\n\nSobel: Finish second.\n\nMarek Sobel trails by ten points.")
    assert not [q for q in quotes_of(text) if q.kind == "direct"]
