"""ECB+ story clustering: pairwise and BCubed F1 of the stream clusterer, articles in a seeded random order.

Each sub-topic (topic N's ``ecb`` files vs its ``ecbplus`` files) is one gold story.  Prints pairwise P/R/F1,
BCubed F1, stories found vs gold and the clustering step's articles/second, with the end-to-end rate from raw XML
beside it.  Data: ECB+ train/dev topics (``--root``).  Anchors (test topics 36-45): TF-IDF single-pass pairwise F1
0.68 (BCubed 0.76); BERTopic 0.91 / 0.94 at ~20 articles/s; target >= 0.95 both at >= 100 articles/s.  Published
(seed 13): train 0.962 / 0.968, dev 1.000 / 1.000.  ``--set KNOB=VALUE`` overrides any ClusterConfig knob.

    .venv/bin/python bench/ecbplus_clustering.py [--root DIR] [--topics dev|train|test|all] [--seeds 1,2,3]

Refitting the join model: bench/train/join_model.py.  Past figures: CHANGELOG.md.
Ends with one line per topic range, e.g. ``dev: pairwise_f1=0.959 bcubed_f1=0.954 stories=19/16 articles_per_s=104``.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from itertools import combinations
from pathlib import Path

import common  # noqa: F401  (puts src/ on sys.path)
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article, content_hash

from _ecbplus import FILE, add_root, join_words, read_sentences, topic_range
from _ecbplus import corpus as ecbplus_corpus

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "n't", "'", "''", ")", "%"}


def read_document(path: Path) -> tuple[str, str]:
    """(title, text) rebuilt from the CAT XML tokens; the URL sentence of ecbplus files is dropped."""
    _, sentences = read_sentences(path)
    lines = [join_words(words, NO_SPACE_BEFORE) for _, words in sentences]
    lines = [line for line in lines if line.strip()]
    return (lines[0] if lines else ""), "\n".join(lines)


def load(root: Path, ranges: set[str]) -> list[tuple[Article, str, str]]:
    """(article, gold story label, topic range) for every ECB+ file under root in the chosen ranges."""
    items = []
    for path in sorted(root.rglob("*.xml")):
        match = FILE.match(path.name)
        if not match:
            continue
        topic, kind = int(match.group(1)), match.group(3)
        if topic_range(topic) not in ranges:
            continue
        title, text = read_document(path)
        article = Article(id=content_hash(path.name), outlet=path.name, title=title, text=text, path=str(path))
        items.append((article, f"{topic}{kind}", topic_range(topic)))
    return items


def pairwise(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        same_gold, same_pred = gold[i] == gold[j], pred[i] == pred[j]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if pred[j] == pred[i]]
        same_gold = [j for j in range(n) if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(items, seed: int, config: ClusterConfig) -> dict:
    order = list(items)
    random.Random(seed).shuffle(order)
    clusterer = StreamClusterer(config)
    start = time.perf_counter()
    for article, _, _ in order:
        clusterer.assign(article)
    elapsed = time.perf_counter() - start
    where = dict(clusterer.where)
    return {"order": order, "where": where, "seconds": elapsed}


def scores(items, where: dict) -> dict:
    gold = [label for _, label, _ in items]
    pred = [where[a.id] for a, _, _ in items]
    p, r, f = pairwise(gold, pred)
    bp, br, bf = bcubed(gold, pred)
    return {"p": p, "r": r, "f": f, "bp": bp, "br": br, "bf": bf, "found": len(set(pred)), "gold": len(set(gold))}


def report(name: str, runs: list[dict], label: str = "") -> str:
    """Print one range's figures (the median over seeded runs when there are several); return the key=value line."""
    m = {k: statistics.median(run[k] for run in runs) for k in runs[0]}
    print(f"[{name}{label}] articles={m['n']:.0f} pairwise P={m['p']:.3f} R={m['r']:.3f} F1={m['f']:.3f}  "
          f"BCubed P={m['bp']:.3f} R={m['br']:.3f} F1={m['bf']:.3f}  stories={m['found']:.0f}/{m['gold']:.0f}  "
          f"clustering {m['rate']:.0f} articles/s, end-to-end from raw XML {m['e2e']:.0f} articles/s")
    if len(runs) > 1:
        per_seed = " ".join(f"{run['f']:.3f}" for run in runs)
        print(f"  per seed pairwise F1: {per_seed}")
    return (f"{name}: pairwise_f1={m['f']:.3f} bcubed_f1={m['bf']:.3f} stories={m['found']:.0f}/{m['gold']:.0f} "
            f"articles_per_s={m['rate']:.0f}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the measurement (bench/train/join_model.py takes them too)."""
    add_root(parser)
    parser.add_argument("--topics", choices=("dev", "train", "test", "all"), default="all")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--seeds", default=None,
                        help="comma-separated seeds: report the median over them (e.g. 1,2,3,13,21)")
    parser.add_argument("--join", type=float, default=None, help="override the join threshold")
    parser.add_argument("--merge", type=float, default=None, help="override the merge threshold")
    parser.add_argument("--split", type=float, default=None, help="override the split threshold")
    parser.add_argument("--embedder", default="auto",
                        help="embed headlines with this embedder (auto = static when installed, onnx, ..., none) "
                             "and use the join model fitted with them (join_model_<name>.json, or join_model.json "
                             "for none; bench/train/join_model.py fits it)")
    parser.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE",
                        help="override any ClusterConfig knob (repeatable), e.g. --set revisit_probability=0.7")
    parser.add_argument("--no-model", action="store_true", help="decide joins by the centroid threshold")
    parser.add_argument("--prob", type=float, default=None, help="override the join probability")


