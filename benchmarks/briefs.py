"""Brief benchmark on ECB+ (../shared/data/ecbplus): does the summary lead with what happened, are its
bullets distinct, do its extra citations say the same thing, do its conflicts compare like with like.

The whole pipeline runs on the 772 texts (per-article stages once, reusable through
``--ecb-results``; then the corpus stages as ``storyline analyze`` runs them) and every predicted story
with 3+ articles is scored. A story's gold story is the ECB+ story most of its articles belong to;
its central event is the gold event instance mentioned by the most of those articles (ties: any of
them). Split by topic: odd topics are the part the brief thresholds were tuned on, even topics are
held out; both and all are reported.

(a) lead: the first summary sentence's own span (its first citation, the words the reader sees)
    overlaps a gold mention of the central event; ``lead_any_citation`` accepts any of its
    citations. Baseline in the same run, lead-3 style: the first sentence (of 8+ words) of the
    story's earliest article, the longest on a tie.
(b) repeated bullet pairs: two summary bullets whose content-word sets have Jaccard >= 0.5, or one
    citing a span that overlaps a span the other cites. Stricter, ``paraphrase_bullet_pairs``: the
    bullets' lemmatised content words (spaCy's lemmas, not the engine's stems) overlap in >= half of
    the smaller set ("retained three title belts by stopping" / "stopped ... to retain his titles").
(c) extra-citation support: an extra citation (citations after the first) supports its bullet when
    it holds >= half of the bullet's content words, or every number and name of the bullet.
(d) number conflicts and contradicting claim rows, listed in ``brief_conflicts_all.tsv`` beside the
    results; a hand-checked sample with verdicts lives in ``benchmarks/data/brief_conflicts_checked.tsv``
    and its count of different-measure comparisons is reported.

Content words here are the benchmark's own (lower-cased words of 3+ letters not in a short stop
list), not the engine's, so the engine cannot grade itself.

    PYTHONPATH=src .venv/bin/python benchmarks/briefs.py [--ecb-results FILE] [--dump]

``--dump`` prints the lead misses of the tuning half only (odd topics): the lead shown, the
baseline's sentence and the gold central-event mentions, to read failure classes without peeking at
the held-out half.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ECB = DATA / "ecbplus"
RESULTS = ROOT / "benchmarks" / "results" / "briefs.json"
ALL_CONFLICTS = ROOT / "benchmarks" / "results" / "brief_conflicts_all.tsv"
CHECKED = ROOT / "benchmarks" / "data" / "brief_conflicts_checked.tsv"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_info  # noqa: E402

MIN_ARTICLES = 3
REPEAT_JACCARD = 0.5
PARAPHRASE_SHARE = 0.5
SUPPORT_SHARE = 0.5
_STOP = frozenset(
    "the and for are was were been being has have had not but with from that this these those its his her "
    "their they them who whom which what when where while will would said says say also than then there "
    "into onto over under after before about more most some such only other our out one two can could may "
    "might did does just very all any each new".split())
_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+")


def content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def names_numbers(text: str) -> set[str]:
    """Numbers and capitalised words not opening the sentence: what a fact is about."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)} | set(_NAME.findall(text))


def supports(bullet: str, cited: str) -> bool:
    mine = content(bullet)
    if mine and len(mine & content(cited)) >= SUPPORT_SHARE * len(mine):
        return True
    key = names_numbers(bullet)
    return bool(key) and key <= names_numbers(cited)


