"""End-to-end analysis of a small realistic fixture (two outlets, a wire feed, three bad files)."""

from storyline.model import check_spans, validate_corpus


def test_bad_inputs_are_reported_by_name_and_the_rest_is_analysed(mini_corpus):
    errors = mini_corpus.errors
    assert len(errors) == 3
    for name in ("empty.txt", "junk.txt", "broken.json"):
        assert sum(name in e for e in errors) == 1
    assert all("\n" not in e for e in errors)
    assert len(mini_corpus.articles) == 4  # txt + json + two jsonl lines


def test_every_span_in_the_corpus_is_valid(mini_corpus):
    validate_corpus(mini_corpus)
    for brief in mini_corpus.briefs:
        for sentence in brief.sentences:
            assert sentence.citations, sentence.text
            assert check_spans(mini_corpus.articles, sentence.citations) == []


def test_cleaning_and_metadata_of_a_pasted_page(mini_corpus):
    a = next(a for a in mini_corpus.articles if a.source.endswith("korsa_herald.txt"))
    assert a.outlet == "Korsa Herald"
    assert a.title == "Ministers split over Varnia border mission"
    assert a.published == "2025-03-14"
    for cruft in ("Skip to main content", "Advertisement", "Share on Facebook", "Home | World"):
        assert cruft not in a.text
    assert {r.reason for r in a.removed} >= {"skip-link", "advert", "share"}
    assert "Defence ministers of 18 countries met in Lindhaven" in a.text


def test_json_metadata_and_unknown_fields_kept(mini_corpus):
    a = next(a for a in mini_corpus.articles if a.source.endswith("aldoria_today.json"))
    assert (a.outlet, a.published, a.published_source) == ("Aldoria Today", "2025-03-15", "metadata")
    assert a.extra == {"section": "world"}


def test_people_quotes_times_and_claims_are_extracted(mini_corpus):
    people = {e.name for e in mini_corpus.entities if e.type == "PERSON"}
    assert {"Anna Kowalczyk", "Anna Lindqvist", "Marek Sobel"} <= people
    assert not any(e.type == "PERSON" and "Lindqvist" in e.name and "Kowalczyk" in " ".join(e.aliases)
                   for e in mini_corpus.entities)
    lindqvist = [q for q in mini_corpus.quotes if "reckless gamble" in q.text]
    assert lindqvist and lindqvist[0].speaker == "Anna Lindqvist"
    values = {(t.span.text, t.value) for t in mini_corpus.times}
    assert ("on Wednesday", "2025-03-19") in values  # "will vote on Wednesday" in a Friday paper
    assert any(c.value == 40000 and c.unit == "tonnes" for c in mini_corpus.claims)


def test_stories_and_briefs(mini_corpus):
    assert mini_corpus.stories
    ids = [a for s in mini_corpus.stories for a in s.article_ids]
    assert sorted(ids) == sorted(a.id for a in mini_corpus.articles)  # every article in exactly one story
    assert len(mini_corpus.briefs) == len(mini_corpus.stories)
    assert all(b.markdown.startswith("# ") for b in mini_corpus.briefs)


def test_batched_analysis_matches_one_at_a_time_and_isolates_a_bad_input(data_dir):
    """spaCy runs over a chunk of articles at once; a bad input in the chunk is its own error."""
    from storyline.config import Settings
    from storyline.ingest.readers import RawDoc
    from storyline.pipeline import analyze_batch, analyze_one, read_all

    docs, _ = read_all([data_dir / "mini"])
    model = Settings().spacy_model
    chunk = [docs[0], RawDoc("junk.txt", "Advertisement\nSkip to main content\n", "text"), docs[1]]
    got = analyze_batch(chunk, model)
    assert isinstance(got[1], str) and "junk.txt" in got[1]
    for doc, res in ((docs[0], got[0]), (docs[1], got[2])):
        one = analyze_one(doc, model)
        assert res.article == one.article
        assert [(q.span, q.speaker) for q in res.quotes] == [(q.span, q.speaker) for q in one.quotes]
        assert [m.span for m in res.mentions] == [m.span for m in one.mentions]


