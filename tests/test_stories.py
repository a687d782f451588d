"""Stories through the store: assign_stories, recluster, and the stories/story/recluster commands."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.stories import assign_stories, load_state, recluster
from newsweave.models import Article, content_hash

from .helpers import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "ecbplus_small"


def _add_ecb(store) -> tuple[list[str], dict[str, str]]:
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    ids, labels = [], {}
    for i, name in enumerate(sorted(gold, key=lambda n: (n.split("_")[1][1:], n))):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        article = Article(id=content_hash(name), outlet=f"outlet{i % 3}", title=text.splitlines()[0], text=text,
                          path=str(FIXTURES / name))
        store.add_article(article)
        ids.append(article.id)
        labels[article.id] = gold[name]
    return ids, labels


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


def test_cli_stories_story_recluster(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    from newsweave.store import open_store

    store = open_store(db)
    ids, _ = _add_ecb(store)
    assign_stories(store, ids)
    store.close()
    result = runner.invoke(cli, ["--db", db, "stories", "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert {"id", "title", "first", "last", "articles"} <= set(items[0])
    assert set(items[0]["articles"][0]) == {"id", "outlet", "title", "path"}
    assert sum(len(i["articles"]) for i in items) == len(ids)
    table = runner.invoke(cli, ["--db", db, "stories"])
    assert table.exit_code == 0 and "stories" in table.output
    assert runner.invoke(cli, ["--db", db, "stories", "--since", "2100-01-01", "--json"]).output.strip() == "[]"
    missing = runner.invoke(cli, ["--db", db, "story", "zzzz"])
    assert missing.exit_code == 1 and "no story" in missing.output
    again = runner.invoke(cli, ["--db", db, "recluster"])
    assert again.exit_code == 0 and f"from {len(ids)} articles" in again.output


def test_cli_story_shows_members_and_dossier(tmp_path, seed_dir):
    db = str(tmp_path / "seed.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "add", str(seed_dir)]).exit_code == 0
    (listed,) = json.loads(runner.invoke(cli, ["--db", db, "stories", "--json"]).output)
    result = runner.invoke(cli, ["--db", db, "story", listed["id"][:8], "--json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.output)
    assert story["id"] == listed["id"]
    assert {a["outlet"] for a in story["articles"]} == {"Ukrainska Pravda", "The Washington Post"}
    (dossier_story,) = story["dossier"]["stories"]
    statuses = [f["status"] for f in dossier_story["facts"]]
    assert statuses.count("corroborated") >= 10 and "conflicting" not in statuses


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
