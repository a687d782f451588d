"""A translation is a copy: two texts in different languages whose sentences pair up one to one.

Each sentence of the shorter text is matched to its nearest sentence of the other by a multilingual embedder
(multilingual-e5-small, extra ``multilingual``); a match counts when it is mutual, its cosine reaches
``PAIR_COSINE`` (translated NTREX sentences sit around 0.88, 5% of them under 0.83) and it stands out from both
sentences' other near neighbours by ``MARGIN`` (the margin criterion of bitext mining, Artetxe & Schwenk 2019):
two Ukrainian and Russian reports of one topic share many sentences near 0.82, none standing out. The share of
matched sentences is the coverage; a text whose coverage reaches ``COPY_COVERAGE`` translates the other. Reports
of one event written independently share facts, not sentence after sentence, and stay apart.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


PAIR_COSINE = 0.8
MARGIN = 0.03  # the pair's cosine above the mean of each sentence's NEIGHBOURS nearest cosines
NEIGHBOURS = 4
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
    k_row, k_col = min(NEIGHBOURS, sims.shape[1]), min(NEIGHBOURS, sims.shape[0])
    row_mean = -np.sort(-sims, axis=1)[:, :k_row].mean(axis=1)
    col_mean = -np.sort(-sims, axis=0)[:k_col, :].mean(axis=0)
    matched = [i for i, j in enumerate(best_b) if best_a[j] == i and sims[i, j] >= PAIR_COSINE
               and sims[i, j] - (row_mean[i] + col_mean[j]) / 2 >= MARGIN]
    return len(matched) / min(len(a), len(b))


def is_translation(a: Sequence[str], b: Sequence[str], embedder) -> bool:
    """``a`` and ``b`` (sentences of two texts) are one text in two languages."""
    short, long_ = sorted((len(a), len(b)))
    if short < MIN_SENTENCES or short < LENGTH_RATIO * long_:
        return False
    return coverage(a, b, embedder) >= COPY_COVERAGE


__all__ = ["COPY_COVERAGE", "PAIR_COSINE", "coverage", "is_translation"]
