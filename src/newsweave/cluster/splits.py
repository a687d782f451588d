"""Split repairs (a wrong early merge undone without reprocessing): at growing sizes a story's misfit members
move to a neighbour, then the story is split when its members fall into two distinct groups.

Halves are proposed by 2-means over the members' vectors, by the numbers and years they name, and by the story's
main year.  Without the model, 2-means halves about different things are split.  With it, a proposal splits when
the model places each half's members in the other half with a low mean probability; the halves are then refined
by the model (``_refine_halves``) and the split is made only when the refined halves still pass (``_settle``).
After a split, a member whose lead name the other half names and its own half does not moves across
(``_lead_moves``).
"""
from __future__ import annotations

from .evidence import has_digit
from .merges import MergeRepairs
from .state import Member, StoryState, main_value, shadow_story
from .vectors import add_into, dot, mean

Halves = tuple[list[Member], list[Member]]


class SplitRepairs(MergeRepairs):
    """Repairs that move members out of a story, or split it in two."""

    def _maybe_split(self, story: StoryState) -> tuple[str, ...]:
        """At growing sizes (``split_growth``), move misfits out, then split the story when ``_split_groups``
        finds two halves; return the id of the story split off."""
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
        return (self._split_off(story, groups[1]).id,)

    def _split_off(self, story: StoryState, leave: list[Member]) -> StoryState:
        """Move ``leave`` out of ``story`` into a new story, then the lead-name misfits of either across."""
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
        return new

    def _reassign_members(self, story: StoryState) -> None:
        """Move members that now fit a neighbouring story clearly better (``move_margin``) than their own."""
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

    def _lead_moves(self, source: StoryState, target: StoryState) -> None:
        """After a split, move to ``target`` the members of ``source`` whose lead name ``target`` names and
        ``source`` does not (``_lead_elsewhere``) when the model places them there: reports of a sibling event about
        another person left on the wrong side."""
        cfg = self.config
        if cfg.lead_share > 1.0 or len(target.members) < cfg.lead_min_members or not self._model_active():
            return
        for member in sorted(source.members, key=lambda m: m.seq)[1:]:
            if not member.subjects or len(source.members) < 2 or not self._lead_elsewhere(member, source, target):
                continue
            if self._placement(member, target, None)[1] < cfg.join_probability:
                continue
            self._remove_member(source, member)
            self._add_member(target, member)
            target.members.sort(key=lambda m: m.seq)

    def _lead_elsewhere(self, member: Member, source: StoryState, target: StoryState) -> bool:
        """Whether at least ``lead_share`` of ``target``'s members name the member's lead name (its most mentioned
        lede name) in their ledes, and at most ``lead_own_share`` of the other members of ``source`` do."""
        lead = member.subjects[0]
        own = (source.subjects.get(lead, 0) - 1) / (len(source.members) - 1)
        other = target.subjects.get(lead, 0) / len(target.members)
        return not (other < self.config.lead_share or own > self.config.lead_own_share)

    # ------------------------------------------------------------------ choosing the halves
    def _split_groups(self, story: StoryState) -> Halves | None:
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

    def _settle(self, halves: Halves, bar: float, min_half: int) -> Halves | None:
        """The halves a split that passed is made along: refined by the model, when they still hold
        ``min_half`` members each and pass ``bar``; None when they do not (``split_settle`` off: as proposed)."""
        if not self.config.split_settle:
            return halves
        refined = self._refine_halves(halves)
        if refined is None or min(map(len, refined)) < min_half or self._cross_probability(*refined) >= bar:
            return None
        return refined

    def _model_split(self, story: StoryState, groups: Halves | None) -> Halves | None:
        """With the model: whichever halves (2-means ``groups``, by the numbers and years the members name, by the
        main year) the model keeps apart best, when it places their members in the other half with a mean
        probability below ``split_probability`` (refined first when close); None when none does."""
        cfg = self.config
        proposals = [groups, self._number_halves(story)]
        if cfg.split_year_halves:
            proposals.append(self._year_halves(story))
        scored = [(self._cross_probability(*halves), halves) for halves in proposals
                  if halves is not None and min(map(len, halves)) >= cfg.split_min_half]
        if not scored:
            return None
        p, halves = min(scored, key=lambda item: item[0])
        if p < cfg.split_probability:
            return halves
        if cfg.split_refine and p < cfg.split_refine_gate:
            refined = self._refine_halves(halves)
            if (refined is not None and min(map(len, refined)) >= cfg.split_min_half
                    and self._cross_probability(*refined) < cfg.split_probability):
                return refined
        return None

    def _refine_halves(self, halves: Halves) -> Halves | None:
        """Model-driven 2-means: ``split_refine`` rounds of ``_model_sides``; None when a half empties."""
        stay, leave = list(halves[0]), list(halves[1])
        founder = min(stay, key=lambda m: m.seq)
        for _ in range(self.config.split_refine):
            if not stay or not leave:
                return None
            new_stay, new_leave = self._model_sides(stay, leave, founder)
            if new_stay == stay and new_leave == leave:
                break
            stay, leave = new_stay, new_leave
        if not stay or not leave:
            return None
        return stay, leave

    def _model_sides(self, stay: list[Member], leave: list[Member], founder: Member) -> Halves:
        """Each member goes to the half the join model places it in (its own half without it as the rival of the
        other, and the other way round); the founder, and a half's only member, stay put."""
        shadows = (shadow_story(stay), shadow_story(leave))
        sides = []
        for side, group in enumerate((stay, leave)):
            own, other = shadows[side], shadows[1 - side]
            for member in group:
                if member is founder or len(group) == 1:
                    sides.append((member, side))
                    continue
                p_own, p_other = self._placement(member, other, own, both=True)
                sides.append((member, 1 - side if p_other > p_own else side))
        return (sorted((m for m, side in sides if side == 0), key=lambda m: m.seq),
                sorted((m for m, side in sides if side == 1), key=lambda m: m.seq))

    # ------------------------------------------------------------------ proposals
    def _two_means(self, story: StoryState) -> Halves | None:
        """Deterministic 2-means over members' TF-IDF vectors; the group holding the founder stays."""
        members = sorted(story.members, key=lambda m: m.seq)
        return _halves(members, [self._tfidf(m.vector) for m in members], self._tfidf(story.centroid))

    def _year_halves(self, story: StoryState) -> Halves | None:
        """The members naming the story's main year vs the others (sibling events of one topic often lie years
        apart, and the reports of one name its year); the founder's half comes first."""
        if not story.years:
            return None
        main = main_value(story.years)
        members = sorted(story.members, key=lambda m: m.seq)
        left = [m for m in members if m.year == main]
        right = [m for m in members if m.year != main]
        if not left or not right:
            return None
        return (left, right) if members[0] in left else (right, left)

    def _number_halves(self, story: StoryState) -> Halves | None:
        """2-means over the members' numbers and years only (what sibling events differ in: dates, tolls,
        sums), members naming none then sent to the nearer half by their whole vector; founder's half stays."""
        members = sorted(story.members, key=lambda m: m.seq)
        numeric = [(m, {k: v for k, v in m.vector.items() if _is_number(k)}) for m in members]
        numeric = [(m, self._tfidf(v)) for m, v in numeric if v]
        if len(numeric) < 4:
            return None
        groups = _halves([m for m, _ in numeric], [v for _, v in numeric], mean([v for _, v in numeric]))
        if groups is None:
            return None
        return self._place_rest(members, groups, {id(m) for m, _ in numeric})

    def _place_rest(self, members: list[Member], groups: Halves, placed: set[int]) -> Halves:
        """``groups`` with each member not yet ``placed`` added to the half whose vector is nearer its own."""
        left, right = list(groups[0]), list(groups[1])
        va, vb = self._group_vector(left), self._group_vector(right)
        for member in members:
            if id(member) not in placed:
                query = self._tfidf(member.vector)
                (left if dot(query, va) >= dot(query, vb) else right).append(member)
        left.sort(key=lambda m: m.seq)
        right.sort(key=lambda m: m.seq)
        return (left, right) if members[0] in left else (right, left)

    def _group_vector(self, members: list[Member]) -> dict[str, float]:
        """The tf-idf vector of the members' summed weights."""
        total: dict[str, float] = {}
        for member in members:
            add_into(total, member.vector)
        return self._tfidf(total)


def _is_number(key: str) -> bool:
    """A number or year key (not a name or an event date that happens to hold digits)."""
    return key.startswith("y:") or (not key.startswith(("e:", "t:")) and bool(has_digit(key)))


def _halves(members: list[Member], vectors: list[dict[str, float]], centre: dict[str, float]) -> Halves | None:
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
        ca = mean([v for v, l in zip(vectors, labels) if l])
        cb = mean([v for v, l in zip(vectors, labels) if not l])
    left = [m for m, l in zip(members, labels) if l]
    right = [m for m, l in zip(members, labels) if not l]
    if not left or not right:
        return None
    return (left, right) if members[0] in left else (right, left)
