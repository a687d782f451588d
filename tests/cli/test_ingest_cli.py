"""`newsweave add / articles / article` end to end, asserting the exact text printed."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from builders import UP, WP_TITLE, seed_pages, warc_bytes  # noqa: E402

from newsweave.cli import cli  # noqa: E402

UP_ID, WP_ID = "5e62c0b6f993e30c", "d1c9687cf2cc1806"


@pytest.fixture()
def run(tmp_path):
    db = str(tmp_path / "cli.db")

    def invoke(*args, input=None):
        return CliRunner().invoke(cli, ["--db", db, *map(str, args)], input=input)

    return invoke


def test_add_seed_pair_twice(run, seed_dir):
    first = run("add", seed_dir)
    assert (first.exit_code, first.stdout, first.stderr) == (0, "added 2, duplicates 0, copies 0, errors 0\n", "")
    second = run("add", seed_dir)
    assert (second.exit_code, second.stdout) == (0, "added 0, duplicates 2, copies 0, errors 0\n")


def test_batch_with_bad_inputs_exits_1_and_names_each(run, seed_dir, tmp_path):
    binary, empty, cut = tmp_path / "photo.jpg", tmp_path / "empty.txt", tmp_path / "crawl.warc.gz"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    empty.write_bytes(b"")
    data = warc_bytes(seed_pages())
    cut.write_bytes(data[: len(data) - 400])
    result = run("add", seed_dir / "ukrainska-pravda.txt", binary, seed_dir / "washington-post.txt", empty, cut)
    assert result.exit_code == 1
    # the WARC's first record is the UP page: same cleaned text and outlet as the .txt, so a duplicate
    assert result.stdout == "added 2, duplicates 1, copies 0, errors 3\n"
    assert result.stderr.splitlines() == [
        f"error: {binary}: binary file, not text",
        f"error: {empty}: empty input",
        f"error: {cut}#record 2 <{seed_pages()[1][0]}>: truncated WARC: this record and anything after it are "
        "incomplete",
    ]
    listed = json.loads(run("articles", "--json").stdout)
    assert [a["id"] for a in listed] == [UP_ID, WP_ID]


def test_seed_pair_batch_with_bad_inputs_stores_the_two(run, seed_dir, tmp_path):
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_text("")
    data = warc_bytes(seed_pages())
    (tmp_path / "cut.warc").write_bytes(warc_bytes(seed_pages(), gzip=False)[:300])
    result = run("add", seed_dir, tmp_path / "blob.bin", tmp_path / "empty.txt", tmp_path / "cut.warc")
    assert result.exit_code == 1 and result.stdout == "added 2, duplicates 0, copies 0, errors 3\n"
    assert len(result.stderr.splitlines()) == 3 and all(line.startswith("error: ") for line in result.stderr.splitlines())
    assert "cut.warc#record 1" in result.stderr and data
    listed = json.loads(run("articles", "--json").stdout)
    assert [(a["id"], a["outlet"], a["published"][:10], a["language"]) for a in listed] == [
        (UP_ID, "Ukrainska Pravda", "2025-01-11", "en"), (WP_ID, "The Washington Post", "2025-01-11", "en")]


def test_near_duplicate_counts_as_copy(run, seed_dir, tmp_path):
    run("add", seed_dir)
    (tmp_path / "wire.txt").write_text(UP.replace("sniper", "marksman").replace("Tuva", "Tyva"), encoding="utf-8")
    result = run("add", tmp_path / "wire.txt", "--outlet", "Kyiv Wire", "--language", "en")
    assert (result.exit_code, result.stdout) == (0, "added 1, duplicates 0, copies 1, errors 0\n")
    copy = json.loads(run("articles", "--json").stdout)[-1]
    assert copy["outlet"] == "Kyiv Wire" and copy["copy_of"] == UP_ID


def test_stdin_and_flags(run):
    result = run("add", "-", "--outlet", "The Washington Post", "--published", "2025-01-11", "--language", "en",
                 input=(Path(__file__).resolve().parents[2] / "examples/seed-pair/washington-post.txt").read_bytes())
    assert (result.exit_code, result.stdout) == (0, "added 1, duplicates 0, copies 0, errors 0\n")
    shown = json.loads(run("article", WP_ID, "--json").stdout)
    assert shown["title"] == WP_TITLE and shown["inferred"] == [] and "original" not in shown


@pytest.mark.parametrize("args", [["add"], ["add", "x.txt", "--published", "someday"], ["add", "--bogus", "x"]])
def test_usage_errors_exit_2(run, args):
    assert run(*args).exit_code == 2


def test_articles_table_and_article_views(run, seed_dir):
    run("add", seed_dir)
    table = run("articles").stdout
    assert UP_ID[:8] in table and "Ukrainska" in table and "words" in table
    shown = run("article", UP_ID[:6])
    lines = shown.stdout.splitlines()
    assert lines[:5] == [f"id: {UP_ID}", "outlet: Ukrainska Pravda",
                         "title: Zelenskyy: Ukrainians take North Korean soldiers captive – photos, video",
                         "published: 2025-01-11T15:00:00+02:00", "language: en"]
    assert "Support UP" not in shown.stdout and shown.stdout.count("captive – photos, video") == 2
    assert "Support UP or become our patron!" in run("article", UP_ID, "--original").stdout
    data = json.loads(run("article", UP_ID, "--json", "--original").stdout)
    assert data["segments"] and data["words"] == 376 and data["original"].endswith("patron!")


def test_unknown_article_is_one_line(run):
    result = run("article", "ffff")
    assert result.exit_code == 1 and result.stderr == "Error: no article with id 'ffff'\n"


def test_url_guard_and_allow_private(run, tmp_path):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from builders import WP_BODY, html_page

    (tmp_path / "wp.html").write_text(html_page(WP_TITLE, WP_BODY), encoding="utf-8")
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/wp.html"
    try:
        refused = run("add", url)
        assert refused.exit_code == 1 and refused.stdout == "added 0, duplicates 0, copies 0, errors 1\n"
        assert refused.stderr == (f"error: {url}: refused: 127.0.0.1 resolves to non-public address 127.0.0.1 "
                                  "(use --allow-private)\n")
        fetched = run("add", url, "--allow-private")
        assert (fetched.exit_code, fetched.stdout) == (0, "added 1, duplicates 0, copies 0, errors 0\n")
    finally:
        httpd.shutdown()
        httpd.server_close()
    (listed,) = json.loads(run("articles", "--json").stdout)
    assert listed["outlet"] == "The Washington Post" and listed["published"] == "2025-01-11T09:30:00-05:00"
