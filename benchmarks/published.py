"""Publish-date estimation on real news: ECB+ pastes with their date lines removed.

    .venv/bin/python benchmarks/published.py [--limit N] [--workers 2] [--misses N] [--out FILE]
        [--save FILE]        # keep the stripped variants' per-article results (JSON lines)

Many ECB+ texts open with the page's address, a headline and a date line ("May 03,2013",
"PUBLISHED: THURSDAY, MAY 2,2013,1:32 PM", "11 / 30 / 09 05:40 PM ET"). The truth is the publish
date the pipeline finds in a text as given (``Article.published``: from the date line or a date
in the address). Pass 1 runs the pipeline's ingest stage (``pipeline._prepare``: cleaning and
metadata, where ``published`` is set; spaCy and the later stages never change it) on every text
and keeps the dated ones. Each kept text is stripped: among its first STRIP_WITHIN non-empty
lines, every address line, every line the cleaner removed as an address, a date or a time
widget, every line that reads as a date line (``header.bare_date``/``labelled_dates``) and every
short line (at most SHORT_LINE_WORDS words) holding the true date's year, a written date or a
numeric date (a headline that carries the date goes with it). A stripped text the ingest stage
still dates is dropped and counted (``still_dated``). Pass 2 runs the full per-article pipeline
(``run_article_stages``) on the stripped texts; scored per article:

  coverage     share with any window (``published_estimate`` with a bound)
  hold         share of windows that contain the true date (earliest <= truth <= latest)
  two_sided    share with both bounds; width_days: median latest - earliest of those
  wrongly_dated  stripped articles that got a ``published`` value anyway (should be 0)
  earliest_lag_days  median truth - earliest over held windows with a lower bound (how tight)

Baseline from the same run: the latest year the cleaned text mentions (19xx/20xx), as the window
[1 January of that year, open]. Reported for all articles and per ECB+ topic parity (gold
``files[name].topic``): tune on odd topics, read even ones as held out.

With story mates (key ``with_mates``): the corpus stages narrow an undated article's window with
its story's dated members (``pipeline._place_undated``: ``estimate.with_mates``, then relative dates
re-anchored against ``estimate.anchor_of`` with ``TimeExpr.anchor_estimated``). The scored articles
are split in two halves by a hash of the file name (``half_of``). For each half, the corpus stages
(``run_corpus_stages``) run over that half's stripped texts plus every other ECB+ text as given
(dated or not, each analysed once in pass 2 beside the stripped texts); each stripped article's
final ``published_estimate`` is read from ``corpus.articles``. Then the halves swap, so every
scored article is measured once, among mates that keep their dates. Scored per article: coverage,
hold, ``with_mates`` (share whose window ``mates`` narrowed), ``mates_hold``, median width of
two-sided windows, ``anchored`` (share with ``anchor_of`` not None) and, for anchored articles, the
relative day-level times re-anchored (``anchor_estimated``) whose value equals what the same
expression (same span, mapped across the stripped top lines) got in the text as given, dated by its
true publish date: ``reanchored_day_times``, ``reanchored_equal`` and ``reanchored_accuracy``.

Input: ../shared/data/ecbplus (third-party, never copied into the repository; skipped with a
message when absent; ``STORYLINE_DATA`` names another data folder). Result: benchmarks/results/published.json.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYLINE_DATA") or ROOT.parent / "shared" / "data")  # a worktree elsewhere: set it
ECB = DATA / "ecbplus"
RESULTS = ROOT / "benchmarks" / "results" / "published.json"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

STRIP_WITHIN = 6  # non-empty lines from the top that may be a page's address or date line
SHORT_LINE_WORDS = 15  # a line this short with the year in it is a date line or a dated headline
_REMOVED_AS_DATE = {"url", "metadata-date", "time-ui"}
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}(?!\d)")
_ADDRESS = re.compile(r"(?i)^\s*(?:https?://|www\.)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def strip_date_lines(raw: str, truth: str, removed: set[str]) -> tuple[str, list[str]]:
    """The text without its address and date lines (see the module docstring); and what went."""
    from storyline.ingest.dates import date_in
    from storyline.ingest.header import bare_date, labelled_dates, url_line

    year = truth[:4]
    lines = raw.splitlines()
    gone: list[int] = []
    seen = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > STRIP_WITHIN:
            break
        short = len(s.split()) <= SHORT_LINE_WORDS
        if (_ADDRESS.match(s) or url_line(s) or s in removed or bare_date(s) or labelled_dates(s)
                or (short and (year in s or date_in(s) or _NUMERIC_DATE.search(s)))):
            gone.append(i)
    kept = [ln for i, ln in enumerate(lines) if i not in set(gone)]
    return "\n".join(kept), [lines[i].strip() for i in gone]


def baseline_window(text: str) -> date | None:
    years = [int(y) for y in _YEAR.findall(text)]
    return date(max(years), 1, 1) if years else None


def share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def windows(rows: list[dict]) -> tuple[list[dict], list[dict], list[int]]:
    """Rows with a window, rows with a two-sided one, and the two-sided widths in days."""
    win = [r for r in rows if r["earliest"] or r["latest"]]
    two = [r for r in win if r["earliest"] and r["latest"]]
    widths = [(date.fromisoformat(r["latest"]) - date.fromisoformat(r["earliest"])).days for r in two]
    return win, two, widths


def score(rows: list[dict]) -> dict:
    n = len(rows)
    win, two, widths = windows(rows)
    hold = [r for r in win if r["holds"]]
    lags = [(date.fromisoformat(r["truth"]) - date.fromisoformat(r["earliest"])).days for r in hold if r["earliest"]]
    base = [r for r in rows if r["baseline_from"]]
    base_hold = [r for r in base if r["baseline_from"] <= r["truth"]]
    blags = [(date.fromisoformat(r["truth"]) - date.fromisoformat(r["baseline_from"])).days for r in base_hold]

    return {
        "articles": n,
        "coverage": share(len(win), n), "with_window": len(win),
        "hold": share(len(hold), len(win)), "held": len(hold),
        "two_sided": share(len(two), n), "two_sided_n": len(two),
        "two_sided_hold": share(sum(r["holds"] for r in two), len(two)),
        "width_days_median": statistics.median(widths) if widths else None,
        # how far below the truth the lower bound sits, over windows that hold it
        "earliest_lag_days_median": statistics.median(lags) if lags else None,
        "wrongly_dated": sum(1 for r in rows if r["published"]),
        "baseline_latest_year": {"coverage": share(len(base), n), "hold": share(len(base_hold), len(base)),
                                 "held": len(base_hold), "with_window": len(base),
                                 "lag_days_median": statistics.median(blags) if blags else None},
    }


def row_for(name: str, topic: str, truth: str, result) -> dict:  # type: ignore[no-untyped-def]
    from storyline.time.estimate import window

    a = result.article
    lo, hi = window(a.published_estimate)
    t = date.fromisoformat(truth)
    base = baseline_window(a.text)
    context = []
    if a.published_estimate:
        for s in a.published_estimate.basis:
            context.append(a.text[max(0, s.start - 90):s.end + 40].replace("\n", " "))
    return {
        "file": name, "topic": topic, "truth": truth,
        "earliest": lo.isoformat() if lo else None, "latest": hi.isoformat() if hi else None,
        "holds": bool((lo or hi) and (lo is None or lo <= t) and (hi is None or t <= hi)),
        "published": a.published,
        "baseline_from": base.isoformat() if base else None,
        "basis": [s.text for s in a.published_estimate.basis] if a.published_estimate else [],
        "context": context,
    }


def half_of(name: str) -> int:
    """0 or 1, stable across runs and machines: the with-mates measurement's split."""
    return hashlib.sha1(name.encode()).digest()[0] & 1


