"""The CLI end to end on real news against raw spaCy, both timed from process start.

    .venv/bin/python benchmarks/end_to_end.py [--sets polnear,ecbplus] [--ecb-articles 200] [--repeat 2]
        [--ray]   # also `--executor ray` (a local Ray started by the run) with the same workers

What a user waits for is `storyline analyze DIR --out OUT`: imports, model loading in every worker,
every stage, the database, the JSON files and the briefs. That is measured here as one process tree,
from start to exit, with its peak memory (the sum over the tree, sampled). The baseline is a fresh
process that loads the same spaCy pipeline and runs `nlp.pipe(texts, n_process=workers, batch_size=4)`
over the cleaned texts our run produced (a small batch, so every process works). The two alternate
``--repeat`` times and each keeps its fastest run, so a burst of other load does not decide the ratio.

With ``--ray`` the same command runs once more with ``--executor ray`` (Ray is started by the run
and stopped with it, so its start-up is in the time): its seconds are reported beside the local
pool's, and its output is compared with the local run's (articles, quotes, entities, stories and
briefs must be equal; ``same_output``).

Real texts come from ``../shared/data`` (PolNeAR dev: 84 US political articles; ECB+: the first N
files of its text folder); a missing set is skipped with a message. Result:
benchmarks/results/end_to_end.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_info  # noqa: E402

from storyline.config import Settings  # noqa: E402

DATA = Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data"))
SETS = {"polnear": DATA / "polnear" / "dev" / "text", "ecbplus": DATA / "ecbplus" / "text"}
BIN = Path(sys.executable).parent
RAW_SPACY = """
import json, sys, spacy
texts = json.load(open(sys.argv[1]))
nlp = spacy.load(sys.argv[2])
assert sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=4)) == len(texts)
"""


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (workers are children)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier += kids
    return sum(rss.get(p, 0) for p in tree) / 2**20


def timed(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall seconds and sampled peak tree memory of one command; its output is discarded."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):  # 1: some inputs failed, which real folders may have
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {err[-500:]}")
    return {"seconds": round(wall, 2), "peak_tree_mb": round(peak)}


def input_folder(name: str, limit: int | None, work: Path) -> Path | None:
    src = SETS[name]
    if not src.is_dir():
        print(f"skip {name}: {src} not found (third-party data lives in ../shared/data)", file=sys.stderr)
        return None
    files = sorted(src.glob("*.txt"))[:limit] if limit else sorted(src.glob("*.txt"))
    folder = work / name
    folder.mkdir()
    for f in files:
        (folder / f.name).symlink_to(f)
    return folder


def _comparable(out: Path) -> dict:
    """What must not depend on the executor: every record a run writes, errors aside."""
    corpus = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    return {k: corpus[k] for k in ("articles", "entities", "quotes", "times", "events", "claims", "stories", "briefs")}


def on_ray(folder: Path, work: Path, workers: int, local_out: Path) -> dict:
    """The same analysis with ``--executor ray``: its time, and whether its output is the local one's."""
    out = work / f"{folder.name}_ray_out"
    cmd = [str(BIN / "storyline"), "analyze", str(folder), "--out", str(out), "--no-cache", "--quiet",
           "--workers", str(workers), "--executor", "ray"]
    run = timed(cmd, {**os.environ, "RAY_AUTH_MODE": "disabled"})
    return {**run, "same_output": _comparable(out) == _comparable(local_out)}


def measure(name: str, folder: Path, work: Path, workers: int, repeat: int, model: str) -> dict:
    out = work / f"{name}_out"
    ours_cmd = [str(BIN / "storyline"), "analyze", str(folder), "--out", str(out), "--no-cache", "--quiet",
                "--workers", str(workers)]
    ours, raw = [], []
    texts_file = work / f"{name}_texts.json"
    for i in range(max(1, repeat)):
        ours.append(timed(ours_cmd))
        if i == 0:  # the baseline parses exactly the cleaned texts our run produced
            analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
            texts = [a["text"] for a in analysis["articles"]]
            texts_file.write_text(json.dumps(texts))
        raw.append(timed([sys.executable, "-c", RAW_SPACY, str(texts_file), model, str(workers)]))
    best_ours = min(ours, key=lambda r: r["seconds"])
    best_raw = min(raw, key=lambda r: r["seconds"])
    return {"articles": len(texts), "chars": sum(map(len, texts)), "workers": workers,
            "ours": best_ours, "raw_spacy": best_raw,
            "ratio_to_raw_spacy": round(best_ours["seconds"] / best_raw["seconds"], 3),
            "articles_per_s": round(len(texts) / best_ours["seconds"], 2),
            "runs": {"ours": ours, "raw_spacy": raw}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="polnear,ecbplus")
    ap.add_argument("--ecb-articles", type=int, default=200, help="first N ECB+ files (all: 0)")
    ap.add_argument("--workers", type=int, default=Settings().workers)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--ray", action="store_true", help="also time --executor ray and compare its output")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "end_to_end.json"))
    args = ap.parse_args()
    model = Settings().spacy_model
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="storyline-e2e-") as tmp:
        work = Path(tmp)
        for name in args.sets.split(","):
            folder = input_folder(name, args.ecb_articles if name == "ecbplus" else None, work)
            if folder is not None:
                results[name] = measure(name, folder, work, args.workers, args.repeat, model)
                if args.ray:
                    ray = on_ray(folder, work, args.workers, work / f"{name}_out")
                    results[name]["ray"] = {**ray, "ratio_to_local": round(ray["seconds"] / results[name]["ours"]["seconds"], 3)}
                print(name, json.dumps({k: v for k, v in results[name].items() if k != "runs"}), file=sys.stderr)
    if not results:
        print("no data set found: nothing measured", file=sys.stderr)
        return
    doc = {"benchmark": "end_to_end", "spacy_model": model, "sets": results,
           "load_average_at_end": [round(x, 2) for x in os.getloadavg()], "machine": machine_info()}
    Path(args.out).write_text(json.dumps(doc, indent=1) + "\n")
    print(json.dumps(doc, indent=1))


if __name__ == "__main__":
    main()
