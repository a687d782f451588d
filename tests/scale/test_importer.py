"""``import_output``: a Spark run's output into a store, as if its articles had been added one by one; again, it
changes nothing; a store holding other articles and an unfinished output are refused, naming why."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave.dossiers import story_dossier
from newsweave.pipeline import add_sources
from newsweave.scale import OutputError, import_output
from newsweave.stories import STATE_NAME
from newsweave.store import open_store

from ..helpers import bridge_article
from . import corpus


def _snapshot(store) -> tuple:
    stories = sorted((s.to_dict() for s in store.stories()), key=lambda s: s["id"])
    dossiers = {s["id"]: store.get_dossier(s["id"]) for s in stories}
    return [a.to_dict() for a in store.articles()], stories, dossiers, store.get_cluster_state(STATE_NAME)


def _copy(store, target: Path):
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, target)
    return open_store(str(target))


def test_importing_again_changes_nothing(mixed, tmp_path):
    store = _copy(mixed.imported, tmp_path / "again.db")
    before = _snapshot(store)
    summary = import_output(store, mixed.out)
    assert (summary.articles, summary.present) == (0, mixed.summary.articles)
    assert summary.line() == f"imported 0 articles ({mixed.summary.articles} already there), " \
                             f"{mixed.summary.stories} stories, {mixed.summary.dossiers} dossiers"
    assert _snapshot(store) == before


def test_a_later_add_continues_the_stream_as_after_add(mixed, tmp_path):
    """One more wire copy after the import lands as it lands after ``add``: the same original, the same story."""
    extra = tmp_path / "late" / "kyiv-wire-3.txt"
    extra.parent.mkdir()
    extra.write_text(corpus.wire_edit(corpus.UP).replace("soldiers", "servicemen"), encoding="utf-8")
    overrides = {"outlet": "Late Wire", "language": "en"}
    after = {}
    for name, source in (("add", mixed.store), ("import", mixed.imported)):
        store = _copy(source, tmp_path / f"{name}.db")
        summary = add_sources(store, [str(extra)], mixed.settings, overrides=overrides)
        assert (summary.added, summary.copies) == (1, 1)
        after[name] = _snapshot(store)[:2]
    assert after["import"] == after["add"]


def test_a_store_holding_other_articles_is_refused(mixed, tmp_path):
    store = open_store(str(tmp_path / "other.db"))
    store.add_article(bridge_article(1))
    with pytest.raises(OutputError, match="already holds 1 articles that are not in"):
        import_output(store, mixed.out)
    assert [a.id for a in store.articles()] == [bridge_article(1).id]


def test_an_unfinished_or_foreign_folder_is_refused(mixed, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    shutil.copytree(mixed.out, out)
    run_file = next((out / "run").glob("part-*.parquet"))
    table = pq.read_table(run_file)
    pq.write_table(table.set_column(table.schema.get_field_index("complete"), "complete",
                                    [[False] * table.num_rows]), run_file)
    store = open_store(str(tmp_path / "new.db"))
    with pytest.raises(OutputError, match="incomplete output"):
        import_output(store, str(out))
    with pytest.raises(OutputError, match="no run table"):
        import_output(store, str(tmp_path))
    assert store.articles() == []


def test_imported_stories_show_their_saved_dossiers(mixed):
    for story in mixed.imported.stories():
        dossier = story_dossier(mixed.imported, story, compute=False)
        assert dossier["stories"][0]["id"] == story.id
        assert {a["id"] for a in dossier["stories"][0]["articles"]} == set(story.article_ids)
