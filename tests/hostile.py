"""A generator of hostile inputs for every format the project reads (text, HTML, JSON, JSONL, RSS/Atom, WARC and
WARC.gz, meta files, odd file names, special files), each with what must come of it: the articles that must land
(each in a story) and whether an error line must name it. Deterministic: the same corpus every run.

Good articles are real news texts (the ECB+ excerpts in tests/fixtures), each used once, so none is a duplicate of
another. Used by tests/test_hostile_campaign.py.
"""
from __future__ import annotations

import gzip
import html
import io
import json
import os
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .helpers import FIXTURES

ANY = -1  # an input that may land or fail: it must only do one of the two, by name


@dataclass(frozen=True)
class Case:
    name: str  # file name inside the corpus folder (may hold control characters or undecodable bytes)
    data: bytes
    articles: int  # articles that must land from it (ANY: articles, or an error naming it)
    bad: bool  # an error line must name it
    sub: str = ""  # a sub-folder of the corpus
    json_body: bool = field(default=False)  # also a body for the JSON API

    @property
    def relative(self) -> str:
        return os.path.join(self.sub, self.name) if self.sub else self.name


def real_texts() -> list[str]:
    """Real news texts, in a fixed order, none a near-duplicate of another."""
    texts = []
    for folder in ("ecbplus_topics", "ecbplus_small", "ecbplus_ie"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8").strip()
            if len(text.split()) >= 60:
                texts.append(text)
    return texts


class _Texts:
    def __init__(self):
        self.texts = real_texts()
        self.used = 0

    def __call__(self) -> str:
        text = self.texts[self.used]
        self.used += 1
        return text


def _gzip_member(parts: list[bytes], total: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(b"".join(parts))]
    chunk = b"\0" * (1 << 20)
    left = total - sum(map(len, parts))
    while left > 0:
        out.append(comp.compress(chunk[:left]))
        left -= len(chunk)
    out.append(comp.flush())
    return b"".join(out)


def _page(title: str, body: str, extra_head: str = "", extra_body: str = "", h1: str | None = None) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="og:site_name" content="Hostile Times">{extra_head}</head><body>'
            f'<nav><a href="/">Home</a></nav><article><h1>{html.escape(h1 or title)}</h1>{paras}{extra_body}</article>'
            "<footer><p>© Hostile Times</p></footer></body></html>")


def _title(text: str) -> str:
    return text.split("\n", 1)[0][:120]


