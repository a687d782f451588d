"""`newsweave add / articles / article` end to end, asserting the exact text printed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsweave.cli import cli

from ..ingest.helpers import UP, WP_TITLE, seed_pages, warc_bytes

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
    # the title is shown once, in the metadata; the body follows a blank line and starts with the lede
    assert lines[5:7] == ["", "Ukrainian soldiers captured North Korean soldiers in Russia’s Kursk Oblast."]
    assert "Support UP" not in shown.stdout and shown.stdout.count("captive – photos, video") == 1
    original = run("article", UP_ID, "--original").stdout.splitlines()
    assert original[:7] == lines[:5] + ["", "Zelenskyy: Ukrainians take North Korean soldiers captive – photos, video"]
    assert original[-1] == "Support UP or become our patron!"
    wp = run("article", WP_ID).stdout.splitlines()
    assert wp[5:7] == ["", "The wounded fighters were taken to Kyiv for questioning, authorities said, where they "
                           "could reveal details of Pyongyang’s cooperation with Moscow."]
    assert sum(WP_TITLE in line for line in wp) == 1
    data = json.loads(run("article", UP_ID, "--json", "--original").stdout)
    assert data["segments"] and data["words"] == 376 and data["original"].endswith("patron!")


def test_unknown_article_is_one_line(run, tmp_path):
    from newsweave.store import open_store

    open_store(str(tmp_path / "cli.db")).close()
    result = run("article", "ffff")
    assert result.exit_code == 1 and result.stderr == "Error: no article with id 'ffff'\n"


def test_url_guard_and_allow_private(run, tmp_path):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from ..ingest.helpers import WP_BODY, html_page

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


def _locked(path: Path, monkeypatch) -> None:
    """A file the process may not read: chmod 000, or (as root, who reads anything) a refusing read."""
    import os

    path.chmod(0)
    if os.geteuid() == 0:
        real = os.open

        def refusing_open(name, *args, **kwargs):
            if Path(os.fsdecode(name)) == path:
                raise PermissionError(13, "Permission denied", str(name))
            return real(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)


def test_error_paths_each_one_line_and_the_rest_lands(run, seed_dir, tmp_path, monkeypatch):
    from ..ingest.helpers import seed_pages

    missing, empty_dir, locked = tmp_path / "missing.txt", tmp_path / "empty-dir", tmp_path / "locked.txt"
    (empty_dir / "sub").mkdir(parents=True)
    (empty_dir / ".hidden").write_text("hidden", encoding="utf-8")
    (empty_dir / "README.md").write_text("not news", encoding="utf-8")
    locked.write_text((seed_dir / "washington-post.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _locked(locked, monkeypatch)
    records = [{"title": "Council passes budget", "outlet": "Daily A", "published": "2025-01-01", "language": "en",
                "text": "The council approved the budget on Monday after a long debate about road repairs."},
               {"title": "Warehouse fire contained", "outlet": "Daily B", "published": "2025-01-02", "language": "en",
                "text": "Firefighters contained a blaze at a warehouse near the port late on Tuesday, officials said."}]
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(json.dumps(records[0]) + '\n{"title": oops\n' + json.dumps(records[1]) + "\n", encoding="utf-8")
    rss = tmp_path / "broken.rss"
    rss.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>Cut',
                   encoding="utf-8")
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(warc_bytes([("https://x.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
                                  ("https://x.org/gone", "<html><body><p>Gone</p></body></html>", "text/html",
                                   "404 Not Found"), seed_pages()[0]], gzip=False))
    blank = tmp_path / "blank.html"
    blank.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>",
                     encoding="utf-8")
    result = run("add", seed_dir / "washington-post.txt", missing, empty_dir, locked, "ftp://example.com/a.txt",
                 "file:///etc/passwd", jsonl, rss, crawl, blank)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {missing}: no such file or directory",
        f"error: {empty_dir}: no files to ingest in this directory",
        f"error: {locked}: unreadable: Permission denied",
        "error: ftp://example.com/a.txt: unsupported URL scheme 'ftp' (only http and https URLs can be fetched)",
        "error: file:///etc/passwd: unsupported URL scheme 'file' (only http and https URLs can be fetched)",
        f"error: {jsonl}:2: malformed JSON line: Expecting value (column 11)",
        f"error: {rss}: malformed feed: no element found (line 1, column 98)",
        f"error: {blank}: no article text found in the HTML page",
    ]
    assert result.stdout == "added 4, duplicates 0, copies 0, errors 8\n"
    listed = json.loads(run("articles", "--json").stdout)
    assert sorted(a["outlet"] for a in listed) == ["Daily A", "Daily B", "The Washington Post", "Ukrainska Pravda"]


def test_unreadable_directory_is_named(run, tmp_path, monkeypatch):
    import os

    folder = tmp_path / "closed"
    folder.mkdir()
    for name in ("listdir", "scandir"):  # as root, chmod 000 would not stop us: refuse the listing itself
        monkeypatch.setattr(os, name, _refusing(getattr(os, name), folder))
    result = run("add", folder)
    assert (result.exit_code, result.stderr) == (1, f"error: {folder}: unreadable directory: Permission denied\n")


def _refusing(real, folder):
    def listing(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    return listing


@pytest.mark.parametrize(("args", "message"), [
    (["add"], "Error: Missing argument 'PATH|URL|- ...'."),
    (["add", "--bogus", "x"], "Error: No such option '--bogus'."),
    (["add", "x.txt", "--published", "someday"], "Error: Invalid value for --published: not a date or datetime: "
                                                  "'someday'"),
    (["add", "x.txt", "--language", "zz9"], "Error: Invalid value for --language: not a language code: 'zz9'"),
])
def test_usage_error_messages(run, args, message):
    result = run(*args)
    assert result.exit_code == 2 and result.stderr.splitlines()[-1] == message and result.stdout == ""


def _dump(db: str) -> dict[str, list]:
    """Every row of every table (with its rowid where it has one, so rewrites show), timestamps left out."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        dump = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")') if row[1] != "applied_at"]
            quoted = ", ".join(f'"{c}"' for c in columns)
            try:
                rows = conn.execute(f'SELECT rowid, {quoted} FROM "{table}"').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID
                rows = conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        conn.close()


