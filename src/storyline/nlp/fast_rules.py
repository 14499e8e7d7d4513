"""The English pipelines' attribute ruler (tag -> POS and morphology rules), matched by lookup.

Why: spaCy's AttributeRuler runs its ~180 rules through the general token Matcher, which costs
about a sixth of ``en_core_web_sm``'s time on news text, yet every rule but a handful looks at one
token's TAG, LOWER, DEP or IS_SPACE. Indexing the one-token rules by tag and checking the rest of
each rule in Python finds the same matches; the multi-token rules keep a small Matcher. Annotation
is unchanged: ``AttributeRuler.set_annotations`` still applies the matches, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _condition(key: str, spec: Any) -> Callable[[Token], bool] | None:
    """One pattern key as a test on a token, or None if this module does not know the operator."""
    get = _GETTERS.get(key)
    if get is None:
        return None
    if not isinstance(spec, dict):
        return lambda t: get(t) == spec
    if len(spec) != 1:
        return None
    (op, value), = spec.items()
    if op == "IN":
        values = frozenset(value)
        return lambda t: get(t) in values
    if op == "NOT_IN":
        values = frozenset(value)
        return lambda t: get(t) not in values
    if op == "REGEX":
        rx = re.compile(value)
        return lambda t: rx.search(get(t)) is not None
    return None


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Replace the attribute ruler's matching step with the lookup version; False if the pipeline
    has no attribute ruler or uses a pattern this module does not understand (left as it was)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    Entry = tuple[int, int, list[Callable[[Token], bool]]]
    # each one-token rule is filed under its TAG and/or LOWER value(s), so a token looks at the few
    # rules that can match it; the rest of the rule's keys are checked as conditions
    by_pair: dict[tuple[str, str], list[Entry]] = {}
    by_tag: dict[str, list[Entry]] = {}
    by_lower: dict[str, list[Entry]] = {}
    any_token: list[Entry] = []
    multi = Matcher(nlp.vocab)
    has_multi = False

    def values(spec: Any) -> list[str] | None:
        if isinstance(spec, str):
            return [spec]
        if isinstance(spec, dict) and list(spec) == ["IN"]:
            return list(spec["IN"])
        return None

    for rule_no, rule in enumerate(ruler.patterns):
        match_id = nlp.vocab.strings[str(rule_no)]
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or rule.get("index", 0) not in (0, -1):
                multi.add(str(rule_no), [pattern])
                has_multi = True
                continue
            spec = pattern[0]
            tags, lowers = values(spec.get("TAG")), values(spec.get("LOWER"))
            conds = []
            for key, value in spec.items():
                if (key == "TAG" and tags) or (key == "LOWER" and lowers):
                    continue  # answered by the index
                cond = _condition(key, value)
                if cond is None:
                    return False
                conds.append(cond)
            entry = (rule_no, match_id, conds)
            if tags and lowers:
                for tag in tags:
                    for low in lowers:
                        by_pair.setdefault((tag, low), []).append(entry)
            elif tags:
                for tag in tags:
                    by_tag.setdefault(tag, []).append(entry)
            elif lowers:
                for low in lowers:
                    by_lower.setdefault(low, []).append(entry)
            else:
                any_token.append(entry)
    none: list[Entry] = []

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        found = []
        for tok in doc:
            tag, low = tok.tag_, tok.lower_
            for group in (by_pair.get((tag, low), none), by_tag.get(tag, none), by_lower.get(low, none), any_token):
                for rule_no, match_id, conds in group:
                    if not conds or all(c(tok) for c in conds):
                        found.append((rule_no, match_id, tok.i, tok.i + 1))
        if has_multi:
            found.extend((int(nlp.vocab.strings[m_id]), m_id, s, e)
                         for m_id, s, e in multi(doc, allow_missing=True, as_spans=False))
        found.sort()
        return found

    ruler.match = match  # the instance's own matching step; set_annotations is spaCy's
    return True
