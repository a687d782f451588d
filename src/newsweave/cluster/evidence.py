"""The join decision's inputs: candidate stories ranked by centroid score, then the best few rescored by the join
model (``join.py``) from the evidence computed here (``join.FEATURES`` order), and the model's probabilities for
a member in a group of members (what the split and fragment repairs weigh)."""
from __future__ import annotations

import math
import re
from typing import Any

from .join import JoinModel
from .similarity import Similarity
from .state import Member, StoryState, agrees, core_names, differs, shadow_story, shift_shadow
from .vectors import top

has_digit = re.compile(r"\d").search  # whether a key holds a digit

Scored = list[tuple[StoryState, float]]


class JoinEvidence(Similarity):
    """Ranking of candidate stories for a query vector, by the join model once it is active."""

    model: JoinModel | None
    collect: bool  # compute join evidence even without a model (training)
    last_rows: list[tuple[str, float, tuple[float, ...]]]  # (story id, centroid score, evidence) of the last ranking

    def _model_active(self) -> bool:
        """The join model decides once the window holds enough documents for its idf-weighted evidence."""
        return self.model is not None and self.df.docs >= self.config.model_min_docs

    def _threshold(self) -> float:
        """The score the best candidate needs for a join: a probability with the model, else a centroid score."""
        return self.config.join_probability if self._model_active() else self.config.join_threshold

    def _score_candidates(self, query: dict[str, float], when: tuple[float, ...], year: str | None = None,
                          subjects: tuple[str, ...] = (), month: str | None = None,
                          exclude: StoryState | None = None, emb: Any = None, weekday: str | None = None) -> Scored:
        """Candidate stories for ``query``, best first: by the join model's probability when it is active (or
        rows are collected), else by centroid score times the time and conflict factors."""
        scored = self._centroid_scores(query, when, year, subjects, month, exclude)
        self.last_rows = []
        if not self.collect and not self._model_active():
            return scored
        top_few = scored[: self.config.model_candidates]
        return self._model_scores(top_few, query, when, year, subjects, month, emb, weekday)

    def _centroid_scores(self, query: dict[str, float], when: tuple[float, ...], year: str | None,
                         subjects: tuple[str, ...], month: str | None, exclude: StoryState | None) -> Scored:
        found = [s for s in self._candidates(query) if s is not exclude]
        scored = [(story, self._similarity(query, story) * self._time_factor(when, story)
                   * self._conflict_factor(year, subjects, month, story)) for story in found]
        scored.sort(key=lambda item: (-item[1], item[0].seq))
        return scored

    def _model_scores(self, top_few: Scored, query: dict[str, float], when: tuple[float, ...], year: str | None,
                      subjects: tuple[str, ...], month: str | None, emb: Any, weekday: str | None = None) -> Scored:
        """The model's probability (times the time factor) for each candidate, its best rival's centroid score
        as contrast; the evidence rows are kept in ``last_rows``."""
        rescored = []
        for i, (story, base) in enumerate(top_few):
            if base < self.config.model_min_score and not self.collect:
                rescored.append((story, 0.0))  # too little in common to be worth the evidence
                continue
            other = max((sc for j, (_, sc) in enumerate(top_few) if j != i), default=0.0)
            x = self._evidence(query, story, year, subjects, base, other, month, emb, weekday)
            self.last_rows.append((story.id, base, x))
            p = self.model.probability(x) if self._model_active() else base
            rescored.append((story, p * self._time_factor(when, story)))
        rescored.sort(key=lambda item: (-item[1], item[0].seq))
        return rescored

    # ------------------------------------------------------------------ evidence
    def _evidence(self, query: dict[str, float], story: StoryState, year: str | None,
                  subjects: tuple[str, ...], base: float, other: float, month: str | None = None,
                  emb: Any = None, weekday: str | None = None) -> tuple[float, ...]:
        """The join model's features (join.FEATURES order) for an article's query vector and one story."""
        size = len(story.members)
        cos_c = self._similarity(query, story)
        cosines = self._member_cosines(query, story)
        shared, ent_shared, ent_foreign, num_shared, num_foreign = _key_shares(query, story.kdf, size)
        core_hit = self._core_hit(query, story)
        with_year = sum(story.years.values()) / size
        subject_hit, subject_miss = self._subject_agreement(subjects, story)
        return (cos_c, max(cosines), sum(cosines) / len(cosines), shared,
                ent_shared, ent_foreign, num_shared, num_foreign,
                core_hit, float(agrees(year, story.years)), float(differs(year, story.years)),
                subject_hit, subject_miss, math.log(size), cos_c - other,
                1.0 - with_year if year is not None else 0.0, with_year if year is None else 0.0,
                float(agrees(month, story.months)), float(differs(month, story.months)),
                float(agrees(weekday, story.weekdays)), float(differs(weekday, story.weekdays)),
                _emb_cosine(emb, story.esum))

    def _member_cosines(self, query: dict[str, float], story: StoryState) -> list[float]:
        """Cosines of the query with the story's members (the founder and the latest when there are many)."""
        limit = self.config.model_members
        idf = self.df.idf_of()
        members = story.members
        if len(members) > limit:
            members = members[:1] + members[-(limit - 1):]
        weighted = [(k, v * idf(k)) for k, v in query.items()]
        cosines = []
        for m in members:
            vec = m.vector
            total = 0.0
            for k, w in weighted:
                c = vec.get(k)
                if c is not None:
                    total += w * c
            cosines.append(total / self._member_norm(m))
        return cosines

    def _core_hit(self, query: dict[str, float], story: StoryState) -> float:
        """Share of the story's core-key weight the query holds."""
        core = self._core_keys(story)
        core_total = sum(core.values()) or 1.0
        return sum(w for k, w in core.items() if k in query) / core_total

    def _core_keys(self, story: StoryState) -> dict[str, float]:
        """The story's heaviest tf-idf centroid keys (recomputed as the story grows, not at every join)."""
        size = len(story.members)
        if story.core is None or (size != story.core_at and (size <= 16 or size >= story.core_at * 1.25)):
            idf = self.df.idf_of()
            weights = {k: v * idf(k) for k, v in story.centroid.items()}
            story.core = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.core_keys])
            story.core_at = size
        return story.core

    def _subject_agreement(self, subjects: tuple[str, ...], story: StoryState) -> tuple[float, float]:
        """(hit, miss): whether one of the lede names is among the story's core names (0, 0 when either has none)."""
        if not subjects or not story.subjects:
            return 0.0, 0.0
        core = core_names(story.subjects, self.config.core_subjects)
        hit = any(name in core for name in subjects)
        return float(hit), float(not hit)

    # ------------------------------------------------------------------ members against groups
    def _probability(self, query: dict[str, float], member: Member, story: StoryState, score: float,
                     rival: float) -> float:
        """The join model's probability for a member's ``query`` in ``story`` (centroid score ``score``) against
        a rival candidate scoring ``rival``."""
        x = self._evidence(query, story, member.year, member.subjects, score, rival, member.month, member.emb,
                           member.weekday)
        return self.model.probability(x)

    def _placement(self, member: Member, other: StoryState, own: StoryState | None, both: bool = False
                   ) -> tuple[float, float]:
        """The join model's probabilities for ``member`` in its own shadow story ``own`` (taken out of it) and in
        ``other``, each scored with the other's centroid score as the rival's (as at a join).  Without ``own``
        the rival scores 0; the first probability is computed only when ``both`` (else 0)."""
        query = top(self._tfidf(member.vector), self.config.score_keys)
        s_other = self._similarity(query, other)
        s_own = p_own = 0.0
        if own is not None:
            shift_shadow(own, member, -1)
            s_own = self._similarity(query, own)
            if both:
                p_own = self._probability(query, member, own, s_own, s_other)
            shift_shadow(own, member, 1)
        return p_own, self._probability(query, member, other, s_other, s_own)

    def _cross_probability(self, stay: list[Member], leave: list[Member]) -> float:
        """Mean probability the join model gives each half's members (founder and latest) for the other half,
        with the member's own half (without it) as the rival candidate, as at a join: the ``contrast`` evidence
        then weighs the other half against the member's own (``split_rival`` False: no rival, and siblings look
        like one story)."""
        cfg = self.config
        total = count = 0.0
        for group, other in ((stay, leave), (leave, stay)):
            shadow = shadow_story(other)
            own = shadow_story(group) if cfg.split_rival and len(group) > 1 else None
            if len(group) > cfg.split_members:
                group = group[:1] + group[-(cfg.split_members - 1):]
            for member in group:
                total += self._placement(member, shadow, own)[1]
                count += 1
        return total / count


