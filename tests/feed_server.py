"""A local site for the watch tests: a threading HTTP server whose pages (feeds, articles, robots.txt) a test
publishes, changes and breaks while it runs. Answers conditional requests (ETag, Last-Modified) and logs every
request it gets."""
from __future__ import annotations

import hashlib
import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FeedServer:
    def __init__(self):
        self.pages: dict[str, tuple[int, str, bytes]] = {}  # path -> (status, content type, body)
        self.log: list[tuple[str, dict[str, str]]] = []  # (path, request headers), in order
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server name
                with site.lock:
                    site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                    status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if status == 200:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", "Sat, 11 Jan 2025 15:00:00 GMT")
                if status in (429, 503):
                    self.send_header("Retry-After", "120")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def publish(self, path: str, body: str | bytes, ctype: str = "application/rss+xml", status: int = 200) -> str:
        with self.lock:
            self.pages[path] = (status, ctype, body.encode("utf-8") if isinstance(body, str) else body)
        return self.url + path

    def requests(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for p, headers in self.log if p == path]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(title: str, items: list[dict]) -> str:
    """An RSS 2.0 feed: items with title, link, date, and content (full text) or summary only."""
    parts = []
    for item in items:
        content = (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content")
                   else "")
        parts.append(f"<item><title>{html.escape(item['title'])}</title><link>{item['link']}</link>"
                     f"<guid>{item.get('guid') or item['link']}</guid><pubDate>{item['date']}</pubDate>"
                     f"<description>{html.escape(item.get('summary') or item['title'])}</description>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{html.escape(title)}</title>'
            f"<link>https://example.org/</link><language>en</language>{''.join(parts)}</channel></rss>")


def paragraphs_html(text: str) -> str:
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
