"""A first name is a hint about gender, never a fact: one answer for entities and quotes (issue 17)."""

from storyline.entities.coref import honorific_fits
from storyline.entities.names import first_name_gender


def test_a_leaning_or_unisex_first_name_never_rules_a_person_out():
    # gender-guesser only leans female on these: "Mr. Adler" may be Kim or Leslie Adler
    assert honorific_fits("Mr.", "Kim Adler") and honorific_fits("Mr.", "Leslie Adler")
    assert first_name_gender("Kim") is None and first_name_gender("Leslie") is None


def test_a_sure_first_name_still_tells_mr_from_mrs():
    assert not honorific_fits("Mr.", "Anna Adler") and not honorific_fits("Mrs.", "Marek Adler")
    assert first_name_gender("Bernie") == "m"  # our curated list settles a name the lexicon leans on
    assert first_name_gender("Dobrava") == "f"  # an unknown name in -a
