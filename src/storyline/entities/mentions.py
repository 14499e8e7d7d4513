"""Name mentions from spaCy NER, repaired for noisy text, with roles split off and short forms resolved.

Why repair: NER on machine-translated text keeps titles inside names ("Minister Kowalczyk"),
possessives ("Kowalczyk's"), and labels the same name differently across sentences.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ..model import Article, Mention
from ..resources import lines

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
          "FAC": "LOC", "EVENT": "EVENT"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@cache
def role_words() -> tuple[str, ...]:
    return tuple(sorted(lines("entities/roles_en.txt"), key=len, reverse=True))


def _strip_role(text: str) -> tuple[str, str | None, int]:
    """('Defence Minister Anna Kowalczyk') -> ('Anna Kowalczyk', 'Defence Minister', chars stripped)."""
    low = text.lower()
    for role in role_words():
        if low.startswith(role + " ") and len(text) > len(role) + 1:
            cut = len(role) + 1
            rest, deeper_role, more = _strip_role(text[cut:])
            return rest, (text[: len(role)] + (" " + deeper_role if deeper_role else "")), cut + more
    return text, None, 0


def _role_before(text: str, start: int) -> str | None:
    """A role phrase right before the name: 'Korsa's Defence Minister Anna ...' -> 'Defence Minister'."""
    prefix = text[max(0, start - 40) : start].rstrip()
    low = prefix.lower()
    for role in role_words():
        if low.endswith(role) and (len(low) == len(role) or not low[-len(role) - 1].isalnum()):
            return prefix[-len(role) :]
    return None


def extract_mentions(article: Article, doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    text = article.text
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        m = _POSSESSIVE.search(surface)
        if m:
            end -= len(m.group(0))
            surface = text[start:end]
        role = None
        if label == "PERSON":
            name, role, cut = _strip_role(surface)
            start += cut
            if not name.strip() or not name[0].isupper():
                continue
            role = role or _role_before(text, start)
        surface = text[start:end].strip(" -—–,.")
        if not surface or not any(c.isalpha() for c in surface):
            continue
        start = text.index(surface, start)
        end = start + len(surface)
        out.append(Mention(span=article.span(start, end), label=label, role=role))
    return resolve_short_forms(out)


def resolve_short_forms(mentions: list[Mention]) -> list[Mention]:
    """'Kowalczyk' after 'Anna Kowalczyk' in the same article refers to her; ambiguous stays alone."""
    full: dict[str, set[str]] = {}
    out = []
    for m in mentions:
        if m.label != "PERSON":
            out.append(m)
            continue
        parts = m.span.text.split()
        if len(parts) >= 2:
            full.setdefault(parts[-1].lower(), set()).add(m.span.text)
            out.append(m)
        else:
            cands = full.get(parts[0].lower(), set())
            out.append(m.model_copy(update={"resolved_to": next(iter(cands))}) if len(cands) == 1 else m)
    return out
