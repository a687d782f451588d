"""Shared fixtures: paths to the seed pair and a fresh store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-pair"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_meta() -> dict:
    return json.loads((SEED / "meta.json").read_text(encoding="utf-8"))


@pytest.fixture()
def fresh_store(tmp_path):
    from newsweave.store import open_store

    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()