def test_same_add_twice_changes_nothing(run, seed_dir, tmp_path):
    from ..ingest.helpers import UP

    seed_warc = tmp_path / "seed.warc.gz"
    seed_warc.write_bytes(warc_bytes(seed_pages()))
    (tmp_path / "wire.txt").write_text(UP.replace("sniper", "marksman"), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{nope", encoding="utf-8")
    args = ("add", seed_dir, seed_warc, tmp_path / "wire.txt", tmp_path / "bad.json", "--language", "en")
    first = run(*args)
    assert first.stdout == "added 3, duplicates 2, copies 1, errors 1\n"
    db = str(tmp_path / "cli.db")
    before = _dump(db)
    assert before["articles"] and before["stories"] and before["story_articles"] and before["annotations"]
    second = run(*args)
    assert (second.exit_code, second.stdout) == (1, "added 0, duplicates 5, copies 0, errors 1\n")
    assert second.stderr == "".join(line for line in first.stderr.splitlines(True) if line.startswith("error:"))
    assert "warning: " in first.stderr and "unknown (wire.txt)" in first.stderr  # said once, when it was added
    assert _dump(db) == before


def test_body_drops_only_a_repeated_title():
    from newsweave.commands.ingest import _body

    assert _body("Big News\n\nFirst line.\nSecond.", "Big News") == "First line.\nSecond."
    assert _body("“Big  news”\nFirst line.", '"big news"') == "First line."
    assert _body("Other start\nBig News", "Big News") == "Other start\nBig News"
    assert _body("Big News", "Big News") == "Big News"  # nothing else to show: keep it
    assert _body("Big News\nMore", None) == "Big News\nMore"


# --------------------------------------------------------------------------- hostile input on the command line

def test_lone_surrogates_and_undecodable_file_names_are_stored(run, tmp_path):
    import os

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    record = {"text": "Port reopens\n\nThe port reopened on Monday after the storm, officials said.",
              "outlet": "Wire", "language": "en", "note": "x\udfff", "k\ud800": 1, "url": "https://x.org/\udc80"}
    (inbox / "a.json").write_text(json.dumps(record), encoding="utf-8")
    with open(os.fsencode(inbox) + b"/caf\xe9.txt", "wb") as f:
        f.write(UP.encode("utf-8"))
    with open(os.fsencode(inbox) + b"/empty-\xff.txt", "wb"):
        pass
    result = run("add", inbox)
    assert result.exit_code == 1, result.output
    assert result.stdout == "added 2, duplicates 0, copies 0, errors 1\n"
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert errors == [f"error: {inbox}/empty-\\xff.txt: empty input"]
    stories = json.loads(run("stories", "--json").stdout)
    assert sum(len(s["articles"]) for s in stories) == 2
    assert any(a["outlet"].startswith("unknown (caf") for s in stories for a in s["articles"])


def test_control_characters_in_names_are_escaped_on_the_terminal(run, tmp_path):
    bad = tmp_path / "evil\x1b]0;owned\x07.txt"
    bad.write_bytes(b"")
    result = run("add", bad)
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}/evil\\x1b]0;owned\\x07.txt: empty input\n"


@pytest.mark.parametrize("content", ["[]", '{"articles": []}'])
def test_input_holding_no_article_exits_1_and_says_so(run, tmp_path, content):
    path = tmp_path / "none.json"
    path.write_text(content, encoding="utf-8")
    result = run("add", path)
    assert (result.exit_code, result.stderr) == (1, f"error: {path}: no articles in this input\n")


def test_warc_of_empty_members_exits_1_and_says_so(run, tmp_path):
    import gzip

    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b"") * 100_000)
    result = run("add", path)
    assert result.exit_code == 1
    assert result.stdout == "added 0, duplicates 0, copies 0, errors 1\n"
    assert result.stderr.startswith(f"error: {path}: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("content", ['{"a":' * 5000 + "1" + "}" * 5000, '{"outlet": ' + "1" * 5000 + "}"])
def test_bad_meta_file_is_one_line_not_a_traceback(run, tmp_path, seed_dir, content):
    meta = tmp_path / "given.json"
    meta.write_text(content, encoding="utf-8")
    result = run("add", seed_dir, "--meta", meta)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a clean exit, no traceback
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {meta}: unreadable metadata file")


def test_errors_found_before_a_crash_are_printed(run, tmp_path, seed_dir, monkeypatch):
    from newsweave import ingest

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    real = ingest.load

    def dying(*args, **kwargs):
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 2:
                raise RuntimeError("crashed")
            yield item

    monkeypatch.setattr(ingest, "load", dying)
    result = run("add", empty, seed_dir)
    assert result.exit_code != 0
    assert f"error: {empty}: empty input" in result.stderr.splitlines()
