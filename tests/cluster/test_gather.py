"""Gather: when a story reaches a gather size, the small neighbouring stories the join model places in it are folded
in, and a larger neighbouring story is merged with it when the join model places the members of each in the other
(the split check read the other way round).  ECB+ fixtures: topic 8's Greek bank riot of 2010 (8ecbplus) cut into
two stories must be merged again; the IE patches of 2008 and 2013 (27ecb, 27ecbplus) and topic 8's two riots
(8ecb, 8ecbplus) must stay apart."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article

from .helpers import pool as _pool, topics_with_ie

CONFIG = ClusterConfig(revisit_every=0)


@pytest.fixture(scope="module")
def topics() -> tuple[list[Article], dict[str, str]]:
    return topics_with_ie()


def test_gather_folds_small_neighbours_when_a_story_reaches_a_gather_size(topic_articles):
    articles, _ = topic_articles
    clusterer = StreamClusterer(ClusterConfig(revisit_every=0))
    for article in articles[:30]:
        clusterer.assign(article)
    home = max(clusterer.stories.values(), key=lambda s: (len(s.members), -s.seq))
    sources = [next(a for a in articles if a.id == m.article_id) for m in home.members[:2]]
    _, fragment = clusterer.force(features.extract(replace(sources[0], id="copy-0", outlet="x")), None)
    clusterer.force(features.extract(replace(sources[1], id="copy-1", outlet="y")), fragment)
    # the model's verdict is fixed at 0.6 for every member, for the home story
    clusterer._score_candidates = lambda *args, **kwargs: [(home, 0.6)]
    sizes = (len(home.members),)
    clusterer.config = replace(clusterer.config, gather_sizes=sizes, gather_probability=0.7)
    assert clusterer._gather(home) == ()  # below the bar
    clusterer.config = replace(clusterer.config, gather_sizes=(len(home.members) + 1,), gather_probability=0.5)
    assert clusterer._gather(home) == ()  # not at a gather size
    clusterer.config = replace(clusterer.config, gather_sizes=sizes)
    before = {i: len(s.members) for i, s in clusterer.stories.items()}
    folded = clusterer._gather(home)
    assert fragment in folded and all(before[i] <= clusterer.config.revisit_size for i in folded)
    assert len(home.members) == before[home.id] + sum(before[i] for i in folded)
    assert fragment not in clusterer.stories and clusterer.where["copy-1"] == home.id


# --------------------------------------------------------------------------- fragments of one event

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
