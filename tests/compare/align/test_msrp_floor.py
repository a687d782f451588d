"""Floor for the same-fact decision: F1 on a fixed slice of MSRP test (first 200 pairs).

Full benchmark: .venv/bin/python bench/msrp.py (test F1 88.0 with the stacked ensemble of five e5 cross-encoder
fold models, 84.1 with the feature regression alone). On this slice the stacked scorer measures F1 90.3 and the
regression 87.0; the floor (``[same_fact]`` of bench/floors.toml,
the one file of quality floors) is set for the regression (the fallback when torch is absent), so a broken feature or
model fails CI either way.  Skipped when the MSRP data is not beside the checkout (../shared/data/msrp).
"""
from __future__ import annotations

import csv
import tomllib

import pytest

from newsweave.compare.align import score

from ...helpers import ROOT

MSRP_TEST = ROOT.parent / "shared" / "data" / "msrp" / "msr_paraphrase_test.txt"  # beside the checkout
SLICE = 200
MEASURED = 0.903 if score.load_stacked() else 0.870  # stacked (cross-encoder) / regression only
FLOORS = tomllib.loads((ROOT / "bench" / "floors.toml").read_text(encoding="utf-8"))
FLOOR = FLOORS["same_fact"]["floor"]


def _pairs() -> list[tuple[int, str, str]]:
    with MSRP_TEST.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(int(r[0]), r[3], r[4]) for r in rows if len(r) >= 5][:SLICE]


@pytest.mark.skipif(not MSRP_TEST.exists(), reason="MSRP data not present")
def test_msrp_slice_f1_floor():
    from newsweave.embed.embedders import get_embedder

    pairs = _pairs()
    embedder = get_embedder("auto")
    a = embedder.encode([p[1] for p in pairs])
    b = embedder.encode([p[2] for p in pairs])
    cos = embedder.calibrate((a * b).sum(axis=1))
    probs = score.same_fact_probabilities([(x, y, float(c)) for (_, x, y), c in zip(pairs, cos)])
    pred = [p >= score.threshold() for p in probs]
    gold = [p[0] == 1 for p in pairs]
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    f1 = 2 * tp / max(2 * tp + fp + fn, 1)
    assert len(pairs) == SLICE
    assert f1 >= FLOOR, f"MSRP slice F1 {f1:.3f} < floor {FLOOR} (measured {MEASURED})"
