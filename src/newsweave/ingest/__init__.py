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
from .build import build_article, outlet_unknown
from .dedup import find_original, signature
from .draft import Draft
from .files import expand, is_url, kind_of, read_bytes, read_path, read_stdin
from .meta import Sidecars

__all__ = ["Draft", "article_from", "expand", "find_original", "load", "load_data", "outlet_unknown", "signature"]


def load(sources: Sequence[str | IngestError], settings: Settings, *, meta_file: str | None = None,
         overrides: Mapping[str, str] | None = None,
         on_input: Callable[[str], None] | None = None) -> Iterator[Article | IngestError]:
    """Articles and errors from every input, in order; ``on_input`` is told when each input starts."""
    try:
        sidecars = Sidecars(meta_file, settings.max_bytes)
    except IngestError as exc:
        yield exc
        return
    given = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    named: set[str] = set()  # unreadable meta.json files already reported
    for source in expand(sources):
        if isinstance(source, IngestError):
            yield source
            continue
        if on_input:
            on_input(source)
        broken = sidecars.broken(source)
        if broken is not None:  # the folder's meta.json is unreadable: named once, its files left for a re-run
            if broken.source not in named:
                named.add(broken.source)
                yield broken
            continue
        yield from _guarded(source, settings, sidecars, given)


def load_data(data: bytes, source: str, settings: Settings, *, meta_file: str | None = None,
              overrides: Mapping[str, str] | None = None) -> Iterator[Article | IngestError]:
    """Articles and errors from one input already read into memory (a file on a Hadoop filesystem or an object
    store): the format from the name's extension, else sniffed; metadata from the document, ``meta_file`` (by the
    file's name or URI) and the overrides."""
    try:
        sidecars = Sidecars(meta_file, settings.max_bytes)
    except IngestError as exc:
        yield exc
        return
    given = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    try:
        for item in read_bytes(data, source, settings, kind=kind_of(source), path=source):
            yield item if isinstance(item, IngestError) else _article(item, sidecars, given, settings)
    except Exception as exc:  # noqa: BLE001 - reported as this input's error line
        yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _guarded(source: str, settings: Settings, sidecars: Sidecars,
             overrides: Mapping[str, str]) -> Iterator[Article | IngestError]:
    """One input's items; a reader crashing on hostile input costs that input only, not the batch, and an input
    that gives nothing at all says so."""
    found = False
    try:
        for item in _drafts(source, settings):
            found = True
            yield item if isinstance(item, IngestError) else _article(item, sidecars, overrides, settings)
    except Exception as exc:  # noqa: BLE001 - reported as this input's error line
        yield IngestError(source, f"could not be read ({type(exc).__name__}: {exc})")
        return
    if not found:
        yield IngestError(source, "no articles in this input")


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


def article_from(item: Draft | IngestError, settings: Settings) -> Article | IngestError:
    """An article from a draft read elsewhere (a feed poll) with the document's own metadata; errors pass."""
    return item if isinstance(item, IngestError) else _article(item, Sidecars(), {}, settings)


def _article(draft: Draft, sidecars: Sidecars, overrides: Mapping[str, str],
             settings: Settings) -> Article | IngestError:
    try:
        meta = sidecars.lookup(draft.path, draft.meta_keys + ((draft.url,) if draft.url else ()))
        return build_article(draft, meta, overrides, max_chars=settings.max_article_chars)
    except IngestError as exc:
        return exc
