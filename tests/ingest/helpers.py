"""Builders of fixtures in code from the seed texts: HTML pages, RSS/Atom feeds, JSONL, WARC (with warcio)."""
from __future__ import annotations

import html
import io
import json

from ..helpers import seed_text

UP = seed_text("ukrainska-pravda")
WP = seed_text("washington-post")
WP_TITLE, WP_BODY = WP.split("\n", 1)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def html_page(title: str, body: str, *, site: str | None = "The Washington Post",
              published: str | None = "2025-01-11T09:30:00-05:00", lang: str = "en",
              url: str | None = "https://www.washingtonpost.com/world/2025/01/11/ukraine-north-korea/") -> str:
    meta = [f'<meta property="og:site_name" content="{html.escape(site)}">' if site else "",
            f'<meta property="article:published_time" content="{published}">' if published else "",
            f'<link rel="canonical" href="{url}">' if url else "",
            '<meta name="author" content="Siobhán O\'Grady">']
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(body))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f'</title>{"".join(meta)}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
            "<footer><p>© 2025 The Washington Post</p></footer></body></html>")


def rss_feed(items: list[dict]) -> str:
    parts = []
    for item in items:
        content = (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
                   if item.get("content") else "")
        parts.append(f"<item><title>{html.escape(item['title'])}</title><link>{item['link']}</link>"
                     f"<pubDate>{item['date']}</pubDate><description>{html.escape(item['summary'])}"
                     f"</description>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Ukrainska Pravda</title>'
            "<link>https://www.pravda.com.ua/eng/</link><language>en</language>"
            f"{''.join(parts)}</channel></rss>")


def atom_feed(title: str, body: str) -> str:
    content = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(body))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>The Washington Post</title><id>urn:wapo</id><updated>2025-01-11T15:00:00Z</updated>"
            f"<entry><title>{html.escape(title)}</title><id>urn:wapo:1</id>"
            '<link href="https://www.washingtonpost.com/world/2025/01/11/x/"/>'
            "<published>2025-01-11T09:30:00-05:00</published><updated>2025-01-11T09:30:00-05:00</updated>"
            f'<content type="html">{html.escape(content)}</content></entry></feed>')


def warc_bytes(pages: list[tuple], *, gzip: bool = True) -> bytes:
    """A WARC written by warcio: one response record per (url, html[, content type[, status line]]), plus a
    request record. The body may be str (written as UTF-8) or bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, page, *rest in pages:
        ctype, status = (list(rest) + ["text/html; charset=utf-8", "200 OK"][len(rest):])[:2]
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        body = page.encode("utf-8") if isinstance(page, str) else page
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def seed_pages() -> list[tuple[str, str]]:
    up_title = UP.split("\n", 1)[0]
    return [
        ("https://www.pravda.com.ua/eng/news/2025/01/11/7492795/",
         html_page(up_title, UP.split("Jan 11, 2025", 1)[1].split("\n", 2)[2], site="Ukrainska Pravda",
                   published="2025-01-11T15:00:00+02:00", url="https://www.pravda.com.ua/eng/news/2025/01/11/")),
        ("https://www.washingtonpost.com/world/2025/01/11/ukraine-north-korea/", html_page(WP_TITLE, WP_BODY)),
    ]


def jsonl_records() -> str:
    rows = [
        {"title": UP.split("\n", 1)[0], "text": UP, "outlet": "Ukrainska Pravda",
         "published": "2025-01-11T15:00:00+02:00", "url": "https://www.pravda.com.ua/eng/news/2025/01/11/",
         "language": "en", "section": "war"},
        {"title": WP_TITLE, "text": WP_BODY, "outlet": "The Washington Post", "published": "2025-01-11",
         "language": "en", "tags": ["ukraine", "north korea"]},
    ]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
