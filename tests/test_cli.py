import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.config import Settings
from storyline.outputs import write_outputs

runner = CliRunner()


def test_help_lists_commands():
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("analyze", "eval", "stories", "brief", "quotes", "entities", "extract"):
        assert cmd in r.output


def test_analyze_writes_contract_outputs_and_fails_on_bad_input(tmp_path: Path, data_dir: Path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "storyline.cli", "analyze", str(data_dir / "mini"), str(data_dir / "bad"),
         "--out", str(out), "--json", "--workers", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr  # some inputs failed
    summary = json.loads(proc.stdout)  # stdout holds only the JSON summary
    assert summary["articles"] == 4 and summary["failed_inputs"] == 3
    assert "empty.txt" in proc.stderr and "broken.json" in proc.stderr
    data = json.loads((out / "analysis.json").read_text())
    for key in ("schema_version", "articles", "entities", "quotes", "times", "events", "claims", "stories", "briefs"):
        assert key in data
    briefs = list((out / "briefs").glob("*.md"))
    assert len(briefs) == len(data["stories"]) > 0
    con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 4
    assert con.execute("select count(*) from quotes").fetchone()[0] == len(data["quotes"])

    # the read-side commands work from the written folder
    r = runner.invoke(app, ["stories", "--from", str(out), "--json"])
    assert r.exit_code == 0
    sid = json.loads(r.stdout)[0]["id"]
    r = runner.invoke(app, ["brief", sid, "--from", str(out), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["story_id"] == sid
    r = runner.invoke(app, ["brief", "s_nonexistent", "--from", str(out)])
    assert r.exit_code == 2
    # who said what: a report shows the verb it was reported with
    r = runner.invoke(app, ["quotes", "--from", str(out), "--json"])
    rows = json.loads(r.stdout)
    reported = [q for q in rows if q["kind"] == "indirect" and q["cue"]]
    assert len(rows) == len(data["quotes"]) and reported
    r = runner.invoke(app, ["quotes", "--from", str(out)])
    assert f"[indirect · {reported[0]['cue']}]" in r.stdout
    for q in rows:  # a described source stands only where no one person is named
        assert q["source"] is None or q["speaker"] is None


def test_read_commands_without_analysis_exit_2(tmp_path: Path):
    r = runner.invoke(app, ["stories", "--from", str(tmp_path)])
    assert r.exit_code == 2


def test_analyze_fetches_urls_only_with_allow_private_for_localhost(tmp_path: Path, data_dir: Path):
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.txt").write_text((data_dir / "mini" / "korsa_herald.txt").read_text(encoding="utf-8"), encoding="utf-8")
    srv = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_address[1]}/a.txt"
    try:
        refused = runner.invoke(app, ["analyze", url, "--out", str(tmp_path / "o1"), "-q", "--workers", "1", "--json"])
        assert refused.exit_code == 3 and json.loads(refused.stdout)["articles"] == 0  # its one input failed
        ok = runner.invoke(app, ["analyze", url, "--out", str(tmp_path / "o2"), "-q", "--workers", "1",
                                 "--json", "--allow-private"])
        assert ok.exit_code == 0, ok.output
        data = json.loads((tmp_path / "o2" / "analysis.json").read_text())
        assert data["articles"][0]["source"] == url and "Lindhaven" in data["articles"][0]["text"]
    finally:
        srv.shutdown()
        srv.server_close()


def test_extend_stories_keeps_earlier_articles_and_their_story_ids(tmp_path: Path, data_dir: Path):
    """Regression: a second run with --extend-stories wrote only its own articles to analysis.json."""
    first_dir, second_dir, out = tmp_path / "day1", tmp_path / "day2", tmp_path / "out"
    first_dir.mkdir()
    second_dir.mkdir()
    files = sorted((data_dir / "mini").iterdir())
    for f in files[:-1]:
        (first_dir / f.name).write_bytes(f.read_bytes())
    (second_dir / files[-1].name).write_bytes(files[-1].read_bytes())

    r = runner.invoke(app, ["analyze", str(first_dir), "--out", str(out), "-q", "--workers", "1", "--no-cache"])
    assert r.exit_code == 0, r.output
    before = json.loads((out / "analysis.json").read_text())
    story_before = {aid: s["id"] for s in before["stories"] for aid in s["article_ids"]}

    r = runner.invoke(app, ["analyze", str(second_dir), "--out", str(out), "-q", "--workers", "1", "--no-cache",
                            "--extend-stories"])
    assert r.exit_code == 0, r.output
    after = json.loads((out / "analysis.json").read_text())
    story_after = {aid: s["id"] for s in after["stories"] for aid in s["article_ids"]}
    assert {a["id"] for a in before["articles"]} < {a["id"] for a in after["articles"]}
    assert all(story_after[aid] == sid for aid, sid in story_before.items())
    assert {q["id"] for q in before["quotes"]} <= {q["id"] for q in after["quotes"]}
    con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == len(after["articles"])

    (out / "article_results.jsonl").write_text("{not json\n")
    r = runner.invoke(app, ["analyze", str(second_dir), "--out", str(out), "-q", "--workers", "1", "--no-cache",
                            "--extend-stories"])
    assert r.exit_code == 2 and "article_results.jsonl" in r.output


def test_quotes_speaker_filter_finds_a_joint_voice_by_one_of_its_people(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "union.txt").write_text(
        "Clinton and Sanders court federal unions\n\n"
        "Democratic candidates Hillary Clinton and Bernie Sanders answered the union's questionnaire on Monday. "
        "They also said that federal workers deserve a raise next year.\n\n"
        "Bernie Sanders said later that the minimum wage should be $15 an hour.\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(src), "--out", str(out), "-q", "--workers", "1", "--no-cache"])
    assert r.exit_code == 0, r.output
    for who in ("Sanders", "Hillary Clinton"):
        r = runner.invoke(app, ["quotes", "--from", str(out), "--speaker", who, "--json"])
        assert r.exit_code == 0, r.output
        said = {q["text"]: q["speaker"] for q in json.loads(r.output)}
        assert said.get("federal workers deserve a raise next year") == "Hillary Clinton and Bernie Sanders", who
        assert any("minimum wage" in t for t in said) == (who == "Sanders")
    r = runner.invoke(app, ["quotes", "--from", str(out), "--speaker", "Donald Trump", "--json"])
    assert json.loads(r.output) == []


# --- exit codes and one-line errors (table in the docstring of storyline/cli.py) ---------------------------

@pytest.fixture(scope="module")
def written(mini_corpus, tmp_path_factory) -> Path:
    """The mini corpus as `analyze --out` writes it, shared by the read-side tests below."""
    out = tmp_path_factory.mktemp("written") / "out"
    write_outputs(mini_corpus, out)
    return out


def _one_error_line(r) -> str:
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    return lines[0]


def test_a_missing_input_path_is_a_usage_error_and_touches_nothing(tmp_path: Path, data_dir: Path):
    out = tmp_path / "out"
    for cmd in ("analyze", "extract"):
        r = runner.invoke(app, [cmd, str(data_dir / "mini"), str(tmp_path / "nope.txt"), "--out", str(out)][
            : 3 if cmd == "extract" else None])
        assert r.exit_code == 2, (cmd, r.output)
        assert "nope.txt" in _one_error_line(r)
    assert not out.exists()


def test_all_inputs_failing_is_3_and_some_is_1(tmp_path: Path, data_dir: Path):
    r = runner.invoke(app, ["analyze", str(data_dir / "bad"), "--out", str(tmp_path / "out"), "-q", "--workers", "1"])
    assert r.exit_code == 3 and "left unchanged" in r.stderr
    assert not (tmp_path / "out" / "analysis.json").exists()
    r = runner.invoke(app, ["extract", str(data_dir / "bad")])
    assert r.exit_code == 3
    r = runner.invoke(app, ["extract", str(data_dir / "bad"), str(data_dir / "mini")])
    assert r.exit_code == 1


def test_nothing_to_read_is_3(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    for cmd in ("analyze", "extract"):
        r = runner.invoke(app, [cmd, str(tmp_path / "empty")] + (["--out", str(tmp_path / "out")] if cmd == "analyze"
                                                                  else []))
        assert r.exit_code == 3, (cmd, r.output)
        assert "no readable input" in _one_error_line(r)


def test_a_bad_option_is_2(tmp_path: Path, data_dir: Path):
    r = runner.invoke(app, ["analyze", str(data_dir / "mini"), "--executor", "spark", "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "spark" in _one_error_line(r)
    assert runner.invoke(app, ["analyze", "--no-such-option", "x"]).exit_code == 2  # Click's own usage errors


def test_unknown_entity_type_or_name_is_one_line_and_2(written: Path):
    r = runner.invoke(app, ["entities", "--from", str(written), "--type", "FOO"])
    assert r.exit_code == 2 and "unknown entity type 'FOO'" in _one_error_line(r) and r.stdout == ""
    r = runner.invoke(app, ["entities", "--from", str(written), "--name", "Nobody Anywhere"])
    assert r.exit_code == 2 and "Nobody Anywhere" in _one_error_line(r)
    r = runner.invoke(app, ["entities", "--from", str(written), "--type", "org", "--json"])  # any case
    assert r.exit_code == 0 and {row["type"] for row in json.loads(r.stdout)} == {"ORG"}


def test_unknown_or_ambiguous_story_id_is_one_line_and_2(written: Path):
    r = runner.invoke(app, ["brief", "s_nonexistent", "--from", str(written)])
    assert r.exit_code == 2 and "no story 's_nonexistent'" in _one_error_line(r)
    r = runner.invoke(app, ["brief", "s_", "--from", str(written)])  # the mini corpus has two stories
    assert r.exit_code == 2 and "names 2 stories" in _one_error_line(r)
    r = runner.invoke(app, ["brief", "x", "--from", str(written), "--format", "pdf"])
    assert r.exit_code == 2 and "unknown format 'pdf'" in _one_error_line(r)


def test_eval_with_a_missing_gold_file_is_2(written: Path, tmp_path: Path):
    r = runner.invoke(app, ["eval", str(tmp_path / "gold.json"), str(written)])
    assert r.exit_code == 2 and "gold.json: no such file" in _one_error_line(r)


def test_llm_that_never_answers_is_one_line_exit_1_and_the_extractive_brief(written: Path):
    sid = json.loads(runner.invoke(app, ["stories", "--from", str(written), "--json"]).stdout)[0]["id"]
    plain = runner.invoke(app, ["brief", sid, "--from", str(written)]).stdout
    with socket.socket() as s:  # a port nothing listens on: connection refused at once
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    r = runner.invoke(app, ["brief", sid, "--from", str(written), "--llm", dead])
    assert r.exit_code == 1
    line = _one_error_line(r)
    assert "--llm" in line and "extractive brief was used" in line
    assert r.stdout == plain


def test_serve_without_the_web_stack_names_the_extra_with_its_brackets(written: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    r = runner.invoke(app, ["serve", "--from", str(written)])
    assert r.exit_code == 2 and "pip install 'storyline[web]'" in _one_error_line(r)


def test_progress_says_the_model_is_loading_unless_quiet(tmp_path: Path, data_dir: Path):
    r = runner.invoke(app, ["analyze", str(data_dir / "mini" / "korsa_herald.txt"), "--out", str(tmp_path / "a"),
                            "--workers", "1"])
    assert r.exit_code == 0 and "loading language model" in r.stderr
    r = runner.invoke(app, ["analyze", str(data_dir / "mini" / "korsa_herald.txt"), "--out", str(tmp_path / "b"),
                            "--workers", "1", "-q"])
    assert r.exit_code == 0 and r.stderr == ""


# --- help and version ---------------------------------------------------------------------------------------

def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"storyline {storyline.__version__}"


COMMANDS = ("analyze", "eval", "stories", "brief", "quotes", "entities", "search", "serve", "extract")


@pytest.mark.parametrize("cmd", COMMANDS)
def test_help_describes_every_option_and_shows_examples(cmd: str):
    r = runner.invoke(app, [cmd, "--help"])
    assert r.exit_code == 0
    text = r.stdout
    assert "Examples:" in text and f"storyline {cmd}" in text
    assert "<bool>" not in text and "<str>" not in text and "<path>" not in text and "list[str]" not in text
    assert "{" not in text.splitlines()[0]  # usage line: PATH..., not {paths}...
    options = text.split("Options:")[1].split("Examples:")[0]
    for row in re.findall(r"^  (-\S.*)$", options, re.M):  # every option row carries a description
        assert re.search(r"\S\s{2,}\S", row) or row.rstrip().endswith(","), row
    command = typer.main.get_command(app).commands[cmd]
    for p in command.params:
        assert getattr(p, "help", None), f"{cmd} {p.name} has no help"


def test_help_shows_arguments_by_their_names():
    text = runner.invoke(app, ["analyze", "--help"]).stdout
    assert "analyze [OPTIONS] PATH..." in text and "--json" in text and "--cache / --no-cache" in text


def test_quotes_show_speaker_confidence_and_mark_the_uncertain(written: Path, mini_corpus):
    """A speaker below Settings.speaker_sure reads as "attributed to … (uncertain)", never as fact."""
    sure = Settings().speaker_sure
    r = runner.invoke(app, ["quotes", "--from", str(written)])
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    named = [q for q in mini_corpus.quotes if q.speaker]
    assert {q.confidence >= sure for q in named} == {True, False}  # both kinds are shown here
    for q in named:
        sure_label, unsure_label = f"{q.speaker} ({q.confidence:.2f})", f"attributed to {q.speaker} (uncertain,"
        assert (sure_label if q.confidence >= sure else unsure_label) in text


def test_search_shows_words_around_an_article_hit_and_says_when_nothing_matches(written: Path, mini_corpus):
    """Regression: an article hit printed its one matching word ("air"); no hits printed nothing."""
    r = runner.invoke(app, ["search", "mission", "--from", str(written)])
    assert r.exit_code == 0
    article_lines = [ln for ln in r.stdout.split("[article]")[1:]]
    assert article_lines
    shown_words = article_lines[0].split("”")[0].split("“")[-1].split()
    assert len(shown_words) >= 12  # a window of words, not the hit alone
    none = runner.invoke(app, ["search", "zzqxv", "--from", str(written)])
    assert none.exit_code == 0 and none.stdout == "" and "no results for 'zzqxv'" in none.stderr


def test_a_missing_language_model_is_one_line_and_2_and_writes_nothing(tmp_path: Path, data_dir: Path):
    """Regression: an uninstalled spaCy pipeline printed a 100-line traceback (BrokenProcessPool)."""
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", str(data_dir / "mini"), "--out", str(out), "--no-cache", "--quiet",
                            "--model", "no_such_pipeline", "--workers", "2"])
    assert r.exit_code == 2
    line = _one_error_line(r)
    assert "no_such_pipeline" in line and "not installed" in line
    assert not (out / "analysis.json").exists()
