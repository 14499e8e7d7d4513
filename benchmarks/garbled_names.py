"""Scoring of the "garbled real names" section of benchmarks/entities.py.

The set (benchmarks/data/make_garbled_names.py) is rebuilt from ../shared/data at each run; each half is
analysed on its own the way the pipeline does after NER: within-article references first
(coref.resolve_references), then cross-document canonicalisation. Scores are pairwise merge precision
and recall and B-cubed over the person mentions, recall of each corruption against the clean
spelling, and how many never-merge pairs (namesakes, spouses, Jr., Kowalski/Kowalska, -son/-sen) and
ambiguous bare surnames ended up merged: those must stay at zero.

Run alone: .venv/bin/python benchmarks/garbled_names.py   (prints both halves; writes nothing;
benchmarks/entities.py stores the same section in benchmarks/results/entities.json)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from _scores import pairwise  # noqa: E402
from ecb_people import bcubed  # noqa: E402
from make_garbled_names import available, build  # noqa: E402

from storyline.entities.canonical import canonicalize  # noqa: E402
from storyline.entities.coref import resolve_references  # noqa: E402
from storyline.model import Article, Mention  # noqa: E402


def analyse(stories: list[dict]) -> tuple[dict, dict, dict, list]:
    """gold, predicted entity and corruption kind per person mention; and the entities."""
    arts, ms, gold, kind = [], [], {}, {}
    for st in stories:
        for a in st["articles"]:
            art = Article(id=a["id"], source=f"{a['id']}.txt", outlet=a["outlet"], text=a["text"], language="en")
            raw = [Mention(span=art.span(m["start"], m["end"]), label=m["label"], role=m["role"]) for m in a["mentions"]]
            arts.append(art)
            ms += resolve_references(art, raw)
            for m in a["mentions"]:
                if m["gold"]:
                    gold[(a["id"], m["start"], m["end"])] = m["gold"]
                    kind[(a["id"], m["start"], m["end"])] = m["kind"]
    entities, index = canonicalize(ms, arts)
    return gold, {k: index[k] for k in gold}, kind, entities


def score(gold: dict, pred: dict, kind: dict) -> dict:
    scores, false_merges = pairwise(gold, pred, kind)
    never_merged = {tuple(sorted((gold[a], gold[b]))) for a, b in false_merges if _related(gold[a], gold[b])}
    ambiguous = [k for k in gold if "ambiguous" in gold[k]]
    by_kind = scores.pop("recall_vs_clean_by_corruption")
    return {**scores, "bcubed": bcubed(pred, gold),
            "never_merge_pairs_merged": sorted("/".join(x) for x in never_merged),
            "ambiguous_bare_surnames_linked": sum(1 for k in ambiguous if sum(pred[k] == v for v in pred.values()) > 1),
            "ambiguous_bare_surnames": len(ambiguous), "recall_vs_clean_by_corruption": by_kind}


def _related(a: str, b: str) -> bool:
    """A person and their never-merge partner ('tune:12' and 'tune:12:spouse')."""
    return a.startswith(b + ":") or b.startswith(a + ":")


def garbled_names(names: list[str] | None = None) -> dict | str:
    if names is None and not available():
        return "skipped: ../shared/data (ECB+ gold, PolNeAR dev texts) is absent; the set is built from it at run time"
    data = build(names=names)
    out = {}
    for half, stories in data.items():
        gold, pred, kind, _ = analyse(stories)
        out[half] = {"stories": len(stories), "person_mentions": len(gold),
                     "never_merge_partners": sum(1 for s in stories if s["never"]), **score(gold, pred, kind)}
    return out


if __name__ == "__main__":
    print(json.dumps(garbled_names(), indent=1))
