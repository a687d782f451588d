"""Bytes to text: BOMs, UTF-8, charset-normalizer for the rest (cp1251, latin-1, ...); NFC; binary refused."""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

from ..errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh",
          b"\xfd7zXZ", b"MZ", b"OggS", b"ID3", b"RIFF")
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_DEPTH = 64  # nesting of a JSON record or metadata file


def decode(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode one input to NFC text with ``\\n`` newlines; IngestError for empty, binary or undecodable input."""
    if not data.strip():
        raise IngestError(source, "empty input")
    text = _bom_decode(data) or _try(data, "utf-8") or _declared(data, declared) or _detect(data, source)
    return normalize_text(text, source)


def normalize_text(text: str, source: str) -> str:
    """NFC, unified newlines; refuses text that is mostly control characters (binary read as text)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    head = text[:100_000]
    controls = len(_CONTROL.findall(head))
    if controls > max(32, len(head) // 20):  # binary read as text: ~1 in 9 characters; stray ones are dropped
        raise IngestError(source, "binary content (control characters)")
    text = _CONTROL.sub("", text)
    if not text.strip():
        raise IngestError(source, "empty input")
    return unicodedata.normalize("NFC", text)


def looks_binary(data: bytes) -> bool:
    """Known binary magic numbers, or NUL bytes in text that carries no UTF-16/32 byte-order mark."""
    head = data[:4096]
    if any(head.startswith(m) for m in _MAGIC):
        return True
    return b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS) and not _utf16_shape(head)


def _utf16_shape(head: bytes) -> bool:
    """BOM-less UTF-16: NULs sit on one parity (ASCII-heavy text)."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2 or 1
    return (even > 0.3 * half and odd == 0) or (odd > 0.3 * half and even == 0)


def _bom_decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data[len(bom):], encoding)
    if b"\x00" in data[:4096] and _utf16_shape(data[:4096]):
        head = data[:4096]
        return _try(data, "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be")
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes, declared: str | None) -> str | None:
    head = data[:4096]
    found = _DECLARED.search(head) or _XML_DECL.search(head)
    name = declared or (found.group(1).decode("ascii") if found else None)
    return _try(data, name) if name else None


def _detect(data: bytes, source: str) -> str:
    if looks_binary(data):
        raise IngestError(source, "binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise IngestError(source, "undecodable text (no character encoding fits)")
    text = _try(data, best.encoding)
    if text is None:
        raise IngestError(source, f"undecodable text (detected {best.encoding} fails)")
    return text


def scrub_text(text: str) -> str:
    """Lone surrogates (from JSON escapes such as ``\\udfff`` or undecodable file names) as U+FFFD: text that can
    always be written as UTF-8; a well-formed pair becomes its character."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def scrub(value: Any, depth: int = 0) -> Any:
    """A JSON value with every string and key scrubbed; ValueError past MAX_DEPTH levels of nesting."""
    if depth > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {scrub_text(str(k)): scrub(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v, depth + 1) for v in value]
    return value
