"""Per-capability scores of an analysis against the demo gold.

Articles are matched by source path suffix (gold keys are paths relative to the corpus folder), and
extracted items by character overlap with the gold text inside the matched article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..entities.canonical import same_person
from ..model import Corpus, check_spans


@dataclass
class Score:
    name: str
    correct: float
    total: int
    note: str = ""
    details: list[str] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def check(self, ok: bool, miss: str) -> None:
        """Count one gold item: a hit, or a miss described for `--misses`."""
        self.total += 1
        if ok:
            self.correct += 1
        else:
            self.details.append(miss)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "correct": self.correct, "total": self.total, "score": self.value,
                "note": self.note, "misses": self.details[:50]}


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _match_articles(corpus: Corpus, keys: list[str]) -> dict[str, str]:
    """gold key -> article id."""
    out = {}
    for key in keys:
        for a in corpus.articles:
            src = a.source.replace("\\", "/")
            if src == key or src.endswith("/" + key):
                out[key] = a.id
                break
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _find(text: str, needle: str) -> tuple[int, int] | None:
    i = text.find(needle)
    if i == -1:
        i = _ws(text).find(_ws(needle))  # approximate: whitespace differences after cleaning
        if i == -1:
            return None
    return i, i + len(needle)


def _located(items: list[dict[str, Any]], amap: dict[str, str], arts: dict[str, Any]):
    """(gold item, article id, (start, end) of its text or None) for items of analysed articles."""
    for g in items:
        aid = amap.get(g["article"])
        if aid:
            yield g, aid, _find(arts[aid].text, g["text"])


def _by_article(records: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for r in records:
        out[r.span.article_id].append(r)
    return out


def _overlapping(records: list[Any], loc: tuple[int, int] | None, min_chars: float = 1) -> list[Any]:
    return [r for r in records if loc and _overlap(r.span.start, r.span.end, *loc) >= min_chars]


def score(gold: dict[str, Any], corpus: Corpus) -> list[Score]:
    keys = list(gold["articles"])
    amap = _match_articles(corpus, keys)
    arts = {a.id: a for a in corpus.articles}
    scores: list[Score] = []

    s = Score("articles found", 0, 0)
    for k in keys:
        s.check(k in amap, k)
    scores.append(s)

    bp = Score("boilerplate removed", 0, 0)
    keep = Score("body lines kept", 0, 0)
    dates = Score("publish dates", 0, 0)
    for k, g in gold["articles"].items():
        a = arts.get(amap.get(k, ""))
        if a is None:
            continue
        removed = {_ws(r.text) for r in a.removed}
        norm_text = _ws(a.text)
        for line in g.get("boilerplate", []):
            bp.check(_ws(line) in removed or _ws(line) not in norm_text, f"{k}: {line}")
        for line in g.get("keep", []):
            keep.check(_ws(line) in norm_text, f"{k}: {line}")
        if "published" in g:
            got = a.published[:10] if a.published else None
            dates.check(got == g["published"], f"{k}: gold {g['published']} got {got} ({a.published_source})")
    scores += [bp, keep, dates, _provenance(gold, amap, arts)]

    # entities: variants merged, and no forbidden merge
    def entity_of(name: str) -> set[str]:
        return {e.id for e in corpus.entities if e.type == "PERSON" and (e.name == name or name in e.aliases)}

    merges = Score("entity variants merged", 0, 0)
    for p in gold.get("people", []):
        names = [p["name"], *p.get("variants", [])]
        ids = [entity_of(n) for n in names]
        home = entity_of(p["name"])
        for n, found in zip(names[1:], ids[1:]):
            merges.check(bool(found and home and found & home), f"{n} not merged with {p['name']}")
    scores.append(merges)
    fm = Score("no false merges", 0, 0)
    for a_name, b_name in gold.get("must_not_merge", []):
        fm.check(not entity_of(a_name) & entity_of(b_name), f"{a_name} merged with {b_name}")
    scores.append(fm)
    places = Score("places/orgs normalized", 0, 0)
    for p in gold.get("places", []):
        home = {e.id for e in corpus.entities if e.type != "PERSON" and p["name"] in (e.name, *e.aliases)}
        for n in p.get("variants", []):
            places.check(any(e.id in home and n in (e.name, *e.aliases) for e in corpus.entities),
                         f"{n} not one entity with {p['name']}")
    scores.append(places)

    # quotes
    by_article = _by_article(corpus.quotes)
    found_q = Score("quotes found", 0, 0)
    spk = Score("quote speaker accuracy", 0, 0)
    wrong_null = Score("unattributable left empty", 0, 0)
    for gq, aid, loc in _located(gold.get("quotes", []), amap, arts):
        cands = _overlapping(by_article[aid], loc, 0.5 * (loc[1] - loc[0])) if loc else []
        found_q.check(bool(cands), f"{gq['article']}: {gq['text'][:60]}")
        if not cands:
            continue
        q = max(cands, key=lambda q: _overlap(q.span.start, q.span.end, *loc))  # type: ignore[misc]
        if gq.get("speaker"):
            right = bool(q.speaker and same_person(q.speaker, gq["speaker"]) or (
                q.speaker_entity and q.speaker_entity in entity_of(gq["speaker"])))
            spk.check(right, f"{gq['article']}: {gq['text'][:40]} gold {gq['speaker']} got {q.speaker}")
        else:
            wrong_null.check(q.speaker is None, f"{gq['article']}: {gq['text'][:40]} attributed to {q.speaker}")
    scores += [found_q, spk, wrong_null]

    nq = Score("non-quotes rejected", 0, 0)
    for g, aid, loc in _located(gold.get("not_quotes", []), amap, arts):
        taken = [q for q in _overlapping(by_article[aid], loc) if q.kind != "indirect"]
        nq.check(not taken, f"{g['article']}: {g['text']}")
    scores.append(nq)

    # dates, numbers, open questions: an extracted item overlapping the gold text with the gold value
    times_by = _by_article(corpus.times)
    td = Score("dates normalized", 0, 0)
    for g, aid, loc in _located(gold.get("dates", []), amap, arts):
        hit = _overlapping(times_by[aid], loc)
        td.check(any(t.value == g["value"] for t in hit),
                 f"{g['article']}: {g['text']} gold {g['value']} got {[t.value for t in hit]}")
    scores.append(td)
    claims_by = _by_article(corpus.claims)
    nums = Score("numbers", 0, 0)
    for g, aid, loc in _located(gold.get("numbers", []), amap, arts):
        hit = _overlapping(claims_by[aid], loc)
        nums.check(any(c.value is not None and abs(c.value - float(g["value"])) < 1e-6 for c in hit),
                   f"{g['article']}: {g['text']} gold {g['value']} got {[c.value for c in hit]}")
    scores.append(nums)
    oq = Score("open questions", 0, 0)
    oq_spans = [s for st in corpus.stories for q in st.open_questions for s in q.evidence]
    for g, aid, loc in _located(gold.get("open_questions", []), amap, arts):
        oq.check(bool(loc and any(s.article_id == aid and _overlap(s.start, s.end, *loc) for s in oq_spans)),
                 f"{g['article']}: {g['text'][:60]}")
    scores.append(oq)

    scores.append(_bcubed(gold, corpus, amap))
    scores.append(_copies(gold, corpus, amap))
    scores.append(_differences(gold, corpus, amap))

    cited = Score("brief sentences cited", 0, 0)
    for b in corpus.briefs:
        for sent in b.sentences:
            cited.check(bool(sent.citations) and not check_spans(corpus.articles, sent.citations),
                        f"{b.story_id}: {sent.text[:60]}")
    scores.append(cited)
    return scores


def _provenance(gold: dict[str, Any], amap: dict[str, str], arts: dict[str, Any]) -> Score:
    """Publish-date source, translation, syndication and copy links: one item per gold field."""
    key_of = {aid: k for k, aid in amap.items()}
    s = Score("provenance", 0, 0)
    for k, g in gold["articles"].items():
        a = arts.get(amap.get(k, ""))
        if a is None:
            continue
        got = {"published_source": a.published_source, "translated": bool(a.provenance.translated_by),
               "syndicated_from": a.provenance.syndicated_from,
               "duplicate_of": key_of.get(a.duplicate_of or "", a.duplicate_of),
               "rewrite_of": key_of.get(a.rewrite_of or "", a.rewrite_of)}
        for field_name, value in got.items():
            if field_name not in g:
                continue
            want = g[field_name]
            same = (str(value).casefold() == str(want).casefold()) if isinstance(want, str) else value == want
            s.check(same, f"{k}: {field_name} gold {want!r} got {value!r}")
    return s


def _bcubed(gold: dict[str, Any], corpus: Corpus, amap: dict[str, str]) -> Score:
    gold_of = {}
    for sid, st in gold.get("stories", {}).items():
        for k in st["articles"]:
            if k in amap:
                gold_of[amap[k]] = sid
    pred_of = {aid: s.id for s in corpus.stories for aid in s.article_ids}
    items = [a for a in gold_of if a in pred_of]
    if not items:
        return Score("story BCubed F1", 0, 0)
    p = r = 0.0
    for i in items:
        same_pred = [j for j in items if pred_of[j] == pred_of[i]]
        same_gold = [j for j in items if gold_of[j] == gold_of[i]]
        both = [j for j in same_pred if gold_of[j] == gold_of[i]]
        p += len(both) / len(same_pred)
        r += len(both) / len(same_gold)
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    s = Score("story BCubed F1", f1 * len(items), len(items), note=f"P {p:.3f} R {r:.3f}")
    return s


def _copies(gold: dict[str, Any], corpus: Corpus, amap: dict[str, str]) -> Score:
    """A gold copy (duplicate_of) must be listed in its story's ``copies`` with its original."""
    s = Score("copies counted in stories", 0, 0)
    copies = {c: o for st in corpus.stories for c, o in st.copies.items()}
    for k, g in gold["articles"].items():
        if not g.get("duplicate_of") or k not in amap:
            continue
        s.check(copies.get(amap[k]) == amap.get(g["duplicate_of"]), f"{k}: not counted as a copy of {g['duplicate_of']}")
    return s


def _differences(gold: dict[str, Any], corpus: Corpus, amap: dict[str, str]) -> Score:
    """Each gold difference (conflict, update, framing) must be one comparison item of the story
    holding its first article, whose evidence overlaps every gold text."""
    s = Score("source differences found", 0, 0)
    arts = {a.id: a for a in corpus.articles}
    story_of = {aid: st for st in corpus.stories for aid in st.article_ids}
    for g in gold.get("differences", []):
        locs = []
        for ev in g["evidence"]:
            aid = amap.get(ev["article"])
            loc = _find(arts[aid].text, ev["text"]) if aid else None
            locs.append((aid, loc))
        st = story_of.get(locs[0][0] or "")
        if st is None or any(loc is None for _, loc in locs):
            s.total += 1
            s.details.append(f"{g['what']}: article or text not found")
            continue
        s.total += 1
        comp = st.comparison
        items = [*comp.conflicts, *comp.updates, *comp.framing, *comp.gaps]
        if any(all(any(sp.article_id == aid and _overlap(sp.start, sp.end, *loc) for sp in it.evidence)
                   for aid, loc in locs) for it in items):
            s.correct += 1
        else:
            s.details.append(g["what"])
    return s

