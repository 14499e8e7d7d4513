#!/usr/bin/env python3
"""Consistency check for demo/gold.json against the files in demo/corpus/.

Run: python3 demo/check_gold.py        (exit code 0 = consistent)

Checks that every article key resolves to a file (or a .jsonl line), every
corpus file is annotated, story lists match the per-article "story" field,
every annotated text occurs verbatim in its article (for .json/.jsonl: in the
decoded title/text fields; otherwise in the raw file), boilerplate entries are
whole stripped lines, keep/quote/date/number texts are not inside boilerplate,
date values are well-formed, person variants occur in the corpus, verbatim
republications really share the body, and body lengths are 150-450 words.
"""
import html
import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def load_article(key):
    """Return (searchable_text, lines, kind) for an article key."""
    name, _, line_no = key.partition("#")
    path = CORPUS / name
    if not path.is_file():
        return None
    raw = path.read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        rows = [l for l in raw.splitlines()]
        obj = json.loads(rows[int(line_no) - 1])
        text = obj["title"] + "\n" + obj["text"]
        return text, obj["text"].splitlines(), "json"
    if name.endswith(".json"):
        obj = json.loads(raw)
        text = obj["title"] + "\n" + obj["text"]
        return text, obj["text"].splitlines(), "json"
    return raw, raw.splitlines(), ("html" if name.endswith(".html") else "txt")


def body_words(text, lines, kind, boiler):
    if kind == "html":
        m = re.search(r"<article.*?</article>", text, re.S)
        paras = re.findall(r"<p(?:\s[^>]*)?>(.*?)</p>", m.group(0) if m else "", re.S)
        body = " ".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras)
    else:
        bset = set(boiler)
        body = " ".join(l for l in lines if l.strip() and l.strip() not in bset)
    return len(body.split())


gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
arts = gold["articles"]
loaded = {}
for key in arts:
    got = load_article(key)
    if got is None:
        err(f"article key does not resolve to a file: {key}")
    else:
        loaded[key] = got

# every corpus file (outside broken/) must be annotated
for p in sorted(CORPUS.rglob("*")):
    if p.is_dir() or "broken" in p.relative_to(CORPUS).parts:
        continue
    rel = p.relative_to(CORPUS).as_posix()
    if rel.endswith(".jsonl"):
        n = len([l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()])
        for i in range(1, n + 1):
            if f"{rel}#{i}" not in arts:
                err(f"jsonl line not annotated: {rel}#{i}")
    elif rel not in arts:
        err(f"corpus file not annotated: {rel}")

# broken inputs
if (CORPUS / "broken" / "empty.txt").stat().st_size != 0:
    err("broken/empty.txt is not empty")
try:
    json.loads((CORPUS / "broken" / "corrupt.json").read_text(encoding="utf-8"))
    err("broken/corrupt.json parses but should be broken")
except json.JSONDecodeError:
    pass

# stories
seen = {}
for sid, st in gold["stories"].items():
    for a in st["articles"]:
        if a not in arts:
            err(f"story {sid} lists unknown article {a}")
        elif arts[a]["story"] != sid:
            err(f"story {sid} lists {a} but article says {arts[a]['story']}")
        if a in seen:
            err(f"{a} listed in two stories")
        seen[a] = sid
for a, meta in arts.items():
    if a not in seen:
        err(f"article {a} not listed in any story")
    if meta["story"] not in gold["stories"]:
        err(f"article {a} has unknown story {meta['story']}")

FIELDS = {"outlet", "published", "published_source", "language", "story", "duplicate_of", "rewrite_of",
          "translated", "syndicated_from", "boilerplate", "keep"}
for key, meta in arts.items():
    if set(meta) != FIELDS:
        err(f"{key}: fields {sorted(set(meta) ^ FIELDS)} differ from schema")
    if key not in loaded:
        continue
    text, lines, kind = loaded[key]
    stripped = {l.strip() for l in lines}
    pub = meta["published"]
    if pub is not None:
        date.fromisoformat(pub)
    if (pub is None) != (meta["published_source"] == "unknown"):
        err(f"{key}: published/published_source mismatch")
    for ref in ("duplicate_of", "rewrite_of"):
        if meta[ref] is not None and meta[ref] not in arts:
            err(f"{key}: {ref} points to unknown {meta[ref]}")
    for b in meta["boilerplate"]:
        if b not in stripped:
            err(f"{key}: boilerplate is not a whole stripped line: {b!r}")
    if not 2 <= len(meta["keep"]) <= 3:
        err(f"{key}: keep should have 2-3 entries")
    for k in meta["keep"]:
        if k not in text:
            err(f"{key}: keep text not found: {k!r}")
        if any(k in b for b in meta["boilerplate"]):
            err(f"{key}: keep text is inside a boilerplate line: {k!r}")
    n = body_words(text, lines, kind, meta["boilerplate"])
    if not 150 <= n <= 450:
        err(f"{key}: body has {n} words (want 150-450)")

# verbatim republications share every body paragraph of the original
for key, meta in arts.items():
    orig = meta["duplicate_of"]
    if orig and key in loaded and orig in loaded:
        otext, olines, _ = loaded[orig]
        bset = set(arts[orig]["boilerplate"])
        for l in olines:
            l = l.strip()
            if len(l) > 40 and l not in bset and l not in loaded[key][0]:
                err(f"{key}: duplicate lacks original paragraph: {l[:60]!r}")


def check_texts(section, min_words=0):
    for item in gold[section]:
        a, t = item["article"], item["text"]
        if a not in loaded:
            err(f"{section}: unknown article {a}")
            continue
        text, lines, kind = loaded[a]
        if t not in text:
            err(f"{section}: text not found in {a}: {t!r}")
            continue
        if kind != "html":
            boiler = set(arts[a]["boilerplate"])
            if not any(t in l for l in lines if l.strip() not in boiler) and t not in text.split("\n", 1)[0]:
                err(f"{section}: text only occurs inside boilerplate in {a}: {t!r}")
        if min_words and len(t.split()) < min_words:
            err(f"{section}: fewer than {min_words} words: {t!r}")


names = {p["name"] for p in gold["people"]}
check_texts("quotes", min_words=5)
check_texts("not_quotes")
check_texts("dates")
check_texts("numbers")
check_texts("open_questions")
for q in gold["quotes"]:
    if q["kind"] not in {"direct", "partial", "indirect"}:
        err(f"bad quote kind {q['kind']}")
    if q["speaker"] is not None and q["speaker"] not in names:
        err(f"quote speaker not in people: {q['speaker']}")

PATTERNS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
for d in gold["dates"]:
    g = d["granularity"]
    if g not in PATTERNS or not re.fullmatch(PATTERNS[g], d["value"]):
        err(f"bad date value/granularity: {d}")
    elif g == "day":
        date.fromisoformat(d["value"])

for n in gold["numbers"]:
    if not isinstance(n["value"], (int, float)) or not isinstance(n["approx"], bool):
        err(f"bad number entry: {n}")

all_text = "\n".join(t for t, _, _ in loaded.values())
for p in gold["people"]:
    for v in [p["name"]] + p["variants"]:
        if v not in all_text:
            err(f"person name/variant not in corpus: {v!r}")
for pair in gold["must_not_merge"]:
    for nm in pair:
        if nm not in names:
            err(f"must_not_merge name not in people: {nm}")

counts = {k: len(gold[k]) for k in ("articles", "quotes", "not_quotes", "dates", "numbers", "open_questions", "people")}
print("counts:", counts)
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
