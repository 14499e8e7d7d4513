"""Cross-document coreference of named people on real news: ECB+ gold against an `analyze` run.

ECB+ (../shared/data/ecbplus, never copied into the repo) marks every human participant mention with a
cross-document instance id. Only mentions that are proper names are scored (every word capitalised
or a name particle, not a pronoun or determiner, and some word capitalised more often than not in
the whole ECB+ text, so a sentence-initial 'Police' or 'Woman' is no name: 'Tara Reid', 'Reid',
'Colts'; not 'she', 'the actress', 'Police'), because storyline links names, not nominals or pronouns.

Scoring: B-cubed over those gold mentions. Each one is matched to the storyline entity mention in the
same file that overlaps it most (any entity type: ECB+ counts groups such as a team as human
participants); the response cluster is that entity. A gold mention storyline has no mention for is
its own singleton in the response ("missed as singletons", the headline number); the score over
matched mentions only is reported beside it. Baseline: gold mentions clustered by their exact
lower-cased text. Topics are split odd (tuning) / even (held out), as in benchmarks/clustering.py.

The analysed text can differ from the file (the cleaner drops URL and date lines), so gold offsets
are carried over by aligning the two texts.
"""

from __future__ import annotations

import difflib
import re
import sys
import json
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path

from _scores import bcubed as b3  # benchmarks/ is on the path of its callers

ECB = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
_NOT_NAMES = set("the a an this that these those his her their its our my your he she they we i you it him them "
                 "us me who whom one someone".split())
_PARTICLES = set("of and van von de da di del der den du la le al el bin ibn ten ter".split())


def case_counts(texts: list[str]) -> Counter[str]:
    """Per lower-cased word: occurrences written capitalised minus occurrences written lower-case."""
    out: Counter[str] = Counter()
    for t in texts:
        for w in re.findall(r"[A-Za-z][a-z]+", t):
            out[w.lower()] += 1 if w[0].isupper() else -1
    return out


def is_proper_name(text: str, case: Counter[str]) -> bool:
    """'Tara Reid', 'Reid', 'Bank of America'; not 'she', 'the actress', 'His wife', "I'm", 'Police'."""
    words = [re.split(r"['’]", w)[0] for w in text.split() if any(c.isalpha() for c in w)]
    if not words or words[0].lower() in _NOT_NAMES:
        return False
    if not (all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) and words[0][:1].isupper()):
        return False
    return any(case[w.lower()] > 0 or w.isupper() for w in words if w.lower() not in _PARTICLES)


def bcubed(pred: dict, gold: dict) -> dict:
    """B-cubed of a response clustering of the items of ``gold``, rounded, with the item count."""
    p, r, f = b3(pred, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "mentions": len(gold)}


def offset_map(raw: str, text: str):  # type: ignore[no-untyped-def]
    """A function from an offset in ``raw`` to the same character's offset in ``text`` (None when the
    character is not there: a removed line)."""
    at = raw.find(text)
    if at >= 0:  # the usual case: only leading URL, headline and date lines were removed
        return lambda i: i - at if at <= i < at + len(text) else None
    blocks = [b for b in difflib.SequenceMatcher(None, raw, text, autojunk=False).get_matching_blocks() if b.size]
    starts = [b.a for b in blocks]

    def to_text(i: int) -> int | None:
        k = bisect_right(starts, i) - 1
        if k < 0 or i >= blocks[k].a + blocks[k].size:
            return None
        return blocks[k].b + (i - blocks[k].a)
    return to_text


def load(ecb_out: Path) -> tuple[dict, dict[str, dict], dict[str, list[tuple[int, int, str, str]]]]:
    """Gold files; per file name the analysed article's text; per file name our mentions
    (start, end, entity id, entity type)."""
    gold = json.loads((ECB / "gold.json").read_text(encoding="utf-8"))["files"]
    analysis = json.loads((ecb_out / "analysis.json").read_text(encoding="utf-8"))
    arts = {a["id"]: a for a in analysis["articles"]}
    file_of = {aid: Path(a["source"]).name for aid, a in arts.items()}
    texts = {file_of[aid]: a["text"] for aid, a in arts.items()}
    ours: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for e in analysis["entities"]:
        for sp in e["mentions"]:
            if sp["article_id"] in file_of:
                ours[file_of[sp["article_id"]]].append((sp["start"], sp["end"], e["id"], e["type"]))
    return gold, texts, ours


def responses(gold: dict, texts: dict[str, str], ours: dict) -> tuple[dict, dict, dict, dict, set]:
    """(gold instance, our entity or None, lower-cased text, topic) per scored gold mention, and the
    mentions outside the analysed text (on a headline, URL or date line the cleaner removed)."""
    key, resp, surface, topic, outside = {}, {}, {}, {}, set()
    raws = {n: (ECB / "text" / n).read_text(encoding="utf-8") for n in gold if (ECB / "text" / n).exists()}
    case = case_counts(list(raws.values()))
    for name, g in gold.items():
        if name not in texts or name not in raws:
            continue
        raw = raws[name]
        to_text = offset_map(raw, texts[name])
        for s, e, inst in g["people"]:
            if not is_proper_name(raw[s:e], case):
                continue
            m = (name, s, e)
            key[m], surface[m], topic[m] = inst, raw[s:e].lower().removesuffix("'s"), int(g["topic"])
            ts, te = to_text(s), to_text(e - 1)
            best = None
            if ts is None or te is None:
                outside.add(m)
            else:
                overlaps = [(min(te + 1, oe) - max(ts, os_), typ == "PERSON", eid) for os_, oe, eid, typ in ours.get(name, [])
                            if os_ <= te and ts < oe]
                best = max(overlaps)[2] if overlaps else None
            resp[m] = best
    return key, resp, surface, topic, outside


def ecb_people(ecb_out: Path) -> dict | str:
    if not (ecb_out / "analysis.json").exists() or not ECB.exists():
        return f"skipped: no {ecb_out / 'analysis.json'} or no {ECB}"
    gold, texts, ours = load(ecb_out)
    key, resp, surface, topic, outside = responses(gold, texts, ours)
    out: dict = {"analysis": str(ecb_out), "gold_named_human_mentions": len(key),
                 "outside_the_analysed_text": len(outside),
                 "matched_to_a_storyline_mention": round(sum(r is not None for r in resp.values()) / max(1, len(resp)), 4),
                 "headline_score": "in_analysed_text / storyline_missed_as_singletons"}
    for label, odd in (("tune_odd_topics", True), ("heldout_even_topics", False), ("all", None)):
        part = [m for m in key if odd is None or (topic[m] % 2 == 1) == odd]
        out[label] = {"in_analysed_text": _scores([m for m in part if m not in outside], key, resp, surface),
                      "with_removed_lines_as_singletons": _scores(part, key, resp, surface)}
    return out


def _scores(part: list, key: dict, resp: dict, surface: dict) -> dict:
    """Our entities (a missed mention its own singleton, or only matched mentions) and the baseline."""
    g = {m: key[m] for m in part}
    matched = [m for m in part if resp[m] is not None]
    return {"storyline_missed_as_singletons": bcubed({m: resp[m] or f"missed:{m}" for m in part}, g),
            "storyline_matched_only": bcubed({m: resp[m] for m in matched}, {m: key[m] for m in matched}),
            "baseline_exact_lowercased_string": bcubed({m: surface[m] for m in part}, g)}


if __name__ == "__main__":
    print(json.dumps(ecb_people(Path(sys.argv[1])), indent=1))
