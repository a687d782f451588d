"""A translation is a copy: two texts in different languages whose sentences pair up one to one.

Each sentence of the shorter text is matched to its nearest sentence of the other by a multilingual embedder
(multilingual-e5-small, extra ``multilingual``); a match counts when it is mutual and its cosine reaches
``PAIR_COSINE`` (translated NTREX sentences sit around 0.88, 5% of them under 0.83; a mutual best match of an unrelated text rarely reaches 0.8).
The share of matched sentences is the coverage; a text whose coverage reaches ``COPY_COVERAGE`` translates the
other. Reports of one event written independently share facts, not sentence after sentence, and stay apart.
"""
from __future__ import annotations

from typing import Sequence



PAIR_COSINE = 0.8
COPY_COVERAGE = 0.6
MIN_SENTENCES = 3
MAX_SENTENCES = 400
LENGTH_RATIO = 0.5  # the shorter text holds at least this share of the other's sentences


def coverage(a: Sequence[str], b: Sequence[str], embedder) -> float:
    """Share of the shorter text's sentences matched, mutually and closely, by a sentence of the other."""
    a, b = [s for s in a if s.strip()][:MAX_SENTENCES], [s for s in b if s.strip()][:MAX_SENTENCES]
    if not a or not b:
        return 0.0
    va, vb = embedder.encode(a), embedder.encode(b)
    sims = va @ vb.T
    best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
    mutual = [i for i, j in enumerate(best_b) if best_a[j] == i and sims[i, j] >= PAIR_COSINE]
    return len(mutual) / min(len(a), len(b))


def is_translation(a: Sequence[str], b: Sequence[str], embedder) -> bool:
    """``a`` and ``b`` (sentences of two texts) are one text in two languages."""
    short, long_ = sorted((len(a), len(b)))
    if short < MIN_SENTENCES or short < LENGTH_RATIO * long_:
        return False
    return coverage(a, b, embedder) >= COPY_COVERAGE


__all__ = ["COPY_COVERAGE", "PAIR_COSINE", "coverage", "is_translation"]
