from storyline.text.glyphs import (CLOSE_QUOTES, DASHES, DOUBLE_CLOSE, DOUBLE_OPEN, OPEN_QUOTES, QUOTE_MARKS, find_segments,
                                  inside_quote)


def texts(t: str) -> list[str]:
    return [t[s.start:s.end] for s in find_segments(t)]


def test_each_glyph_family_is_paired():
    assert texts('He said "we go" now.') == ["we go"]
    assert texts("„Ohne Luft geht es nicht“, sagte sie.") == ["Ohne Luft geht es nicht"]
    assert texts("«Nous partons», dit-il.") == ["Nous partons"]
    assert texts("»Wir bleiben«, sagte er.") == ["Wir bleiben"]
    assert texts("‹Non›, a-t-il dit.") == ["Non"]
    assert texts("“We go,” she said.") == ["We go,"]


def test_nested_quotes_stay_inside_the_outer_one():
    assert texts("«We are «not» a shop», he said.") == ["We are «not» a shop"]
    assert texts("“He told me, ‘Do not sign,’ and I didn’t,” she said.") == ["He told me, ‘Do not sign,’ and I didn’t,"]


def test_apostrophes_are_not_quotes():
    assert texts("The ministers' plan wasn't new, O'Brien's aide said.") == []
    assert texts("Tom's brother didn't comment on 'the deal'.") == ["the deal"]


def test_quote_reopened_each_paragraph_closes_only_at_the_end():
    t = '"First paragraph.\n\n"Second paragraph," X said.'
    segs = find_segments(t)
    assert len(segs) == 1 and segs[0].paragraphs == 2
    assert t[segs[0].start:segs[0].end].endswith("Second paragraph,")


def test_straight_quote_closed_with_a_curly_mark():
    # sloppy text mixes glyph families; the opener must still find its closer
    assert texts('"They are afraid for their jobs,” he said.') == ["They are afraid for their jobs,"]


def test_quote_left_open_ends_with_its_paragraph():
    segs = find_segments('"We will never leave this place\n\nThe council met on Friday.')
    assert len(segs) == 1 and not segs[0].closed


def test_doubled_apostrophes_are_a_double_quote():
    # regression: newspaper archives write ''…'' for “…”; the inner apostrophes must not leak in
    t = "''It's an enormous moment,'' Mr. Smith said. ''We go.''"
    assert texts(t) == ["It's an enormous moment,", "We go."]


def test_nested_guillemets_and_german_marks():
    t = "«Er sagte „Wir gehen“ und ging», schrieb sie."
    assert texts(t) == ["Er sagte „Wir gehen“ und ging"]
    assert texts("Sie sagte: „Das ist ‚zu früh‘, sagen alle.“ Dann ging sie.") == ["Das ist ‚zu früh‘, sagen alle."]


def test_straight_quotes_and_apostrophes():
    assert texts("O'Brien said \"we don't agree\" and left.") == ["we don't agree"]
    assert texts("They don’t know O’Brien’s plan.") == []


def test_an_unclosed_mark_ends_with_its_paragraph():
    t = "He said “we will not go.\n\nThe next paragraph is narration."
    segs = find_segments(t)
    assert len(segs) == 1 and not segs[0].closed
    assert t[segs[0].start:segs[0].end] == "we will not go."


def test_running_quote_reopened_each_paragraph():
    t = "“First part.\n\n“Second part.\n\n“Third part,” she said."
    segs = find_segments(t)
    assert len(segs) == 1 and segs[0].paragraphs == 3 and segs[0].closed
    assert t[segs[0].end:segs[0].close_end] == "”"


def test_inside_quote():
    t = "“We will say it again on Friday,” she said on Monday. He called it 'fine'."
    assert inside_quote(t, t.index("Friday"))
    assert inside_quote(t, 0)  # the opening mark itself
    assert not inside_quote(t, t.index("Monday"))
    assert not inside_quote(t, t.index("He"))
    assert inside_quote(t, t.index("fine"))
    assert not inside_quote("O'Brien said nothing on Friday.", 20)


def test_glyph_sets_agree_with_the_scanner():
    assert set(QUOTE_MARKS) == set(OPEN_QUOTES) | set(CLOSE_QUOTES)
    assert set(DOUBLE_OPEN) <= set(OPEN_QUOTES) and set(DOUBLE_CLOSE) <= set(CLOSE_QUOTES)
    assert not set(DASHES) & set(QUOTE_MARKS)
