"""The Spark run gives what ``add`` then ``dossier`` give on the same real mixed corpus (local[2]): the same
articles, copies, stories, clusterer state and dossiers; bad inputs named, the rest landed; a re-run writes the
same output; the tables read in DuckDB."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.dossiers import story_dossier
from newsweave.models import content_hash
from newsweave.pipeline import add_sources
from newsweave.scale import run
from newsweave.scale.importer import Output
from newsweave.stories import STATE_NAME
from newsweave.store import open_store

from ..helpers import SEED
from . import corpus


def _stories(store) -> list[dict]:
    return sorted((s.to_dict() for s in store.stories()), key=lambda s: s["id"])


def test_same_articles_in_the_same_arrival_order(mixed):
    expected = [a.to_dict() for a in mixed.store.articles()]
    assert len(expected) == mixed.added.added == mixed.summary.articles == 37
    assert [a.to_dict() for a in mixed.imported.articles()] == expected
    formats = {a["source_format"] for a in expected}
    assert {"text", "json", "html", "feed"} <= formats and any(a["path"].endswith(".warc.gz") for a in expected)


def test_same_copies_and_duplicates(mixed):
    links = {a.id: a.copy_of for a in mixed.store.articles() if a.copy_of}
    assert len(links) == mixed.added.copies == mixed.summary.copies == 3
    assert {a.id: a.copy_of for a in mixed.imported.articles() if a.copy_of} == links
    up = next(a.id for a in mixed.store.articles() if a.outlet == "Ukrainska Pravda")
    assert sorted(links.values()).count(up) == 2  # the copy of the copy points at the first original
    assert mixed.summary.duplicates == mixed.added.duplicates == 1


def test_same_annotations(mixed):
    ids = [a.id for a in mixed.store.articles()]
    digests = mixed.store.annotation_digests(ids)
    assert len(digests) == len(ids)
    assert mixed.imported.annotation_digests(ids) == digests


def test_same_stories_and_clusterer_state(mixed):
    stories = _stories(mixed.store)
    assert len(stories) == mixed.summary.stories >= 8
    assert _stories(mixed.imported) == stories
    assert mixed.imported.get_cluster_state(STATE_NAME) == mixed.store.get_cluster_state(STATE_NAME)


def test_same_dossiers(mixed):
    written = {d["stories"][0]["id"]: d for d in Output(mixed.out).dossiers()}
    stories = mixed.store.stories()
    assert len(written) == mixed.summary.dossiers == len(stories)
    facts = 0
    for story in stories:
        expected = story_dossier(mixed.store, story, compute=False)
        assert written[story.id] == expected
        assert story_dossier(mixed.imported, story.id, compute=False) == expected
        facts += len(expected["stories"][0]["facts"])
    assert mixed.summary.facts == facts > 0


def test_imported_dossiers_are_current_not_recomputed(mixed, monkeypatch):
    from newsweave import dossiers

    monkeypatch.setattr(dossiers, "compute_dossier", lambda *a, **k: pytest.fail("recomputed"))
    for story in mixed.imported.stories():
        assert story_dossier(mixed.imported, story) is not None


def test_bad_inputs_named_and_the_rest_lands(mixed):
    assert mixed.summary.errors == mixed.added.errors
    bad = Path(mixed.inputs[0]) / "h-bad"
    assert [e.split(":")[0].split("#")[0] for e in mixed.summary.errors] == [
        str(bad / "cut.warc.gz"), str(bad / "empty.txt"), str(bad / "image.bin")]
    duck = pytest.importorskip("duckdb")
    rows = duck.sql(f"SELECT message FROM '{mixed.out}/errors/*.parquet' ORDER BY input, record").fetchall()
    assert [r[0] for r in rows] == list(mixed.added.errors)


def test_tables_read_in_duckdb(mixed):
    duck = pytest.importorskip("duckdb")
    out = mixed.out
    per_story = duck.sql(
        f"SELECT s.id, count(*) FROM '{out}/stories/*.parquet' s, unnest(s.article_ids) AS m(article_id) "
        f"JOIN '{out}/articles/*.parquet' a ON a.id = m.article_id AND a.story_id = s.id GROUP BY s.id").fetchall()
    assert dict(per_story) == {s.id: len(s.article_ids) for s in mixed.store.stories()}
    statuses = duck.sql(f"SELECT status, count(*) FROM '{out}/facts/*.parquet' GROUP BY status").fetchall()
    assert sum(n for _, n in statuses) == mixed.summary.facts
    conflicting = duck.sql(
        f"SELECT count(*) FROM read_json('{out}/dossiers/*.txt', format='newline_delimited'), "
        "unnest(stories) AS s(story), unnest(story.facts) AS f(fact) WHERE fact.status = 'conflicting'").fetchall()
    assert conflicting[0][0] == dict(statuses).get("conflicting", 0)


def _table_rows(out: str) -> dict[str, list]:
    output = Output(out)
    tables = {name: list(output.rows(name)) for name in ("articles", "annotations", "stories", "facts", "errors")}
    tables["dossiers"] = list(output.dossiers())
    return tables


def test_a_rerun_writes_the_same_output(spark, tmp_path, settings):
    inputs = [str(SEED), str(tmp_path / "more")]
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "kyiv-wire.txt").write_text(corpus.wire_edit(corpus.UP), encoding="utf-8")
    (tmp_path / "more" / "empty.txt").write_bytes(b"")
    out = str(tmp_path / "out")
    first = run(inputs, out, settings, spark=spark, partitions=3)
    tables = _table_rows(out)
    again = run(inputs, out, settings, spark=spark, partitions=3)
    assert _table_rows(out) == tables
    assert (first.articles, first.copies, first.stories, len(first.errors)) == (3, 1, 1, 1)
    assert again.line() == first.line()


def _dated(root: Path) -> list[Path]:
    """ECB+ bank and quake reports as JSON files with publication dates; returned newest first (so the order
    of arrival is the reverse of publication)."""
    files = []
    for i, name in enumerate(corpus.BANK + corpus.QUAKE):
        title, body = corpus.ecb(name)
        day = f"2024-{1 + i % 2 * 6:02d}-{1 + i:02d}"  # two months apart: each topic's two events
        record = {"title": title, "text": body, "outlet": corpus.outlet(i), "published": day}
        path = root / f"{content_hash(name, length=8)}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        files.append((day, name, path))
    return [path for _, _, path in sorted(files, reverse=True)]


def test_publication_order_equals_add_in_publication_order(spark, tmp_path, settings):
    newest_first = [str(p) for p in _dated(tmp_path)]
    summary = run(newest_first, str(tmp_path / "out"), settings, spark=spark, order="published", compare=False,
                  partitions=3)
    store = open_store(str(tmp_path / "chronological.db"))
    add_sources(store, list(reversed(newest_first)), settings)
    imported = open_store(str(tmp_path / "imported.db"))
    from newsweave.scale import import_output

    import_output(imported, str(tmp_path / "out"))
    assert summary.stories == len(store.stories()) and summary.dossiers == 0
    assert _stories(imported) == _stories(store)


def test_a_hadoop_uri_is_read_like_the_local_file(mixed, spark, tmp_path):
    corpus_dir = Path(mixed.inputs[0])
    uris = [(corpus_dir / name).as_uri() for name in ("b-rehab.jsonl", "c-patch.warc.gz", "e-bank.rss")]
    summary = run(uris, str(tmp_path / "out"), mixed.settings, spark=spark, compare=False, partitions=3)
    local = {a.id: a for a in mixed.store.articles()
             if Path(a.path).name.startswith(("b-rehab", "c-patch", "e-bank"))}
    remote = list(Output(str(tmp_path / "out")).rows("articles"))
    assert summary.errors == () and len(remote) == len(local) == 23
    assert {r["id"]: r["copy_of"] for r in remote} == {i: a.copy_of for i, a in local.items()}
    assert all(r["path"].startswith("file:/") for r in remote)
