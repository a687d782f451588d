"""Cross-encoder ensemble (fold models averaged) behind the stacked same-fact scorer.

bench/msrp.py fits the stacked regression on the union of the fold models' held-out MSRP train pairs (each with the
logit of the model that never saw it) and averages the members' logits on test; ``cross.load_ensemble`` does the
same at run time for the files ``same_fact_stacked.json`` names. Torch-free tests use stub members; the others skip
when torch or an artifact is missing, like tests/compare/align/test_cross.py.
"""
from __future__ import annotations

import pytest

from newsweave.compare.align import cross, score

PARA = ("Police said 12 people were arrested after the protest on Monday.",
        "Twelve people were arrested by police following Monday's protest, officials said.")
OTHER = ("Police said 12 people were arrested after the protest on Monday.",
         "The central bank raised interest rates by a quarter point on Thursday.")


class _Stub:
    """A member scorer returning fixed logits per pair (both orders averaged when asked, like cross.Scorer)."""

    def __init__(self, table: dict, name: str):
        self.table, self.meta, self.both_orders = table, {"fold": name}, True

    def logits(self, pairs, batch=64):
        if self.both_orders:
            return [(self.table[(a, b)] + self.table[(b, a)]) / 2 for a, b in pairs]
        return [self.table[(a, b)] for a, b in pairs]


def test_ensemble_averages_member_logits():
    one = _Stub({("a", "b"): 2.0, ("b", "a"): 4.0, ("c", "d"): -1.0, ("d", "c"): -3.0}, "0/5")
    two = _Stub({("a", "b"): 0.0, ("b", "a"): 0.0, ("c", "d"): 1.0, ("d", "c"): 1.0}, "1/5")
    ensemble = cross.Ensemble([one, two])
    assert ensemble.logits([("a", "b"), ("c", "d")]) == pytest.approx([1.5, -0.5])
    assert ensemble.meta == {"members": [{"fold": "0/5"}, {"fold": "1/5"}]}
    probs = ensemble.probabilities([("a", "b")])
    assert probs[0] == pytest.approx(1 / (1 + 2.718281828459045 ** -1.5))


def test_ensemble_order_switch_reaches_every_member():
    one = _Stub({("a", "b"): 2.0, ("b", "a"): 4.0}, "0/5")
    two = _Stub({("a", "b"): 0.0, ("b", "a"): 2.0}, "1/5")
    ensemble = cross.Ensemble([one, two])
    assert ensemble.both_orders
    ensemble.both_orders = False
    assert not one.both_orders and not two.both_orders
    assert ensemble.logits([("a", "b")]) == pytest.approx([1.0])
    assert ensemble.logits([("b", "a")]) == pytest.approx([3.0])


def test_empty_ensemble_is_an_error():
    with pytest.raises(ValueError):
        cross.Ensemble([])


def test_ensemble_with_a_missing_member_gives_no_scorer(tmp_path):
    assert cross.load_ensemble([tmp_path / "absent.safetensors"]) is None
    assert cross.load_ensemble([cross.ARTIFACT, tmp_path / "absent.safetensors"]) is None


def test_cross_artifacts_follow_the_stacked_file():
    assert score.cross_artifacts({}) == list(cross.ARTIFACTS)  # a stacked file naming none: the shipped folds
    named = score.cross_artifacts({"cross_encoders": [{"file": "x.safetensors"}, {"file": "y.safetensors"}]})
    assert [p.name for p in named] == ["x.safetensors", "y.safetensors"]
    assert all(p.parent == cross.ARTIFACT.parent for p in named)


STACKED = score.load_stacked()


@pytest.mark.skipif(STACKED is None, reason="stacked model not written")
def test_stacked_file_is_consistent():
    assert STACKED["features"] == list(score.STACKED_FEATURES)
    assert len(STACKED["coef"]) == len(STACKED["mean"]) == len(STACKED["scale"]) == 2
    assert 0.0 < STACKED["threshold"] < 1.0
    members = STACKED.get("cross_encoders")
    if members is None:  # older single-model file
        return
    paths = score.cross_artifacts()
    assert [p.name for p in paths] == [m["file"] for m in members]
    assert [p.name for p in paths] == [p.name for p in cross.ARTIFACTS]  # the runtime loads what was fitted
    folds = [m["fold"] for m in members]
    assert len(set(folds)) == len(folds), "each member must hold out a different fold"
    held = sum(len(range(int(k), 4076, int(n))) for k, n in (f.split("/") for f in folds))  # MSRP train: 4076
    assert f"{held} held-out pairs" in STACKED["trained_on"]
    assert sum(p.stat().st_size for p in paths if p.exists()) <= 25_000_000


@pytest.mark.skipif(STACKED is None or not all(p.exists() for p in score.cross_artifacts()),
                    reason="stacked model or an ensemble artifact missing")
def test_artifacts_match_the_stacked_file():
    pytest.importorskip("safetensors")
    for path, member in zip(score.cross_artifacts(), STACKED.get("cross_encoders", [])):
        meta = cross.metadata(path)
        assert meta["fold"] == member["fold"] and meta["seed"] == member["seed"]
        assert "MSRP train" in meta["trained_on"]


@pytest.fixture(scope="module")
def ensemble():
    loaded = cross.load_ensemble(score.cross_artifacts())
    if loaded is None:
        pytest.skip("torch or a cross-encoder artifact unavailable")
    return loaded


def test_ensemble_is_symmetric_and_separates(ensemble):
    para, other = ensemble.logits([PARA, OTHER])
    assert para > 0 > other
    assert ensemble.logits([PARA[::-1]])[0] == pytest.approx(para, abs=1e-4)


def test_ensemble_is_the_mean_of_its_members(ensemble):
    singles = [cross.load(p).logits([PARA, OTHER]) for p in score.cross_artifacts()]
    means = [sum(col) / len(col) for col in zip(*singles)]
    assert ensemble.logits([PARA, OTHER]) == pytest.approx(means, abs=1e-5)


def test_stacked_scorer_uses_the_ensemble(ensemble):
    score._CROSS_CACHE.clear()
    assert score.cross_logits([PARA]) == pytest.approx(ensemble.logits([PARA]), abs=1e-5)
    a, b = PARA
    assert score.same_fact_probability(a, b, 0.8, mode="cross-all") > score.threshold(mode="cross-all")
