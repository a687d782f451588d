"""Static embedder vs the ONNX MiniLM it is distilled from: quality and speed.

For each embedder: load time (the static table's build time when its cache is cold; point NEWSWEAVE_CACHE at an
empty folder to measure it), ROC AUC of the MSRP test paraphrase label by cosine, ROC AUC of "same ECB+ sub-topic"
by cosine over article pairs of the same topic (headline + lede, as the story clusterer embeds them; train and dev
topics), and encode speed on 1,000 of those texts (best of 3).  Data: ECB+ (``--root``) and MSRP test (``--msrp``).
No published anchor; the ONNX MiniLM is the reference.  Published: static msrp_auc 0.757 ecb_topic_auc 0.769, onnx
0.734 / 0.845.

    .venv/bin/python bench/static_embed.py [--root DIR] [--msrp DIR] [--embedders static,onnx]

One line per embedder: ``static: load_s=.. msrp_auc=.. ecb_topic_auc=.. texts_per_s=..``.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

import common
from newsweave.cluster.features import headline, lede_text
from newsweave.embed.embedders import get_embedder

from _ecbplus import add_root, corpus
from ecbplus_clustering import load as load_ecbplus
from msrp import load as load_msrp


def ecbplus_texts(root: Path) -> tuple[list[str], list[str]]:
    texts, gold = [], []
    for article, story, _ in load_ecbplus(corpus(root), {"train", "dev"}):
        texts.append(lede_text(article.text, headline(article.title, article.text)))
        gold.append(story)
    return texts, gold


def main(argv=None) -> None:
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    common.add_root(parser, "msrp", option="--msrp", what="MSRP: msr_paraphrase_test.txt")
    parser.add_argument("--embedders", default="static,onnx")
    args = parser.parse_args(argv)
    pairs = load_msrp(args.msrp / "msr_paraphrase_test.txt")
    labels = np.array([p[0] for p in pairs])
    texts, gold = ecbplus_texts(args.root)
    topic = [story.rstrip("abcdefghijklmnopqrstuvwxyz+") for story in gold]
    left, right = np.triu_indices(len(texts), 1)
    same_topic = np.array([topic[i] == topic[j] for i, j in zip(left, right)])
    left, right = left[same_topic], right[same_topic]
    same_story = np.array([gold[i] == gold[j] for i, j in zip(left, right)])
    sample = (texts * 2)[:1000]  # train + dev hold 772 articles
    for name in args.embedders.split(","):
        start = time.perf_counter()
        embedder = get_embedder(name)
        load_s = time.perf_counter() - start
        a, b = embedder.encode([p[1] for p in pairs]), embedder.encode([p[2] for p in pairs])
        msrp_auc = roc_auc_score(labels, (a * b).sum(axis=1))
        vectors = embedder.encode(texts)
        ecb_auc = roc_auc_score(same_story, (vectors[left] * vectors[right]).sum(axis=1))
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            embedder.encode(sample)
            best = min(best, time.perf_counter() - start)
        common.result(name, load_s=f"{load_s:.1f}", msrp_auc=f"{msrp_auc:.3f}", ecb_topic_auc=f"{ecb_auc:.3f}",
                      texts_per_s=f"{len(sample) / best:.0f}")


if __name__ == "__main__":
    main()
