"""Online clustering of an article stream into stories.

Each article is scored against the stories of the active window that share its most informative keys
(inverted index).  The best few candidates by centroid score are then judged by the learned join model
(``join.py``: lexical cosines, shared and foreign names and numbers, year/month and lede-name agreement or clash,
story size, and the cosine of the article's headline embedding with the story's mean one when an embedder is
configured: by default the torch-free ``static`` one when the ``onnx`` extra is installed); the article joins the
most probable story when the probability (times the time decay) reaches ``join_probability``, or starts a new
story.  Before the window holds ``model_min_docs`` documents (or without the model file) the older rule applies:
the centroid score against ``join_threshold``.
Repairs: stories that the new member bridges are merged; a story whose members fall into two distinct groups is
split (a wrong early merge repaired without reprocessing): halves whose vectors differ and that the model keeps
apart, or halves (by 2-means, by the numbers and years they name, or by the story's main year; refined by the model
when close) whose members the model places in their own half and not in the other; with the model, a split is made
along its halves refined by the model, and only when these still pass (a settled split), and then a member whose
lead name most of the other half names in their ledes, and few of its own, moves across (``_lead_moves``); young
small stories are revisited at fixed ages, and small neighbours of a story reaching a gather size are looked at,
and folded into a story the model now places their members in, and a larger neighbour is merged with it when the
model places the members of each in the other (over-splitting repaired); a few one-article stories, round robin,
get another look every few arrivals (the lonely sweep).  State is deterministic for
a given input order and can be snapshotted to a dict and restored.
"""
from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from ..config import ClusterConfig
from ..models import Annotations, Article, Story, content_hash
from . import features as feat
from . import join as join_model
from .vectors import DocFreq, add_into, dot, subtract_into, unit


@dataclass(frozen=True)
class StoryAssignment:
    article_id: str
    story_id: str
    score: float
    created: bool
    merged: tuple[str, ...] = ()  # story ids folded into story_id by this assignment
    split: tuple[str, ...] = ()  # story ids split off by a repair


@dataclass
class Member:
    article_id: str
    vector: dict[str, float]  # unit raw weights (idf applied at scoring time)
    index_keys: tuple[str, ...]
    day: float | None
    title: str
    entities: tuple[str, ...]
    score: float
    seq: int
    year: str | None = None
    subjects: tuple[str, ...] = ()
    month: str | None = None
    tnorm: float = 1.0  # norm of the member's tf-idf vector (member cosines use it) ...
    tnorm_docs: int = 0  # ... computed when the window held this many documents
    emb: Any = field(default=None, compare=False)  # headline embedding (numpy float32, float16 precision) or None


@dataclass
class StoryState:
    id: str
    seq: int  # arrival number of the first member: older stories win ties
    members: list[Member] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)
    norm: float = 0.0
    norm2: float = 0.0
    stale: bool = True
    norm_docs: int = 0  # window size (documents) when the norm was last computed in full
    updates: int = 0
    last_seq: int = 0
    checked_at: int = 0
    years: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    subjects: dict[str, int] = field(default_factory=dict)
    kdf: dict[str, int] = field(default_factory=dict)  # members holding each key
    core: dict[str, float] | None = None  # cached core keys (tf-idf weight); None when to recompute
    core_at: int = 0
    esum: Any = field(default=None, compare=False)  # sum of the members' embeddings (None while none has one)

    span: tuple[float | None, float | None] | None = None  # cached (first, last); None when stale

    def _span(self) -> tuple[float | None, float | None]:
        if self.span is None:
            days = [m.day for m in self.members if m.day is not None]
            self.span = (min(days), max(days)) if days else (None, None)
        return self.span

    @property
    def first(self) -> float | None:
        return self._span()[0]

    @property
    def last(self) -> float | None:
        return self._span()[1]


