from storyline.config import Settings
from storyline.nlp.spacy_pipeline import annotate, parse_sentence

MODEL = Settings().spacy_model
TEXT = ("Korsa's Defence Minister Anna Kowalczyk said the mission was risky. "
        "Ministers of 18 countries met in Lindhaven on Friday.")


def test_unparsed_doc_still_has_sentences_and_entities():
    doc = annotate(TEXT, MODEL, parse=False)
    assert not doc.has_annotation("DEP")
    assert [s.text for s in doc.sents] == [
        "Korsa's Defence Minister Anna Kowalczyk said the mission was risky.",
        "Ministers of 18 countries met in Lindhaven on Friday.",
    ]
    assert "Anna Kowalczyk" in {e.text for e in doc.ents}


def test_lazy_sentence_parse_matches_the_full_parse():
    lazy = annotate(TEXT, MODEL, parse=False)
    full = annotate(TEXT, MODEL, parse=True)
    first_lazy = parse_sentence(next(iter(lazy.sents)), MODEL)
    first_full = next(iter(full.sents))
    assert [(t.text, t.dep_, t.head.i) for t in first_lazy] == [
        (t.text, t.dep_, t.head.i - first_full.start) for t in first_full
    ]
    said = next(t for t in first_lazy if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Kowalczyk"]


def test_a_headline_line_ends_its_sentence_but_a_hard_wrapped_line_does_not():
    # regression: with no full stop after the headline the parser ran it into the first sentence,
    # hung "Marco Rubio" under it, and "arguing" had no speaker
    text = ("Marco Rubio: Dropping Comprehensive Immigration Reform Was A Sign Of Leadership\n"
            "Marco Rubio defended himself on Saturday for bailing on his own reform bill, arguing that "
            "dropping the plan was an example of his leadership.")
    sents = [s.text.strip() for s in annotate(text, MODEL).sents]
    assert sents[1].startswith("Marco Rubio defended himself")
    wrapped = ("The harbour authority said on Monday that the northern pier would stay closed for\n"
               "Repairs until the end of the summer, and that ferries would use the southern pier.")
    assert len(list(annotate(wrapped, MODEL).sents)) == 1
