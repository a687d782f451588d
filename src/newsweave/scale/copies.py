"""Near-duplicates across the whole input, decided as ``add`` decides them one article at a time.

``add`` stores articles in arrival order. Each new one is compared with the stored articles sharing one of its
MinHash band keys; the most similar at or above the threshold is its original (on ties the candidate the store
lists first: the lowest shared band, then the earliest arrival), and a copy of a copy points at that copy's
original. Here the same decision is made for every article at once, in three steps a Spark job spreads out:

1. ``pairs``: for each band key, every (later, earlier) pair of the articles sharing it (a shuffle keyed by band);
   ``first_band`` keeps, per pair, the lowest band they share;
2. ``rank``: the score of a pair as a sortable key; the smallest key per later article is its best original;
3. ``resolve``: the chains followed in arrival order (compact: only the copies, on the driver).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Sequence

from ..ingest.dedup import similarity

Position = tuple[int, int]  # arrival order: (input index, record index)


def pairs(band: int, members: Iterable[tuple[Position, str]]
          ) -> Iterator[tuple[tuple[str, str], tuple[int, Position]]]:
    """Articles sharing one band key, as (arrival position, id): ((later id, earlier id), (band, earlier's
    position)) for every pair."""
    ordered = sorted(members)
    for i, (_, later) in enumerate(ordered):
        for position, earlier in ordered[:i]:
            yield (later, earlier), (band, position)


def first_band(a: tuple[int, Position], b: tuple[int, Position]) -> tuple[int, Position]:
    """Of two (band, earlier position) records of one pair, the lowest band."""
    return min(a, b)


def rank(later: Sequence[int], earlier: Sequence[int], band: int, position: Position,
         threshold: float) -> tuple[float, int, Position] | None:
    """The sort key of an earlier article as the original of a later one (smaller is better), or None below the
    threshold: higher similarity first, then the lower shared band, then the earlier arrival."""
    score = similarity(later, earlier)
    return (-score, band, position) if score >= threshold else None


def resolve(best: Mapping[str, tuple[Position, str]]) -> dict[str, str]:
    """Article id -> the id of its original, from each copy's (arrival position, best earlier match): a match
    that is itself a copy hands on its own original."""
    roots: dict[str, str] = {}
    for article, (_, original) in sorted(best.items(), key=lambda item: item[1][0]):
        roots[article] = roots.get(original, original)
    return roots
