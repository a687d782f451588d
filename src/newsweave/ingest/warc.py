"""WARC / WARC.gz via warcio: HTML response records (as in CC-NEWS). A truncated archive yields every
complete record, then one IngestError for the rest."""
from __future__ import annotations

import gzip
import logging
import zlib
from typing import BinaryIO, Iterator

from ..errors import IngestError
from .draft import Draft
from .encoding import decode
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml")

log = logging.getLogger(__name__)


def read_warc(stream: BinaryIO, source: str, *, gzipped: bool, max_bytes: int,
              **fields) -> Iterator[Draft | IngestError]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream):
            is_response = record.rec_type == "response"
            count += is_response
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            name = f"{source}#record {count + (not is_response)} <{uri}>"
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                if is_response:
                    yield IngestError(name, f"over the size limit ({max_bytes} bytes)")
                continue
            if getattr(record.raw_stream, "limit", 0):
                yield IngestError(name, "truncated WARC: this record and anything after it are incomplete")
                return
            if is_response:
                yield from _record(record, body, name, uri, fields)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on a damaged archive
        yield IngestError(f"{source}#record {count + 1}", f"malformed or truncated WARC ({type(exc).__name__})")
        return
    if _gzip_truncated(stream) if gzipped else not _ends_cleanly(stream):
        yield IngestError(f"{source}#record {count + 1}", "truncated WARC: the archive ends mid-record")


def _record(record, body: bytes, name: str, uri: str, fields) -> Iterator[Draft | IngestError]:
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else "") or ""
    status = _status(http)
    # A crawl holds redirects, errors, images and scripts beside the pages: those are not articles and not
    # errors either (a CC-NEWS file would otherwise never ingest cleanly), so they are skipped quietly.
    if status and not 200 <= status < 300:
        log.debug("%s: skipped: HTTP %s response", name, status)
        return
    if not ctype.lower().lstrip().startswith(_HTML_TYPES) and not (not ctype and _looks_html(body)):
        log.debug("%s: skipped: not an HTML page (Content-Type %s)", name, ctype or "none")
        return
    try:
        html = decode(body, name, declared=_charset(ctype))
        yield from read_html(html, name, url=uri or None, **fields)
    except IngestError as exc:
        yield exc


def _status(http) -> int | None:
    try:
        return int(http.get_statuscode()) if http is not None else None
    except (TypeError, ValueError):
        return None


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _ends_cleanly(stream: BinaryIO) -> bool:
    """Every WARC record ends with two CRLFs; a file cut mid-header leaves warcio silent."""
    stream.seek(0, 2)
    if stream.tell() < 4:
        return False
    stream.seek(-4, 2)
    return stream.read(4) == b"\r\n\r\n"


def _gzip_truncated(stream: BinaryIO) -> bool:
    """warcio drops a cut-off final gzip member silently: check the whole archive decompresses cleanly."""
    stream.seek(0)
    try:
        with gzip.GzipFile(fileobj=stream) as archive:
            while archive.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return True
    return False
