"""Static embedder vs the ONNX MiniLM it is distilled from: quality and speed.

For each embedder: load time (the static table's build time when its cache is cold; point NEWSWEAVE_CACHE at an
empty folder to measure it), ROC AUC of the MSRP test paraphrase label by cosine, ROC AUC of "same ECB+ sub-topic"
by cosine over article pairs of the same topic (headline + lede, as the story clusterer would embed them; train and
dev topics), and encode speed on 1,000 of those texts (772 and 228 again; best of 3), e.g.
``static: load_s=0.1 msrp_auc=0.757 ecb_topic_auc=0.778 texts_per_s=...``.

    PYTHONPATH=src python bench/static_embed.py [--embedders static,onnx]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _ecbplus import DATA, corpus  # noqa: E402
from ecbplus_clustering import load as load_ecbplus  # noqa: E402
from msrp import load as load_msrp  # noqa: E402

from newsweave.embed.embedders import get_embedder  # noqa: E402
from newsweave.cluster.features import headline, lede_text  # noqa: E402

MSRP_TEST = DATA.parent / "msrp" / "msr_paraphrase_test.txt"


def ecbplus_texts() -> tuple[list[str], list[str]]:
    texts, gold = [], []
    for article, story, _ in load_ecbplus(corpus(), {"train", "dev"}):
        texts.append(lede_text(article.text, headline(article.title, article.text)))
        gold.append(story)
    return texts, gold


def main(argv=None) -> None:
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedders", default="static,onnx")
    args = parser.parse_args(argv)
    pairs = load_msrp(MSRP_TEST)
    labels = np.array([p[0] for p in pairs])
    texts, gold = ecbplus_texts()
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
        print(f"{name}: load_s={load_s:.1f} msrp_auc={msrp_auc:.3f} ecb_topic_auc={ecb_auc:.3f} "
              f"texts_per_s={len(sample) / best:.0f}", flush=True)


if __name__ == "__main__":
    main()
