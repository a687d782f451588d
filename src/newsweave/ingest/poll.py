"""Polling feeds and pages politely, for `newsweave watch`: conditional requests (ETag, Last-Modified), robots.txt
honoured (``urllib.robotparser``, rules kept a day per site), one request at a time per host at a set pace (or the
site's Crawl-delay), and every fetch through the guarded ``urls.fetch`` (private addresses refused unless allowed).

``poll`` reads one source into drafts; ``item_key`` names an item by where it came from and what it says, so that
each version of an item is read once; ``follow`` reads the page a summary-only feed item links to.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Callable, Mapping
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..config import Settings
from ..errors import IngestError
from ..models import content_hash
from .draft import Draft
from .files import read_bytes
from .urls import Fetched, HTTPStatusError, fetch

ROBOTS_AGENT = "newsweave"
ROBOTS_TTL = 24 * 3600.0  # seconds a site's robots.txt rules are kept
MAX_HOSTS = 1024  # sites whose pace and rules are remembered (least recently used dropped): bounded memory
_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/rss+xml": "feed",
          "application/atom+xml": "feed", "application/xml": None, "text/xml": None, "text/plain": "text",
          "application/json": "json"}


class Stopped(Exception):
    """The watcher was asked to stop while waiting for its turn at a host."""


@dataclass(frozen=True)
class Poll:
    url: str
    status: int  # 200, or 304 when nothing changed since the validators sent
    validators: tuple[tuple[str, str], ...]  # to send next time
    items: tuple[Draft | IngestError, ...] = ()
    feed: bool = False


class Polite:
    """Per-host pacing and robots.txt rules for one watcher. ``wait(seconds)`` sleeps and returns True when the
    watcher should stop instead."""

    def __init__(self, settings: Settings, interval: float = 1.0,
                 wait: Callable[[float], bool] | None = None, clock: Callable[[], float] = time.monotonic):
        self.settings, self.interval, self.clock = settings, interval, clock
        self.wait = wait or (lambda seconds: time.sleep(seconds) or False)
        self.last: OrderedDict[str, float] = OrderedDict()  # host -> when its last request went out
        self.rules: OrderedDict[str, tuple[float, RobotFileParser]] = OrderedDict()  # origin -> (fetched at, rules)

    def fetch(self, url: str, validators: Mapping[str, str] | None = None) -> Fetched:
        """Fetch ``url`` if robots.txt allows it, once its host's turn has come."""
        rules = self.robots(url)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise IngestError(url, "disallowed by the site's robots.txt")
        self._pace(url, rules.crawl_delay(ROBOTS_AGENT))
        return fetch(url, self.settings, validators=validators)

    def robots(self, url: str) -> RobotFileParser:
        """The rules of the URL's site: fetched once a day; a missing robots.txt (4xx) allows everything, an
        unreachable one (5xx, network error) refuses this time (RFC 9309)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self.rules.get(origin)
        if cached is not None and self.clock() - cached[0] < ROBOTS_TTL:
            self.rules.move_to_end(origin)
            return cached[1]
        rules = RobotFileParser(origin + "/robots.txt")
        self._pace(origin + "/robots.txt", None)
        try:
            page = fetch(origin + "/robots.txt", self.settings)
            rules.parse(page.content.decode("utf-8", errors="replace").splitlines())
        except HTTPStatusError as exc:
            if exc.status >= 500:
                raise IngestError(url, f"robots.txt unreachable (HTTP {exc.status}): not fetched") from exc
            rules.parse([])
            rules.allow_all = True
        except IngestError as exc:
            raise IngestError(url, f"robots.txt unreachable ({exc.reason}): not fetched") from exc
        _remember(self.rules, origin, (self.clock(), rules))
        return rules

    def _pace(self, url: str, crawl_delay: float | None) -> None:
        host = (urlsplit(url).hostname or "").lower()
        gap = max(self.interval, float(crawl_delay or 0))
        last = self.last.get(host)
        if last is not None:
            left = last + gap - self.clock()
            if left > 0 and self.wait(left):
                raise Stopped()
        _remember(self.last, host, self.clock())


def _remember(cache: OrderedDict, key, value) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > MAX_HOSTS:
        cache.popitem(last=False)


def poll(url: str, settings: Settings, polite: Polite, validators: Mapping[str, str] | None = None) -> Poll:
    """One conditional request to a feed or page, read into drafts (a feed gives one per item)."""
    page = polite.fetch(url, validators)
    if page.status == 304:
        return Poll(url, 304, page.validators or tuple((validators or {}).items()))
    kind = _kind(page.content_type)
    items = tuple(_located(item, url, page.url) for item in read_bytes(page.content, url, settings, kind=kind))
    feed = any(isinstance(i, Draft) and i.source_format == "feed" for i in items)
    return Poll(url, page.status, page.validators, items, feed)


def _kind(content_type: str) -> str | None:
    return _TYPES.get(content_type.split(";")[0].strip().lower())


def _located(item: Draft | IngestError, url: str, final: str) -> Draft | IngestError:
    """A page's draft carries the URL it was fetched from (a feed item keeps its own link)."""
    if isinstance(item, IngestError) or item.source_format == "feed":
        return item
    return replace(item, url=item.url or final, meta_keys=(url, final))


def item_key(source: str, draft: Draft) -> str:
    """An item's identity: the source, the item's link or id, and its text (an item whose text changes is a new
    version, read again)."""
    ident = draft.meta_keys[0] if draft.meta_keys else (draft.url or draft.source)
    return content_hash(source, ident, " ".join(draft.body.split()))


def follow(item: Draft, settings: Settings, polite: Polite) -> list[Draft | IngestError]:
    """The page a summary-only feed item links to, read as an article; the item's own fields fill what the page
    does not say (title, time, author, language, the feed's name as the outlet's)."""
    page = polite.fetch(item.url)
    drafts = [_located(d, item.url, page.url)
              for d in read_bytes(page.content, item.url, settings, kind=_kind(page.content_type))]
    return [d if isinstance(d, IngestError) else _filled(d, item) for d in drafts[:1]]


def _filled(page: Draft, item: Draft) -> Draft:
    fields = ("title", "published", "author", "language", "sitename")
    return replace(page, meta_keys=tuple(dict.fromkeys(page.meta_keys + item.meta_keys)),
                   **{f: getattr(page, f) or getattr(item, f) for f in fields})
