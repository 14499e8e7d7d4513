"""Named stages: skipped by name, replaced with one call, timed under their names, listed by the CLI."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline import Settings, analyze
from storyline.article_stages import ARTICLE_STAGES, ArticleState
from storyline.cli import app
from storyline.corpus_stages import CORPUS_STAGES
from storyline.pipeline import analyze_one, read_all, run_corpus_stages
from storyline.stages import UnknownStage, check_skip


def test_skipping_quotes_leaves_quotes_empty_and_the_rest_analysed(data_dir: Path):
    full = analyze(data_dir / "mini", Settings(workers=1))
    lean = analyze(data_dir / "mini", Settings(workers=1, skip=frozenset({"quotes", "briefs"})))
    assert full.quotes and full.briefs
    assert not lean.quotes and not lean.briefs
    assert {a.id for a in lean.articles} == {a.id for a in full.articles}
    assert [sorted(s.article_ids) for s in lean.stories] == [sorted(s.article_ids) for s in full.stories]
    assert len(lean.entities) == len(full.entities) and lean.claims == full.claims


def test_a_replaced_stage_runs_in_place_of_the_original(data_dir: Path):
    docs, _ = read_all([data_dir / "mini" / "korsa_herald.txt"])
    seen = []

    def only_first_claim(st: ArticleState) -> None:
        seen.append(st.article.id)
        original(st)
        st.claims = st.claims[:1]

    original = ARTICLE_STAGES.replace("claims", only_first_claim)
    try:
        result = analyze_one(docs[0], Settings().spacy_model)
    finally:
        ARTICLE_STAGES.replace("claims", original)
    assert seen == [result.article.id] and len(result.claims) == 1
    assert len(analyze_one(docs[0], Settings().spacy_model).claims) > 1  # restored


def test_each_stage_is_timed_under_its_name(data_dir: Path):
    docs, _ = read_all([data_dir / "mini"])
    timings: dict[str, float] = {}
    results = [analyze_one(d, Settings().spacy_model, timings) for d in docs]
    corpus_timings: dict[str, float] = {}
    run_corpus_stages(results, timings=corpus_timings)
    assert set(ARTICLE_STAGES.names) <= set(timings)
    assert set(corpus_timings) == set(CORPUS_STAGES.names)


def test_unknown_or_required_stages_cannot_be_skipped():
    with pytest.raises(UnknownStage, match="quotse"):
        check_skip(["quotse"], ARTICLE_STAGES, CORPUS_STAGES)
    with pytest.raises(UnknownStage, match="cannot be skipped"):
        check_skip(["stories"], ARTICLE_STAGES, CORPUS_STAGES)
    assert check_skip(["quotes", "related"], ARTICLE_STAGES, CORPUS_STAGES) == {"quotes", "related"}


def test_cli_lists_stages_and_rejects_a_misspelt_skip(tmp_path: Path, data_dir: Path):
    r = CliRunner().invoke(app, ["stages", "--json"])
    rows = json.loads(r.stdout)
    assert r.exit_code == 0 and [x["name"] for x in rows] == ARTICLE_STAGES.names + CORPUS_STAGES.names
    assert all(x["does"] for x in rows)
    r = CliRunner().invoke(app, ["analyze", str(data_dir / "mini"), "--out", str(tmp_path / "o"), "--skip", "quotse"])
    assert r.exit_code == 2 and "unknown stage 'quotse'" in r.stderr
    assert not (tmp_path / "o" / "analysis.json").exists()


def test_skipped_stages_are_part_of_the_cache_key(tmp_path: Path, data_dir: Path):
    out = tmp_path / "out"
    analyze(data_dir / "mini", Settings(workers=1, skip=frozenset({"quotes"})), out=out)
    again = analyze(data_dir / "mini", Settings(workers=1), out=out)  # same cache folder, quotes wanted now
    assert again.quotes
