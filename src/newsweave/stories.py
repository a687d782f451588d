"""Glue between the store and the stream clusterer: load state, assign articles, save stories and state.

The clusterer's active window is kept in the store as one compressed snapshot (``cluster_state``), so each
call costs what the window holds, not what the archive holds.
"""
from __future__ import annotations

import json
import zlib
from typing import Sequence

from .models import Article, Story
from .config import Settings
from .store import Store
from .config import ClusterConfig
from .cluster.stream import StreamClusterer, restore, snapshot

STATE_NAME = "stories"


def config_from(settings: Settings | None) -> ClusterConfig:
    """The clusterer's knobs: the tuned defaults, with the user's embedder choice when settings are given."""
    return settings.cluster() if settings is not None else ClusterConfig()


def load_state(store: Store, settings: Settings | None = None) -> StreamClusterer:
    data = store.get_cluster_state(STATE_NAME)
    if not data:
        return StreamClusterer(config_from(settings))
    return restore(json.loads(zlib.decompress(data)), config_from(settings))


def save_state(store: Store, state: StreamClusterer) -> None:
    data = json.dumps(snapshot(state), separators=(",", ":"), sort_keys=True).encode("utf-8")
    store.save_cluster_state(STATE_NAME, zlib.compress(data, 6))


def assign_stories(store: Store, article_ids: Sequence[str], settings: Settings | None = None) -> list[Story]:
    """Assign each stored article (in the given order) to a story; save changed stories; return them."""
    state = load_state(store, settings)
    for article in _articles(store, article_ids):
        state.assign(article, store.get_annotations(article.id))
    changed = flush(store, state)
    save_state(store, state)
    return changed


def flush(store: Store, state: StreamClusterer) -> list[Story]:
    """Write stories changed since the last flush and delete those merged away."""
    changed, removed = state.take_changes()
    for story_id in removed:
        store.delete_story(story_id)
    for story in changed:
        store.save_story(story)
    return changed


def recluster(store: Store, settings: Settings | None = None) -> list[Story]:
    """Batch re-clustering of the whole archive in publication order (undated articles last, then by id),
    then two repair rounds over the stories still active (misfit members move, mixed stories split). Stories a
    `compare --store` run recorded are the user's own grouping and stay."""
    articles = sorted(store.articles(), key=lambda a: (a.published is None, a.published or "", a.id))
    for story in store.stories():
        if story.origin == "cluster":
            store.delete_story(story.id)
    store.delete_cluster_state(STATE_NAME)
    state = StreamClusterer(config_from(settings))
    records: dict[str, Story] = {}
    for article in articles:
        state.assign(article, store.get_annotations(article.id))
        if state.seq % state.config.sweep_every == 0:
            _collect(state, records)
    state.refine(rounds=2)
    _collect(state, records)
    for story in records.values():
        store.save_story(story)
    save_state(store, state)
    return list(records.values())


def related_links(stories: Sequence[Story]) -> dict[str, tuple[str, ...]]:
    """Each story's related stories (same thread, another event), both ways: the ones it links to, closest first,
    then the ones linking to it; only stories among ``stories``."""
    known = {s.id for s in stories}
    links = {s.id: [r for r in s.related if r in known and r != s.id] for s in stories}
    for story in stories:
        for other in story.related:
            if other in links and other != story.id and story.id not in links[other]:
                links[other].append(story.id)
    return {k: tuple(v) for k, v in links.items()}


def _collect(state: StreamClusterer, records: dict[str, Story]) -> None:
    changed, removed = state.take_changes()
    for story_id in removed:
        records.pop(story_id, None)
    for story in changed:
        records[story.id] = story


def _articles(store: Store, ids: Sequence[str]) -> list[Article]:
    return store.articles(list(dict.fromkeys(ids)))
