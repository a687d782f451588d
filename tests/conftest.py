"""Shared fixtures: paths to the seed pair, a fresh store, and a fast fake of the compare stage."""
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


def _fake_dossier(articles, annotations=None, story_id=None) -> dict:
    """A dossier shaped like the compare stage's: one single-source fact per article."""
    refs = [{"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
             "path": a.path, "language": a.language, "copy_of": a.copy_of} for a in articles]
    facts = [{"id": f"f{i}", "status": "single_source", "label": a.title, "explanation": a.outlet, "claims": [],
              "conflicts": [], "outlets": [a.outlet]} for i, a in enumerate(articles)]
    return {"schema": "newsweave.dossier/1", "stories": [{"id": story_id, "title": articles[0].title,
                                                          "articles": refs, "facts": facts, "entities": [],
                                                          "outlets": [], "counts": {}}]}


@pytest.fixture()
def fake_dossier():
    """``fake_dossier(articles, annotations=None, story_id=None)``: the dossier the fake compare stage returns."""
    return _fake_dossier


@pytest.fixture()
def computed(monkeypatch) -> list:
    """Replace the compare stage with the fast fake; the list records each comparison (sorted ids, annotated?)."""
    from newsweave import dossiers

    calls = []

    def compute(articles, annotations=None, story_id=None, settings=None):
        calls.append((sorted(a.id for a in articles), annotations is not None))
        return _fake_dossier(articles, annotations, story_id)

    monkeypatch.setattr(dossiers, "compute_dossier", compute)
    return calls
