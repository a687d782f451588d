"""Story writes are atomic: a recluster or an assignment that fails half-way leaves the stories as they were."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.cluster import stream
from newsweave.models import Article, content_hash
from newsweave.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ecbplus_small"


def _stories(runner: CliRunner, db: str) -> list:
    result = runner.invoke(cli, ["--db", db, "stories", "--json"])
    assert result.exit_code == 0, result.output
    return sorted((s["id"], tuple(sorted(a["id"] for a in s["articles"]))) for s in json.loads(result.output))


def _articles() -> list[Article]:
    names = sorted(json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8")))
    return [Article(id=content_hash(n), outlet=f"outlet{i % 3}", title=(FIXTURES / n).read_text().splitlines()[0],
                    text=(FIXTURES / n).read_text(encoding="utf-8"), path=str(FIXTURES / n))
            for i, n in enumerate(names)]


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
