import pytest

pytest.importorskip("ray")

from storyline.config import Settings  # noqa: E402
from storyline.pipeline import read_all, run_article_stages  # noqa: E402


def test_ray_executor_gives_the_same_results_as_the_local_pool(data_dir, monkeypatch):
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    docs, _ = read_all([data_dir / "mini", data_dir / "bad"])
    local, local_err = run_article_stages(docs, Settings(workers=1))
    on_ray, ray_err = run_article_stages(docs, Settings(workers=2, executor="ray"))
    assert [r.article for r in on_ray] == [r.article for r in local]
    assert [r.quotes for r in on_ray] == [r.quotes for r in local]
    assert ray_err == local_err
