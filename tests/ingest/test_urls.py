"""The URL guard, against a local http.server started by the test."""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.errors import IngestError
from newsweave.ingest import load, urls
from newsweave.models import Article

from .helpers import WP_BODY, WP_TITLE, html_page

PAGE = html_page(WP_TITLE, WP_BODY).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        self.server.seen.append((self.path, self.headers.get("Host")))
        port = self.server.server_port
        routes = {
            "/article": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
            "/big": lambda: self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html"),
            "/big-undeclared": self._big_undeclared,
            "/loop": lambda: self._redirect("/loop"),
            "/a": lambda: self._redirect("/b"),
            "/b": lambda: self._redirect("/a"),
            "/hop": lambda: self._redirect("/article"),
            "/to-private": lambda: self._redirect(f"http://private.test:{port}/article"),
            "/to-other": lambda: self._redirect(f"http://other.test:{port}/article"),
            "/stall": self._stall,
            "/trickle": self._trickle,
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

    def _big_undeclared(self):  # no Content-Length: the cap must hold while streaming
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(20):
            self.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
        self.close_connection = True

    def _stall(self):  # says nothing for longer than the deadline
        time.sleep(2.5)
        self._send(200, PAGE, "text/html")

    def _trickle(self):  # a byte at a time: each read is quick, the whole is not
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def httpd():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture()
def server(httpd):
    httpd.seen.clear()
    return f"http://127.0.0.1:{httpd.server_port}"


@pytest.fixture()
def fake_dns(monkeypatch):
    """Names under .test resolve through this table; the number of lookups per name is counted.

    127.0.0.1 counts as public here, so the local server can stand in for a public site."""
    table: dict[str, list] = {}
    calls: dict[str, int] = {}
    real_getaddrinfo, real_public = socket.getaddrinfo, urls._public

    def getaddrinfo(host, port, *args, **kwargs):
        if not str(host).endswith(".test"):
            return real_getaddrinfo(host, port, *args, **kwargs)
        calls[host] = calls.get(host, 0) + 1
        answers = table[host]
        answer = answers[min(calls[host], len(answers)) - 1]
        if answer is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = socket.AF_INET6 if ":" in answer else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (answer, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urls, "_public", lambda address: address == "127.0.0.1" or real_public(address))
    return table, calls


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


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                                     "224.0.0.1", "240.0.0.1", "0.0.0.0", "100.64.0.1", "::1", "::", "fe80::1",
                                     "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                                     "::ffff:169.254.169.254", "fe80::1%eth0", "2002:7f00:1::", "64:ff9b::a00:1",
                                     "2001:db8::1", "198.18.0.1", "224.0.1.1"])
def test_non_public_addresses(address):
    assert not urls._public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946",
                                     "::ffff:93.184.216.34", "64:ff9b::5db8:d822"])
def test_public_addresses(address):
    assert urls._public(address)


@pytest.mark.parametrize("url", ["http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://127.1/",
                                 "http://2130706433/", "file:///etc/passwd", "gopher://example.com/"])
def test_more_refused_urls(url):
    with pytest.raises(IngestError):
        urls.check_url(url, allow_private=False)


def test_connects_to_the_checked_address_not_a_second_answer(server, settings, fake_dns, httpd):
    """DNS rebinding: the name is looked up once per hop; a second lookup would fail the fetch."""
    table, calls = fake_dns
    table["news.test"] = ["127.0.0.1", None]
    page = urls.fetch(f"http://news.test:{httpd.server_port}/article", settings)
    assert page.content == PAGE and calls == {"news.test": 1}
    assert httpd.seen == [("/article", f"news.test:{httpd.server_port}")]


def test_rebinding_to_private_after_the_check_never_reaches_it(server, settings, fake_dns, httpd):
    """A name that answers public, then private: the connection still goes to the public (checked) one."""
    table, calls = fake_dns
    table["news.test"] = ["127.0.0.1", "10.0.0.9"]
    page = urls.fetch(f"http://news.test:{httpd.server_port}/article", settings)
    assert page.content == PAGE and calls == {"news.test": 1}


def test_each_redirect_hop_is_checked_and_pinned(server, settings, fake_dns, httpd):
    table, calls = fake_dns
    table.update({"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1", None]})
    page = urls.fetch(f"http://news.test:{httpd.server_port}/to-other", settings)
    assert page.url == f"http://other.test:{httpd.server_port}/article" and page.content == PAGE
    assert calls == {"news.test": 1, "other.test": 1}
    assert [host for _, host in httpd.seen] == [f"news.test:{httpd.server_port}", f"other.test:{httpd.server_port}"]


def test_redirect_to_a_private_address_is_refused(server, settings, fake_dns, httpd):
    table, _ = fake_dns
    table.update({"news.test": ["127.0.0.1"], "private.test": ["10.0.0.7"]})
    with pytest.raises(IngestError, match="private.test resolves to non-public address 10.0.0.7"):
        urls.fetch(f"http://news.test:{httpd.server_port}/to-private", settings)
    assert [path for path, _ in httpd.seen] == ["/to-private"]


def test_unpinned_host_is_never_dialled():
    import httpx

    transport = urls._pinned_transport({}, httpx.create_ssl_context(trust_env=False))
    with httpx.Client(transport=transport) as client, pytest.raises(httpx.ConnectError, match="not checked"):
        client.get("http://127.0.0.1:9/")


def test_size_cap_holds_while_streaming(server, settings):
    error = _one(f"{server}/big-undeclared", replace(settings, allow_private=True, max_bytes=10_000))
    assert isinstance(error, IngestError) and error.reason == "over the size limit (more than 10000 bytes)"


@pytest.mark.parametrize("path", ["/stall", "/trickle"])
def test_overall_deadline(server, settings, path):
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out"):
        urls.fetch(f"{server}{path}", replace(settings, allow_private=True, fetch_timeout=1.0))
    assert time.monotonic() - started < 2.0


def test_connection_refused_is_one_error(settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _one(f"http://127.0.0.1:{port}/x", replace(settings, allow_private=True))
    assert isinstance(error, IngestError) and error.reason.startswith("fetch failed: ConnectError")


def _self_signed(tmp_path, name):
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture()
def https_server(tmp_path):
    """A TLS server on 127.0.0.1 with a certificate for news.test; records the SNI names it is sent."""
    import ssl

    cert, key = _self_signed(tmp_path, "news.test")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    names: list = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads, httpd.seen = True, []
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd, cert, names
    httpd.shutdown()
    httpd.server_close()


def test_https_keeps_sni_and_verifies_the_host_name(https_server, settings, fake_dns, tmp_path):
    import ssl

    httpd, cert, names = https_server
    table, _ = fake_dns
    table.update({"news.test": ["127.0.0.1"], "wrong.test": ["127.0.0.1"]})
    trusted = ssl.create_default_context(cafile=str(cert))
    page = urls.fetch(f"https://news.test:{httpd.server_port}/article", settings, ssl_context=trusted)
    assert page.content == PAGE and names == ["news.test"]
    assert httpd.seen == [("/article", f"news.test:{httpd.server_port}")]
    with pytest.raises(IngestError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        urls.fetch(f"https://wrong.test:{httpd.server_port}/article", settings, ssl_context=trusted)
    with pytest.raises(IngestError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        urls.fetch(f"https://news.test:{httpd.server_port}/article", settings)  # the default trust store


@given(st.ip_addresses(v=4))
def test_ipv4_mapped_ipv6_is_judged_as_its_ipv4(ip):
    assert urls._public(f"::ffff:{ip}") == urls._public(str(ip))
    if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
        assert not urls._public(f"::ffff:{ip}")
