"""FTS5 search: the migration indexes articles and dossier facts; any user text is a safe query."""
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.models import Article, Story
from newsweave.store import open_store
from newsweave.store.sqlite import fts_query


def _store():
    store = open_store(":memory:")
    store.add_article(Article(id="a1", outlet="Kyiv Independent", title="Prisoners talk",
                              text="Prisoners talk\n\nThe prisoners spoke through Korean interpreters."))
    store.save_story(Story(id="s1", title="t", first=None, last=None, article_ids=("a1",)))
    store.save_dossier("s1", {"schema": "newsweave.dossier/1", "stories": [{"id": "x", "facts": [
        {"id": "f1", "status": "corroborated", "label": "Interpreters", "explanation": "Both say so.",
         "claims": [{"text": "Korean interpreters were used."}, {"text": "Interpreters helped."}]}]}]})
    return store


STORE = _store()


def test_articles_and_facts_are_indexed_and_updated():
    store = _store()
    found = store.search("interpreter")
    assert [a["article_id"] for a in found["articles"]] == ["a1"]
    assert [(f["story_id"], f["fact_id"], f["status"]) for f in found["facts"]] == [("s1", "f1", "corroborated")]
    store.save_dossier("s1", {"facts": [{"id": "f2", "status": "single_source", "claims": [{"text": "Drones"}]}]})
    assert store.search("interpreters")["facts"] == []
    assert [f["fact_id"] for f in store.search("drones")["facts"]] == ["f2"]
    store.delete_story("s1")
    assert store.search("drones")["facts"] == []


def test_search_is_accent_and_case_insensitive():
    store = open_store(":memory:")
    store.add_article(Article(id="b", outlet="O", title="Zelenskyy à Kyiv", text="Zelenskyy à Kyiv\n\nKÝIV today"))
    assert store.search("kyiv")["articles"] and store.search("zelensk")["articles"]


def test_migration_backfills_existing_rows(tmp_path):
    import sqlite3

    from newsweave.store import migrations

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in migrations.MIGRATIONS:
        if name < "004":
            conn.executescript(fn())
            conn.execute("INSERT INTO migrations VALUES (?, 'x')", (name,))
    conn.execute("INSERT INTO articles (id, outlet, title, text, original, segments, source_format, inferred, extra, "
                 "seq) VALUES ('old', 'O', 'Old', 'ancient harbour text', '', '[]', 'text', '[]', '{}', 1)")
    conn.close()
    store = open_store(str(db))
    assert [a["article_id"] for a in store.search("harbour")["articles"]] == ["old"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(text):
    query = fts_query(text)
    assert query.count('"') % 2 == 0
    result = STORE.search(text)
    assert set(result) == {"articles", "facts"}
