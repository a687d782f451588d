"""Lonely sweep: every ``lonely_every`` arrivals the one-article stories longest unchecked (round robin, a fixed
number per sweep) get another look, and one the join model now places in a story is folded in.  ECB+ fixtures:
topic 8's Greek bank riot of 2010 (8ecbplus) with one report left on its own must be gathered; a report of topic
8's other riot (8ecb) left on its own must not be folded into it; the queue holds one-article stories only; the
sweep is deterministic and survives a snapshot."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer, restore, snapshot
from newsweave.models import Article

from .helpers import topics_with_ie

CONFIG = ClusterConfig(revisit_every=0, lonely_every=1)


@pytest.fixture(scope="module")
def topics() -> tuple[list[Article], dict[str, str]]:
    return topics_with_ie()


def _pool(topics, label: str, seed: int) -> list[Article]:
    articles, labels = topics
    pool = [a for a in articles if labels[a.id] == label]
    random.Random(seed).shuffle(pool)
    return pool


def _story_and_single(topics, story: list[Article], single: Article, config: ClusterConfig = CONFIG
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


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_lonely_report_of_a_story_is_folded_into_it(topics, seed):
    pool = [a for a in _pool(topics, "8ecbplus", seed) if a.outlet != "8_10ecbplus.txt"]
    clusterer, story_id, single_id = _story_and_single(topics, pool[:-1], pool[-1])
    assert single_id in clusterer.lonely
    folded = []
    for _ in range(len(clusterer.lonely)):
        folded += clusterer.lonely_sweep()
    assert single_id in folded and single_id not in clusterer.stories
    assert clusterer.where[pool[-1].id] == story_id
    assert not clusterer.lonely or all(len(clusterer.stories[i].members) == 1 for i in clusterer.lonely)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_lonely_report_of_the_sibling_event_stays_apart(topics, seed):
    pool = _pool(topics, "8ecbplus", seed)
    other = _pool(topics, "8ecb", seed)[0]
    clusterer, story_id, single_id = _story_and_single(topics, pool, other)
    for _ in range(len(clusterer.lonely) + 1):
        clusterer.lonely_sweep()
    assert clusterer.where[other.id] != story_id


def test_the_queue_holds_one_article_stories_and_goes_round(topics):
    pool = _pool(topics, "8ecb", 0)
    clusterer, story_id, single_id = _story_and_single(topics, pool[:3], pool[3], replace(CONFIG, lonely_every=0))
    assert story_id not in clusterer.lonely  # grew: left the queue at its second member
    assert all(len(clusterer.stories[i].members) == 1 for i in clusterer.lonely)
    assert list(clusterer.lonely)[-1] == single_id
    before = list(clusterer.lonely)
    kept = [i for i in before if i not in clusterer.lonely_sweep()]  # looked at the front one only (batch 1)
    assert list(clusterer.lonely) == kept[1:] + kept[:1] or before[0] not in clusterer.lonely


def test_shipped_on():
    assert ClusterConfig().lonely_every > 0
    assert ClusterConfig().lonely_batch >= 1


def test_a_story_grown_by_a_quarter_is_checked_for_a_split(topics):
    """Split checks at a growth of 1.25 (was 1.5): a story checked at 8 members is checked again at 10."""
    pool = _pool(topics, "8ecbplus", 0)
    clusterer, story_id, _ = _story_and_single(topics, pool[:10], pool[10])
    story = clusterer.stories[story_id]
    story.checked_at = 8
    clusterer._maybe_split(story)
    assert clusterer.stories[story_id].checked_at == 10


def _run(articles: list[Article], config: ClusterConfig) -> dict[str, str]:
    clusterer = StreamClusterer(config)
    for article in articles:
        clusterer.assign(article)
    return dict(clusterer.where)


def test_deterministic_for_an_order_and_snapshot_keeps_the_queue(topics):
    articles, _ = topics
    config = ClusterConfig()
    assert _run(articles, config) == _run(articles, config)
    clusterer = StreamClusterer(config)
    for article in articles[:25]:
        clusterer.assign(article)
    copy = restore(snapshot(clusterer), config)
    assert list(copy.lonely) == list(clusterer.lonely)
    for article in articles[25:]:
        clusterer.assign(article)
        copy.assign(article)
    assert copy.where == clusterer.where
