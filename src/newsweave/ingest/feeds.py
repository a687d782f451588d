"""RSS and Atom feed files via feedparser: one Draft per item; an item with only a summary is marked so."""
from __future__ import annotations

import time
from typing import Iterator

from ..errors import IngestError
from .draft import Draft
from .html import fragment_text
from .meta import normalize_published


def read_feed(data: bytes, source: str, **fields) -> Iterator[Draft | IngestError]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = _malformed(parsed) if parsed.bozo else "feed has no items"
        yield IngestError(source, reason)
        return
    sitename = (parsed.feed.get("title") or "").strip() or None
    language = parsed.feed.get("language")
    items = [_entry(e, f"{source}#item {i}", sitename, language, fields) for i, e in enumerate(parsed.entries, 1)]
    if parsed.bozo and not any(isinstance(item, Draft) for item in items):
        yield IngestError(source, _malformed(parsed))
        return
    yield from items


def _malformed(parsed) -> str:
    """feedparser's parse error as one line: the XML parser's message and where it stopped."""
    exc = parsed.get("bozo_exception")
    if hasattr(exc, "getMessage") and hasattr(exc, "getLineNumber"):
        return f"malformed feed: {exc.getMessage()} (line {exc.getLineNumber()}, column {exc.getColumnNumber()})"
    text = " ".join(str(exc or "not a feed").split())
    return f"malformed feed: {text}"


def _entry(entry, name: str, sitename, language, fields) -> Draft | IngestError:
    content = entry.get("content") or []
    full = next((c.get("value") for c in content if (c.get("value") or "").strip()), None)
    body = fragment_text(full or entry.get("summary") or "")
    if not body.strip():
        return IngestError(name, "feed item has neither content nor summary")
    return Draft(
        source=name, body=body, title=_clean(entry.get("title")), sitename=sitename,
        published=_published(entry), language=_clean(language), url=_clean(entry.get("link")),
        author=_clean(entry.get("author")), source_format="feed", summary_only=full is None,
        meta_keys=tuple(k for k in (entry.get("link"), entry.get("id")) if k), **fields,
    )


def _published(entry) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        value = normalize_published(raw) if raw else None
        if value:
            return value
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def _clean(value) -> str | None:
    if not value:
        return None
    text = fragment_text(value) if "<" in value else value
    return " ".join(text.split()) or None
