"""Links between claims when a story reads in more than one language: scored from a multilingual embedder.

The same-fact regression (``score.py``) weighs word overlap, which two languages never share; a pair with a
claim that is not English is scored instead from the cosine of its two claims under a multilingual embedder
(multilingual-e5-small), as a logistic of the cosine around ``CENTRE`` (translated news sentences sit around 0.88,
unrelated ones of the same story below ~0.82), plus the agreement of their slots (years, numbers, close times,
ages) as for English pairs, and a bonus when each is the other's best match in its article. A pair that is not
mutual loses ``GAP_WEIGHT`` times the gap between its cosine and the better match one of its claims has in the
other article (the margin used in bitext mining): a translated sentence has one counterpart, and a neighbour of
that counterpart on the same subject is not the same claim.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

from ...models import Claim

CENTRE = 0.82
SLOPE = 40.0
TOP_K = 4
MIN_COSINE = 0.7
MUTUAL_BONUS = 0.1
GAP_WEIGHT = 3.0


def english(claim: Claim) -> bool:
    return (claim.language or "en") == "en"


def needs_multilingual(claims: Sequence[Claim]) -> bool:
    """Some claim is not in English: its pairs are scored here."""
    return any(not english(c) for c in claims)


def probability(cosine: float) -> float:
    return 1.0 / (1.0 + math.exp(-SLOPE * (cosine - CENTRE)))


def links(claims: Sequence[Claim], vectors: np.ndarray, slots: Callable[[Claim, Claim], float]
          ) -> list[tuple[int, int, float, float]]:
    """(i, j, score, cosine) for the nearest cross-article pairs with a claim not in English."""
    n = len(claims)
    if n < 2:
        return []
    sims = vectors @ vectors.T
    articles = np.array([c.article for c in claims])
    sims[articles[:, None] == articles[None, :]] = -2.0
    pairs = set()
    for i in range(n):
        for j in np.argsort(-sims[i], kind="stable")[:TOP_K]:
            j = int(j)
            if sims[i, j] >= MIN_COSINE and not (english(claims[i]) and english(claims[j])):
                pairs.add((min(i, j), max(i, j)))
    best = _best(claims, sims, pairs)
    out = []
    for i, j in sorted(pairs):
        cosine = float(sims[i, j])
        mutual = best.get((i, claims[j].article)) == j and best.get((j, claims[i].article)) == i
        gap = max(float(sims[i, best[(i, claims[j].article)]]), float(sims[j, best[(j, claims[i].article)]])) - cosine
        score = (probability(cosine - GAP_WEIGHT * gap) + slots(claims[i], claims[j])
                 + (MUTUAL_BONUS if mutual else 0.0))
        out.append((i, j, float(min(1.0, max(0.0, score))), cosine))
    return out


def _best(claims: Sequence[Claim], sims: np.ndarray, pairs) -> dict[tuple[int, str], int]:
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, j in pairs:
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].article)
            if key not in best or sims[x, y] > best[key][0]:
                best[key] = (float(sims[x, y]), y)
    return {k: v[1] for k, v in best.items()}
