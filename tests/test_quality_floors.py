"""bench/floors.toml, the one file of quality floors, is complete and wired: each headline figure names the bench
script that prints it, the data, the floor, the small real slice its gate measures, and the gate test, which reads
its floor from the file (tests/compare/test_msrp_floor.py, tests/cluster/test_quality.py: they measure the slices)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads((ROOT / "bench" / "floors.toml").read_text(encoding="utf-8"))
KEYS = {"script", "figure", "published", "data", "slice", "floor", "measured", "test"}


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
    test = ROOT / FLOORS[name]["test"]
    assert test.exists(), f"[{name}]: no gate test {test}"
    source = test.read_text(encoding="utf-8")
    assert "floors.toml" in source and f'"{name}"' in source, f"{test.name} does not read [{name}] of floors.toml"
