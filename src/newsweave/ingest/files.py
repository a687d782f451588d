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
from .regular import open_regular
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


def expand(sources: Sequence[str | IngestError]) -> list[str | IngestError]:
    """Every input the sources name, in order: directories walked recursively and sorted.

    A directory with nothing to read (or one that cannot be listed) stays an input of its own, so that reading it
    reports why; a link out of a walked directory is not followed: an IngestError stands in its place."""
    inputs: list[str | IngestError] = []
    for source in sources:
        if isinstance(source, str) and source != "-" and not is_url(source) and os.path.isdir(source):
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


def _walk(root: Path) -> list[str | IngestError]:
    """Files under root (links to directories are not entered); a subdirectory that cannot be listed is returned
    itself (read_path names it); a link to anything outside root is an IngestError, not followed."""
    found: list[tuple[tuple[str, ...], str | IngestError]] = []
    inside = os.path.realpath(root)

    def unlistable(exc: OSError) -> None:
        name = exc.filename or str(root)
        found.append((_parts(root, name), name))

    for directory, dirs, files in os.walk(root, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if _skipped(name):
                continue
            path = os.path.join(directory, name)
            entry = path if _within(path, inside) else IngestError(path, LINK_OUT)
            found.append((_parts(root, path), entry))
    return [entry for _, entry in sorted(found, key=lambda item: item[0])]


LINK_OUT = "a link out of the folder, not followed"


def _parts(root: Path, path: str) -> tuple[str, ...]:
    return Path(path).relative_to(root).parts


def _within(path: str, inside: str) -> bool:
    """A file that is no link, or a link resolving to somewhere inside the walked folder."""
    if not os.path.islink(path):
        return True
    target = os.path.realpath(path)
    return target == inside or target.startswith(inside.rstrip(os.sep) + os.sep)


def _skipped(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower == "meta.json" or lower.startswith(_SKIP_PREFIXES)


def read_path(path: str, settings: Settings) -> Iterator[Draft | IngestError]:
    """One regular file, never more than ``max_bytes`` read. A WARC is streamed (CC-NEWS files run to a gigabyte):
    its size limit applies per record."""
    scheme = url_scheme(path)
    if scheme and not os.path.exists(path):
        yield IngestError(path, f"unsupported URL scheme '{scheme}' (only http and https URLs can be fetched)")
        return
    if os.path.isdir(path):
        yield IngestError(path, _empty_directory(path))
        return
    try:
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            head = stream.peek(8)[:8]
            kind = _kind(path) or ("warc" if sniff(head) == "warc" else None)
            if kind == "warc" and head:
                yield from read_warc(stream, path, gzipped=head[:2] == b"\x1f\x8b", max_bytes=settings.max_bytes,
                                     path=path)
                return
            data = stream.read(settings.max_bytes + 1) if size <= settings.max_bytes else b""
    except IngestError as exc:
        yield exc
        return
    except FileNotFoundError:
        yield IngestError(path, "no such file or directory")
        return
    except OSError as exc:
        yield IngestError(path, f"unreadable: {exc.strerror or exc}")
        return
    if size > settings.max_bytes or len(data) > settings.max_bytes:
        yield IngestError(path, f"over the size limit ({max(size, len(data))} > {settings.max_bytes} bytes)")
        return
    yield from read_bytes(data, path, settings, kind=kind, path=path)


def _empty_directory(path: str) -> str:
    try:
        os.listdir(path)
    except OSError as exc:
        return f"unreadable directory: {exc.strerror or exc}"
    return "no files to ingest in this directory"


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