class StreamClusterer:
    """Mutable clustering state over the active window; ``assign`` is the one entry point per article."""

    def __init__(self, config: ClusterConfig | None = None):
        self.config = config or ClusterConfig()
        self.df = DocFreq()
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[str, dict[str, None]] = {}
        self.where: dict[str, str] = {}  # article id -> story id (active window only)
        self.seq = 0
        self.clock: float | None = None
        self.dirty: dict[str, None] = {}
        self.removed: dict[str, None] = {}
        self.closed: dict[str, Story] = {}  # records of stories that left the window since take_changes
        self.model = None
        name = self.config.embedder
        self.embedder = _auto_embedder(self.config.cache_dir) if name == "auto" else None
        if name == "auto":
            name = self.embedder.name if self.embedder is not None else None
        if self.config.use_model:
            file = join_model.model_file(name)
            if name and not file.exists():
                raise ValueError(f"no join model fitted with embedder {name!r} ({file.name}; "
                                 f"fit it with bench/train/join_model.py --embedder NAME)")
            self.model = join_model.load(str(file))
        if name and self.embedder is None:
            from ..embed.embedders import get_embedder

            self.embedder = get_embedder(name, self.config.cache_dir)
        self.young: dict[str, int] = {}  # stories started lately (id -> seq), in arrival order, for revisit
        self.lonely: dict[str, None] = {}  # one-article stories, longest unchecked first, for the lonely sweep
        self.collect = False  # compute join evidence even without a model (training)
        self.last_rows: list[tuple[str, float, tuple[float, ...]]] = []

    # ------------------------------------------------------------------ public
    def assign(self, article: Article, annotations: Annotations | None = None) -> StoryAssignment:
        return self.assign_features(feat.extract(article, annotations, self.embedder))

    def assign_features(self, features: feat.Features) -> StoryAssignment:
        features = self._embedded(features)
        if features.article_id in self.where:
            story = self.stories[self.where[features.article_id]]
            member = next(m for m in story.members if m.article_id == features.article_id)
            return StoryAssignment(features.article_id, story.id, member.score, False)
        query, ranked = self._arrive(features)
        threshold = self._threshold()
        best, score = ranked[0] if ranked else (None, 0.0)
        joins = best is not None and score >= threshold
        member = self._member(features, query, score if joins else 1.0)
        if not joins:
            story = self._new_story(member)
            assignment = StoryAssignment(features.article_id, story.id, 1.0, True)
        else:
            story = best
            self._add_member(story, member)
            bridge = self.config.bridge_probability if self._model_active() else threshold
            bridged = [s for s, sc in ranked[1:] if sc >= bridge]
            merged = self._merge_bridged(story, bridged)
            split = self._maybe_split(self.stories[self.where[features.article_id]])
            merged += self._gather(self.stories[self.where[features.article_id]])
            assignment = StoryAssignment(features.article_id, self.where[features.article_id], score, False,
                                         merged, split)
        if self._model_active() and self.config.revisit_every and self.seq % self.config.revisit_every == 0:
            self.revisit()
        if self._model_active() and self.config.lonely_every and self.seq % self.config.lonely_every == 0:
            self.lonely_sweep()
        if self.seq % self.config.sweep_every == 0:
            self.sweep()
        return assignment

    def _embedded(self, features: feat.Features) -> feat.Features:
        """Features extracted without this clusterer's embedder get their headline embedded here."""
        if self.embedder is None or features.embedding is not None:
            return features
        return replace(features, embedding=self.embedder.encode([features.title])[0])

    def revisit(self) -> list[str]:
        """Repair over-splitting: a young small story whose members the model now places, on average, in another
        story (grown since they arrived) is folded into it (a one-article story at a lower bar,
        ``revisit_single_probability``); return the ids of the stories folded away."""
        cfg = self.config
        step, ages = cfg.revisit_every, cfg.revisit_ages
        for story_id, seq in list(self.young.items()):
            if self.seq - seq >= ages[-1] + step or story_id not in self.stories:
                del self.young[story_id]
        young = [self.stories[i] for i, seq in self.young.items() if i in self.stories
                 and len(self.stories[i].members) <= cfg.revisit_size
                 and any(self.seq - seq - step < a <= self.seq - seq for a in ages)]
        folded = []
        for story in sorted(young, key=lambda s: s.seq):
            if story.id not in self.stories:
                continue
            found = self._revisit_target(story)
            bar = cfg.revisit_single_probability if len(story.members) == 1 else cfg.revisit_probability
            if found is None or found[1] < bar:
                continue
            self._absorb(found[0], story)  # the small story moves (cost bounded by revisit_size)
            folded.append(story.id)
        return folded

    def lonely_sweep(self) -> list[str]:
        """Repair early decisions at a flat cost: the ``lonely_batch`` one-article stories longest unchecked
        (round robin) are folded into the story the model now places their article in with at least
        ``lonely_probability``; return the ids of the stories folded away."""
        cfg = self.config
        folded = []
        for _ in range(min(cfg.lonely_batch, len(self.lonely))):
            story_id = next(iter(self.lonely))
            del self.lonely[story_id]
            story = self.stories.get(story_id)
            if story is None or len(story.members) != 1:
                continue
            found = self._revisit_target(story)
            if found is None or found[1] < cfg.lonely_probability:
                self.lonely[story_id] = None  # back of the queue
                continue
            self._absorb(found[0], story)
            folded.append(story_id)
        return folded

    def _gather(self, story: StoryState) -> tuple[str, ...]:
        """Merge repair: when ``story`` reaches one of ``gather_sizes``, fold in the small neighbour stories
        (fragments that started before it grew) whose members the model now places in it, and merge it with a
        larger neighbour the model no longer keeps apart from it (``_one_story``); return the ids folded away."""
        cfg = self.config
        if cfg.gather_probability > 1.0 or not self._model_active() or len(story.members) not in cfg.gather_sizes:
            return ()
        centre = self._tfidf(story.centroid)
        near = [s for s in self._candidates(centre) if s is not story][:cfg.gather_neighbours]
        folded = []
        for fragment in sorted(near, key=lambda s: s.seq):
            if len(fragment.members) <= cfg.revisit_size:
                found = self._revisit_target(fragment)
                if found is None or found[0] is not story or found[1] < cfg.gather_probability:
                    continue
                keep, gone = story, fragment
            elif (dot(centre, self._tfidf(fragment.centroid)) >= cfg.fragment_similarity
                  and self._one_story(story, fragment)):
                keep, gone = (story, fragment) if story.seq <= fragment.seq else (fragment, story)
            else:
                continue
            self._absorb(keep, gone)
            folded.append(gone.id)
            story = keep
        return tuple(folded)

    def _one_story(self, a: StoryState, b: StoryState) -> bool:
        """Whether two stories are fragments of one: the split test read the other way round (the model places
        their members in the other story, with their own as the rival, with a mean probability of at least
        ``fragment_probability``)."""
        bar = self.config.fragment_probability
        if bar > 1.0:
            return False
        members = [sorted(s.members, key=lambda m: m.seq) for s in (a, b)]
        return self._cross_probability(*members) >= bar

    def _revisit_target(self, story: StoryState) -> tuple[StoryState, float] | None:
        """The story the model places ``story``'s members in, with their mean probability for it (None when
        no candidate)."""
        cfg = self.config
        totals: dict[str, float] = {}
        targets: dict[str, StoryState] = {}
        for member in story.members:
            query = _top(self._tfidf(member.vector), cfg.score_keys)
            for target, p in self._score_candidates(query, member.day, member.year, member.subjects,
                                                    member.month, exclude=story, emb=member.emb):
                totals[target.id] = totals.get(target.id, 0.0) + p
                targets[target.id] = target
        if not totals:
            return None
        best = min(totals, key=lambda i: (-totals[i], targets[i].seq))
        return targets[best], totals[best] / len(story.members)

    def _arrive(self, features: feat.Features) -> tuple[dict[str, float], list[tuple[StoryState, float]]]:
        """Count the article in (clock, document frequencies) and rank the candidate stories for it."""
        self.seq += 1
        if features.day is not None:
            self.clock = features.day if self.clock is None else max(self.clock, features.day)
        self.df.add(features.weights)
        query = self._tfidf(features.weights)
        ranked = self._score_candidates(_top(query, self.config.score_keys), features.day,
                                        features.year, features.subjects, features.month,
                                        emb=features.embedding)
        return query, ranked

    def _model_active(self) -> bool:
        """The join model decides once the window holds enough documents for its idf-weighted evidence."""
        return self.model is not None and self.df.docs >= self.config.model_min_docs

    def _threshold(self) -> float:
        return self.config.join_probability if self._model_active() else self.config.join_threshold

    def force(self, features: feat.Features, story_id: str | None
              ) -> tuple[list[tuple[str, float, tuple[float, ...]]], str]:
        """Training aid: place the article in ``story_id`` (a new story when None or unknown) whatever the
        scores say; return the evidence rows (story id, centroid score, join features) it was ranked with."""
        features = self._embedded(features)
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

    # ------------------------------------------------------------------ scoring
    def _tfidf(self, weights: dict[str, float]) -> dict[str, float]:
        idf = self.df.idf_of()
        return unit({k: v * idf(k) for k, v in weights.items()})

    def _score_candidates(self, query: dict[str, float], day: float | None, year: str | None = None,
                          subjects: tuple[str, ...] = (), month: str | None = None,
                          exclude: StoryState | None = None, emb: Any = None) -> list[tuple[StoryState, float]]:
        found = [s for s in self._candidates(query) if s is not exclude]
        scored = [(story, self._similarity(query, story) * self._time_factor(day, story)
                   * self._conflict_factor(year, subjects, month, story)) for story in found]
        scored.sort(key=lambda item: (-item[1], item[0].seq))
        self.last_rows = []
        if not self.collect and not self._model_active():
            return scored
        top = scored[: self.config.model_candidates]
        rescored = []
        for i, (story, base) in enumerate(top):
            if base < self.config.model_min_score and not self.collect:
                rescored.append((story, 0.0))  # too little in common to be worth the evidence
                continue
            other = max((sc for j, (_, sc) in enumerate(top) if j != i), default=0.0)
            x = self._evidence(query, story, year, subjects, base, other, month, emb)
            self.last_rows.append((story.id, base, x))
            p = self.model.probability(x) if self._model_active() else base
            rescored.append((story, p * self._time_factor(day, story)))
        rescored.sort(key=lambda item: (-item[1], item[0].seq))
        return rescored

    def _evidence(self, query: dict[str, float], story: StoryState, year: str | None,
                  subjects: tuple[str, ...], base: float, other: float, month: str | None = None,
                  emb: Any = None) -> tuple[float, ...]:
        """The join model's features (join.FEATURES order) for an article's query vector and one story."""
        cfg = self.config
        idf = self.df.idf_of()
        size = len(story.members)
        kdf = story.kdf
        cos_c = self._similarity(query, story)
        members = story.members
        if len(members) > cfg.model_members:
            members = members[:1] + members[-(cfg.model_members - 1):]
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
            elif _has_digit(k) and not k.startswith(("y:", "t:")):
                num_mass += mass
                num_shared += mass * share
                if not share:
                    num_foreign += mass
        core = self._core(story)
        core_total = sum(core.values()) or 1.0
        core_hit = sum(w for k, w in core.items() if k in query) / core_total
        year_agree = float(year is not None and bool(story.years) and _main(story.years) == year)
        year_clash = float(_differs(year, story.years))
        with_year = sum(story.years.values()) / size
        subject_hit = subject_miss = 0.0
        if subjects and story.subjects:
            core_names = _core(story.subjects, cfg.core_subjects)
            hit = any(name in core_names for name in subjects)
            subject_hit, subject_miss = float(hit), float(not hit)
        return (cos_c, max(cosines), sum(cosines) / len(cosines), shared,
                ent_shared / ent_mass if ent_mass else 0.0, ent_foreign / ent_mass if ent_mass else 0.0,
                num_shared / num_mass if num_mass else 0.0, num_foreign / num_mass if num_mass else 0.0,
                core_hit, year_agree, year_clash, subject_hit, subject_miss, math.log(size), cos_c - other,
                1.0 - with_year if year is not None else 0.0, with_year if year is None else 0.0,
                float(month is not None and bool(story.months) and _main(story.months) == month),
                float(_differs(month, story.months)), _emb_cosine(emb, story.esum))

    def _drifted(self, docs: int) -> bool:
        """Whether idf has drifted since a norm was computed over ``docs`` documents (window grew or shrank
        by more than a quarter): early in a stream idf changes fast and stale norms inflate cosines."""
        now = self.df.docs
        return abs(now - docs) > 0.25 * docs + 2

    def _member_norm(self, member: Member) -> float:
        if self._drifted(member.tnorm_docs):
            idf = self.df.idf_of()
            member.tnorm = math.sqrt(sum((v * idf(k)) ** 2 for k, v in member.vector.items())) or 1.0
            member.tnorm_docs = self.df.docs
        return member.tnorm

    def _core(self, story: StoryState) -> dict[str, float]:
        """The story's heaviest tf-idf centroid keys (recomputed as the story grows, not at every join)."""
        size = len(story.members)
        if story.core is None or (size != story.core_at and (size <= 16 or size >= story.core_at * 1.25)):
            idf = self.df.idf_of()
            weights = {k: v * idf(k) for k, v in story.centroid.items()}
            story.core = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.core_keys])
            story.core_at = size
        return story.core

    def _candidates(self, query: dict[str, float]) -> list[StoryState]:
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

    def _conflict_factor(self, year: str | None, subjects: tuple[str, ...], month: str | None,
                         story: StoryState) -> float:
        """Penalise conflicting specifics: another main year or month, or lede names foreign to the story."""
        cfg = self.config
        factor = 1.0
        if _differs(year, story.years):
            factor *= cfg.year_penalty
        if _differs(month, story.months):
            factor *= cfg.month_penalty
        if subjects and story.subjects:
            core = _core(story.subjects, cfg.core_subjects)
            if not any(name in core for name in subjects):
                factor *= cfg.subject_penalty
        return factor

    def _time_factor(self, day: float | None, story: StoryState) -> float:
        first, last = story.first, story.last
        if day is None or first is None:
            return 1.0
        return self._decay(max(0.0, first - day, day - last))

    def _decay(self, gap: float) -> float:
        """Score factor for a gap in days: 1 within a day, then exponential decay over time_scale_days."""
        return math.exp(-max(0.0, gap - 1.0) / self.config.time_scale_days)

    def _centroid_similarity(self, a: StoryState, b: StoryState) -> float:
        va = self._tfidf(a.centroid)
        vb = self._tfidf(b.centroid)
        return dot(va, vb) * self._span_factor(a, b) * self._story_conflict(a, b)

    def _story_conflict(self, a: StoryState, b: StoryState) -> float:
        """The conflict factor between two stories: main years and core lede names compared."""
        cfg = self.config
        factor = 1.0
        if a.years and b.years and _main(a.years) != _main(b.years):
            factor *= cfg.year_penalty
        if a.months and b.months and _main(a.months) != _main(b.months):
            factor *= cfg.month_penalty
        if a.subjects and b.subjects:
            core_a = _core(a.subjects, cfg.core_subjects)
            if not any(k in core_a for k in _core(b.subjects, cfg.core_subjects)):
                factor *= cfg.subject_penalty
        return factor

    def _span_factor(self, a: StoryState, b: StoryState) -> float:
        if a.first is None or b.first is None:
            return 1.0
        return self._decay(max(0.0, a.first - b.last, b.first - a.last))

    # ------------------------------------------------------------------ membership
    def _member(self, features: feat.Features, query: dict[str, float], score: float) -> Member:
        keys = sorted(query.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.index_keys]
        vector = unit(features.weights)
        idf = self.df.idf_of()
        tnorm = math.sqrt(sum((v * idf(k)) ** 2 for k, v in vector.items())) or 1.0
        return Member(features.article_id, vector, tuple(k for k, _ in keys), features.day,
                      features.title, features.entities, round(float(score), 4), self.seq,
                      features.year, features.subjects, features.month, tnorm, self.df.docs,
                      _f16(features.embedding))

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

    def _add_member(self, story: StoryState, member: Member) -> None:
        story.members.append(member)
        if len(story.members) == 2:
            self.lonely.pop(story.id, None)
        story.span = None
        self._shift_norm(story, member.vector, 1.0)
        add_into(story.centroid, member.vector)
        story.last_seq = self.seq
        _count(story.years, (member.year,) if member.year else (), 1)
        _count(story.months, (member.month,) if member.month else (), 1)
        _count(story.subjects, member.subjects, 1)
        _count(story.kdf, member.vector, 1)
        _shift_emb(story, member, 1)
        story.core = story.core if story.core_at > 16 else None
        for key in member.index_keys:
            story.keys[key] = story.keys.get(key, 0) + 1
            self.postings.setdefault(key, {})[story.id] = None
        self.where[member.article_id] = story.id
        self.dirty[story.id] = None

    def _remove_member(self, story: StoryState, member: Member) -> None:
        story.members.remove(member)
        story.span = None
        self._shift_norm(story, member.vector, -1.0)
        subtract_into(story.centroid, member.vector)
        _count(story.years, (member.year,) if member.year else (), -1)
        _count(story.months, (member.month,) if member.month else (), -1)
        _count(story.subjects, member.subjects, -1)
        _count(story.kdf, member.vector, -1)
        _shift_emb(story, member, -1)
        story.core = None
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
        self.where.pop(member.article_id, None)
        self.dirty[story.id] = None

    def _drop_story(self, story: StoryState) -> None:
        for member in list(story.members):
            self._remove_member(story, member)
        del self.stories[story.id]
        self.lonely.pop(story.id, None)
        self.dirty.pop(story.id, None)
        self.removed[story.id] = None

    # ------------------------------------------------------------------ merge and split
    def _merge_bridged(self, story: StoryState, others: list[StoryState],
                       threshold: float | None = None) -> tuple[str, ...]:
        """Fold into ``story`` every candidate now as similar to it as members of one story are."""
        threshold = self.config.merge_threshold if threshold is None else threshold
        merged = []
        for other in others:
            if other.id not in self.stories or other is story:
                continue
            if self._centroid_similarity(story, other) < threshold:
                continue
            keep, gone = (story, other) if story.seq <= other.seq else (other, story)
            self._absorb(keep, gone)
            merged.append(gone.id)
            story = keep
        return tuple(merged)

    def _absorb(self, keep: StoryState, gone: StoryState) -> None:
        moving = sorted(gone.members, key=lambda m: m.seq)
        self._drop_story(gone)
        for member in moving:
            self._add_member(keep, member)
        keep.members.sort(key=lambda m: m.seq)
        keep.last_seq = self.seq

    def _maybe_split(self, story: StoryState) -> tuple[str, ...]:
        """Repair: at growing sizes, 2-means the members; split when the halves are about different things."""
        size = len(story.members)
        if size < 4 or size < story.checked_at * self.config.split_growth:
            return ()
        story.checked_at = size
        self._reassign_members(story)
        if story.id not in self.stories or len(story.members) < 4:
            return ()
        groups = self._split_groups(story)
        if groups is None:
            return ()
        stay, leave = groups
        first = min(leave, key=lambda m: m.seq)
        new = StoryState(id=self._fresh_id(first.article_id), seq=first.seq)
        self.stories[new.id] = new
        self.young[new.id] = new.seq
        for member in sorted(leave, key=lambda m: m.seq):
            self._remove_member(story, member)
            self._add_member(new, member)
        self._lead_moves(story, new)
        self._lead_moves(new, story)
        new.checked_at = len(new.members)
        story.checked_at = len(story.members)
        return (new.id,)

    def _lead_moves(self, source: StoryState, target: StoryState) -> None:
        """Repair after a split: a member of ``source`` whose lead name (its most mentioned lede name) most of
        ``target``'s members name in their ledes, and few of its own story, moves to ``target`` when the model
        places it there (reports of a sibling event about another person left on the wrong side)."""
        cfg = self.config
        if cfg.lead_share > 1.0 or len(target.members) < cfg.lead_min_members or not self._model_active():
            return
        for member in sorted(source.members, key=lambda m: m.seq)[1:]:
            if not member.subjects or len(source.members) < 2:
                continue
            lead = member.subjects[0]
            own = (source.subjects.get(lead, 0) - 1) / (len(source.members) - 1)
            other = target.subjects.get(lead, 0) / len(target.members)
            if other < cfg.lead_share or own > cfg.lead_own_share:
                continue
            if self._placement(member, target, None)[1] < cfg.join_probability:
                continue
            self._remove_member(source, member)
            self._add_member(target, member)
            target.members.sort(key=lambda m: m.seq)

    def _reassign_members(self, story: StoryState) -> None:
        """Repair: move members that now fit a neighbouring story clearly better than their own."""
        neighbours = [s for s in self._candidates(self._tfidf(story.centroid)) if s is not story][:4]
        if not neighbours:
            return
        if self.config.neighbour_merge_threshold < 1.0:
            self._merge_bridged(story, neighbours, self.config.neighbour_merge_threshold)
            if story.id not in self.stories:
                return
            neighbours = [s for s in neighbours if s.id in self.stories and s is not story]
            if not neighbours:
                return
        for member in sorted(story.members, key=lambda m: m.seq)[1:]:
            query = self._tfidf(member.vector)
            own = self._similarity_without(query, story, member)
            best = max(neighbours, key=lambda s: (self._similarity(query, s), -s.seq))
            if self._similarity(query, best) > own + self.config.move_margin:
                self._remove_member(story, member)
                self._add_member(best, member)
                best.members.sort(key=lambda m: m.seq)

    def _split_groups(self, story: StoryState) -> tuple[list[Member], list[Member]] | None:
        """The two halves to split ``story`` into, or None: the 2-means halves when they are about different
        things (and, with the model, kept apart by it); else, with the model, the halves ``_model_split`` finds.
        With the model, a split is settled (``_settle``) before it is made."""
        cfg = self.config
        groups = self._two_means(story)
        if groups is not None and min(map(len, groups)) >= 2 and (
                dot(self._group_vector(groups[0]), self._group_vector(groups[1])) < cfg.split_threshold):
            if cfg.vector_split_probability >= 1.0 or not self._model_active():
                return groups
            if self._cross_probability(*groups) < cfg.vector_split_probability:
                return self._settle(groups, cfg.vector_split_probability, 2)
        if not cfg.split_probability or not self._model_active():
            return None
        found = self._model_split(story, groups)
        return None if found is None else self._settle(found, cfg.split_probability, cfg.split_min_half)

    def _settle(self, halves: tuple[list[Member], list[Member]], bar: float, min_half: int
                ) -> tuple[list[Member], list[Member]] | None:
        """The halves a split that passed is made along: refined by the model, when they still hold
        ``min_half`` members each and pass ``bar``; None when they do not (``split_settle`` off: as proposed)."""
        if not self.config.split_settle:
            return halves
        refined = self._refine_halves(halves)
        if refined is None or min(map(len, refined)) < min_half or self._cross_probability(*refined) >= bar:
            return None
        return refined

    def _model_split(self, story: StoryState, groups: tuple[list[Member], list[Member]] | None
                     ) -> tuple[list[Member], list[Member]] | None:
        """With the model: whichever halves (2-means ``groups``, by the numbers and years the members name, by the
        main year) the model keeps apart best, when it places their members in the other half with a mean
        probability below ``split_probability`` (refined first when close); None when none does."""
        cfg = self.config
        best, lowest = None, cfg.split_probability
        proposals = [groups, self._number_halves(story)]
        if cfg.split_year_halves:
            proposals.append(self._year_halves(story))
        scored = []
        for halves in proposals:
            if halves is None or min(map(len, halves)) < cfg.split_min_half:
                continue
            scored.append((self._cross_probability(*halves), halves))
        if scored:
            p, halves = min(scored, key=lambda item: item[0])
            if p < lowest:
                best, lowest = halves, p
            elif cfg.split_refine and p < cfg.split_refine_gate:
                refined = self._refine_halves(halves)
                if refined is not None and min(map(len, refined)) >= cfg.split_min_half:
                    p = self._cross_probability(*refined)
                    if p < lowest:
                        best, lowest = refined, p
        return best

    def _refine_halves(self, halves: tuple[list[Member], list[Member]]
                       ) -> tuple[list[Member], list[Member]] | None:
        """Model-driven 2-means: each member goes to the half the join model places it in (its own half without
        it as the rival of the other, and the other way round), a few rounds; the founder's half stays first."""
        cfg = self.config
        stay, leave = list(halves[0]), list(halves[1])
        founder = min(stay, key=lambda m: m.seq)
        for _ in range(cfg.split_refine):
            if not stay or not leave:
                return None
            shadows = (self._shadow(stay), self._shadow(leave))
            sides = []
            for side, group in enumerate((stay, leave)):
                own, other = shadows[side], shadows[1 - side]
                for member in group:
                    if member is founder or len(group) == 1:
                        sides.append((member, side))
                        continue
                    p_own, p_other = self._placement(member, other, own, both=True)
                    sides.append((member, 1 - side if p_other > p_own else side))
            new_stay = sorted((m for m, side in sides if side == 0), key=lambda m: m.seq)
            new_leave = sorted((m for m, side in sides if side == 1), key=lambda m: m.seq)
            if new_stay == stay and new_leave == leave:
                break
            stay, leave = new_stay, new_leave
        if not stay or not leave:
            return None
        return stay, leave

    def _cross_probability(self, stay: list[Member], leave: list[Member]) -> float:
        """Mean probability the join model gives each half's members (founder and latest) for the other half,
        with the member's own half (without it) as the rival candidate, as at a join: the model's ``contrast``
        evidence then weighs the other half against the member's own (without a rival, ``split_rival`` False,
        contrast is the whole cosine and siblings look like one story)."""
        cfg = self.config
        total = count = 0.0
        for group, other in ((stay, leave), (leave, stay)):
            shadow = self._shadow(other)
            own = self._shadow(group) if cfg.split_rival and len(group) > 1 else None
            if len(group) > cfg.split_members:
                group = group[:1] + group[-(cfg.split_members - 1):]
            for member in group:
                total += self._placement(member, shadow, own)[1]
                count += 1
        return total / count

    def _placement(self, member: Member, other: StoryState, own: StoryState | None, both: bool = False
                   ) -> tuple[float, float]:
        """The join model's probabilities for ``member`` in its own evidence-only story ``own`` (taken out of it)
        and in ``other``, each scored with the other's centroid score as the rival's (as at a join).  Without
        ``own`` the rival scores 0; the first probability is computed only when ``both`` (else 0)."""
        query = _top(self._tfidf(member.vector), self.config.score_keys)
        s_other = self._similarity(query, other)
        s_own = p_own = 0.0
        if own is not None:
            _shift_shadow(own, member, -1)
            s_own = self._similarity(query, own)
            if both:
                p_own = self._probability(query, member, own, s_own, s_other)
            _shift_shadow(own, member, 1)
        return p_own, self._probability(query, member, other, s_other, s_own)

    def _probability(self, query: dict[str, float], member: Member, story: StoryState, score: float,
                     rival: float) -> float:
        """The join model's probability for a member's ``query`` in ``story`` (centroid score ``score``) against
        a rival candidate scoring ``rival``."""
        x = self._evidence(query, story, member.year, member.subjects, score, rival, member.month, member.emb)
        return self.model.probability(x)

    def _shadow(self, members: list[Member]) -> StoryState:
        """A story of ``members`` outside the window's index (for evidence only)."""
        story = StoryState(id="", seq=members[0].seq, members=list(members))
        for member in members:
            add_into(story.centroid, member.vector)
            _count(story.years, (member.year,) if member.year else (), 1)
            _count(story.months, (member.month,) if member.month else (), 1)
            _count(story.subjects, member.subjects, 1)
            _count(story.kdf, member.vector, 1)
            _shift_emb(story, member, 1)
        return story

    def _group_vector(self, members: list[Member]) -> dict[str, float]:
        total: dict[str, float] = {}
        for member in members:
            add_into(total, member.vector)
        return self._tfidf(total)

    def _two_means(self, story: StoryState) -> tuple[list[Member], list[Member]] | None:
        """Deterministic 2-means over members' TF-IDF vectors; the group holding the founder stays."""
        members = sorted(story.members, key=lambda m: m.seq)
        return _halves(members, [self._tfidf(m.vector) for m in members], self._tfidf(story.centroid))

    def _year_halves(self, story: StoryState) -> tuple[list[Member], list[Member]] | None:
        """The members naming the story's main year vs the others (sibling events of one topic often lie years
        apart, and the reports of one name its year); the founder's half comes first."""
        if not story.years:
            return None
        main = _main(story.years)
        members = sorted(story.members, key=lambda m: m.seq)
        left = [m for m in members if m.year == main]
        right = [m for m in members if m.year != main]
        if not left or not right:
            return None
        return (left, right) if members[0] in left else (right, left)

    def _number_halves(self, story: StoryState) -> tuple[list[Member], list[Member]] | None:
        """2-means over the members' numbers and years only (what sibling events differ in: dates, tolls,
        sums), members naming none then sent to the nearer half by their whole vector; founder's half stays."""
        members = sorted(story.members, key=lambda m: m.seq)
        numeric = [(m, {k: v for k, v in m.vector.items() if _is_number(k)}) for m in members]
        numeric = [(m, self._tfidf(v)) for m, v in numeric if v]
        if len(numeric) < 4:
            return None
        groups = _halves([m for m, _ in numeric], [v for _, v in numeric], _mean([v for _, v in numeric]))
        if groups is None:
            return None
        placed = {id(m) for m, _ in numeric}
        left, right = list(groups[0]), list(groups[1])
        va, vb = self._group_vector(left), self._group_vector(right)
        for member in members:
            if id(member) not in placed:
                query = self._tfidf(member.vector)
                (left if dot(query, va) >= dot(query, vb) else right).append(member)
        left.sort(key=lambda m: m.seq)
        right.sort(key=lambda m: m.seq)
        return (left, right) if members[0] in left else (right, left)

    # ------------------------------------------------------------------ active window
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
        if story.id in self.dirty:
            self.closed[story.id] = self.to_story(story)
        for member in list(story.members):
            self.df.remove(member.vector)
            self._remove_member(story, member)
        del self.stories[story.id]
        self.lonely.pop(story.id, None)
        self.dirty.pop(story.id, None)

    # ------------------------------------------------------------------ records
    def to_story(self, story: StoryState) -> Story:
        members = sorted(story.members, key=lambda m: m.seq)
        centre = self._tfidf(story.centroid)
        headline = max(members, key=lambda m: (dot(self._tfidf(m.vector), centre), -m.seq))
        first, last = story.first, story.last
        return Story(
            id=story.id, title=headline.title, first=_iso(first), last=_iso(last),
            article_ids=tuple(m.article_id for m in members), scores=tuple(m.score for m in members),
            entities=_top_entities(members),
        )


