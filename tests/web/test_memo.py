"""The memo behind the API's kept answers: one computation per key, bounded, failures not kept."""

import threading

import pytest

from storyline.web.memo import Memo


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_an_answer_is_computed_once_and_kept():
    memo = Memo(4)
    compute, calls = counting(["hit"])
    first = memo.get(("grain", 20), compute)
    assert memo.get(("grain", 20), compute) is first and len(calls) == 1
    assert memo.get(("grain", 5), compute) == ["hit"] and len(calls) == 2  # the limit is part of the key


def test_none_and_failures_are_not_kept():
    memo = Memo(4)
    compute, calls = counting(None)
    assert memo.get("k", compute) is None and memo.get("k", compute) is None
    assert len(calls) == 2 and len(memo) == 0

    def broken():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        memo.get("k", broken)
    assert memo.get("k", lambda: "back") == "back"


def test_the_least_recently_used_answer_goes_first():
    memo = Memo(2)
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.get("a", lambda: 0)  # "a" used again: "b" is now the oldest
    memo.get("c", lambda: 3)
    assert len(memo) == 2
    assert memo.get("a", lambda: "recomputed") == 1
    assert memo.get("b", lambda: "recomputed") == "recomputed"


def test_concurrent_askers_of_one_key_share_one_computation():
    memo = Memo(8)
    release = threading.Event()
    calls = []

    def slow():
        calls.append(1)
        release.wait(5)  # held until every thread has asked (or the wait gives up)
        return ["the hits"]

    started = threading.Barrier(21)
    got = []

    def ask():
        started.wait()
        got.append(memo.get("q", slow))

    threads = [threading.Thread(target=ask) for _ in range(20)]
    for t in threads:
        t.start()
    started.wait()
    release.set()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(got) == 20 and all(g is got[0] for g in got)


def test_a_memo_keeps_at_least_one_answer():
    with pytest.raises(ValueError):
        Memo(0)
