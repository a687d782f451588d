"""The learned join decision (join.py): the packaged model matches the features, takes over once the window is
populated, and decides the same after a snapshot (ECB+ two-topic fixture)."""
from __future__ import annotations

import json

import pytest

from newsweave.cluster import join
from newsweave.cluster.stream import StreamClusterer, restore, snapshot


def test_packaged_model_matches_the_features():
    model = join.load()
    assert model is not None, "src/newsweave/cluster/join_model.json is missing"
    plain = len(join.FEATURES) - join.EMBEDDING_FEATURES  # the embedding evidence has its own model file
    assert len(model.coef) == len(model.mean) == len(model.scale) == plain
    data = json.loads(join.MODEL_FILE.read_text(encoding="utf-8"))
    with pytest.raises(ValueError):
        join.from_dict({**data, "features": data["features"][::-1]})
    assert 0.0 <= model.probability([0.0] * len(join.FEATURES)) <= 1.0
    for big in (1e6, -1e6):  # hostile magnitudes neither overflow nor leave [0, 1]
        assert 0.0 <= model.probability([big] * len(join.FEATURES)) <= 1.0


def test_model_decides_once_the_window_is_populated(topic_articles):
    articles, _ = topic_articles
    clusterer = StreamClusterer()
    assert clusterer.model is not None
    for article in articles[: clusterer.config.model_min_docs - 1]:
        clusterer.assign(article)
    assert not clusterer._model_active()
    for article in articles[clusterer.config.model_min_docs - 1:]:
        clusterer.assign(article)
        for _, _, x in clusterer.last_rows:
            assert len(x) == len(join.FEATURES)
            assert -1e-6 <= x[0] <= 1.0 + 1e-6 and x[1] <= 1.0 + 1e-6  # cosines stay cosines (fresh norms)
    assert clusterer._model_active()


def test_model_path_is_deterministic_and_survives_snapshot(topic_articles):
    articles, _ = topic_articles
    first = StreamClusterer()
    for article in articles[:25]:
        first.assign(article)
    copy = restore(json.loads(json.dumps(snapshot(first))))
    a = [first.assign(x) for x in articles[25:]]
    b = [copy.assign(x) for x in articles[25:]]
    assert [(r.story_id, r.created) for r in a] == [(r.story_id, r.created) for r in b]
    again = StreamClusterer()
    c = [again.assign(x) for x in articles]
    assert [(r.story_id, r.created) for r in c[25:]] == [(r.story_id, r.created) for r in a]
