"""Reported content through cues beyond speech verbs (pledges, calls, accusations, findings), from
the learned cue model; the content is the cue's complement in the parse."""

from storyline.quotes.learned import candidates


def test_pledge_and_accusation_are_reported_content_of_their_subjects(quotes_of, one):
    text = ("Governor Lena Marsh vowed to veto the budget bill if it reaches her desk. "
            "Senator Maria Okafor accused the governor of misleading voters about the deficit.")
    qs = quotes_of(text)
    veto = one(qs, "veto the budget bill")
    assert veto.kind == "indirect" and veto.speaker == "Lena Marsh" and veto.cue == "vowed"
    assert veto.text.startswith("to veto") and veto.text.endswith("her desk")
    acc = one(qs, "misleading voters")
    assert acc.kind == "indirect" and acc.speaker == "Maria Okafor" and acc.cue == "accused"


def test_negated_cues_and_title_case_labels_report_nothing(quotes_of):
    text = ("What Both Parties Want: Lower Port Fees\n\n"
            "The minister did not endorse the plan to sell the harbour.")
    assert quotes_of(text) == []


def test_a_quote_is_not_reported_twice_through_its_own_cue(quotes_of):
    text = '"We will not sign this," Okafor told the crowd in Dayton on Sunday.'
    qs = quotes_of(text)
    assert [q.kind for q in qs] == ["direct"]


def test_candidates_name_the_complement_kind(nlp):
    doc = nlp("The mayor called for an independent inquiry into the port contracts.")
    kinds = {c.kind for c in candidates(doc, []) if c.cue.text == "called"}
    assert "prep:for" in kinds


def test_word_forms_share_a_stem_feature(nlp):
    from storyline.quotes.learned import _stem

    assert _stem("supports") == _stem("supported") == _stem("supporting") == _stem("support")
    doc = nlp("The senator supported the measure.")
    feats = next(c.features for c in candidates(doc, []) if c.cue.text == "supported")
    assert "s=support" in feats


def test_holder_of_a_nominal_cue_and_of_an_adjective_cue_is_the_speaker(quotes_of, one, nlp):
    from storyline.quotes.attribute import subject_of

    doc = nlp("Okafor kept up her criticism of the federal response to the flood.")
    crit = next(t for t in doc if t.text == "criticism")
    assert subject_of(crit).text == "her"
    text = ("Governor Paul Girard toured the flooded district on Monday. "
            "Girard is convinced that the levee will hold through the spring.")
    hold = one(quotes_of(text), "levee will hold")
    assert hold.speaker == "Paul Girard"


def test_features_carry_the_cue_role_in_its_sentence(nlp):
    doc = nlp("The senator, who endorsed the governor last year, spoke in Dayton.")
    feats = next(c.features for c in candidates(doc, []) if c.cue.text == "endorsed")
    assert "s|dep=endors|relcl" in feats and "hdep=nsubj" in feats


def test_features_carry_the_word_before_the_cue_and_its_subject_kind(nlp):
    doc = nlp("Okafor has long opposed the harbour tax.")
    feats = next(c.features for c in candidates(doc, []) if c.cue.text == "opposed")
    assert "pw=long" in feats and any(f.startswith("s|subj=oppos|") for f in feats)
    doc = nlp("Her support for the harbour tax surprised the assembly.")
    feats = next(c.features for c in candidates(doc, []) if c.cue.text == "support")
    assert "poss" in feats


def test_a_learned_report_inside_a_stronger_one_is_not_a_second_report(quotes_of):
    text = "The inquiry was launched on March 11 by Speaker Marek Sobel after state auditors raised concerns about the tender."
    tender = [q.text for q in quotes_of(text) if "tender" in q.text]
    assert len(tender) <= 1, tender


def test_other_cue_weights_replace_the_shipped_ones_for_a_held_out_check(quotes_of, tmp_path, monkeypatch):
    from storyline.quotes import learned

    text = "Governor Lena Marsh vowed to veto the budget bill if it reaches her desk."
    assert any("veto the budget bill" in q.text for q in quotes_of(text))
    # weights as train_cues.py writes them: a model that never fires
    (tmp_path / "w.tsv").write_text("# written by train_cues.py\n__bias__\t-50\n", encoding="utf-8")
    monkeypatch.setenv("STORYLINE_CUE_WEIGHTS", str(tmp_path / "w.tsv"))
    learned._model.cache_clear()
    try:
        assert not any("veto the budget bill" in q.text for q in quotes_of(text))
    finally:
        monkeypatch.delenv("STORYLINE_CUE_WEIGHTS")
        learned._model.cache_clear()
    assert any("veto the budget bill" in q.text for q in quotes_of(text))