def _differs(value: str | None, counts: dict[str, int]) -> bool:
    """True when the story has a main value, and ``value`` is another one it rarely holds."""
    if value is None or not counts:
        return False
    main = _main(counts)
    return main != value and counts.get(value, 0) * 2 < counts[main]


_has_digit = re.compile(r"\d").search


def _main(counts: dict[str, int]) -> str:
    return max(counts, key=lambda k: (counts[k], k))


def _core(counts: dict[str, int], limit: int) -> list[str]:
    return sorted(counts, key=lambda k: (-counts[k], k))[:limit]


def _count(counts: dict[str, int], keys: Iterable[str], step: int) -> None:
    for key in keys:
        left = counts.get(key, 0) + step
        if left > 0:
            counts[key] = left
        else:
            counts.pop(key, None)


def _is_number(key: str) -> bool:
    """A number or year key (not a name or an event date that happens to hold digits)."""
    return key.startswith("y:") or (not key.startswith(("e:", "t:")) and bool(_has_digit(key)))


def _halves(members: list[Member], vectors: list[dict[str, float]], centre: dict[str, float]
            ) -> tuple[list[Member], list[Member]] | None:
    """Deterministic 2-means seeded by the member farthest from ``centre`` and the one farthest from it;
    the group holding ``members[0]`` comes first."""
    a = min(range(len(members)), key=lambda i: (dot(vectors[i], centre), i))
    b = min(range(len(members)), key=lambda i: (dot(vectors[i], vectors[a]), i))
    if a == b:
        return None
    ca, cb = vectors[a], vectors[b]
    labels: list[bool] = []
    for _ in range(6):
        new = [dot(v, ca) >= dot(v, cb) for v in vectors]
        if new == labels:
            break
        labels = new
        ca = _mean([v for v, l in zip(vectors, labels) if l])
        cb = _mean([v for v, l in zip(vectors, labels) if not l])
    left = [m for m, l in zip(members, labels) if l]
    right = [m for m, l in zip(members, labels) if not l]
    if not left or not right:
        return None
    return (left, right) if members[0] in left else (right, left)


