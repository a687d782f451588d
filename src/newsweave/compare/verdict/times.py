"""Date conflicts: resolved time expressions compared as intervals ("late last year" overlaps "autumn of 2024");
the time a statement was made, open "since" periods and adjoining parts of a period do not conflict.
"""
from __future__ import annotations

import re

from ...models import Claim, Conflict, TimeExpr
from ..values import GRAIN, time_interval, times_compatible, year_guessed
from .common import SPEECH_VERBS, align_slots, context_words, make_conflict, stem


def _when_said(claim: Claim, t: TimeExpr) -> bool:
    """ "officials said Tuesday": the day of the statement, which differs by outlet, not the day of the fact."""
    before, _ = context_words(claim, t.start, t.end, 3)
    verbs = {stem(w) for w in SPEECH_VERBS | {"reported", "confirmed", "comment"}}
    if before[:1] == ["on"]:
        before = before[1:]
    if before[1:2] and before[1] in {"be", "been", "being", "will", "to"}:
        return False  # "will be announced August 8": the event itself, not the day it was reported
    return bool(before) and before[0] in verbs


def _comparable_times(x: TimeExpr, y: TimeExpr) -> bool:
    """A date whose year was guessed says nothing about a bare year; a weekday is compared with weekdays."""
    if _weekday(x) != _weekday(y):
        return False  # a weekday resolved against a reference date is only compared with another weekday
    return not ((year_guessed(x) or year_guessed(y))
                and "year" in (GRAIN.get(x.granularity), GRAIN.get(y.granularity)))


_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)


def _weekday(t: TimeExpr) -> bool:
    """Named by its weekday ("Thursday", "last Friday night"), with no month or figure that fixes the date."""
    return t.note == "weekday" or bool(_WEEKDAY.search(t.text)) and not any(c.isdigit() for c in t.text) \
        and not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", t.text, re.I)


_SINCE_CLAUSE = re.compile(r"\bsince\b[^,;.]{0,60}$", re.I)


def _since(claim: Claim, t: TimeExpr) -> bool:
    """The time starts an open span: "since 1995", or the date of the clause a "since" opens ("since President
    Bush declared major combat over on October 1"); "from 1993 to 2003" is a span, not a "since"."""
    before = claim.text[max(0, t.start - claim.start - 80):t.start - claim.start]
    return "since" in before[-8:].lower() or "since" in (t.note or "") or bool(_SINCE_CLAUSE.search(before))


def date_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Times in the same slot with disjoint intervals ("since 1995" is only compared with another "since")."""
    ta = [t for t in a.times if time_interval(t) and not _in_age(a, t) and not _when_said(a, t)]
    tb = [t for t in b.times if time_interval(t) and not _in_age(b, t) and not _when_said(b, t)]
    pairs = align_slots(a, ta, b, tb, lambda x, y: _comparable_times(x, y) and (
                            times_compatible(x, y)[0] or _within_bound(a, x, b, y)),
                        lambda x, y: _since(a, x) == _since(b, y) and _comparable_times(x, y))
    return [make_conflict("date", a, x.text, b, y.text, "") for x, y in pairs]


_UNTIL = re.compile(r"\b(?:through|thru)\s*$|\bfrom\b[^,;.]{1,60}\b(?:until|till|through|thru)\s*$", re.I)


def _until(claim: Claim, t: TimeExpr) -> bool:
    """The end of a span ("from Friday through Aug. 22", "through Sept. 9"): every earlier moment lies within it.
    A lone "until" often dates the event itself ("is waiting until October to decide", "isn 't until March 9")."""
    return bool(_UNTIL.search(claim.text[max(0, t.start - claim.start - 80):t.start - claim.start]))


def _within_bound(a: Claim, x: TimeExpr, b: Claim, y: TimeExpr) -> bool:
    """One side ends a span at its time ("due from Friday through Aug. 22"), the other names a time before that
    end ("due Aug. 15"): the span holds it. Two span ends are compared as times."""
    if _until(a, x) == _until(b, y):
        return False
    bound, other = (x, y) if _until(a, x) else (y, x)
    ib, io = time_interval(bound), time_interval(other)
    if ib is None or io is None or year_guessed(bound) != year_guessed(other):
        return False
    return io[0] < ib[1]


def _in_age(claim: Claim, t: TimeExpr) -> bool:
    """Birth years are compared by the age rule (which knows whose birth year it is), not as dates."""
    return any(x.start <= t.start and t.end <= x.end or t.start <= x.start < t.end for x in claim.ages)
