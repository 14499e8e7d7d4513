"""Time-expression stress set: accuracy of the normalized value, per category.

    .venv/bin/python benchmarks/time.py

Reads benchmarks/data/time_stress.tsv (sentences written for this benchmark, each with a publish
date, the expression, and the expected ISO value; empty value = must stay unanchored, "-" = must not be read as a time at all), runs
``extract_times`` with the spaCy parse exactly as the pipeline does, and writes
benchmarks/results/time.json. A row counts as correct when an extracted expression overlapping the
expected one has exactly the expected value (None for unanchored rows).
"""

from __future__ import annotations

import csv
import json
import os
import platform
import sys
import time as _clock
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
if sys.path and Path(sys.path[0]).resolve() == HERE:
    sys.path.pop(0)  # this file is named time.py: never let it shadow the standard module

from storyline.config import Settings  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.nlp.spacy_pipeline import annotate  # noqa: E402
from storyline.time.expressions import extract_times  # noqa: E402

DATA = HERE / "data" / "time_stress.tsv"
OUT = HERE / "results" / "time.json"


def main() -> None:
    rows = list(csv.DictReader(DATA.open(encoding="utf-8"), delimiter="\t"))
    model = Settings().spacy_model
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    t0 = _clock.perf_counter()
    for i, r in enumerate(rows):
        art = Article(id=f"stress{i}", source="stress", text=r["sentence"], language=r["lang"],
                      published=r["published"] or None)
        doc = annotate(art.text, model) if r["lang"] == "en" else None
        times = extract_times(art, doc)
        a = r["sentence"].index(r["expression"])
        b = a + len(r["expression"])
        hit = [t for t in times if t.span.start < b and a < t.span.end]
        want = r["value"] or None
        if want == "-":  # the words must not be read as a date at all
            ok = not hit
        else:
            ok = bool(hit) and any(t.value == want for t in hit)
        per_cat[r["category"]][0] += ok
        per_cat[r["category"]][1] += 1
        if not ok:
            misses.append({"published": r["published"], "sentence": r["sentence"], "expression": r["expression"],
                           "expected": want, "got": [(t.span.text, t.value) for t in hit]})
    secs = _clock.perf_counter() - t0
    correct = sum(c for c, _ in per_cat.values())
    result = {
        "benchmark": "time expressions stress set",
        "data": str(DATA.relative_to(HERE.parent)),
        "rows": len(rows),
        "correct": correct,
        "accuracy": round(correct / len(rows), 4),
        "per_category": {k: {"correct": c, "total": n, "accuracy": round(c / n, 4)} for k, (c, n) in sorted(per_cat.items())},
        "seconds": round(secs, 2),
        "misses": misses,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"time stress set: {correct}/{len(rows)} = {result['accuracy']:.3f} ({secs:.1f} s)")
    for k, v in result["per_category"].items():
        print(f"  {k:22s} {v['correct']:3d}/{v['total']:3d}")
    for m in misses[:40]:
        print("  MISS", m["published"], m["expression"], "->", m["got"], "want", m["expected"], "|", m["sentence"])


if __name__ == "__main__":
    main()