def common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def mate_row(name: str, topic: str, truth: str, article, times: list, stripped_text: str,  # type: ignore[no-untyped-def]
             original, mate_files: list[str], same_story: bool) -> dict:
    """One stripped article after the corpus stages; ``original``: its ArticleResult as given (dated)."""
    from storyline.time.estimate import anchor_of, window

    est = article.published_estimate
    lo, hi = window(est)
    t = date.fromisoformat(truth)
    anchor = anchor_of(est)
    # the stripped text is the given text less some top lines: the rest is a common suffix
    given = original.article.text
    tail = common_suffix(stripped_text, given)
    shift = len(given) - len(stripped_text)
    truth_values = {(x.span.start, x.span.end): x.value for x in original.times}
    checked = []
    for x in times:
        if not (x.anchor_estimated and x.granularity == "day"):
            continue
        mapped = None
        if x.span.start >= len(stripped_text) - tail:
            mapped = (x.span.start + shift, x.span.end + shift)
        expected = truth_values.get(mapped) if mapped else None
        checked.append({"text": x.span.text, "value": x.value, "expected": expected,
                        "mapped": mapped in truth_values if mapped else False,
                        "equal": expected is not None and expected == x.value})
    return {
        "file": name, "topic": topic, "truth": truth,
        "earliest": lo.isoformat() if lo else None, "latest": hi.isoformat() if hi else None,
        "holds": bool((lo or hi) and (lo is None or lo <= t) and (hi is None or t <= hi)),
        "mates": len(est.mates) if est else 0, "mate_files": mate_files,
        "mates_same_story": same_story,  # every mate in the article's own gold story ("1_ecb", "1_ecbplus")
        "anchor": anchor.isoformat() if anchor else None,
        "anchor_off_days": (anchor - t).days if anchor else None,
        "reanchored": checked,
    }


