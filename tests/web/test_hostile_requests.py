"""Hostile requests get a clear 4xx, never a 500 or a link elsewhere: odd page numbers, protocol-relative paths,
bodies over the limit (refused before they are read in full), lone surrogates in the JSON API."""
from __future__ import annotations

import asyncio
import itertools
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from newsweave.config import Settings


@pytest.mark.parametrize("page", ["²", "9" * 5000, "-3", "1e9", "٣", "", "0x10"])
def test_odd_page_numbers_give_the_story_list(seed_db, client_for, page):
    db, _ = seed_db
    r = client_for(db).get("/", params={"page": page})
    assert r.status_code == 200 and "Stories" in r.text


def test_protocol_relative_path_writes_no_link_to_another_host(seed_db, client_for):
    db, _ = seed_db
    c = client_for(db)
    for path in ("//evil.example/x", "///evil.example/x", "//evil.example/x.json"):
        r = c.get(path)
        assert r.status_code == 404, path
        assert "//evil.example" not in r.text and 'href="//' not in r.text, path


def _asgi_post(app, path: str, headers: list[tuple[bytes, bytes]], chunks, chunk_size: int) -> tuple[int, int]:
    """POST through the ASGI app with a body streamed in chunks: (status, body bytes the app pulled)."""
    pulled = [0]
    sent = {"status": None}
    iterator = iter(chunks)

    async def receive():
        chunk = next(iterator, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled[0] += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]

    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [(b"host", b"127.0.0.1")] + headers, "scheme": "http", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 5000), "http_version": "1.1", "root_path": ""}
    with ThreadPoolExecutor(1) as pool:  # a fresh event loop, whatever loop this thread may hold (Playwright's)
        pool.submit(asyncio.run, app(scope, receive, send)).result(120)
    return sent["status"], pulled[0]


def _endless(chunk: bytes, count: int):
    return (chunk for _ in range(count))


@pytest.mark.parametrize("content_type", [b"application/json", b"multipart/form-data; boundary=x"])
def test_body_over_the_limit_is_refused_before_it_is_read_in_full(seed_copy, content_type):
    from newsweave.web.app import create_app

    db, _ = seed_copy
    limit = 1_000_000
    app = create_app(Settings(db=db, max_bytes=limit))
    if content_type.startswith(b"multipart"):
        head = (b'--x\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
                b"Content-Type: text/plain\r\n\r\n")
        chunks = itertools.chain([head], _endless(b"a" * 65536, 2000))
    else:
        chunks = _endless(b"[" + b" " * 65535, 2000)
    status, pulled = _asgi_post(app, "/add.json", [(b"content-type", content_type)], chunks, 65536)
    assert status == 413 and pulled < 4 * limit, (status, pulled)


def test_declared_length_over_the_limit_is_refused_at_once(seed_copy):
    from newsweave.web.app import create_app

    db, _ = seed_copy
    app = create_app(Settings(db=db, max_bytes=1_000_000))
    headers = [(b"content-type", b"application/json"), (b"content-length", str(1 << 30).encode())]
    status, pulled = _asgi_post(app, "/add.json", headers, _endless(b" " * 65536, 16384), 65536)
    assert status == 413 and pulled == 0


def test_json_api_with_lone_surrogates_adds_the_article(seed_copy, client_for):
    db, _ = seed_copy
    c = client_for(db)
    body = json.dumps({"text": "Quake hits coast\n\nA quake \ud800 struck the coast at dawn, officials said.",
                       "outlet": "W\udfff", "title": "Quake \udc80"})
    r = c.post("/add.json", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200 and r.json()["result"]["added"] == 1, r.text


@pytest.mark.parametrize("body", ["[" * 5000 + "]" * 5000, '{"text": ' + "1" * 5000 + "}", "[]", "\"x\"", "{bad"])
def test_hostile_json_bodies_are_a_clear_400(seed_copy, client_for, body):
    db, _ = seed_copy
    r = client_for(db).post("/add.json", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"], r.text


@hsettings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=20))
def test_any_path_and_page_give_a_local_link_and_a_page_number(path, page):
    from newsweave.web.app import json_url, local_path, page_number

    assert 1 <= page_number(page) < 10 ** 9
    for link in (local_path(path), json_url(path)):
        assert link.startswith("/") and not link.startswith("//") and not link.startswith("/\\")