def _warc(pages: list[tuple[str, bytes, list[tuple[str, str]]]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, body, headers in pages:
        http = StatusAndHeaders("200 OK", headers or [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def _raw_record(headers: bytes, http: bytes, body: bytes, length: int | None = None) -> bytes:
    block = http + body
    size = len(block) if length is None else length
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/p\r\n"
            b"Content-Type: application/http; msgtype=response\r\n" + headers
            + f"Content-Length: {size}\r\n\r\n".encode() + block + b"\r\n\r\n")


def _rss(items: list[str], head: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"><channel><title>Hostile Wire</title>'
            f"<link>https://wire.example/</link><language>en</language>{''.join(items)}</channel></rss>")


def _item(title: str, body: str, link: str, content: bool = True) -> str:
    content_xml = f"<content:encoded><![CDATA[<p>{html.escape(body)}</p>]]></content:encoded>" if content else ""
    return (f"<item><title>{html.escape(title)}</title><link>{link}</link>"
            f"<pubDate>Sat, 11 Jan 2025 15:00:00 +0200</pubDate><description>{html.escape(body[:200])}</description>"
            f"{content_xml}</item>")


def _laughs(depth: int = 9) -> str:
    lines = ['<!ENTITY a "' + "lol" * 10 + '">']
    lines += [f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(depth)]
    return "<!DOCTYPE rss [" + "".join(lines) + "]>"


def cases() -> list[Case]:
    """The whole corpus (special files aside: ``special_files``)."""
    t = _Texts()
    rng = random.Random(22)
    out: list[Case] = []

    def add(name, data, articles=0, bad=False, **kw):
        out.append(Case(name, data if isinstance(data, bytes) else data.encode("utf-8"), articles, bad, **kw))

    # --------------------------------------------------------------- plain text
    add("good.txt", t(), 1)
    text = t()
    for i in range(12):
        at = 80 + i * 37
        text = text[:at] + "\x07\x1b\x0c"[i % 3] + text[at:]
    add("stray-controls.txt", text, 1)
    add("latin1.txt", (t() + "\nCafé owners, naïve résumés and façades were mentioned.").encode("latin-1", "replace"), 1)
    add("utf16.txt", "\ufeff".encode("utf-16-le") + t().encode("utf-16-le"), 1)
    add("bidi-emoji.txt", "\u202eevil\u202c \u200d😀 " + t() + " 🇺🇦\u2066x\u2069", 1)
    add("crlf.txt", t().replace("\n", "\r\n"), 1)
    add("empty.txt", b"", 0, True)
    add("blank.txt", " \n\t\n" * 1000, 0, True)
    add("random.bin", rng.randbytes(65536), 0, True)
    add("nul-laced.txt", b"a\x00" * 3000 + b"\x00\x00\x00b" * 500, ANY)
    add("one-line.txt", ("word " * 250_000).encode(), 0, True)  # 1.25 MB: over the article length limit
    text = t() + "\n\n"
    add("too-long.txt", text * (120_000 // len(text) + 1), 0, True)
    add("controls.txt", bytes(rng.randrange(0, 32) for _ in range(20000)), 0, True)
    add("dateline-only.txt", "Jan 11, 2025 - 15:00\n", ANY)
    add("one-token.txt", "x" * 90_000, ANY)
    add("combining.txt", "e" + "\u0301" * 20_000 + " " + t(), ANY)
    add("newlines.txt", b"\n" * 1_000_000, 0, True)
    add("nineteen-mb.txt", b"All work and no play. " * 860_000, 0, True)  # under max_bytes, over the length limit
    # --------------------------------------------------------------- HTML
    text = t()
    add("good.html", _page(_title(text), text), 1)
    text = t()
    xss = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
    add("xss.html", _page(_title(text) + "<script>alert(4)</script>", text,
                          '<meta property="og:title" content="&quot;><script>alert(5)</script>">', xss), 1)
    add("script-only.html", "<html><head><title>Nothing</title></head><body><script>var x=1;</script></body></html>",
        0, True)
    add("deep-nesting.html", "<html><body>" + "<div>" * 50_000 + t() + "</div>" * 50_000 + "</body></html>", ANY)
    add("huge-attribute.html", '<html><body><p title="' + "a" * 5_000_000 + '">' + t() + "</p></body></html>", ANY)
    text = t()
    add("bogus-charset.html", _page(_title(text), text, '<meta charset="x-no-such-charset">'), 1)
    add("nul.html", b"<html><body><p>" + b"\x00" * 4000 + b"</p></body></html>", ANY)
    text = t()
    add("huge-title.html", _page("T" * 1_000_000, text, h1=_title(text)), 1)
    add("entity-bomb.html", _laughs().replace("rss", "html") + "<html><body><p>&j;</p><p>" + t() + "</p></body></html>",
        ANY)
    # --------------------------------------------------------------- JSON
    record = lambda text, **kw: {"title": _title(text), "text": text, "outlet": "Hostile Wire",  # noqa: E731
                                 "published": "2025-01-11", "language": "en", **kw}
    add("good.json", json.dumps(record(t())), 1, json_body=True)
    add("list.json", json.dumps([record(t()) for _ in range(3)]), 3, json_body=True)
    add("articles.json", json.dumps({"articles": [record(t()) for _ in range(2)]}), 2)
    add("empty-list.json", "[]", 0, True, json_body=True)
    add("empty-object.json", "{}", 0, True, json_body=True)
    add("null.json", "null", 0, True, json_body=True)
    add("deep.json", "[" * 5000 + "]" * 5000, 0, True, json_body=True)
    add("huge-int.json", json.dumps(record(t()))[:-1] + ', "n": ' + "9" * 5000 + "}", 0, True, json_body=True)
    add("nan.json", json.dumps(record(t(), score=float("nan"), big=float("inf"))), 1, json_body=True)
    add("surrogates.json", json.dumps(record(t(), note="x\udfff", url="https://x.example/\ud800")
                                      | {"k\udc80": "v", "title": "Quake \ud83d"}), 1, json_body=True)
    add("bom.json", b"\xef\xbb\xbf" + json.dumps(record(t())).encode(), 1)
    add("trailing.json", json.dumps(record(t())) + " garbage", 0, True, json_body=True)
    add("huge-title.json", json.dumps(record(t(), title="T" * 5_000_000)), 1, json_body=True)
    add("number-text.json", json.dumps({"text": 12345, "title": "x"}), 0, True, json_body=True)
    add("mixed-list.json", json.dumps([1, "x", None, record(t())]), 1, True, json_body=True)
    add("deep-extra.json", json.dumps(record(t(), extra=json.loads("[" * 100 + "]" * 100))), 0, True, json_body=True)
    # --------------------------------------------------------------- JSON Lines
    lines = [json.dumps(record(t())), '{"title": oops', json.dumps(record(t(), note="\udfff")),
             '{"text": "x", "n": ' + "9" * 5000 + "}", "[" * 5000 + "]" * 5000, "", json.dumps(record(t()))]
    add("mixed.jsonl", "\n".join(lines) + "\n", 3, True)
    add("crlf.jsonl", "\r\n".join(json.dumps(record(t())) for _ in range(2)) + "\r\n", 2)
    add("long-line.jsonl", "x" * 1_000_000 + "\n" + json.dumps(record(t())) + "\n", 1, True)
    # --------------------------------------------------------------- RSS and Atom
    a, b = t(), t()
    add("good.rss", _rss([_item(_title(a), a, "https://wire.example/a"), _item(_title(b), b, "https://wire.example/b")]),
        2)
    a = t()
    add("summary-only.rss", _rss([_item(_title(a), a[:190] + " " + a[190:400], "https://wire.example/s",
                                        content=False)]), 1)
    a = t()
    add("laughs.rss", _rss([_item("&j;", a, "https://wire.example/l")], _laughs()), ANY)
    a = t()
    add("xxe.rss", _rss([_item("XXE", a + " &x;", "https://wire.example/x")],
                        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace("&amp;x;", "&x;"), ANY)
    add("truncated.rss", _rss([_item("Cut", "Cut short", "https://wire.example/c")])[:150], 0, True)
    add("no-items.rss", _rss([]), 0, True)
    a = t()
    add("good.atom", '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                     "<title>Hostile Atom</title><id>urn:h</id><updated>2025-01-11T15:00:00Z</updated>"
                     f"<entry><title>{html.escape(_title(a))}</title><id>urn:h:1</id>"
                     '<link href="https://atom.example/1"/><updated>2025-01-11T15:00:00Z</updated>'
                     f'<content type="html">{html.escape("<p>" + html.escape(a) + "</p>")}</content></entry></feed>', 1)
    a = t()
    add("cdata-script.rss", _rss([_item(_title(a), a, "https://wire.example/cd").replace(
        "<![CDATA[", "<![CDATA[<script>alert(1)</script><iframe src=//evil.example></iframe>")]), 1)
    # --------------------------------------------------------------- WARC
    a, b = t(), t()
    add("good.warc.gz", _warc([("https://w.example/a", _page(_title(a), a).encode(), []),
                               ("https://w.example/b", _page(_title(b), b).encode(), [])]), 2)
    a = t()
    add("plain.warc", _warc([("https://w.example/p", _page(_title(a), a).encode(), [])], gz=False), 1)
    add("line-bomb.warc.gz", _gzip_member([b"WARC/1.0"], 512 << 20), 0, True)
    a = t()
    body_bomb = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/bomb\r\n"
                 b"Content-Length: 536870912\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n20000000\r\n")
    add("body-bomb.warc.gz", _warc([("https://w.example/ok", _page(_title(a), a).encode(), [])])
        + _gzip_member([body_bomb], 512 << 20), 1, True)
    a, b = t(), t()
    whole = _warc([("https://w.example/t1", _page(_title(a), a).encode(), []),
                   ("https://w.example/t2", _page(_title(b), b).encode(), [])])
    add("truncated.warc.gz", whole[: len(whole) - 300], ANY, True)
    add("empty-members.warc.gz", b"".join(gzip.compress(b"") for _ in range(5000)), 0, True)
    add("not-warc.warc.gz", gzip.compress(b"Just a text file, gzipped.\n" * 100), 0, True)
    add("images-only.warc", _warc([("https://w.example/i.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                                    [("Content-Type", "image/png")])], gz=False), 0, True)
    add("many-headers.warc", _raw_record(b"", b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 300_000 + b"\r\n",
                                         b"<html><body>x</body></html>"), 0, True)
    add("bad-length.warc", _raw_record(b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                                       b"<html><body><p>short</p></body></html>", length=10**12), 0, True)
    add("encoding-bomb.warc", _raw_record(b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                               b"Content-Encoding: gzip\r\n\r\n",
                                          _gzip_member([b"<html><body><p>"], 256 << 20)), 0, True)
    add("bogus-chunks.warc", _raw_record(b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                              b"Transfer-Encoding: chunked\r\n\r\n",
                                         b"ffffffff\r\n<html><body><p>x</p></body></html>\r\n0\r\n\r\n"), ANY)
    # --------------------------------------------------------------- meta.json sidecars and names
    add("meta.json", '{"a.txt": {"outlet": "A"', sub="broken-meta")
    add("a.txt", t(), 0, False, sub="broken-meta")  # held back: its folder's meta.json is named instead
    add("b.txt", t(), 0, False, sub="broken-meta")
    add("meta.json", json.dumps({"w.txt": {"outlet": 5, "published": ["x"], "title": {"x": 1}, "language": None}}),
        sub="weird-meta")
    add("w.txt", t(), 1, sub="weird-meta")
    add("meta.json", "[1, 2]", sub="list-meta")
    add("l.txt", t(), 0, False, sub="list-meta")
    add("evil\x1b[2J\x1b]0;owned\x07.txt", t(), 1)
    add(os.fsdecode(b"caf\xe9-\xff.txt"), t(), 1)
    add("two\nlines.txt", t(), 1)
    add("bad\x07\x1b[31m.txt", b"", 0, True)
    return out


def special_files(folder: Path) -> list[tuple[str, bool]]:
    """Devices, FIFOs and links in the corpus folder: (name, must be named in an error)."""
    outside = folder.parent / "outside.txt"
    outside.write_text("A file outside the folder.\n\nIt must not be read through a link.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "out.txt").symlink_to(outside)
    (folder / "loop").symlink_to(folder)
    return [("pipe.txt", True), ("zero.txt", True), ("out.txt", True)]


def write_corpus(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    written = cases()
    for case in written:
        path = folder / case.sub / case.name if case.sub else folder / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(os.fsencode(path), "wb") as f:
            f.write(case.data)
    return written