def _shift_shadow(shadow: StoryState, member: Member, step: int) -> None:
    """Take ``member`` out of (step -1) or put it back into (step 1) an evidence-only story."""
    if step < 0:
        subtract_into(shadow.centroid, member.vector)
        shadow.members.remove(member)
    else:
        add_into(shadow.centroid, member.vector)
        shadow.members.append(member)
        shadow.members.sort(key=lambda m: m.seq)
    _count(shadow.years, (member.year,) if member.year else (), step)
    _count(shadow.months, (member.month,) if member.month else (), step)
    _count(shadow.subjects, member.subjects, step)
    _count(shadow.kdf, member.vector, step)
    _shift_emb(shadow, member, step)
    shadow.stale, shadow.core, shadow.span = True, None, None


def _shift_emb(story: StoryState, member: Member, step: int) -> None:
    if member.emb is not None:
        story.esum = member.emb * step if story.esum is None else story.esum + member.emb * step


def _emb_cosine(emb: Any, esum: Any) -> float:
    """Cosine of an article's embedding with a story's summed member embeddings (0 when either is missing)."""
    if emb is None or esum is None:
        return 0.0
    norm = float(esum @ esum) ** 0.5
    return float(emb @ esum) / norm if norm > 1e-9 else 0.0


def _top(vector: dict[str, float], limit: int) -> dict[str, float]:
    if len(vector) <= limit:
        return vector
    return dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def _mean(vectors: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vector in vectors:
        add_into(total, vector)
    return unit(total)


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
    if day is None:
        return None
    from datetime import date

    return date.fromordinal(int(day)).isoformat()


def assign(state: StreamClusterer, article: Article,
           annotations: Annotations | None = None) -> tuple[StreamClusterer, StoryAssignment]:
    """Functional spelling of ``state.assign``: the state is mutated in place and returned."""
    return state, state.assign(article, annotations)


# ---------------------------------------------------------------------- snapshot / restore

def snapshot(state: StreamClusterer) -> dict[str, Any]:
    """The whole active-window state as plain JSON-able data (restore with ``restore``)."""
    return {
        "version": 1,
        "seq": state.seq,
        "clock": state.clock,
        "docs": state.df.docs,
        "df": state.df.counts,
        "young": state.young,
        "lonely": list(state.lonely),
        "stories": [
            {"id": s.id, "seq": s.seq, "last_seq": s.last_seq, "checked_at": s.checked_at,
             "norm2": s.norm2, "stale": s.stale, "updates": s.updates, "norm_docs": s.norm_docs,
             "core": s.core, "core_at": s.core_at,
             "members": [_member_dict(m) for m in s.members]}
            for s in state.stories.values()
        ],
    }


def restore(data: dict[str, Any], config: ClusterConfig | None = None) -> StreamClusterer:
    state = StreamClusterer(config)
    state.seq = int(data.get("seq", 0))
    state.clock = data.get("clock")
    for item in data.get("stories", []):
        story = StoryState(id=item["id"], seq=item["seq"])
        state.stories[story.id] = story
        for raw in item["members"]:
            state._add_member(story, Member(**{**raw, "index_keys": tuple(raw["index_keys"]),
                                               "entities": tuple(raw["entities"]),
                                               "subjects": tuple(raw.get("subjects", ())),
                                               "emb": _decode_emb(raw.get("emb"))}))
        story.last_seq, story.checked_at = item["last_seq"], item["checked_at"]
        # the cached norm is updated incrementally (idf drifts between full recomputes): carry it over as is
        story.norm2 = float(item.get("norm2", 0.0))
        story.stale = bool(item.get("stale", True))
        story.updates = int(item.get("updates", 0))
        story.norm_docs = int(item.get("norm_docs", 0))
        story.core, story.core_at = item.get("core"), int(item.get("core_at", 0))
    state.df = DocFreq(dict(data.get("df", {})), int(data.get("docs", 0)))
    state.young = {k: int(v) for k, v in data.get("young", {}).items()}
    lonely = data.get("lonely")
    state.lonely = dict.fromkeys(lonely if lonely is not None else
                                 sorted((s.id for s in state.stories.values() if len(s.members) == 1),
                                        key=lambda i: state.stories[i].seq))
    state.dirty = {}
    return state


def _member_dict(m: Member) -> dict[str, Any]:
    return {"article_id": m.article_id, "vector": {k: round(v, 5) for k, v in m.vector.items()},
            "index_keys": list(m.index_keys), "day": m.day, "title": m.title, "entities": list(m.entities),
            "score": m.score, "seq": m.seq, "year": m.year, "subjects": list(m.subjects),
            "month": m.month, "tnorm": round(m.tnorm, 6), "tnorm_docs": m.tnorm_docs, "emb": _encode_emb(m.emb)}


def _auto_embedder(cache_dir: str | None = None) -> Any:
    """The ``static`` embedder when its extra is installed and its table loads (or can be built and cached), else
    None (no embedding evidence: the plain join model)."""
    from ..embed.embedders import get_embedder
    from ..errors import MissingExtra

    try:
        return get_embedder("static", cache_dir)
    except (MissingExtra, OSError):
        return None


def _f16(emb: Any) -> Any:
    """An embedding at the precision a snapshot keeps (float16), so a restored state scores as the live one."""
    return None if emb is None else emb.astype("<f2").astype("float32")


def _encode_emb(emb: Any) -> str | None:
    """A member's embedding as base64 float16 (a tenth of its JSON list), None without one."""
    if emb is None:
        return None
    import numpy as np

    return base64.b64encode(np.asarray(emb, dtype="<f2").tobytes()).decode("ascii")


def _decode_emb(text: str | None) -> Any:
    if not text:
        return None
    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
