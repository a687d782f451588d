"""Fixtures every area may use: the seed pair, settings and stores (fresh, or holding the seed story), a fast
fake of the compare stage, and one SparkSession on local[2] (the JVM starts once per test session; without pyspark,
pyarrow or a Java runtime the tests that use it are skipped, saying which is missing)."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from newsweave.config import Settings

from . import helpers


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return helpers.SEED


@pytest.fixture(scope="session")
def seed_meta() -> dict:
    return helpers.seed_meta()


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "t.db"))


@pytest.fixture()
def fresh_store(tmp_path):
    from newsweave.store import open_store

    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> tuple[str, str]:
    """Path of a store holding the seed pair, its story and the story's dossier (built once per session) and the
    seed story id."""
    from newsweave.web.data import load_dossier

    from .web.conftest import build_seed_store

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    store, story_id = build_seed_store(db)
    load_dossier(store, story_id)  # computes and stores the dossier once
    store.close()
    return str(db), story_id


@pytest.fixture()
def seed_copy(seed_db, tmp_path) -> tuple[str, str]:
    """A private copy of the seed store (for tests that write)."""
    from newsweave.store import open_store

    db, story_id = seed_db
    target = tmp_path / "seed.db"
    src = open_store(db)
    src.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copy(db, target)
    return str(target), story_id


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
    """Replace the compare stage (and the claims it prepares) with the fast fake; the list records each comparison
    (sorted ids, annotated?)."""
    from newsweave import dossiers

    calls = []

    def compute(articles, annotations=None, story_id=None, settings=None, prepared=()):
        calls.append((sorted(a.id for a in articles), annotations is not None))
        return _fake_dossier(articles, annotations, story_id)

    monkeypatch.setattr(dossiers, "compute_dossier", compute)
    monkeypatch.setattr(dossiers, "stored_claims", lambda store, articles, *args, **kwargs: [])
    return calls


def _spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (the spark extra: pip install -e '.[spark]')"
    if importlib.util.find_spec("pyarrow") is None:
        return "pyarrow is not installed (the spark extra: pip install -e '.[spark]')"
    from newsweave.scale import java_missing

    return java_missing()


@pytest.fixture(scope="session")
def spark():
    missing = _spark_missing()
    if missing:
        pytest.skip(f"Spark tests skipped: {missing}")
    from newsweave.scale import spark_session

    session = spark_session("local[2]", {"spark.sql.shuffle.partitions": "4"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
