"""Fit the story clusterer's join model on the ECB+ train topics, then measure it as bench/ecbplus_clustering.py.

Teacher-forced streams (each article placed in its gold story) over ``--train-seeds`` orders give one row per
ranked candidate story, labelled 1 for the article's gold story; rows of an article whose gold story does not exist
yet weigh ``--founder-weight``.  Writes ``join_model.json`` (``--embedder none``) or ``join_model_<name>.json``
(headline embeddings of that embedder) to ``--out`` (default .cache/trained/), then clusters the ``--topics`` with
it (the dev topics are never fitted on).  The shipped files: ``--embedder none`` and ``--embedder static``, other
options at their defaults (founder weight 6).  Ship by copying the file into src/newsweave/weights/.

    .venv/bin/python bench/train/join_model.py --embedder static|none [--out DIR] [ecbplus_clustering.py options]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/: common and the measuring scripts
import common  # noqa: E402
import ecbplus_clustering as bench  # noqa: E402
from newsweave.cluster import features as cluster_features  # noqa: E402
from newsweave.cluster import join as join_model  # noqa: E402
from newsweave.cluster.stream import StreamClusterer  # noqa: E402
from newsweave.config import ClusterConfig  # noqa: E402


def training_rows(items, seeds: list[int], config: ClusterConfig
                  ) -> tuple[list[tuple[float, ...]], list[int], list[bool]]:
    """Teacher-forced streams: each article goes to its gold story; every candidate the clusterer ranked for it
    becomes one row (the join evidence) labelled 1 when it is the article's gold story."""
    embedder = StreamClusterer(replace(config, use_model=False)).embedder
    features = {a.id: cluster_features.extract(a, None, embedder) for a, _, _ in items}
    keep = len(join_model.FEATURES) - (0 if embedder else join_model.EMBEDDING_FEATURES)
    xs, ys, founders = [], [], []
    for seed in seeds:
        order = list(items)
        random.Random(seed).shuffle(order)
        clusterer = StreamClusterer(replace(config, use_model=False))
        clusterer.collect = True
        story_of: dict[str, str] = {}
        for article, label, _ in order:
            founder = label not in story_of
            rows, story_id = clusterer.force(features[article.id], story_of.get(label))
            story_of[label] = story_id
            for candidate, _, x in rows:
                xs.append(x[:keep])
                ys.append(int(candidate == story_id))
                founders.append(founder)
    return xs, ys, founders


def fit(items, seeds: list[int], config: ClusterConfig, c: float, founder_weight: float) -> dict:
    """The join model fitted on ``items`` (train topics, teacher-forced rows), as the JSON cluster.join reads.
    Rows of an article whose gold story does not exist yet weigh ``founder_weight``: joining it to a story (the
    sibling event's, typically) mixes two stories, a costlier mistake than one article left on its own."""
    from sklearn.linear_model import LogisticRegression

    xs, ys, founders = training_rows(items, seeds, config)
    cols = list(zip(*xs))
    mean = [statistics.fmean(col) for col in cols]
    scale = [statistics.pstdev(col) or 1.0 for col in cols]
    z = [[(v - m) / s for v, m, s in zip(x, mean, scale)] for x in xs]
    weights = [founder_weight if f else 1.0 for f in founders]
    lr = LogisticRegression(C=c, max_iter=3000).fit(z, ys, sample_weight=weights)
    model = join_model.JoinModel(tuple(round(float(v), 6) for v in lr.coef_[0]), round(float(lr.intercept_[0]), 6),
                                 tuple(round(v, 6) for v in mean), tuple(round(v, 6) for v in scale))
    return {**model.to_dict(), "rows": len(ys), "positives": sum(ys), "C": c, "founder_weight": founder_weight,
            "seeds": seeds, "embedder": config.embedder,
            "written_by": "bench/train/join_model.py (ECB+ train topics only)"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bench.add_arguments(parser)
    parser.add_argument("--train-seeds", default="1,2,3,4,5,6,7,8", help="stream orders the rows are drawn from")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation of the join model")
    parser.add_argument("--founder-weight", type=float, default=6.0,
                        help="weight of founder rows (the shipped models use 6)")
    parser.add_argument("--out", type=Path, default=common.TRAINED, metavar="DIR",
                        help=f"where to write the fitted file (default: {common.shown(common.TRAINED)})")
    args = parser.parse_args(argv)
    config = bench.config_from(args)
    if config.embedder == "auto":
        raise SystemExit("give --embedder NAME (or none): the model file is named after it")
    root, items, parse_seconds = bench.load_topics(args)
    train = bench.load(root, {"train"})
    data = fit(train, [int(s) for s in args.train_seeds.split(",")], config, args.C, args.founder_weight)
    args.out.mkdir(parents=True, exist_ok=True)
    file = args.out / join_model.model_file(config.embedder).name
    file.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"join model: {data['rows']} rows ({data['positives']} joins) -> {common.shown(file)}")
    for name, coef in zip(join_model.FEATURES, data["coef"]):
        print(f"  {name:16s} {coef:+.3f}")
    # Measure with the file just written: the clusterer finds its model by name beside join.MODEL_FILE.
    join_model.MODEL_FILE = args.out / join_model.MODEL_FILE.name
    join_model.load.cache_clear()
    lines = bench.evaluate(root, args, config, items, parse_seconds)
    print(f"to ship: cp {common.shown(file)} {common.shown(common.WEIGHTS)}/")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
