"""Shared by the normaliser tests: the seed pair as ingest reads it, normalised once per session; a parse of any
text into sentences and attributions; and hypothesis strategies of random text salted with date/number fragments."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from hypothesis import strategies as st

from newsweave.models import Article
from newsweave.normalize.attribution import attribute
from newsweave.normalize.entities import extract_entities, parse
from newsweave.normalize.sentences import split_sentences

from ..helpers import SEED, seed_meta, seed_text

NAMES = ("ukrainska-pravda.txt", "washington-post.txt")


# --------------------------------------------------------------------------- the seed pair, normalised

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


def seed(name: str) -> tuple[str, datetime]:
    """Raw text and publication time of a seed-pair article ("washington-post" or "ukrainska-pravda")."""
    return seed_text(name), datetime.fromisoformat(seed_meta()[f"{name}.txt"]["published"])


# --------------------------------------------------------------------------- extraction

def run(text, outlet="Outlet"):
    """(sentences, attributions) of ``text`` parsed with spaCy."""
    doc = parse(text)
    sentences = split_sentences(text)
    entities = extract_entities(text, doc, sentences)
    return sentences, attribute(text, sentences, entities, outlet, doc=doc)


def only(items, text: str):
    """The single extracted item whose text equals ``text`` (fails loudly otherwise)."""
    hits = [i for i in items if i.text == text]
    assert len(hits) == 1, (text, [i.text for i in items])
    return hits[0]


# --------------------------------------------------------------------------- hypothesis strategies

FRAGMENTS = [
    "Jan. 10", "11 January 2025", "2025-01-11", "Saturday", "late last year", "mid-December", "in November",
    "since August", "the night of 4-5 January", "3.45pm on Tuesday", "in 2021", "the 1990s", "at least 11,000",
    "between 30 and 40", "30-40", "dozens of", "1.5 million", "$2bn", "40%", "magnitude 6.1", "he was 19",
    "19-year-old", "born in 2005", "birth year as 1998", "No. 84", "seventeen hours", "two soldiers", "May",
    "March", "autumn of 2024", "Q3 2024", "2008-09", "7 p.m.", "15:00", "'90s", ",", ".", "-", "–", " ", "\n",
    "31 February 2025", "0000", "9999", "Feb 30", "99-year-old", "aged 0", "the 0s", "since", "ago", "a dozen",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join),
)
