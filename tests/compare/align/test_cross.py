"""Cross-encoder same-fact scorer: artifact shape, fallback to the logistic regression, batch/single agreement."""
from __future__ import annotations

import pytest

from newsweave.compare.align import cross, score

PARA = ("Police said 12 people were arrested after the protest on Monday.",
        "Twelve people were arrested by police following Monday's protest, officials said.")
OTHER = ("Police said 12 people were arrested after the protest on Monday.",
         "The central bank raised interest rates by a quarter point on Thursday.")


def test_missing_artifact_gives_no_scorer(tmp_path):
    assert cross.load(tmp_path / "absent.safetensors") is None


def test_lr_mode_is_the_feature_regression():
    assert score.cross_scorer(mode="lr") is None
    a, b = PARA
    assert score.same_fact_probability(a, b, 0.8, mode="lr") == pytest.approx(
        score.probability(score.features(a, b, 0.8)))
    assert score.threshold(mode="lr") == pytest.approx(score.load_model()["threshold"])


def test_numbers_are_masked_for_the_cross_encoder():
    assert score.mask_numbers("40 dead, 1,200 hurt in 2024") == "# dead, # hurt in #"


@pytest.mark.skipif(not cross.ARTIFACT.exists(), reason="cross-encoder artifact not built")
def test_artifact_is_small_and_described():
    assert cross.ARTIFACT.stat().st_size <= 5_000_000
    meta = cross.metadata()
    assert meta["seed"] == 13 and meta["rank"] >= 4 and "MSRP train" in meta["trained_on"]


@pytest.fixture(scope="module")
def scorer():
    loaded = cross.load()
    if loaded is None:
        pytest.skip("torch or the cross-encoder artifact unavailable")
    return loaded


def test_cross_encoder_separates_and_is_symmetric(scorer):
    para, other = scorer.logits([PARA, OTHER])
    assert para > 0 > other
    swapped = scorer.logits([PARA[::-1]])[0]
    assert swapped == pytest.approx(para, abs=1e-4)


def test_batch_equals_single(scorer):
    triples = [(*PARA, 0.7), (*OTHER, 0.1)]
    score._CROSS_CACHE.clear()
    batch = score.same_fact_probabilities(triples, mode="cross-all")
    score._CROSS_CACHE.clear()
    single = [score.same_fact_probability(a, b, c, mode="cross-all") for a, b, c in triples]
    assert batch == pytest.approx(single, abs=1e-5)
    assert batch[0] > score.threshold(mode="cross-all") > batch[1]


def test_alignment_keeps_the_regression_by_default():
    assert score.cross_scorer(ignore_slots=True) is None
    a, b = PARA
    expected = score.probability(score.features(a, b, 0.8, ignore_slots=True))
    assert score.same_fact_probability(a, b, 0.8, ignore_slots=True) == pytest.approx(expected)
