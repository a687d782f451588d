"""`newsweave watch` end to end against a local site: polls feeds, adds what is new once, says what changed,
survives a restart, reports a broken feed, stops cleanly on SIGTERM; the seed pair published as two feeds becomes
one story with its real dossier."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newsweave.cli import cli

from ..feed_server import FeedServer, paragraphs_html, rss
from ..helpers import ROOT, seed_text


def _seed_item(name: str, date: str) -> dict:
    title, body = seed_text(name).split("\n", 1)
    return {"title": title, "link": f"https://example.org/{name}", "date": date, "content": paragraphs_html(body)}


@pytest.fixture()
def site():
    with FeedServer() as server:
        server.up = server.publish("/up.xml", rss("Ukrainska Pravda", [_seed_item("ukrainska-pravda",
                                                                                  "Sat, 11 Jan 2025 13:00:00 GMT")]))
        server.wp = server.publish("/wp.xml", rss("The Washington Post", [_seed_item("washington-post",
                                                                                     "Sat, 11 Jan 2025 14:30:00 GMT")]))
        yield server


def _watch(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "watch", *map(str, args), "--allow-private", "--host-interval",
                                    "0", "--once"])


def test_watch_once_adds_new_items_once_and_says_what_changed(site, tmp_path, computed):
    db = tmp_path / "w.db"
    first = _watch(db, site.up, site.wp)
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert lines[0] == f"{site.up}: 1 new item of 1; added 1, duplicates 0, copies 0, errors 0"
    assert any(line.startswith("  new story in ") for line in lines)
    again = _watch(db, site.up, site.wp)  # a restart: conditional requests, nothing added
    assert again.exit_code == 0 and again.stdout == f"{site.up}: not modified\n{site.wp}: not modified\n"
    articles = json.loads(CliRunner().invoke(cli, ["--db", str(db), "articles", "--json"]).stdout)
    assert sorted(a["outlet"] for a in articles) == ["The Washington Post", "Ukrainska Pravda"]


def test_a_broken_feed_is_one_error_line_and_the_others_still_land(site, tmp_path, computed):
    broken = site.publish("/broken.xml", "oops", "text/plain", status=500)
    result = _watch(tmp_path / "w.db", broken, site.up)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {broken}: failed: {broken}: HTTP 500 (retry in ")
    assert f"{site.up}: 1 new item of 1" in result.stdout


@pytest.mark.parametrize("args, message", [(["ftp://x/feed"], "not an http(s) URL"),
                                           (["http://x/feed", "--every", "soon"], "not a duration"),
                                           (["http://x/feed", "--every", "0"], "more than 0")])
def test_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "watch", *args])
    assert result.exit_code == 2 and message in result.output


def test_sigterm_stops_a_running_watcher_cleanly_and_a_restart_adds_nothing(site, tmp_path):
    db = tmp_path / "w.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [sys.executable, "-m", "newsweave", "--db", str(db), "watch", site.up, "--every", "1s", "--allow-private",
            "--host-interval", "0", "--no-dossiers"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        first = proc.stdout.readline()  # the first poll has landed
        assert first.startswith(f"{site.up}: 1 new item"), first + proc.stderr.read()
        deadline = time.time() + 60
        while len(site.requests("/up.xml")) < 2 and time.time() < deadline:
            time.sleep(0.1)  # a second poll: the watcher is waiting for its next turn
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped after" in err and "Traceback" not in err
    again = CliRunner().invoke(cli, ["--db", str(db), "watch", site.up, "--allow-private", "--host-interval", "0",
                                     "--once", "--no-dossiers"])
    assert again.exit_code == 0 and again.stdout == f"{site.up}: not modified\n"


@pytest.mark.slow
def test_the_seed_pair_published_as_two_feeds_becomes_one_story_with_its_dossier(site, tmp_path):
    db = tmp_path / "w.db"
    result = _watch(db, site.up, site.wp)
    assert result.exit_code == 0, result.output
    (story,) = json.loads(CliRunner().invoke(cli, ["--db", str(db), "stories", "--json"]).stdout)
    shown = json.loads(CliRunner().invoke(cli, ["--db", str(db), "story", story["id"], "--json"]).stdout)
    facts = shown["dossier"]["stories"][0]["facts"]
    assert sum(f["status"] == "corroborated" for f in facts) >= 10  # computed by watch, saved, still current
    assert "new story in" in result.stdout
