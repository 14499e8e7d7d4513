"""Train the learned cue model (``learned.py``) on PolNeAR's training split and write
``resources/quotes/cue_weights.tsv``.

    python -m storyline.quotes.train_cues ../shared/data/polnear [--C 0.3] [--min-count 3] [--first N]

Only the *train* split is read (tuning on dev would make the dev numbers meaningless). Each
candidate (cue token, complement) is labelled positive when the token lies in a gold Cue and the
complement shares at least half of the tokens of that relation's gold Content (the benchmark's
overlap criterion); contents wholly inside quotation marks (direct quotes) are left to the quote
detector. A logistic regression over the candidate features is fitted; features seen fewer than
``min-count`` times or with tiny weights are dropped to keep the file small.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from ..text.glyphs import APOSTROPHES, DOUBLE_END, DOUBLE_OPEN, ENGLISH_SINGLE_OPEN

_OPEN, _CLOSE = DOUBLE_OPEN + ENGLISH_SINGLE_OPEN, DOUBLE_END + APOSTROPHES
_TOK = re.compile(r"\w+")


def read_gold(path: Path, text: str) -> list[tuple[list[tuple[int, int]], set[int]]]:
    """(cue spans, content token starts) of the indirect relations of a brat .ann file."""
    ents: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels: list[dict[str, str]] = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        parts = ln.split("\t")
        if ln.startswith("T") and len(parts) >= 3:
            typ, offs = parts[1].split(" ", 1)
            ents[parts[0]] = (typ, [tuple(map(int, o.split())) for o in offs.split(";")], parts[2])  # type: ignore[misc]
        elif ln.startswith("E") and len(parts) >= 2:
            rels.append(dict(a.split(":") for a in parts[1].split()))
    out = []
    for r in rels:
        if "Content" not in r or "Cue" not in r or r["Content"] not in ents or r["Cue"] not in ents:
            continue
        content, cue = ents[r["Content"]], ents[r["Cue"]]
        body = content[2].strip(" .,;:\n")
        if body[:1] in _OPEN and body[-1:] in _CLOSE and len(body) > 2:
            continue  # a direct quote
        toks = {m.start() for a, b in content[1] for m in _TOK.finditer(text, a, b)}
        out.append((cue[1], toks))
    return out


def examples(docs: list, texts: list[str], anns: list[Path]) -> tuple[list[dict[str, int]], list[int]]:
    """Features and labels of every candidate of the given parsed training articles."""
    from ..text.glyphs import find_segments
    from .learned import candidates

    feats: list[dict[str, int]] = []
    labels: list[int] = []
    for ann, text, doc in zip(anns, texts, docs):
        gold = read_gold(ann, text)
        speech = [(s.open_at, s.close_end) for s in find_segments(text)]
        for c in candidates(doc, speech):
            toks = {t.idx for t in doc[c.start:c.end] if _TOK.match(t.text)}
            pos = any(any(a <= c.cue.idx < b for a, b in cue) and len(g & toks) >= 0.5 * max(len(g), len(toks), 1)
                      for cue, g in gold)
            feats.append(dict.fromkeys(c.features, 1))
            labels.append(int(pos))
    return feats, labels


def fit(feats: list[dict[str, int]], labels: list[int], C: float = 0.3, min_count: int = 5,
        min_weight: float = 0.1) -> tuple[dict[str, float], float]:
    """Logistic regression weights (rare and near-zero features dropped) and the intercept."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer()
    X = dv.fit_transform(feats)
    model = LogisticRegression(C=C, max_iter=3000).fit(X, labels)
    seen = np.asarray((X > 0).sum(axis=0)).ravel()
    coef = model.coef_[0]
    weights = {f: round(float(coef[i]), 3) for f, i in dv.vocabulary_.items()
               if seen[i] >= min_count and abs(coef[i]) >= min_weight}
    return weights, round(float(model.intercept_[0]), 4)


def write(path: Path, weights: dict[str, float], bias: float, note: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# Weights of the learned cue model (see quotes/learned.py), written by quotes/train_cues.py from\n"
                 f"# {note}. Do not edit by hand.\n# feature<TAB>weight; the row __bias__ is the intercept\n")
        fh.write(f"__bias__\t{bias}\n")
        for f in sorted(weights):
            fh.write(f"{f}\t{weights[f]}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-weight", type=float, default=0.1)
    ap.add_argument("--first", type=int, default=None,
                    help="fit on the first N training articles only, to score the rest held out "
                         "(benchmarks/quotes.py --split train --skip N, with --out's weights in place)")
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parents[1] / "resources" / "quotes" / "cue_weights.tsv")
    args = ap.parse_args()

    from ..config import Settings
    from ..nlp.spacy_pipeline import annotate_many

    split = args.polnear / "train"
    anns: dict[str, Path] = {}
    for f in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}$", "", f.stem), f)  # one annotator per article
    names = sorted(anns)[: args.first]
    texts = [(split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    model = Settings().spacy_model
    # the pipeline's own annotation, so that training sees the sentences and trees analysis sees
    docs = [d for i in range(0, len(texts), 16) for d in annotate_many(texts[i:i + 16], model)]
    feats, labels = examples(docs, texts, [anns[n] for n in names])
    weights, bias = fit(feats, labels, args.C, args.min_count, args.min_weight)
    write(args.out, weights, bias, f"PolNeAR train ({len(names)} articles, {len(labels)} candidates, {sum(labels)} positive)")
    print(f"{len(weights)} features -> {args.out}")


if __name__ == "__main__":
    main()
