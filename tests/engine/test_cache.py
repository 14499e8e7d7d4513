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


def test_same_files_in_a_renamed_folder_hit_the_cache_under_their_new_ids(tmp_path, data_dir, monkeypatch):
    docs, _ = read_all([data_dir / "mini"])
    settings = Settings(workers=1)
    first, _ = run_article_stages(docs, settings, cache_dir=tmp_path / "cache")
    moved = [replace(d, source=d.source.replace("mini", "renamed-folder")) for d in docs]

    calls = []
    real_task = pipeline._task
    monkeypatch.setattr(pipeline, "_task", lambda chunk: calls.extend(d.source for _, d in chunk) or real_task(chunk))
    hits, _ = run_article_stages(moved, settings, cache_dir=tmp_path / "cache")
    assert calls == []  # nothing analysed again
    fresh, _ = run_article_stages(moved, settings)  # what analysing the moved files gives
    assert [r.article.source for r in hits] == [d.source for d in moved]
    assert [r.article.id for r in hits] != [r.article.id for r in first]
    for got, want in zip(hits, fresh, strict=True):
        assert got == want  # ids of quotes, claims, times and every span rebuilt as a fresh run makes them


def test_a_date_in_the_path_is_part_of_the_cache_key(tmp_path, data_dir, monkeypatch):
    docs, _ = read_all([data_dir / "mini"])
    doc = next(d for d in docs if "18 countries" in d.content)
    settings = Settings(workers=1)
    run_article_stages([doc], settings, cache_dir=tmp_path)
    calls = []
    real_task = pipeline._task
    monkeypatch.setattr(pipeline, "_task", lambda chunk: calls.extend(d.source for _, d in chunk) or real_task(chunk))
    dated = replace(doc, source=str(tmp_path / "2019-03-04-report.txt"))
    run_article_stages([dated], settings, cache_dir=tmp_path)
    assert calls == [dated.source]  # its publication date may come from the path: analysed again
