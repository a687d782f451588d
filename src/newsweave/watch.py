"""Following the news: poll feeds and pages, add what is new, bring the dossiers of the stories that changed up to
date, and say what changed (new stories, new conflicts, updated figures).

The watcher's state lives in the store (``watch_sources``: validators, schedule, failures; ``watch_items``: every
item read): a restarted watcher sends the validators it last received, waits for the sources' next turn and reads
no item twice. Its memory holds the sources, one pace and one robots.txt per host (bounded), and one poll at a time.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

from . import dossiers, pipeline
from .config import Settings
from .errors import IngestError, NewsweaveError
from .ingest import article_from
from .ingest.draft import Draft
from .ingest.poll import Polite, Stopped, follow, item_key, poll
from .models import Article
from .store import Store


@dataclass(frozen=True)
class WatchOptions:
    every: float = 600.0  # seconds between two polls of a source
    host_interval: float = 1.0  # seconds between two requests to one host (or the site's Crawl-delay)
    follow_links: bool = True  # read the page a summary-only feed item links to
    dossiers: bool = True  # recompute the dossiers of the stories that changed
    max_backoff: float = 6 * 3600.0  # longest wait after repeated failures


@dataclass(frozen=True)
class PollReport:
    """What one poll of one source did."""

    url: str
    outcome: str  # "new", "unchanged" (nothing unseen), "not modified" (304), "failed"
    items: int = 0  # items the source holds
    fresh: int = 0  # items not seen before
    summary: pipeline.AddSummary | None = None
    errors: tuple[str, ...] = ()  # items that could not be read
    changes: tuple[dict[str, Any], ...] = ()  # changes recorded by this poll, oldest first
    retry_in: float | None = None  # seconds until the next try, after a failure
    stories: tuple[str, ...] = field(default=())  # stories that received articles


class Watcher:
    """Polls sources in turn until ``stop`` is set. One watcher per store and process."""

    def __init__(self, store: Store, settings: Settings, options: WatchOptions = WatchOptions(),
                 stop: threading.Event | None = None, clock: Callable[[], float] = time.time):
        self.store, self.settings, self.options, self.clock = store, settings, options, clock
        self.stop = stop or threading.Event()
        self.polite = Polite(settings, options.host_interval, wait=self.stop.wait)

    def run(self, sources: Sequence[str], report: Callable[[PollReport], None], once: bool = False) -> int:
        """Poll each source when its turn comes (every one now with ``once``, then return); the polls made."""
        polls = 0
        while not self.stop.is_set():
            due = list(sources) if once else [u for u in sources if self._next_at(u) <= self.clock()]
            for url in due:
                if self.stop.is_set():
                    break
                try:
                    report(self.poll_source(url))
                except Stopped:
                    break
                polls += 1
            if once:
                break
            wait = min(self._next_at(u) for u in sources) - self.clock()
            if wait > 0:
                self.stop.wait(wait)
        return polls

    def _next_at(self, url: str) -> float:
        state = self.store.watch_source(url)
        return float(state["next_at"]) if state else 0.0

    # ------------------------------------------------------------------ one poll
    def poll_source(self, url: str) -> PollReport:
        state = self.store.watch_source(url) or {}
        validators = {k: state[c] for k, c in (("etag", "etag"), ("last-modified", "last_modified")) if state.get(c)}
        try:
            result = poll(url, self.settings, self.polite, validators)
        except IngestError as exc:
            return self._failed(url, state, exc)
        if result.status == 304:
            self._succeeded(url, result.validators, 304)
            return PollReport(url, "not modified")
        drafts = [i for i in result.items if isinstance(i, Draft)]
        errors = [str(i) for i in result.items if isinstance(i, IngestError)]
        if not drafts and errors:
            return self._failed(url, state, next(i for i in result.items if isinstance(i, IngestError)))
        by_key = {item_key(url, d): d for d in drafts}
        seen = self.store.seen_items(list(by_key))
        fresh = [(k, d) for k, d in by_key.items() if k not in seen]
        report = self._add(url, fresh, errors, len(drafts))
        self._succeeded(url, result.validators, result.status)
        return report

    def _add(self, url: str, fresh: list[tuple[str, Draft]], errors: list[str], items: int) -> PollReport:
        before = self.store.last_change()
        read: list[tuple[str, Article | IngestError]] = []
        for key, draft in fresh:
            for item in self._read(draft, errors):
                read.append((key, article_from(item, self.settings)))
        summary = pipeline.add_items(self.store, (a for _, a in read), self.settings)
        self.store.mark_items(url, [(k, a.id if isinstance(a, Article) else None) for k, a in read])
        stories = self._stories_of(summary.article_ids)
        if self.options.dossiers:
            for story_id in stories:
                dossiers.story_dossier(self.store, story_id, settings=self.settings)
        changes = tuple(reversed(self.store.changes(since=before, limit=1000)))
        outcome = "new" if fresh else "unchanged"
        return PollReport(url, outcome, items, len(fresh), summary, tuple(errors) + summary.errors, changes,
                          stories=tuple(stories))

    def _read(self, draft: Draft, errors: list[str]) -> Iterator[Draft | IngestError]:
        """The item itself, or the page it links to when it carries only a summary (the summary when the page
        cannot be read: said in ``errors``)."""
        if not (self.options.follow_links and draft.summary_only and draft.url):
            yield draft
            return
        try:
            pages = follow(draft, self.settings, self.polite)
        except IngestError as exc:
            errors.append(f"{exc} (the feed's summary is kept instead)")
            pages = [draft]
        yield from pages or [draft]

    def _stories_of(self, article_ids: Sequence[str]) -> list[str]:
        found: dict[str, None] = {}
        for article_id in article_ids:
            for story in self.store.stories_of_article(article_id):
                found.setdefault(story["id"], None)
        return list(found)

    # ------------------------------------------------------------------ schedule
    def _succeeded(self, url: str, validators, status: int) -> None:
        given = dict(validators)
        self.store.save_watch_source(url, etag=given.get("etag"), last_modified=given.get("last-modified"),
                                     checked_at=_iso(self.clock()), next_at=self.clock() + self.options.every,
                                     failures=0, last_status=status, last_error=None)

    def _failed(self, url: str, state: dict, exc: NewsweaveError) -> PollReport:
        failures = int(state.get("failures") or 0) + 1
        delay = min(self.options.every * 2 ** min(failures, 16), self.options.max_backoff)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after:
            delay = max(delay, min(float(retry_after), self.options.max_backoff))
        self.store.save_watch_source(url, checked_at=_iso(self.clock()), next_at=self.clock() + delay,
                                     failures=failures, last_status=getattr(exc, "status", None),
                                     last_error=str(exc))
        return PollReport(url, "failed", errors=(str(exc),), retry_in=delay)


def _iso(epoch: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(epoch, timezone.utc).replace(microsecond=0).isoformat()
