"""Interval helpers: overlap/containment of times, compatibility of quantities and ages."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.models import AgeFact, Quantity, TimeExpr
from newsweave.normalize.intervals import (
    ages_compatible,
    contains,
    overlaps,
    parse_iso,
    quantities_compatible,
    times_compatible,
)


def q(low, high, qualifier="exact", unit="", text=None):
    return Quantity(0, 1, text or str(low or high), low, high, qualifier, unit)


def age(value, ref_year=2025):
    return AgeFact(0, 1, f"{value} years old", "age", value, ref_year - value - 1, ref_year - value)


def born(year):
    return AgeFact(0, 1, f"born in {year}", "birth_year", year, year, year)


def test_parse_iso_variants():
    assert parse_iso("2025-01-11") == datetime(2025, 1, 11)
    assert parse_iso("2025-01-11T15:00:00+02:00").utcoffset() == timedelta(hours=2)
    assert parse_iso("2025-01-11T13:00:00Z").utcoffset() == timedelta(0)
    assert parse_iso(date(2025, 1, 11)) == datetime(2025, 1, 11)
    assert parse_iso(None) is None and parse_iso("not a date") is None


def test_overlaps_and_exclusive_until():
    assert overlaps("2024-09-01", "2024-12-01", "2024-10-01", "2025-01-01")
    assert not overlaps("2024-09-01", "2024-10-01", "2024-10-01", "2025-01-01")  # until is exclusive
    assert overlaps("2024-08-01", None, "2025-01-11", "2025-01-12")  # open-ended "since August"
    assert overlaps(None, None, "2025-01-11", "2025-01-12")


def test_mixed_naive_and_aware_do_not_raise():
    assert overlaps("2025-01-11", "2025-01-12", "2025-01-11T15:00:00+02:00", "2025-01-11T15:01:00+02:00")
    assert contains("2025-01-11", "2025-01-12", "2025-01-11T15:00:00+02:00", "2025-01-11T15:01:00+02:00")


def test_contains():
    assert contains("2024-12-01", "2025-01-01", "2024-12-11", "2024-12-21")
    assert not contains("2024-12-01", "2025-01-01", "2024-11-11", "2024-12-21")
    assert contains("2024-08-01", None, "2024-12-11", "2024-12-21")
    assert not contains("2024-12-01", "2025-01-01", "2024-12-11", None)


@pytest.mark.parametrize(
    "a, b, ok",
    [
        (q(40, None, "at_least"), q(40, 40, "about"), True),
        (q(40, None, "at_least"), q(40, None, "more_than"), True),
        (q(40, 40, "about"), q(40, None, "more_than"), True),
        (q(30, 30), q(43, 43), False),
        (q(40, 40, "about"), q(43, 43, "about"), True),  # within +-10 %
        (q(40, 40, "about"), q(50, 50), False),
        (q(11000, None, "at_least"), q(12000, 12000), True),
        (q(11000, None, "at_least"), q(24, 99, "dozens"), False),
        (q(None, 40, "up_to"), q(30, 30), True),
        (q(None, 40, "less_than"), q(45, 45), False),
        (q(30, 40, "range"), q(35, 35), True),
        (q(40, 40, unit="percent"), q(40, 40, unit="USD"), False),
    ],
)
def test_quantities_compatible(a, b, ok):
    result, reason = quantities_compatible(a, b)
    assert result is ok and reason
    assert quantities_compatible(b, a)[0] is ok


def test_ages_compatible_reason():
    ok, reason = ages_compatible(age(19), born(2005))
    assert ok and "19 years old" in reason and "born in 2005" in reason
    assert ages_compatible(age(25), born(1999))[0]
    ok, reason = ages_compatible(age(19), born(1998))
    assert not ok and "contradicts" in reason


@given(st.integers(1, 120), st.integers(1900, 2100))
def test_age_always_agrees_with_its_own_birth_years(value, ref_year):
    a = age(value, ref_year)
    assert ages_compatible(a, born(ref_year - value))[0]
    assert ages_compatible(a, born(ref_year - value - 1))[0]
    assert not ages_compatible(a, born(ref_year - value + 1))[0]


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_quantity_compatibility_is_symmetric(x, y):
    assert quantities_compatible(q(x, x), q(y, y))[0] == quantities_compatible(q(y, y), q(x, x))[0]


def t(text, begin, until, resolved=True):
    return TimeExpr(0, len(text), text, begin, until, "day", resolved)


def test_times_compatible():
    autumn = t("the autumn of 2024", "2024-09-01", "2024-12-01")
    late = t("late last year", "2024-10-01", "2025-01-01")
    ok, reason = times_compatible(autumn, late)
    assert ok and "overlaps" in reason
    assert not times_compatible(autumn, t("Saturday", "2025-01-11", "2025-01-12"))[0]
    ok, reason = times_compatible(autumn, t("Saturday", None, None, resolved=False))
    assert ok and "unresolved" in reason
