"""The output folder and the terminal: nothing lost, nothing mixed, nothing interpreted.

- printed strings (paths, URLs, titles, error text) are never Rich markup and never reach the
  terminal with control characters; JSON output survives a lone surrogate;
- a run's outputs are published together (a crash leaves the old run or the new one);
- one writer per --out (a second fails fast, exit 3); a rerun replaces stale stories and briefs;
  an empty input leaves the folder untouched;
- a killed analyze leaves no worker processes behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from storyline.cli import app, emit_json, json_text, shown

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src"

STORY_A = ("Korsa Herald\nFerry strike ends in Lindhaven\n\nLINDHAVEN, 3 March 2025 — The ferry strike in Lindhaven "
           "ended on Monday after 12 days, the union said. \"We have a deal that protects every crew,\" union leader "
           "Marta Olsen said on Monday.\n\nThe port authority said about 40 ferries would sail again by Wednesday.\n")
STORY_B = ("Nordwire\nVarnia opens new rail bridge\n\nVARNIA, 9 June 2025 — Varnia opened a 2-kilometre rail bridge "
           "over the Dvina on Sunday. \"This bridge joins two halves of the country,\" transport minister Pavel "
           "Ruda told reporters.\n\nThe bridge cost 310 million euros, the ministry said.\n")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "PYTHONHASHSEED": "0"}


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=_env())


def _folder(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _snapshot(out: Path) -> dict[str, object]:
    """Everything a reader sees in a published folder, read through the contract paths."""
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    try:
        db = {t: sorted(r[0] for r in con.execute(f"SELECT {k} FROM {t}").fetchall())
              for t, k in (("articles", "id"), ("stories", "id"), ("briefs", "story_id"), ("entities", "id"))}
    finally:
        con.close()
    return {"articles": sorted(a["id"] for a in data["articles"]), "stories": sorted(s["id"] for s in data["stories"]),
            "entities": sorted(e["id"] for e in data["entities"]), "db": db,
            "briefs": sorted(p.stem for p in (out / "briefs").glob("*.md")),
            "state": sorted(s["id"] for s in json.loads((out / "stories_state.json").read_text())["stories"]),
            "results": sorted(json.loads(ln)["article"]["id"]
                              for ln in (out / "article_results.jsonl").read_text().splitlines() if ln.strip())}


def _consistent(snap: dict) -> bool:
    return (snap["articles"] == snap["db"]["articles"] == snap["results"]
            and snap["stories"] == snap["db"]["stories"] == snap["db"]["briefs"] == snap["briefs"] == snap["state"]
            and snap["entities"] == snap["db"]["entities"])


# 1. printing ------------------------------------------------------------------------------------

def test_shown_replaces_control_characters_and_surrogates_but_keeps_tab():
    assert shown("a\x1b]0;owned\x07b\tc\x9bd\udc80e") == "a\ufffd]0;owned\ufffdb\tc\ufffdd\ufffde"
    assert shown("one\ntwo") == "one two" and shown("one\ntwo", lines=True) == "one\ntwo"


def test_json_output_escapes_what_a_terminal_or_utf8_would_choke_on(capsys):
    value = {"t": "x\udc80y\x9b[2J\u2028z\x1b"}
    emit_json(value, ensure_ascii=False)
    text = capsys.readouterr().out
    assert json.loads(text) == value
    assert not any(ch in text for ch in ("\udc80", "\x9b", "\u2028", "\x1b"))
    text.encode("utf-8")
    assert json.loads(json_text(json.dumps(value, ensure_ascii=False))) == value


@pytest.mark.parametrize("name", ["in[/x]put.json", "in[red]put.json", "in[bold]x[/]put.json"])
def test_markup_in_a_path_is_printed_as_text(tmp_path: Path, name: str):
    """Regression: an error naming a path with "[/x]" raised MarkupError (or lost the brackets)."""
    bad = tmp_path / name  # "in[/x]put.json" is the file "x]put.json" in the folder "in["
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("{not json", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(bad), "--out", str(tmp_path / "out"), "-q", "--workers", "1"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 3  # its one input failed: nothing written
    assert name in r.output


def test_an_ipv6_url_is_printed_whole(tmp_path: Path):
    url = "http://[fd00::2]:8765/a"  # private: refused without --allow-private, and the error names it
    r = runner.invoke(app, ["analyze", url, "--out", str(tmp_path / "out"), "-q", "--workers", "1"])
    assert r.exit_code == 3
    assert url in r.output


def test_control_characters_in_a_file_name_do_not_reach_the_terminal(tmp_path: Path):
    bad = tmp_path / "evil\x1b]0;owned\x07\x9b2J.json"
    bad.write_text("{not json", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(bad), "--out", str(tmp_path / "out"), "-q", "--workers", "1"])
    assert r.exit_code == 3
    assert "evil" in r.output and "owned" in r.output
    assert not any(ch in r.output for ch in "\x1b\x07\x9b")


def test_extract_prints_markup_and_control_characters_as_text(tmp_path: Path):
    page = ("[bold]Ferry[/x] strike [red]ends\x1b[2J\n\nThe ferry strike in Lindhaven ended on Monday after 12 days "
            "of talks [/] between the union and the port, the union said \x1b]0;title\x07 on Monday evening.\n")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert r.exit_code == 0, r.output
    assert "[bold]Ferry[/x] strike [red]ends" in r.stdout and "of talks [/] between" in r.stdout
    assert not any(ch in r.stdout for ch in "\x1b\x07")


def test_extract_survives_a_lone_surrogate(tmp_path: Path, monkeypatch):
    """Regression: pydantic refused to serialise a record with a lone surrogate and the whole batch
    died. Ingestion may replace them one day; the printer must not depend on it."""
    import storyline.ingest.article as article_mod

    real = article_mod.build_article

    def odd(doc):  # an article whose title and text carry lone surrogates, as a lax reader might give
        a = real(doc)
        return a.model_copy(update={"title": f"{a.title} \udc80", "text": a.text + " \ud800"})

    monkeypatch.setattr(article_mod, "build_article", odd)
    body = ("The ferry strike in Lindhaven ended on Monday after 12 days, the union said. "
            "Crews will sail again on Wednesday, the port authority said in a statement.")
    _folder(tmp_path / "in", {"a.txt": "Strike ends\n\n" + body,
                              "b.txt": "Bridge opens\n\n" + body.replace("ferry strike", "rail bridge")})
    r = runner.invoke(app, ["extract", str(tmp_path / "in"), "--json"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 2 and all(row["title"].endswith(" \udc80") for row in rows)  # lossless
    r = runner.invoke(app, ["extract", str(tmp_path / "in")])
    assert r.exit_code == 0 and r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Strike ends \ufffd" in r.stdout


# 2-4. the output folder ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> dict[str, Path]:
    """Two folders of inputs with nothing in common, analysed once each into scratch folders."""
    root = tmp_path_factory.mktemp("runs")
    a = _folder(root / "in_a", {"ferry.txt": STORY_A})
    b = _folder(root / "in_b", {"bridge.txt": STORY_B})
    return {"a": a, "b": b, "root": root}


def test_a_rerun_replaces_stale_stories_briefs_and_entities(two_runs, tmp_path: Path):
    out = tmp_path / "out"
    for src in (two_runs["a"], two_runs["b"]):
        r = _cli("analyze", str(src), "--out", str(out), "-q", "--workers", "1", "--no-cache")
        assert r.returncode == 0, r.stderr
    snap = _snapshot(out)
    assert _consistent(snap)
    data = json.loads((out / "analysis.json").read_text())
    assert [Path(a["source"]).name for a in data["articles"]] == ["bridge.txt"]
    assert len(snap["db"]["articles"]) == 1 and len(snap["briefs"]) == len(data["stories"]) == 1
    assert not any("Olsen" in e["name"] for e in data["entities"])
    # the previous run is gone from disk, not only from view
    assert len(list((out / ".runs").iterdir())) == 1


def test_an_empty_input_folder_is_an_error_and_leaves_the_output_untouched(two_runs, tmp_path: Path):
    out, empty = tmp_path / "out", tmp_path / "empty"
    empty.mkdir()
    assert _cli("analyze", str(two_runs["a"]), "--out", str(out), "-q", "--workers", "1").returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".lock"}
    current = os.readlink(out / ".current")
    r = _cli("analyze", str(empty), "--out", str(out), "-q", "--workers", "1", "--json")
    assert r.returncode == 3  # nothing to do
    assert len(r.stderr.strip().splitlines()) == 1 and "left unchanged" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(r.stdout)["written"] is False
    assert os.readlink(out / ".current") == current
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".lock"} == before


@pytest.mark.parametrize("damage", ["stories_state.json", "article_results.jsonl"])
def test_extend_with_a_damaged_earlier_run_is_one_line_and_exit_2(two_runs, tmp_path: Path, damage: str):
    out = tmp_path / "out"
    assert _cli("analyze", str(two_runs["a"]), "--out", str(out), "-q", "--workers", "1").returncode == 0
    target = (out / damage).resolve()
    target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])  # truncated, as by a full disk
    r = _cli("analyze", str(two_runs["b"]), "--out", str(out), "-q", "--workers", "1", "--extend-stories")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and damage in lines[0] and "without --extend-stories" in lines[0], r.stderr
    # the way out works
    assert _cli("analyze", str(two_runs["b"]), "--out", str(out), "-q", "--workers", "1").returncode == 0


def test_a_second_writer_fails_fast_and_touches_nothing(two_runs, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, b"4242\n")
        t0 = time.monotonic()
        r = runner.invoke(app, ["analyze", str(two_runs["a"]), "--out", str(out), "-q", "--workers", "1"])
        assert r.exit_code == 3 and time.monotonic() - t0 < 5
        assert "another `storyline analyze` (pid 4242)" in r.output and len(r.output.strip().splitlines()) == 1
        assert sorted(p.name for p in out.iterdir()) == [".lock"]  # no cache, no run, nothing
    finally:
        os.close(fd)


def test_two_real_writers_into_one_folder(two_runs, tmp_path: Path):
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "storyline.cli", "analyze", str(two_runs["a"]), "--out", str(out),
                              "-q", "--workers", "1", "--no-cache"], env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the lock file names its holder once it is held
            lock = out / ".lock"
            if lock.exists() and lock.read_text().strip() == str(first.pid):
                break
            time.sleep(0.05)
        else:
            pytest.fail("the first writer never took the lock")
        second = _cli("analyze", str(two_runs["b"]), "--out", str(out), "-q", "--workers", "1", timeout=60)
        assert second.returncode == 3, second.stderr
        assert f"pid {first.pid}" in second.stderr
        assert first.wait(300) == 0, first.stderr.read()
    finally:
        if first.poll() is None:
            first.kill()
    snap = _snapshot(out)
    assert _consistent(snap) and len(snap["articles"]) == 1


def test_readers_do_not_block_a_writer(two_runs, tmp_path: Path):
    """A reader holding the database open (as `storyline serve` does) neither blocks the next run nor
    sees it half-written: it keeps its complete old run; new readers get the new one."""
    out = tmp_path / "out"
    assert _cli("analyze", str(two_runs["a"]), "--out", str(out), "-q", "--workers", "1").returncode == 0
    reader = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    try:
        old = reader.execute("SELECT id FROM articles").fetchall()
        r = _cli("analyze", str(two_runs["b"]), "--out", str(out), "-q", "--workers", "1", timeout=120)
        assert r.returncode == 0, r.stderr
        assert reader.execute("SELECT id FROM articles").fetchall() == old
    finally:
        reader.close()
    assert _snapshot(out)["articles"] != sorted(i for (i,) in old)


# 5. workers die with their parent ----------------------------------------------------------------

def _children(pid: int) -> set[int]:
    kids = set()
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                stat = (p / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.add(int(p.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has let go of everything; its reaper is not ours


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_analyze_leaves_no_worker_behind(two_runs, tmp_path: Path):
    src = _folder(tmp_path / "in", {f"{k}_{n}.txt": text for n in range(4)
                                    for k, text in (("a", STORY_A), ("b", STORY_B))})
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "analyze", str(src), "--out", str(tmp_path / "o"),
                             "-q", "--workers", "2", "--no-cache"], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, kids = time.monotonic() + 120, set()
        while time.monotonic() < deadline and proc.poll() is None:
            kids = _children(proc.pid)
            if len(kids) >= 2:
                break
            time.sleep(0.05)
        assert len(kids) >= 2, "analyze finished or hung before starting its workers"
        time.sleep(0.3)
        kids |= _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(k) for k in kids):
            time.sleep(0.05)
        assert not [k for k in kids if _alive(k)]
    finally:
        if proc.poll() is None:
            proc.kill()
