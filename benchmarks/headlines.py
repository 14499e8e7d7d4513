"""Headline inference on real pasted articles: PolNeAR texts against the titles in its metadata.

Every PolNeAR text opens with its headline (as a pasted page does, often ending with a full stop
the copy added), and ``metadata.tsv`` gives the published title. Some titles there join the
headline and a subtitle with "; " (USA Today's database form): the headline alone counts as right.
Scored: our cleaner's ``title`` (``ingest.clean.clean_text``, no spaCy), against a plain baseline
from the same run — the first line of the text, without its final full stop — which is what a
reader that does not look at the text would do. On PolNeAR that baseline is right by construction
(every file opens with its headline); on ECB+ pastes, which often open with the page's address or a
date line, it is not: the number of titles that are an address or a date line is counted for both.
Also counted: the first line when it was kept in the body (a headline left in the text adds false
quotes, people and claims).

    .venv/bin/python benchmarks/headlines.py [--split dev|train] [--misses N]

Tune on train, report dev. Writes benchmarks/results/headlines.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
RESULTS = ROOT / "benchmarks" / "results" / "headlines.json"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def norm(s: str | None) -> str:
    return " ".join(re.findall(r"\w+", (s or "").casefold()))


def right(got: str | None, title: str) -> bool:
    want = [norm(title)] + ([norm(title.split("; ")[0])] if "; " in title else [])
    return bool(got) and norm(got) in want


def _ecb_titles() -> dict | None:
    """ECB+ pastes have no gold titles, but many open with the page's address or a date line: the
    first-line rule takes those for the headline. Counted for both."""
    from storyline.ingest.clean import clean_text
    from storyline.ingest.header import bare_date, labelled_dates, url_line

    folder = DATA.parent / "ecbplus" / "text"
    if not folder.is_dir():
        return None

    def bad(t: str | None) -> bool:
        return bool(t) and bool(url_line(t) or bare_date(t) or labelled_dates(t))

    files = sorted(folder.glob("*.txt"))
    ours = base = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        first = next((ln.strip() for ln in raw.splitlines() if ln.strip()), "")
        ours += bad(clean_text(raw, language="en").title)
        base += bad(first)
    return {"articles": len(files), "storyline_address_or_date": ours, "baseline_address_or_date": base}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--misses", type=int, default=0, help="print this many misses")
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args(argv)
    if not (DATA / "metadata.tsv").is_file():
        print(f"benchmarks/headlines.py: {DATA} not found, skipped (PolNeAR is third-party data, not in the repo)")
        return 0
    from _machine import machine_info
    from storyline.ingest.clean import clean_text

    meta = {r["filename"]: r for r in csv.DictReader((DATA / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    n = ours = base = left_in_body = 0
    misses = []
    t0 = time.perf_counter()
    for path in sorted((DATA / args.split / "text").glob("*.txt")):
        title = (meta.get(path.stem) or {}).get("title")
        if not title or title == "None":
            continue
        raw = path.read_text(encoding="utf-8")
        first = next(ln.strip() for ln in raw.splitlines() if ln.strip())
        c = clean_text(raw, language="en")
        n += 1
        ours += right(c.title, title)
        base += right(first.rstrip(" ."), title)
        left_in_body += norm(c.text.split("\n\n", 1)[0]) == norm(first)
        if not right(c.title, title):
            misses.append({"file": path.stem, "got": c.title, "want": title})
    ecb = _ecb_titles()
    result = {
        "benchmark": "headline inference on PolNeAR texts vs metadata titles",
        "split": args.split,
        "articles": n,
        "storyline": round(ours / n, 3),
        "baseline_first_line": round(base / n, 3),
        "first_line_left_in_body": left_in_body,
        "seconds": round(time.perf_counter() - t0, 1),
        "ecbplus_titles": ecb,
        "misses": misses,
        "machine": machine_info(),
    }
    print(f"{args.split}: storyline {ours}/{n} = {ours / n:.3f}; first-line baseline {base}/{n} = {base / n:.3f}; "
          f"headline left in the body: {left_in_body}")
    if ecb:
        print(f"ECB+ ({ecb['articles']} pastes): title is an address or date line — storyline "
              f"{ecb['storyline_address_or_date']}, first-line baseline {ecb['baseline_address_or_date']}")
    for m in misses[: args.misses]:
        print(f"  {m['file']}: got {m['got']!r}, want {m['want']!r}")
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
