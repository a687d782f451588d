"""The clusterer's records: an article's placement (``StoryAssignment``), a story member (``Member``) and a story
of the active window (``StoryState``), with the per-story counters kept as members come and go.

A "shadow" story is a ``StoryState`` built from a group of members outside the window's index: the split repairs
score members against such groups (evidence only, nothing is indexed).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .vectors import add_into, subtract_into


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
    weekday: str | None = None  # the weekday its lede names ("thursday"), None when it names none
    when: tuple[float, ...] = ()  # its time anchors: publication day and the days its lede names


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
    weekdays: dict[str, int] = field(default_factory=dict)
    kdf: dict[str, int] = field(default_factory=dict)  # members holding each key
    core: dict[str, float] | None = None  # cached core keys (tf-idf weight); None when to recompute
    core_at: int = 0
    esum: Any = field(default=None, compare=False)  # sum of the members' embeddings (None while none has one)

    span: tuple[float | None, float | None] | None = None  # cached (first, last); None when stale
    reach: tuple[float | None, float | None] | None = None  # cached (earliest, latest) time anchor; None when stale

    def _span(self) -> tuple[float | None, float | None]:
        if self.span is None:
            days = [m.day for m in self.members if m.day is not None]
            self.span = (min(days), max(days)) if days else (None, None)
        return self.span

    def anchors(self) -> tuple[float | None, float | None]:
        """(earliest, latest) of the members' time anchors (publication days and the days their ledes name)."""
        if self.reach is None:
            days = [d for m in self.members for d in m.when]
            self.reach = (min(days), max(days)) if days else (None, None)
        return self.reach

    @property
    def first(self) -> float | None:
        return self._span()[0]

    @property
    def last(self) -> float | None:
        return self._span()[1]


# ---------------------------------------------------------------------- counters

def count(counts: dict[str, int], keys: Iterable[str], step: int) -> None:
    """Add ``step`` to the count of each key; a count reaching 0 is dropped."""
    for key in keys:
        left = counts.get(key, 0) + step
        if left > 0:
            counts[key] = left
        else:
            counts.pop(key, None)


def count_member(story: StoryState, member: Member, step: int) -> None:
    """Count a member's year, month, weekday, lede names, keys and embedding into (step 1) or out of (step -1) a
    story."""
    count(story.years, (member.year,) if member.year else (), step)
    count(story.months, (member.month,) if member.month else (), step)
    count(story.weekdays, (member.weekday,) if member.weekday else (), step)
    count(story.subjects, member.subjects, step)
    count(story.kdf, member.vector, step)
    if member.emb is not None:
        story.esum = member.emb * step if story.esum is None else story.esum + member.emb * step


def main_value(counts: dict[str, int]) -> str:
    """The most counted value (the greatest on ties)."""
    return max(counts, key=lambda k: (counts[k], k))


def core_names(counts: dict[str, int], limit: int) -> list[str]:
    """The ``limit`` most counted values."""
    return sorted(counts, key=lambda k: (-counts[k], k))[:limit]


def agrees(value: str | None, counts: dict[str, int]) -> bool:
    """True when ``value`` is the story's main value."""
    return value is not None and bool(counts) and main_value(counts) == value


def differs(value: str | None, counts: dict[str, int]) -> bool:
    """True when the story has a main value, and ``value`` is another one it rarely holds."""
    if value is None or not counts:
        return False
    main = main_value(counts)
    return main != value and counts.get(value, 0) * 2 < counts[main]


# ---------------------------------------------------------------------- shadow stories

def shadow_story(members: list[Member]) -> StoryState:
    """A story of ``members`` outside the window's index (for evidence only)."""
    story = StoryState(id="", seq=members[0].seq, members=list(members))
    for member in members:
        add_into(story.centroid, member.vector)
        count_member(story, member, 1)
    return story


def shift_shadow(shadow: StoryState, member: Member, step: int) -> None:
    """Take ``member`` out of (step -1) or put it back into (step 1) a shadow story."""
    if step < 0:
        subtract_into(shadow.centroid, member.vector)
        shadow.members.remove(member)
    else:
        add_into(shadow.centroid, member.vector)
        shadow.members.append(member)
        shadow.members.sort(key=lambda m: m.seq)
    count_member(shadow, member, step)
    shadow.stale, shadow.core, shadow.span, shadow.reach = True, None, None, None
