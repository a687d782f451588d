"""Merge repairs (over-splitting): stories that a new member bridges are merged; young small stories are
revisited at fixed ages; when a story reaches a gather size its small neighbours, and a larger neighbour that is
a fragment of the same story, are folded in; a few one-article stories get another look every few arrivals (the
lonely sweep).  In each, the story a repair folds away moves into the one kept (the older one on a merge)."""
from __future__ import annotations

from .evidence import JoinEvidence
from .state import StoryState
from .vectors import dot, top


class MergeRepairs(JoinEvidence):
    """Repairs that fold one story into another."""

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
        """Move every member of ``gone`` into ``keep`` and drop ``gone``."""
        moving = sorted(gone.members, key=lambda m: m.seq)
        self._drop_story(gone)
        for member in moving:
            self._add_member(keep, member)
        keep.members.sort(key=lambda m: m.seq)
        keep.last_seq = self.seq

    def revisit(self) -> list[str]:
        """Fold a young small story into the story the model now places its members in, on average (a
        one-article story at a lower bar, ``revisit_single_probability``); return the ids folded away."""
        cfg = self.config
        folded = []
        for story in sorted(self._due_for_revisit(), key=lambda s: s.seq):
            if story.id not in self.stories:
                continue
            found = self._revisit_target(story)
            bar = cfg.revisit_single_probability if len(story.members) == 1 else cfg.revisit_probability
            if found is None or found[1] < bar:
                continue
            self._absorb(found[0], story)  # the small story moves (cost bounded by revisit_size)
            folded.append(story.id)
        return folded

    def _due_for_revisit(self) -> list[StoryState]:
        """The young stories of at most ``revisit_size`` members that reached one of ``revisit_ages`` since the
        last revisit; stories past the last age (or gone) leave the young list."""
        cfg = self.config
        step, ages = cfg.revisit_every, cfg.revisit_ages
        for story_id, seq in list(self.young.items()):
            if self.seq - seq >= ages[-1] + step or story_id not in self.stories:
                del self.young[story_id]
        return [self.stories[i] for i, seq in self.young.items() if i in self.stories
                and len(self.stories[i].members) <= cfg.revisit_size
                and any(self.seq - seq - step < a <= self.seq - seq for a in ages)]

    def lonely_sweep(self) -> list[str]:
        """Fold the ``lonely_batch`` one-article stories longest unchecked (round robin) into the story the model
        now places their article in with at least ``lonely_probability``; return the ids folded away."""
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

    def _revisit_target(self, story: StoryState) -> tuple[StoryState, float] | None:
        """The story the model places ``story``'s members in, with their mean probability for it (None when
        no candidate)."""
        cfg = self.config
        totals: dict[str, float] = {}
        targets: dict[str, StoryState] = {}
        for member in story.members:
            query = top(self._tfidf(member.vector), cfg.score_keys)
            for target, p in self._score_candidates(query, member.when, member.year, member.subjects,
                                                    member.month, exclude=story, emb=member.emb,
                                                    weekday=member.weekday):
                totals[target.id] = totals.get(target.id, 0.0) + p
                targets[target.id] = target
        if not totals:
            return None
        best = min(totals, key=lambda i: (-totals[i], targets[i].seq))
        return targets[best], totals[best] / len(story.members)

    def _gather(self, story: StoryState) -> tuple[str, ...]:
        """When ``story`` reaches one of ``gather_sizes``, fold in the neighbours that belong with it
        (``_gathered``); return the ids folded away."""
        cfg = self.config
        if cfg.gather_probability > 1.0 or not self._model_active() or len(story.members) not in cfg.gather_sizes:
            return ()
        centre = self._tfidf(story.centroid)
        near = [s for s in self._candidates(centre) if s is not story][:cfg.gather_neighbours]
        folded = []
        for neighbour in sorted(near, key=lambda s: s.seq):
            pair = self._gathered(story, neighbour, centre)
            if pair is None:
                continue
            keep, gone = pair
            self._absorb(keep, gone)
            folded.append(gone.id)
            story = keep
        return tuple(folded)

    def _gathered(self, story: StoryState, neighbour: StoryState, centre: dict[str, float]
                  ) -> tuple[StoryState, StoryState] | None:
        """(keep, gone) when ``neighbour`` belongs with ``story``: a small fragment (started before the story
        grew) whose members the model now places in it, or a larger neighbour close to ``centre`` that the model
        no longer keeps apart from it (``_one_story``); else None."""
        cfg = self.config
        if len(neighbour.members) <= cfg.revisit_size:
            found = self._revisit_target(neighbour)
            if found is None or found[0] is not story or found[1] < cfg.gather_probability:
                return None
            return story, neighbour
        if (dot(centre, self._tfidf(neighbour.centroid)) >= cfg.fragment_similarity
                and self._one_story(story, neighbour)):
            return (story, neighbour) if story.seq <= neighbour.seq else (neighbour, story)
        return None

    def _one_story(self, a: StoryState, b: StoryState) -> bool:
        """Whether two stories are fragments of one: the split test read the other way round (the model places
        their members in the other story, with their own as the rival, with a mean probability of at least
        ``fragment_probability``)."""
        bar = self.config.fragment_probability
        if bar > 1.0:
            return False
        members = [sorted(s.members, key=lambda m: m.seq) for s in (a, b)]
        return self._cross_probability(*members) >= bar
