"""Embedder factory, the same-fact score and grouping constraints."""
from __future__ import annotations

import pytest

from newsweave.align import score
from newsweave.align.embed import get_embedder
from newsweave.errors import MissingExtra


def test_embedder_cached_and_normalised():
    e = get_embedder("auto")
    assert get_embedder("auto") is e
    v = e.encode(["Ukraine captured two North Korean soldiers.", ""])
    assert v.shape == (2, 384) and abs(float((v[0] ** 2).sum()) - 1.0) < 1e-4


def test_static_backend_names_the_extra():
    with pytest.raises(MissingExtra):
        get_embedder("static")


def test_same_fact_score_orders_pairs():
    e = get_embedder("auto")
    a = "The prisoners do not speak Ukrainian, English or Russian, the SBU said."
    b = "The SSU stated that the prisoners do not speak Ukrainian, English or Russian."
    c = "Russia and North Korea signed a mutual defense pact in November."
    va, vb, vc = e.encode([a, b, c])
    same = score.same_fact_probability(a, b, float(va @ vb))
    other = score.same_fact_probability(a, c, float(va @ vc))
    assert same > score.threshold() > other


def test_model_file_matches_features():
    model = score.load_model()
    assert model["features"] == list(score.FEATURES) and len(model["coef"]) == len(score.FEATURES)
