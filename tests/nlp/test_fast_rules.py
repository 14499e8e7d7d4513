"""The lookup attribute ruler gives exactly spaCy's annotations (it only changes how rules are found)."""

from __future__ import annotations

import spacy

from storyline.config import Settings
from storyline.nlp.fast_rules import speed_up_attribute_ruler

TEXTS = [
    "Defence Minister Anna Kowalczyk, who chaired the meeting, said she would not attend. \"We can't "
    "wait,\" she told reporters on Friday, adding that it was something nobody had expected.",
    "I ain't gonna sign this, let's be clear -- whether or not they agree.  Two  spaces\n\nand a new "
    "paragraph.\tA tab; 'd he'd've said so? Gotta go. Those who'd like to, may.",
    "LINDHAVEN, March 14 (Nordwire) - About 40 delegations, 18 out of 27 states, backed 3.5 % of GDP.",
]


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc] for doc in nlp.pipe(texts)]


def test_lookup_ruler_matches_spacys_annotations_exactly():
    model = Settings().spacy_model
    plain = spacy.load(model, exclude=["lemmatizer"])
    fast = spacy.load(model, exclude=["lemmatizer"])
    assert speed_up_attribute_ruler(fast)
    assert _annotations(fast, TEXTS) == _annotations(plain, TEXTS)


def test_unknown_pattern_operators_leave_the_ruler_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"TAG": "X"})
    original = ruler.match
    assert not speed_up_attribute_ruler(nlp)
    assert ruler.match == original
