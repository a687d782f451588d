"""The mixed corpus through ``add`` and through a Spark run on local[2], once per test session."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsweave.config import Settings
from newsweave.dossiers import story_dossier
from newsweave.pipeline import AddSummary, add_sources
from newsweave.store import Store, open_store

from . import corpus


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
