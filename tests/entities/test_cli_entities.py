import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.entities.canonical import canonicalize
from storyline.model import Corpus


def test_entities_lists_people_with_spellings_and_filters_by_any_alias(tmp_path, make_article, mention):
    a = make_article("Foreign Minister Dmitri Volkhov spoke. Volkhov left.", "a1", "Aldoria Today")
    b = make_article("Minister Dmitry Volkov agreed with Lena Varga.", "a2", "Nordwire")
    ms = [mention(a, "Dmitri Volkhov", role="Foreign Minister"),
          mention(a, "Volkhov", nth=1, resolved_to="Dmitri Volkhov", resolved_by="surname"),
          mention(b, "Dmitry Volkov", role="Minister"), mention(b, "Lena Varga")]
    ents, _ = canonicalize(ms, [a, b])
    (tmp_path / "analysis.json").write_text(Corpus(articles=[a, b], entities=ents).model_dump_json())
    res = CliRunner().invoke(app, ["entities", "--from", str(tmp_path), "--name", "Dmytro Volkhov", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["name"] for r in rows] == ["Dmitri Volkhov"]
    assert rows[0]["spellings"] == {"Dmitri Volkhov": 1, "Volkhov": 1, "Dmitry Volkov": 1}
    assert rows[0]["outlets"] == ["Aldoria Today", "Nordwire"] and rows[0]["articles"] == 2
    assert rows[0]["spellings_by_outlet"]["Nordwire"] == {"Dmitry Volkov": 1}
    res = CliRunner().invoke(app, ["entities", "--from", str(tmp_path)])
    assert "Varga" in res.output and "Volkhov" in res.output  # the table wraps long cells


def test_analyze_rejects_a_bad_kb_before_work(tmp_path):
    kb = tmp_path / "kb.csv"
    kb.write_text("name,type\nAnna Kowalczyk,PERSON\n")
    res = CliRunner().invoke(app, ["analyze", str(tmp_path), "--kb", str(kb), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 2 and "needs 'id'" in res.output
