"""SQLite store: WAL mode, migrations, one transaction per write."""
from __future__ import annotations

import itertools

import json
import re
import sqlite3
from array import array
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import NotFound, StoreError
from ..models import Annotations, Article, ArticleClaims, Claim, Segment, Story, content_hash
from . import migrations
from .base import Store
from .browse import BrowseQueries
from .tracking import TrackingQueries

_ARTICLE_COLUMNS = (
    "id, outlet, title, text, original, segments, published, language, url, path, author, "
    "source_format, inferred, summary_only, copy_of, extra"
)
_SERIALS = itertools.count(1)
_CHUNK = 500  # ids per IN (...) query: well under SQLite's host-parameter limit (999 on old builds)


class SQLiteStore(BrowseQueries, TrackingQueries, Store):
    def __init__(self, path: str | Path, timeout: float = 30.0, create: bool = True):
        self.path = str(path)
        self._serial = next(_SERIALS)  # never reused in a process, unlike id(self)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store (`newsweave add` creates one; check --db)")
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                        check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            migrations.apply(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def revision(self) -> tuple:
        """Changes whenever the database may have changed: rows this connection wrote (total_changes) and commits
        by any other connection (PRAGMA data_version); the object itself tells two stores apart."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return (self._serial, self.path, version, self.conn.total_changes)

    def transaction(self):
        return _Transaction(self.conn)

    _tx = transaction

    # ------------------------------------------------------------------ articles
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, minhash: Sequence[int] | None = None,
                    bands: Iterable[tuple[int, str]] = ()) -> bool:
        with self._tx():
            if self.has_article(article.id):
                return False
            seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            blob = array("Q", [int(v) for v in minhash]).tobytes() if minhash is not None else None
            self.conn.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, minhash, seq) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                _article_row(article) + (blob, seq),
            )
            self.conn.executemany(
                "INSERT INTO lsh_bands (band, key, article_id) VALUES (?, ?, ?)",
                [(band, key, article.id) for band, key in bands],
            )
        return True

    def get_article(self, article_id: str) -> Article:
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? ORDER BY id != ?, id LIMIT 2",
            (*_prefix_range(article_id), article_id),
        ).fetchall()
        if not rows:
            raise NotFound(f"no article with id {article_id!r}")
        if len(rows) > 1 and rows[0]["id"] != article_id:
            raise NotFound(f"article id prefix {article_id!r} is ambiguous")
        return _article_from_row(rows[0])

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Every article in arrival order, or those with these exact ids in the order asked (unknown ids skipped)."""
        if ids is None:
            rows = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq").fetchall()
            return [_article_from_row(r) for r in rows]
        rows = self._rows_by_id(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({{}})", ids)
        return [_article_from_row(rows[i]) for i in ids if i in rows]

    def articles_at(self, paths: Sequence[str]) -> list[Article]:
        unique = list(dict.fromkeys(paths))[:_CHUNK]
        if not unique:
            return []
        marks = ",".join("?" * len(unique))
        rows = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE path IN ({marks}) ORDER BY seq",
                                 unique).fetchall()
        return [_article_from_row(r) for r in rows]

    def article_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def _rows_by_id(self, sql: str, ids: Sequence[str], key: str = "id") -> dict[str, sqlite3.Row]:
        """Run ``sql`` (whose ``{}`` takes the placeholders) over ``ids`` in chunks: rows keyed by ``key``."""
        unique = list(dict.fromkeys(ids))
        found: dict[str, sqlite3.Row] = {}
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i:i + _CHUNK]
            for row in self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk):
                found[row[key]] = row
        return found

    def unassigned_articles(self) -> list[tuple[str, int]]:
        rows = self.conn.execute(
            "SELECT id, seq FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY seq").fetchall()
        return [(r["id"], r["seq"]) for r in rows]

    def last_seq(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]

    def translation_candidates(self, language: str, published: str | None, days: float,
                               limit: int) -> list[Article]:
        if published:
            at = (published or "")[:10]
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE language IS NOT NULL AND language != ? "
                "AND copy_of IS NULL AND published IS NOT NULL AND julianday(substr(published, 1, 10)) "
                "BETWEEN julianday(?) - ? AND julianday(?) + ? ORDER BY seq DESC LIMIT ?",
                (language, at, days, at, days, limit)).fetchall()
        else:
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE language IS NOT NULL AND language != ? "
                "AND copy_of IS NULL AND published IS NULL ORDER BY seq DESC LIMIT ?", (language, limit)).fetchall()
        return [_article_from_row(r) for r in rows]

    def copy_candidates(self, bands: Iterable[tuple[int, str]]) -> list[tuple[str, list[int]]]:
        found: dict[str, list[int]] = {}
        for band, key in bands:
            rows = self.conn.execute(
                "SELECT a.id, a.minhash FROM lsh_bands b JOIN articles a ON a.id = b.article_id "
                "WHERE b.band = ? AND b.key = ? ORDER BY a.seq",
                (band, key),
            ).fetchall()
            for row in rows:
                if row["id"] not in found and row["minhash"] is not None:
                    found[row["id"]] = list(array("Q", row["minhash"]))
        return list(found.items())

    # ------------------------------------------------------------------ annotations
    def save_annotations(self, annotations: Annotations) -> None:
        data = json.dumps(annotations.to_dict(), ensure_ascii=False, sort_keys=True)
        with self._tx():
            self.conn.execute(
                "INSERT INTO annotations (article_id, data) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET data = excluded.data",
                (annotations.article_id, data),
            )

    def get_annotations(self, article_id: str) -> Annotations | None:
        row = self.conn.execute("SELECT data FROM annotations WHERE article_id = ?", (article_id,)).fetchone()
        return Annotations.from_dict(json.loads(row["data"])) if row else None

    def annotations(self, ids: Sequence[str]) -> dict[str, Annotations]:
        rows = self._rows_by_id("SELECT article_id, data FROM annotations WHERE article_id IN ({})", ids,
                                key="article_id")
        return {i: Annotations.from_dict(json.loads(r["data"])) for i, r in rows.items()}

    def annotation_digests(self, ids: Sequence[str]) -> dict[str, str]:
        rows = self._rows_by_id("SELECT article_id, data FROM annotations WHERE article_id IN ({})", ids,
                                key="article_id")
        return {i: content_hash(r["data"]) for i, r in rows.items()}

    # ------------------------------------------------------------------ prepared claims
    def save_article_claims(self, item: ArticleClaims) -> None:
        claims = json.dumps([c.to_dict() for c in item.claims], ensure_ascii=False, sort_keys=True)
        with self._tx():
            self.conn.execute(
                "INSERT INTO article_claims (article_id, stamp, claims, embedder, embedded, vectors, parses) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE SET stamp=excluded.stamp, "
                "claims=excluded.claims, embedder=excluded.embedder, embedded=excluded.embedded, "
                "vectors=excluded.vectors, parses=excluded.parses",
                (item.article_id, item.stamp, claims, item.embedder, json.dumps(list(item.embedded), ensure_ascii=False),
                 sqlite3.Binary(item.vectors), sqlite3.Binary(item.parses)),
            )

    def article_claims(self, ids: Sequence[str]) -> dict[str, ArticleClaims]:
        rows = self._rows_by_id("SELECT * FROM article_claims WHERE article_id IN ({})", ids, key="article_id")
        return {i: ArticleClaims(article_id=i, stamp=r["stamp"],
                                 claims=tuple(Claim.from_dict(c) for c in json.loads(r["claims"])),
                                 embedder=r["embedder"], embedded=tuple(json.loads(r["embedded"])),
                                 vectors=bytes(r["vectors"]), parses=bytes(r["parses"]))
                for i, r in rows.items()}

    # ------------------------------------------------------------------ stories and dossiers
    def save_story(self, story: Story) -> None:
        with self._tx():
            self.conn.execute(
                "INSERT INTO stories (id, title, first, last, entities, origin, related) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET title=excluded.title, first=excluded.first, "
                "last=excluded.last, entities=excluded.entities, origin=excluded.origin, related=excluded.related",
                (story.id, story.title, story.first, story.last, json.dumps(list(story.entities)), story.origin,
                 json.dumps(list(story.related))),
            )
            self.conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
            scores = list(story.scores) + [1.0] * (len(story.article_ids) - len(story.scores))
            self.conn.executemany(
                "INSERT INTO story_articles (story_id, article_id, score, position) VALUES (?,?,?,?)",
                [(story.id, a, s, i) for i, (a, s) in enumerate(zip(story.article_ids, scores))],
            )
            self._index_story(story.id)

    def stories(self) -> list[Story]:
        """Every story, by first date then id (two queries, however many stories)."""
        members: dict[str, list[sqlite3.Row]] = {}
        for m in self.conn.execute("SELECT story_id, article_id, score FROM story_articles "
                                   "ORDER BY story_id, position"):
            members.setdefault(m["story_id"], []).append(m)
        rows = self.conn.execute("SELECT * FROM stories ORDER BY first, id").fetchall()
        return [_story_from_rows(r, members.get(r["id"], [])) for r in rows]

    def get_story(self, story_id: str) -> Story:
        rows = self.conn.execute(
            "SELECT * FROM stories WHERE id >= ? AND id < ? ORDER BY id != ?, id LIMIT 2",
            (*_prefix_range(story_id), story_id)
        ).fetchall()
        if not rows:
            raise NotFound(f"no story with id {story_id!r}")
        if len(rows) > 1 and rows[0]["id"] != story_id:
            raise NotFound(f"story id prefix {story_id!r} is ambiguous")
        row = rows[0]
        members = self.conn.execute(
            "SELECT article_id, score FROM story_articles WHERE story_id = ? ORDER BY position", (row["id"],)
        ).fetchall()
        return _story_from_rows(row, members)

    def delete_story(self, story_id: str) -> None:
        with self._tx():
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def save_dossier(self, story_id: str, dossier: dict[str, Any]) -> None:
        data = json.dumps(dossier, ensure_ascii=False, sort_keys=True)
        with self._tx():
            self.conn.execute(
                "INSERT INTO dossiers (story_id, data) VALUES (?, ?) "
                "ON CONFLICT(story_id) DO UPDATE SET data = excluded.data",
                (story_id, data),
            )

    def get_dossier(self, story_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM dossiers WHERE story_id = ?", (story_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    # ------------------------------------------------------------------ clusterer state
    def save_cluster_state(self, name: str, data: bytes) -> None:
        with self._tx():
            self.conn.execute(
                "INSERT INTO cluster_state (name, data) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET data = excluded.data",
                (name, sqlite3.Binary(data)),
            )

    def get_cluster_state(self, name: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM cluster_state WHERE name = ?", (name,)).fetchone()
        return bytes(row["data"]) if row else None

    def delete_cluster_state(self, name: str) -> None:
        with self._tx():
            self.conn.execute("DELETE FROM cluster_state WHERE name = ?", (name,))


    # ------------------------------------------------------------------ search and change tracking
    def search(self, query: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        match = fts_query(query)
        if not match:
            return {"articles": [], "facts": []}
        articles = self.conn.execute(
            "SELECT article_id, outlet, title, snippet(search_articles, 3, char(2), char(3), '…', 16) AS snippet "
            "FROM search_articles WHERE search_articles MATCH ? ORDER BY rank LIMIT ?", (match, limit),
        ).fetchall()
        facts = self.conn.execute(
            "SELECT story_id, fact_id, status, label, snippet(search_facts, 4, char(2), char(3), '…', 16) AS snippet "
            "FROM search_facts WHERE search_facts MATCH ? ORDER BY rank LIMIT ?", (match, limit),
        ).fetchall()
        return {"articles": [dict(r) for r in articles], "facts": [dict(r) for r in facts]}

    def recent_articles(self, limit: int = 20) -> list[Article]:
        """The most recently added articles, newest first."""
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_article_from_row(r) for r in rows]

    def article_refs(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Light article summaries (no text) in the order of ``ids``; unknown ids are skipped."""
        rows = self._rows_by_id("SELECT id, outlet, title, published, url, path FROM articles WHERE id IN ({})", ids)
        return [dict(rows[i]) for i in ids if i in rows]

    def change_state(self) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COALESCE(MAX(seq), 0) FROM articles) AS seq, "
            "(SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM story_articles) AS members, "
            "(SELECT COUNT(*) FROM dossiers) AS dossiers, "
            "(SELECT COALESCE(SUM(length(data)), 0) FROM dossiers) AS dossier_bytes"
        ).fetchone()
        state = dict(row)
        keys = ("articles", "seq", "stories", "members", "dossiers", "dossier_bytes")
        state["state"] = "-".join(str(state[k]) for k in keys)
        return state


def fts_query(text: str, max_terms: int = 16) -> str:
    """User text -> a safe FTS5 query: every word quoted, prefix-matched, all required (no operators pass)."""
    words = re.findall(r"\w+", text or "", re.UNICODE)[:max_terms]
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception. Nested use joins the outer transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self):
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if not self.outer:
            return False
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
        return False


def _prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds of the ids starting with ``prefix`` (an index range, case-sensitive, no wildcard characters); an
    empty prefix matches nothing."""
    return (prefix, prefix + "\U0010ffff") if prefix else ("\U0010ffff", "")


def _story_from_rows(row: sqlite3.Row, members: Sequence[sqlite3.Row]) -> Story:
    return Story(
        id=row["id"], title=row["title"], first=row["first"], last=row["last"],
        article_ids=tuple(m["article_id"] for m in members),
        scores=tuple(m["score"] for m in members),
        entities=tuple(json.loads(row["entities"])), origin=row["origin"], related=tuple(json.loads(row["related"])),
    )


def _article_row(a: Article) -> tuple:
    return (
        a.id, a.outlet, a.title, a.text, a.original,
        json.dumps([s.to_dict() for s in a.segments]),
        a.published, a.language, a.url, a.path, a.author, a.source_format,
        json.dumps(list(a.inferred)), int(a.summary_only), a.copy_of,
        json.dumps(dict(a.extra), ensure_ascii=False, sort_keys=True, default=str),
    )


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], outlet=row["outlet"], title=row["title"], text=row["text"], original=row["original"],
        segments=tuple(Segment.from_dict(s) for s in json.loads(row["segments"])),
        published=row["published"], language=row["language"], url=row["url"], path=row["path"],
        author=row["author"], source_format=row["source_format"],
        inferred=tuple(json.loads(row["inferred"])), summary_only=bool(row["summary_only"]),
        copy_of=row["copy_of"], extra=json.loads(row["extra"]),
    )
