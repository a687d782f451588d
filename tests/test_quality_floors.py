"""The quality gate: bench/floors.toml, the one file of quality floors, is complete and wired, and the same-fact
decision holds its floor on its MSRP slice (a few seconds: the feature regression, the scorer without torch).

Each headline figure names the bench script that prints it, the data, the floor, the small real slice its gate
measures and the gate tests, which read the floor from the file: this file (same_fact, regression), and
tests/compare/align/test_msrp_floor.py (same_fact, stacked scorer with the cross-encoders: about two minutes on 2 cores),
tests/cluster/test_quality.py (clustering, the ECB+ fixtures)."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads((ROOT / "bench" / "floors.toml").read_text(encoding="utf-8"))
KEYS = {"script", "figure", "published", "data", "slice", "floor", "measured", "test"}
MSRP_TEST = ROOT.parent / "shared" / "data" / "msrp" / "msr_paraphrase_test.txt"


def _tests(entry: dict) -> list[str]:
    return [entry["test"]] if isinstance(entry["test"], str) else list(entry["test"])


def test_floors_file_has_the_headline_figures():
    assert {"same_fact", "clustering_one_topic", "clustering_two_topics"} <= set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_floor_is_complete(name):
    entry = FLOORS[name]
    assert KEYS <= set(entry), f"[{name}] lacks {sorted(KEYS - set(entry))}"
    assert 0 < entry["floor"] <= entry["measured"], f"[{name}] floor {entry['floor']} above measured {entry['measured']}"
    for key in ("floor_min", "floor_bcubed"):
        assert entry.get(key, 0) <= entry["measured"] + 0.1


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_script_prints_its_figure(name):
    """``figure`` is ``line: key`` of the script's last line (``msrp_test: f1``); the script's source names both."""
    entry = FLOORS[name]
    source = (ROOT / entry["script"]).read_text(encoding="utf-8")
    line, _, key = entry["figure"].partition(": ")
    assert key and re.search(rf"\b{re.escape(key)}\b", source), f"{entry['script']} prints no {key}"
    if line not in ("train", "dev", "test"):  # ecbplus_clustering names its lines after the topic range
        assert f'"{line}"' in source, f"{entry['script']} prints no {line!r} line"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_each_gate_reads_its_floor_from_the_file(name):
    for test in (ROOT / t for t in _tests(FLOORS[name])):
        assert test.exists(), f"[{name}]: no gate test {test}"
        source = test.read_text(encoding="utf-8")
        assert "floors.toml" in source and f'"{name}"' in source, f"{test.name} does not read [{name}] of floors.toml"


@pytest.mark.skipif(not MSRP_TEST.exists(), reason="MSRP data not present")
def test_same_fact_regression_holds_its_floor():
    """F1 of the feature regression (mode ``lr``) on the first 200 MSRP test pairs, read by bench/msrp.py's reader."""
    from newsweave.compare.align import score
    from newsweave.embed.embedders import get_embedder

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from msrp import f1, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    entry = FLOORS["same_fact"]
    pairs = load(MSRP_TEST, entry["slice_pairs"])
    embedder = get_embedder("auto")
    a, b = embedder.encode([p[1] for p in pairs]), embedder.encode([p[2] for p in pairs])
    cos = embedder.calibrate((a * b).sum(axis=1))
    probs = score.same_fact_probabilities([(x, y, float(c)) for (_, x, y), c in zip(pairs, cos)], mode="lr")
    got = f1(np.array([p[0] for p in pairs]), np.array(probs) >= score.threshold(mode="lr"))
    assert got >= entry["floor"], f"same-fact regression F1 {got:.3f} < floor {entry['floor']} on {entry['slice']}"