def _key_shares(query: dict[str, float], kdf: dict[str, int], size: int) -> tuple[float, float, float, float, float]:
    """The query's squared weight on keys the story's members hold (by the share holding each), then over names
    and over numbers: the share held and the share no member holds."""
    shared = ent_mass = ent_shared = ent_foreign = num_mass = num_shared = num_foreign = 0.0
    for k, v in query.items():
        share = kdf.get(k, 0) / size
        mass = v * v
        shared += mass * share
        if k.startswith("e:"):
            ent_mass += mass
            ent_shared += mass * share
            if not share:
                ent_foreign += mass
        elif has_digit(k) and not k.startswith(("y:", "t:")):
            num_mass += mass
            num_shared += mass * share
            if not share:
                num_foreign += mass
    return (shared, ent_shared / ent_mass if ent_mass else 0.0, ent_foreign / ent_mass if ent_mass else 0.0,
            num_shared / num_mass if num_mass else 0.0, num_foreign / num_mass if num_mass else 0.0)


def _emb_cosine(emb: Any, esum: Any) -> float:
    """Cosine of an article's embedding with a story's summed member embeddings (0 when either is missing)."""
    if emb is None or esum is None:
        return 0.0
    norm = float(esum @ esum) ** 0.5
    return float(emb @ esum) / norm if norm > 1e-9 else 0.0
