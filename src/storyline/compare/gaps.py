"""Gaps: voices, facts and events present in some outlets and absent in others, and coverage by
outlet group (language, and country or state affiliation when the user's metadata gives them in
``Article.extra``)."""

from __future__ import annotations

from collections import defaultdict

from ..model import ClaimRow, Evidenced, Quote
from .context import StoryContext

GROUP_KEYS = ("language", "country", "state_affiliated")
MIN_GROUP = 2


def _groups(ctx: StoryContext) -> dict[str, dict[str, str]]:
    """metadata key -> outlet -> value, only for keys where the outlets differ."""
    out: dict[str, dict[str, str]] = {}
    for key in GROUP_KEYS:
        vals: dict[str, str] = {}
        for aid, a in ctx.articles.items():
            v = a.language if key == "language" else a.extra.get(key)
            if v is not None:
                vals[ctx.outlet(aid)] = str(v)
        if len(set(vals.values())) > 1:
            out[key] = vals
    return out


def gaps(ctx: StoryContext, quoted: dict[str, dict[str, list[Quote]]], table: list[ClaimRow],
         names: dict[str, str]) -> list[Evidenced]:
    items: list[Evidenced] = []
    outlets = ctx.outlets
    quoting = sorted(quoted)
    if len(quoting) >= 2:
        speakers = sorted({k for o in quoting for k in quoted[o]}, key=lambda k: (names.get(k, k), k))  # the key breaks a tie of namesakes: set order is per process
        exclusive: dict[str, list[str]] = defaultdict(list)
        for key in speakers:
            have = [o for o in quoting if key in quoted[o]]
            if len(have) == 1:
                exclusive[have[0]].append(key)
            elif len(have) < len(quoting):
                missing = [o for o in quoting if o not in have]
                items.append(Evidenced(
                    text=f"{names.get(key, key)} is quoted by {', '.join(have)} but not by {', '.join(missing)}",
                    kind="voice-gap", outlets=have, evidence=[q.span for o in have for q in quoted[o][key]][:4]))
        for outlet, keys in sorted(exclusive.items()):
            items.append(Evidenced(
                text=f"Only {outlet} quotes " + ", ".join(names.get(k, k) for k in keys),
                kind="voice-gap", outlets=[outlet], evidence=[quoted[outlet][k][0].span for k in keys]))
    for row in table:
        if len(row.support) >= 2 and row.omit:
            items.append(Evidenced(text=f"{row.text} — reported by {', '.join(row.support)}; "
                                        f"not by {', '.join(row.omit)}",
                                   kind=f"{row.kind}-gap", outlets=row.support, evidence=row.evidence[:4]))
    for key, by_outlet in _groups(ctx).items():
        values = sorted(set(by_outlet.values()))
        if min(sum(1 for v in by_outlet.values() if v == w) for w in values) < MIN_GROUP:
            continue  # one outlet is not a group: the voice gaps above already name it
        per_value: dict[str, set[str]] = defaultdict(set)
        for o, v in by_outlet.items():
            per_value[v] |= {k for k in quoted.get(o, {})}
        for v in values:
            others = set().union(*(per_value[w] for w in values if w != v))
            only = sorted(per_value[v] - others, key=lambda k: (names.get(k, k), k))
            if only and others:  # a group that quotes nobody says more about quote detection than coverage
                only = only[:6]
                evidence = [q.span for o, vv in by_outlet.items() if vv == v
                            for k in only for q in quoted.get(o, {}).get(k, [])][:4]
                items.append(Evidenced(
                    text=f"Only outlets with {key} {v} quote " + ", ".join(names.get(k, k) for k in only),
                    kind=f"{key}-gap", outlets=sorted(o for o, vv in by_outlet.items() if vv == v),
                    evidence=evidence))
    return [i for i in items if i.evidence]