def overlaps(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def repeated_pairs(bullets: list) -> int:  # type: ignore[type-arg]
    n = 0
    for i, x in enumerate(bullets):
        for y in bullets[i + 1:]:
            if jaccard(content(x.text), content(y.text)) >= REPEAT_JACCARD or any(
                    overlaps(c, d) for c in x.citations for d in y.citations):
                n += 1
    return n


def paraphrase_pairs(bullets: list, lemmas: Callable[[str], set[str]]) -> int:  # type: ignore[type-arg]
    """Bullet pairs whose lemmatised content words overlap in >= PARAPHRASE_SHARE of the smaller set."""
    sets = [lemmas(b.text) for b in bullets]
    return sum(1 for i, x in enumerate(sets) for y in sets[i + 1:]
               if x and y and len(x & y) >= PARAPHRASE_SHARE * min(len(x), len(y)))


def lemmatiser() -> Callable[[str], set[str]]:
    """Lower-cased lemmas of a text's content words (the benchmark's stop list and spaCy's)."""
    import spacy

    from storyline.config import Settings
    nlp = spacy.load(Settings().spacy_model, disable=["parser", "ner"])
    return lambda text: {t.lemma_.lower() for t in nlp(text) if t.is_alpha and len(t.text) >= 3
                         and not t.is_stop and t.lemma_.lower() not in _STOP}


def aligner(raw: str, text: str) -> Callable[[int, int], tuple[int, int] | None]:
    """Gold offsets are into the file; the engine's article text is that file with lines removed
    (URL, headline, date line) and lines joined. Each piece of the article (a line, cut after each
    sentence end) is found in the file, in order, and a gold span inside one moves by its shift."""
    pieces: list[tuple[int, int, int]] = []  # file start, file end, shift to article offsets
    pos = 0
    for m in re.finditer(r"[^\n]+?(?:(?<=[.!?\"”’]) (?=\S)|(?=\n)|$)", text):
        piece = m.group().rstrip()
        at = raw.find(piece, pos)
        if piece and at >= 0:
            pieces.append((at, at + len(piece), m.start() - at))
            pos = at + len(piece)

    def move(start: int, end: int) -> tuple[int, int] | None:
        for lo, hi, shift in pieces:
            if lo <= start and end <= hi:
                return start + shift, end + shift
        return None
    return move


def central_mentions(files: list[str], gold: dict, move: dict[str, Callable]) -> tuple[str, dict[str, list[tuple[int, int]]]]:  # type: ignore[type-arg]
    """The story's gold story and, per file of it, the article-text spans of its central event
    instance(s)."""
    story = Counter(gold[f]["story"] for f in files).most_common(1)[0][0]
    mine = [f for f in files if gold[f]["story"] == story]
    reach = Counter(i for f in mine for i in {ev[2] for ev in gold[f]["events"]})
    top = max(reach.values(), default=0)
    central = {i for i, n in reach.items() if n == top}
    return story, {f: [m for s, e, i in gold[f]["events"] if i in central and (m := move[f](s, e))] for f in mine}


def hits(span, name: str, mentions: dict[str, list[tuple[int, int]]]) -> bool:  # type: ignore[no-untyped-def]
    return any(span.start < e and s < span.end for s, e in mentions.get(name, []))


def lead3(story, arts: dict, sentences: dict):  # type: ignore[no-untyped-def]
    """Baseline: the first sentence of 8+ words of the earliest article (longest on a tie)."""
    first = min((arts[a] for a in story.article_ids), key=lambda a: (a.published or "9999", -len(a.text)))
    for s, e in sentences.get(first.id, []):
        if len(first.text[s:e].split()) >= 8:
            return first.span(s, e)
    return None


def dump_miss(s, first, mentions: dict[str, list[tuple[int, int]]], arts: dict, name: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Print one tuning-half lead miss: what led, and what the gold calls the central event."""
    print(f"--- {s.id} {s.title!r} ({len(s.article_ids)} articles)")
    print(f"  LEAD [{name[first.citations[0].article_id]}] {first.text}")
    inv = {v: k for k, v in name.items()}
    for f, spans in mentions.items():
        text = arts[inv[f]].text
        for a, b in spans[:2]:
            print(f"  gold [{f}] ...{text[max(0, a - 60):b + 60]!r}")


def score(corpus, results, gold: dict, name: dict[str, str], dump: bool = False,  # type: ignore[no-untyped-def]
          lemmas: Callable[[str], set[str]] | None = None) -> tuple[dict, list[list[str]]]:
    arts = {a.id: a for a in corpus.articles}
    sentences = {r.article.id: r.sentences for r in results}
    briefs = {b.story_id: b for b in corpus.briefs}
    move = {name[a.id]: aligner((ECB / "text" / name[a.id]).read_text(encoding="utf-8"), a.text)
            for a in corpus.articles}
    parts: dict[str, dict] = {k: Counter() for k in ("tune_odd_topics", "heldout_even_topics", "all")}
    conflicts: list[list[str]] = []
    for s in corpus.stories:
        if len(s.article_ids) < MIN_ARTICLES or s.id not in briefs:
            continue
        files = [name[a] for a in s.article_ids]
        gstory, mentions = central_mentions(files, gold, move)
        odd = int(gold[files[0]]["topic"]) % 2 == 1
        summary = [x for x in briefs[s.id].sentences if x.section == "summary"]
        c: Counter = Counter(stories=1, bullets=len(summary))
        if summary:
            first = summary[0]
            c["lead"] += (hit := hits(first.citations[0], name[first.citations[0].article_id], mentions))
            if dump and odd and not hit:
                dump_miss(s, first, mentions, arts, name)
            c["lead_any_citation"] += any(hits(x, name[x.article_id], mentions) for x in first.citations)
        base = lead3(s, arts, sentences)
        c["lead3_baseline"] += bool(base) and hits(base, name[base.article_id], mentions)
        c["repeated_pairs"] += repeated_pairs(summary)
        if lemmas is not None:
            c["paraphrase_pairs"] += paraphrase_pairs(summary, lemmas)
        for b in summary:
            for x in b.citations[1:]:
                c["extra_citations"] += 1
                c["extra_supported"] += supports(b.text, x.text)
        comp = s.comparison
        for item in comp.conflicts:
            if item.kind == "number":
                conflicts.append([s.id, gstory, "conflict", item.text])
        for row in comp.claims:
            if row.contradict:
                conflicts.append([s.id, gstory, "contradict-row", row.text])
        c["number_conflicts"] += sum(1 for i in comp.conflicts if i.kind == "number")
        c["contradicting_rows"] += sum(1 for r in comp.claims if r.contradict)
        for label in ("tune_odd_topics" if odd else "heldout_even_topics", "all"):
            parts[label].update(c)
    out = {}
    for label, c in parts.items():
        n = c["stories"] or 1
        out[label] = {"stories": c["stories"], "summary_bullets": c["bullets"],
                      "lead": round(c["lead"] / n, 4), "lead_any_citation": round(c["lead_any_citation"] / n, 4),
                      "lead3_baseline": round(c["lead3_baseline"] / n, 4),
                      "repeated_bullet_pairs": c["repeated_pairs"], "paraphrase_bullet_pairs": c["paraphrase_pairs"],
                      "extra_citations": c["extra_citations"],
                      "extra_citation_support": round(c["extra_supported"] / (c["extra_citations"] or 1), 4),
                      "number_conflicts": c["number_conflicts"], "contradicting_claim_rows": c["contradicting_rows"]}
    return out, conflicts


def checked_conflicts(total: int) -> dict:
    """Verdicts of the hand-checked sample (same-measure: a real comparison; different-measure), and
    what their share makes of this run's ``total`` conflicts. The sample was read on the run it was
    drawn from: after a change to compare/, draw and read it again."""
    if not CHECKED.exists():
        return {"checked": 0}
    with CHECKED.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")]
    verdicts = Counter(r["verdict"] for r in rows)
    share = verdicts["different-measure"] / (len(rows) or 1)
    return {"checked": len(rows), **dict(sorted(verdicts.items())), "different_measure_share": round(share, 3),
            "estimated_different_measure_conflicts": round(share * total)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ecb-results", type=Path, help="per-article ECB+ results to reuse (written when absent)")
    ap.add_argument("--dump", action="store_true", help="print the lead misses of the tuning half (odd topics)")
    args = ap.parse_args()
    if not (ECB / "gold.json").exists():
        print(f"skipping the brief benchmark: {ECB} not found (see ../shared/data/README.md)")
        return
    # imported only past the data check: without ECB+ the benchmark must say so, not load spaCy;
    # the ECB+ reader and per-article stage runner are the clustering benchmark's, shared on purpose
    from clustering import _ecb_results
    from storyline.pipeline import run_corpus_stages

    gold = json.loads((ECB / "gold.json").read_text(encoding="utf-8"))["files"]
    results = _ecb_results(args.ecb_results)
    name = {r.article.id: Path(r.article.source).name for r in results}
    corpus = run_corpus_stages(results)
    scores, conflicts = score(corpus, results, gold, name, args.dump, lemmatiser())
    ALL_CONFLICTS.parent.mkdir(parents=True, exist_ok=True)
    with ALL_CONFLICTS.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["story", "gold_story", "kind", "text"])
        w.writerows(conflicts)
    out = {"machine": machine_info(), "articles": len(results), "min_articles": MIN_ARTICLES, **scores,
           "conflicts_hand_checked": checked_conflicts(scores["all"]["number_conflicts"]),
           "command": "PYTHONPATH=src .venv/bin/python benchmarks/briefs.py --ecb-results FILE"}
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))
    print(f"wrote {RESULTS} and {ALL_CONFLICTS}")


if __name__ == "__main__":
    main()
