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


def test_bulk_upsert_keeps_text_records_and_the_last_of_a_repeated_key(tmp_path, mini_corpus):
    """The set-based write must store what row-by-row upserts stored: awkward text intact, records
    as JSON objects, and a key given twice in one batch (one span claimed by two entities) once."""
    article = mini_corpus.articles[0]
    tricky = article.model_copy(update={"title": 'He said: "no"\n\t— «oui» \\ done', "id": "tricky"})
    entities = mini_corpus.entities[:2]
    span = entities[0].mentions[0]
    second = entities[1].model_copy(update={"mentions": [span]})
    corpus = mini_corpus.model_copy(update={"articles": [tricky], "entities": [entities[0], second]})
    with Store(tmp_path / "s.duckdb") as s:
        s.write(corpus)
        assert s.con.execute("SELECT title FROM articles WHERE id = 'tricky'").fetchone()[0] == tricky.title
        assert s.con.execute("SELECT json_type(record) FROM articles").fetchone()[0] == "OBJECT"
        owners = s.con.execute("SELECT entity_id FROM mentions WHERE article_id = ? AND start_char = ? "
                               "AND end_char = ?", [span.article_id, span.start, span.end]).fetchall()
        assert owners == [(second.id,)]
        assert s.con.execute("SELECT aliases FROM entities WHERE id = ?", [entities[0].id]).fetchone()[0] \
            == list(entities[0].aliases)
