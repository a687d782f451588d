"""Stream scale: ms per article and RSS of the clustering step as the archive grows.

A synthetic stream (many stories over months: each story has its own names, places and topic words, drawn over a
Zipfian background vocabulary taken from ECB+ texts) is clustered in publication order; the articles also go into a
SQLite store (the heavy normaliser is skipped).  At each checkpoint (default 10k, 50k, 200k articles already
clustered and stored) the next ``--probe`` articles are timed, including the store writes of the stories they
change.  Data: ECB+ for the vocabulary (``--root``).  No published anchor; target: per-article cost flat within 2x
from 10k to 200k, memory bounded by the active window.  Takes about an hour at the default 200k.

    .venv/bin/python bench/stream_scale.py [--root DIR] [--max 200000] [--checkpoints 10000,50000,200000]

Last line: ``scale: ms_10000=.. cpu_ms_10000=.. rss_mb_10000=.. ... ratio=.. cpu_ratio=..``.
"""
from __future__ import annotations

import argparse
import heapq
import random
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import common
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article, content_hash
from newsweave.stories import flush
from newsweave.store import open_store

from _ecbplus import add_root, corpus

SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ven", "sor", "del", "an", "gri", "bo", "zel", "mar", "te", "qui", "ny")


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB; falls back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vocabulary(root: Path, rng: random.Random) -> list[str]:
    """Background words by frequency: from ECB+ token texts when present, else synthetic."""
    counts: dict[str, int] = {}
    for path in sorted(root.rglob("*.xml"))[:300]:
        for word in path.read_text(encoding="utf-8", errors="ignore").split(">"):
            token = word.split("<", 1)[0].strip().lower()
            if token.isalpha() and len(token) > 2:
                counts[token] = counts.get(token, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    while len(words) < 20000:
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return words


def name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(rng.randint(1, 2)))


