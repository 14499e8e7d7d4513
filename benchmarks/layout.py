"""Layout invariance: the same article in five layouts must give the same analysis.

    .venv/bin/python benchmarks/layout.py [--polnear N] [--ecb N] [--seed S]
        [--layouts blank,single,sentence,json,html] [--workers N] [--verbose] [--out FILE]
        [--only ID,ID] [--keep DIR]      # a few articles again, and the rendered files kept

Each article is rendered as
  blank     paragraphs separated by a blank line (the reference)
  single    one line per paragraph, no blank lines (a clipboard copy)
  sentence  one sentence per line, a blank line between paragraphs
  json      ``{"title": headline, "text": <blank layout of the other paragraphs>}`` in ``<id>.json``
  html      ``<html><head><title>…</title></head><body><article><h1>…</h1><p>…</p>…`` (escaped)
one file per article (``<id>.txt`` / ``.json`` / ``.html``, the same stem in every layout), one
folder per layout, and each folder goes through the public API ``storyline.analyze`` (no cache;
the corpus stages see the same article set in every layout). Results are mapped back to the
article by the file stem and compared with the blank layout, per record type:

  paragraphs  the cleaned text's blank-line paragraphs, whitespace normalised (in order)
  quotes      (quote text, kind)
  speakers    (quote text, speaker name or None)
  entities    (canonical name, type), once per entity the article mentions
  mentions    (surface text, canonical name, type), one per mention
  times       (surface text, normalized value)
  claims      (surface text, value, unit)

Offsets are not compared, only content. Per article the score is the Jaccard of the two multisets
(|A∩B| / |A∪B|, 1.0 when both are empty); reported: its mean over articles, the share of articles
whose items are identical (for paragraphs: the same list in the same order), and item totals. An
article a layout lost (a read error) counts as empty.

Inputs (never copied into the repository; skipped with a message when ../shared/data is absent):
- PolNeAR dev texts (84 articles): each non-empty line is a paragraph (most files separate them
  by blank lines, a few by single line breaks), the first one the headline (it is in every dev
  file).
- ECB+ (772 articles, a seeded sample, ``--ecb N``): one sentence per paragraph, often after a URL,
  a headline and a date line. A leading URL line is kept as a paragraph of its own; the next
  paragraph is the headline when it is short, has no sentence end and no date; lines without a
  sentence end (date lines, bullets, the URL) stay paragraphs of their own. The body sentences are
  grouped three at a time into paragraphs (one sentence per paragraph would make the sentence
  layout the blank one): the blank/single/json/html layouts show a group as one paragraph, the
  sentence layout as three lines inside one blank-line-separated block.

The title is metadata in json and html (``title`` field, ``<title>`` + ``<h1>``) and the first line
or paragraph in the text layouts: the pipeline must find it there, and it is never a paragraph.
Only the headline moves: URL and date lines stay body lines (``<p>``, JSON ``text``) in every layout.
Entity and speaker names are the corpus-level canonical names, so a difference in one article (a
headline kept as text, say) can rename an entity in others: that is counted, as it is what a user sees.
Sentences for the sentence layout come from a small splitter in this file (``split_sentences``),
not from the code under test.

Result: benchmarks/results/layout.json (machine info, which storyline ran, arguments, per layout x
record type, per dataset, the five worst articles per layout and record type with their diffs,
seconds). Other sessions edit the same working tree; for a run that sees one state of the code, run
it on a snapshot: ``git archive HEAD src | tar -x -C SNAP && git rev-parse HEAD > SNAP/COMMIT``, then
``PYTHONPATH=SNAP/src`` (the result records the commit). ``--verbose`` prints the five worst
articles per record type with the first differing items, which is what this tool is for: seeing
*why* a layout differs (``--only ID,ID --keep DIR`` reruns those articles and keeps their files).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
POLNEAR = DATA / "polnear" / "dev" / "text"
ECB = DATA / "ecbplus" / "text"
OUT = ROOT / "benchmarks" / "results" / "layout.json"

LAYOUTS = ("blank", "single", "sentence", "json", "html")
TYPES = ("paragraphs", "quotes", "speakers", "entities", "mentions", "times", "claims")
GOAL_TYPES = ("quotes", "speakers", "entities", "times")  # goal: >= 0.98 of articles identical
GOAL = 0.98


# -- the article model and its layouts -----------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One paragraph: its sentences (the sentence layout's lines). ``title`` marks the headline."""

    sentences: tuple[str, ...]
    title: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Source:
    id: str
    dataset: str
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        return next((b.text for b in self.blocks if b.title), None)

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if not b.title]


