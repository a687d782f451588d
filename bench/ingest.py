"""Ingest throughput: HTML extraction and the whole ``add``, on a generated corpus of news pages.

The corpus is the seed pair plus the ECB+ train/dev articles (772 real news reports), each rendered as an HTML page
with navigation and footer furniture.  Prints articles/second for main-text extraction (trafilatura + metadata, in
memory) and for the whole ``add`` into a temporary SQLite store (read, decode, extract, clean, identify,
MinHash/LSH, insert), median of several runs.  Data: ECB+ (``--root``) and examples/seed-pair.  No published
anchor for this corpus (trafilatura's own evaluation reports speed only relative to other extractors).

    .venv/bin/python bench/ingest.py [--root DIR] [--runs N] [--limit N]

Last line: ``ingest: html_per_s=.. add_per_s=..``.
"""
from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import common
from newsweave.config import Settings
from newsweave.ingest.dedup import signature
from newsweave.ingest.html import read_html
from newsweave.pipeline import add_sources
from newsweave.store import open_store

from _ecbplus import add_root, read_sentences
from _ecbplus import corpus as ecbplus_corpus

SEED = common.PROJECT / "examples" / "seed-pair"
_NO_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)]|'s\b|n't\b|''|'(?:\s|$))")


def ecb_article(path: Path) -> tuple[str, list[str], str | None]:
    """(title, sentences, source URL) from a CAT XML file; tokens re-joined."""
    url_words, sentences = read_sentences(path)
    lines = [_detok(" ".join(words)) for _, words in sentences]
    url = _detok(" ".join(url_words)) if url_words else None
    return (lines[0] if lines else path.stem), lines[1:], url


def _detok(text: str) -> str:
    text = text.replace("``", "“").replace("''", "”").replace("( ", "(")
    return _NO_SPACE_BEFORE.sub("", text)


def render(title: str, paragraphs: list[str], outlet: str, url: str | None) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    canonical = f'<link rel="canonical" href="{html.escape(url)}">' if url else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {outlet}'
            f'</title><meta property="og:site_name" content="{outlet}">{canonical}</head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>'
            f"<article><h1>{html.escape(title)}</h1>{body}</article><aside><p>Share this article</p></aside>"
            f"<footer><p>© {outlet}. All rights reserved.</p></footer></body></html>")


def corpus(root: Path, limit: int | None) -> list[tuple[str, str]]:
    """(file name, HTML page) for the seed pair and the ECB+ articles, in a stable order."""
    pages = []
    for name in ("ukrainska-pravda.txt", "washington-post.txt"):
        title, *rest = [line for line in (SEED / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        pages.append((name.replace(".txt", ".html"), render(title, rest, "Seed", None)))
    for path in sorted(ecbplus_corpus(root).rglob("*.xml")):
        title, sentences, url = ecb_article(path)
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        pages.append((path.stem + ".html", render(title, paragraphs, f"Outlet {path.stem.split('_')[0]}", url)))
    return pages[:limit] if limit else pages


def time_extraction(pages: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    for name, page in pages:
        read_html(page, name)
    return len(pages) / (time.perf_counter() - start)


def time_add(directory: Path, count: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "bench.db"))
        with open_store(settings.db) as store:
            start = time.perf_counter()
            summary = add_sources(store, [str(directory)], settings)
            elapsed = time.perf_counter() - start
    if summary.errors:
        print(f"  {len(summary.errors)} errors, first: {summary.errors[0]}", file=sys.stderr)
    print(f"  add: {summary.line()}")
    return count / elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is reported")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    args = parser.parse_args(argv)
    pages = corpus(args.root.resolve(), args.limit)
    print(f"corpus: {len(pages)} HTML pages (seed pair + ECB+ train/dev)")
    read_html(*pages[0][::-1])  # warm-up: imports (trafilatura, and datasketch which pulls in scipy)
    signature(pages[0][1])
    html_rates = [time_extraction(pages) for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in pages:
            (Path(tmp) / name).write_text(page, encoding="utf-8")
        add_rates = [time_add(Path(tmp), len(pages)) for _ in range(args.runs)]
    html_per_s, add_per_s = statistics.median(html_rates), statistics.median(add_rates)
    print(f"HTML extraction: {html_per_s:.1f} articles/s (runs: {', '.join(f'{r:.1f}' for r in html_rates)})")
    print(f"whole add:       {add_per_s:.1f} articles/s (runs: {', '.join(f'{r:.1f}' for r in add_rates)})")
    print("anchor: none published for this corpus (figures are this machine's, 2 shared cores)")
    common.result("ingest", html_per_s=f"{html_per_s:.1f}", add_per_s=f"{add_per_s:.1f}")


if __name__ == "__main__":
    main()