def score_mates(rows: list[dict]) -> dict:
    n = len(rows)
    win, two, widths = windows(rows)
    mates = [r for r in win if r["mates"]]
    anchored = [r for r in rows if r["anchor"]]
    off = [abs(r["anchor_off_days"]) for r in anchored]
    checked = [c for r in anchored for c in r["reanchored"]]

    return {
        "articles": n,
        "coverage": share(len(win), n), "with_window": len(win),
        "hold": share(sum(r["holds"] for r in win), len(win)), "held": sum(r["holds"] for r in win),
        "with_mates": share(len(mates), n), "with_mates_n": len(mates),
        "mates_hold": share(sum(r["holds"] for r in mates), len(mates)),
        # windows narrowed only by mates of the article's own gold story, and how often those hold
        "mates_same_story": share(sum(r["mates_same_story"] for r in mates), len(mates)),
        "same_story_hold": share(sum(r["holds"] for r in mates if r["mates_same_story"]),
                                 sum(r["mates_same_story"] for r in mates)),
        "other_story_hold": share(sum(r["holds"] for r in mates if not r["mates_same_story"]),
                                  sum(not r["mates_same_story"] for r in mates)),
        "two_sided": share(len(two), n), "width_days_median": statistics.median(widths) if widths else None,
        "anchored": share(len(anchored), n), "anchored_n": len(anchored),
        "anchored_hold": share(sum(r["holds"] for r in anchored), len(anchored)),
        "anchor_off_days_median": statistics.median(off) if off else None,
        "anchor_exact": share(sum(1 for d in off if d == 0), len(off)),
        "reanchored_day_times": len(checked),
        "reanchored_unmapped": sum(1 for c in checked if not c["mapped"]),
        "reanchored_equal": sum(1 for c in checked if c["equal"]),
        "reanchored_accuracy": share(sum(1 for c in checked if c["equal"]), len(checked)),
        # the same, for articles whose (mate-narrowed) window holds the true date
        "reanchored_accuracy_window_holds": share(sum(c["equal"] for r in anchored if r["holds"] for c in r["reanchored"]),
                                                  sum(len(r["reanchored"]) for r in anchored if r["holds"])),
    }


