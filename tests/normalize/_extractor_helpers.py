"""Hypothesis strategies shared by the normaliser tests: random text salted with date/number fragments."""
from __future__ import annotations

import json
from datetime import datetime

from _seed import SEED
from hypothesis import strategies as st

from newsweave.normalize.attribution import attribute
from newsweave.normalize.entities import extract_entities, parse
from newsweave.normalize.sentences import split_sentences

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


def seed(name: str) -> tuple[str, datetime]:
    """Text and publication time of a seed-pair article ("washington-post" or "ukrainska-pravda")."""
    text = (SEED / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((SEED / "meta.json").read_text(encoding="utf-8"))
    return text, datetime.fromisoformat(meta[f"{name}.txt"]["published"])


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
