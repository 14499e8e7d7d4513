"""Crash safety of ``storyline analyze --out``: kill -9 at random points, then resume.

    .venv/bin/python benchmarks/kill_resume.py [--kills 20] [--seed 0] [--workers 2]

Inputs: the demo corpus without demo/corpus/broken, copied to a temporary folder ("A"), and A
without a seeded third of its files ("B"), so that the run being killed and the run it replaces
differ and a mix of the two would show. Reference runs of A and B are made first, uninterrupted,
into their own folders (PYTHONHASHSEED=0, --no-cache). Then, into one output folder, again and again:

1. start ``analyze`` on A or B (alternating) with a cold cache, so its worker pool is busy;
2. ``kill -9`` it after a seeded random delay: uniform over 3-97 % of that input's reference time
   on even rounds, over 85-102 % on odd ones (the last seconds, where the run is written and
   published, are short and would rarely be hit otherwise; past 100 % the run may have finished);
3. check that the folder is exactly the previous complete run or the new complete run, entry by
   entry (analysis.json, every table of storyline.duckdb by ids, briefs/, stories_state.json,
   article_results.jsonl), and that none of the killed process's children outlives it by 5 s;
4. run the same input again to completion (reusing what the killed run cached) and compare
   analysis.json and the database with the uninterrupted reference.

Result: benchmarks/results/kill_resume.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_info  # noqa: E402

TABLES = {"articles": "id", "entities": "id", "mentions": "article_id, start_char, end_char", "quotes": "id",
          "times": "id", "events": "id", "claims": "id", "stories": "id", "story_articles": "story_id, article_id",
          "briefs": "story_id"}


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0",
            "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def command(src: Path, out: Path, workers: int, cache: bool) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "analyze", str(src), "--out", str(out), "--quiet",
            "--workers", str(workers), "--cache" if cache else "--no-cache"]


def run(src: Path, out: Path, workers: int, cache: bool = True) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(command(src, out, workers, cache), env=env(), capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"analyze {src} failed ({p.returncode}): {p.stderr[-2000:]}")
    return time.perf_counter() - t0


def sha(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


def fingerprint(out: Path) -> dict | None:
    """Every entry of the published run, read through the contract paths as a reader would; None
    when there is no run at all; an 'unreadable' entry when something cannot be read."""
    import duckdb

    names = ("analysis.json", "storyline.duckdb", "briefs", "stories_state.json", "article_results.jsonl")
    if not any((out / n).exists() for n in names):
        return None
    fp: dict = {}
    try:
        fp["analysis"] = sha(json.dumps(json.loads((out / "analysis.json").read_bytes()), sort_keys=True).encode())
    except (OSError, ValueError) as e:
        fp["analysis"] = f"unreadable: {type(e).__name__}"
    try:
        con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
        try:
            fp["db"] = {t: sha(json.dumps(con.execute(f"SELECT {k} FROM {t} ORDER BY {k}").fetchall()).encode())
                        for t, k in TABLES.items()}
            fp["db_rows"] = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        finally:
            con.close()
    except Exception as e:  # noqa: BLE001 - any failure to open is the finding
        fp["db"] = f"unreadable: {type(e).__name__}"
    try:
        fp["briefs"] = {p.name: sha(p.read_bytes()) for p in sorted((out / "briefs").iterdir())}
    except OSError as e:
        fp["briefs"] = f"unreadable: {type(e).__name__}"
    for key, name in (("state", "stories_state.json"), ("results", "article_results.jsonl")):
        try:
            fp[key] = sha((out / name).read_bytes())
        except OSError as e:
            fp[key] = f"unreadable: {type(e).__name__}"
    return fp


def descendants(pid: int) -> set[int]:
    kids: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(p.name))
    found, todo = set(), [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            if k not in found:
                found.add(k)
                todo.append(k)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "kill_resume.json"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="kill_resume_"))
    try:
        corpus = ROOT / "demo" / "corpus"
        inputs = {"A": tmp / "in_a", "B": tmp / "in_b"}
        files = sorted(p for p in corpus.iterdir() if p.is_file())
        dropped = set(rng.sample([p.name for p in files], len(files) // 3))
        for key, folder in inputs.items():
            folder.mkdir()
            for p in files:
                if key == "A" or p.name not in dropped:
                    shutil.copy2(p, folder / p.name)

        run(inputs["B"], tmp / "warm_up", args.workers, cache=False)  # the first run pays for cold disk caches
        ref, ref_time, deterministic = {}, {}, True
        for key, folder in inputs.items():
            times = [run(folder, tmp / f"ref_{key}_{n}", args.workers, cache=False) for n in range(2)]
            ref_time[key] = min(times)  # kill points are fractions of an undisturbed run
            ref[key] = fingerprint(tmp / f"ref_{key}_0")
            if fingerprint(tmp / f"ref_{key}_1") != ref[key]:
                deterministic = False
            print(f"reference {key}: {len(list(folder.iterdir()))} inputs, {ref_time[key]:.1f} s, "
                  f"{ref[key]['db_rows']['articles']} articles, {ref[key]['db_rows']['stories']} stories")

        out = tmp / "out"
        run(inputs["A"], out, args.workers)
        previous = fingerprint(out)
        rows = []
        for i in range(args.kills):
            key = "B" if i % 2 == 0 else "A"
            shutil.rmtree(out / ".cache", ignore_errors=True)  # a cold cache: the pool has work to do
            delay = rng.uniform(0.03, 0.97) * ref_time[key] if i % 2 == 0 else rng.uniform(0.85, 1.02) * ref_time[key]
            proc = subprocess.Popen(command(inputs[key], out, args.workers, True), env=env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t0 = time.perf_counter()
            kids: set[int] = set()
            while time.perf_counter() - t0 < delay and proc.poll() is None:
                kids |= descendants(proc.pid)
                time.sleep(0.02)
            finished_first = proc.poll() is not None
            kids |= descendants(proc.pid)
            workers_alive = sum(1 for k in kids if alive(k))
            if not finished_first:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            t_kill = time.perf_counter()
            while time.perf_counter() - t_kill < 5 and any(alive(k) for k in kids):
                time.sleep(0.02)
            orphans = sorted(k for k in kids if alive(k))
            orphan_wait = round(time.perf_counter() - t_kill, 3)
            for k in orphans:  # leave the machine clean whatever happened; these are our own children
                os.kill(k, signal.SIGKILL)

            fingerprint_after = fingerprint(out)
            state = ("old" if fingerprint_after == previous else "new" if fingerprint_after == ref[key]
                     else "none" if fingerprint_after is None and previous is None else "MIXED")
            t_resume = time.perf_counter()
            run(inputs[key], out, args.workers)
            resume_s = time.perf_counter() - t_resume
            final = fingerprint(out)
            row = {"i": i, "input": key, "kill_after_s": round(delay, 2), "finished_before_kill": finished_first,
                   "workers_alive_at_kill": workers_alive, "after_kill": state, "orphans": len(orphans),
                   "children_gone_after_s": orphan_wait, "resume_s": round(resume_s, 2),
                   "analysis_identical": final["analysis"] == ref[key]["analysis"],
                   "db_identical": final["db"] == ref[key]["db"] and final["db_rows"] == ref[key]["db_rows"],
                   "all_identical": final == ref[key]}
            if state == "MIXED":
                row["mixed"] = {k: [fingerprint_after.get(k) if fingerprint_after else None,
                                    (previous or {}).get(k), ref[key].get(k)] for k in ref[key]}
            rows.append(row)
            previous = final
            print(f"kill {i + 1:2d}/{args.kills} {key} at {delay:5.2f}s{' (had finished)' if finished_first else ''}: "
                  f"workers {workers_alive}, "
                  f"folder={state}, orphans {len(orphans)} (gone in {orphan_wait}s), resume {resume_s:5.1f}s, "
                  f"identical={row['all_identical']}")

        outcomes = {s: sum(r["after_kill"] == s for r in rows) for s in ("old", "new", "none", "MIXED")}
        summary = {
            "kills": args.kills, "seed": args.seed, "workers": args.workers,
            "inputs": {k: len(list(v.iterdir())) for k, v in inputs.items()},
            "reference_s": {k: round(v, 2) for k, v in ref_time.items()},
            "reference_rows": {k: ref[k]["db_rows"] for k in ref},
            "uninterrupted_runs_deterministic": deterministic,
            "after_kill": outcomes,
            "killed_with_workers_alive": sum(1 for r in rows if r["workers_alive_at_kill"] >= args.workers
                                             and not r["finished_before_kill"]),
            "finished_before_kill": sum(r["finished_before_kill"] for r in rows),
            "orphans_total": sum(r["orphans"] for r in rows),
            "max_children_gone_after_s": max((r["children_gone_after_s"] for r in rows), default=0),
            "resumed_identical": sum(r["all_identical"] for r in rows),
            "resumed_analysis_identical": sum(r["analysis_identical"] for r in rows),
            "resumed_db_identical": sum(r["db_identical"] for r in rows),
            "runs": rows, "machine": machine_info(),
        }
        print(json.dumps({k: v for k, v in summary.items() if k not in ("runs", "machine")}, indent=1))
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(summary, indent=1) + "\n")
        ok = outcomes["MIXED"] == 0 and summary["orphans_total"] == 0 and summary["resumed_identical"] == args.kills
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