def config_from(args) -> ClusterConfig:
    """The ClusterConfig the options describe."""
    overrides = {k: v for k, v in (("join_threshold", args.join), ("merge_threshold", args.merge),
                                   ("split_threshold", args.split), ("join_probability", args.prob))
                 if v is not None}
    for item in args.set:
        knob, _, value = item.partition("=")
        kind = type(getattr(ClusterConfig(), knob))
        if kind is tuple:
            overrides[knob] = tuple(int(v) for v in value.split(","))
        else:
            overrides[knob] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
    embedder = None if args.embedder.lower() in ("", "none", "off") else args.embedder
    return ClusterConfig(**overrides, use_model=not args.no_model, embedder=embedder)


def evaluate(root: Path, args, config: ClusterConfig, items: list, parse_seconds: float = 0.0) -> list[str]:
    """Cluster each topic range present and print its figures; return the key=value lines (not yet printed)."""
    print(f"ECB+ {root}: {len(items)} articles, seed {args.seed}, {config}")
    print("anchors (test 36-45): TF-IDF single-pass pairwise F1 0.68 / BCubed 0.76; "
          "BERTopic 0.91 / 0.94 at ~20 articles/s; target >= 0.95 / 0.95 at >= 100 articles/s")
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [args.seed]
    label = f" median of seeds {','.join(map(str, seeds))}" if len(seeds) > 1 else ""
    lines = []
    for name in ("train", "dev", "test"):
        subset = [item for item in items if item[2] == name]
        if not subset:
            continue
        runs = []
        for seed in seeds:
            result = run(subset, seed, config)
            share = parse_seconds * len(subset) / len(items)
            runs.append({**scores(subset, result["where"]), "n": len(subset),
                         "rate": len(subset) / result["seconds"] if result["seconds"] else 0.0,
                         "e2e": len(subset) / (result["seconds"] + share)})
        lines.append(report(name, runs, label))
    return lines


def load_topics(args) -> tuple[Path, list, float]:
    """(corpus folder, items of the chosen topic ranges, seconds spent reading them)."""
    root = ecbplus_corpus(args.root)
    ranges = {"train", "dev", "test"} if args.topics == "all" else {args.topics}
    t0 = time.perf_counter()
    items = load(root, ranges)
    parse_seconds = time.perf_counter() - t0
    if not items:
        raise SystemExit(f"no ECB+ files for {args.topics} under {root}")
    return root, items, parse_seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    root, items, parse_seconds = load_topics(args)
    lines = evaluate(root, args, config_from(args), items, parse_seconds)
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
