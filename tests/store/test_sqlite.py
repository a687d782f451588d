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


def test_annotations_stories_and_dossiers_round_trip(fresh_store):
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


def _selects(store, fn):
    statements = []
    store.conn.set_trace_callback(statements.append)
    try:
        result = fn()
    finally:
        store.conn.set_trace_callback(None)
    return result, sum(s.lstrip().upper().startswith("SELECT") for s in statements)


def test_articles_by_ids_batched_in_the_order_asked(fresh_store):
    arts = [_article(f"Bridge {n} reopened after the storm.") for n in range(1100)]
    for a in arts:
        fresh_store.add_article(a)
    wanted = [arts[7].id, "missing", arts[3].id, arts[7].id, arts[1099].id]
    found, queries = _selects(fresh_store, lambda: fresh_store.articles(wanted))
    assert [a.id for a in found] == [arts[7].id, arts[3].id, arts[7].id, arts[1099].id]
    assert found[1] == arts[3] and queries == 1
    every = [a.id for a in reversed(arts)] + ["nope"] * 3
    found, queries = _selects(fresh_store, lambda: fresh_store.articles(every))
    assert [a.id for a in found] == every[:-3] and queries == 3  # 1101 distinct ids in chunks of 500
    assert fresh_store.articles([]) == [] and fresh_store.articles(["missing"]) == []
    refs = fresh_store.article_refs([arts[2].id, "missing", arts[0].id])
    assert [r["id"] for r in refs] == [arts[2].id, arts[0].id] and set(refs[0]) >= {"outlet", "title", "path"}


def test_annotations_batched_and_digests_follow_changes(fresh_store):
    a, b = _article("One text."), _article("Two text.")
    for art in (a, b):
        fresh_store.add_article(art)
    ann = Annotations(article_id=a.id, sentences=(Sentence(0, 0, 4, "One "),))
    fresh_store.save_annotations(ann)
    (found, queries) = _selects(fresh_store, lambda: fresh_store.annotations([b.id, a.id, "x"]))
    assert found == {a.id: ann} and queries == 1
    before = fresh_store.annotation_digests([a.id, b.id])
    assert set(before) == {a.id}
    fresh_store.save_annotations(ann)
    assert fresh_store.annotation_digests([a.id]) == before
    fresh_store.save_annotations(Annotations(article_id=a.id, sentences=(Sentence(0, 0, 3, "One"),)))
    assert fresh_store.annotation_digests([a.id]) != before


def test_stories_listed_in_two_queries(fresh_store):
    arts = [_article(f"Story text {n}.") for n in range(4)]
    for art in arts:
        fresh_store.add_article(art)
    saved = [Story(id=f"s{n}", title=f"T{n}", first=f"2025-01-{12 - n:02d}", last=None,
                   article_ids=(arts[n].id, arts[(n + 1) % 4].id), scores=(0.5, 0.25), entities=("X",))
             for n in range(3)]
    saved.append(Story(id="empty", title="E", first=None, last=None, article_ids=()))
    for s in saved:
        fresh_store.save_story(s)
    listed, queries = _selects(fresh_store, fresh_store.stories)
    assert listed == [fresh_store.get_story(i) for i in ("empty", "s2", "s1", "s0")] and queries == 2
    assert listed[1] == saved[2]


def test_revision_moves_with_every_write(tmp_path):
    from newsweave.store import open_store

    store = open_store(str(tmp_path / "r.db"))
    other = open_store(str(tmp_path / "r.db"))
    first = store.revision()
    assert store.revision() == first
    from newsweave.models import Article

    other.add_article(Article(id="a" * 16, outlet="X", title="t", text="some text"))
    assert store.revision() != first  # another connection committed
    second = store.revision()
    store.add_article(Article(id="b" * 16, outlet="X", title="t", text="other text"))
    assert store.revision() != second  # this connection wrote
    assert open_store(str(tmp_path / "r.db")).revision() != store.revision()


def test_open_without_create_refuses_a_missing_store_and_creates_nothing(tmp_path):
    from newsweave.errors import StoreError

    target = tmp_path / "missing" / "x.db"
    with pytest.raises(StoreError, match="no such store"):
        open_store(str(target), create=False)
    assert not target.parent.exists()
    open_store(str(target)).close()
    open_store(str(target), create=False).close()  # now it exists


def test_ambiguous_prefixes_are_refused_for_stories_and_articles(fresh_store):
    from newsweave.errors import NotFound
    from newsweave.models import Story

    for sid in ("c1", "c2", "c10", "d1"):
        fresh_store.save_story(Story(id=sid, title=sid, first=None, last=None))
    with pytest.raises(NotFound, match="ambiguous"):
        fresh_store.get_story("c")
    assert fresh_store.get_story("d").id == "d1"
    assert fresh_store.get_story("c1").id == "c1"  # an exact id wins over the longer ids it prefixes
    assert fresh_store.get_story("c10").id == "c10"
    with pytest.raises(NotFound, match="no story"):
        fresh_store.get_story("C1")  # ids are case-sensitive, and no wildcard passes
    with pytest.raises(NotFound, match="no story"):
        fresh_store.get_story("%")
    with pytest.raises(NotFound, match="no story"):
        fresh_store.get_story("")
    from dataclasses import replace

    for aid in ("ab1", "ab2"):
        fresh_store.add_article(replace(_article(f"text {aid}"), id=aid))
    with pytest.raises(NotFound, match="ambiguous"):
        fresh_store.get_article("ab")
    assert fresh_store.get_article("ab2").id == "ab2"


def test_story_related_links_round_trip(fresh_store):
    art = _article()
    fresh_store.add_article(art)
    story = Story(id="s2", title="Questions", first=None, last=None, article_ids=(art.id,), related=("s1", "s0"))
    fresh_store.save_story(story)
    assert fresh_store.get_story("s2").related == ("s1", "s0")
    fresh_store.save_story(Story(id="s2", title="Questions", first=None, last=None, article_ids=(art.id,)))
    assert fresh_store.stories()[0].related == ()
