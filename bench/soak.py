"""Soak: 20 concurrent readers against `newsweave serve` while `newsweave add` ingests 1,000 articles and a second
writer (another `add`) runs: errors, p50/p99 latency per page kind, the server's RSS over time.

The store starts with the seed pair and its dossier (as bench/serve.py builds it). The first writer adds 1,000 real
articles: the 772 ECB+ train/dev articles (``--root``) and, to reach 1,000, SlavicNER raw Ukrainian and Russian
articles (``--multilingual``); the second writer adds the next 100 SlavicNER articles at the same time. Readers
loop over the story list (HTML and JSON), story pages (HTML and JSON) of stories picked from the list as it grows,
article pages, search and the change feed. A story page whose dossier is current is a computed page; one that is
not yet answers at once and is counted apart (cold). RSS is sampled every 2 s.

    .venv/bin/python bench/soak.py [--root DIR] [--multilingual DIR] [--articles 1000] [--second 100] [--readers 20]

Anchor: none published; target 0 errors, p99 under 1 s for computed pages, RSS flat after warm-up.
Last line: ``soak: errors=.. computed_p50_ms=.. computed_p99_ms=.. cold_p99_ms=.. requests=.. added=.. ...``.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import common
import serve
from _ecbplus import FILE, corpus as ecbplus_corpus
from ecbplus_clustering import read_document

CACHE = common.CACHE / "soak"
KINDS = ("list", "list.json", "story", "story.json", "article", "search", "changes")
WORDS = ("earthquake", "police", "fire", "minister", "court", "election", "Brexit", "vaccine", "pipeline", "flight")


def write_corpus(root: Path, multilingual: Path, articles: int, second: int) -> tuple[Path, Path]:
    """.cache/soak/first (``articles`` texts) and .cache/soak/second (``second`` texts), written once."""
    first_dir, second_dir = CACHE / f"first-{articles}", CACHE / f"second-{second}"
    if first_dir.exists() and second_dir.exists():
        return first_dir, second_dir
    texts = []
    for path in sorted(p for p in ecbplus_corpus(root).rglob("*.xml") if FILE.match(p.name)):
        title, text = read_document(path)
        texts.append((f"ecb-{path.stem}.txt", text))
    slavic = sorted((multilingual / "slavicner" / "raw").rglob("*"))
    texts += [(f"slavic-{p.parent.parent.name}-{p.parent.name}-{p.name}.txt", p.read_text(encoding="utf-8"))
              for p in slavic if p.is_file()]
    if len(texts) < articles + second:
        raise SystemExit(f"only {len(texts)} articles under {root} and {multilingual}")
    for folder, part in ((first_dir, texts[:articles]), (second_dir, texts[articles:articles + second])):
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for name, text in part:
            (tmp / name).write_text(text.strip() + "\n", encoding="utf-8")
        tmp.rename(folder)
    return first_dir, second_dir


class Readers:
    """``count`` threads reading pages until stopped; latencies (ms) per kind, errors with their reasons."""

    def __init__(self, port: int, count: int, seed_story: str):
        import httpx

        self.base, self.count = f"http://127.0.0.1:{port}", count
        self.clients = [httpx.Client(base_url=self.base, timeout=60) for _ in range(count)]
        self.latencies: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.gone = 0
        self.stories, self.articles = [seed_story], []
        self.lock, self.stop = threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(count)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(120)

    def loop(self, n: int) -> None:
        rng = random.Random(n)
        client = self.clients[n]
        i = n
        while not self.stop.is_set():
            kind = KINDS[i % len(KINDS)]
            i += 1
            path = self.path(kind, rng)
            if path is None:
                continue
            start = time.perf_counter()
            try:
                r = client.get(path)
                ms = (time.perf_counter() - start) * 1000
                ok = r.status_code == 200
                label = self.label(kind, r) if ok else kind
            except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
                ok, label, ms, r = False, kind, (time.perf_counter() - start) * 1000, exc
            with self.lock:
                if ok:
                    self.latencies.setdefault(label, []).append(ms)
                elif kind.startswith("story") and getattr(r, "status_code", 0) == 404:
                    self.gone += 1  # merged into another story since the list was read: a right answer
                else:
                    self.errors.append(f"{path}: {getattr(r, 'status_code', r)!r}")

    def path(self, kind: str, rng: random.Random) -> str | None:
        with self.lock:
            story, article = rng.choice(self.stories), (rng.choice(self.articles) if self.articles else None)
        return {"list": "/", "list.json": "/index.json", "story": f"/story/{story}",
                "story.json": f"/story/{story}.json", "article": f"/article/{article}" if article else None,
                "search": f"/search.json?q={rng.choice(WORDS)}", "changes": "/changes.json"}[kind]

    def label(self, kind: str, response) -> str:
        if kind == "list.json":
            data = response.json()
            with self.lock:
                self.stories = [s["id"] for s in data["stories"]][-50:] or self.stories
                self.articles = [a["id"] for a in data.get("recent") or []] or self.articles
        if kind == "story":
            return "story (cold)" if 'class="notice computing"' in response.text else "story"
        if kind == "story.json":
            return "story.json (cold)" if response.json().get("computing") else "story.json"
        return kind


def _cold_story(store) -> str:
    """A second story of the seed pair's two articles, without a dossier: computing it warms the server up."""
    from newsweave.models import Story

    seed = store.stories()[0]
    store.save_story(Story(id="warm-up", title=seed.title, first=seed.first, last=seed.last,
                           article_ids=seed.article_ids, origin="compare"))
    return "warm-up"


