from __future__ import annotations

from typer.testing import CliRunner

from storyline.brief.build import build_brief
from storyline.cli import app
from storyline.model import Corpus

from .test_llm import inventive, serve


def write_corpus(inputs, tmp_path):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    corpus = Corpus(articles=list(inputs.articles.values()), stories=[inputs.story], briefs=[b])
    (tmp_path / "analysis.json").write_text(corpus.model_dump_json(), encoding="utf-8")
    return b


def test_stories_and_brief_commands(inputs, tmp_path):
    b = write_corpus(inputs, tmp_path)
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--from", str(tmp_path), "--json"])
    assert res.exit_code == 0 and '"s_bridge"' in res.output
    import json
    (row,) = json.loads(res.output)
    assert row["outlets"] == 4 and row["copies"] == 1 and row["kind"] == "event"
    res = runner.invoke(app, ["brief", "s_br", "--from", str(tmp_path), "--format", "html"])
    assert res.exit_code == 0 and "<script" not in res.output.lower()
    res = runner.invoke(app, ["brief", "s_bridge", "--from", str(tmp_path)])
    assert res.output == b.markdown


def test_brief_llm_option_rejects_unsupported_rewrites(inputs, tmp_path):
    b = write_corpus(inputs, tmp_path)
    url, seen, server = serve(inventive)
    try:
        res = CliRunner().invoke(app, ["brief", "s_bridge", "--from", str(tmp_path), "--llm", url,
                                       "--llm-model", "fake"])
    finally:
        server.shutdown()
    assert res.exit_code == 0 and seen
    assert "Klaus Winter" not in res.stdout
    assert res.stdout == b.markdown
