"""Story pages answer at once: a dossier not computed yet is computed in the background (one worker) while the page
says so, and the story list says "not computed yet" instead of zeros."""
from __future__ import annotations

import threading
import time

import pytest

from newsweave import dossiers
from newsweave.models import Article, Story, article_id
from newsweave.store import open_store


def _article(n: int) -> Article:
    text = f"Harbour {n} closed after storm number {n} hit the coast on Sunday."
    return Article(id=article_id(text, f"Outlet {n}"), outlet=f"Outlet {n}", title=f"Storm {n}", text=text,
                   published=f"2025-02-{10 + n:02d}")


@pytest.fixture()
def slow_compare(monkeypatch, fake_dossier):
    """The fake compare stage, held until ``release`` is set; ``calls`` counts comparisons."""
    release, calls = threading.Event(), []

    def compute(articles, annotations=None, story_id=None, settings=None, prepared=()):
        calls.append(story_id)
        release.wait(20)
        return fake_dossier(articles, story_id=story_id)

    monkeypatch.setattr(dossiers, "compute_dossier", compute)
    return release, calls


def _store_with_stories(db: str, count: int = 2) -> None:
    with open_store(db) as store:
        for s in range(count):
            arts = [_article(10 * s + n) for n in range(2)]
            for a in arts:
                store.add_article(a)
            store.save_story(Story(id=f"s{s}", title=f"Storm {s}", first=None, last=None,
                                   article_ids=tuple(a.id for a in arts)))


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_cold_story_page_answers_at_once_and_fills_in_when_computed(tmp_path, client_for, slow_compare):
    release, calls = slow_compare
    db = str(tmp_path / "cold.db")
    _store_with_stories(db)
    c = client_for(db)
    start = time.monotonic()
    page = c.get("/story/s0")
    data = c.get("/story/s0.json").json()
    other = c.get("/story/s1.json").json()  # a second cold story waits its turn behind the first
    assert time.monotonic() - start < 3
    assert page.status_code == 200 and "Computing" in page.text
    assert data["computing"] is True and len(data["articles"]) == 2 and data["facts"] == []
    assert other["computing"] is True
    listed = {s["id"]: s for s in c.get("/index.json").json()["stories"]}
    assert listed["s0"]["counts"] is None and "not computed yet" in c.get("/").text
    release.set()
    assert _wait_for(lambda: not c.get("/story/s0.json").json()["computing"])
    done = c.get("/story/s0.json").json()
    assert len(done["facts"]) == 2 and "Computing" not in c.get("/story/s0").text
    assert _wait_for(lambda: not c.get("/story/s1.json").json()["computing"])
    assert sorted(calls) == ["s0", "s1"]  # each story computed once, however many requests asked
    listed = {s["id"]: s for s in c.get("/index.json").json()["stories"]}
    assert listed["s0"]["counts"]["single_source"] == 2


def test_computed_pages_answer_while_the_worker_is_busy(seed_db, tmp_path, client_for, slow_compare):
    release, _ = slow_compare
    db, story_id = seed_db
    c = client_for(db)
    cold = str(tmp_path / "cold.db")
    _store_with_stories(cold, 1)
    cold_client = client_for(cold)
    assert cold_client.get("/story/s0.json").json()["computing"] is True  # the worker is now held
    start = time.monotonic()
    for _ in range(5):
        r = c.get(f"/story/{story_id}.json")
        assert r.status_code == 200 and r.json()["computing"] is False and r.json()["facts"]
    assert time.monotonic() - start < 5
    release.set()
