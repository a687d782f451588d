"""The active window's bookkeeping: document frequencies, the stories and their members, the postings index from
keys to stories, cached norms, story ids, and closing the stories that leave the window.

Every change of membership goes through ``_add_member`` / ``_remove_member``, which keep the story's centroid,
counters, cached norm and postings consistent and mark the story changed (``dirty``) for ``take_changes``.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any

from ..config import ClusterConfig
from ..models import Story, content_hash
from . import features as feat
from .state import Member, StoryState, count_member
from .vectors import DocFreq, add_into, dot, subtract_into, unit


class Window:
    """Mutable state of the active window and the operations that keep its indexes consistent."""

    def __init__(self, config: ClusterConfig):
        self.config = config
        self.df = DocFreq()
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[str, dict[str, None]] = {}
        self.where: dict[str, str] = {}  # article id -> story id (active window only)
        self.seq = 0
        self.clock: float | None = None
        self.dirty: dict[str, None] = {}
        self.removed: dict[str, None] = {}
        self.closed: dict[str, Story] = {}  # records of stories that left the window since take_changes
        self.young: dict[str, int] = {}  # stories started lately (id -> seq), in arrival order, for revisit
        self.lonely: dict[str, None] = {}  # one-article stories, longest unchecked first, for the lonely sweep

    def _tfidf(self, weights: dict[str, float]) -> dict[str, float]:
        """Unit vector of ``weights`` times the window's idf."""
        idf = self.df.idf_of()
        return unit({k: v * idf(k) for k, v in weights.items()})

    def _drifted(self, docs: int) -> bool:
        """Whether idf has drifted since a norm was computed over ``docs`` documents (window grew or shrank
        by more than a quarter): early in a stream idf changes fast and stale norms inflate cosines."""
        now = self.df.docs
        return abs(now - docs) > 0.25 * docs + 2

    # ------------------------------------------------------------------ members and stories
    def _member(self, features: feat.Features, query: dict[str, float], score: float) -> Member:
        """The member record of an arriving article (``query``: its tf-idf vector)."""
        keys = sorted(query.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.index_keys]
        vector = unit(features.weights)
        idf = self.df.idf_of()
        tnorm = math.sqrt(sum((v * idf(k)) ** 2 for k, v in vector.items())) or 1.0
        return Member(features.article_id, vector, tuple(k for k, _ in keys), features.day,
                      features.title, features.entities, round(float(score), 4), self.seq,
                      features.year, features.subjects, features.month, tnorm, self.df.docs,
                      _f16(features.embedding), features.weekday, features.anchors())

    def _new_story(self, member: Member) -> StoryState:
        story = StoryState(id=self._fresh_id(member.article_id), seq=member.seq)
        self.stories[story.id] = story
        self.young[story.id] = story.seq
        self.lonely[story.id] = None
        self._add_member(story, member)
        return story

    def _fresh_id(self, article_id: str) -> str:
        """Story id from its first article; a split can reach an id still in use (a founder moved out of its
        story by a repair), so a counter is added then, deterministically."""
        story_id = content_hash("story", article_id)
        n = 1
        while story_id in self.stories:
            story_id = content_hash("story", article_id, str(n))
            n += 1
        return story_id

    def _add_member(self, story: StoryState, member: Member) -> None:
        story.members.append(member)
        if len(story.members) == 2:
            self.lonely.pop(story.id, None)
        story.span = story.reach = None
        self._shift_norm(story, member.vector, 1.0)
        add_into(story.centroid, member.vector)
        story.last_seq = self.seq
        count_member(story, member, 1)
        if story.core_at <= 16:
            story.core = None
        self._index(story, member)
        self.where[member.article_id] = story.id
        self.dirty[story.id] = None

    def _remove_member(self, story: StoryState, member: Member) -> None:
        story.members.remove(member)
        story.span = story.reach = None
        self._shift_norm(story, member.vector, -1.0)
        subtract_into(story.centroid, member.vector)
        count_member(story, member, -1)
        story.core = None
        self._unindex(story, member)
        self.where.pop(member.article_id, None)
        self.dirty[story.id] = None

    def _shift_norm(self, story: StoryState, vector: dict[str, float], sign: float) -> None:
        """Update the cached squared norm over the member's keys only; recompute in full now and then."""
        story.updates += 1
        if story.stale or story.updates % 32 == 0:
            story.stale = True
            return
        idf = self.df.idf_of()
        centroid = story.centroid
        delta = 0.0
        for key, value in vector.items():
            c = centroid.get(key, 0.0)
            w = idf(key)
            delta += ((c + sign * value) ** 2 - c * c) * w * w
        story.norm2 += delta

    def _index(self, story: StoryState, member: Member) -> None:
        """Post the story under the member's index keys."""
        for key in member.index_keys:
            story.keys[key] = story.keys.get(key, 0) + 1
            self.postings.setdefault(key, {})[story.id] = None

    def _unindex(self, story: StoryState, member: Member) -> None:
        """Take the story off the postings of the member's index keys no other member of it holds."""
        for key in member.index_keys:
            left = story.keys.get(key, 0) - 1
            if left > 0:
                story.keys[key] = left
                continue
            story.keys.pop(key, None)
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self.postings[key]

    def _drop_story(self, story: StoryState) -> None:
        """Remove a story whose members move elsewhere (a merge); its id is reported as removed."""
        for member in list(story.members):
            self._remove_member(story, member)
        self._forget(story)
        self.removed[story.id] = None

    def _forget(self, story: StoryState) -> None:
        del self.stories[story.id]
        self.lonely.pop(story.id, None)
        self.dirty.pop(story.id, None)

    # ------------------------------------------------------------------ leaving the window
    def sweep(self) -> list[str]:
        """Close stories that left the active window (by publication time or by arrivals); return their ids."""
        cfg = self.config
        closing = []
        for story in self.stories.values():
            last = story.last
            old_by_time = self.clock is not None and last is not None and last < self.clock - cfg.window_days
            if old_by_time or self.seq - story.last_seq > cfg.window_articles:
                closing.append(story)
        for story in closing:
            self._close(story)
        return [s.id for s in closing]

    def _close(self, story: StoryState) -> None:
        """Take a story and its members' documents out of the window, keeping its record if it changed."""
        if story.id in self.dirty:
            self.closed[story.id] = self.to_story(story)
        for member in list(story.members):
            self.df.remove(member.vector)
            self._remove_member(story, member)
        self._forget(story)

    def to_story(self, story: StoryState) -> Story:
        """The story's record: the headline of the member nearest its centroid, members in arrival order."""
        members = sorted(story.members, key=lambda m: m.seq)
        centre = self._tfidf(story.centroid)
        headline = max(members, key=lambda m: (dot(self._tfidf(m.vector), centre), -m.seq))
        first, last = story.first, story.last
        return Story(
            id=story.id, title=headline.title, first=_iso(first), last=_iso(last),
            article_ids=tuple(m.article_id for m in members), scores=tuple(m.score for m in members),
            entities=_top_entities(members), related=self._related(story, centre),
        )

    def _related(self, story: StoryState, centre: dict[str, float]) -> tuple[str, ...]:
        """Ids of the stories related to ``story`` (its tf-idf centroid ``centre``): none without similarity
        scoring (``Similarity._related``)."""
        return ()


def _f16(emb: Any) -> Any:
    """An embedding at the precision a snapshot keeps (float16), so a restored state scores as the live one."""
    return None if emb is None else emb.astype("<f2").astype("float32")


def _top_entities(members: list[Member], limit: int = 10) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    for member in members:
        for name in member.entities:
            key = name.lower()
            counts[key] = counts.get(key, 0) + 1
            surface.setdefault(key, name)
    ranked = sorted(counts, key=lambda k: (-counts[k], k))[:limit]
    return tuple(surface[k] for k in ranked)


def _iso(day: float | None) -> str | None:
    return None if day is None else date.fromordinal(int(day)).isoformat()
