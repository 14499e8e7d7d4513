"""The Python API: ``storyline.analyze`` (one path or many, and ``out=`` writing what the CLI
writes), ``open_store``, and the package's type information."""

import functools
import json
import re
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
import storyline.api
from storyline import Corpus, Settings, analyze, open_store
from storyline.cli import app
from storyline.store.duckdb_store import Store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def api_run(tmp_path_factory, data_dir: Path) -> tuple[Corpus, Path]:
    out = tmp_path_factory.mktemp("api") / "out"
    corpus = analyze(str(data_dir / "mini"), Settings(workers=1), out=out)  # a bare str is one path
    return corpus, out


def test_out_holds_what_the_cli_writes(api_run):
    corpus, out = api_run
    assert json.loads((out / "analysis.json").read_text())["articles"] and corpus.briefs
    for b in corpus.briefs:
        for ext in ("md", "html", "json"):
            assert (out / "briefs" / f"{b.story_id}.{ext}").is_file()
        assert json.loads((out / "briefs" / f"{b.story_id}.json").read_text())["story_id"] == b.story_id
    assert (out / "stories_state.json").is_file() and (out / "article_results.jsonl").is_file()
    # the CLI reads it like its own run
    r = CliRunner().invoke(app, ["stories", "--from", str(out), "--json"])
    assert r.exit_code == 0 and {s["id"] for s in json.loads(r.stdout)} == {s.id for s in corpus.stories}


def test_open_store_reads_the_written_database(api_run):
    corpus, out = api_run
    with open_store(out / "storyline.duckdb", read_only=True) as store:
        assert isinstance(store, Store)
        assert store.count("articles") == len(corpus.articles)


def test_one_path_a_path_object_or_a_list_are_the_same(data_dir: Path):
    one = data_dir / "mini" / "korsa_herald.txt"
    ids = {tuple(a.id for a in analyze(p, Settings(workers=1)).articles) for p in (one, str(one), [one])}
    assert len(ids) == 1 and len(next(iter(ids))) == 1


def test_out_is_left_alone_when_nothing_could_be_analysed(tmp_path: Path, data_dir: Path):
    corpus = analyze([data_dir / "bad"], Settings(workers=1), out=tmp_path / "out")
    assert not corpus.articles and corpus.errors
    assert not (tmp_path / "out" / "analysis.json").exists()


def test_the_library_does_not_import_the_cli():
    code = "import sys, storyline; assert 'storyline.cli' not in sys.modules and 'typer' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_typed_package():
    assert (Path(storyline.__file__).parent / "py.typed").is_file()
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["storyline"]
    hints = typing.get_type_hints(open_store)
    assert hints["return"] is Store and hints["read_only"] is bool
    assert typing.get_type_hints(analyze)["return"] is Corpus


def test_the_readme_python_example_runs_and_prints_no_none(tmp_path: Path, data_dir: Path, monkeypatch, capsys):
    block = re.search(r"```python\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    (tmp_path / "my_folder").mkdir()
    for f in (data_dir / "mini").iterdir():
        (tmp_path / "my_folder" / f.name).write_bytes(f.read_bytes())
    monkeypatch.chdir(tmp_path)
    # one in-process worker (the model is loaded once per test session) instead of a pool per run
    monkeypatch.setattr(storyline.api, "Settings", functools.partial(Settings, workers=1))
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed and not any(line.startswith("None") for line in printed)
    assert (tmp_path / "out" / "analysis.json").exists()


def test_extend_adds_to_the_stories_of_the_run_in_out_as_the_cli_does(tmp_path: Path, data_dir: Path):
    out = tmp_path / "out"
    mini = sorted((data_dir / "mini").iterdir())
    first = analyze(mini[:-1], Settings(workers=1), out=out)
    grown = analyze(mini[-1:], Settings(workers=1), out=out, extend=True)
    assert {a.id for a in first.articles} < {a.id for a in grown.articles}  # earlier articles kept
    earlier_story = {aid: s.id for s in first.stories for aid in s.article_ids}
    now_story = {aid: s.id for s in grown.stories for aid in s.article_ids}
    assert all(now_story[aid] == sid for aid, sid in earlier_story.items())  # and their story ids


def test_errors_for_the_user_are_one_family(tmp_path: Path, data_dir: Path):
    from storyline.errors import EarlierRunUnreadable, StorylineError

    out = tmp_path / "out"
    analyze(data_dir / "mini" / "korsa_herald.txt", Settings(workers=1), out=out)
    (out / "stories_state.json").write_text("{ damaged")
    with pytest.raises(StorylineError) as caught:
        analyze(data_dir / "mini" / "nordwire.jsonl", Settings(workers=1), out=out, extend=True)
    assert isinstance(caught.value, EarlierRunUnreadable) and "stories_state.json" in str(caught.value)
    assert "\n" not in str(caught.value)
