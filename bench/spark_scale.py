"""Spark scale: the whole pipeline (``add`` then every story's dossier) on Spark, ``local[1]`` against ``local[2]``,
beside the one-machine pipeline on the same input, and a projection to a cluster of 10 nodes x 8 cores.

Input (written once under ``.cache/spark_scale/``, JSON Lines of 200 articles a file): the 772 ECB+ train/dev
articles (real news, undated) and the synthetic stream of ``stream_scale.py`` (stories over months, ECB+ vocabulary,
publication order; each report cut to a brief of a headline and four sentences) up to ``--articles`` (default
20,000).  Each Spark master runs ``newsweave.scale.run`` over it
(``--runs`` times, alternating; medians); ``--one-machine`` runs ``add`` then every story's dossier on the same input
and checks the results are equal.  Printed: articles/s, each stage's time and share, the clusterer's own time on the
driver, the speed-up of the parallel stages, the serial fraction, the projection with its reasoning, the peak memory
of a Python worker per stage, and the machine's load average.  Data: ECB+ (``--root``).  No published anchor.

    .venv/bin/python bench/spark_scale.py [--root DIR] [--articles 20000] [--runs 1] [--one-machine]

Last line: ``spark: local1_per_s=.. local2_per_s=.. speedup=.. serial_fraction=.. projected_80core_per_s=..``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import common
from newsweave.config import Settings
from newsweave.dossiers import story_dossier
from newsweave.models import content_hash
from newsweave.pipeline import add_sources
from newsweave.scale import STAGES, run, spark_session
from newsweave.scale.importer import Output
from newsweave.store import open_store

from _ecbplus import add_root, corpus
from ingest import ecb_article
from stream_scale import Stream, vocabulary

SERIAL = ("stories",)  # the executors wait while the driver clusters
PARALLEL = tuple(s for s in STAGES if s not in SERIAL)
NODES, CORES = 10, 8
PER_FILE = 200
BRIEF = 4  # sentences of 15 words per synthetic report (the whole pipeline costs ~1 s per full report on a core)


def articles(root: Path, total: int, seed: int, ecb: int) -> list[dict]:
    """The first ``ecb`` ECB+ train/dev articles, then the synthetic stream, ``total`` in all."""
    items = []
    for path in sorted(corpus(root).rglob("*.xml"))[:min(total, ecb)]:
        title, sentences, url = ecb_article(path)
        items.append({"title": title, "text": title + "\n\n" + "\n".join(sentences), "url": url,
                      "outlet": f"Outlet {path.stem}", "language": "en"})
    stream = Stream(vocabulary(corpus(root), random.Random(seed)), seed, per_day=600)
    for article in stream.articles(max(0, total - len(items))):
        items.append({"title": article.title, "text": brief(article.text), "outlet": article.outlet,
                      "published": article.published, "language": "en"})
    return items


def brief(text: str) -> str:
    """A synthetic report cut to a wire brief: its headline and first ``BRIEF`` sentences (the story's names and
    topic words are spread through the text, so the brief keeps them)."""
    title, body = text.split("\n", 1)
    return title + "\n" + ". ".join(body.split(". ")[:BRIEF]).rstrip(".") + "."


def write_input(root: Path, total: int, seed: int, ecb: int) -> Path:
    folder = common.cache("spark_scale", f"{total}-{ecb}-{seed}", "x").parent
    if not any(folder.glob("*.jsonl")):
        items = articles(root, total, seed, ecb)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".input-"))
        for start in range(0, len(items), PER_FILE):
            lines = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items[start:start + PER_FILE])
            (tmp / f"part-{start // PER_FILE:05d}.jsonl").write_text(lines, encoding="utf-8")
        folder.rmdir()
        os.rename(tmp, folder)
    return folder


def spark_run(master: str, folder: Path, settings: Settings, partitions: int) -> dict:
    spark = spark_session(master)
    spark.sparkContext.setLogLevel("ERROR")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(dir=common.CACHE) as tmp:
        start = time.perf_counter()
        summary = run([str(folder)], f"{tmp}/out", settings, spark=spark, partitions=partitions)
        elapsed = time.perf_counter() - start
        stories = {frozenset(r["article_ids"]) for r in Output(f"{tmp}/out").rows("stories")}
        dossiers = {d["stories"][0]["id"]: digest(d) for d in Output(f"{tmp}/out").dossiers()}
    spark.stop()
    print(f"  {master}: {summary.line()}; {elapsed:.0f} s, {summary.articles / elapsed:.2f} articles/s "
          f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f})", flush=True)
    for stage in STAGES:
        seconds = summary.timings.get(stage, 0.0)
        print(f"    {stage:<9} {seconds:8.1f} s  {100 * seconds / elapsed:5.1f}%")
    print(f"    clusterer on the driver: {summary.cluster_seconds:.1f} s "
          f"({summary.articles / max(summary.cluster_seconds, 1e-9):.0f} articles/s)")
    print(f"    peak RSS of a Python worker: " + ", ".join(f"{k} {v:.0f} MB" for k, v in
                                                          sorted(summary.worker_memory_mb.items())))
    return {"summary": summary, "elapsed": elapsed, "stories": stories, "dossiers": dossiers}


def one_machine(folder: Path, settings: Settings) -> dict:
    with tempfile.TemporaryDirectory(dir=common.CACHE) as tmp:
        store = open_store(str(Path(tmp) / "one.db"))
        load = os.getloadavg()[0]
        start = time.perf_counter()
        summary = add_sources(store, [str(folder)], settings)
        added = time.perf_counter() - start
        dossiers = {s.id: digest(story_dossier(store, s, settings=settings)) for s in store.stories()}
        elapsed = time.perf_counter() - start
        stories = {frozenset(s.article_ids) for s in store.stories()}
        store.close()
    print(f"  one machine (add, then every dossier): {summary.line()}; add {added:.0f} s, dossiers "
          f"{elapsed - added:.0f} s, {summary.added / elapsed:.2f} articles/s (load average {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f})", flush=True)
    return {"elapsed": elapsed, "articles": summary.added, "stories": stories, "dossiers": dossiers}


def digest(dossier: dict | None) -> str:
    return content_hash(json.dumps(dossier, ensure_ascii=False, sort_keys=True))


def stage_seconds(result: dict, stages) -> float:
    return sum(result["summary"].timings.get(s, 0.0) for s in stages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--articles", type=int, default=20_000, help="articles in the input (at least 20,000 "
                                                                     "for the published figure)")
    parser.add_argument("--runs", type=int, default=1, help="runs per master, alternating; medians reported")
    parser.add_argument("--partitions", type=int, default=16, help="partitions per stage, the same for both masters")
    parser.add_argument("--one-machine", action="store_true", help="also run add then dossiers on the same input")
    parser.add_argument("--ecb", type=int, default=772, help="ECB+ train/dev articles first in the input (full "
                                                                "reports; the rest are synthetic briefs)")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    folder = write_input(args.root, args.articles, args.seed, args.ecb)
    settings = Settings(db=str(common.cache("spark_scale", "unused.db")))
    print(f"input: {args.articles} articles in {len(list(folder.glob('*.jsonl')))} JSONL files ({common.shown(folder)}); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, list[dict]] = {"local[1]": [], "local[2]": []}
    for _ in range(args.runs):
        for master in results:
            results[master].append(spark_run(master, folder, settings, args.partitions))
    n = results["local[1]"][0]["summary"].articles
    rate = {m: statistics.median(n / r["elapsed"] for r in rs) for m, rs in results.items()}
    t1 = statistics.median(r["elapsed"] for r in results["local[1]"])
    p1 = statistics.median(stage_seconds(r, PARALLEL) for r in results["local[1]"])
    p2 = statistics.median(stage_seconds(r, PARALLEL) for r in results["local[2]"])
    s1 = statistics.median(stage_seconds(r, SERIAL) for r in results["local[1]"])
    cluster = statistics.median(r["summary"].cluster_seconds for r in results["local[1]"])
    speedup, serial_fraction = p1 / p2, s1 / t1
    efficiency = min(1.0, speedup / 2)
    cores = NODES * CORES
    projected = n / (s1 + p1 / (cores * efficiency))
    print(f"local[1] {rate['local[1]']:.2f} articles/s, local[2] {rate['local[2]']:.2f} articles/s "
          f"(whole run {rate['local[2]'] / rate['local[1]']:.2f}x)")
    print(f"parallel stages ({', '.join(PARALLEL)}): {p1:.0f} s -> {p2:.0f} s, speed-up {speedup:.2f}x "
          f"(target at least 1.7x); efficiency per core {efficiency:.2f}")
    print(f"serial part (the stories stage: the driver clusters while the executors wait): {s1:.0f} s of {t1:.0f} s "
          f"= serial fraction {serial_fraction:.3f}; the clusterer alone {cluster:.0f} s = "
          f"{n / max(cluster, 1e-9):.0f} articles/s, the ceiling of any cluster")
    print(f"projection, {NODES} nodes x {CORES} cores = {cores} task slots: the parallel stages' {p1:.0f} s of one "
          f"core spread over {cores} slots at the measured efficiency {efficiency:.2f} -> {p1 / (cores * efficiency):.1f} "
          f"s, plus the serial {s1:.0f} s that no executor shortens -> {n} / {s1 + p1 / (cores * efficiency):.0f} s "
          f"= {projected:.0f} articles/s (Amdahl; the ceiling n / serial = {n / s1:.0f} articles/s)")
    if args.one_machine:
        single = one_machine(folder, settings)
        same = all(single["stories"] == r["stories"] and single["dossiers"] == r["dossiers"]
                   for rs in results.values() for r in rs)
        print(f"one machine: {single['articles'] / single['elapsed']:.2f} articles/s; Spark results equal: "
              f"{'yes' if same else 'NO'}")
    common.result("spark", local1_per_s=f"{rate['local[1]']:.2f}", local2_per_s=f"{rate['local[2]']:.2f}",
                  speedup=f"{speedup:.2f}", serial_fraction=f"{serial_fraction:.3f}",
                  projected_80core_per_s=f"{projected:.0f}")


if __name__ == "__main__":
    main()
