"""The output of a Spark run (docs/spark.md): its tables, their columns, and records <-> rows.

Every table is a folder of Parquet files under the output folder; the dossiers are JSON Lines. A row is a plain
dict of Python values, so the same functions serve the Spark job (rows written) and the import (rows read back).
Article and annotation rows carry exactly what the SQLite store keeps, so an imported store equals one built by
``add``: annotations as the store's JSON text, an article's free-form ``extra`` as JSON text.
"""
from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

from ..models import Annotations, Article, Segment, Story

SCHEMA = "newsweave.spark/1"  # version of this layout; import refuses another

ARTICLES, ANNOTATIONS, STORIES, FACTS, DOSSIERS, ERRORS, RUN = (
    "articles", "annotations", "stories", "facts", "dossiers", "errors", "run")
TABLES = (ARTICLES, ANNOTATIONS, STORIES, FACTS, ERRORS)  # Parquet; DOSSIERS is JSON Lines; RUN is written last

# Column name -> Spark SQL type, in order.
COLUMNS: dict[str, dict[str, str]] = {
    ARTICLES: {
        "seq": "bigint", "id": "string", "outlet": "string", "title": "string", "text": "string",
        "original": "string", "segments": "array<struct<clean:int,orig:int,length:int>>", "published": "string",
        "language": "string", "url": "string", "path": "string", "author": "string", "source_format": "string",
        "inferred": "array<string>", "summary_only": "boolean", "copy_of": "string", "extra": "string",
        "minhash": "array<bigint>", "story_id": "string",
    },
    ANNOTATIONS: {"article_id": "string", "data": "string"},
    STORIES: {
        "id": "string", "title": "string", "first": "string", "last": "string", "article_ids": "array<string>",
        "scores": "array<double>", "entities": "array<string>", "origin": "string", "related": "array<string>",
        "position": "bigint",
    },
    FACTS: {
        "story_id": "string", "position": "int", "id": "string", "status": "string", "label": "string",
        "explanation": "string", "partial": "boolean", "outlets": "array<string>", "says_more": "array<string>",
        "articles": "array<string>", "claims": "int", "data": "string",
    },
    ERRORS: {"stage": "string", "input": "bigint", "record": "bigint", "source": "string", "reason": "string",
             "message": "string"},
    RUN: {"schema": "string", "version": "string", "settings": "string", "counts": "string",
          "timings": "string", "cluster_state": "binary", "complete": "boolean"},
}


def ddl(table: str) -> str:
    """A table's columns as a Spark DDL string (``createDataFrame(rows, ddl(ARTICLES))``)."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table].items())


# --------------------------------------------------------------------------- articles

def extra_json(extra: Mapping[str, Any]) -> str:
    """An article's ``extra`` as the store keeps it."""
    return json.dumps(dict(extra), ensure_ascii=False, sort_keys=True, default=str)


def article_row(article: Article, seq: int, minhash: list[int], story_id: str | None = None) -> dict[str, Any]:
    return {
        "seq": seq, "id": article.id, "outlet": article.outlet, "title": article.title, "text": article.text,
        "original": article.original, "segments": [s.to_dict() for s in article.segments],
        "published": article.published, "language": article.language, "url": article.url, "path": article.path,
        "author": article.author, "source_format": article.source_format, "inferred": list(article.inferred),
        "summary_only": bool(article.summary_only), "copy_of": article.copy_of, "extra": extra_json(article.extra),
        "minhash": [int(v) for v in minhash], "story_id": story_id,
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The article as the store gives it back (``extra`` through JSON, tuples for lists)."""
    return Article(
        id=row["id"], outlet=row["outlet"], title=row["title"], text=row["text"], original=row["original"],
        segments=tuple(Segment(**_plain_segment(s)) for s in row["segments"] or ()),
        published=row["published"], language=row["language"], url=row["url"], path=row["path"],
        author=row["author"], source_format=row["source_format"], inferred=tuple(row["inferred"] or ()),
        summary_only=bool(row["summary_only"]), copy_of=row["copy_of"], extra=json.loads(row["extra"] or "{}"),
    )


def _plain_segment(segment: Any) -> dict[str, int]:
    data = segment.asDict() if hasattr(segment, "asDict") else dict(segment)
    return {"clean": int(data["clean"]), "orig": int(data["orig"]), "length": int(data["length"])}


def as_stored(article: Article) -> Article:
    """The article after a round trip through the store (what ``add``'s later stages read)."""
    return article_from_row(article_row(article, 0, []))


# --------------------------------------------------------------------------- annotations

def annotations_json(annotations: Annotations) -> str:
    """Annotations as the store keeps them (its digests hash exactly this text)."""
    return json.dumps(annotations.to_dict(), ensure_ascii=False, sort_keys=True)


def annotations_from_json(data: str) -> Annotations:
    return Annotations.from_dict(json.loads(data))


# --------------------------------------------------------------------------- stories, facts, errors

def story_row(story: Story, position: int) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "first": story.first, "last": story.last,
            "article_ids": list(story.article_ids), "scores": [float(s) for s in story.scores],
            "entities": list(story.entities), "origin": story.origin, "related": list(story.related),
            "position": position}


def story_from_row(row: Mapping[str, Any]) -> Story:
    return Story(id=row["id"], title=row["title"], first=row["first"], last=row["last"],
                 article_ids=tuple(row["article_ids"] or ()), scores=tuple(row["scores"] or ()),
                 entities=tuple(row["entities"] or ()), origin=row["origin"],
                 related=tuple(row.get("related") or ()))


def fact_rows(story_id: str, dossier: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per fact of a story's dossier; ``data`` is the fact's whole JSON."""
    for story in dossier.get("stories", []):
        for position, fact in enumerate(story.get("facts", [])):
            claims = fact.get("claims", [])
            yield {"story_id": story_id, "position": position, "id": fact["id"], "status": fact["status"],
                   "label": fact.get("label", ""), "explanation": fact.get("explanation", ""),
                   "partial": bool(fact.get("partial")), "outlets": list(fact.get("outlets", [])),
                   "says_more": list(fact.get("says_more", [])),
                   "articles": list(dict.fromkeys(c["article"] for c in claims)), "claims": len(claims),
                   "data": json.dumps(fact, ensure_ascii=False)}


def error_row(stage: str, position: tuple[int, int] | None, source: str, reason: str) -> dict[str, Any]:
    """An error line as ``add`` prints it (``<source>: <reason>``), with where it happened."""
    input_index, record = position if position is not None else (-1, -1)
    return {"stage": stage, "input": input_index, "record": record, "source": source, "reason": reason,
            "message": f"{source}: {reason}"}


def dossier_line(dossier: Mapping[str, Any]) -> str:
    """One line of the dossiers' JSON Lines: the dossier exactly as ``newsweave dossier --json`` gives it."""
    return json.dumps(dossier, ensure_ascii=False)
