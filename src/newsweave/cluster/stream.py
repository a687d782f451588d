"""Online clustering of an article stream into stories: ``StreamClusterer.assign`` is the entry point.

Each arriving article is scored against the stories of the active window that share its most informative keys.
The best few candidates by centroid score are judged by the learned join model (``join.py``); the article joins
the most probable story when the probability (times the time decay) reaches ``join_probability``, or starts a new
story.  Until the window holds ``model_min_docs`` documents (or without a model file) the centroid score is
compared with ``join_threshold`` instead.  After a join, and every few arrivals, repairs run.  State is
deterministic for a given input order and can be snapshotted to a dict and restored.

The clusterer is built in layers, each a class in its own module adding to the one below:

- ``window.Window``: the active window's bookkeeping (members, postings index, norms, ids, closing stories);
- ``similarity.Similarity``: candidate lookup, tf-idf cosines, time and conflict factors;
- ``evidence.JoinEvidence``: candidate ranking, the join model's evidence and probabilities;
- ``merges.MergeRepairs``: bridged merges, revisits, gathering fragments, the lonely sweep;
- ``splits.SplitRepairs``: moving misfit members, splitting mixed stories;
- ``StreamClusterer`` (here): arrival, the join decision and the repair schedule.

The records live in ``state.py``, the snapshot format in ``snapshot.py``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..config import ClusterConfig
from ..models import Annotations, Article, Story
from . import features as feat
from . import join as join_model
from .snapshot import load_into, snapshot
from .splits import SplitRepairs
from .state import Member, StoryAssignment, StoryState
from .vectors import top

__all__ = ["Member", "StoryAssignment", "StoryState", "StreamClusterer", "assign", "restore", "snapshot"]


class StreamClusterer(SplitRepairs):
    """Mutable clustering state over the active window; ``assign`` is the one entry point per article."""

    def __init__(self, config: ClusterConfig | None = None):
        super().__init__(config or ClusterConfig())
        cfg = self.config
        auto = _auto_embedder(cfg.cache_dir) if cfg.embedder == "auto" else None
        name = (auto.name if auto is not None else None) if cfg.embedder == "auto" else cfg.embedder
        self.model = _join_model(name) if cfg.use_model else None
        self.embedder = auto if auto is not None or not name else _named_embedder(name, cfg.cache_dir)
        self.collect = False
        self.last_rows = []

    # ------------------------------------------------------------------ public
    def assign(self, article: Article, annotations: Annotations | None = None) -> StoryAssignment:
        return self.assign_features(feat.extract(article, annotations, self.embedder))

    def assign_features(self, features: feat.Features) -> StoryAssignment:
        """Place one article: join the best candidate story when it scores enough, else start a story."""
        features = self._trimmed(self._embedded(features))
        if features.article_id in self.where:
            return self._placed(features.article_id)
        query, ranked = self._arrive(features)
        threshold = self._threshold()
        best, score = ranked[0] if ranked else (None, 0.0)
        if best is not None and score >= threshold:
            member = self._member(features, query, score)
            assignment = self._join(best, member, score, ranked[1:], threshold)
        else:
            story = self._new_story(self._member(features, query, 1.0))
            assignment = StoryAssignment(features.article_id, story.id, 1.0, True)
        self._scheduled_repairs()
        return assignment

    def force(self, features: feat.Features, story_id: str | None
              ) -> tuple[list[tuple[str, float, tuple[float, ...]]], str]:
        """Training aid: place the article in ``story_id`` (a new story when None or unknown) whatever the
        scores say; return the evidence rows (story id, centroid score, join features) it was ranked with."""
        features = self._trimmed(self._embedded(features))
        query, _ = self._arrive(features)
        rows = self.last_rows
        member = self._member(features, query, 1.0)
        if story_id is not None and story_id in self.stories:
            self._add_member(self.stories[story_id], member)
            return rows, story_id
        return rows, self._new_story(member).id

    def refine(self, rounds: int = 1) -> None:
        """Batch repair over every active story: move misfit members, split mixed stories (used by recluster)."""
        for _ in range(rounds):
            for story_id in sorted(self.stories, key=lambda i: self.stories[i].seq):
                story = self.stories.get(story_id)
                if story is not None and len(story.members) > 1:
                    story.checked_at = 0
                    self._reassign_members(story)
                    if story.id in self.stories and len(story.members) >= 4:
                        story.checked_at = 0
                        self._maybe_split(story)

    def story_records(self, ids: Iterable[str] | None = None) -> list[Story]:
        chosen = self.stories if ids is None else [i for i in ids if i in self.stories]
        return [self.to_story(self.stories[i]) for i in chosen]

    def take_changes(self) -> tuple[list[Story], list[str]]:
        """Stories changed since the last call (as records) and ids of stories that no longer exist."""
        changed = list(self.closed.values()) + self.story_records(self.dirty)
        removed = [i for i in self.removed if i not in self.stories]
        self.dirty, self.removed, self.closed = {}, {}, {}
        return changed, removed

    # ------------------------------------------------------------------ arrival and join
    def _embedded(self, features: feat.Features) -> feat.Features:
        """Features extracted without this clusterer's embedder get their headline embedded here."""
        if self.embedder is None or features.embedding is not None:
            return features
        return replace(features, embedding=self.embedder.encode([features.title])[0])

    def _placed(self, article_id: str) -> StoryAssignment:
        """The assignment of an article already in the window (assigned again: nothing changes)."""
        story = self.stories[self.where[article_id]]
        member = next(m for m in story.members if m.article_id == article_id)
        return StoryAssignment(article_id, story.id, member.score, False)

    def _trimmed(self, features: feat.Features) -> feat.Features:
        """The features with only their ``member_keys`` heaviest keys by tf-idf (the window's idf before the
        article counts in): what the window counts, scores and keeps of the article."""
        weights = features.weights
        if len(weights) <= self.config.member_keys:
            return features
        kept = top(self._tfidf(weights), self.config.member_keys)
        return replace(features, weights={k: weights[k] for k in kept})

    def _arrive(self, features: feat.Features) -> tuple[dict[str, float], list[tuple[StoryState, float]]]:
        """Count the article in (clock, document frequencies) and rank the candidate stories for it."""
        self.seq += 1
        if features.day is not None:
            self.clock = features.day if self.clock is None else max(self.clock, features.day)
        self.df.add(features.weights)
        query = self._tfidf(features.weights)
        ranked = self._score_candidates(top(query, self.config.score_keys), features.anchors(),
                                        features.year, features.subjects, features.month,
                                        emb=features.embedding, weekday=features.weekday)
        return query, ranked

    def _join(self, story: StoryState, member: Member, score: float, rivals: list[tuple[StoryState, float]],
              threshold: float) -> StoryAssignment:
        """Add ``member`` to ``story``, then the repairs a join triggers: merge the rivals it now bridges (as
        probable as ``bridge_probability``, or the join threshold without the model), split, gather."""
        article_id = member.article_id
        self._add_member(story, member)
        bridge = self.config.bridge_probability if self._model_active() else threshold
        merged = self._merge_bridged(story, [s for s, sc in rivals if sc >= bridge])
        split = self._maybe_split(self.stories[self.where[article_id]])
        merged += self._gather(self.stories[self.where[article_id]])
        return StoryAssignment(article_id, self.where[article_id], score, False, merged, split)

    def _scheduled_repairs(self) -> None:
        """Every few arrivals: revisit young stories and the lonely sweep (with the model), and close the stories
        that left the window."""
        cfg = self.config
        if self._model_active() and cfg.revisit_every and self.seq % cfg.revisit_every == 0:
            self.revisit()
        if self._model_active() and cfg.lonely_every and self.seq % cfg.lonely_every == 0:
            self.lonely_sweep()
        if self.seq % cfg.sweep_every == 0:
            self.sweep()


