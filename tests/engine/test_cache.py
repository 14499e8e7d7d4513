from dataclasses import replace

import storyline.pipeline as pipeline
from storyline.config import Settings
from storyline.pipeline import read_all, run_article_stages


def test_second_run_reuses_results_and_changed_input_is_reanalysed(tmp_path, data_dir, monkeypatch):
    docs, _ = read_all([data_dir / "mini"])
    settings = Settings(workers=1)
    first, errors = run_article_stages(docs, settings, cache_dir=tmp_path)
    assert not errors and len(first) == len(docs)

    calls = []
    real_task = pipeline._task
    monkeypatch.setattr(pipeline, "_task", lambda item: calls.append(item[1].source) or real_task(item))
    again, _ = run_article_stages(docs, settings, cache_dir=tmp_path)
    assert calls == []
    assert [r.article for r in again] == [r.article for r in first]

    edited = [replace(docs[0], content=docs[0].content.replace("18 countries", "19 countries")), *docs[1:]]
    third, _ = run_article_stages(edited, settings, cache_dir=tmp_path)
    assert calls == [docs[0].source]
    assert "19 countries" in third[0].article.text
