"""Related stories: another event of the same thread (shared participants and topic, close in time) is linked to a
story, not merged into it; stories of other topics are not linked.  ECB+ fixtures: topic 8's two Athens bank riots
(8ecb, 8ecbplus) and topic 20's two Qeshm earthquakes."""
from __future__ import annotations

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer

from .helpers import load_gold


def test_sibling_events_are_linked_and_other_topics_are_not():
    articles, labels = load_gold("ecbplus_topics")
    clusterer = StreamClusterer(ClusterConfig(embedder=None))
    story_of: dict[str, str] = {}
    for article in articles:
        _, story_of[labels[article.id]] = clusterer.force(features.extract(article), story_of.get(labels[article.id]))
    records = {s.id: s for s in clusterer.story_records()}
    label_of = {sid: label for label, sid in story_of.items()}
    topic = {label: label.split("ecb")[0] for label in story_of}
    links = {(label_of[sid], label_of[r]) for sid, s in records.items() for r in s.related}
    assert links  # the siblings of a topic are linked ...
    assert all(a != b and topic[a] == topic[b] for a, b in links)  # ... and nothing else


def test_related_links_are_capped():
    articles, labels = load_gold("ecbplus_topics")
    clusterer = StreamClusterer(ClusterConfig(embedder=None, related_limit=1, related_similarity=0.0))
    story_of: dict[str, str] = {}
    for article in articles:
        _, story_of[labels[article.id]] = clusterer.force(features.extract(article), story_of.get(labels[article.id]))
    assert all(len(s.related) <= 1 for s in clusterer.story_records())
