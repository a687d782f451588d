"""Hostile input costs that input only, and every read is bounded: surrogates, undecodable file names,
decompression bombs, devices and FIFOs, links out of a folder, bad JSON lines, bad metadata files, huge titles and
articles, stray control characters, inputs holding no article."""
from __future__ import annotations

import json
import os
import threading
import time
import tracemalloc
import zlib
from dataclasses import replace

import pytest

from newsweave.errors import IngestError
from newsweave.ingest import load
from newsweave.models import Article

from .helpers import WP, WP_BODY, WP_TITLE, html_page, seed_pages, warc_bytes

GOOD = {"title": "Council passes budget", "outlet": "Daily A", "published": "2025-01-01", "language": "en",
        "text": "The council approved the budget on Monday after a long debate about road repairs."}


def _load(paths, settings, **kw):
    return list(load([str(p) for p in paths], settings, **kw))


def _split(items):
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def _encodable(article: Article) -> None:
    """Every string of the article can be written as UTF-8 (what the store and the terminal need)."""
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------- surrogates and file names

def test_lone_surrogates_in_json_fields_keys_and_url_are_replaced(tmp_path, settings):
    path = tmp_path / "items.json"
    record = GOOD | {"note": "x\udfff", "k\ud800ey": "v", "url": "https://example.org/\udc80", "title": "Budget \ud83d"}
    path.write_text(json.dumps([record, GOOD | {"outlet": "Daily B"}]), encoding="utf-8")
    articles, errors = _split(_load([path], settings))
    assert errors == [] and len(articles) == 2
    for article in articles:
        _encodable(article)
    assert articles[0].extra["note"] == "x\ufffd" and articles[0].title == "Budget \ufffd"


def test_file_name_that_is_not_utf8_is_read_and_storable(tmp_path, settings):
    folder = tmp_path / "inbox"
    folder.mkdir()
    name = os.fsencode(folder) + b"/caf\xe9-\xff.txt"
    with open(name, "wb") as f:
        f.write(WP.encode("utf-8"))
    (article,) = _load([folder], settings)
    assert isinstance(article, Article), article
    _encodable(article)
    assert article.path.endswith("caf\ufffd-\ufffd.txt")


# --------------------------------------------------------------------------- bounded reads

def _gzip_member(parts, total: int) -> bytes:
    """One gzip member whose content is ``parts`` then zeros up to ``total`` bytes, compressed as it streams."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(b"".join(parts))]
    chunk = b"\0" * (1 << 20)
    left = total - sum(map(len, parts))
    while left > 0:
        out.append(comp.compress(chunk[:left]))
        left -= len(chunk)
    out.append(comp.flush())
    return b"".join(out)


def _peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_warc_gz_bomb_in_the_first_line_is_refused_within_bounded_memory(tmp_path, settings):
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_gzip_member([b"WARC/1.0"], 256 << 20))  # the first line decompresses to 256 MB
    items = []
    peak = _peak_mb(lambda: items.extend(_load([path], settings)))
    assert peak < 64, f"{peak:.0f} MB"
    (error,) = items
    assert isinstance(error, IngestError) and error.source.startswith(str(path))


def test_warc_gz_bomb_in_a_record_body_is_refused_and_the_records_before_land(tmp_path, settings):
    page = seed_pages()[1]
    good = warc_bytes([page])
    header = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/bomb\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 268435456\r\n\r\n"
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
              b"10000000\r\n")
    path = tmp_path / "bomb2.warc.gz"
    path.write_bytes(good + _gzip_member([header], 256 << 20))
    items = []
    peak = _peak_mb(lambda: items.extend(_load([path], settings)))
    assert peak < 128, f"{peak:.0f} MB"  # the bomb inflates to 256 MB; the good page loads the language models
    articles, errors = _split(items)
    assert [a.title for a in articles] == [WP_TITLE]
    assert errors[0].source == f"{path}#record 2 <https://x.org/bomb>" and "size limit" in errors[0].reason
    assert all(e.source.startswith(str(path)) for e in errors) and "not read" in errors[-1].reason


def test_plain_warc_with_an_endless_header_line_is_refused(tmp_path, settings):
    path = tmp_path / "long.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: " + b"a" * (8 << 20))
    (error,) = _load([path], replace(settings, max_bytes=100 << 20))
    assert isinstance(error, IngestError) and "line" in error.reason


def test_warc_of_empty_members_is_one_error(tmp_path, settings):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"".join(_gzip_member([], 0) for _ in range(2000)))
    (error,) = _load([path], settings)
    assert isinstance(error, IngestError) and error.source == str(path)


def _in_thread(fn, timeout: float = 15.0):
    """Run fn in a daemon thread; (finished, result)."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    thread.start()
    thread.join(timeout)
    return (not thread.is_alive()), (box[0] if box else None)


def test_device_given_by_name_is_refused_without_reading(settings):
    done, items = _in_thread(lambda: _load(["/dev/zero"], replace(settings, max_bytes=1 << 30)))
    assert done, "/dev/zero was read"
    (error,) = items
    assert str(error) == "/dev/zero: not a regular file (a device, FIFO or socket), not read"


def test_fifo_in_a_folder_does_not_hang(tmp_path, settings):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(WP, encoding="utf-8")
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    try:
        done, items = _in_thread(lambda: _load([folder], settings))
    finally:
        _unblock(fifo)
    assert done, "the FIFO blocked the walk"
    articles, errors = _split(items)
    assert len(articles) == 1 and [str(e) for e in errors] == [
        f"{fifo}: not a regular file (a device, FIFO or socket), not read"]