def assign(state: StreamClusterer, article: Article,
           annotations: Annotations | None = None) -> tuple[StreamClusterer, StoryAssignment]:
    """Functional spelling of ``state.assign``: the state is mutated in place and returned."""
    return state, state.assign(article, annotations)


def restore(data: dict[str, Any], config: ClusterConfig | None = None) -> StreamClusterer:
    """A clusterer holding the state a ``snapshot`` saved."""
    state = StreamClusterer(config)
    load_into(state, data)
    return state


def _join_model(embedder: str | None) -> join_model.JoinModel | None:
    """The packaged join model fitted with ``embedder``'s headline embeddings (the plain one for None)."""
    file = join_model.model_file(embedder)
    if embedder and not file.exists():
        raise ValueError(f"no join model fitted with embedder {embedder!r} ({file.name}; "
                         f"fit it with bench/train/join_model.py --embedder NAME)")
    return join_model.load(str(file))


def _named_embedder(name: str, cache_dir: str | None) -> Any:
    from ..embed.embedders import get_embedder

    return get_embedder(name, cache_dir)


def _auto_embedder(cache_dir: str | None = None) -> Any:
    """The ``static`` embedder when its extra is installed and its table loads (or can be built and cached), else
    None (no embedding evidence: the plain join model)."""
    from ..embed.embedders import get_embedder
    from ..errors import MissingExtra

    try:
        return get_embedder("static", cache_dir)
    except (MissingExtra, OSError):
        return None
