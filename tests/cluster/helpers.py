"""Builders for the clustering tests: ECB+ fixture articles with their gold stories, the seed pair as articles, and
clusterers with stories forced into a given shape."""
from __future__ import annotations

import json
import random
from pathlib import Path

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article, content_hash

from ..helpers import FIXTURES

# the configuration of the lonely-sweep tests: no revisits, a sweep after every arrival
LONELY_CONFIG = ClusterConfig(revisit_every=0, lonely_every=1)


def load_gold(name: str) -> tuple[list[Article], dict[str, str]]:
    """(articles in file-name order, article id -> gold story) of tests/fixtures/<name>."""
    folder = FIXTURES / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles, labels = [], {}
    for file in sorted(gold):
        text = (folder / file).read_text(encoding="utf-8")
        article = Article(id=content_hash(file), outlet=file, title=text.splitlines()[0], text=text)
        articles.append(article)
        labels[article.id] = gold[file]
    return articles, labels


def topics_with_ie() -> tuple[list[Article], dict[str, str]]:
    """The ECB+ topic fixtures and the IE-patch fixtures together, in one seeded order, with their gold labels."""
    articles, labels = load_gold("ecbplus_topics")
    ie, ie_labels = load_gold("ecbplus_ie")
    articles = articles + ie
    random.Random(5).shuffle(articles)
    return articles, {**labels, **ie_labels}


def pool(topics, label: str, seed: int) -> list[Article]:
    """The articles of gold story ``label`` in the order of ``seed``."""
    articles, labels = topics
    found = [a for a in articles if labels[a.id] == label]
    random.Random(seed).shuffle(found)
    return found


def story_and_single(topics, story: list[Article], single: Article, config: ClusterConfig = LONELY_CONFIG
                     ) -> tuple[StreamClusterer, str, str]:
    """Stream topic 20's articles (background for idf), then force ``story`` into one story and ``single``
    into a story of its own."""
    articles, labels = topics
    clusterer = StreamClusterer(config)
    for article in articles:
        if labels[article.id].startswith("20"):
            clusterer.assign(article)
    story_id = None
    for article in story:
        _, story_id = clusterer.force(features.extract(article), story_id)
    _, single_id = clusterer.force(features.extract(single), None)
    assert clusterer._model_active() and story_id != single_id
    return clusterer, story_id, single_id


def seed_articles(seed_dir: Path, seed_meta: dict) -> list[Article]:
    """The seed pair as articles (raw text, outlet and publication date from meta.json)."""
    out = []
    for name, meta in sorted(seed_meta.items()):
        text = (seed_dir / name).read_text(encoding="utf-8")
        out.append(Article(id=content_hash(name), outlet=meta["outlet"], title=text.splitlines()[0], text=text,
                           published=meta["published"]))
    return out


def story_members(clusterer: StreamClusterer) -> list[tuple[str, ...]]:
    """The article ids of each story, sorted."""
    return sorted(tuple(s.article_ids) for s in clusterer.story_records())
