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
    monkeypatch.setattr(pipeline, "_task", lambda chunk: calls.extend(d.source for _, d in chunk) or real_task(chunk))
    again, _ = run_article_stages(docs, settings, cache_dir=tmp_path)
    assert calls == []
    assert [r.article for r in again] == [r.article for r in first]

    k = next(i for i, d in enumerate(docs) if "18 countries" in d.content)
    edited = list(docs)
    edited[k] = replace(docs[k], content=docs[k].content.replace("18 countries", "19 countries"))
    third, _ = run_article_stages(edited, settings, cache_dir=tmp_path)
    assert calls == [docs[k].source]
    assert "19 countries" in third[k].article.text
