"""Interval helpers for comparing normalised times, quantities and ages (used by the verdict stage).

Times are ``[begin, until)`` ISO strings (``until`` exclusive, None = open).  Mixed values compare safely:
dates become midnight, and when one side has a UTC offset and the other has none, both are compared as wall-clock
times (offsets dropped) rather than raising ``TypeError``.

Quantity tolerance: "about v" / "nearly v" stands for ``[0.9 v, 1.1 v]`` (``ABOUT_TOLERANCE`` = 10 %), and a
bare exact number is allowed ``EXACT_TOLERANCE`` = 2 % (rounding in reporting: "11,000" vs "10,800").
"""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from newsweave.models import AgeFact, Quantity, TimeExpr

ABOUT_TOLERANCE = 0.10
EXACT_TOLERANCE = 0.02


def parse_iso(value: str | date | datetime | None) -> datetime | None:
    """ISO date or datetime (with or without offset, "Z" allowed) to ``datetime``; None/invalid -> None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(0))
    text = str(value).strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(text[:10]), time(0))
        except ValueError:
            return None


def _comparable(a: datetime | None, b: datetime | None) -> tuple[datetime | None, datetime | None]:
    if a is None or b is None:
        return a, b
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a, b


def _before(a: Any, b: Any) -> bool:
    """a < b with None meaning -inf for a and +inf for b."""
    x, y = _comparable(parse_iso(a), parse_iso(b))
    if x is None or y is None:
        return True
    return x < y


def overlaps(a_begin: Any, a_until: Any, b_begin: Any, b_until: Any) -> bool:
    """Do ``[a_begin, a_until)`` and ``[b_begin, b_until)`` share any instant?  None bounds are open."""
    return _before(a_begin, b_until) and _before(b_begin, a_until)


def contains(outer_begin: Any, outer_until: Any, inner_begin: Any, inner_until: Any) -> bool:
    """Is ``[inner_begin, inner_until)`` inside ``[outer_begin, outer_until)``?  None bounds are open."""
    if outer_begin is not None:
        if inner_begin is None or _before(inner_begin, outer_begin):
            return False
    if outer_until is not None:
        if inner_until is None or _before(outer_until, inner_until):
            return False
    return True


def times_compatible(t1: TimeExpr, t2: TimeExpr) -> tuple[bool, str]:
    """Can both time expressions describe the same moment?  Unresolved ones cannot contradict anything."""
    for t in (t1, t2):
        if not t.resolved or t.begin is None:
            return True, f"cannot compare '{t1.text}' and '{t2.text}': '{t.text}' is unresolved ({t.note})"
    span1, span2 = _span(t1), _span(t2)
    if overlaps(t1.begin, t1.until, t2.begin, t2.until):
        return True, f"'{t1.text}' {span1} overlaps '{t2.text}' {span2}"
    return False, f"'{t1.text}' {span1} does not overlap '{t2.text}' {span2}"


def _span(t: TimeExpr) -> str:
    return f"[{t.begin}, {t.until or 'open'})"


# --------------------------------------------------------------------------- quantities


def quantity_bounds(q: Quantity) -> tuple[float | None, float | None]:
    """Inclusive bounds implied by a quantity and its qualifier (tolerances applied)."""
    low, high = q.low, q.high
    if q.qualifier == "about":
        base_lo = low if low is not None else high
        base_hi = high if high is not None else low
        return (None if base_lo is None else base_lo * (1 - ABOUT_TOLERANCE),
                None if base_hi is None else base_hi * (1 + ABOUT_TOLERANCE))
    if q.qualifier == "exact":
        return (None if low is None else low * (1 - EXACT_TOLERANCE),
                None if high is None else high * (1 + EXACT_TOLERANCE))
    if q.qualifier == "more_than" and low is not None:
        return low * (1 + 1e-9) if low else 1e-9, high
    if q.qualifier == "less_than" and high is not None:
        return low, high * (1 - 1e-9)
    return low, high


def _fmt(q: Quantity) -> str:
    return f"'{q.text}' ({q.qualifier})"


def quantities_compatible(q1: Quantity, q2: Quantity) -> tuple[bool, str]:
    """Can both quantities be true at once?  Returns (compatible, reason)."""
    if (q1.unit or "") != (q2.unit or "") and q1.unit and q2.unit:
        return False, f"different units: {q1.unit} vs {q2.unit}"
    lo1, hi1 = quantity_bounds(q1)
    lo2, hi2 = quantity_bounds(q2)
    lo = max((v for v in (lo1, lo2) if v is not None), default=None)
    hi = min((v for v in (hi1, hi2) if v is not None), default=None)
    if lo is not None and hi is not None and lo > hi:
        ranges = f"{_rng(lo1, hi1)} and {_rng(lo2, hi2)}"
        return False, f"{_fmt(q1)} and {_fmt(q2)} cannot both hold: ranges {ranges} do not meet"
    return True, f"{_fmt(q1)} and {_fmt(q2)} are compatible: both allow {_rng(lo, hi)}"


def _rng(lo: float | None, hi: float | None) -> str:
    def f(v: float | None, inf: str) -> str:
        return inf if v is None else (f"{v:,.0f}" if float(v).is_integer() or v >= 100 else f"{v:,.2f}")

    return f"[{f(lo, '-inf')}, {f(hi, '+inf')}]"


# --------------------------------------------------------------------------- ages


def _describe_age(a: AgeFact) -> str:
    if a.kind == "birth_year":
        return f"born in {a.value}"
    return f"{a.value} years old" + ("" if a.birth_low is None else f" (born {a.birth_low}-{a.birth_high})")


def ages_compatible(a1: AgeFact, a2: AgeFact) -> tuple[bool, str]:
    """Do two age/birth-year facts allow a common birth year?  Returns (compatible, reason)."""
    if None in (a1.birth_low, a1.birth_high, a2.birth_low, a2.birth_high):
        return True, f"cannot compare {_describe_age(a1)} and {_describe_age(a2)}: publication time unknown"
    lo = max(a1.birth_low, a2.birth_low)  # type: ignore[type-var]
    hi = min(a1.birth_high, a2.birth_high)  # type: ignore[type-var]
    if lo <= hi:
        years = f"{lo}" if lo == hi else f"{lo}-{hi}"
        return True, f"{_describe_age(a1)} agrees with {_describe_age(a2)}: both allow birth in {years}"
    return False, f"{_describe_age(a1)} contradicts {_describe_age(a2)}: birth years do not overlap"
