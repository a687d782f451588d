"""Ingest: read every real news format into cleaned, identified ``Article`` records.

``load(sources, settings)`` yields, in a deterministic order, one ``Article`` or one ``IngestError`` per
article found in the sources (files, directories, ``-`` for stdin, http(s) URLs).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator, Mapping, Sequence

from ..errors import IngestError
from ..models import Article
from ..config import Settings
from .build import build_article
from .dedup import find_original, signature
from .draft import Draft
from .files import expand, is_url, kind_of, read_bytes, read_path, read_stdin
from .meta import Sidecars

__all__ = ["Draft", "expand", "find_original", "load", "load_data", "signature"]


def load(sources: Sequence[str], settings: Settings, *, meta_file: str | None = None,
         overrides: Mapping[str, str] | None = None,
         on_input: Callable[[str], None] | None = None) -> Iterator[Article | IngestError]:
    """Articles and errors from every input, in order; ``on_input`` is told when each input starts."""
    try:
        sidecars = Sidecars(meta_file)
    except IngestError as exc:
        yield exc
        return
    given = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    for source in expand(sources):
        if on_input:
            on_input(source)
        yield from _guarded(source, settings, sidecars, given)


def load_data(data: bytes, source: str, settings: Settings, *, meta_file: str | None = None,
              overrides: Mapping[str, str] | None = None) -> Iterator[Article | IngestError]:
    """Articles and errors from one input already read into memory (a file on a Hadoop filesystem or an object
    store): the format from the name's extension, else sniffed; metadata from the document, ``meta_file`` (by the
    file's name or URI) and the overrides."""
    try:
        sidecars = Sidecars(meta_file)
    except IngestError as exc:
        yield exc
        return
    given = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    try:
        for item in read_bytes(data, source, settings, kind=kind_of(source), path=source):
            yield item if isinstance(item, IngestError) else _article(item, sidecars, given)
    except Exception as exc:  # noqa: BLE001 - reported as this input's error line
        yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _guarded(source: str, settings: Settings, sidecars: Sidecars,
             overrides: Mapping[str, str]) -> Iterator[Article | IngestError]:
    """One input's items; a reader crashing on hostile input costs that input only, not the batch."""
    try:
        for item in _drafts(source, settings):
            yield item if isinstance(item, IngestError) else _article(item, sidecars, overrides)
    except Exception as exc:  # noqa: BLE001 - reported as this input's error line
        yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _drafts(source: str, settings: Settings) -> Iterator[Draft | IngestError]:
    if source == "-":
        return read_stdin(settings)
    if is_url(source):
        return _url(source, settings)
    return read_path(source, settings)


def _url(url: str, settings: Settings) -> Iterator[Draft | IngestError]:
    from .urls import fetch

    try:
        page = fetch(url, settings)
    except IngestError as exc:
        yield exc
        return
    kind = _kind_from_type(page.content_type)
    for item in read_bytes(page.content, url, settings, kind=kind):
        yield replace(item, url=item.url or page.url, meta_keys=(url, page.url)) if isinstance(item, Draft) else item


_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
          "application/x-ndjson": "jsonl", "application/rss+xml": "feed", "application/atom+xml": "feed",
          "application/warc": "warc", "text/plain": "text"}


def _kind_from_type(content_type: str) -> str | None:
    return _KINDS.get(content_type.split(";")[0].strip().lower())


def _article(draft: Draft, sidecars: Sidecars, overrides: Mapping[str, str]) -> Article | IngestError:
    try:
        meta = sidecars.lookup(draft.path, draft.meta_keys + ((draft.url,) if draft.url else ()))
        return build_article(draft, meta, overrides)
    except IngestError as exc:
        return exc