def test_an_undated_report_is_placed_by_its_story_and_its_relative_dates_say_so(tmp_path):
    """Three dated reports and one undated paste of the same event: the paste gets a window from its
    story mates (never a `published`), and its "on Tuesday" resolves against it, flagged."""
    from storyline import Settings, analyze

    body = ("The Harlow river ferry stopped running {when} after a cable snapped during the morning crossing, "
            "the Ostend Vale harbour office said. Harbour master Irena Voss said forty passengers were taken "
            "off by lifeboat and nobody was hurt. Voss said the ferry would stay in dock until divers had "
            "checked the hull.")
    dated = {"herald.json": "2025-03-12", "coast.json": "2025-03-12", "wire.json": "2025-03-13"}
    import json as _json

    for name, day in dated.items():
        (tmp_path / name).write_text(_json.dumps({"title": "Harlow ferry halted after cable snaps",
                                                  "published": day, "text": body.format(when="on Tuesday")}))
    (tmp_path / "paste.txt").write_text("Ferry halted after cable snaps\n\n" + body.format(when="on Tuesday"))
    corpus = analyze([tmp_path], Settings(workers=1))
    paste = next(a for a in corpus.articles if a.source.endswith("paste.txt"))
    assert paste.published is None
    est = paste.published_estimate
    assert est is not None and sorted(est.mates) == sorted(a.id for a in corpus.articles if a.published)
    assert est.earliest <= "2025-03-12" <= est.latest
    (tuesday,) = [t for t in corpus.times if t.span.article_id == paste.id and "Tuesday" in t.span.text]
    assert tuesday.anchor_estimated and tuesday.value == "2025-03-11"
    dated_tuesdays = {t.value for t in corpus.times if "Tuesday" in t.span.text and not t.anchor_estimated}
    assert dated_tuesdays == {"2025-03-11"}


def test_an_event_dated_only_through_an_estimated_publication_date_says_so(tmp_path):
    """A timeline line whose day comes from "on Wednesday" in a paste with no publication date is a
    likely day, not a stated one: the event is flagged and the brief says "date estimated". Once a
    dated report gives the same event, its date is stated and the flag goes."""
    import json as _json

    from storyline import Settings, analyze

    body = ("The Harlow river ferry stopped running on Tuesday after a cable snapped during the morning crossing, "
            "the Ostend Vale harbour office said. Harbour master Irena Voss said forty passengers were taken "
            "off by lifeboat and nobody was hurt.")
    divers = ("Divers from the Ostend Vale harbour office inspected the Harlow ferry hull on Wednesday and found "
              "a second damaged cable, Irena Voss said.")

    def run(folder, herald_has_divers: bool):  # type: ignore[no-untyped-def]
        folder.mkdir()
        for name, day in {"herald.json": "2025-03-13", "coast.json": "2025-03-12", "wire.json": "2025-03-13"}.items():
            text = (divers + " The ferry company said refunds would be paid to every ticket holder."
                    if herald_has_divers and name == "herald.json" else body)
            (folder / name).write_text(_json.dumps({"title": "Harlow ferry halted after cable snaps",
                                                    "published": day, "text": text}))
        (folder / "paste.txt").write_text("Ferry halted after cable snaps\n\n" + body + "\n\n" + divers)
        corpus = analyze([folder], Settings(workers=1))
        (event,) = [e for e in corpus.events if "Divers" in e.description]
        lines = [s.text for b in corpus.briefs for s in b.sentences if s.section == "timeline"]
        return event, lines

    event, lines = run(tmp_path / "paste-only", herald_has_divers=False)
    assert event.date == "2025-03-12" and event.date_estimated
    assert any(t.startswith("2025-03-12 (date estimated): Divers") for t in lines), lines
    event, lines = run(tmp_path / "also-dated", herald_has_divers=True)
    assert event.date == "2025-03-12" and not event.date_estimated and len(event.evidence) == 2
    assert any(t.startswith("2025-03-12: Divers") for t in lines), lines
