"""Seed-pair articles, annotations and story entities for the normalize tests, built once per session."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsweave.models import Article

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-pair"
NAMES = ("ukrainska-pravda.txt", "washington-post.txt")


@lru_cache(maxsize=1)
def seed_articles() -> tuple[Article, ...]:
    """The seed pair as ingest reads it (cleaned text, metadata from meta.json); an ingest failure fails the test."""
    from newsweave.ingest import load
    from newsweave.config import Settings

    found = list(load([str(SEED / n) for n in NAMES], Settings(), meta_file=str(SEED / "meta.json")))
    assert all(isinstance(a, Article) for a in found) and len(found) == 2, found
    return tuple(found)


@lru_cache(maxsize=1)
def seed_annotations():
    from newsweave.normalize import normalize_many

    return tuple(normalize_many(seed_articles()))


@lru_cache(maxsize=1)
def seed_story():
    from newsweave.normalize import story_entities

    return story_entities(seed_articles(), seed_annotations())


def up():
    return seed_articles()[0], seed_annotations()[0]


def wp():
    return seed_articles()[1], seed_annotations()[1]
