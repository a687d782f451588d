"""Which event a claim is about: the story's own (current) event, or another one it is anchored to.

News reports set the event they cover beside others: "Last year, a 6.4-magnitude quake rocked ...", "the 2003
quake in Bam killed ...", "the previous attack", "In February, a gunman killed five people in Salt Lake City". A
claim is anchored to another event when it names

- a time wholly before the story's own event (the earliest day the headlines and ledes give, else the earliest
  publication), unless that time is the story's own subject (a year or month named in the headlines or ledes of
  two reports or more: "the 1967 killings" in a story about the arrest for them);
- another event in words ("the previous quake", "a similar attack", "the last major quake");
- for tolls and magnitudes, a place the gazetteer knows that is neither inside nor around any place the
  headlines and ledes name ("a quake in eastern China" in a story about a quake in Iran).

The anchor is what a background fact shows; its key groups the claims of one other event (its year and month, the
phrase, or the place), so that one background event's figures are compared with each other and never with the
story's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ...models import Claim, TimeExpr

CURRENT = "current"
LEAD_DAYS = 10  # a lede's time up to this many days before publication dates the story's event

_EVENT_NOUNS = (r"quakes?|earthquakes?|temblors?|tremors?|attacks?|bombings?|blasts?|explosions?|shootings?|"
                r"fires?|blazes?|crash(?:es)?|storms?|hurricanes?|typhoons?|floods?|tsunamis?|riots?|wars?|"
                r"disasters?|heists?|robber(?:y|ies)|raids?|operations?|incidents?|elections?|seasons?|games?|"
                r"matches?|fights?|bouts?|killings?|murders?|massacres?|eruptions?|outbreaks?|protests?|strikes?")
_OTHER_EVENT = re.compile(
    r"\b(?:the|a|an|its|that|this)\s+(?:(?:most\s+)?(?:previous|last|prior|earlier|similar|separate|former)\s+)(?:(?:major|big|deadly|strong|powerful|devastating|massive|fatal|"
    r"[\w.]+-(?:magnitude|strength))\s+)*(?:" + _EVENT_NOUNS + r")\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:last|previous|past)\s+(?:year|month|season|summer|winter|spring|fall|autumn|"
                         r"decade)\b|\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+"
                         r"(?:years?|months?|decades?)\s+(?:ago|earlier|before|after)\b|\bin\s+(?:19|20)\d\d\b", re.I)
# A figure summed over many events ("so far", "in their five operations"): another slot than this event's.
_CUMULATIVE = re.compile(r"\b(?:so far|thus far|to date|all told|in all)\b|\b(?:in|during|over|across)\s+(?:the|"
                         r"their|its|his|her|these|those|all)?\s*(?:\w+\s+){0,2}?(?:operations|attacks|raids|"
                         r"missions|games|matches|seasons|fights|bouts|elections|cases|incidents)\b", re.I)
_SPOKEN = re.compile(r"\b(?:said|says|told|announced|reported|added|stated|confirmed)\s+(?:on\s+)?$", re.I)
_SINCE = re.compile(r"\b(?:since|until|till|through)\b", re.I)
_PLACE_LABELS = ("GPE", "LOC")


@dataclass(frozen=True)
class StoryContext:
    """What dates and places the story's own event: from its headlines and ledes, and its publication times."""

    start: str | None = None  # ISO day: the earliest day of the story's event
    own: frozenset[str] = frozenset()  # years ("2005") and months ("2005-11") the story's subject is set in
    places: tuple[tuple[str, str], ...] = ()  # (name, label) of the places the headlines and ledes name


@dataclass(frozen=True)
class Anchor:
    """The event a claim is about: ``key`` "current", or a key of another event, with the anchoring words."""

    key: str = CURRENT
    text: str = ""

    @property
    def background(self) -> bool:
        return self.key != CURRENT


