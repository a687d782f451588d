"""`newsweave add` of 100 real articles (ECB+) killed with SIGKILL at random points, five times, then run again:
nothing lost, nothing duplicated, every article in a story, and the stories those of a run never killed.

Skipped when the ECB+ data is not beside the checkout (../shared/data/ecbplus, read through bench/_ecbplus.py).
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers import ROOT

ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"
ARTICLES = 100
KILLS = 5
ASSIGN_EVERY = 24  # several story blocks within the run, so kills land inside and between them

pytestmark = pytest.mark.skipif(not (ECBPLUS / "ECBplus_train_dev_xml.tar.gz").exists(),
                                reason="ECB+ data not present")


def _write_corpus(folder: Path) -> None:
    """The first articles of the ECB+ train/dev topics as plain text, one outlet per topic half, with a meta.json."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from _ecbplus import FILE, corpus
        from ecbplus_clustering import read_document
    finally:
        sys.path.pop(0)
    folder.mkdir()
    meta = {}
    paths = sorted((p for p in corpus(ECBPLUS).rglob("*.xml") if FILE.match(p.name)),
                   key=lambda p: (int(FILE.match(p.name).group(1)), p.name))
    for path in paths[:ARTICLES]:
        _, text = read_document(path)
        name = path.stem + ".txt"
        (folder / name).write_text(text + "\n", encoding="utf-8")
        meta[name] = {"outlet": f"Outlet {path.stem.split('_')[1]}", "language": "en"}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _add(db: Path, folder: Path, config: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "newsweave", "--db", str(db), "--config", str(config), "add",
                             str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _state(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT story_id, article_id FROM story_articles").fetchall()
        stories: dict[str, set] = {}
        for story, article in rows:
            stories.setdefault(story, set()).add(article)
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": sorted(r[0] for r in conn.execute("SELECT id FROM articles")),
            "paths": conn.execute("SELECT COUNT(*), COUNT(DISTINCT path) FROM articles").fetchone(),
            "storyless": conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                      "(SELECT 1 FROM story_articles s WHERE s.article_id = a.id)").fetchone()[0],
            "stories": sorted(sorted(m) for m in stories.values()),
        }
    finally:
        conn.close()


def test_add_killed_five_times_then_rerun_equals_a_clean_run(tmp_path):
    folder, config = tmp_path / "corpus", tmp_path / "config.json"
    _write_corpus(folder)
    config.write_text(json.dumps({"assign_every": ASSIGN_EVERY}), encoding="utf-8")
    clean = _add(tmp_path / "clean.db", folder, config)
    out, err = clean.communicate(timeout=900)
    assert clean.returncode == 0, err
    expected = _state(tmp_path / "clean.db")
    assert len(expected["articles"]) == ARTICLES and expected["storyless"] == 0

    db, rng, kills = tmp_path / "killed.db", random.Random(22), 0
    targets = sorted(rng.sample(range(1, ARTICLES - 20), KILLS))
    for target in targets:  # kill once the store holds `target` articles, plus a random moment
        process = _add(db, folder, config)
        deadline = time.monotonic() + 600
        while process.poll() is None and _stored(db) < target and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 1.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.communicate(timeout=60)
    assert kills == KILLS, f"only {kills} runs were still going when killed"
    rerun = _add(db, folder, config)
    out, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    got = _state(db)
    assert got["integrity"] == "ok"
    assert got["articles"] == expected["articles"]  # none lost
    assert got["paths"] == (ARTICLES, ARTICLES)  # none stored twice
    assert got["storyless"] == 0
    assert got["stories"] == expected["stories"]
