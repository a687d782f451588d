"""Date conflicts: resolved time expressions compared as intervals ("late last year" overlaps "autumn of 2024");
the time a statement was made, open "since" periods and adjoining parts of a period do not conflict.
"""
from __future__ import annotations

import re

from ..models import Claim, Conflict, TimeExpr
from .slots import YEAR_INFERRED
from .common import _conflict, _SPEECH_VERBS, _stem, align_slots, context_words
from .numbers import interval


def time_interval(t: TimeExpr) -> tuple[str, str] | None:
    """[begin, until) as comparable strings: full ISO precision, so a morning and an evening of one day differ
    while a day still contains its morning (dates become midnight; a time zone offset is dropped)."""
    if not t.resolved or not t.begin:
        return None
    return _instant(t.begin), _instant(t.until or "9999-12-31")


def _instant(iso: str) -> str:
    day, _, clock = iso.partition("T")
    clock = re.split(r"[+Z]|-(?=\d\d:?\d\d$)", clock)[0] if clock else ""
    return f"{day}T{(clock or '00:00:00')[:8]:0<8}"


def _open_since(t: TimeExpr) -> bool:
    """An open interval from a start up to publication ("since March 11"), as the normaliser resolves it."""
    return (t.note or "").startswith("since")


def _start_period(t: TimeExpr, interval: tuple[str, str]) -> tuple[str, str]:
    """The period a "since" interval starts with: the year of "since 1994", the day of "since March 11"."""
    from datetime import date, timedelta

    y, m, d = (int(x) for x in interval[0][:10].split("-"))
    grain = _GRAIN.get(t.granularity, "day")
    if grain == "year":
        end = date(y + 1, 1, 1)
    elif grain == "month":
        end = date(y + (m == 12), m % 12 + 1, 1)
    elif grain == "week":
        end = date(y, m, d) + timedelta(days=7)
    else:
        end = date(y, m, d) + timedelta(days=1)
    return interval[0], f"{end.isoformat()}T00:00:00"


def _year_guessed(t: TimeExpr) -> bool:
    """The year came from the reference date, not from the text ("Sept. 30")."""
    return YEAR_INFERRED in (t.note or "")


def times_compatible(a: TimeExpr, b: TimeExpr) -> tuple[bool, str]:
    """Intervals overlap. A year guessed from the reference date ("Sept. 30" with no year) is not evidence: such
    a date is compared by month and day only, and never against a bare year."""
    ia, ib = time_interval(a), time_interval(b)
    if ia is None or ib is None:
        return True, "unresolved"
    if _open_since(a) and _open_since(b):  # "since 1994" vs "since 1996": the starting periods are compared
        ia, ib = _start_period(a, ia), _start_period(b, ib)
    if _year_guessed(a) or _year_guessed(b):
        if "year" in (_GRAIN.get(a.granularity), _GRAIN.get(b.granularity)):
            return True, "year not stated"
        guessed, known = (ia, ib) if _year_guessed(a) else (ib, ia)
        shift = int(known[0][:4]) - int(guessed[0][:4])
        moved = tuple(f"{int(d[:4]) + shift:04d}{d[4:]}" for d in guessed)
        ia, ib = (moved, known) if _year_guessed(a) else (known, moved)
    if ia[0] < ib[1] and ib[0] < ia[1]:
        return True, f"{a.text!r} overlaps {b.text!r}"
    if _adjoining_parts(a, ia, b, ib):
        return True, f"{a.text!r} adjoins {b.text!r}"
    return False, f"{a.text!r} ({_shown(ia)}) vs {b.text!r} ({_shown(ib)})"


DAY_PART_SLACK = 1  # hours: parts of a day have loose edges ("Friday afternoon" / "late Friday" / "early evening")


def _adjoining_parts(a: TimeExpr, ia: tuple[str, str], b: TimeExpr, ib: tuple[str, str]) -> bool:
    """A part of a day ("afternoon", "late Friday", "early Saturday") and another part or a clock time that
    meet or lie within DAY_PART_SLACK hours of each other: two wordings of one moment, not two moments."""
    from datetime import datetime, timedelta

    fine = {"part-of-day", "hour", "minute"}
    if a.granularity not in fine or b.granularity not in fine or "part-of-day" not in (a.granularity, b.granularity):
        return False
    (sa, ua), (sb, ub) = ((datetime.fromisoformat(x) for x in i) for i in (ia, ib))
    gap = max(sa, sb) - min(ua, ub)
    return gap <= timedelta(hours=DAY_PART_SLACK)


def _shown(interval: tuple[str, str]) -> str:
    return "..".join(x.replace("T00:00:00", "") for x in interval)


def _when_said(claim: Claim, t: TimeExpr) -> bool:
    """ "officials said Tuesday": the day of the statement, which differs by outlet, not the day of the fact."""
    before, _ = context_words(claim, t.start, t.end, 3)
    verbs = {_stem(w) for w in _SPEECH_VERBS | {"reported", "confirmed", "comment"}}
    if before[:1] == ["on"]:
        before = before[1:]
    if before[1:2] and before[1] in {"be", "been", "being", "will", "to"}:
        return False  # "will be announced August 8": the event itself, not the day it was reported
    return bool(before) and before[0] in verbs


def _comparable_times(x: TimeExpr, y: TimeExpr) -> bool:
    """A date whose year was guessed says nothing about a bare year; a weekday is compared with weekdays."""
    if _weekday(x) != _weekday(y):
        return False  # a weekday resolved against a reference date is only compared with another weekday
    return not ((_year_guessed(x) or _year_guessed(y))
                and "year" in (_GRAIN.get(x.granularity), _GRAIN.get(y.granularity)))


_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)


def _weekday(t: TimeExpr) -> bool:
    """Named by its weekday ("Thursday", "last Friday night"), with no month or figure that fixes the date."""
    return t.note == "weekday" or bool(_WEEKDAY.search(t.text)) and not any(c.isdigit() for c in t.text) \
        and not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", t.text, re.I)


def _since(claim: Claim, t: TimeExpr) -> bool:
    before = claim.text[max(0, t.start - claim.start - 8):t.start - claim.start].lower()
    return "since" in before or "since" in (t.note or "")  # "from 1993 to 2003" is a span, not a "since"


def date_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Times in the same slot with disjoint intervals ("since 1995" is only compared with another "since")."""
    ta = [t for t in a.times if time_interval(t) and not _in_age(a, t) and not _when_said(a, t)]
    tb = [t for t in b.times if time_interval(t) and not _in_age(b, t) and not _when_said(b, t)]
    pairs = align_slots(a, ta, b, tb, lambda x, y: _comparable_times(x, y) and (
                            times_compatible(x, y)[0] or _within_bound(a, x, b, y)),
                        lambda x, y: _since(a, x) == _since(b, y) and _comparable_times(x, y))
    return [_conflict("date", a, x.text, b, y.text, "") for x, y in pairs]


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
    if ib is None or io is None or _year_guessed(bound) != _year_guessed(other):
        return False
    return io[0] < ib[1]


_GRAIN = {"minute": "day", "hour": "day", "part-of-day": "day", "day": "day", "week": "week", "month": "month", "season": "month",
          "part-of-year": "month", "quarter": "month", "year": "year", "decade": "year"}


def _in_age(claim: Claim, t: TimeExpr) -> bool:
    """Birth years are compared by the age rule (which knows whose birth year it is), not as dates."""
    return any(x.start <= t.start and t.end <= x.end or t.start <= x.start < t.end for x in claim.ages)
