from storyline.brief.facts import counts, same_fact
from storyline.text.words import content_words


def _same(a: str, b: str) -> bool:
    return same_fact(content_words(a), content_words(b), a_counts=counts(a), b_counts=counts(b))


def test_two_outlets_counting_the_same_dead_alike_state_one_fact():
    """Seen on real wire copy: four bullets told "three people died in the bank fire" in four wordings."""
    a = "Three people, one of them a clerk, were killed when protesters threw petrol bombs at a bank in Varno."
    b = "3 people died in a burning bank as thousands of protesters marched through Varno during a strike."
    assert counts(a) & counts(b) == {("3", "people")}
    assert _same(a, b)


def test_the_same_count_of_other_things_is_no_reason_to_merge():
    a = "Three people were killed when a bank in Varno was set on fire during the strike."
    b = "Two ministers resigned on Friday over the handling of the strike in the capital."
    assert not counts(a) & counts(b) and not _same(a, b)
