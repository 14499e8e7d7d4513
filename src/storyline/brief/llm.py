"""Optional abstractive rewrite of a brief's summary by an OpenAI-compatible endpoint, checked.

The model only ever sees the spans a sentence cites, and its rewrite survives only if it is
supported by them: every number and every capitalised name in the rewrite must occur in the cited
text, and nearly all of its content words too. Anything else (a new fact, a hallucinated name, an
error from the endpoint) leaves the extractive sentence in place. Citations never change.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from ..model import Article, Brief, BriefSentence, Story
from ..text.words import words

MIN_WORD_SUPPORT = 0.9
_NUMBER = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zà-ÿ]+(?:[- ][A-Z][a-zà-ÿ]+)*")
SYSTEM = ("You rewrite one sentence of a news brief. Use only facts stated in the numbered sources. "
          "Keep every name and number exactly as written there. Reply with the rewritten sentence only.")


@dataclass
class RewriteReport:
    kept: int = 0
    rejected: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)


def _fold(w: str) -> str:
    """A crude stem: 'expects', 'expected' and 'expect' share one; names and numbers are checked exactly."""
    return w[:6]


def unsupported(candidate: str, sources: list[str]) -> list[str]:
    """What in ``candidate`` the sources do not state; empty means supported."""
    src = " ".join(sources)
    problems = []
    src_numbers = {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(src)}
    for n in _NUMBER.findall(candidate):
        if n.rstrip(".,").replace(",", "") not in src_numbers:
            problems.append(f"number {n.rstrip('.,')}")
    for name in _NAME.findall(candidate):
        if name not in src:
            problems.append(f"name {name}")
    src_words = {_fold(w) for w in words(src)}
    cand = [w for w in words(candidate) if not w.isdigit()]
    missing = [w for w in cand if _fold(w) not in src_words]
    if cand and len(missing) > (1 - MIN_WORD_SUPPORT) * len(cand):
        problems.append("words " + ", ".join(missing[:5]))
    return problems


def chat(url: str, model: str, messages: list[dict[str, str]], timeout: float = 60.0) -> str:
    endpoint = url.rstrip("/")
    if not endpoint.endswith("/chat/completions"):
        endpoint += "/chat/completions"
    body = json.dumps({"model": model, "messages": messages, "temperature": 0}).encode()
    req = urllib.request.Request(endpoint, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - the user's own endpoint
        data = json.loads(resp.read().decode("utf-8"))
    return str(data["choices"][0]["message"]["content"]).strip()


def rewrite_summary(brief: Brief, story: Story, articles: dict[str, Article], url: str, model: str,
                    timeout: float = 60.0) -> tuple[Brief, RewriteReport]:
    report = RewriteReport()
    out: list[BriefSentence] = []
    for s in brief.sentences:
        if s.section != "summary":
            out.append(s)
            continue
        sources = list(dict.fromkeys(c.text for c in s.citations))
        prompt = "\n".join(f"[{i}] {t}" for i, t in enumerate(sources, 1)) + f"\n\nSentence: {s.text}"
        try:
            candidate = chat(url, model, [{"role": "system", "content": SYSTEM},
                                          {"role": "user", "content": prompt}], timeout)
        except (urllib.error.URLError, OSError, KeyError, IndexError, ValueError) as e:
            report.failed += 1
            report.reasons.append(f"endpoint: {type(e).__name__}: {e}")
            out.append(s)
            continue
        candidate = " ".join(candidate.split())
        problems = unsupported(candidate, sources) if candidate else ["empty reply"]
        if problems:
            report.rejected += 1
            report.reasons.append(f"{candidate[:60]!r}: unsupported {'; '.join(problems)}")
            out.append(s)
        else:
            report.kept += 1
            out.append(s.model_copy(update={"text": candidate}))
    new = brief.model_copy(update={"sentences": out})
    from .render import render_markdown

    return new.model_copy(update={"markdown": render_markdown(new, story, articles)}), report
