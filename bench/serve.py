"""Web app throughput: requests/second and p50/p99 latency of the dossier page, its JSON and the filtered story list
on a 10k-article store; the story list's cost without its page cache (built in-process, distinct filters).

Builds (once, cached under .cache/bench-serve/) a store of the seed pair, ingested, clustered and compared as
``newsweave add`` does, plus synthetic articles (seeded text drawn from the seed pair's vocabulary, 20 outlets,
grouped into stories of 10), with the seed story's dossier stored.  Starts ``newsweave serve`` on 127.0.0.1 in a
subprocess and runs a bounded local load generator (keep-alive connections in threads, fixed duration) against it.
Data: the seed pair (``--root``, default examples/seed-pair).  Anchor: none published for this app; target on 2
shared cores: p99 < 250 ms for the dossier page.

    .venv/bin/python bench/serve.py [--root DIR] [--articles 10000] [--seconds 10] [--concurrency 4]

Last line: ``serve: html_rps=.. html_p50_ms=.. html_p99_ms=.. json_rps=.. json_p50_ms=.. json_p99_ms=..
stories_rps=.. stories_p50_ms=.. stories_p99_ms=.. stories_cold_ms=.. errors=..``.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import common
from newsweave.models import Article, Story, article_id

SEED = common.PROJECT / "examples" / "seed-pair"
CACHE = common.CACHE / "bench-serve"
OUTLETS = [f"Outlet {i:02d}" for i in range(20)]


def build_store(root: Path, n: int, db: Path) -> str:
    """The store (cached by size) and the seed story id."""
    marker = db.with_suffix(".json")
    if db.exists() and marker.exists():
        return json.loads(marker.read_text())["story_id"]
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    store, story_id = seed_store(root, db)
    words = " ".join((root / f).read_text(encoding="utf-8") for f in ("ukrainska-pravda.txt",
                                                                      "washington-post.txt")).split()
    rng = random.Random(13)
    t0, ids = time.time(), []
    for i in range(n - len(store.articles())):
        outlet = OUTLETS[i % len(OUTLETS)]
        text = f"Synthetic report {i}\n\n" + " ".join(rng.choice(words) for _ in range(rng.randint(150, 600)))
        aid = article_id(text, outlet)
        store.add_article(Article(id=aid, outlet=outlet, title=f"Synthetic report {i}", text=text, original=text,
                                  published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", language="en"))
        ids.append(aid)
        if len(ids) == 10:
            store.save_story(Story(id=f"syn{i:05d}", title=f"Synthetic story {i}", first=None, last=None,
                                   article_ids=tuple(ids)))
            ids = []
    print(f"built {db} ({n} articles) in {time.time() - t0:.1f}s", file=sys.stderr)
    store.close()
    marker.write_text(json.dumps({"story_id": story_id, "articles": n}))
    return story_id


def seed_store(root: Path, db: Path):
    """A store holding the seed pair (ingested with its meta.json, clustered into its story) and the story's
    dossier, computed and saved; (store, seed story id)."""
    from newsweave import pipeline
    from newsweave.config import Settings
    from newsweave.store import open_store
    from newsweave.web.data import load_dossier

    store = open_store(str(db))
    meta = root / "meta.json"
    pipeline.add_sources(store, [str(root)], Settings(db=str(db)), meta_file=str(meta) if meta.exists() else None)
    stories = store.stories()
    if not stories:
        raise SystemExit(f"no story was made of the articles under {root}")
    load_dossier(store, stories[0].id)
    return store, stories[0].id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(common.SRC), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "newsweave", "--db", str(db), "serve", "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start: " + proc.stderr.read().decode()[-2000:])


def load(port: int, path: str, seconds: float, concurrency: int, headers: dict) -> dict:
    """Keep-alive GETs from `concurrency` threads for `seconds`; latencies in ms; errors counted."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    end = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < end:
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            if ok:
                mine.append((time.perf_counter() - t) * 1000)
            else:
                errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    return {"requests": len(latencies), "errors": errors[0], "rps": len(latencies) / elapsed,
            "p50": q[49], "p99": q[98]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(ap, "seed-pair", default=SEED,
                    what="the seed pair (ukrainska-pravda.txt, washington-post.txt, meta.json): the seed story "
                         "and the synthetic articles' vocabulary")
    ap.add_argument("--articles", type=int, default=10_000, help="articles in the store")
    ap.add_argument("--seconds", type=float, default=10.0, help="duration of each load run")
    ap.add_argument("--concurrency", type=int, default=4, help="client threads")
    args = ap.parse_args(argv)
    db = CACHE / f"store-{args.articles}.db"
    story_id = build_store(args.root, args.articles, db)
    port = free_port()
    server = start_server(db, port)
    try:
        load(port, f"/story/{story_id}", 1.0, 1, {})  # warm-up
        html = load(port, f"/story/{story_id}", args.seconds, args.concurrency, {"accept": "text/html"})
        js = load(port, f"/story/{story_id}.json", args.seconds, args.concurrency, {})
        load(port, STORY_LIST, 1.0, 1, {})  # warm-up
        stories = load(port, STORY_LIST, args.seconds, args.concurrency, {"accept": "text/html"})
    finally:
        server.terminate()
        server.wait(10)
    cold = story_list_cold(db)
    print(f"filtered story list {STORY_LIST}: built without its page cache in {cold:.1f} ms (median of "
          f"{len(COLD_FILTERS)} distinct filters, in-process)")
    for name, r in (("dossier page (HTML)", html), ("dossier JSON", js), ("filtered story list", stories)):
        print(f"{name:20s} {r['rps']:7.1f} req/s  p50 {r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms  "
              f"({r['requests']} ok, {r['errors']} errors; {args.concurrency} clients, {args.seconds:.0f}s)"
              "   anchor: none published; target p99 < 250 ms")
    common.result("serve", html_rps=f"{html['rps']:.1f}", html_p50_ms=f"{html['p50']:.1f}",
                  html_p99_ms=f"{html['p99']:.1f}", json_rps=f"{js['rps']:.1f}", json_p50_ms=f"{js['p50']:.1f}",
                  json_p99_ms=f"{js['p99']:.1f}", stories_rps=f"{stories['rps']:.1f}",
                  stories_p50_ms=f"{stories['p50']:.1f}", stories_p99_ms=f"{stories['p99']:.1f}",
                  stories_cold_ms=f"{cold:.1f}", errors=html["errors"] + js["errors"] + stories["errors"],
                  articles=args.articles)


STORY_LIST = "/stories?outlet=Outlet+03&sort=-articles"  # the filtered story list the load run asks for
COLD_FILTERS = [{"outlet": [o], "sort": [s]} for o in OUTLETS[:10] for s in ("-articles", "title")]


def story_list_cold(db: Path) -> float:
    """Median ms to build the filtered story list's page dict (query, facets, view) with no page cache."""
    from newsweave.store import open_store
    from newsweave.web import browse

    times = []
    with open_store(str(db)) as store:
        for params in COLD_FILTERS:
            t = time.perf_counter()
            browse._stories_page(store, params)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
