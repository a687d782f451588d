"""`newsweave watch` memory over a long run: resident memory (RSS) after 1,000, 5,000 and 10,000 polled feed items.

A local feed server (127.0.0.1, in this process) publishes five RSS feeds; every poll of a feed returns its 20
newest items, 10 of them new since the last poll (so half of what is polled was seen before). Item texts are drawn,
seeded, from the seed pair's vocabulary around a few rotating topics, six hours apart, so stories form and leave
the clusterer's window as they would over weeks. The watcher runs in this process (`watch.Watcher`, one poll after
the other, no waiting) on a fresh store under .cache/bench-watch/, as `newsweave watch` does: new items normalised,
stored, clustered; dossiers off by default (``--dossiers`` recomputes the changed stories' dossiers too, much
slower). Data: the seed pair (``--root``, default examples/seed-pair). Anchor: none published; target: flat (the
growth from 1,000 to 10,000 items under a tenth of the RSS).

    .venv/bin/python bench/watch_memory.py [--root DIR] [--items 10000] [--dossiers] [--light]

Last line: ``watch_memory: rss_1k_mb=.. rss_5k_mb=.. rss_10k_mb=.. growth_mb=.. items=.. added=.. polls=..
seconds=..``.
"""
from __future__ import annotations

import argparse
import html
import random
import shutil
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import common

SEED = common.PROJECT / "examples" / "seed-pair"
FEEDS = 5
WINDOW, STEP = 20, 10  # items per feed response, new items per poll
TOPICS = 12
CHECKPOINTS = (1_000, 5_000, 10_000)


class Feeds:
    """Five feeds whose n-th poll returns items [n*STEP, n*STEP + WINDOW) of that feed (newest first)."""

    def __init__(self, words: list[str], seed: int = 13):
        self.words, self.seed = words, seed
        self.polls = [0] * FEEDS
        self.start = datetime(2025, 1, 1, tzinfo=timezone.utc)

    def body(self, feed: int) -> bytes:
        n = self.polls[feed]
        self.polls[feed] += 1
        items = [self.item(feed, k) for k in range(n * STEP + WINDOW - 1, n * STEP - 1, -1)]
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                f"<title>Bench Outlet {feed}</title><link>https://example.org/{feed}</link>"
                f"{''.join(items)}</channel></rss>").encode("utf-8")

    def item(self, feed: int, k: int) -> str:
        rng = random.Random(f"{self.seed}:{feed}:{k}")
        topic = (k // 30 + feed) % TOPICS
        anchor = random.Random(f"topic:{topic}").sample(self.words, 12)
        text = " ".join(rng.choice(anchor) if rng.random() < 0.3 else rng.choice(self.words)
                        for _ in range(rng.randint(120, 300)))
        title = f"Report {feed}-{k}: " + " ".join(anchor[:5])
        when = format_datetime(self.start + timedelta(hours=6 * k, minutes=feed))
        return (f"<item><title>{html.escape(title)}</title><link>https://example.org/{feed}/{k}</link>"
                f"<guid>urn:bench:{feed}:{k}</guid><pubDate>{when}</pubDate>"
                f"<content:encoded><![CDATA[<p>{html.escape(text)}</p>]]></content:encoded></item>")


def serve(feeds: Feeds) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path.startswith("/feed") and self.path.endswith(".xml"):
                body, status = feeds.body(int(self.path[5:-4])), 200
            else:
                body, status = b"not found", 404
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml" if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(ap, "seed-pair", default=SEED,
                    what="the seed pair (ukrainska-pravda.txt, washington-post.txt): the items' vocabulary")
    ap.add_argument("--items", type=int, default=CHECKPOINTS[-1], help="feed items to poll in all")
    ap.add_argument("--dossiers", action="store_true", help="recompute the changed stories' dossiers too")
    ap.add_argument("--light", action="store_true", help="store new articles without normalising them (faster)")
    args = ap.parse_args(argv)

    from newsweave import pipeline
    from newsweave.config import Settings
    from newsweave.store import open_store
    from newsweave.watch import Watcher, WatchOptions

    if args.light:
        pipeline._annotate = lambda articles, analyze: [None] * len(articles)  # noqa: E731 - speed only
    words = " ".join((args.root / f).read_text(encoding="utf-8") for f in ("ukrainska-pravda.txt",
                                                                           "washington-post.txt")).split()
    folder = common.CACHE / "bench-watch"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    feeds = Feeds(words)
    httpd = serve(feeds)
    urls = [f"http://127.0.0.1:{httpd.server_port}/feed{i}.xml" for i in range(FEEDS)]
    settings = Settings(db=str(folder / "watch.db"), allow_private=True)
    checkpoints = [c for c in CHECKPOINTS if c <= args.items] or [args.items]
    seen, added, polls, marks = 0, 0, 0, {}
    t0 = time.perf_counter()
    with open_store(settings.db) as store:
        watcher = Watcher(store, settings, WatchOptions(every=1, host_interval=0, follow_links=False,
                                                        dossiers=args.dossiers))
        while seen < args.items:
            report = watcher.poll_source(urls[polls % FEEDS])
            polls += 1
            seen += report.items
            added += report.summary.added if report.summary else 0
            for mark in checkpoints:
                if mark not in marks and seen >= mark:
                    marks[mark] = rss_mb()
                    print(f"{seen:6d} items polled, {added:5d} added, {polls:4d} polls: RSS {marks[mark]:.0f} MB, "
                          f"{time.perf_counter() - t0:.0f} s", flush=True)
    httpd.shutdown()
    first, last = marks[checkpoints[0]], marks[checkpoints[-1]]
    shown = " / ".join(f"{marks[c]:.0f}" for c in checkpoints)
    print(f"watch RSS after {' / '.join(f'{c:,}' for c in checkpoints)} polled items: {shown} MB; growth "
          f"{last - first:+.0f} MB ({added} articles added in {polls} polls)   anchor: none published; target: flat")
    figures = {f"rss_{c // 1000}k_mb": f"{marks[c]:.0f}" for c in checkpoints}
    common.result("watch_memory", **figures, growth_mb=f"{last - first:.0f}", items=seen, added=added, polls=polls,
                  seconds=f"{time.perf_counter() - t0:.0f}", dossiers=int(args.dossiers), light=int(args.light))


if __name__ == "__main__":
    main()
