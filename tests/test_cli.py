import json
import subprocess
import sys
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from storyline.cli import app

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
        assert refused.exit_code == 1 and json.loads(refused.stdout)["articles"] == 0
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
