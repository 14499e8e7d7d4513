"""Train the learned cue model (``learned.py``) on PolNeAR's training split and write
``resources/quotes/cue_weights.tsv``.

    python -m storyline.quotes.train_cues ../shared/data/polnear [--C 1.0] [--min-count 3]

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

_OPEN, _CLOSE = "\"“„«‘'", "\"”“»’'"
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-weight", type=float, default=0.1)
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parents[1] / "resources" / "quotes" / "cue_weights.tsv")
    args = ap.parse_args()

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..config import Settings
    from ..nlp.spacy_pipeline import load
    from .glyphs import find_segments
    from .learned import candidates

    split = args.polnear / "train"
    anns: dict[str, Path] = {}
    for f in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}$", "", f.stem), f)  # one annotator per article
    names = sorted(anns)
    texts = [(split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    nlp = load(Settings().spacy_model)
    feats: list[dict[str, int]] = []
    labels: list[int] = []
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=8)):
        gold = read_gold(anns[name], text)
        speech = [(s.open_at, s.close_end) for s in find_segments(text)]
        for c in candidates(doc, speech):
            toks = {t.idx for t in doc[c.start:c.end] if _TOK.match(t.text)}
            pos = any(any(a <= c.cue.idx < b for a, b in cue) and len(g & toks) >= 0.5 * max(len(g), len(toks), 1)
                      for cue, g in gold)
            feats.append(dict.fromkeys(c.features, 1))
            labels.append(int(pos))
    dv = DictVectorizer()
    X = dv.fit_transform(feats)
    model = LogisticRegression(C=args.C, max_iter=3000).fit(X, labels)
    seen = np.asarray((X > 0).sum(axis=0)).ravel()
    coef = model.coef_[0]
    weights = {f: round(float(coef[i]), 3) for f, i in dv.vocabulary_.items()
               if seen[i] >= args.min_count and abs(coef[i]) >= args.min_weight}
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# Weights of the learned cue model (see quotes/learned.py), written by quotes/train_cues.py from\n"
                 f"# PolNeAR train ({len(names)} articles, {len(labels)} candidates, {sum(labels)} positive). "
                 "Do not edit by hand.\n# feature<TAB>weight; the row __bias__ is the intercept\n")
        fh.write(f"__bias__\t{round(float(model.intercept_[0]), 4)}\n")
        for f in sorted(weights):
            fh.write(f"{f}\t{weights[f]}\n")
    print(f"{len(weights)} features -> {args.out}")


if __name__ == "__main__":
    main()
