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


PLACE_LABELS = "('GPE', 'LOC', 'FAC')"  # entity labels that name places
OTHER_LABELS = "('NORP', 'LANGUAGE')"  # nationalities and languages: neither a place nor an entity to filter on


@migration("007_browse")
def _browse() -> str:
    """Indexes behind the story list's and the fact list's filters and facets, kept current by triggers (and
    backfilled now): the people, organisations and places each article names (from its annotations); each saved
    dossier's facts (status, label, claims, earliest publication), the outlets reporting each, and the entities
    and places each fact's sentences name (any alias of the story's canonical entities); per story, its outlets
    and its counts (articles, outlets, facts by status), refreshed when the story or its dossier is saved."""
    return (
        """
        CREATE TABLE article_terms (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (article_id, kind, name)
        ) WITHOUT ROWID;
        CREATE INDEX article_terms_name ON article_terms(kind, name);
        CREATE TABLE facts (
            story_id TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            n INTEGER NOT NULL,
            status TEXT NOT NULL,
            label TEXT NOT NULL,
            first TEXT,
            claims TEXT NOT NULL,
            PRIMARY KEY (story_id, fact_id)
        );
        CREATE INDEX facts_status ON facts(status, story_id);
        CREATE TABLE fact_outlets (
            story_id TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            outlet TEXT NOT NULL,
            PRIMARY KEY (story_id, fact_id, outlet)
        ) WITHOUT ROWID;
        CREATE INDEX fact_outlets_outlet ON fact_outlets(outlet);
        CREATE TABLE fact_terms (
            story_id TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (story_id, fact_id, kind, name)
        ) WITHOUT ROWID;
        CREATE INDEX fact_terms_name ON fact_terms(kind, name);
        CREATE TABLE story_outlets (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            outlet TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (story_id, outlet)
        ) WITHOUT ROWID;
        CREATE INDEX story_outlets_outlet ON story_outlets(outlet, story_id);
        CREATE TABLE story_stats (
            story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            articles INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            facts INTEGER NOT NULL,
            counts TEXT NOT NULL
        );
        """
        + _index_terms("annotations") + _index_facts_table("d.story_id", "dossiers d, ", "d.data")
        + index_story_outlets("s.id") + index_story_stats("s.id") + """
        CREATE TRIGGER article_terms_ai AFTER INSERT ON annotations BEGIN
        """ + _index_terms("(SELECT NEW.article_id AS article_id, NEW.data AS data)") + """
        END;
        CREATE TRIGGER article_terms_au AFTER UPDATE ON annotations BEGIN
            DELETE FROM article_terms WHERE article_id = OLD.article_id;
        """ + _index_terms("(SELECT NEW.article_id AS article_id, NEW.data AS data)") + """
        END;
        CREATE TRIGGER article_terms_ad AFTER DELETE ON annotations BEGIN
            DELETE FROM article_terms WHERE article_id = OLD.article_id;
        END;
        CREATE TRIGGER facts_ai AFTER INSERT ON dossiers BEGIN
        """ + _index_facts_table("NEW.story_id", "", "NEW.data") + index_story_stats("NEW.story_id") + """
        END;
        CREATE TRIGGER facts_au AFTER UPDATE ON dossiers BEGIN
        """ + _unindex_facts("OLD.story_id") + _index_facts_table("NEW.story_id", "", "NEW.data")
        + index_story_stats("NEW.story_id") + """
        END;
        CREATE TRIGGER facts_ad AFTER DELETE ON dossiers BEGIN
        """ + _unindex_facts("OLD.story_id") + index_story_stats("OLD.story_id") + """
        END;
        """
    )


def _index_terms(source: str) -> str:
    """INSERTs of the named entities of annotations rows (``source`` yields article_id and data)."""
    return (
        "INSERT OR IGNORE INTO article_terms (article_id, kind, name) "
        f"SELECT DISTINCT x.article_id, CASE WHEN json_extract(e.value, '$.label') IN {PLACE_LABELS} THEN 'place' "
        "ELSE 'entity' END, trim(coalesce(nullif(json_extract(e.value, '$.canonical'), ''), "
        "json_extract(e.value, '$.text'))) "
        f"FROM {source} x, json_each(x.data, '$.entities') e "
        f"WHERE coalesce(json_extract(e.value, '$.label'), '') NOT IN {OTHER_LABELS} "
        "AND length(trim(coalesce(json_extract(e.value, '$.text'), ''))) > 1;\n"
    )


def index_story_outlets(story_id: str) -> str:
    """Statements refreshing the outlets of the stories ``story_id`` names (``s.id``: every story; ``?``: one)."""
    where = "1" if story_id == "s.id" else f"sa.story_id = {story_id}"
    gone = "" if story_id == "s.id" else f"DELETE FROM story_outlets WHERE story_id = {story_id};\n"
    return (gone + "INSERT INTO story_outlets (story_id, outlet, articles) SELECT sa.story_id, a.outlet, count(*) "
            f"FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE {where} "
            "GROUP BY sa.story_id, a.outlet;\n")


