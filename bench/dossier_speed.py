"""Dossier speed of a stored story: seconds and articles/s of the dossier of 2, 10 and 50 stored articles, from the
annotations and claims ``newsweave add`` kept (models warm), beside the same dossier with its claims computed
again; and what ``add`` costs per article.

Articles are ECB+ documents taken in topic order (a 50-article "story" spans several topics: a load test), written
as text files with a meta.json and added with ``newsweave add`` in a child process (the first line printed: add
articles/s).  Each dossier is then computed (never the saved one) in a fresh child process, after a warm-up
dossier of 10 other stored articles (spaCy, the embedder and the place tables loaded): ``stored`` reads the
claims from the store (what ``newsweave dossier`` does), ``recomputed`` extracts, parses and embeds them again.
Printed per size: claims, candidate pairs (blocking: top-k neighbours + shared slot keys, so they grow ~n log n),
pairs / (n log n), median seconds (wall and CPU) of ``--repeat`` runs, articles/s.  Data: ECB+ (``--root``).
Anchor: the target of issue 21, a 50-article story's dossier in under 3 s (20 articles/s) on 2 cores.

    .venv/bin/python bench/dossier_speed.py [--root DIR] [--sizes 2,10,50] [--repeat 3] [--no-recomputed]

Last line: ``dossier_speed: articles_per_s_2=.. articles_per_s_10=.. articles_per_s_50=.. seconds_50=..
recomputed_seconds_50=.. add_per_s=..`` (stored claims; seconds of the largest size).
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from newsweave.models import Article, article_id

from _ecbplus import add_root, corpus
from ecbplus_align import read_doc

WARM = 10  # articles of the warm-up dossier, added after the measured ones


def articles(root: Path, n: int) -> list[Article]:
    out = []
    for path in sorted(corpus(root).glob("*/*ecb*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        sentences, _ = read_doc(path)
        text = "\n".join(s for _, s in sentences) + "\n"
        outlet = f"doc {path.stem}"
        out.append(Article(id=article_id(text, outlet), outlet=outlet, title=sentences[0][1], text=text,
                           original=text, language="en", published="2008-01-01"))
        if len(out) == n:
            break
    return out


def add(pool: list[Article], folder: Path, db: Path) -> tuple[float, list[str]]:
    """``newsweave add`` of the pool's files in a child process: (articles/s, stored ids in pool order)."""
    meta = {}
    for i, a in enumerate(pool):
        name = f"{i:03d}.txt"
        (folder / name).write_text(a.text, encoding="utf-8")
        meta[name] = {"outlet": a.outlet, "published": a.published, "language": "en", "title": a.title}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsweave", "--db", str(db), "add", str(folder)], check=True,
                   env=_env(), stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    from newsweave.store import open_store

    with open_store(str(db)) as store:
        by_path = {Path(a.path).name: a.id for a in store.articles() if a.path}
    return len(pool) / seconds, [by_path[f"{i:03d}.txt"] for i in range(len(pool))]


def _env() -> dict:
    import os

    return {**os.environ, "PYTHONPATH": str(common.SRC)}


def measure(db: Path, ids: list[str], warm: list[str], mode: str) -> dict:
    """One dossier in a fresh child process (this script with ``--child``)."""
    args = [sys.executable, __file__, "--child", str(db), mode, ",".join(warm), ",".join(ids)]
    out = subprocess.run(args, check=True, env=_env(), capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def child(db: str, mode: str, warm: str, ids: str) -> None:
    from newsweave.compare.align.group import candidates, embed_text
    from newsweave.config import Settings
    from newsweave.dossiers import compare_stored, compute_dossier
    from newsweave.embed import get_embedder
    from newsweave.normalize import places
    from newsweave.store import open_store

    settings = Settings(db=db)
    with open_store(db) as store:
        compare_stored(store, warm.split(","), settings=settings)
        places.contains("Spain", "Valencia")  # the place tables, loaded on first use
        story = ids.split(",")
        wall, cpu = time.perf_counter(), time.process_time()
        if mode == "stored":
            compare_stored(store, story, settings=settings)
        else:
            articles = store.articles(story)
            found = store.annotations(story)
            compute_dossier(articles, [found[a.id] for a in articles], settings=settings)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        claims = [c for item in store.article_claims(story).values() for c in item.claims]
    model = get_embedder(settings.embedder)
    vectors = model.encode([embed_text(c) for c in claims]) if claims else None
    pairs = len(candidates(claims, vectors)) if claims else 0
    print(json.dumps({"wall": wall, "cpu": cpu, "claims": len(claims), "pairs": pairs}))


def main(argv=None) -> None:
    if argv is None and sys.argv[1:2] == ["--child"]:
        return child(*sys.argv[2:6])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--sizes", default="2,10,50")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--no-recomputed", dest="recomputed", action="store_false",
                        help="skip the dossiers with claims computed again")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = articles(Path(args.root), max(sizes) + WARM)
    with tempfile.TemporaryDirectory(prefix="dossier-speed-") as tmp:
        folder, db = Path(tmp) / "articles", Path(tmp) / "bench.db"
        folder.mkdir()
        add_rate, ids = add(pool, folder, db)
        print(f"add: {add_rate:.2f} articles/s ({len(pool)} articles, normalised and claims prepared)")
        warm = ids[max(sizes):]
        print("articles  claims  pairs  pairs/(n log n)  seconds (cpu)  articles/s  recomputed s (cpu)  speed-up")
        figures = {}
        for n in sizes:
            runs = [measure(db, ids[:n], warm, "stored") for _ in range(args.repeat)]
            wall = statistics.median(r["wall"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            m, pairs = runs[0]["claims"], runs[0]["pairs"]
            line = (f"{n:8d}  {m:6d}  {pairs:5d}  {pairs / max(m * math.log(max(m, 2)), 1):15.2f}  "
                    f"{wall:7.2f} ({cpu:5.2f})  {n / wall:10.2f}")
            figures[n] = (wall, None)
            if args.recomputed:
                again = measure(db, ids[:n], warm, "recomputed")
                figures[n] = (wall, again["wall"])
                line += f"  {again['wall']:9.2f} ({again['cpu']:5.2f})  {again['wall'] / wall:8.1f}x"
            print(line, flush=True)
    largest = max(sizes)
    print(f"target: {largest} articles in under 3 s (20 articles/s) on 2 cores; here {figures[largest][0]:.2f} s")
    result = {f"articles_per_s_{n}": f"{n / figures[n][0]:.2f}" for n in sizes}
    result[f"seconds_{largest}"] = f"{figures[largest][0]:.2f}"
    if args.recomputed:
        result[f"recomputed_seconds_{largest}"] = f"{figures[largest][1]:.2f}"
    result["add_per_s"] = f"{add_rate:.2f}"
    common.result("dossier_speed", **result)


if __name__ == "__main__":
    main()
