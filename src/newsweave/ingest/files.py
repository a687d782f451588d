"""Inputs: files (format by extension, else sniffed), directories (recursive, sorted), `-` (stdin), URLs."""
from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import IngestError
from ..config import Settings
from .draft import Draft
from .encoding import decode
from .feeds import read_feed
from .html import read_html
from .records import read_json, read_jsonl
from .text import read_text
from .warc import read_warc

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
_SKIP_PREFIXES = ("readme", "license", "licence")


def expand(sources: Sequence[str]) -> list[str]:
    """Every input the sources name, in order: directories walked recursively and sorted.

    A directory with nothing to read (or one that cannot be listed) stays an input of its own, so that
    reading it reports why."""
    inputs: list[str] = []
    for source in sources:
        if source != "-" and not is_url(source) and os.path.isdir(source):
            inputs.extend(_walk(Path(source)) or [source])
        else:
            inputs.append(source)
    return inputs


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def url_scheme(source: str) -> str | None:
    """The scheme of anything written like a URL (``ftp://``, ``file://``...), else None."""
    match = _URL_LIKE.match(source)
    return match.group(1).lower() if match else None


_URL_LIKE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def _walk(root: Path) -> list[str]:
    """Files under root; a subdirectory that cannot be listed is returned itself (read_path names it)."""
    found = []
    for directory, dirs, files in os.walk(root, onerror=lambda exc: found.append(exc.filename or str(root))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not _skipped(name):
                found.append(os.path.join(directory, name))
    return sorted(found, key=lambda p: Path(p).relative_to(root).parts)


def _skipped(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower == "meta.json" or lower.startswith(_SKIP_PREFIXES)


def read_path(path: str, settings: Settings) -> Iterator[Draft | IngestError]:
    """One file. A WARC is streamed (CC-NEWS files run to a gigabyte): its size limit applies per record."""
    scheme = url_scheme(path)
    if scheme and not os.path.exists(path):
        yield IngestError(path, f"unsupported URL scheme '{scheme}' (only http and https URLs can be fetched)")
        return
    if os.path.isdir(path):
        yield IngestError(path, _empty_directory(path))
        return
    try:
        size = os.path.getsize(path)
        kind = _kind(path) or ("warc" if _starts_like_warc(path) else None)
        if kind == "warc" and size:
            with open(path, "rb") as stream:
                gzipped = stream.read(2) == b"\x1f\x8b"
                stream.seek(0)
                yield from read_warc(stream, path, gzipped=gzipped, max_bytes=settings.max_bytes, path=path)
            return
        data = Path(path).read_bytes() if size <= settings.max_bytes else b""
    except FileNotFoundError:
        yield IngestError(path, "no such file or directory")
        return
    except OSError as exc:
        yield IngestError(path, f"unreadable: {exc.strerror or exc}")
        return
    if size > settings.max_bytes:
        yield IngestError(path, f"over the size limit ({size} > {settings.max_bytes} bytes)")
        return
    yield from read_bytes(data, path, settings, kind=kind, path=path)


def _empty_directory(path: str) -> str:
    try:
        os.listdir(path)
    except OSError as exc:
        return f"unreadable directory: {exc.strerror or exc}"
    return "no files to ingest in this directory"


def _starts_like_warc(path: str) -> bool:
    with open(path, "rb") as stream:
        return sniff(stream.read(8)) == "warc"


def read_stdin(settings: Settings) -> Iterator[Draft | IngestError]:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield IngestError("<stdin>", f"over the size limit ({settings.max_bytes} bytes)")
        return
    yield from read_bytes(data, "<stdin>", settings)


def read_bytes(data: bytes, source: str, settings: Settings, *, kind: str | None = None,
               **fields) -> Iterator[Draft | IngestError]:
    """Parse one input's bytes; the format from ``kind`` or sniffed from the content."""
    kind = kind or sniff(data)
    try:
        if not data.strip():
            raise IngestError(source, "empty input")
        if kind == "warc":
            yield from read_warc(io.BytesIO(data), source, gzipped=data[:2] == b"\x1f\x8b",
                                 max_bytes=settings.max_bytes, **fields)
        elif kind == "feed":
            yield from _feed(data, source, fields)
        else:
            text = decode(data, source)
            reader = {"html": read_html, "json": read_json, "jsonl": read_jsonl}.get(kind, read_text)
            yield from reader(text, source, **fields)
    except IngestError as exc:
        yield exc


def _feed(data: bytes, source: str, fields) -> Iterator[Draft | IngestError]:
    decode(data, source)  # refuses binary and undecodable input before feedparser guesses
    yield from read_feed(data, source, **fields)


def _kind(path: str) -> str | None:
    lower = path.lower()
    for suffix, kind in sorted(_EXTENSIONS.items(), key=lambda item: -len(item[0])):
        if lower.endswith(suffix):
            return kind
    return None


def sniff(data: bytes) -> str:
    """Format from content: WARC, feed, HTML, JSON(L), else plain text."""
    if data[:2] == b"\x1f\x8b" or data.startswith(b"WARC/"):
        return "warc"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        return "feed" if any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf")) else "html"
    if head.startswith(b"{"):
        first = data.strip().split(b"\n", 1)
        return "jsonl" if len(first) > 1 and first[0].rstrip().endswith(b"}") else "json"
    if head.startswith(b"["):
        return "json"
    return "text"


def kind_of(path: str) -> str | None:
    """The format a file name's extension says (text, html, json, jsonl, feed, warc), else None."""
    return _kind(path)


def is_skipped(name: str) -> bool:
    """A file name a folder walk leaves out: hidden files, meta.json sidecars, READMEs and licences."""
    return _skipped(name)
