"""One SparkSession on local[2] for every Spark test (the JVM starts once per test session). Without pyspark or a
Java runtime the Spark tests are skipped, saying which is missing."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import pytest

from newsweave.config import Settings
from newsweave.dossiers import story_dossier
from newsweave.pipeline import AddSummary, add_sources
from newsweave.store import Store, open_store

from . import corpus


def _missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (the spark extra: pip install -e '.[spark]')"
    if importlib.util.find_spec("pyarrow") is None:
        return "pyarrow is not installed (the spark extra: pip install -e '.[spark]')"
    from newsweave.scale import java_missing

    return java_missing()


@pytest.fixture(scope="session")
def spark():
    missing = _missing()
    if missing:
        pytest.skip(f"Spark tests skipped: {missing}")
    from newsweave.scale import spark_session

    session = spark_session("local[2]", {"spark.sql.shuffle.partitions": "4"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@dataclass(frozen=True)
class Mixed:
    """The mixed corpus through both pipelines: ``add`` then every story's dossier (``store``), and a Spark run on
    local[2] (``summary``, its output ``out``) imported into a second store (``imported``)."""

    inputs: list[str]
    settings: Settings
    added: AddSummary
    store: Store
    summary: "RunSummary"
    out: str
    imported: Store


@pytest.fixture(scope="session")
def mixed(spark, tmp_path_factory) -> Mixed:
    from newsweave.scale import import_output, run

    root = tmp_path_factory.mktemp("mixed")
    inputs = corpus.build(root)
    settings = Settings(db=str(root / "add.db"))
    store = open_store(settings.db)
    added = add_sources(store, inputs, settings)
    for story in store.stories():
        story_dossier(store, story, settings=settings)
    out = str(root / "out")
    summary = run(inputs, out, settings, spark=spark, partitions=4)
    imported = open_store(str(root / "imported.db"))
    import_output(imported, out)
    yield Mixed(inputs, settings, added, store, summary, out, imported)
    store.close()
    imported.close()
