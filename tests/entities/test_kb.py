import json

import pytest

from storyline.entities.kb import KBError, load_kb


def test_csv_and_jsonl_link_precisely(tmp_path):
    csv = tmp_path / "kb.csv"
    csv.write_text("id,name,type,aliases,roles\nQ1,Anna Kowalczyk,PERSON,Ana Kovalchik,defence minister\n"
                   "Q2,Anna Kowalska,PERSON,,\nQ3,Kyiv,GPE,Kiev|Kiew,\n", encoding="utf-8")
    kb = load_kb(csv)
    assert kb.link(["Anna Kovalczyk", "Kowalczyk"], "PERSON").id == "Q1"
    assert kb.link(["Kiew"], "GPE").id == "Q3"
    assert kb.link(["Kowalczyk"], "PERSON") is None  # a bare surname never links
    jl = tmp_path / "kb.jsonl"
    jl.write_text(json.dumps({"id": "Q9", "name": "Dmitri Volkhov", "aliases": ["Dmitry Volkov"]}) + "\n")
    assert load_kb(jl).link(["Dmytro Volkhov"], "PERSON").id == "Q9"


def test_bad_kb_names_file_and_line(tmp_path):
    jl = tmp_path / "kb.jsonl"
    jl.write_text('{"id": "Q1", "name": "X Y"}\n{broken\n')
    with pytest.raises(KBError, match="kb.jsonl:2"):
        load_kb(jl)
    with pytest.raises(KBError, match="not found"):
        load_kb(tmp_path / "missing.csv")
