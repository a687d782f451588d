"""Cross-language claim links: a translated sentence has one counterpart in the other article."""
from __future__ import annotations

import numpy as np

from newsweave.compare.align import crosslingual
from newsweave.models import Claim


def _claim(ident: str, article: str, language: str) -> Claim:
    return Claim(id=ident, article=article, outlet=article, sentence=0, start=0, end=1, text=ident,
                 language=language)


def _unit(*rows):
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _scores(claims, vectors):
    return {(claims[i].id, claims[j].id): score
            for i, j, score, _ in crosslingual.links(claims, vectors, lambda a, b: 0.0)}


def test_a_neighbour_of_the_counterpart_scores_below_the_counterpart():
    claims = [_claim("en-a", "en", "en"), _claim("uk-a", "uk", "uk"), _claim("uk-b", "uk", "uk")]
    vectors = _unit([1.0, 0.0, 0.0], [0.97, 0.24, 0.0], [0.88, 0.0, 0.47])  # cosines 0.97 and 0.88
    scores = _scores(claims, vectors)
    assert scores[("en-a", "uk-a")] > 0.9
    assert scores[("en-a", "uk-b")] < 0.45  # below the grouping threshold


def test_two_mutual_counterparts_keep_their_full_score():
    claims = [_claim("en-a", "en", "en"), _claim("uk-a", "uk", "uk")]
    vectors = _unit([1.0, 0.0], [0.88, 0.47])
    [(i, j, score, cosine)] = crosslingual.links(claims, vectors, lambda a, b: 0.0)
    assert abs(score - min(1.0, crosslingual.probability(cosine) + crosslingual.MUTUAL_BONUS)) < 1e-6
