"""The stress set (tests/quotes/data/stress.jsonl) is scored in benchmarks/quotes.py; here we only
check that it stays well-formed, so the benchmark never silently scores against broken gold."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "stress.jsonl"


def test_stress_set_is_well_formed_and_large_enough():
    items = [json.loads(ln) for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(items) >= 100
    assert len({i["id"] for i in items}) == len(items)
    for it in items:
        for q in it["quotes"]:
            assert q["text"] in it["text"], it["id"]
            assert q["kind"] in ("direct", "partial", "indirect")
        for t in it["not_quotes"]:
            assert t in it["text"], it["id"]
    kinds = {q["kind"] for it in items for q in it["quotes"]}
    assert kinds == {"direct", "partial", "indirect"}
    assert sum(len(it["not_quotes"]) for it in items) >= 15
