"""`newsweave story ID`, `newsweave dossier ID` and `newsweave report ID` share the web app's rule for when a saved
dossier is current (newsweave.dossiers): each recomputes exactly when the story changed, and only once."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsweave import dossiers
from newsweave.cli import cli
from newsweave.errors import MissingExtra
from newsweave.models import Article, Story, article_id
from newsweave.store import open_store


def _article(n: int) -> Article:
    text = f"Council {n} reopened bridge number {n} on Monday after repairs."
    return Article(id=article_id(text, f"Outlet {n}"), outlet=f"Outlet {n}", title=f"Bridge {n}", text=text,
                   published=f"2025-01-{10 + n:02d}", path=f"/in/{n}.txt")


@pytest.fixture()
def db(tmp_path, fake_dossier) -> str:
    """Three articles; story s1 holds the first two and a dossier saved when it held only the first."""
    path = str(tmp_path / "d.db")
    with open_store(path) as store:
        arts = [_article(n) for n in range(3)]
        for a in arts:
            store.add_article(a)
        store.save_story(Story(id="s1", title="Bridge", first="2025-01-10", last="2025-01-11",
                               article_ids=(arts[0].id, arts[1].id)))
        store.save_story(Story(id="empty", title="Nothing", first=None, last=None, article_ids=()))
        store.save_dossier("s1", fake_dossier(arts[:1], story_id="s1"))
    return path


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _ids(dossier: dict) -> list[str]:
    return sorted(a["id"] for a in dossier["stories"][0]["articles"])


def test_cli_and_web_recompute_an_outdated_dossier_once(db, computed, tmp_path):
    out = _run(db, "dossier", "s1", "--json")
    assert out.exit_code == 0, out.output
    dossier = json.loads(out.output)
    assert len(computed) == 1 and _ids(dossier) == computed[0][0] and len(dossier["stories"][0]["facts"]) == 2
    assert dossiers.STAMP not in dossier and set(dossier) == {"schema", "stories"}
    story = json.loads(_run(db, "story", "s1", "--json").output)
    assert story["dossier"] == dossier and len(computed) == 1
    from newsweave.web.data import load_dossier, story_page

    with open_store(db) as store:
        assert _ids(load_dossier(store, "s1")) == computed[0][0]
        assert len(story_page(store, "s1")["articles"]) == 2
    report = _run(db, "report", "s1", "-o", str(tmp_path / "r.html"))
    assert report.exit_code == 0, report.output
    assert "Bridge 1" in (tmp_path / "r.html").read_text(encoding="utf-8") and len(computed) == 1


def test_every_reader_sees_a_story_change(db, computed):
    _run(db, "dossier", "s1", "--json")
    with open_store(db) as store:
        story = store.get_story("s1")
        third = store.articles()[2]
        store.save_story(Story(id="s1", title=story.title, first=story.first, last="2025-01-12",
                               article_ids=story.article_ids + (third.id,)))
    from newsweave.web.data import load_dossier

    with open_store(db) as store:
        assert len(load_dossier(store, "s1")["stories"][0]["articles"]) == 3
    assert len(computed) == 2
    story = json.loads(_run(db, "story", "s1", "--json").output)
    assert len(story["dossier"]["stories"][0]["articles"]) == 3
    assert json.loads(_run(db, "dossier", "s1", "--json").output) == story["dossier"]
    assert len(computed) == 2


def test_dossier_errors_are_one_line(db, computed, monkeypatch):
    empty = _run(db, "dossier", "empty")
    assert empty.exit_code == 1 and empty.output == "Error: story empty has no articles\n"
    with open_store(db) as store:
        store.delete_story("s1")
        store.save_story(Story(id="s1", title="Bridge", first=None, last=None,
                               article_ids=tuple(a.id for a in store.articles()[:2])))
    def missing_extra(*args, **kwargs):
        raise MissingExtra("nlp", "spacy")

    monkeypatch.setattr(dossiers, "compute_dossier", missing_extra)
    missing = _run(db, "dossier", "s1")
    assert missing.exit_code == 1
    assert missing.output == "Error: story s1: the comparison failed (see the warning above)\n"
