"""Where reported content ends: a comma-led relative clause is the writer's addition."""

from storyline.quotes.extent import trim_trailing


def test_a_non_restrictive_relative_clause_after_the_report_is_cut(nlp):
    doc = nlp("Okafor said the port deal would cost Aldoria 40 jobs, which the ministry has denied.")
    said = next(t for t in doc if t.text == "said")
    comp = next(c for c in said.children if c.dep_ == "ccomp")
    kept = trim_trailing(list(comp.subtree))
    assert doc[kept[0].i:kept[-1].i + 1].text == "the port deal would cost Aldoria 40 jobs"


def test_a_restrictive_relative_clause_stays(nlp):
    doc = nlp("Okafor said the ministry had lost the report that described the harbour contracts.")
    said = next(t for t in doc if t.text == "said")
    comp = next(c for c in said.children if c.dep_ == "ccomp")
    toks = list(comp.subtree)
    assert trim_trailing(toks) == toks


def test_reported_clause_in_a_quote_drops_the_writers_relative_clause(quotes_of, one):
    text = ("Senator Maria Okafor said the harbour tax would double by spring, "
            "which her rivals in the assembly dispute.")
    q = one(quotes_of(text), "harbour tax would double")
    assert q.kind == "indirect" and q.speaker == "Maria Okafor"
    assert q.text == "the harbour tax would double by spring"
