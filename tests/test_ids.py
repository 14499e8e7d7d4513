"""Ids are rebuilt from their parts: the same article and span always give the same id, another
article or span another one (what moving a cached result to a new source relies on)."""

from storyline.ids import article_id, prefix_of, span_id


def test_span_ids_follow_article_and_span():
    a, b = article_id("folder/one.txt", "Text."), article_id("renamed/one.txt", "Text.")
    assert a != b and len(a) == 16
    assert span_id("q_", a, 3, 9) == span_id("q_", a, 3, 9)
    assert len({span_id("q_", a, 3, 9), span_id("q_", b, 3, 9), span_id("q_", a, 3, 10)}) == 3
    assert span_id("qt_", a, 3, 9).startswith("qt_") and len(span_id("qt_", a, 3, 9)) == 13


def test_prefix_is_read_back_from_any_span_id():
    for prefix in ("q_", "qt_", "c_", "t_"):
        assert prefix_of(span_id(prefix, "abc", 0, 1)) == prefix
    assert prefix_of("noprefix") == ""
