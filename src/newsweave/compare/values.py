"""How two normalised values compare, whoever asks: an age or birth year against another (the same person?
compatible birth years?) and two resolved times (do their intervals overlap?). Used by the aligner (slot agreement
nudges a pair's score) and by the verdict rules (a disagreement is a conflict)."""
from __future__ import annotations

import re

from ..models import AgeFact, Claim, TimeExpr
from .claims.slots import YEAR_INFERRED


# --------------------------------------------------------------------------- ages

# A birth year printed on a document speaks about the document's bearer, not about the speaker.
_DOCUMENT_PERSON = re.compile(r"\b(bearer|holder|document|passport|id card|card|papers|issued in the name)\b", re.I)


def ages_compatible(a: AgeFact, b: AgeFact) -> tuple[bool, str]:
    """Possible birth years overlap (an age at publication allows two birth years). Two ages given in the same
    year are one person's age at about the same time: they must be equal ("dies at 91" vs "died aged 92")."""
    if None in (a.birth_low, a.birth_high, b.birth_low, b.birth_high):
        return True, "unresolved"
    if a.kind == b.kind == "age" and a.value != b.value and a.birth_high + a.value == b.birth_high + b.value:
        return False, f"{a.text!r} vs {b.text!r} in the same year"
    if a.birth_low <= b.birth_high and b.birth_low <= a.birth_high:
        return True, f"{a.text!r} agrees with {b.text!r}"
    return False, f"{a.text!r} (born {_years(a)}) vs {b.text!r} (born {_years(b)})"


def _years(a: AgeFact) -> str:
    return str(a.birth_low) if a.birth_low == a.birth_high else f"{a.birth_low}-{a.birth_high}"


def age_subject(claim: Claim, age: AgeFact) -> str:
    """Whose birth year: the AgeFact person, 'document bearer' when printed on a document, else the subject."""
    if age.person and _DOCUMENT_PERSON.search(age.person):
        return "document bearer"
    window = claim.text[max(0, age.start - claim.start - 40):age.end - claim.start]
    if _DOCUMENT_PERSON.search(window):
        return "document bearer"
    return (age.person or "").casefold()


_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "who"})


def same_person(claim_a: Claim, a: AgeFact, claim_b: Claim, b: AgeFact) -> bool:
    sa, sb = age_subject(claim_a, a), age_subject(claim_b, b)
    if "document bearer" in (sa, sb):
        return sa == sb
    if sa in _PRONOUNS or sb in _PRONOUNS:  # "He was 91": whose age is not resolved, so it may be anyone's
        return True
    return not sa or not sb or sa == sb or sa in sb or sb in sa


# --------------------------------------------------------------------------- times

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
    grain = GRAIN.get(t.granularity, "day")
    if grain == "year":
        end = date(y + 1, 1, 1)
    elif grain == "month":
        end = date(y + (m == 12), m % 12 + 1, 1)
    elif grain == "week":
        end = date(y, m, d) + timedelta(days=7)
    else:
        end = date(y, m, d) + timedelta(days=1)
    return interval[0], f"{end.isoformat()}T00:00:00"


def year_guessed(t: TimeExpr) -> bool:
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
    if year_guessed(a) or year_guessed(b):
        if "year" in (GRAIN.get(a.granularity), GRAIN.get(b.granularity)):
            return True, "year not stated"
        guessed, known = (ia, ib) if year_guessed(a) else (ib, ia)
        shift = int(known[0][:4]) - int(guessed[0][:4])
        moved = tuple(f"{int(d[:4]) + shift:04d}{d[4:]}" for d in guessed)
        ia, ib = (moved, known) if year_guessed(a) else (known, moved)
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


# The grain at which a time of each granularity is compared: a clock time or a part of the day counts as its day.
GRAIN = {"minute": "day", "hour": "day", "part-of-day": "day", "day": "day", "week": "week", "month": "month",
         "season": "month", "part-of-year": "month", "quarter": "month", "year": "year", "decade": "year"}
