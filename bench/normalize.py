"""Articles per second of the whole normaliser (``normalize_many``) on ECB+ news articles.

Each article's text is rebuilt from its tokens: the first sentence is the headline line, the rest one paragraph per
three sentences.  The model load is timed apart; the figure is the median of ``--runs`` runs over the same articles.
Data: ECB+ train/dev topics (``--root``), the first ``--n`` articles.  Anchor: no published figure for this
pipeline; spaCy reports en_core_web_sm at about 10,000 words/second per CPU core for its full pipeline, so ~20-30
articles/s of 400 words each is the ceiling for the NER/parse part on one core.

    .venv/bin/python bench/normalize.py [--root DIR] [--n 300] [--runs 3]

Last line: ``normalize: articles_per_s=.. cpu_articles_per_s=.. words_per_s=.. n=..``.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import common
from newsweave.models import Article, article_id

from _ecbplus import NO_SPACE_AFTER, NO_SPACE_BEFORE, add_root, corpus, join_words, read_sentences


def lines(path: Path) -> list[str]:
    """The article's sentences as text, headline first (the source URL line of ecbplus files left out)."""
    _, sentences = read_sentences(path, blank="_")
    return [join_words(words, NO_SPACE_BEFORE, NO_SPACE_AFTER) for _, words in sentences]


def load_article(path: Path) -> Article:
    text_lines = lines(path)
    title, body = (text_lines[0], text_lines[1:]) if text_lines else ("", [])
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    text = "\n".join([title, *paragraphs])
    outlet = path.parent.name
    return Article(id=article_id(text, outlet), outlet=outlet, title=title, text=text, path=str(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--n", type=int, default=300, help="number of articles")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(corpus(args.root.resolve()).glob("*/*.xml"), key=lambda p: (p.parent.name, p.name))
    articles = [load_article(p) for p in paths[: args.n]]
    words = sum(a.words for a in articles)

    from newsweave.normalize import normalize_many
    from newsweave.normalize.entities import load_nlp

    start = time.perf_counter()
    load_nlp()
    normalize_many(articles[:2])
    load_s = time.perf_counter() - start
    rates, cpu_rates = [], []
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), time.process_time()
        normalize_many(articles)
        rates.append(len(articles) / (time.perf_counter() - start))
        cpu_rates.append(len(articles) / max(1e-9, time.process_time() - cpu))
    rate, cpu_rate = statistics.median(rates), statistics.median(cpu_rates)
    print(f"articles: {len(articles)}  words/article: {words / max(1, len(articles)):.0f}  model load+warm-up: {load_s:.1f}s")
    print(f"runs (articles/s): {', '.join(f'{r:.1f}' for r in rates)}")
    print(f"median: {rate:.1f} articles/s = {rate * words / len(articles):.0f} words/s "
          f"(anchor: spaCy en_core_web_sm ~10,000 words/s/core for its full pipeline)")
    print(f"per CPU-second of this process (steadier on a shared machine): {cpu_rate:.1f} articles")
    common.result("normalize", articles_per_s=f"{rate:.1f}", cpu_articles_per_s=f"{cpu_rate:.1f}",
                  words_per_s=f"{rate * words / len(articles):.0f}", n=len(articles))


if __name__ == "__main__":
    main()
