"""The web app serves a story's saved dossier while it is current and recomputes it once when the story changed,
by the same rule as the CLI (newsweave.dossiers)."""
from __future__ import annotations

import json
import time

from click.testing import CliRunner

from newsweave import dossiers
from newsweave.cli import cli
from newsweave.models import Article, Story, article_id
from newsweave.store import open_store


def _article(n: int) -> Article:
    text = f"Harbour {n} closed after storm number {n} hit the coast on Sunday."
    return Article(id=article_id(text, f"Outlet {n}"), outlet=f"Outlet {n}", title=f"Storm {n}", text=text,
                   published=f"2025-02-{10 + n:02d}")


def test_story_page_recomputes_only_when_the_story_changed(tmp_path, client_for, computed, fake_dossier):
    db = str(tmp_path / "w.db")
    arts = [_article(n) for n in range(3)]
    with open_store(db) as store:
        for a in arts:
            store.add_article(a)
        store.save_story(Story(id="s1", title="Storm", first=None, last=None, article_ids=(arts[0].id, arts[1].id)))
        store.save_dossier("s1", fake_dossier(arts, story_id="s1"))  # unstamped, and lists a non-member
    c = client_for(db)
    first = _settled(c, "/story/s1.json")
    assert len(first["articles"]) == 2 and len(computed) == 1
    assert c.get("/story/s1.json").json() == first and c.get("/story/s1").status_code == 200
    assert len(computed) == 1
    cli_dossier = json.loads(CliRunner().invoke(cli, ["--db", db, "dossier", "s1", "--json"]).output)
    assert len(cli_dossier["stories"][0]["articles"]) == 2 and len(computed) == 1
    with open_store(db) as store:
        store.save_story(Story(id="s1", title="Storm", first=None, last=None, article_ids=tuple(a.id for a in arts)))
    assert len(_settled(c, "/story/s1.json")["articles"]) == 3 and len(computed) == 2
    (listed,) = c.get("/index.json").json()["stories"]
    assert listed["articles"] == 3 and "computed_from" not in json.dumps(listed)


def _settled(client, path: str, timeout: float = 20.0) -> dict:
    """The page's JSON once its dossier is no longer being computed in the background."""
    deadline = time.monotonic() + timeout
    while True:
        page = client.get(path).json()
        if not page["computing"] or time.monotonic() > deadline:
            return page
        time.sleep(0.05)


def test_seed_dossier_was_saved_current(seed_db):
    db, story_id = seed_db
    with open_store(db) as store:
        story = store.get_story(story_id)
        assert dossiers.is_current(store.get_dossier(story.id), dossiers.stamp_for(store, story))
