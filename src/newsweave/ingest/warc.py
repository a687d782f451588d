"""WARC / WARC.gz via warcio: HTML response records (as in CC-NEWS). A truncated archive yields every
complete record, then one IngestError for the rest."""
from __future__ import annotations

import gzip
import logging
import zlib
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from ..errors import IngestError
from .draft import Draft
from .encoding import decode
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml")

log = logging.getLogger(__name__)


MAX_LINE = 64 * 1024  # one header line of a WARC record or its HTTP response
MAX_HEADERS = 1 << 20  # all header lines of one record, with the blank lines before it
BOMB_RATIO = 200  # gzip output per input byte past BOMB_FLOOR: real crawls compress about 4 to 10 times
BOMB_FLOOR = 64 << 20
HEADER_ROOM = 1 << 20  # a record's HTTP headers beside its max_bytes of content


def read_warc(stream: BinaryIO, source: str, *, gzipped: bool, max_bytes: int,
              **fields) -> Iterator[Draft | IngestError]:
    count = 0
    archive = ArchiveIterator(stream)
    try:
        for record in _records(archive):
            is_response = record.rec_type == "response"
            count += is_response
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            name = f"{source}#record {count + (not is_response)} <{uri}>"
            archive.reader.budget = MAX_HEADERS  # the next record's headers get their own budget
            if (record.length or 0) > max_bytes + HEADER_ROOM:  # skipped unread (chunks cannot outgrow it)
                if is_response:
                    yield IngestError(name, f"over the size limit ({max_bytes} bytes)")
                continue
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
    except Refused as exc:
        where = f"after record {count}" if count else "in the first record"
        yield IngestError(source, f"{exc} {where}; the rest of the archive is not read")
        return
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on a damaged archive
        yield IngestError(f"{source}#record {count + 1}", f"malformed or truncated WARC ({type(exc).__name__})")
        return
    if _gzip_truncated(stream) if gzipped else not _ends_cleanly(stream):
        yield IngestError(f"{source}#record {count + 1}", "truncated WARC: the archive ends mid-record")


class Refused(Exception):
    """An archive whose next read would be unbounded: a header line, a header block or a decompression too big."""


class BoundedReader(DecompressingBufferedReader):
    """warcio's gzip-aware buffered reader where a line is at most MAX_LINE bytes, the lines read between two
    records at most ``budget`` bytes, and gzip may not inflate past BOMB_RATIO times its input."""

    def __init__(self, stream: BinaryIO):
        super().__init__(stream)
        self.budget = MAX_HEADERS
        self.packed = self.unpacked = 0

    def readline(self, length=None):
        if length and length <= MAX_LINE:  # a caller's own small bound (chunk sizes): not header text
            return super().readline(length)
        line = self._line(MAX_LINE + 1)
        self.budget -= len(line)
        if len(line) > MAX_LINE:
            raise Refused(f"a header line over {MAX_LINE // 1024} KB")
        if self.budget < 0:
            raise Refused(f"headers over {MAX_HEADERS >> 20} MB")
        return line

    def _line(self, limit: int) -> bytes:
        parts, size = [], 0
        while size < limit:
            self._fillbuff()
            if self.empty():
                break
            piece = self.buff.readline(limit - size)
            parts.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
        return b"".join(parts)

    def _decompress(self, data):
        if self.decompressor is not None and data and self.num_block_read:  # mid-stream: corrupt, not plain
            try:
                out = self.decompressor.decompress(data)
            except zlib.error as exc:
                raise Refused(f"corrupt gzip data ({exc})") from exc
        else:
            out = super()._decompress(data)
        if self.decompressor is not None:
            self.packed += len(data)
            self.unpacked += len(out)
            if self.unpacked > BOMB_FLOOR and self.unpacked > BOMB_RATIO * self.packed:
                raise Refused(f"a decompression bomb (over {BOMB_RATIO} times its compressed size)")
        return out


def _records(archive: ArchiveIterator) -> Iterator:
    archive.reader = BoundedReader(archive.fh)  # warcio's own reader, with every line and decompression bounded
    archive.INC_RECORD = ""  # warcio's warning written raw to stderr; the damage is reported as one error line
    return iter(archive)


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
    """warcio drops a cut-off final gzip member silently: check the whole archive decompresses cleanly (within
    the same bomb bound)."""
    stream.seek(0)
    unpacked = 0
    try:
        with gzip.GzipFile(fileobj=stream) as archive:
            while chunk := archive.read(1 << 20):
                unpacked += len(chunk)
                if unpacked > BOMB_FLOOR and unpacked > BOMB_RATIO * max(stream.tell(), 1):
                    return True
    except (EOFError, OSError, zlib.error):
        return True
    return False
