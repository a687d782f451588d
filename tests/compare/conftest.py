"""Seed-pair dossier computed once per session (models load once)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed_items(seed_dir, seed_meta):
    return [dict(text=(seed_dir / name).read_text(encoding="utf-8"), path=str(seed_dir / name), **meta)
            for name, meta in sorted(seed_meta.items())]


@pytest.fixture(scope="session")
def seed_dossier(seed_items):
    from newsweave.compare import compare_texts

    return compare_texts(seed_items)


@pytest.fixture(scope="session")
def seed_story(seed_dossier):
    return seed_dossier["stories"][0]
