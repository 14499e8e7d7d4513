"""A brief states a speaker only when the attribution is as sure as the quotes benchmark says is right
at least 95 % of the time; below that the line reads "Attributed to … (uncertain)" (issue 17)."""

from storyline.config import Settings


def test_brief_quotes_state_only_sure_speakers(mini_corpus):
    sure = Settings().speaker_sure
    lines = [s for b in mini_corpus.briefs for s in b.sentences if s.section == "quotes"]
    assert {s.speaker_confidence >= sure for s in lines} == {True, False}  # both kinds occur here
    for s in lines:
        if s.speaker_confidence >= sure:
            assert " said: " in s.text and not s.text.startswith("Attributed")
        else:
            assert s.text.startswith("Attributed to ") and "(uncertain)" in s.text