def _unblock(fifo) -> None:
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def test_folder_walk_does_not_follow_links_out_of_the_folder(tmp_path, settings):
    outside = tmp_path / "outside.txt"
    outside.write_text(WP, encoding="utf-8")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(WP.replace("Kyiv", "Kiev"), encoding="utf-8")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "out.txt").symlink_to(outside)
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "loop").symlink_to(folder)
    done, items = _in_thread(lambda: _load([folder], settings))
    assert done
    articles, errors = _split(items)
    assert [a.path for a in articles] == [str(folder / "a.txt"), str(folder / "sub" / "inside.txt")]
    assert sorted(str(e) for e in errors) == [
        f"{folder / 'out.txt'}: a link out of the folder, not followed",
        f"{folder / 'zero.txt'}: a link out of the folder, not followed"]


# --------------------------------------------------------------------------- JSON, JSONL and metadata files

def test_each_bad_jsonl_line_costs_that_line_only(tmp_path, settings):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(GOOD),
             '{"text": "A surrogate \\udfff in the text of a real report about the port.", "outlet": "S"}',
             '{"text": "Big number", "n": ' + "9" * 5000 + "}",
             "[" * 5000 + "]" * 5000,
             json.dumps(GOOD | {"outlet": "Daily B"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _split(_load([path], settings))
    assert [a.outlet for a in articles] == ["Daily A", "S", "Daily B"]
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:4"]
    for article in articles:
        _encodable(article)


@pytest.mark.parametrize("content", ["[" * 5000 + "]" * 5000, '{"n": ' + "9" * 5000 + "}", '{"text": 1e999999}'])
def test_hostile_json_file_is_one_named_error(tmp_path, settings, content):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    (error,) = _load([path], settings)
    assert isinstance(error, IngestError) and error.source == str(path)


@pytest.mark.parametrize("content", ["[]", '{"articles": []}', "\n\n[]\n"])
def test_json_holding_no_article_is_an_error(tmp_path, settings, content):
    path = tmp_path / "none.json"
    path.write_text(content, encoding="utf-8")
    (error,) = _load([path], settings)
    assert str(error) == f"{path}: no articles in this input"


@pytest.mark.parametrize("content", ['{"a":' * 5000 + "1" + "}" * 5000, '{"outlet": ' + "1" * 5000 + "}", "\udfff"])
def test_bad_meta_file_is_one_named_error(tmp_path, settings, seed_dir, content):
    meta = tmp_path / "meta-given.json"
    meta.write_text(content, encoding="utf-8", errors="surrogatepass")
    items = _load([seed_dir], settings, meta_file=str(meta))
    (error,) = items
    assert isinstance(error, IngestError) and error.source == str(meta)


def test_malformed_sidecar_is_one_error_and_the_other_folders_load(tmp_path, settings):
    broken, fine = tmp_path / "broken", tmp_path / "fine"
    broken.mkdir(), fine.mkdir()
    for i in range(3):
        (broken / f"{i}.txt").write_text(WP.replace("Kyiv", f"Kyiv{i}"), encoding="utf-8")
    (broken / "meta.json").write_text('{"0.txt": {"outlet": "A"', encoding="utf-8")
    (fine / "b.txt").write_text(WP, encoding="utf-8")
    articles, errors = _split(_load([broken, fine], settings))
    assert [a.path for a in articles] == [str(fine / "b.txt")]
    (error,) = errors
    assert error.source == str(broken / "meta.json") and "not read" in error.reason


# --------------------------------------------------------------------------- sizes and control characters

def test_titles_and_metadata_fields_are_bounded(tmp_path, settings):
    path = tmp_path / "long.json"
    path.write_text(json.dumps(GOOD | {"title": "T" * 5_000_000, "outlet": "O" * 100_000,
                                       "author": "A" * 100_000}), encoding="utf-8")
    (article,) = _load([path], replace(settings, max_bytes=50_000_000))
    assert isinstance(article, Article), article
    assert len(article.title) <= 300 and len(article.outlet) <= 300 and len(article.author) <= 300
    assert len(article.text) < 1000


def test_article_over_the_length_limit_is_refused_by_name(tmp_path, settings):
    path = tmp_path / "book.txt"
    path.write_text("A long one\n\n" + (WP_BODY + "\n\n") * 40, encoding="utf-8")
    start = time.monotonic()
    (error,) = _load([path], replace(settings, max_article_chars=50_000))
    assert time.monotonic() - start < 10
    assert isinstance(error, IngestError) and error.source == str(path) and "50000" in error.reason


def test_stray_control_characters_do_not_make_an_article_binary(tmp_path, settings):
    text = WP[:800]
    for i in range(12):
        at = 100 + i * 55
        text = text[:at] + "\x07\x1b"[i % 2] + text[at:]
    path = tmp_path / "stray.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = _load([path], settings)
    assert isinstance(article, Article), article
    assert "\x07" not in article.text and "\x1b" not in article.text


def test_html_page_still_reads(tmp_path, settings):
    path = tmp_path / "wp.html"
    path.write_text(html_page(WP_TITLE, WP_BODY), encoding="utf-8")
    (article,) = _load([path], settings)
    assert isinstance(article, Article) and article.title == WP_TITLE