def with_mates(stripped: dict, given: dict, truth: dict[str, str], gold: dict) -> list[dict]:
    """Each half's stripped articles among every other text as given, through the corpus stages."""
    from storyline.pipeline import run_corpus_stages

    rows = []
    for h in (0, 1):
        mine = {name for name in stripped if half_of(name) == h}
        batch = [stripped[n] for n in sorted(mine)] + [r for n, r in sorted(given.items()) if n not in mine]
        corpus = run_corpus_stages(copy.deepcopy(batch))  # the stages update results in place
        times_of: dict[str, list] = {}
        for x in corpus.times:
            times_of.setdefault(x.span.article_id, []).append(x)
        source_of = {a.id: a.source for a in corpus.articles}
        for a in corpus.articles:
            if a.source in mine and not a.published:
                mates = sorted(source_of[m] for m in (a.published_estimate.mates if a.published_estimate else []))
                same = bool(mates) and all(gold[m]["story"] == gold[a.source]["story"] for m in mates)
                rows.append(mate_row(a.source, str(gold[a.source]["topic"]), truth[a.source], a,
                                     times_of.get(a.id, []), stripped[a.source].article.text, given[a.source],
                                     mates, same))
    return sorted(rows, key=lambda r: r["file"])


def report(rows: list[dict], score=score) -> dict:  # type: ignore[no-untyped-def]
    odd = [r for r in rows if int(r["topic"]) % 2 == 1]
    even = [r for r in rows if int(r["topic"]) % 2 == 0]
    return {"all": score(rows), "odd_topics": score(odd), "even_topics": score(even)}


def print_mates_table(scores: dict) -> None:
    print("with story mates (corpus stages; each half stripped in turn among the others as given):")
    print(f"{'split':<12}{'n':>5}{'cover':>8}{'hold':>8}{'mates':>8}{'m hold':>8}{'same':>7}{'s hold':>8}"
          f"{'width':>7}{'anchor':>8}"
          f"{'a hold':>8}{'off':>6}{'re-anch':>9}{'equal':>7}{'acc':>7}")
    for split, s in scores.items():
        print(f"{split:<12}{s['articles']:>5}{s['coverage']!s:>8}{s['hold']!s:>8}{s['with_mates']!s:>8}"
              f"{s['mates_hold']!s:>8}{s['mates_same_story']!s:>7}{s['same_story_hold']!s:>8}"
              f"{s['width_days_median']!s:>7}{s['anchored']!s:>8}{s['anchored_hold']!s:>8}"
              f"{s['anchor_off_days_median']!s:>6}{s['reanchored_day_times']:>9}{s['reanchored_equal']:>7}"
              f"{s['reanchored_accuracy']!s:>7}")


