"""The quote stage as the pipeline runs it: speaker links, groups across outlets, quoted terms."""

from storyline import Settings, analyze

A = """Harbour chief Lars Eriksen met the press in Port Selvik on Monday.

"If the ice comes early this year, nothing will move through the port until March," Eriksen said.

The so-called "winter plan" was not discussed.
"""
B = """Port Selvik harbour master Lars Eriksen warned shippers on Monday.

"If the ice comes early this year, nothing will move through the port until March," Lars Eriksen told reporters.
"""


def test_same_quote_in_two_articles_is_grouped_and_scare_quote_is_kept_as_a_term(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    corpus = analyze([tmp_path], Settings(workers=1))
    ice = [q for q in corpus.quotes if "ice comes early" in q.text]
    assert len(ice) == 2
    assert ice[0].group_id is not None and ice[0].group_id == ice[1].group_id
    assert all(q.speaker and q.speaker.endswith("Eriksen") and q.speaker_entity for q in ice)
    assert ice[0].speaker_entity == ice[1].speaker_entity
    assert [(t.text, t.kind) for t in corpus.quoted_terms] == [("winter plan", "scare")]
    assert not [q for q in corpus.quotes if "winter plan" in q.text]
