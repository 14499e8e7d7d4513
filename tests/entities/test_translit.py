from storyline.entities.translit import fold, to_ascii, token_similarity


def test_transliterations_fold_to_one_key():
    assert fold("Kowalczyk") == fold("Kovalchik") == fold("Kovalczyk")
    assert fold("Volkhov") == fold("Wolchow") == fold("Volkov")
    assert fold("Zelensky") == fold("Selenskyj")
    assert fold("Lindqvist") == fold("Lindquist")


def test_diacritics_and_special_letters():
    assert to_ascii("Łukasz Wałęsa") == "Lukasz Walesa"
    assert fold("Müller") == fold("Muller")


def test_mt_damage_is_close_but_other_families_are_not():
    assert token_similarity("Kowalczyk", "Kowlaczyk") >= 0.9  # swapped letters
    assert token_similarity("Kowalczyk", "Kowaczyk") >= 0.9  # dropped letter
    assert token_similarity("Sobel", "Sobol") >= 0.9  # one vowel, same sound
    # shared prefixes are not enough: these are different Polish surnames
    assert token_similarity("Kowalski", "Kowalczyk") < 0.88
    assert token_similarity("Nowak", "Nowicki") < 0.88
    assert token_similarity("Weber", "Wegner") < 0.88
