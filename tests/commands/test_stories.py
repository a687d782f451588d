"""`newsweave stories`, `newsweave story ID` and `newsweave recluster`: the listing as a table and as JSON, a story
with its members and dossier, unknown ids refused."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.stories import assign_stories

from ..helpers import add_ecbplus_small as _add_ecb


def test_stories_story_and_recluster_commands(tmp_path):
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
    assert {"id", "title", "first", "last", "articles", "related"} <= set(items[0])
    titles = {i["id"]: i["title"] for i in items}
    assert all(titles[r["id"]] == r["title"] for i in items for r in i["related"])
    assert set(items[0]["articles"][0]) == {"id", "outlet", "title", "path"}
    assert sum(len(i["articles"]) for i in items) == len(ids)
    table = runner.invoke(cli, ["--db", db, "stories"])
    assert table.exit_code == 0 and "stories" in table.output and "related" in table.output
    assert runner.invoke(cli, ["--db", db, "stories", "--since", "2100-01-01", "--json"]).output.strip() == "[]"
    missing = runner.invoke(cli, ["--db", db, "story", "zzzz"])
    assert missing.exit_code == 1 and "no story" in missing.output
    again = runner.invoke(cli, ["--db", db, "recluster"])
    assert again.exit_code == 0 and f"from {len(ids)} articles (" in again.output and "kept their ids" in again.output


def test_story_shows_members_and_dossier(tmp_path, seed_dir):
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


def test_stories_say_not_computed_yet_instead_of_zeros(tmp_path, seed_dir, seed_copy):
    runner = CliRunner()
    fresh = str(tmp_path / "fresh.db")
    assert runner.invoke(cli, ["--db", fresh, "add", str(seed_dir)]).exit_code == 0
    table = runner.invoke(cli, ["--db", fresh, "stories"])
    assert table.exit_code == 0 and "not computed yet" in table.output
    (item,) = json.loads(runner.invoke(cli, ["--db", fresh, "stories", "--json"]).output)
    assert item["counts"] is None
    computed, _ = seed_copy
    table = runner.invoke(cli, ["--db", computed, "stories"])
    assert "not computed yet" not in table.output and "corroborated" in table.output
    (item,) = json.loads(runner.invoke(cli, ["--db", computed, "stories", "--json"]).output)
    assert item["counts"]["corroborated"] >= 10 and item["counts"]["conflicting"] == 0


def _store_with_stories(db: str, ids: list[str]) -> None:
    from newsweave.models import Story
    from newsweave.store import open_store

    with open_store(db) as store:
        for sid in ids:
            store.save_story(Story(id=sid, title=f"story {sid}", first="2025-01-11", last="2025-01-11"))


@pytest.mark.parametrize("args", [["story", "c"], ["dossier", "c"], ["report", "c"], ["entities", "--story", "c"]],
                         ids=lambda a: a[0])
def test_an_ambiguous_story_prefix_is_refused_by_every_command(tmp_path, args):
    db = str(tmp_path / "amb.db")
    _store_with_stories(db, ["c1aa", "c2bb", "c3cc", "c4dd"])
    result = CliRunner().invoke(cli, ["--db", db, *args, "-o", str(tmp_path / "r.html")] if args[0] == "report"
                                else ["--db", db, *args])
    assert result.exit_code == 1, result.output
    assert "ambiguous" in result.output


def test_since_must_be_a_date(tmp_path):
    db = str(tmp_path / "s.db")
    _store_with_stories(db, ["a1"])
    result = CliRunner().invoke(cli, ["--db", db, "stories", "--since", "banana"])
    assert result.exit_code == 2 and "banana" in result.output and "--since" in result.output
    ok = CliRunner().invoke(cli, ["--db", db, "stories", "--since", "2025-01-11", "--json"])
    assert ok.exit_code == 0 and len(json.loads(ok.output)) == 1
    later = CliRunner().invoke(cli, ["--db", db, "stories", "--since", "2025-01-12", "--json"])
    assert later.exit_code == 0 and json.loads(later.output) == []
