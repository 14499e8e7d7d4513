import duckdb
import pytest

from storyline.store.duckdb_store import Store


def test_write_is_an_upsert_and_keeps_earlier_records(tmp_path, mini_corpus):
    db = tmp_path / "s.duckdb"
    first = mini_corpus.model_copy(update={"articles": mini_corpus.articles[:2]})
    with Store(db) as s:
        s.write(first)
        assert s.count("articles") == 2
        s.write(mini_corpus)  # a later run with more articles: nothing lost, nothing doubled
        assert s.count("articles") == len(mini_corpus.articles)
        assert s.count("quotes") == len(mini_corpus.quotes)


def test_failed_write_rolls_back(tmp_path, mini_corpus):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write(mini_corpus)
        before = s.count("articles")
        s.con.execute("DROP TABLE briefs")  # force a failure late in the transaction
        with pytest.raises(duckdb.Error):
            s.write(mini_corpus)
        assert s.count("articles") == before


def test_search_finds_quotes_and_articles_with_spans(tmp_path, mini_corpus):
    pytest.importorskip("duckdb_extension_fts")
    with Store(tmp_path / "s.duckdb") as s:
        s.write(mini_corpus)
        hits = s.search("reckless gamble")
        arts = {a.id: a for a in mini_corpus.articles}
        assert hits and hits[0].kind == "quote" and "reckless gamble" in hits[0].text
        for h in hits:
            assert arts[h.article_id].text[h.start:h.end] == h.text
        assert s.search("helicopter submarine zeppelin") == []


def test_writing_an_empty_corpus_keeps_what_was_stored(tmp_path, mini_corpus):
    # regression: a run where every input failed crashed in executemany([])
    from storyline.model import Corpus

    with Store(tmp_path / "s.duckdb") as s:
        s.write(mini_corpus)
        s.write(Corpus())
        assert s.count("articles") == len(mini_corpus.articles)
