"""Shared text helpers."""

from __future__ import annotations

import random

import pytest

from storyline.text.words import jaccard, jaccard_neighbours, words


@pytest.mark.parametrize("threshold", [0.1, 0.25, 0.5, 0.9, 1.0])
def test_jaccard_neighbours_equals_all_pairs(threshold):
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(60)]
    sets = [set(rng.sample(vocab, rng.randint(1, 12))) for _ in range(300)] + [set(), {"w1"}, {"w1"}]
    brute = [[j for j in range(len(sets)) if j != i and jaccard(sets[i], sets[j]) >= threshold]
             for i in range(len(sets))]
    assert jaccard_neighbours(sets, threshold) == brute


def test_sentences_of_two_outlets_about_one_event_are_neighbours():
    a = words("Defence ministers from 18 countries agreed in principle on Friday to send a mission.")
    b = words("The defence ministers of 18 countries agreed on Friday in principle on a mission.")
    c = words("Grain exports through Port Selvik remain blocked, farmers in Brask said.")
    assert jaccard_neighbours([a, b, c], 0.25) == [[1], [0], []]
