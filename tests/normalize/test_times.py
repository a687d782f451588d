"""Time expressions: recognition and resolution against the publication time."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings

from newsweave.models import Sentence
from newsweave.compare.values import times_compatible
from newsweave.normalize.times import UNRESOLVED_NO_REF, extract_times

from .helpers import only, seed, texts

REF = datetime(2025, 1, 11)  # a Saturday
REF_TZ = datetime(2025, 1, 11, 15, 0, tzinfo=timezone(timedelta(hours=2)))


def one(text: str, ref=REF):
    found = extract_times(text, ref)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def interval(text: str, ref=REF):
    t = one(text, ref)
    return t.text, t.begin, t.until, t.granularity


# --------------------------------------------------------------------------- seed pair


@pytest.fixture(scope="module")
def wp_times():
    text, ref = seed("washington-post")
    return extract_times(text, ref)


@pytest.fixture(scope="module")
def up_times():
    text, ref = seed("ukrainska-pravda")
    return extract_times(text, ref)


def test_wp_saturday_is_publication_day(wp_times):
    t = only(wp_times, "Saturday")
    assert (t.begin, t.until, t.granularity, t.resolved) == ("2025-01-11", "2025-01-12", "day", True)


def test_wp_late_last_year(wp_times):
    hits = [t for t in wp_times if t.text == "late last year"]
    assert len(hits) == 2
    assert all((t.begin, t.until) == ("2024-10-01", "2025-01-01") for t in hits)


def test_wp_in_november_since_august_mid_december_this_week(wp_times):
    assert only(wp_times, "November").begin == "2024-11-01"
    assert only(wp_times, "November").until == "2024-12-01"
    since = only(wp_times, "since August")
    assert since.begin == "2024-08-01" and since.granularity == "month" and "since" in since.note
    assert since.until == "2025-01-12"
    for t in (t for t in wp_times if t.text == "mid-December"):
        assert "2024-12-01" <= t.begin < t.until <= "2025-01-01"
    week = only(wp_times, "this week")
    assert week.begin <= "2025-01-11" < week.until and week.granularity == "week"


def test_wp_for_months_is_not_a_date(wp_times):
    assert not any("months" in t.text for t in wp_times)


def test_up_autumn_overlaps_late_last_year(up_times, wp_times):
    autumn = only(up_times, "the autumn of 2024")
    assert (autumn.begin, autumn.until, autumn.granularity) == ("2024-09-01", "2024-12-01", "season")
    late = [t for t in wp_times if t.text == "late last year"][0]
    assert times_compatible(autumn, late)[0]


def test_up_since_years_and_night_range(up_times):
    assert only(up_times, "since 2021").begin == "2021-01-01"
    assert only(up_times, "since 2016").begin == "2016-01-01"
    night = only(up_times, "the night of 4-5 January")
    assert (night.begin, night.until) == ("2025-01-04", "2025-01-06")


def test_up_dateline_with_clock_carries_offset(up_times):
    dateline = [t for t in up_times if t.text.startswith("Jan 11, 2025")][0]
    assert dateline.begin == "2025-01-11T15:00:00+02:00" and dateline.granularity == "minute"


def test_up_no_false_positives(up_times):
    texts_found = " | ".join(t.text for t in up_times)
    assert "84" not in texts_found and "one-week" not in texts_found


# --------------------------------------------------------------------------- families


@pytest.mark.parametrize(
    "text, begin, until, gran",
    [
        ("Jan 11, 2025", "2025-01-11", "2025-01-12", "day"),
        ("11 January 2025", "2025-01-11", "2025-01-12", "day"),
        ("2025-01-11", "2025-01-11", "2025-01-12", "day"),
        ("Tuesday, May 24, 2005", "2005-05-24", "2005-05-25", "day"),
        ("11/28/2005", "2005-11-28", "2005-11-29", "day"),
        ("28.11.2024", "2024-11-28", "2024-11-29", "day"),
        ("October 2011", "2011-10-01", "2011-11-01", "month"),
        ("in 2021", "2021-01-01", "2022-01-01", "year"),
        ("the 1990s", "1990-01-01", "2000-01-01", "decade"),
        ("the autumn of 2024", "2024-09-01", "2024-12-01", "season"),
        ("the winter of 2023", "2023-12-01", "2024-03-01", "season"),
        ("the third quarter of 2023", "2023-07-01", "2023-10-01", "quarter"),
        ("the 2008-09 season", "2008-01-01", "2010-01-01", "year-range"),
    ],
)
def test_absolute(text, begin, until, gran):
    for ref in (REF, None):
        t = one(text, ref)
        assert (t.begin, t.until, t.granularity, t.resolved) == (begin, until, gran, True)


@pytest.mark.parametrize(
    "text, begin, until, gran",
    [
        ("Jan. 10", "2025-01-10", "2025-01-11", "day"),
        ("Saturday", "2025-01-11", "2025-01-12", "day"),
        ("Friday", "2025-01-10", "2025-01-11", "day"),
        ("Sunday", "2025-01-05", "2025-01-06", "day"),
        ("last Saturday", "2025-01-04", "2025-01-05", "day"),
        ("next Monday", "2025-01-13", "2025-01-14", "day"),
        ("today", "2025-01-11", "2025-01-12", "day"),
        ("yesterday", "2025-01-10", "2025-01-11", "day"),
        ("this week", "2025-01-06", "2025-01-13", "week"),
        ("last week", "2024-12-30", "2025-01-06", "week"),
        ("next week", "2025-01-13", "2025-01-20", "week"),
        ("last month", "2024-12-01", "2025-01-01", "month"),
        ("last year", "2024-01-01", "2025-01-01", "year"),
        ("earlier this month", "2025-01-01", "2025-01-12", "part-of-month"),
        ("late last year", "2024-10-01", "2025-01-01", "part-of-year"),
        ("early last year", "2024-01-01", "2024-04-01", "part-of-year"),
        ("mid-December", "2024-12-11", "2024-12-21", "part-of-month"),
        ("late December", "2024-12-21", "2025-01-01", "part-of-month"),
        ("eight days ago", "2025-01-03", "2025-01-04", "day"),
        ("the night of 4-5 January", "2025-01-04", "2025-01-06", "day-range"),
        ("last summer", "2024-06-01", "2024-09-01", "season"),
    ],
)
def test_relative(text, begin, until, gran):
    assert interval(text) == (text, begin, until, gran)


def test_month_most_recent_past():
    assert one("It was signed in November.").begin == "2024-11-01"
    assert one("It was signed in January.").begin == "2025-01-01"
    assert one("It was signed in November.", datetime(2025, 12, 3)).begin == "2025-11-01"


def test_season_without_year_is_most_recent_past():
    t = one("Talks stalled in the autumn.")
    assert (t.begin, t.until, t.granularity) == ("2024-09-01", "2024-12-01", "season")
    assert one("Talks stalled in the autumn.", datetime(2025, 10, 20)).begin == "2025-09-01"


def test_since_is_open_to_publication():
    t = one("Ukraine has held it since August.")
    assert (t.text, t.begin, t.until, t.granularity) == ("since August", "2024-08-01", "2025-01-12", "month")


def test_clock_on_weekday_uses_reference_offset():
    t = one("The strike came at 3.45pm on Tuesday.", REF_TZ)
    assert t.text == "3.45pm on Tuesday"
    assert (t.begin, t.until, t.granularity) == ("2025-01-07T15:45:00+02:00", "2025-01-07T15:46:00+02:00", "minute")


def test_iso_datetime_keeps_its_offset():
    t = one("Updated 2025-01-11T15:00:00+02:00.", None)
    assert (t.begin, t.granularity) == ("2025-01-11T15:00:00+02:00", "minute")


def test_clock_without_day_is_not_guessed():
    t = one("The siren sounded at 7 p.m. and stopped.")
    assert t.resolved is False and t.begin is None and "without a date" in t.note


@pytest.mark.parametrize("text", ["Saturday", "late last year", "in November", "this week", "Jan. 10",
                                  "3.45pm on Tuesday", "since August", "yesterday", "mid-December"])
def test_relative_without_reference_is_unresolved(text):
    t = extract_times(text, None)[-1]
    assert t.resolved is False and t.begin is None and t.until is None
    assert "publication time unknown" in t.note or UNRESOLVED_NO_REF in t.note


def test_since_absolute_without_reference_stays_open():
    t = one("serving since 2016", None)
    assert (t.begin, t.until, t.resolved) == ("2016-01-01", None, True)


def test_anaphoric_is_reported_unresolved():
    t = one("He was freed the day after.")
    assert t.resolved is False and "anaphoric" in t.note


@pytest.mark.parametrize(
    "text",
    [
        "the soldiers of the Tactical Group No. 84",
        "You may leave now.",
        "Protesters March on the capital.",
        "They have warned for months.",
        "some 2000 people attended",
        "it killed 1500 soldiers",
        "a F-16 jet",
        "3-1 win",
        "an interview with the Sunday Times",
    ],
)
def test_no_false_positives(text):
    assert extract_times(text, REF) == ()


def test_named_day_is_not_resolved_as_a_weekday():
    t = one("Black Friday sales")
    assert t.resolved is False and "named day" in t.note


def test_sentence_index():
    text = "First one. It happened on Saturday."
    sentences = (Sentence(0, 0, 10, "First one."), Sentence(1, 11, len(text), "It happened on Saturday."))
    (t,) = extract_times(text, REF, sentences)
    assert t.sentence == 1
    assert extract_times(text, REF)[0].sentence == -1


def test_naive_and_aware_references_agree_on_dates():
    assert one("Saturday", REF).begin == one("Saturday", REF_TZ).begin == "2025-01-11"


@settings(max_examples=300, deadline=None)
@given(texts)
def test_never_crashes_and_spans_are_exact(text):
    for ref in (REF_TZ, None):
        for t in extract_times(text, ref):
            assert 0 <= t.start < t.end <= len(text)
            assert text[t.start:t.end] == t.text
            if t.resolved:
                assert t.begin is not None
            if t.begin is not None and t.until is not None:
                assert t.begin < t.until or len(t.begin) != len(t.until)


def test_decade_with_apostrophe_and_house_numbers():
    from datetime import datetime

    from newsweave.normalize.times import extract_times

    ref = datetime(2012, 1, 1)
    found = extract_times("The gang was founded in the 1930's by Luciano.", ref)
    assert [(t.begin, t.until) for t in found] == [("1930-01-01", "1940-01-01")]
    assert extract_times("Gomes was arrested late Tuesday night at 2088 Philip Street.", ref) == () or all(
        "2088" not in t.text for t in extract_times("Gomes was arrested late Tuesday night at 2088 Philip Street.", ref))
    assert [t.text for t in extract_times("In 1998 Main Street shops closed.", ref)] == ["1998"]
