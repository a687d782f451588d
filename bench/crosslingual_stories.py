"""Stories across languages: the SlavicNER Ukrainian and Russian articles streamed with the English ECB+ dev
articles through the stream clusterer, in seeded random orders.

Gold is the topic: a SlavicNER topic (brexit, covid-19, nord_stream, ryanair: one story family in both languages)
or an ECB+ topic (its two sub-topics together). Pairwise precision at the topic level says whether stories mix
topics (target >= 0.95); recall, and the share of same-topic Ukrainian-Russian pairs put in one story, say how
far a topic holds together across languages. Articles are normalised as ``newsweave add`` does (annotations cached
under .cache/crosslingual_stories/). No publication times (SlavicNER has none). Data: ``--root`` (SlavicNER) and
``--ecbplus`` (ECB+ dev topics).

    .venv/bin/python bench/crosslingual_stories.py [--root DIR] [--ecbplus DIR] [--seeds 1,2,3]

Last line: ``crosslingual_stories: topic_precision=.. topic_recall=.. uk_ru_together=.. mixed_language_stories=..``.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from itertools import combinations
from pathlib import Path

import common
from newsweave.cluster.stream import StreamClusterer
from newsweave.config import ClusterConfig
from newsweave.models import Annotations, Article, content_hash
from newsweave.normalize import normalize_many

import _ecbplus
from ecbplus_clustering import read_document
from _ecbplus import FILE, topic_range


def slavicner(root: Path) -> list[tuple[Article, str]]:
    items = []
    for path in sorted(root.glob("raw/*/*/*")):
        topic, lang = path.parts[-3], path.parts[-2]
        text = path.read_text(encoding="utf-8").strip()
        title = text.splitlines()[0] if text else ""
        items.append((Article(id=content_hash(str(path.relative_to(root))), outlet=f"{lang}:{path.name}", title=title,
                              text=text, language=lang), f"slavicner:{topic}"))
    return items


def ecbplus(root: Path) -> list[tuple[Article, str]]:
    items = []
    for path in sorted(_ecbplus.corpus(root).rglob("*.xml")):
        match = FILE.match(path.name)
        if not match or topic_range(int(match.group(1))) != "dev":
            continue
        title, text = read_document(path)
        items.append((Article(id=content_hash(path.name), outlet=path.name, title=title, text=text, language="en"),
                      f"ecb:{match.group(1)}"))
    return items


def annotations(items: list[tuple[Article, str]]) -> dict[str, Annotations]:
    """The normaliser's annotations, cached by article id."""
    path = common.cache("crosslingual_stories", "annotations.jsonl")
    found: dict[str, Annotations] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            ann = Annotations.from_dict(json.loads(line))
            found[ann.article_id] = ann
    missing = [a for a, _ in items if a.id not in found]
    with path.open("a", encoding="utf-8") as out:
        for start in range(0, len(missing), 32):
            for ann in normalize_many(missing[start:start + 32]):
                found[ann.article_id] = ann
                out.write(json.dumps(ann.to_dict(), ensure_ascii=False) + "\n")
            print(f"normalised {min(start + 32, len(missing))}/{len(missing)}", flush=True)
    return found


def run(items, anns, seed: int, config: ClusterConfig) -> dict:
    order = list(items)
    random.Random(seed).shuffle(order)
    clusterer = StreamClusterer(config)
    start = time.perf_counter()
    for article, _ in order:
        clusterer.assign(article, anns.get(article.id))
    seconds = time.perf_counter() - start
    where = dict(clusterer.where)
    gold = [label for _, label in items]
    pred = [where[a.id] for a, _ in items]
    langs = [a.language for a, _ in items]
    tp = fp = fn = uk_ru = uk_ru_together = 0
    for i, j in combinations(range(len(items)), 2):
        same, together = gold[i] == gold[j], pred[i] == pred[j]
        tp += same and together
        fp += together and not same
        fn += same and not together
        if same and {langs[i], langs[j]} == {"uk", "ru"}:
            uk_ru += 1
            uk_ru_together += together
    stories: dict[str, set[str]] = {}
    for p, lang in zip(pred, langs):
        stories.setdefault(p, set()).add(lang)
    mixed = sum(1 for s in stories.values() if len(s) > 1) / max(len(stories), 1)
    return {"p": tp / max(tp + fp, 1), "r": tp / max(tp + fn, 1), "ukru": uk_ru_together / max(uk_ru, 1),
            "mixed": mixed, "stories": len(stories), "rate": len(items) / max(seconds, 1e-9)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "multilingual/slavicner")
    common.add_root(parser, "ecbplus", option="--ecbplus")
    parser.add_argument("--seeds", default="1,2,3")
    args = parser.parse_args()
    items = slavicner(args.root) + ecbplus(args.ecbplus)
    anns = annotations(items)
    runs = [run(items, anns, int(seed), ClusterConfig()) for seed in args.seeds.split(",")]
    for seed, r in zip(args.seeds.split(","), runs):
        print(f"seed {seed}: topic pairwise P {r['p']:.3f} R {r['r']:.3f}; uk-ru same-topic pairs together "
              f"{r['ukru']:.3f}; stories {r['stories']} ({r['mixed']:.3f} mixing languages); {r['rate']:.0f} articles/s")
    m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"median over {len(runs)} orders of {len(items)} articles: topic precision {m['p']:.3f} (target >= 0.95), "
          f"recall {m['r']:.3f}, uk-ru together {m['ukru']:.3f}")
    common.result("crosslingual_stories", topic_precision=f"{m['p']:.3f}", topic_recall=f"{m['r']:.3f}",
                  uk_ru_together=f"{m['ukru']:.3f}", mixed_language_stories=f"{m['mixed']:.3f}",
                  articles=len(items))


if __name__ == "__main__":
    main()
