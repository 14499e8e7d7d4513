"""Scare quotes, titles, names and headline quotes are framing, not speech."""

import pytest


@pytest.mark.parametrize("text,term,kind", [
    ('The ministry presented its so-called "peace corridor" on Monday.', "peace corridor", "scare"),
    ("Critics mocked the so-called 'peace plan', which had no timetable.", "peace plan", "scare"),
    ('Briefing papers for the operation, code-named "Northern Shield", spoke of 25,000 troops.', "Northern Shield", "title"),
    ('She published a book titled "The Long Winter of Our Discontent".', "The Long Winter of Our Discontent", "title"),
    ('Activists dubbed the bill "the gag law" within hours.', "the gag law", "scare"),
    ('Vote set for Wednesday as critics warn of "gamble"\n\nThe parliament will vote.', "gamble", "headline"),
    # a work in apposition to its kind, the sentence's stop inside the marks
    ('The mayor wrote about the flood in her memoir, "Rising Water."', "Rising Water", "title"),
    ('Volunteers wore caps with the campaign\'s slogan, "Build It Back Better."', "Build It Back Better", "title"),
])
def test_term_is_marked_not_quoted(quotes_of, text, term, kind):
    found = quotes_of(text, full=True)
    assert not [q for q in found.quotes if term in q.text and q.kind != "indirect"]
    assert [(text[t.start:t.end], t.kind) for t in found.terms] == [(term, kind)]


def test_quoted_word_inside_reported_speech_is_not_a_quote(quotes_of):
    found = quotes_of('The minister said the reform was "necessary" and that it would pass.', full=True)
    assert [q.kind for q in found.quotes] == ["indirect"]
    assert [t.kind for t in found.terms] == ["scare"]


def test_headline_quote_is_a_term(quotes_of):
    found = quotes_of('Varga: "We are not asking for charity"\n\nThe minister spoke in Brask.', full=True)
    assert found.quotes == [] and found.terms[0].kind == "headline"


@pytest.mark.parametrize("text,needle", [
    ('"The risk," said Edward Leamer, an economist at the university, "is that we are going to repel jobs."', "The risk"),
    ('"Savage," she said, meaning that he is radical enough and does not care what people think.', "Savage"),
    ("''In Fisher,'' Dean Amar said, ''the dissent was frank but not as barbed as it might have been.''", "In Fisher"),
])
def test_short_quote_cut_off_by_its_attribution_is_speech(quotes_of, one, text, needle):
    # regression: two words without a full stop read as a scare quote (or Title Case as a title)
    found = quotes_of(text, full=True)
    assert one(found.quotes, needle).kind == "direct"
    assert not [t for t in found.terms if needle in text[t.start:t.end]]


def test_short_quote_followed_by_another_quote_stays_a_term(quotes_of):
    found = quotes_of('The plan was called "bold," "brave" and "overdue" by its supporters.', full=True)
    assert not [q for q in found.quotes if q.kind == "direct"]


def test_single_quoted_subhead_paragraph_is_not_a_quote(quotes_of):
    # regression: a subhead quoting a phrase of the article ('A healthy environment.') came out as a direct quote
    text = ("Staying competitive is among the reasons the jobs will remain in Indiana, the company said.\n\n"
            "'A healthy environment.'\n\n"
            "Less than a three-hour drive south of Laredo lies one industrial park after another.")
    found = quotes_of(text, full=True)
    assert not [q for q in found.quotes if "healthy environment" in q.text]
    assert [t.kind for t in found.terms if "healthy environment" in text[t.start:t.end]] == ["headline"]


def test_single_quoted_paragraph_with_attribution_is_still_a_quote(quotes_of, one):
    text = "The mayor spoke first.\n\n'We will rebuild the bridge before winter,' Mayor Tomas Berg said."
    assert one(quotes_of(text), "rebuild").kind == "direct"