class Stream:
    """Stories start at a steady rate; each lasts a few days and draws 2-40 articles."""

    def __init__(self, words: list[str], seed: int, per_day: int):
        self.rng = random.Random(seed)
        self.words = words
        self.weights = [1.0 / (i + 1) for i in range(len(words))]
        self.per_day = per_day
        self.start = datetime(2024, 1, 1)

    def articles(self, total: int):
        """Articles in publication order: stories start at a steady rate, their articles spread over days."""
        rng, made, story_no, next_start = self.rng, 0, 0, 0.0
        pending: list[tuple[float, int, int]] = []
        stories: dict[int, dict] = {}
        gap = 13.0 / self.per_day  # mean story size / articles per day
        while made < total:
            while next_start <= (pending[0][0] if pending else 0.0) + 1.0:
                story = self._story(story_no, next_start)
                stories[story_no] = story
                for k in range(story["size"]):
                    heapq.heappush(pending, (next_start + rng.random() * story["days"], story_no * 1000 + k,
                                             story_no))
                story_no += 1
                next_start += rng.expovariate(1.0 / gap)
            when, key, number = heapq.heappop(pending)
            made += 1
            yield self._article(stories[number], when, key)

    def _story(self, number: int, day: float) -> dict:
        rng = self.rng
        return {"n": number, "day": day, "days": rng.uniform(0.5, 8), "size": rng.choice((2, 3, 5, 8, 13, 21, 40)),
                "names": [name(rng) for _ in range(rng.randint(3, 6))],
                "topic": rng.choices(self.words[200:8000], k=25)}

    def _article(self, story: dict, when: float, key: int) -> Article:
        rng = self.rng
        body = rng.choices(self.words, weights=self.weights, k=rng.randint(120, 260))
        body += rng.choices(story["topic"], k=45)
        body += rng.choices(story["names"], k=12)
        rng.shuffle(body)
        sentences = [" ".join(body[i:i + 15]).capitalize() + "." for i in range(0, len(body), 15)]
        title = " ".join(rng.sample(story["topic"], 4) + story["names"][:1]).capitalize()
        published = (self.start + timedelta(days=when)).isoformat(timespec="seconds")
        return Article(id=content_hash("synthetic", str(key)), outlet=f"outlet{rng.randint(1, 40)}",
                       title=title, text=title + "\n" + " ".join(sentences), published=published)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--max", type=int, default=200_000, help="largest backlog (checkpoints up to it)")
    parser.add_argument("--checkpoints", default="10000,50000,200000")
    parser.add_argument("--probe", type=int, default=1000, help="articles timed at each checkpoint")
    parser.add_argument("--per-day", type=int, default=600, help="articles per day in the synthetic stream")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--cluster-tail", type=int, default=0,
                        help="only store (not cluster) backlog articles older than this many before a checkpoint; "
                             "0 clusters everything. Safe when it exceeds the active window: older stories are "
                             "closed by then and leave no state behind")
    args = parser.parse_args(argv)
    checkpoints = [c for c in (int(x) for x in args.checkpoints.split(",")) if c <= args.max]
    root = corpus(args.root)
    words = vocabulary(root, random.Random(args.seed))
    stream = Stream(words, args.seed, args.per_day)
    clusterer = StreamClusterer()
    figures: dict[str, str] = {}
    common.CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsweave-scale-", dir=common.CACHE) as tmp:
        store = open_store(str(Path(tmp) / "scale.db"))
        articles = stream.articles(max(checkpoints) + args.probe)
        done, started = 0, time.perf_counter()
        for checkpoint in checkpoints:
            while done < checkpoint:  # backlog: cluster and store, untimed
                article = next(articles)
                store.add_article(article)
                if not args.cluster_tail or checkpoint - done <= args.cluster_tail:
                    clusterer.assign(article)
                done += 1
                if done % 500 == 0:
                    flush(store, clusterer)
            flush(store, clusterer)
            probe = [next(articles) for _ in range(args.probe)]
            for article in probe:
                store.add_article(article)
            t0, c0 = time.perf_counter(), time.process_time()
            for i, article in enumerate(probe, 1):
                clusterer.assign(article)
                if i % 100 == 0:
                    flush(store, clusterer)
            flush(store, clusterer)
            ms = (time.perf_counter() - t0) * 1000 / len(probe)
            cpu_ms = (time.process_time() - c0) * 1000 / len(probe)
            done += len(probe)
            rss = rss_mb()
            print(f"backlog {checkpoint:>7} articles: {ms:.2f} ms/article ({1000 / ms:.0f} articles/s; CPU "
                  f"{cpu_ms:.2f} ms/article), "
                  f"RSS {rss:.0f} MB, active stories {len(clusterer.stories)}, active articles "
                  f"{len(clusterer.where)}, vocabulary {len(clusterer.df.counts)}  "
                  f"[{time.perf_counter() - started:.0f}s elapsed]", flush=True)
            figures[f"ms_{checkpoint}"] = f"{ms:.2f}"
            figures[f"cpu_ms_{checkpoint}"] = f"{cpu_ms:.2f}"
            figures[f"rss_mb_{checkpoint}"] = f"{rss:.0f}"
        store.close()
    ms_values = [float(figures[f"ms_{c}"]) for c in checkpoints]
    cpu_values = [float(figures[f"cpu_ms_{c}"]) for c in checkpoints]
    ratio = max(ms_values) / min(ms_values)
    cpu_ratio = max(cpu_values) / min(cpu_values)
    print(f"target: per-article cost flat within 2x from 10k to 200k (wall ratio {ratio:.2f}, CPU ratio "
          f"{cpu_ratio:.2f}; on a shared machine the CPU figure is the one other jobs do not distort)")
    common.result("scale", **figures, ratio=f"{ratio:.2f}", cpu_ratio=f"{cpu_ratio:.2f}")


if __name__ == "__main__":
    main()