def _warm(port: int, story: str, timeout: float = 900) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not httpx.get(f"http://127.0.0.1:{port}/story/{story}.json", timeout=60).json()["computing"]:
            return
        time.sleep(1)
    raise SystemExit("the server did not compute the warm-up dossier")


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def quantiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return (values[0], values[0]) if values else (float("nan"), float("nan"))
    q = statistics.quantiles(values, n=100)
    return q[49], q[98]


def add_process(db: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsweave", "--db", str(db), "add", str(folder)],
                            env={**os.environ, "PYTHONPATH": str(common.SRC)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def storyless(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        left = conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM story_articles s WHERE s.article_id = a.id)").fetchone()[0]
        return articles, left
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "ecbplus")
    common.add_root(parser, "multilingual", what="the multilingual sets (slavicner/raw/<topic>/<lang>/*)",
                    option="--multilingual")
    parser.add_argument("--articles", type=int, default=1000, help="articles the first writer adds")
    parser.add_argument("--second", type=int, default=100, help="articles the second writer adds meanwhile")
    parser.add_argument("--readers", type=int, default=20, help="concurrent reader threads")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds of reading before the writers start")
    args = parser.parse_args(argv)
    first, second = write_corpus(args.root, args.multilingual, args.articles, args.second)
    db = CACHE / "soak.db"
    for old in CACHE.glob("soak.db*"):
        old.unlink()
    store, seed_story = serve.seed_store(serve.SEED, db)
    cold = _cold_story(store)
    store.close()
    port = serve.free_port()
    server = serve.start_server(db, port)
    samples: list[tuple[float, float]] = []
    start = time.monotonic()
    readers = Readers(port, args.readers, seed_story)
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            samples.append((time.monotonic() - start, rss_mb(server.pid)))
            sampling.wait(2.0)

    threading.Thread(target=sample, daemon=True).start()
    try:
        _warm(port, cold)  # the worker loads the comparison's models once, before anything is measured
        readers.start()
        time.sleep(args.warmup)
        writers_start = time.monotonic()
        writers = [add_process(db, first), add_process(db, second)]
        outputs = [w.communicate() for w in writers]
        add_seconds = time.monotonic() - writers_start
        time.sleep(args.warmup)
        readers.finish()
    finally:
        sampling.set()
        server.terminate()
        server.wait(30)
    stored, left = storyless(db)
    report(args, readers, samples, outputs, writers, add_seconds, writers_start - start, stored, left)


def report(args, readers: Readers, samples, outputs, writers, add_seconds: float, writers_at: float,
           stored: int, left: int) -> None:
    for (out, err), w, name in zip(outputs, writers, ("first writer", "second writer")):
        print(f"{name}: exit {w.returncode}: {out.strip()}" + (f" ({len(err.splitlines())} error lines)" if err else ""))
        if not out.strip():
            print("  " + "\n  ".join(err.splitlines()[-6:]))
    print(f"store: {stored} articles, {left} in no story; writers took {add_seconds:.0f} s")
    print(f"{'page kind':18s} {'requests':>8s} {'p50 ms':>8s} {'p99 ms':>8s} {'max ms':>8s}")
    computed, cold = [], []
    for kind in sorted(readers.latencies):
        values = readers.latencies[kind]
        p50, p99 = quantiles(values)
        print(f"{kind:18s} {len(values):8d} {p50:8.1f} {p99:8.1f} {max(values):8.1f}")
        (cold if "(cold)" in kind else computed).extend(values)
    c50, c99 = quantiles(computed)
    _, k99 = quantiles(cold)
    print(f"{'computed pages':18s} {len(computed):8d} {c50:8.1f} {c99:8.1f}   anchor: none published; target p99 < 1000")
    print(f"errors: {len(readers.errors)}" + (f", first: {readers.errors[:3]}" if readers.errors else "")
          + f"; story pages of stories merged away since the list was read (404): {readers.gone}")
    during = [mb for t, mb in samples if writers_at <= t <= writers_at + add_seconds]
    third = during[len(during) // 3] if during else float("nan")
    end = during[-1] if during else float("nan")
    print("server RSS (MB) every 2 s: " + " ".join(f"{mb:.0f}" for _, mb in samples))
    print(f"server RSS: {third:.0f} MB a third into the writes (after warm-up), {end:.0f} MB at their end, "
          f"max {max(mb for _, mb in samples):.0f} MB")
    common.result("soak", errors=len(readers.errors), computed_p50_ms=f"{c50:.0f}", computed_p99_ms=f"{c99:.0f}",
                  cold_p99_ms=f"{k99:.0f}", requests=sum(len(v) for v in readers.latencies.values()),
                  added=stored - 2, storyless=left, gone=readers.gone, add_s=f"{add_seconds:.0f}", rss_warm_mb=f"{third:.0f}",
                  rss_end_mb=f"{end:.0f}", rss_max_mb=f"{max(mb for _, mb in samples):.0f}")


if __name__ == "__main__":
    main()
