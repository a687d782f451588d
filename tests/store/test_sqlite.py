import sqlite3

import pytest

from newsweave.errors import NotFound
from newsweave.models import Annotations, Article, Segment, Sentence, Story, article_id
from newsweave.store import open_store
from newsweave.store import migrations


def _article(text="Ukraine captured two soldiers.", outlet="Example News") -> Article:
    return Article(
        id=article_id(text, outlet), outlet=outlet, title="Capture", text=text, original="Capture\n" + text,
        segments=(Segment(0, 8, len(text)),), published="2025-01-11", language="en", extra={"k": [1, 2]},
    )


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    assert migrations.apply(conn) == []
    names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == sorted(name for name, _ in migrations.MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_round_trip_and_duplicate(fresh_store):
    art = _article()
    assert fresh_store.add_article(art, minhash=[1, 2, 3], bands=[(0, "ab")]) is True
    assert fresh_store.add_article(art, minhash=[1, 2, 3], bands=[(0, "ab")]) is False
    back = fresh_store.get_article(art.id[:6])
    assert back == art
    assert back.original_offset(0) == 8
    assert fresh_store.copy_candidates([(0, "ab")]) == [(art.id, [1, 2, 3])]
    assert fresh_store.copy_candidates([(1, "ab")]) == []


def test_failed_write_leaves_nothing(fresh_store):
    art = _article()
    with pytest.raises(sqlite3.IntegrityError):
        # a band row for the same article twice is fine, but a None key violates NOT NULL mid-transaction
        fresh_store.add_article(art, minhash=[1], bands=[(0, "ok"), (1, None)])
    assert fresh_store.articles() == []
    assert fresh_store.copy_candidates([(0, "ok")]) == []


def test_missing_article_raises_not_found(fresh_store):
    with pytest.raises(NotFound):
        fresh_store.get_article("deadbeef")


def test_annotations_and_stories(fresh_store):
    art = _article()
    fresh_store.add_article(art)
    ann = Annotations(article_id=art.id, sentences=(Sentence(0, 0, 10, "Ukraine ca"),))
    fresh_store.save_annotations(ann)
    fresh_store.save_annotations(ann)
    assert fresh_store.get_annotations(art.id) == ann
    story = Story(id="s1", title="Capture", first="2025-01-11", last="2025-01-11",
                  article_ids=(art.id,), scores=(0.9,), entities=("Ukraine",))
    fresh_store.save_story(story)
    assert fresh_store.get_story("s1") == story
    assert fresh_store.stories() == [story]
    fresh_store.save_dossier("s1", {"schema": "x"})
    assert fresh_store.get_dossier("s1") == {"schema": "x"}
    fresh_store.delete_story("s1")
    assert fresh_store.stories() == []
    assert fresh_store.get_dossier("s1") is None