def render_blank(a: Source) -> str:
    return "\n\n".join(b.text for b in a.blocks) + "\n"


def render_single(a: Source) -> str:
    return "\n".join(b.text for b in a.blocks) + "\n"


def render_sentence(a: Source) -> str:
    return "\n\n".join("\n".join(b.sentences) for b in a.blocks) + "\n"


def render_json(a: Source) -> str:
    rec = {"title": a.title} if a.title else {}
    rec["text"] = "\n\n".join(b.text for b in a.body)
    return json.dumps(rec, ensure_ascii=False) + "\n"


def render_html(a: Source) -> str:
    def esc(s: str) -> str:
        return html.escape(s, quote=False)

    head = f"<title>{esc(a.title)}</title>" if a.title else ""
    h1 = f"<h1>{esc(a.title)}</h1>\n" if a.title else ""
    paras = "".join(f"<p>{esc(b.text)}</p>\n" for b in a.body)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">{head}</head>\n'
            f"<body><article>{h1}{paras}</article></body></html>\n")


RENDER = {"blank": (render_blank, ".txt"), "single": (render_single, ".txt"),
          "sentence": (render_sentence, ".txt"), "json": (render_json, ".json"),
          "html": (render_html, ".html")}


# -- a sentence splitter of our own (the inputs must not come from the code under test) -----------

_ABBREV = frozenset("""mr mrs ms dr prof sen rep gov lt col gen sgt capt cmdr adm rev st ft mt jr sr
    inc co corp ltd bros vs no nos jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif
    colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex
    va vt wash wis wyo""".split())
_END = re.compile(r"[.?!]+[\"”’')\]]*(?= [\"“‘'(\[]?[A-Z])")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # "U.S" before the final stop of "U.S."


