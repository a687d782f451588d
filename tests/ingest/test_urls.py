"""The URL guard, against a local http.server started by the test."""
from __future__ import annotations

import socket
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from builders import WP_BODY, WP_TITLE, html_page

from newsweave.errors import IngestError
from newsweave.ingest import load, urls
from newsweave.models import Article

PAGE = html_page(WP_TITLE, WP_BODY).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        routes = {
            "/article": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
            "/big": lambda: self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html"),
            "/loop": lambda: self._redirect("/loop"),
            "/a": lambda: self._redirect("/b"),
            "/b": lambda: self._redirect("/a"),
            "/hop": lambda: self._redirect("/article"),
            "/to-loopback": lambda: self._redirect(f"http://127.0.0.1:{self.server.server_port}/article"),
        }
        routes.get(self.path, lambda: self._send(404, b"not found", "text/plain"))()

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _one(url, settings):
    (item,) = load([url], settings)
    return item


def test_loopback_refused_without_allow_private(server, settings):
    error = _one(f"{server}/article", settings)
    assert isinstance(error, IngestError) and "non-public address 127.0.0.1" in error.reason


def test_fetch_with_allow_private(server, settings):
    article = _one(f"{server}/hop", replace(settings, allow_private=True))
    assert isinstance(article, Article) and article.title == WP_TITLE
    assert article.url.startswith("https://www.washingtonpost.com/") and article.outlet == "The Washington Post"


def test_oversize_refused(server, settings):
    error = _one(f"{server}/big", replace(settings, allow_private=True, max_bytes=10_000))
    assert isinstance(error, IngestError) and "size limit" in error.reason


@pytest.mark.parametrize("path", ["/loop", "/a"])
def test_redirect_loop_refused(server, settings, path):
    error = _one(f"{server}{path}", replace(settings, allow_private=True))
    assert isinstance(error, IngestError) and "redirect loop" in error.reason


def test_redirects_bounded(server, settings):
    error = _one(f"{server}/hop", replace(settings, allow_private=True, max_redirects=0))
    assert isinstance(error, IngestError) and "too many redirects" in error.reason


def test_redirect_target_is_checked(server, settings, monkeypatch):
    real = urls.resolve
    monkeypatch.setattr(urls, "resolve", lambda host, port, url: ["93.184.216.34"] if host == "localhost"
                        else real(host, port, url))
    port = server.rsplit(":", 1)[1]
    error = _one(f"http://localhost:{port}/to-loopback", settings)
    assert isinstance(error, IngestError) and "127.0.0.1" in error.reason


def test_every_resolved_address_is_checked(monkeypatch):
    def fake(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("93.184.216.34", "10.1.2.3")]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(IngestError, match="10.1.2.3"):
        urls.check_url("https://news.example/a", allow_private=False)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "http:///nohost", "http://169.254.169.254/latest",
                                 "http://[::1]/", "http://0.0.0.0/"])
def test_bad_schemes_and_reserved_addresses(url):
    with pytest.raises(IngestError):
        urls.check_url(url, allow_private=False)
