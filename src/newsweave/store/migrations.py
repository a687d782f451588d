"""Schema migrations as registered functions (each returns its SQL), recorded in a table; re-running is safe."""
from __future__ import annotations

import sqlite3
from typing import Callable

MIGRATIONS: list[tuple[str, Callable[[], str]]] = []


def migration(name: str):
    def register(fn: Callable[[], str]):
        MIGRATIONS.append((name, fn))
        return fn

    return register


@migration("001_articles")
def _articles() -> str:
    return (
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            outlet TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            original TEXT NOT NULL,
            segments TEXT NOT NULL,
            published TEXT,
            language TEXT,
            url TEXT,
            path TEXT,
            author TEXT,
            source_format TEXT NOT NULL,
            inferred TEXT NOT NULL,
            summary_only INTEGER NOT NULL DEFAULT 0,
            copy_of TEXT REFERENCES articles(id),
            extra TEXT NOT NULL,
            minhash BLOB,
            seq INTEGER NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_seq ON articles(seq);
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,
            key TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX lsh_bands_key ON lsh_bands(band, key);
        """
    )


@migration("002_annotations")
def _annotations() -> str:
    return (
        """
        CREATE TABLE annotations (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            data TEXT NOT NULL
        );
        """
    )


@migration("003_stories")
def _stories() -> str:
    return (
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            first TEXT,
            last TEXT,
            entities TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (story_id, article_id)
        );
        CREATE INDEX story_articles_article ON story_articles(article_id);
        CREATE TABLE dossiers (
            story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            data TEXT NOT NULL
        );
        """
    )



@migration("004_search")
def _search() -> str:
    """FTS5 indexes over articles and dossier facts, kept current by triggers (and backfilled now)."""
    return (
        """
        CREATE VIRTUAL TABLE search_articles USING fts5(
            article_id UNINDEXED, outlet, title, text, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE search_facts USING fts5(
            story_id UNINDEXED, fact_id UNINDEXED, status UNINDEXED, label, text,
            tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO search_articles (article_id, outlet, title, text) SELECT id, outlet, title, text FROM articles;
        """
        + _index_facts("d.story_id", "dossiers d, ", "d.data") + """
        CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO search_articles (article_id, outlet, title, text)
            VALUES (NEW.id, NEW.outlet, NEW.title, NEW.text);
        END;
        CREATE TRIGGER search_articles_au AFTER UPDATE OF outlet, title, text ON articles BEGIN
            DELETE FROM search_articles WHERE article_id = OLD.id;
            INSERT INTO search_articles (article_id, outlet, title, text)
            VALUES (NEW.id, NEW.outlet, NEW.title, NEW.text);
        END;
        CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
            DELETE FROM search_articles WHERE article_id = OLD.id;
        END;
        CREATE TRIGGER search_facts_ai AFTER INSERT ON dossiers BEGIN
        """ + _index_facts("NEW.story_id", "", "NEW.data") + """
        END;
        CREATE TRIGGER search_facts_au AFTER UPDATE ON dossiers BEGIN
            DELETE FROM search_facts WHERE story_id = OLD.story_id;
        """ + _index_facts("NEW.story_id", "", "NEW.data") + """
        END;
        CREATE TRIGGER search_facts_ad AFTER DELETE ON dossiers BEGIN
            DELETE FROM search_facts WHERE story_id = OLD.story_id;
        END;
        """
    )


def _index_facts(story_id: str, source: str, data: str) -> str:
    """INSERTs indexing the facts of a dossier (a {"stories": [...]} dossier or one story with "facts")."""
    columns = (
        f"SELECT {story_id}, json_extract(f.value, '$.id'), json_extract(f.value, '$.status'), "
        "coalesce(json_extract(f.value, '$.label'), ''), coalesce(json_extract(f.value, '$.explanation'), '') || ' ' || "
        "coalesce((SELECT group_concat(json_extract(c.value, '$.text'), ' ') FROM json_each(f.value, '$.claims') c), '') "
    )
    head = "INSERT INTO search_facts (story_id, fact_id, status, label, text) "
    return (
        f"{head}{columns}FROM {source}json_each({data}, '$.stories') s, json_each(s.value, '$.facts') f;\n"
        f"{head}{columns}FROM {source}json_each({data}, '$.facts') f;\n"
    )


@migration("005_cluster_state")
def _cluster_state() -> str:
    """Snapshot of the story clusterer's active window (zlib-compressed JSON), by name."""
    return (
        """
        CREATE TABLE cluster_state (
            name TEXT PRIMARY KEY,
            data BLOB NOT NULL
        );
        """
    )


@migration("006_story_origin")
def _story_origin() -> str:
    """Who made a story: the clusterer, or a `compare --store` run (which recluster must keep)."""
    return "ALTER TABLE stories ADD COLUMN origin TEXT NOT NULL DEFAULT 'cluster';"


@migration("007_article_claims")
def _article_claims() -> str:
    """Each article's claims with the embeddings and parses of their texts (``ArticleClaims``), computed when it is
    added; dropped when its annotations change (they were computed from them)."""
    return (
        """
        CREATE TABLE article_claims (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            stamp TEXT NOT NULL,
            claims TEXT NOT NULL,
            embedder TEXT NOT NULL,
            embedded TEXT NOT NULL,
            vectors BLOB NOT NULL,
            parses BLOB NOT NULL
        );
        CREATE TRIGGER article_claims_stale AFTER UPDATE ON annotations BEGIN
            DELETE FROM article_claims WHERE article_id = OLD.article_id;
        END;
        """
    )


def apply(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        # one script inside one transaction: a migration is applied whole or not at all
        conn.executescript(
            "BEGIN;\n" + fn() + f"\nINSERT INTO migrations VALUES ('{name}', datetime('now'));\nCOMMIT;"
        )
        applied.append(name)
    return applied
