"""Guesses that are wrong more often than right stay under the attribution threshold: a role noun
no one (or several people) held before when several people are named, "it said" for the nearest organisation, and capitalised
function words taken for first names ("On Monday")."""


def test_role_held_by_several_people_is_not_guessed(quotes_of, one):
    text = ("Senator Maria Okafor and Senator Paul Girard met the harbour workers in Dayton. "
            "The senator said the port would stay open through the winter.")
    q = one(quotes_of(text), "stay open")
    assert q.speaker is None


def test_role_held_by_one_person_resolves_to_them(quotes_of, one):
    text = ("Senator Maria Okafor met the harbour workers in Dayton on Tuesday. "
            "The senator said the port would stay open through the winter.")
    q = one(quotes_of(text), "stay open")
    assert q.speaker == "Maria Okafor"


def test_role_no_one_held_is_not_guessed_among_several_people(quotes_of, one):
    text = ("Maria Okafor met Paul Girard and the harbour workers in Dayton on Tuesday. "
            "The governor said the port would stay open through the winter.")
    q = one(quotes_of(text), "stay open")
    assert q.speaker is None


def test_it_said_is_not_pinned_on_the_nearest_organisation(quotes_of, one):
    text = ("The Harbour Workers Union met officials of the Port Authority on Monday. "
            "It said the strike would continue until the contracts were signed.")
    q = one(quotes_of(text), "strike would continue")
    assert q.speaker is None


def test_a_capitalised_preposition_is_no_first_name():
    from storyline.quotes.people import _names_ner_missed

    text = "On Monday the council met. In Washington the mood was calm. Anna Lindqvist spoke first."
    names = [m.span.text for m in _names_ner_missed(text, [], "t")]
    assert "On Monday" not in names and "In Washington" not in names
    assert "Anna Lindqvist" in names


def test_any_verb_of_a_short_clause_after_a_quote_attributes_it(quotes_of, one):
    text = ('"Silly boys acting like they have never seen a girl before," scoffed Arianna Gil. '
            '"We will see," Maria Okafor mused.')
    qs = quotes_of(text)
    assert one(qs, "Silly boys").speaker == "Arianna Gil"
    assert one(qs, "We will see").speaker == "Maria Okafor"
