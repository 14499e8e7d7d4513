"""Smoke test of benchmarks/fuzz.py: the generators are deterministic and cover every kind, and one
small mixed batch runs through the CLI and is judged into the benchmark's counters.

Deliberately NOT asserted here: zero crashes, zero lost good records, one error line per bad input.
On the code this test was written against those still fail (see benchmarks/results/fuzz.json and its
crash classes); other engineers are fixing src/ in parallel. The benchmark itself
(``python benchmarks/fuzz.py``, exit code 1 while any counter is non-zero) is where "nothing lost"
is asserted. Once the counters reach zero, tighten ``test_one_small_batch_through_the_cli``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("storyline_fuzz", REPO / "benchmarks" / "fuzz.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["storyline_fuzz"] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


def test_generators_deterministic_and_cover_every_kind(fuzz):
    a = fuzz.generate(300, seed=5)
    b = fuzz.generate(300, seed=5)
    assert [(c.kind, c.name, c.data, c.markers, c.n_errors) for c in a] == \
           [(c.kind, c.name, c.data, c.markers, c.n_errors) for c in b]
    assert [c.data for c in fuzz.generate(50, seed=6)] != [c.data for c in a[:50]]
    each = fuzz.one_of_each(seed=5)
    assert set(each) == set(fuzz.KINDS)
    again = fuzz.one_of_each(seed=5)
    for kind, case in each.items():
        assert case.kind == kind
        assert case.data == again[kind].data and case.name == again[kind].name
        assert case.n_errors is None or case.n_errors >= 0
        for m in case.markers:
            assert fuzz.MARKER_RE.fullmatch(m)
    # a good plain-text input carries its marker in its bytes; a bad single file expects one error
    good = each["good.txt"]
    assert good.markers and good.markers[0].encode() in good.data and good.n_errors == 0
    assert each["bad.single"].n_errors == 1 and not each["bad.single"].markers
    # the generated mix holds good, bad and hostile-name inputs, and unique markers
    kinds = {c.kind for c in fuzz.generate(600, seed=1)}
    assert {"good.txt", "bad.single", "name.good", "any.random_bytes", "mixed.jsonl", "bad.archive"} <= kinds
    markers = [m for c in a for m in c.markers]
    assert len(markers) == len(set(markers))


def test_judge_on_a_synthetic_run(fuzz, tmp_path):
    """The judge's counters on a hand-made run: no subprocess, no spaCy."""
    cases = [fuzz.Case("good.txt", "a.txt", b"x", ["Qxaaaaaaaa"]), fuzz.Case("bad.single", "b.txt", b"", [], 1),
             fuzz.Case("name.bad", "[red]c.txt", b"", [], 1)]
    batch, out = tmp_path / "b", tmp_path / "o"
    names = fuzz.write_batch(cases, batch)
    assert sorted(os.listdir(batch)) == sorted(names)
    out.mkdir()
    (out / "analysis.json").write_text('{"articles": [{"source": "%s/f0000_a.txt", "text": "The Qxaaaaaaaa plan."}]}'
                                       % batch, encoding="utf-8")
    stderr = f"error: {batch}/f0001_b.txt: empty input\nerror: {batch}/f0002_c.txt: empty input\n"
    res = fuzz.judge(cases, names, batch, {"rc": 1, "stdout": "", "stderr": stderr, "hang": False, "seconds": 1.0,
                                           "out": str(out)})
    c = res["counts"]
    assert c["inputs"] == 3 and c["good_markers"] == 1 and c["crash"] == 0 and c["lost_good"] == 0
    assert c["wrong_error_count"] == 0 and c["mangled_name"] == 1  # "[red]" eaten: the name is not shown
    crashed = fuzz.judge(cases, names, batch, {"rc": 1, "stdout": "", "hang": False, "seconds": 1.0, "out": str(out),
                                               "stderr": "Traceback (most recent call last):\n  File \"/x/storyline/"
                                                         "cli.py\", line 3, in analyze\nValueError: boom\n"})
    assert crashed["counts"]["crash"] == 1 and crashed["crash_key"] == ("ValueError", "cli.py:analyze")


def test_one_small_batch_through_the_cli(fuzz, tmp_path):
    """One mixed batch of ~20 inputs through ``storyline analyze`` (subprocess, 1 worker)."""
    cases = fuzz.generate(20, seed=11)
    batch, out = tmp_path / "batch", tmp_path / "out"
    names = fuzz.write_batch(cases, batch)
    run = fuzz.run_cli(batch, out, str(REPO / "src"), timeout=120, workers=1)
    run["out"] = str(out)
    res = fuzz.judge(cases, names, batch, run)
    c = res["counts"]
    assert set(c) <= set(fuzz.COUNTERS)
    assert c["inputs"] == 20 and c["batches"] == 1 and c["good_markers"] == sum(len(x.markers) for x in cases)
    assert c["hang"] == 0  # holds on main: no batch of this size runs into the timeout
    assert run["rc"] is not None
    # not asserted yet (see the module docstring): c["crash"] == 0, c["lost_good"] == 0, ...
    if not c["crash"]:
        assert c["good_in_failed_batches"] == 0
    else:
        assert res["crash_key"] is not None and c["good_in_failed_batches"] == c["good_markers"]
