from storyline.config import Settings
from storyline.quotes.trust import is_sure, speaker_label


def test_a_speaker_below_the_sure_level_is_only_attributed():
    sure = Settings().speaker_sure
    assert speaker_label("Jane Roe", 0.95, sure) == "Jane Roe (0.95)"
    assert speaker_label("Jane Roe", 0.6, sure) == "attributed to Jane Roe (uncertain, 0.60)"
    assert is_sure(sure, sure) and not is_sure(sure - 0.01, sure)
