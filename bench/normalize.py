"""Articles per second of the whole normaliser (``normalize_many``) on ECB+ news articles.

Data: ECB+ (Cybulska & Vossen, LREC 2014) train/dev topics, unpacked from ``ECBplus_train_dev_xml.tar.gz``
into ``.cache/ecbplus`` on first use (into a temporary directory, renamed atomically). Each article's text
is rebuilt from its tokens: the first sentence is the headline line, the rest one paragraph per three
sentences. The model load is timed apart; the figure is the median of three runs over the same articles.

Anchor: no published figure for this pipeline; spaCy reports en_core_web_sm at about 10,000 words/second
per CPU core for its full pipeline, so ~20-30 articles/s of 400 words each is the ceiling for the NER/parse
part on one core.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsweave.models import Article, article_id  # noqa: E402

DEFAULT_ROOT = ROOT / ".." / "shared" / "data" / "ecbplus"
CACHE = ROOT / ".cache" / "ecbplus"
NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "]", "}", "''", "'s", "n't", "'", "%", "'re", "'ve", "'ll",
                   "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#"}


def ensure_unpacked(root: Path, cache: Path = CACHE) -> Path:
    """The ECB+ directory, unpacking the archive into a temp dir and renaming it into place when absent."""
    target = cache / "ECB+_LREC2014" / "ECB+"
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=cache, prefix=".unpack-"))
    with tarfile.open(root / "ECBplus_train_dev_xml.tar.gz") as tar:
        tar.extractall(tmp, filter="data")
    try:
        os.rename(tmp / "ECB+_LREC2014", cache / "ECB+_LREC2014")
    except OSError:  # another process won the race; use its copy
        pass
    shutil.rmtree(tmp, ignore_errors=True)
    return target


def _join(words: list[str]) -> str:
    out = ""
    for i, word in enumerate(words):
        if i and word not in NO_SPACE_BEFORE and words[i - 1] not in NO_SPACE_AFTER:
            out += " "
        out += word
    return out


def load_article(path: Path) -> Article:
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append((tok.text or "").strip() or "_")
    lines = [_join(words) for n, words in sorted(sentences.items())
             if not (path.name.endswith("ecbplus.xml") and n == 0)]  # sentence 0 of ecbplus files is the URL
    title, body = (lines[0], lines[1:]) if lines else ("", [])
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    text = "\n".join([title, *paragraphs])
    outlet = path.parent.name
    return Article(id=article_id(text, outlet), outlet=outlet, title=title, text=text, path=str(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="directory holding the ECB+ archive")
    parser.add_argument("--n", type=int, default=300, help="number of articles")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = ensure_unpacked(args.root.resolve())
    paths = sorted(corpus.glob("*/*.xml"), key=lambda p: (p.parent.name, p.name))
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
    print(f"normalize: articles_per_s={rate:.1f} cpu_articles_per_s={cpu_rate:.1f} "
          f"words_per_s={rate * words / len(articles):.0f} n={len(articles)}")


if __name__ == "__main__":
    main()
