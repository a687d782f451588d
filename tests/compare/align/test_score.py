"""The same-fact score (feature regression): the packaged model matches its features and orders a paraphrase above
an unrelated sentence."""
from __future__ import annotations

from newsweave.compare.align import score
from newsweave.embed.embedders import get_embedder

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