def story_context(claims: Sequence[Claim], published: Mapping[str, str | None]) -> StoryContext:
    """The story's own time and places, from the headline and lede claims of its articles (``published``: article
    id -> ISO publication time)."""
    leads = [c for c in claims if c.is_headline]
    starts = [p[:10] for p in published.values() if p]
    named: dict[str, set[str]] = {}
    for claim in leads:
        pub = published.get(claim.article)
        for t in claim.times:
            if not t.begin or not t.resolved:
                continue
            if _GRAIN_DAY.get(t.granularity) and pub and _days_before(t.begin[:10], pub[:10]) <= LEAD_DAYS:
                starts.append(t.begin[:10])
            for key in _periods(t):
                named.setdefault(key, set()).add(claim.article)
    own = frozenset(k for k, arts in named.items() if len(arts) >= 2)
    places = tuple(sorted({(e.canonical or e.text, e.label) for c in leads for e in c.entities
                           if e.label in _PLACE_LABELS}))
    return StoryContext(start=min(starts) if starts else None, own=own, places=places)


_GRAIN_DAY = {"minute": True, "hour": True, "part-of-day": True, "day": True}


def _days_before(day: str, reference: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(reference) - date.fromisoformat(day)).days
    except ValueError:
        return 10 ** 6


def _periods(t: TimeExpr) -> list[str]:
    if not t.begin:
        return []
    if t.granularity in ("year", "decade"):
        return [t.begin[:4]]
    return [t.begin[:4], t.begin[:7]]


_EVENT_WORD = re.compile(r"\b(?:" + _EVENT_NOUNS + r")\b", re.I)


def anchor(claim: Claim, context: StoryContext, keyed: bool = False) -> Anchor:
    """The event the claim is about (``keyed``: it gives a toll or a magnitude, so a place also anchors it). A
    past time anchors a claim about an event (a toll, a magnitude, an event word: "a quake in 2003 killed ..."),
    not one about a person's past ("joined the army in 2021") nor one that also names the story's own time."""
    text = claim.clause or claim.text
    phrase = _OTHER_EVENT.search(text)
    eventful = keyed or bool(_EVENT_WORD.search(text))
    current = any(t.begin and _overlaps_story(t, context) for t in claim.times)
    if eventful and not current or phrase:  # a time dates the other event best: other reports name it so too
        for t in claim.times:
            if _before_story(claim, t, context):
                return Anchor(_time_key(t), t.text)
    if phrase:
        return Anchor(_phrase_key(phrase.group(0)), phrase.group(0))
    cumulative = _CUMULATIVE.search(text)
    if cumulative and not keyed and claim.quantities:
        return Anchor("cumulative", cumulative.group(0))
    if eventful and not current:
        words = _PAST_WORDS.search(text)
        if words and not any(y in context.own for y in re.findall(r"(?:19|20)\d\d", words.group(0))):
            return Anchor(words.group(0).casefold(), words.group(0))
    if keyed:
        place = _other_place(claim, context)
        if place:
            return Anchor(f"in {place.casefold()}", place)
    return Anchor()


def _phrase_key(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.casefold())
    return " ".join(w for w in words if w not in ("the", "a", "an", "its", "that", "this"))


def _time_key(t: TimeExpr) -> str:
    """Year and month of a time ("2003-12"), the year alone for a year ("2003")."""
    if t.granularity in ("year", "decade"):
        return t.begin[:4]
    return t.begin[:7]


def _before_story(claim: Claim, t: TimeExpr, context: StoryContext) -> bool:
    """A resolved time, not when something was said nor an open span, lying wholly before the story's event and
    not the story's own subject."""
    if context.start is None or not t.resolved or not t.begin or not t.until:
        return False
    if (t.note or "").startswith("since") or _said_or_open(claim, t) or _in_age(claim, t):
        return False
    if t.granularity in ("year", "decade", "month", "season", "part-of-year", "quarter") and \
            _periods(t)[-1] in context.own:
        return False  # "the 1967 killings" in the story of the arrest for them
    return _until(t) <= f"{context.start}T00:00:00"


def _overlaps_story(t: TimeExpr, context: StoryContext) -> bool:
    return context.start is not None and bool(t.until) and _until(t) > f"{context.start}T00:00:00"


def _until(t: TimeExpr) -> str:
    """The end of a time's interval as a comparable instant (local clock time; the day when no clock)."""
    day, _, clock = (t.until or "").partition("T")
    return f"{day}T{(clock or '00:00:00')[:8]:0<8}"


