"""Copies and rewrites are linked to their original; independent reports of one event are not."""

from __future__ import annotations

from storyline.ingest.dedup import find_duplicates
from storyline.model import Article, Provenance

WIRE = """\
VISBY, May 2 (Baltic Wire) - The ferry route between Visby and Kalmar reopened on Friday after two weeks of repairs to the harbour crane, the operator said in a statement.

About 40 sailings a week are planned for the summer season, up from 32 last year, and the first ship left Visby at 7 a.m. with 600 passengers on board.

The operator said ticket prices would stay at last year's level until the end of June, but warned that fuel costs could force an increase later in the summer.

Local businesses had complained that the closure cost them thousands of visitors during the Easter holidays, when the island usually fills up."""

REWRITE = """\
The ferry between Kalmar and Visby is running again. The connection resumed on Friday once repairs to the crane in the harbour, which took two weeks, were finished, according to the operator.

For the summer the operator plans about 40 sailings each week, compared with 32 a year ago. The first ship of the season left Visby at seven in the morning carrying 600 passengers.

Prices for tickets will not change from last year until the end of June, the operator said, although higher fuel costs may mean an increase later in the summer.

Shops and hotels on the island had said that the closure kept thousands of visitors away over the Easter holidays, normally a busy time."""

INDEPENDENT = """\
Passengers queued at Kalmar harbour on Friday morning as the first ferry to Gotland in two weeks prepared to leave, many of them islanders returning from the mainland.

"We have been stuck here since Easter," said Maria Lind, a teacher from Visby who had travelled to her mother's funeral. "I just want to get home."

Harbour staff said the repaired crane had passed its safety inspection on Thursday evening, but that a second crane would need work in the autumn.

The regional council has asked the government for help to build a backup crane so that one fault cannot close the island's main link again."""


def art(aid: str, text: str, published: str, syndicated: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, published=published,
                   provenance=Provenance(syndicated_from=syndicated), language="en")


def by_id(arts):
    return {a.id: a for a in arts}


def test_exact_copy_points_at_the_earliest_original():
    out = by_id(find_duplicates([art("copy", WIRE, "2024-05-03"), art("wire", WIRE, "2024-05-02")]))
    assert out["copy"].duplicate_of == "wire" and out["wire"].duplicate_of is None


def test_same_day_copy_crediting_the_wire_is_the_copy():
    out = by_id(find_duplicates([art("a-paper", WIRE, "2024-05-02", syndicated="Baltic Wire"),
                                 art("z-wire", WIRE, "2024-05-02")]))
    assert out["a-paper"].duplicate_of == "z-wire" and out["z-wire"].duplicate_of is None


def test_near_duplicate_with_small_edits():
    edited = WIRE.replace("VISBY, May 2 (Baltic Wire) - ", "").replace("600 passengers", "about 600 passengers")
    out = by_id(find_duplicates([art("wire", WIRE, "2024-05-02"), art("paper", edited + "\n\nPhoto: archive", "2024-05-03")]))
    assert out["paper"].duplicate_of == "wire"


def test_rewrite_is_linked_with_an_overlap_score():
    out = by_id(find_duplicates([art("wire", WIRE, "2024-05-02"), art("rewrite", REWRITE, "2024-05-03")]))
    assert out["rewrite"].rewrite_of == "wire" and out["rewrite"].duplicate_of is None
    assert 0 < out["rewrite"].rewrite_overlap < 1


def test_independent_report_of_the_same_event_is_not_a_rewrite():
    out = by_id(find_duplicates([art("wire", WIRE, "2024-05-02"), art("own", INDEPENDENT, "2024-05-02")]))
    assert out["own"].rewrite_of is None and out["own"].duplicate_of is None


def test_non_english_articles_are_deduplicated_too():
    de = ("Die Fähre zwischen Visby und Kalmar fährt nach zweiwöchigen Reparaturen am Hafenkran seit Freitag "
          "wieder, teilte der Betreiber mit.\n\nIm Sommer sind etwa 40 Abfahrten pro Woche geplant.")
    out = by_id(find_duplicates([Article(id="a", source="a.txt", text=de, language="de", published="2024-05-02"),
                                 Article(id="b", source="b.txt", text=de, language="de", published="2024-05-03")]))
    assert out["b"].duplicate_of == "a"


def test_paragraph_alignment_is_only_tried_on_articles_sharing_content_words(monkeypatch):
    """Regression: every new article was aligned paragraph by paragraph with every earlier one."""
    import storyline.ingest.dedup as dedup

    import random

    rng = random.Random(5)
    syllables = ["ka", "lo", "mer", "tis", "van", "dru", "pel", "sor", "gin", "hal", "bre", "nud"]
    others = []
    for i in range(18):  # unrelated reports: each with its own vocabulary
        vocab = ["".join(rng.choices(syllables, k=3)) for _ in range(40)]
        paras = [" ".join(rng.choices(vocab, k=25)).capitalize() + "." for _ in range(4)]
        others.append(art(f"x{i}", "\n\n".join(paras), "2025-04-01"))
    calls = []
    real = dedup.rewrite_score
    monkeypatch.setattr(dedup, "rewrite_score", lambda a, b: calls.append(1) or real(a, b))
    out = {a.id: a for a in find_duplicates([art("w", WIRE, "2025-05-02"), *others, art("r", REWRITE, "2025-05-03")])}
    assert out["r"].rewrite_of == "w"
    assert len(calls) < 40  # all pairs would be 20 * 19 / 2 = 190
