from storyline.resources import base_language, lines


def test_every_stage_reads_one_language_code():
    """One rule (it was written out nine times): a region or case never hides a language's lexicons."""
    assert base_language("de-AT") == base_language("DE") == "de"
    assert base_language(None) == "en" and base_language("", "und") == "und"
    assert lines(f"time/hedges_{base_language('EN-us')}.txt")