def _said_or_open(claim: Claim, t: TimeExpr) -> bool:
    """When something was said ("officials said Sunday"), or the start of an open span ("since North Korea sent
    troops late last year")."""
    base = claim.clause_start if claim.clause and claim.clause_start >= 0 else claim.start
    text = claim.clause or claim.text
    before = text[max(0, t.start - base - 80):max(0, t.start - base)]
    return bool(_SPOKEN.search(before[-40:]) or _SINCE.search(before.split(",")[-1]))


def event_times(claim: Claim) -> list[TimeExpr]:
    """The claim's times that date what it reports: not when something was said, not a birth year."""
    return [t for t in claim.times if not _in_age(claim, t) and not _spoken(claim, t)]


def _spoken(claim: Claim, t: TimeExpr) -> bool:
    base = claim.clause_start if claim.clause and claim.clause_start >= 0 else claim.start
    text = claim.clause or claim.text
    return bool(_SPOKEN.search(text[max(0, t.start - base - 40):max(0, t.start - base)]))


def _in_age(claim: Claim, t: TimeExpr) -> bool:
    """A birth year is a person's, not an event's."""
    return any(a.start <= t.start and t.end <= a.end or t.start <= a.start < t.end for a in claim.ages)


def _other_place(claim: Claim, context: StoryContext) -> str:
    """A place of the claim the gazetteer knows, lying neither inside nor around any of the story's own places."""
    from ...normalize import places

    known = [(n, l) for n, l in context.places if places.level(n)]
    if not known:
        return ""
    for e in claim.entities:
        name = e.canonical or e.text
        if e.label not in _PLACE_LABELS or not places.level(name):
            continue
        if any(_same_place(name, n) or places.compatible(name, n, e.label, l) for n, l in known):
            continue
        return name
    return ""


def _same_place(x: str, y: str) -> bool:
    return x.casefold().strip(" .") == y.casefold().strip(" .")


_BACK = re.compile(r"^\W*(?:(?:that|this|the same|the latter)\s+(?:\w+\s+){0,2}?(?:" + _EVENT_NOUNS + r")\b|it\s+"
                   r"(?:killed|injured|left|destroyed|damaged|caused|measured|struck|hit|was)\b)", re.I)


def _referring_back(claims: Sequence[Claim], found: list[Anchor]) -> list[Anchor]:
    """A claim about the event of the claim before it in the same report, when that one is anchored to another
    event: it points back at it ("That temblor killed at least six", "It killed 612 people"), or it goes on the
    same sentence without a subject of its own ("... and injured more than 1,400")."""
    out = list(found)
    order = sorted(range(len(claims)), key=lambda i: (claims[i].article, claims[i].sentence, claims[i].clause_start))
    for previous, i in zip(order, order[1:]):
        before, claim = claims[previous], claims[i]
        if before.article != claim.article or out[i].background or not out[previous].background:
            continue
        text = claim.clause or claim.text
        next_sentence = claim.sentence == before.sentence + 1 and _BACK.match(text)
        same_sentence = claim.sentence == before.sentence and text[:1].islower()
        if next_sentence or same_sentence:
            out[i] = out[previous]
    return out


def claim_anchors(claims: Sequence[Claim], published: Mapping[str, str | None],
                  keyed: Sequence[bool]) -> list[Anchor]:
    """The anchor of every claim (``keyed``: which claims give a toll or a magnitude); a year-only key joins the
    one month of that year that other claims name ("in 2003" and "in December 2003": one event)."""
    context = story_context(claims, published)
    found = [anchor(c, context, k) for c, k in zip(claims, keyed)]
    found = _referring_back(claims, found)
    months: dict[str, set[str]] = {}
    for a in found:
        if re.fullmatch(r"\d{4}-\d\d", a.key):
            months.setdefault(a.key[:4], set()).add(a.key)
    joined = {year: next(iter(keys)) for year, keys in months.items() if len(keys) == 1}
    return [Anchor(joined.get(a.key, a.key), a.text) for a in found]
