"""newsweave.dossiers: the one rule deciding whether a saved dossier is current (same members, same annotations,
same code version), shared by the CLI and the web; an outdated dossier is recomputed once, or kept when it cannot
be."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsweave import dossiers
from newsweave.cli import cli
from newsweave.errors import MissingExtra, NewsweaveError
from newsweave.models import Annotations, Sentence, Story
from newsweave.store import open_store

from .helpers import bridge_article as _article


@pytest.fixture()
def story(fresh_store) -> Story:
    arts = [_article(n) for n in range(3)]
    for a in arts:
        fresh_store.add_article(a)
    s = Story(id="s1", title="Bridge", first="2025-01-10", last="2025-01-11", article_ids=(arts[0].id, arts[1].id))
    fresh_store.save_story(s)
    return s


def test_computed_once_then_served_from_the_store(fresh_store, story, computed):
    first = dossiers.story_dossier(fresh_store, story)
    again = dossiers.story_dossier(fresh_store, "s1")
    assert len(computed) == 1 and first == again
    assert dossiers.STAMP not in first and set(first) == {"schema", "stories"}
    saved = fresh_store.get_dossier("s1")
    assert saved[dossiers.STAMP] == dossiers.stamp_for(fresh_store, story)
    assert computed[0] == (sorted(story.article_ids), False)  # no stored annotations: compare annotates


def test_new_member_makes_it_stale(fresh_store, story, computed):
    dossiers.story_dossier(fresh_store, story)
    third = fresh_store.articles()[2]
    grown = Story(id="s1", title="Bridge", first=story.first, last=story.last,
                  article_ids=story.article_ids + (third.id,))
    fresh_store.save_story(grown)
    result = dossiers.story_dossier(fresh_store, "s1")
    assert len(computed) == 2 and len(result["stories"][0]["articles"]) == 3
    reordered = Story(id="s1", title="Bridge", first=None, last=None, article_ids=tuple(reversed(grown.article_ids)))
    fresh_store.save_story(reordered)  # same members in another order: still current
    assert dossiers.story_dossier(fresh_store, "s1") == result and len(computed) == 2


def test_changed_annotations_make_it_stale(fresh_store, story, computed):
    a, b = story.article_ids
    for i in (a, b):
        fresh_store.save_annotations(Annotations(article_id=i, sentences=(Sentence(0, 0, 7, "Council"),)))
    dossiers.story_dossier(fresh_store, story)
    assert computed[-1][1] is True  # every member annotated: the stored annotations were used
    dossiers.story_dossier(fresh_store, story)
    assert len(computed) == 1
    fresh_store.save_annotations(Annotations(article_id=b, sentences=(Sentence(0, 0, 6, "Counci"),)))
    dossiers.story_dossier(fresh_store, story)
    assert len(computed) == 2


def test_other_code_version_or_no_stamp_is_stale(fresh_store, story, computed, fake_dossier, monkeypatch):
    dossiers.story_dossier(fresh_store, story)
    monkeypatch.setattr(dossiers, "code_version", lambda: "another-version")
    dossiers.story_dossier(fresh_store, story)
    assert len(computed) == 2
    fresh_store.save_dossier("s1", fake_dossier(fresh_store.articles(list(story.article_ids)), story_id="s1"))
    dossiers.story_dossier(fresh_store, story)  # saved before stamps existed: from an older version
    assert len(computed) == 3


def test_outdated_dossier_is_kept_when_it_cannot_be_recomputed(fresh_store, story, computed, fake_dossier,
                                                                 monkeypatch):
    legacy = fake_dossier(fresh_store.articles([story.article_ids[0]]), story_id="s1")
    fresh_store.save_dossier("s1", legacy)
    assert dossiers.story_dossier(fresh_store, story, compute=False) == legacy

    def failing(*args, **kwargs):
        raise NewsweaveError("no model")

    monkeypatch.setattr(dossiers, "compute_dossier", failing)
    assert dossiers.story_dossier(fresh_store, story) == legacy
    fresh_store.delete_story("s1")
    fresh_store.save_story(story)
    assert dossiers.story_dossier(fresh_store, story) is None
    assert computed == []


def test_story_without_members_is_not_compared(fresh_store, computed):
    fresh_store.save_story(Story(id="empty", title="Nothing", first=None, last=None, article_ids=()))
    assert dossiers.story_dossier(fresh_store, "empty") is None
    page = dossiers.load_dossier(fresh_store, "empty")
    assert page["stories"][0]["articles"] == [] and page["stories"][0]["id"] == "empty" and computed == []


def test_load_dossier_carries_the_store_story(fresh_store, story, computed):
    page = dossiers.load_dossier(fresh_store, "s1")
    (item,) = page["stories"]
    assert (item["id"], item["first"], item["last"]) == ("s1", "2025-01-10", "2025-01-11")
    assert page["schema"] == "newsweave.dossier/2" and dossiers.STAMP not in page


def test_save_dossier_stamps_it_current(fresh_store, story, computed, fake_dossier):
    dossiers.save_dossier(fresh_store, story, fake_dossier(fresh_store.articles(list(story.article_ids))))
    dossiers.story_dossier(fresh_store, story)
    assert computed == []


def test_current_check_costs_the_same_queries_for_any_story_size(fresh_store, computed):
    arts = [_article(n) for n in range(1200)]
    for a in arts:
        fresh_store.add_article(a)
        fresh_store.save_annotations(Annotations(article_id=a.id))
    counts = []
    for size in (3, 1200):
        sid = f"s{size}"
        fresh_store.save_story(Story(id=sid, title="t", first=None, last=None,
                                     article_ids=tuple(a.id for a in arts[:size])))
        dossiers.story_dossier(fresh_store, sid)
        statements = []
        fresh_store.conn.set_trace_callback(statements.append)
        assert dossiers.story_dossier(fresh_store, sid)["stories"][0]["articles"]
        fresh_store.conn.set_trace_callback(None)
        counts.append(sum(s.lstrip().upper().startswith("SELECT") for s in statements))
    assert counts[1] - counts[0] <= 2, counts  # 1200 ids: three chunks of 500 instead of one query each
    assert computed[1] == (sorted(a.id for a in arts), True)


def test_code_version_is_stable_and_short():
    assert dossiers.code_version() == dossiers.code_version()
    assert len(dossiers.code_version()) == 16


# --------------------------------------------------------------------------- the readers: CLI commands and web data
# `newsweave story ID`, `newsweave dossier ID` and `newsweave report ID` share the web app's rule: each recomputes
# exactly when the story changed, and only once.

@pytest.fixture()
def db(tmp_path, fake_dossier) -> str:
    """Three articles; story s1 holds the first two and a dossier saved when it held only the first."""
    path = str(tmp_path / "d.db")
    with open_store(path) as store:
        arts = [_article(n, path=f"/in/{n}.txt") for n in range(3)]
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
