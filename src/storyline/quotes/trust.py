"""How sure a named speaker is, in words a reader weighs the same way in the CLI, the reader and the brief.

The cut is `Settings.speaker_sure`, the lowest attribution confidence from which every level was right
at least 95 % of the time in `benchmarks/quotes.py`: above it a speaker is stated, below it the words
are "attributed to … (uncertain)", so a guess never reads like a fact.
"""

from __future__ import annotations


def is_sure(confidence: float, sure: float) -> bool:
    return confidence >= sure


def speaker_label(name: str, confidence: float, sure: float) -> str:
    """`Jane Roe (0.95)`, or `attributed to Jane Roe (uncertain, 0.60)`."""
    if is_sure(confidence, sure):
        return f"{name} ({confidence:.2f})"
    return f"attributed to {name} (uncertain, {confidence:.2f})"