def _abbreviation(word: str) -> bool:
    word = word.lstrip("\"“‘'([")
    return (word.lower() in _ABBREV or (len(word) == 1 and word.isupper())
            or bool(_ACRONYM.match(word)))


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph: a cut after . ? ! (and any closing quote or bracket) where a space
    and a capital (or an opening quote) follow; never after Mr. Dr. Sen. Jan. U.S. or an initial."""
    text = " ".join(text.split())
    out, start = [], 0
    for m in _END.finditer(text):
        if m.group() == ".":
            word = text[start:m.start()].rsplit(" ", 1)[-1]
            if _abbreviation(word):
                continue
        out.append(text[start:m.end()])
        start = m.end() + 1
    if text[start:]:
        out.append(text[start:])
    return out


# -- reading the data -----------------------------------------------------------------------------

_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_SENT_END = re.compile(r"[.?!][\"”’')\]]*$")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:jan|feb|mar|apr|may|"
                    r"jun|jul|aug|sep|oct|nov|dec)|\b(?:posted|published|updated)\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
                    re.I)


def paragraphs_of(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def polnear_article(path: Path) -> Source:
    # a line is a paragraph: some dev files separate paragraphs by a single line break
    paras = [" ".join(ln.split()) for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    blocks = [Block((paras[0],), title=True)] + [Block(tuple(split_sentences(p))) for p in paras[1:]]
    return Source(path.stem, "polnear", tuple(blocks))


def ecb_article(path: Path, group: int = 3) -> Source:
    paras = paragraphs_of(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    i = 0
    if paras and _URL.match(paras[0]):
        blocks.append(Block((paras[0],)))
        i = 1
    if i + 1 < len(paras) and not _SENT_END.search(paras[i]) and not _MONTH.search(paras[i]) \
            and len(paras[i].split()) <= 20:
        blocks.append(Block((paras[i],), title=True))
        i += 1
    run: list[str] = []
    for p in paras[i:]:
        if _SENT_END.search(p) and len(p.split()) >= 3:
            run.append(p)
            if len(run) == group:
                blocks.append(Block(tuple(run)))
                run = []
            continue
        if run:  # a line that is no sentence (date line, bullet, URL) stays a paragraph of its own
            blocks.append(Block(tuple(run)))
            run = []
        blocks.append(Block((p,)))
    if run:
        blocks.append(Block(tuple(run)))
    return Source(path.stem, "ecbplus", tuple(blocks))


def load_sources(polnear: int | None, ecb: int, seed: int, only: set[str] | None = None) -> list[Source]:
    """``only``: these file stems, from either set (no sampling), to look at a few articles again."""
    if only:
        files = [p for d in (POLNEAR, ECB) for p in sorted(d.glob("*.txt")) if p.stem in only]
        return [polnear_article(p) if p.parent == POLNEAR else ecb_article(p) for p in files]
    out = []
    if polnear != 0:
        files = sorted(POLNEAR.glob("*.txt"))
        out += [polnear_article(p) for p in (files[:polnear] if polnear else files)]
    if ecb:
        files = sorted(ECB.glob("*.txt"))
        pick = sorted(random.Random(seed).sample(files, min(ecb, len(files))))
        out += [ecb_article(p) for p in pick]
    return out


# -- running the pipeline and reading its records -------------------------------------------------

def norm(s: str | None) -> str:
    return " ".join((s or "").split())


def stem_of(source: str) -> str:
    return Path(source.split("#", 1)[0]).stem


def records(corpus) -> dict[str, dict[str, list]]:
    """Per article (by file stem), per record type, the comparable items (no offsets)."""
    stem = {a.id: stem_of(a.source) for a in corpus.articles}
    out: dict[str, dict[str, list]] = {s: {t: [] for t in TYPES} for s in stem.values()}
    for a in corpus.articles:
        out[stem[a.id]]["paragraphs"] = [norm(p) for p in a.text.split("\n\n") if p.strip()]
    for q in corpus.quotes:
        r = out[stem[q.span.article_id]]
        r["quotes"].append((norm(q.text), q.kind))
        r["speakers"].append((norm(q.text), q.speaker))
    for e in corpus.entities:
        seen = set()
        for m in e.mentions:
            r = out[stem[m.article_id]]
            r["mentions"].append((norm(m.text), e.name, e.type))
            if m.article_id not in seen:
                seen.add(m.article_id)
                r["entities"].append((e.name, e.type))
    for t in corpus.times:
        out[stem[t.span.article_id]]["times"].append((norm(t.span.text), t.value))
    for c in corpus.claims:
        out[stem[c.span.article_id]]["claims"].append((norm(c.span.text), c.value, c.unit))
    return out


def run_layout(layout: str, sources: list[Source], root: Path, workers: int) -> tuple[dict, list[str], float]:
    from storyline import Settings, analyze

    render, suffix = RENDER[layout]
    folder = root / layout
    folder.mkdir(parents=True)
    for a in sources:
        (folder / f"{a.id}{suffix}").write_text(render(a), encoding="utf-8")
    t0 = time.perf_counter()
    corpus = analyze([folder], Settings(workers=workers))
    secs = time.perf_counter() - t0
    return records(corpus), list(corpus.errors), secs


# -- scoring ---------------------------------------------------------------------------------------

def multiset_jaccard(a, b) -> float:
    """|A∩B| / |A∪B| of two multisets (iterables of hashable items); 1.0 when both are empty."""
    a, b = Counter(a), Counter(b)
    union = sum((a | b).values())
    return sum((a & b).values()) / union if union else 1.0


def identical(kind: str, a: list, b: list) -> bool:
    return a == b if kind == "paragraphs" else Counter(a) == Counter(b)


def compare(kind: str, ref: list, got: list) -> dict:
    return {"jaccard": multiset_jaccard(ref, got), "identical": identical(kind, ref, got),
            "ref": len(ref), "got": len(got), "common": sum((Counter(ref) & Counter(got)).values())}


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    return {"articles": n,
            "mean_jaccard": round(sum(r["jaccard"] for r in rows) / n, 4) if n else None,
            "identical": round(sum(r["identical"] for r in rows) / n, 4) if n else None,
            "ref_items": sum(r["ref"] for r in rows), "items": sum(r["got"] for r in rows),
            "common_items": sum(r["common"] for r in rows)}


def _flat(item) -> str:
    return item if isinstance(item, str) else " | ".join("∅" if x is None else str(x) for x in item)


def _short(item, width: int = 110) -> str:
    s = _flat(item)
    return s if len(s) <= width else s[: width - 1] + "…"


def _around(x: str, y: str, width: int = 110) -> tuple[str, str]:
    """Both strings cut to a window around their first difference."""
    c = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    lo = max(0, c - 45)
    cut = lambda s: ("…" if lo else "") + s[lo:lo + width] + ("…" if len(s) > lo + width else "")  # noqa: E731
    return cut(x), cut(y)


def _first(item):
    return item if isinstance(item, str) else item[0]


def diff_lines(kind: str, ref: list, got: list, most: int = 3) -> list[str]:
    """The first differing items. Paragraphs: the first paragraph that differs, around its first
    differing character. Other records: an item of the reference and one of the layout that are
    nearly the same (same first field, or 20+ shared leading characters) as a pair around their first
    difference (~ lines), then items only in the reference (-) and only in the layout (+)."""
    if kind == "paragraphs":
        k = next((i for i, (x, y) in enumerate(zip(ref, got)) if x != y), min(len(ref), len(got)))
        lines = [f"{len(ref)} paragraphs in blank, {len(got)} here; first difference at paragraph {k + 1}"]
        x, y = _around(ref[k] if k < len(ref) else "", got[k] if k < len(got) else "")
        return lines + [f"- {x!r}", f"+ {y!r}"]
    a, b = Counter(ref), Counter(got)
    only_ref = sorted((a - b).elements(), key=_flat)
    only_got = sorted((b - a).elements(), key=_flat)
    pairs, used_r, used_g = [], set(), set()
    for i, r in enumerate(only_ref):
        best = None
        for j, g in enumerate(only_got):
            if j in used_g:
                continue
            x, y = _flat(r), _flat(g)
            k = next((n for n, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            if (k >= 20 or _first(r) == _first(g)) and (best is None or k > best[0]):
                best = (k, j)
        if best:
            used_r.add(i)
            used_g.add(best[1])
            pairs.append((r, only_got[best[1]]))
    lines = []
    for r, g in pairs[:most]:
        x, y = _around(_flat(r), _flat(g))
        lines += [f"~ blank:  {x}", f"~ layout: {y}"]
    if len(pairs) > most:
        lines.append(f"~ … {len(pairs) - most} more changed")
    for sign, items, used in (("-", only_ref, used_r), ("+", only_got, used_g)):
        rest = [it for n, it in enumerate(items) if n not in used]
        lines += [f"{sign} {_short(it)}" for it in rest[:most]]
        if len(rest) > most:
            lines.append(f"{sign} … {len(rest) - most} more")
    return lines


def code_info() -> dict:
    """Which storyline ran: the package path and, when it is this checkout's, its commit and whether
    src/ had uncommitted changes (other sessions edit the same tree)."""
    import subprocess

    import storyline

    pkg = Path(storyline.__file__).resolve().parent
    info: dict = {"package": str(pkg)}
    if pkg.is_relative_to(ROOT):
        git = ["git", "-C", str(ROOT)]
        try:
            info["commit"] = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True,
                                            check=True).stdout.strip()
            info["src_dirty"] = bool(subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True,
                                                    text=True, check=True).stdout.strip())
        except (OSError, subprocess.CalledProcessError):
            pass
    elif (pkg.parents[1] / "COMMIT").is_file():  # a snapshot: git archive <commit> src + a COMMIT file
        info["commit"] = (pkg.parents[1] / "COMMIT").read_text().strip()
    return info


# -- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=int, default=None, help="first N PolNeAR dev articles (default all 84; 0: none)")
    ap.add_argument("--ecb", type=int, default=100, help="ECB+ articles, a seeded sample (default 100; 0: none)")
    ap.add_argument("--seed", type=int, default=2014)
    ap.add_argument("--layouts", default=",".join(LAYOUTS),
                    help="comma-separated, from " + ",".join(LAYOUTS) + " (blank, the reference, always runs)")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all CPUs)")
    ap.add_argument("--verbose", action="store_true", help="the 5 worst articles per record type, with a diff")
    ap.add_argument("--only", help="comma-separated article ids (file stems) to run alone, e.g. the worst ones")
    ap.add_argument("--keep", help="write the rendered layouts into this folder (and keep them) instead of a temp one")
    ap.add_argument("--label", help="free text stored with the result (e.g. which code snapshot ran)")
    ap.add_argument("--out", help="result JSON (default benchmarks/results/layout.json; with --only: none)")
    args = ap.parse_args(argv)

    layouts = [x.strip() for x in args.layouts.split(",") if x.strip()]
    if bad := [x for x in layouts if x not in LAYOUTS]:
        ap.error(f"unknown layout(s) {', '.join(bad)}; choose from {', '.join(LAYOUTS)}")
    layouts = ["blank"] + [x for x in LAYOUTS if x in layouts and x != "blank"]
    want_polnear, want_ecb = args.polnear != 0, args.ecb > 0
    if (want_polnear and not POLNEAR.is_dir()) or (want_ecb and not ECB.is_dir()):
        missing = [str(p) for p, w in ((POLNEAR, want_polnear), (ECB, want_ecb)) if w and not p.is_dir()]
        print(f"skipped: {', '.join(missing)} not found (see ../shared/data/README.md)")
        return 0

    from rich.console import Console
    from rich.table import Table

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _machine import machine_info, peak_rss_mb

    console = Console(width=max(Console().width, 132))
    workers = args.workers or os.cpu_count() or 1
    t_start = time.perf_counter()
    sources = load_sources(args.polnear, args.ecb if want_ecb else 0, args.seed,
                           set(args.only.split(",")) if args.only else None)
    dataset = {a.id: a.dataset for a in sources}
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storyline-layout-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    recs: dict[str, dict] = {}
    errors: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    try:
        for layout in layouts:
            with console.status(f"analysing {len(sources)} articles, layout {layout}"):
                recs[layout], errors[layout], seconds[layout] = run_layout(layout, sources, root, workers)
            console.print(f"  {layout:9s} {seconds[layout]:6.1f} s, {len(errors[layout])} read errors")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    empty = {t: [] for t in TYPES}
    ref = recs["blank"]
    per: dict[str, dict[str, list[dict]]] = {lay: {t: [] for t in TYPES} for lay in layouts[1:]}
    for lay in layouts[1:]:
        for a in sources:
            r, g = ref.get(a.id, empty), recs[lay].get(a.id, empty)
            for t in TYPES:
                per[lay][t].append({"id": a.id, **compare(t, r[t], g[t])})

    result_layouts = {lay: {t: summarise(per[lay][t]) for t in TYPES} for lay in layouts[1:]}
    by_dataset = {ds: {lay: {t: summarise([row for row in per[lay][t] if dataset[row["id"]] == ds]) for t in TYPES}
                       for lay in layouts[1:]} for ds in sorted(set(dataset.values()))}
    minimum = {t: {"mean_jaccard": min((result_layouts[lay][t]["mean_jaccard"] for lay in layouts[1:]), default=None),
                   "identical": min((result_layouts[lay][t]["identical"] for lay in layouts[1:]), default=None)}
               for t in TYPES}
    def worst_of(t: str, lays: list[str], n: int = 5, distinct: bool = False) -> list[dict]:
        rows = sorted(((row["jaccard"], lay, row["id"]) for lay in lays for row in per[lay][t]
                       if not row["identical"]), key=lambda x: (x[0], x[1], x[2]))
        out, seen = [], set()
        for j, lay, i in rows:
            if distinct and i in seen:
                continue
            seen.add(i)
            out.append({"id": i, "layout": lay, "jaccard": round(j, 4),
                        "diff": diff_lines(t, ref.get(i, empty)[t], recs[lay].get(i, empty)[t])})
            if len(out) == n:
                break
        return out

    worst = {t: {lay: worst_of(t, [lay]) for lay in layouts[1:]} for t in TYPES}
    elapsed = time.perf_counter() - t_start

    table = Table(title=f"Layout invariance vs blank-line paragraphs: {len(sources)} articles "
                        f"(PolNeAR {sum(d == 'polnear' for d in dataset.values())}, "
                        f"ECB+ {sum(d == 'ecbplus' for d in dataset.values())}); mean Jaccard / identical")
    table.add_column("record")
    table.add_column("blank items", justify="right")
    for lay in layouts[1:]:
        table.add_column(lay, justify="right")
    table.add_column("min", justify="right")
    for t in TYPES:
        m = minimum[t]
        ok = m["identical"] is not None and m["identical"] >= GOAL
        style = "" if t not in GOAL_TYPES else ("green" if ok else "red")
        cells = [f"{result_layouts[lay][t]['mean_jaccard']:.3f} / {result_layouts[lay][t]['identical']:.0%}"
                 for lay in layouts[1:]]
        mcell = f"{m['mean_jaccard']:.3f} / {m['identical']:.0%}" if m["identical"] is not None else "-"
        n_ref = sum(len(ref.get(a.id, empty)[t]) for a in sources)
        table.add_row(t, str(n_ref), *cells, f"[{style}]{mcell}[/]" if style else mcell)
    console.print(table)
    console.print(f"goal: >= {GOAL:.0%} of articles identical in every layout for {', '.join(GOAL_TYPES)} "
                  f"(green reached, red not); {elapsed:.0f} s in all, "
                  + ", ".join(f"{lay} {s:.0f} s" for lay, s in seconds.items()))
    for lay in layouts:
        for e in errors[lay][:5]:
            console.print(f"  [yellow]{lay}[/]: {e}", markup=True, highlight=False)
    if args.verbose:
        from rich.markup import escape

        for t in TYPES:
            shown = worst_of(t, layouts[1:], distinct=True)
            if not shown:
                continue
            console.rule(f"{t}: the 5 worst articles (each in its worst layout)")
            for w in shown:
                console.print(f"[bold]{escape(w['id'])}[/] ({dataset[w['id']]}) layout [bold]{w['layout']}[/] "
                              f"Jaccard {w['jaccard']:.3f}")
                for ln in w["diff"]:
                    colour = {"-": "red", "+": "green", "~": "yellow"}.get(ln[:1], "dim")
                    console.print(f"    [{colour}]{escape(ln)}[/]", highlight=False)

    result = {
        "benchmark": "layout invariance",
        "arguments": {"only": args.only, "polnear": args.polnear, "ecb": args.ecb if want_ecb else 0, "seed": args.seed,
                      "layouts": layouts, "workers": workers},
        "data": {"polnear": str(POLNEAR.relative_to(ROOT.parent)), "ecbplus": str(ECB.relative_to(ROOT.parent))},
        "articles": {"total": len(sources), "polnear": sum(d == "polnear" for d in dataset.values()),
                     "ecbplus": sum(d == "ecbplus" for d in dataset.values())},
        "code": code_info(),
        "label": args.label,
        "reference": "blank",
        "goal": {"types": list(GOAL_TYPES), "identical_at_least": GOAL,
                 "reached": {t: (minimum[t]["identical"] or 0) >= GOAL for t in GOAL_TYPES}},
        "minimum_over_layouts": minimum,
        "layouts": result_layouts,
        "by_dataset": by_dataset,
        "worst": worst,
        "read_errors": errors,
        "seconds": {"total": round(elapsed, 1), **{lay: round(s, 1) for lay, s in seconds.items()}},
        "peak_rss": peak_rss_mb(),
        "machine": machine_info(),
    }
    if args.out or not args.only:
        out = Path(args.out or OUT)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        console.print(f"written: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
