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
