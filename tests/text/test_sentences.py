from storyline.text.paragraphs import paragraph_at, paragraph_spans
from storyline.text.sentences import sentence_around, sentence_at, split_paragraphs


def test_paragraphs_are_split_on_blank_lines_only():
    t = "One line.\nSame paragraph.\n\nSecond.\n  \n\nThird."
    spans = paragraph_spans(t)
    assert [t[a:b] for a, b in spans] == ["One line.\nSame paragraph.", "Second.", "Third."]
    assert paragraph_at(spans, t.index("Second")) == spans[1]
    assert paragraph_spans("\n\n  \n") == []


def test_sentence_at_finds_the_sentence_holding_an_offset():
    sents = [(0, 10), (11, 20), (25, 30)]
    assert sentence_at(sents, 0) == (0, 10)
    assert sentence_at(sents, 11) == (11, 20)
    assert sentence_at(sents, 19) == (11, 20)
    assert sentence_at(sents, 22) is None
    assert sentence_at(sents, 30) is None
    assert sentence_at([], 3) is None


def test_parser_sentences_are_cut_at_paragraph_breaks():
    t = "First para ends\n\nSecond para. Third."
    cut = t.index(" Third")
    assert [t[a:b] for a, b in split_paragraphs(t, [(0, cut), (cut + 1, len(t))])] == \
        ["First para ends", "Second para.", "Third."]


def test_sentence_around_keeps_decimals_unless_any_stop():
    t = "Prices rose. Exports fell by 3.5 million tonnes, the board said. Next."
    pos = t.index("3.5")
    lo, hi = sentence_around(t, pos)
    assert t[lo:hi] == "Exports fell by 3.5 million tonnes, the board said. "
    lo, hi = sentence_around(t, t.index("million"), any_stop=True)
    assert t[lo:hi] == "5 million tonnes, the board said."
    lo, hi = sentence_around("Line one\nLine two", 10)
    assert (lo, hi) == (9, 17)
