"""Weighted cross-encoder ensembles: bench/msrp.py --also folds a 3-input stack (feature LR logit, one base's
logit, another base's logit) into one weighted ensemble logit, written as a ``weight`` per ``cross_encoders`` entry
of same_fact_stacked.json; the runtime ensemble sums the members' logits with those weights (torch-free stubs)."""
from __future__ import annotations

import pytest

from newsweave.compare.align import cross, score


class _Stub:
    def __init__(self, value: float):
        self.value, self.meta, self.both_orders = value, {}, True

    def logits(self, pairs, batch=64):
        return [self.value for _ in pairs]


def test_weighted_ensemble_sums_weighted_logits():
    ensemble = cross.Ensemble([_Stub(2.0), _Stub(-1.0), _Stub(4.0)], weights=[0.5, 0.25, 0.25])
    assert ensemble.logits([("a", "b")]) == pytest.approx([1.75])
    assert cross.Ensemble([_Stub(2.0), _Stub(-1.0)], weights=None).logits([("a", "b")]) == pytest.approx([0.5])


def test_weights_must_match_members():
    with pytest.raises(ValueError, match="2 weights for 3"):
        cross.Ensemble([_Stub(1.0)] * 3, weights=[0.5, 0.5])


def test_stacked_file_weights():
    assert score.cross_weights({}) is None
    plain = {"cross_encoders": [{"file": "a"}, {"file": "b"}]}
    assert score.cross_weights(plain) is None
    weighted = {"cross_encoders": [{"file": "a", "weight": 0.6}, {"file": "b", "weight": 0.2},
                                   {"file": "c", "weight": 0.2}]}
    assert score.cross_weights(weighted) == [0.6, 0.2, 0.2]
