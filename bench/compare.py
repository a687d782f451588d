"""Throughput of compare on stories of 2, 10 and 50 articles (ECB+ documents), and how the work grows.

Articles are ECB+ documents taken in topic order (a 50-article "story" spans several topics: a load test).  Models
are loaded before timing.  Printed per size: claims, candidate pairs scored (blocking: top-k neighbours + shared slot
keys, so pairs grow ~linearly in claims, never all pairs), pairs / (n log n), seconds, articles/s.  Data: ECB+
(``--root``).  No published anchor (a speed figure of this machine).

    .venv/bin/python bench/compare.py [--root DIR] [--sizes 2,10,50]

Last line: ``compare: articles_per_s_2=.. articles_per_s_10=.. articles_per_s_50=..``.
"""
from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import common
from newsweave.compare import compare
from newsweave.compare.align.group import align
from newsweave.compare.claims import extract_claims
from newsweave.compare.story import annotate, complete
from newsweave.embed.embedders import get_embedder
from newsweave.models import Article, article_id

from _ecbplus import add_root, corpus
from ecbplus_align import read_doc


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


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--sizes", default="2,10,50")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = articles(Path(args.root), max(sizes))
    embedder = get_embedder("auto")
    compare(pool[:2])  # warm-up: load spaCy and the embedder
    print("articles  claims  pairs_scored  pairs/(n log n)  seconds  articles/s")
    rates = []
    for n in sizes:
        story = pool[:n]
        start = time.perf_counter()
        anns = annotate(story)
        compare(story, annotations=anns)
        seconds = time.perf_counter() - start
        claims = [c for a, x in zip(story, anns) for c in extract_claims(a, complete(a, x))]
        _, links, _ = align(claims, embedder)
        m = len(claims)
        rates.append(n / seconds)
        print(f"{n:8d}  {m:6d}  {len(links):12d}  {len(links) / max(m * math.log(max(m, 2)), 1):15.2f}  "
              f"{seconds:7.1f}  {n / seconds:10.2f}")
    common.result("compare", **{f"articles_per_s_{n}": f"{r:.2f}" for n, r in zip(sizes, rates)})


if __name__ == "__main__":
    main()
