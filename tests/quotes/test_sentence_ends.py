from storyline.quotes.detect import _sentence_ends


def test_an_abbreviation_deep_in_a_long_text_is_no_sentence_end():
    """The abbreviation check looks only just before each stop (it once scanned from the text's start,
    quadratic on long pages); it must still see "Sen." and "U.S." far into the text."""
    filler = "The committee met again today. " * 2000
    text = filler + "Sen. Ada Brook spoke about U.S. farm aid. Then she left."
    ends = _sentence_ends(text, [])
    sen = text.index("Sen.") + len("Sen.")
    us = text.index("U.S.") + len("U.S.")
    assert sen not in ends and us not in ends
    assert text.index("aid.") + len("aid.") in ends and len(text) in ends
