"""Lexical scoring over the window: candidate stories from the postings index, tf-idf cosines with a story's
centroid and members, and the factors that discount a score: the time gap, and conflicting specifics (another
main year or month, lede names foreign to the story)."""
from __future__ import annotations

import math

from .state import Member, StoryState, core_names, differs, main_value
from .vectors import dot
from .window import Window


class Similarity(Window):
    """Scores of an article's query vector (or of a story) against the window's stories."""

    def _candidates(self, query: dict[str, float]) -> list[StoryState]:
        """The stories posted under the query's heaviest keys, most hits first."""
        cfg = self.config
        hits: dict[str, float] = {}
        top = sorted(query.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.query_keys]
        for key, weight in top:
            posting = self.postings.get(key)
            if not posting or len(posting) > cfg.max_posting:
                continue
            for story_id in posting:
                hits[story_id] = hits.get(story_id, 0.0) + weight
        best = sorted(hits.items(), key=lambda kv: (-kv[1], self.stories[kv[0]].seq))[: cfg.candidates]
        return [self.stories[i] for i, _ in best]

    def _similarity(self, query: dict[str, float], story: StoryState) -> float:
        """Cosine of ``query`` with the story's tf-idf centroid (refreshing the cached norm when stale)."""
        idf = self.df.idf_of()
        centroid = story.centroid
        if story.stale or self._drifted(story.norm_docs):
            story.norm2 = sum((v * idf(k)) ** 2 for k, v in centroid.items())
            story.stale = False
            story.norm_docs = self.df.docs
        story.norm = math.sqrt(max(story.norm2, 1e-12))
        total = 0.0
        for key, value in query.items():
            c = centroid.get(key)
            if c is not None:
                total += value * c * idf(key)
        return total / story.norm

    def _similarity_without(self, query: dict[str, float], story: StoryState, member: Member) -> float:
        """Cosine of query with the story's centroid minus one member, computed over the member's keys."""
        idf = self.df.idf_of()
        self._similarity(query, story)  # refreshes the cached norm
        centroid = story.centroid
        norm2 = story.norm ** 2
        for key, value in member.vector.items():
            w = idf(key)
            c = centroid.get(key, 0.0)
            norm2 += ((c - value) ** 2 - c * c) * w * w
        total = 0.0
        for key, value in query.items():
            c = centroid.get(key, 0.0) - member.vector.get(key, 0.0)
            if c > 0:
                total += value * c * idf(key)
        return total / math.sqrt(norm2) if norm2 > 1e-12 else 0.0

    def _member_norm(self, member: Member) -> float:
        """Norm of the member's tf-idf vector (recomputed when idf has drifted)."""
        if self._drifted(member.tnorm_docs):
            idf = self.df.idf_of()
            member.tnorm = math.sqrt(sum((v * idf(k)) ** 2 for k, v in member.vector.items())) or 1.0
            member.tnorm_docs = self.df.docs
        return member.tnorm

    def _related(self, story: StoryState, centre: dict[str, float]) -> tuple[str, ...]:
        """Ids of the stories of the window close to ``story`` (tf-idf centroid ``centre``) without being it: at
        least ``related_similarity`` after the time decay between them, the closest ``related_limit`` first.  The
        same thread (shared participants and topic), another event: linked, not merged."""
        cfg = self.config
        scored = []
        for other in self._candidates(centre):
            if other is story:
                continue
            score = dot(centre, self._tfidf(other.centroid)) * self._span_factor(story, other)
            if score >= cfg.related_similarity:
                scored.append((score, other.seq, other.id))
        return tuple(i for _, _, i in sorted(scored, key=lambda t: (-t[0], t[1]))[: cfg.related_limit])

    def _centroid_similarity(self, a: StoryState, b: StoryState) -> float:
        """Cosine of two stories' centroids, discounted by their time gap and conflicting specifics."""
        va = self._tfidf(a.centroid)
        vb = self._tfidf(b.centroid)
        return dot(va, vb) * self._span_factor(a, b) * self._story_conflict(a, b)

    # ------------------------------------------------------------------ discount factors
    def _time_factor(self, when: tuple[float, ...], story: StoryState) -> float:
        """Decay for the gap between the article's time anchors ``when`` and the nearest of the story's (1 when
        either has none)."""
        first, last = story.anchors()
        if not when or first is None:
            return 1.0
        return self._decay(min(max(0.0, first - day, day - last) for day in when))

    def _span_factor(self, a: StoryState, b: StoryState) -> float:
        """Decay for the gap between two stories' time anchors."""
        (a_first, a_last), (b_first, b_last) = a.anchors(), b.anchors()
        if a_first is None or b_first is None:
            return 1.0
        return self._decay(max(0.0, a_first - b_last, b_first - a_last))

    def _decay(self, gap: float) -> float:
        """Score factor for a gap in days: 1 within a day, then exponential decay over time_scale_days."""
        return math.exp(-max(0.0, gap - 1.0) / self.config.time_scale_days)

    def _conflict_factor(self, year: str | None, subjects: tuple[str, ...], month: str | None,
                         story: StoryState) -> float:
        """Penalise conflicting specifics: another main year or month, or lede names foreign to the story."""
        cfg = self.config
        factor = 1.0
        if differs(year, story.years):
            factor *= cfg.year_penalty
        if differs(month, story.months):
            factor *= cfg.month_penalty
        if subjects and story.subjects:
            core = core_names(story.subjects, cfg.core_subjects)
            if not any(name in core for name in subjects):
                factor *= cfg.subject_penalty
        return factor

    def _story_conflict(self, a: StoryState, b: StoryState) -> float:
        """The conflict factor between two stories: main years and months and core lede names compared."""
        cfg = self.config
        factor = 1.0
        if a.years and b.years and main_value(a.years) != main_value(b.years):
            factor *= cfg.year_penalty
        if a.months and b.months and main_value(a.months) != main_value(b.months):
            factor *= cfg.month_penalty
        if a.subjects and b.subjects:
            core_a = core_names(a.subjects, cfg.core_subjects)
            if not any(k in core_a for k in core_names(b.subjects, cfg.core_subjects)):
                factor *= cfg.subject_penalty
        return factor