def print_table(scores: dict) -> None:
    print(f"{'split':<12}{'n':>5}{'cover':>8}{'hold':>8}{'2-sided':>9}{'width':>8}{'lag':>7}{'wrong':>7}"
          f"{'base cov':>10}{'base hold':>11}{'base lag':>10}")
    for split, s in scores.items():
        b = s["baseline_latest_year"]
        print(f"{split:<12}{s['articles']:>5}{s['coverage']!s:>8}{s['hold']!s:>8}{s['two_sided']!s:>9}"
              f"{s['width_days_median']!s:>8}{s['earliest_lag_days_median']!s:>7}{s['wrongly_dated']:>7}"
              f"{b['coverage']!s:>10}{b['hold']!s:>11}{b['lag_days_median']!s:>10}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts (by file name)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--misses", type=int, default=0, help="print this many misses")
    ap.add_argument("--out", default=str(RESULTS))
    ap.add_argument("--save", help="write the stripped variants' ArticleResults here (JSON lines)")
    args = ap.parse_args(argv)
    if not (ECB / "text").is_dir():
        print(f"benchmarks/published.py: {ECB} not found, skipped (ECB+ is third-party data, not in the repo)")
        return 0
    from _machine import machine_info
    from storyline.config import Settings
    from storyline.ingest.readers import RawDoc
    from storyline.pipeline import _prepare, run_article_stages, save_results

    gold = json.loads((ECB / "gold.json").read_text(encoding="utf-8"))["files"]
    files = sorted((ECB / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    t0 = time.perf_counter()
    truth: dict[str, str] = {}
    sources: dict[str, str] = {}
    stripped: list[RawDoc] = []
    given_docs: list[RawDoc] = []
    still_dated: list[dict] = []
    unreadable = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        given_docs.append(RawDoc(path.name, raw, "text"))
        try:
            a = _prepare(RawDoc(path.name, raw, "text"))
        except Exception:  # noqa: BLE001 - a text the pipeline refuses has no truth to test
            unreadable += 1
            continue
        if not a.published:
            continue
        removed = {r.text.strip() for r in a.removed if r.reason in _REMOVED_AS_DATE}
        text, gone = strip_date_lines(raw, a.published, removed)
        try:
            again = _prepare(RawDoc(path.name, text, "text"))
        except Exception:  # noqa: BLE001
            still_dated.append({"file": path.name, "why": "unreadable after stripping", "gone": gone})
            continue
        if again.published:
            still_dated.append({"file": path.name, "found": again.published, "source": again.published_source,
                                "gone": gone})
            continue
        truth[path.name] = a.published
        sources[path.name] = a.published_source
        stripped.append(RawDoc(path.name, text, "text"))
    dated = len(truth) + len(still_dated)
    # one pass over the stripped texts and every text as given (the with-mates measurement's other
    # articles); a stripped text is never dated, its text as given is when it is scored
    both, errors = run_article_stages(stripped + given_docs, Settings(workers=args.workers))
    results = [r for r in both if r.article.source in truth and not r.article.published]
    given = {r.article.source: r for r in both if not (r.article.source in truth and not r.article.published)}
    t_mates = time.perf_counter()
    mate_rows = with_mates({r.article.source: r for r in results}, given, truth, gold)
    mates_seconds = round(time.perf_counter() - t_mates, 1)
    mate_scores = report(mate_rows, score_mates)
    if args.save:
        save_results(results, args.save)
    rows = [row_for(r.article.source, str(gold[r.article.source]["topic"]), truth[r.article.source], r)
            for r in results]
    scores = report(rows)
    misses = [r for r in rows if (r["earliest"] or r["latest"]) and not r["holds"]]
    result = {
        "benchmark": "publish-date windows for ECB+ texts with their address and date lines removed",
        "texts": len(files), "unreadable": unreadable, "dated": dated,
        "truth_sources": {s: list(sources.values()).count(s) for s in sorted(set(sources.values()))},
        "still_dated_after_stripping": len(still_dated), "pipeline_errors": len(errors),
        "scores": scores,
        "with_mates": {
            "method": "scored articles split by half_of(file name); each half stripped in turn, the corpus "
                      "stages run over it and every other ECB+ text as given; final published_estimate "
                      "and re-anchored (anchor_estimated) day times read from the corpus",
            "halves": [sum(1 for r in mate_rows if half_of(r["file"]) == h) for h in (0, 1)],
            "scores": mate_scores, "corpus_stages_seconds": mates_seconds,
            "misses": [r for r in mate_rows if (r["earliest"] or r["latest"]) and not r["holds"]],
            "wrong_reanchored": [{"file": r["file"], "truth": r["truth"], "anchor": r["anchor"], **c}
                                 for r in mate_rows if r["anchor"] for c in r["reanchored"] if not c["equal"]],
        },
        "seconds": round(time.perf_counter() - t0, 1),
        "misses": misses,
        "still_dated": still_dated,
        "machine": machine_info(),
    }
    print(f"{len(files)} texts, {dated} dated by the pipeline, {len(still_dated)} still dated after "
          f"stripping (dropped), {len(rows)} scored, {len(errors)} pipeline errors")
    print_table(scores)
    print_mates_table(mate_scores)
    for m in misses[: args.misses]:
        print(f"  {m['file']} (topic {m['topic']}): truth {m['truth']}, window {m['earliest']} .. {m['latest']}")
        for c in m["context"]:
            print(f"      …{c}…")
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