def index_story_stats(story_id: str) -> str:
    """A statement refreshing the counts of the stories ``story_id`` names (``s.id``: every story; else one)."""
    where = "1" if story_id == "s.id" else f"s.id = {story_id}"
    gone = "" if story_id == "s.id" else f"DELETE FROM story_stats WHERE story_id = {story_id};\n"
    return (
        # delete, then insert: inside a trigger an upsert's conflict policy would override INSERT OR REPLACE
        gone + "INSERT INTO story_stats (story_id, articles, outlets, facts, counts) SELECT s.id, "
        "(SELECT count(*) FROM story_articles x WHERE x.story_id = s.id), "
        "(SELECT count(*) FROM story_outlets o WHERE o.story_id = s.id), "
        "(SELECT count(*) FROM facts f WHERE f.story_id = s.id), "
        "(SELECT coalesce(json_group_object(status, n), '{}') FROM "
        "(SELECT status, count(*) AS n FROM facts f WHERE f.story_id = s.id GROUP BY status)) "
        f"FROM stories s WHERE {where};\n"
    )


def _unindex_facts(story_id: str) -> str:
    return (f"DELETE FROM facts WHERE story_id = {story_id};\n"
            f"DELETE FROM fact_outlets WHERE story_id = {story_id};\n"
            f"DELETE FROM fact_terms WHERE story_id = {story_id};\n")


def _index_facts_table(story_id: str, source: str, data: str) -> str:
    """INSERTs of a dossier's facts, their outlets and the entities their sentences name (of a {"stories": [...]}
    dossier, its first story: the one a story's saved dossier holds)."""
    story = f"coalesce(json_extract({data}, '$.stories[0]'), {data})"
    first = ("(SELECT min(a.published) FROM json_each(f.value, '$.claims') c "
             "JOIN articles a ON a.id = json_extract(c.value, '$.article'))")
    return (
        "INSERT OR IGNORE INTO facts (story_id, fact_id, n, status, label, first, claims) "
        f"SELECT {story_id}, json_extract(f.value, '$.id'), f.key + 1, "
        "coalesce(json_extract(f.value, '$.status'), 'single_source'), coalesce(json_extract(f.value, '$.label'), ''), "
        f"{first}, coalesce(json_extract(f.value, '$.claims'), '[]') "
        f"FROM {source}json_each({story}, '$.facts') f WHERE json_extract(f.value, '$.id') IS NOT NULL "
        f"GROUP BY {story_id}, json_extract(f.value, '$.id');\n"
        "INSERT OR IGNORE INTO fact_outlets (story_id, fact_id, outlet) "
        f"SELECT {story_id}, json_extract(f.value, '$.id'), c.value "
        f"FROM {source}json_each({story}, '$.facts') f, json_each(f.value, '$.outlets') c "
        "WHERE json_extract(f.value, '$.id') IS NOT NULL UNION "
        f"SELECT {story_id}, json_extract(f.value, '$.id'), json_extract(c.value, '$.outlet') "
        f"FROM {source}json_each({story}, '$.facts') f, json_each(f.value, '$.claims') c "
        "WHERE json_extract(f.value, '$.id') IS NOT NULL AND json_extract(c.value, '$.outlet') IS NOT NULL;\n"
        "INSERT OR IGNORE INTO fact_terms (story_id, fact_id, kind, name) "
        f"SELECT DISTINCT {story_id}, json_extract(f.value, '$.id'), "
        f"CASE WHEN json_extract(e.value, '$.type') IN {PLACE_LABELS} THEN 'place' ELSE 'entity' END, "
        "json_extract(e.value, '$.name') "
        f"FROM {source}json_each({story}, '$.facts') f, json_each({story}, '$.entities') e, "
        "json_each(e.value, '$.aliases') al "
        "WHERE json_extract(f.value, '$.id') IS NOT NULL "
        f"AND coalesce(json_extract(e.value, '$.type'), '') NOT IN {OTHER_LABELS} "
        "AND json_extract(e.value, '$.name') IS NOT NULL AND length(al.value) > 1 "
        "AND EXISTS (SELECT 1 FROM json_each(f.value, '$.claims') c "
        "WHERE instr(json_extract(c.value, '$.text'), al.value) > 0);\n"
    )


@migration("008_changes")
def _changes() -> str:
    """What changed, as it was noticed (new stories, new conflicts, updated figures): read by `watch` and the web
    app's "what changed" page and feeds. ``key`` is a content hash: a change is recorded once."""
    return (
        """
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            story_id TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX changes_story ON changes(story_id);
        """
    )


@migration("009_watch")
def _watch() -> str:
    """`newsweave watch`: each polled source's validators and schedule, and every item already seen."""
    return (
        """
        CREATE TABLE watch_sources (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT,
            next_at REAL NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            last_status INTEGER,
            last_error TEXT
        );
        CREATE TABLE watch_items (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            article_id TEXT,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX watch_items_source ON watch_items(source);
        """
    )


@migration("010_story_related")
def _story_related() -> str:
    """The stories of the same thread a story links to (ids, JSON list): related events, not merged."""
    return "ALTER TABLE stories ADD COLUMN related TEXT NOT NULL DEFAULT '[]';"


@migration("011_article_claims")
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
