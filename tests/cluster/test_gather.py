"""Fragment merge: when a story reaches a gather size, a larger neighbouring story is merged with it when the join
model places the members of each in the other (the split check read the other way round).  ECB+ fixtures: topic 8's
Greek bank riot of 2010 (8ecbplus) cut into two stories must be merged again; the IE patches of 2008 and 2013
(27ecb, 27ecbplus) and topic 8's two riots (8ecb, 8ecbplus) must stay apart."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article

from .helpers import topics_with_ie

CONFIG = ClusterConfig(revisit_every=0)


@pytest.fixture(scope="module")
def topics() -> tuple[list[Article], dict[str, str]]:
    return topics_with_ie()


def _two_stories(topics, first: list[Article], second: list[Article], config: ClusterConfig = CONFIG
                 ) -> tuple[StreamClusterer, str, str]:
    """Stream topic 20's articles (background for idf), then force ``first`` into one story and ``second``
    into another."""
    articles, labels = topics
    clusterer = StreamClusterer(config)
    for article in articles:
        if labels[article.id].startswith("20"):
            clusterer.assign(article)
    ids = []
    for pool in (first, second):
        story_id = None
        for article in pool:
            _, story_id = clusterer.force(features.extract(article), story_id)
        ids.append(story_id)
    assert clusterer._model_active() and ids[0] != ids[1]
    return clusterer, ids[0], ids[1]


def _pool(topics, label: str, seed: int) -> list[Article]:
    articles, labels = topics
    pool = [a for a in articles if labels[a.id] == label]
    random.Random(seed).shuffle(pool)
    return pool


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_fragments_of_one_event_are_one_story(topics, seed):
    pool = _pool(topics, "8ecbplus", seed)
    clusterer, a, b = _two_stories(topics, pool[:6], pool[6:])
    assert clusterer._one_story(clusterer.stories[a], clusterer.stories[b])
    off = replace(CONFIG, fragment_probability=1.5)
    clusterer, a, b = _two_stories(topics, pool[:6], pool[6:], off)
    assert not clusterer._one_story(clusterer.stories[a], clusterer.stories[b])


@pytest.mark.parametrize("labels", [("27ecb", "27ecbplus"), ("8ecb", "8ecbplus")])
def test_sibling_events_stay_apart(topics, labels):
    """Two IE patches years apart, two Athens riots: same topic, same words, not one story."""
    for seed in (0, 1):
        first, second = (_pool(topics, label, seed) for label in labels)
        clusterer, a, b = _two_stories(topics, first, second)
        assert not clusterer._one_story(clusterer.stories[a], clusterer.stories[b])


def test_gather_merges_the_fragment_into_the_older_story(topics):
    """The younger fragment reaches a gather size (6): the two stories become one, under the older one's id;
    off (``fragment_probability`` above 1), both stay."""
    pool = _pool(topics, "8ecbplus", 0)
    clusterer, a, b = _two_stories(topics, pool[:5], pool[5:])
    assert len(clusterer.stories[b].members) == 6
    assert clusterer._gather(clusterer.stories[b]) == (b,)
    assert b not in clusterer.stories and len(clusterer.stories[a].members) == 11
    assert {clusterer.where[x.id] for x in pool} == {a}
    off = replace(CONFIG, fragment_probability=1.5)
    clusterer, a, b = _two_stories(topics, pool[:5], pool[5:], off)
    assert clusterer._gather(clusterer.stories[b]) == () and len(clusterer.stories) >= 2
