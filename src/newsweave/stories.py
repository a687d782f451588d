"""Glue between the store and the stream clusterer: load state, assign articles, save stories and state.

The clusterer's active window is kept in the store as one compressed snapshot (``cluster_state``), so each
call costs what the window holds, not what the archive holds.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Set
from dataclasses import replace
from typing import Sequence

from .models import Article, Story, content_hash
from .config import Settings
from .store import Store
from .config import ClusterConfig
from .cluster.stream import StreamClusterer, restore, snapshot

STATE_NAME = "stories"


def config_from(settings: Settings | None) -> ClusterConfig:
    """The clusterer's knobs: the tuned defaults, with the user's embedder choice when settings are given."""
    return settings.cluster() if settings is not None else ClusterConfig()


def load_state(store: Store, settings: Settings | None = None, data: bytes | None = None) -> StreamClusterer:
    """The clusterer with the stored snapshot loaded (or the snapshot ``data`` given, read earlier)."""
    data = store.get_cluster_state(STATE_NAME) if data is None else data
    if not data:
        return StreamClusterer(config_from(settings))
    return restore(json.loads(zlib.decompress(data)), config_from(settings))


def save_state(store: Store, state: StreamClusterer) -> None:
    _save_snapshot(store, snapshot(state))


def assign_stories(store: Store, article_ids: Sequence[str], settings: Settings | None = None) -> list[Story]:
    """Assign each stored article (in the given order) to a story; save changed stories; return them."""
    state = load_state(store, settings)
    place(state, store, article_ids)
    changed = flush(store, state)
    save_state(store, state)
    return changed


def place(state: StreamClusterer, store: Store, article_ids: Sequence[str]) -> None:
    """Assign each stored article (in the given order) in the clusterer; nothing is written."""
    for article in _articles(store, article_ids):
        state.assign(article, store.get_annotations(article.id))


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
    `compare --store` run recorded are the user's own grouping and stay.

    A new story that holds more than half of an old story's articles keeps that story's id (one old story per new
    one, the largest overlap first), so links and saved dossiers of stories that come out the same survive."""
    articles = sorted(store.articles(), key=lambda a: (a.published is None, a.published or "", a.id))
    stored = store.stories()
    state = StreamClusterer(config_from(settings))
    records: dict[str, Story] = {}
    for article in articles:
        state.assign(article, store.get_annotations(article.id))
        if state.seq % state.config.sweep_every == 0:
            _collect(state, records)
    state.refine(rounds=2)
    _collect(state, records)
    old = [s for s in stored if s.origin == "cluster"]
    names = stable_ids(old, list(records.values()), taken={s.id for s in stored if s.origin != "cluster"})
    stories = [replace(story, id=names[story.id], related=tuple(names.get(r, r) for r in story.related))
               for story in records.values()]
    kept = {story.id for story in stories}
    for story in old:
        if story.id not in kept:
            store.delete_story(story.id)
    for story in stories:
        store.save_story(story)
    data = snapshot(state)
    _rename_snapshot(data, names)
    _save_snapshot(store, data)
    return stories


def stable_ids(old: Sequence[Story], new: Sequence[Story], taken: Set[str] = frozenset()) -> dict[str, str]:
    """New story id -> the id it keeps: an old story's id when it holds more than half of that story's articles
    (pairs by largest overlap, one to one), else its own id (made unique against the ids kept and ``taken``)."""
    members = {s.id: set(s.article_ids) for s in new}
    pairs = sorted(((len(members[n.id] & set(o.article_ids)), o.id, n.id) for o in old for n in new
                    if 2 * len(members[n.id] & set(o.article_ids)) > len(o.article_ids)),
                   key=lambda p: (-p[0], p[1], p[2]))
    names: dict[str, str] = {}
    used_old: set[str] = set()
    for _, old_id, new_id in pairs:
        if new_id not in names and old_id not in used_old:
            names[new_id], used_old = old_id, used_old | {old_id}
    reserved = set(names.values()) | set(taken)
    for story in new:
        if story.id not in names:
            name, n = story.id, 1
            while name in reserved:
                name, n = content_hash("story", story.id, str(n)), n + 1
            names[story.id] = name
            reserved.add(name)
    return names


def _rename_snapshot(data: dict, names: Mapping[str, str]) -> None:
    """Story ids in a clusterer snapshot renamed in place (a snapshot names stories in these three places)."""
    for item in data.get("stories", []):
        item["id"] = names.get(item["id"], item["id"])
    data["young"] = {names.get(k, k): v for k, v in data.get("young", {}).items()}
    data["lonely"] = [names.get(k, k) for k in data.get("lonely", [])]


def _save_snapshot(store: Store, data: dict) -> None:
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    store.save_cluster_state(STATE_NAME, zlib.compress(raw, 6))


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
