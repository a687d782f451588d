"""Stories through the store (newsweave.stories): assign_stories saves pure stories and the clusterer's state,
recluster is deterministic and keeps the stories compare recorded, and story writes are atomic: a recluster or an
assignment that fails half-way leaves the stories as they were."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.cluster import stream
from newsweave.stories import assign_stories, load_state, recluster
from newsweave.models import Article
from newsweave.store import open_store

from .helpers import add_ecbplus_small as _add_ecb, ecbplus_small


def test_assign_stories_saves_pure_stories_and_state(fresh_store):
    ids, labels = _add_ecb(fresh_store)
    assign_stories(fresh_store, ids[:4])
    assign_stories(fresh_store, ids[4:])  # state restored from the store between calls
    stories = fresh_store.stories()
    members = [a for s in stories for a in s.article_ids]
    assert sorted(members) == sorted(ids)
    for story in stories:
        assert len({labels[a] for a in story.article_ids}) == 1
        assert len(story.scores) == len(story.article_ids)
    assert len(load_state(fresh_store).where) == len(ids)
    assert assign_stories(fresh_store, ids[:2]) == []  # already assigned: nothing changes


def test_recluster_is_deterministic(fresh_store):
    ids, _ = _add_ecb(fresh_store)
    first = sorted((s.id, s.article_ids) for s in recluster(fresh_store))
    second = sorted((s.id, s.article_ids) for s in recluster(fresh_store))
    assert first == second
    assert sorted((s.id, s.article_ids) for s in fresh_store.stories()) == first


def test_recluster_keeps_the_stories_compare_recorded(fresh_store):
    from newsweave.models import Story

    ids, _ = _add_ecb(fresh_store)
    mine = Story(id="cmp1", title="my comparison", first=None, last=None, article_ids=tuple(ids[:2]),
                 scores=(1.0, 1.0), origin="compare")
    fresh_store.save_story(mine)
    fresh_store.save_dossier("cmp1", {"schema": "newsweave.dossier/1", "stories": []})
    assign_stories(fresh_store, ids)
    rebuilt = recluster(fresh_store)
    assert all(s.origin == "cluster" for s in rebuilt)
    assert fresh_store.get_story("cmp1") == mine and fresh_store.get_dossier("cmp1") is not None
    stored = fresh_store.stories()
    assert sorted(a for s in stored if s.origin == "cluster" for a in s.article_ids) == sorted(ids)
    assert recluster(fresh_store) and fresh_store.stories() == stored  # a second run changes nothing


# --------------------------------------------------------------------------- atomic story writes

def _stories(runner: CliRunner, db: str) -> list:
    result = runner.invoke(cli, ["--db", db, "stories", "--json"])
    assert result.exit_code == 0, result.output
    return sorted((s["id"], tuple(sorted(a["id"] for a in s["articles"]))) for s in json.loads(result.output))


def _articles() -> list[Article]:
    return ecbplus_small()[0]


def test_failed_recluster_keeps_the_old_stories(tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    store = open_store(db)
    from newsweave.pipeline import _assign_stories
    from newsweave.config import Settings

    articles = _articles()
    for article in articles:
        store.add_article(article)
    _assign_stories(store, [a.id for a in articles], Settings(db=db))
    store.close()
    runner = CliRunner()
    before = _stories(runner, db)
    assert before and sum(len(s[1]) for s in before) == len(articles)

    def broken(self, rounds=1):
        raise RuntimeError("disk full")

    monkeypatch.setattr(stream.StreamClusterer, "refine", broken)
    failed = runner.invoke(cli, ["--db", db, "recluster"])
    assert failed.exit_code != 0
    assert _stories(runner, db) == before  # the deletions were rolled back with the failed writes
    monkeypatch.undo()
    assert runner.invoke(cli, ["--db", db, "recluster"]).exit_code == 0
    assert sum(len(s[1]) for s in _stories(runner, db)) == len(articles)


def test_failed_assignment_writes_no_story(tmp_path, monkeypatch):
    db = str(tmp_path / "a.db")
    store = open_store(db)
    from newsweave import stories as service
    from newsweave.pipeline import _assign_stories
    from newsweave.config import Settings

    articles = _articles()
    for article in articles:
        store.add_article(article)

    def broken(store_, state):
        raise RuntimeError("killed")

    monkeypatch.setattr(service, "save_state", broken)
    try:
        _assign_stories(store, [a.id for a in articles], Settings(db=db))
    except RuntimeError:
        pass
    assert store.stories() == []  # the stories flushed before the failure were rolled back
    store.close()


def test_related_links_go_both_ways_and_name_only_stored_stories():
    from newsweave.models import Story
    from newsweave.stories import related_links

    stories = [Story(id="a", title="A", first=None, last=None, related=("b", "gone", "a")),
               Story(id="b", title="B", first=None, last=None, related=("c",)),
               Story(id="c", title="C", first=None, last=None)]
    assert related_links(stories) == {"a": ("b",), "b": ("c", "a"), "c": ("b",)}
