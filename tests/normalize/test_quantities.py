"""Quantities: values, qualifiers, units and what is counted."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.models import Sentence
from newsweave.normalize.quantities import extract_quantities, parse_number

from .helpers import only, seed, texts


def one(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.fixture(scope="module")
def wp_q():
    return extract_quantities(seed("washington-post")[0])


@pytest.fixture(scope="module")
def up_q():
    return extract_quantities(seed("ukrainska-pravda")[0])


def test_wp_at_least_11000_troops(wp_q):
    q = only(wp_q, "at least 11,000")
    assert (q.low, q.high, q.qualifier) == (11000, None, "at_least")
    assert "North Korean troops" in q.counted


def test_wp_at_least_4000_elided_noun(wp_q):
    q = only(wp_q, "at least 4,000")
    assert (q.low, q.high, q.qualifier, q.counted) == (4000, None, "at_least", "killed or wounded")


def test_wp_two_soldiers_and_four_hours(wp_q):
    assert any(q.text.lower() == "two" and q.low == 2 and q.counted.endswith("soldiers") for q in wp_q)
    hours = only(wp_q, "four hours")
    assert (hours.low, hours.high, hours.unit) == (4, 4, "hours")


def test_seed_years_ages_and_unit_numbers_are_not_quantities(wp_q, up_q):
    labels = {q.text for q in wp_q + up_q if q.unit.startswith("label:") or q.unit == "ordinal"}
    assert "84" in labels  # "military unit No. 84": an identifier, compared by equality, never counted
    found = {q.text for q in wp_q + up_q if q.text not in labels}
    for bad in ("2021", "2016", "2005", "1999", "1998", "2024", "19", "25", "84", "2025", "11", "15:00"):
        assert not any(bad == t or t.endswith(" " + bad) for t in found), (bad, found)


def test_up_two_soldiers(up_q):
    assert [q.counted for q in up_q if q.text == "two"] == ["soldiers", "soldiers"]


@pytest.mark.parametrize(
    "text, low, high, qualifier",
    [
        ("at least 40 people", 40, None, "at_least"),
        ("no fewer than 40 people", 40, None, "at_least"),
        ("more than 40 people", 40, None, "more_than"),
        ("over 40 people", 40, None, "more_than"),
        ("upwards of 40 people", 40, None, "more_than"),
        ("about 40 people", 40, 40, "about"),
        ("around 40 people", 40, 40, "about"),
        ("some 40 people", 40, 40, "about"),
        ("roughly 40 people", 40, 40, "about"),
        ("approximately 40 people", 40, 40, "about"),
        ("up to 40 people", None, 40, "up_to"),
        ("as many as 40 people", None, 40, "up_to"),
        ("fewer than 40 people", None, 40, "less_than"),
        ("between 30 and 40 people", 30, 40, "range"),
        ("30-40 people", 30, 40, "range"),
        ("30 to 40 people", 30, 40, "range"),
        ("40 people", 40, 40, "exact"),
    ],
)
def test_qualifiers(text, low, high, qualifier):
    q = one(text)
    assert (q.low, q.high, q.qualifier, q.counted) == (low, high, qualifier, "people")
    assert q.text == text[: -len(" people")]


@pytest.mark.parametrize(
    "text, low, high, qualifier",
    [
        ("dozens of civilians", 24, 99, "dozens"),
        ("hundreds of civilians", 200, 999, "hundreds"),
        ("thousands of civilians", 2000, 9999, "thousands"),
        ("tens of thousands of civilians", 20000, 99999, "tens_of_thousands"),
    ],
)
def test_plural_approximations_are_bounded(text, low, high, qualifier):
    q = one(text)
    assert (q.low, q.high, q.qualifier, q.counted) == (low, high, qualifier, "civilians")


@pytest.mark.parametrize(
    "text, value, counted",
    [
        ("seventeen hours", 17, "hours"),
        ("two soldiers", 2, "soldiers"),
        ("11,000 troops", 11000, "troops"),
        ("1.5 million refugees", 1_500_000, "refugees"),
        ("a dozen drones", 12, "drones"),
        ("twenty-five tanks", 25, "tanks"),
        ("two hundred prisoners", 200, "prisoners"),
    ],
)
def test_words_and_digits(text, value, counted):
    q = one(text)
    assert (q.low, q.high, q.counted) == (value, value, counted)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("rose 40%", 40, "percent"),
        ("rose 12.5 percent", 12.5, "percent"),
        ("$1.5 million", 1_500_000, "USD"),
        ("€20bn", 20_000_000_000, "EUR"),
        ("300 hryvnias", 300, "UAH"),
        ("a magnitude 6.1 earthquake", 6.1, "magnitude"),
        ("a 6.1-magnitude quake", 6.1, "magnitude"),
        ("a magnitude of 5.9", 5.9, "magnitude"),
        ("a two-day visit", 2, "days"),
    ],
)
def test_units(text, value, unit):
    q = one(text)
    assert (q.low, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Tactical Group No. 84 fought",
        "in 2021 he joined",
        "since 2016",
        "on Jan 11, 2025 at 15:00",
        "he was 19, held",
        "a 19-year-old soldier",
        "he is 25 years old",
        "an F-16 and COVID-19",
        "the 2nd battalion",
        "one of the soldiers",
        "the night of 4-5 January",
        "The Boeing 737 crashed.",
        "Two-thirds of voters",
    ],
)
def test_not_quantities(text):
    """No count: identifiers and ranks ("No. 84", "2nd", "Boeing 737") may only come out as labels/ordinals."""
    assert [q for q in extract_quantities(text) if not (q.unit.startswith("label:") or q.unit == "ordinal")] == []


def test_parse_number():
    assert parse_number("11,000") == 11000
    assert parse_number("seventeen") == 17
    assert parse_number("two hundred thousand") == 200_000
    assert parse_number("a dozen") == 12
    assert parse_number("banana") is None


def test_sentence_index():
    text = "Calm. Some 40 people died."
    sentences = (Sentence(0, 0, 5, "Calm."), Sentence(1, 6, len(text), "Some 40 people died."))
    assert extract_quantities(text, sentences)[0].sentence == 1


@settings(max_examples=300, deadline=None)
@given(texts)
def test_never_crashes_and_spans_are_exact(text):
    for q in extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.low is not None or q.high is not None
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


def test_labels_scores_changes_and_currency_prefixes():
    from newsweave.normalize.quantities import extract_quantities

    def one(text):
        return [(q.text, q.low, q.high, q.unit, q.qualifier) for q in extract_quantities(text)]

    assert one("American Airlines Flight 77 crashed") == [("77", 77, 77, "label:flight", "exact")]
    assert one("Results from No. 2 U.S. soft drink maker") == [("2", 2, 2, "label:no", "exact")]
    assert one("the court ruled 5-4 that vouchers") == [("5-4", 4, 5, "score", "score")]
    assert one("the House voted 256 to 170 to pass") == [("256 to 170", 170, 256, "score", "score")]
    assert one("Democrats hold a 17-15 advantage") == [("17-15", 15, 17, "score", "score")]
    assert one("between 50 and 100 people") == [("between 50 and 100", 50, 100, "", "range")]
    assert one("the index jumped from 29.4 to 32.6 in May") == [("from 29.4", 29.4, 29.4, "", "exact"),
                                                                ("32.6", 32.6, 32.6, "", "exact")]
    assert one("estimates ranged from 40 to 55 people")[0][4] == "range"
    assert one("shares at $US13.15 each") == [("$US13.15", 13.15, 13.15, "USD", "exact")]
    assert one("costing between US $ 100 and US $ 150") == [("between US $ 100 and US $ 150", 100, 150, "USD",
                                                             "range")]
    assert one("valued at 38-million euros")[0][1:4] == (38_000_000, 38_000_000, "EUR")
    assert one("a $ 5 billion portion")[0][3] == "USD"  # the article "a" is not the Australian dollar
    assert [q.counted for q in extract_quantities("his 23rd save in a row") if q.unit == "ordinal"] == ["save in a"]


def test_month_names_that_modify_a_noun_are_months():
    from datetime import datetime

    from newsweave.normalize.times import extract_times

    ref = datetime(2004, 6, 1)
    assert [t.text for t in extract_times("in the March issue of the magazine", ref)] == ["March"]
    assert [t.text for t in extract_times("March heating oil ended down", ref)] == ["March"]
    assert extract_times("tied to the March on Washington", ref) == ()
    assert extract_times("Thousands March for peace", ref) == ()
    assert [t.note for t in extract_times("The Fed met last November", ref)] == [
        "year inferred from publication time"]


@pytest.mark.parametrize("x, y, inside", [
    ("Spain", "Valencia", True), ("Ohio", "Cleveland", True), ("United States", "Texas", True),
    ("U.S.", "Blaine", True), ("Ukraine", "Kyiv", True), ("Ukraine", "Moscow", False), ("Texas", "Florida", False),
    ("Iran", "Iraq", False),
])
def test_place_containment(x, y, inside):
    from newsweave.normalize.places import contains, nested

    assert contains(x, y) is inside
    assert nested(y, x) is inside


@pytest.mark.parametrize("text, low, high", [
    ("the Orioles ( seven years, $ 140- $ 150 million)", 140_000_000, 150_000_000),
    ("between 5 and 10 billion dollars", 5_000_000_000, 10_000_000_000),
    ("a $1.5-2 billion deal", 1_500_000_000, 2_000_000_000),
    ("from 500 to 2 million people", 500, 2_000_000),  # the low numeral above the high one: no shared scale
])
def test_a_range_shares_its_scale_with_the_low_end(text, low, high):
    q = [q for q in extract_quantities(text) if q.qualifier == "range"][0]
    assert (q.low, q.high) == (low, high)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 998), st.integers(1, 999), st.sampled_from(["thousand", "million", "billion"]))
def test_written_once_scale_matches_written_twice(lo, hi, scale):
    hi = max(lo + 1, hi)
    once = [q for q in extract_quantities(f"The offer was ${lo}-${hi} {scale}.") if q.qualifier == "range"]
    twice = [q for q in extract_quantities(f"The offer was between ${lo} {scale} and ${hi} {scale}.")
             if q.qualifier == "range"]
    assert [(q.low, q.high) for q in once] == [(q.low, q.high) for q in twice]


@pytest.mark.parametrize("text, unit", [
    ("chased him for 48km before", "km"), ("at speeds up to 193km / h before", "km/h"), ("at 120 mph", "mph"),
    ("60 kph", "km/h"), ("25 miles per hour", "mph"), ("a 15,800 - square - metre building", "m2"),
    ("a 170,000-square-foot building", "sq_ft"), ("it weighed 200 pounds", "lb"), ("a 200-pound man", "lb"),
    ("2,000 pounds of explosives", "lb"), ("paid 500 pounds for it", "GBP"), ("a 5 million pounds deal", "GBP"),
    ("temperatures of 40°C", "celsius"), ("temperatures of 104 ° F", "fahrenheit"),
    ("40 degrees Celsius", "celsius"), ("6 feet tall", "feet"), ("3 lbs", "lb"),
])
def test_measure_units(text, unit):
    assert one(text).unit == unit


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.integers(0, 99))
def test_thousands_split_by_a_tokeniser_are_one_figure(thousands, rest):
    q = one(f"The quake killed more than {thousands}, {rest:03d} people.")
    assert q.low == thousands * 1000 + rest


def test_a_bracketed_conversion_is_as_approximate_as_its_figure():
    found = extract_quantities("The USGS put the epicentre at about 58km ( 36 miles) south-west of Bandar Abbas.")
    assert [(q.unit, q.qualifier) for q in found] == [("km", "about"), ("miles", "about")]
    found = extract_quantities("They chased him at up to 193 km/h (120 mph).")
    assert [(q.unit, q.qualifier, q.high) for q in found] == [("km/h", "up_to", 193), ("mph", "up_to", 120)]


@pytest.mark.parametrize("text, value, unit", [("LaRue served four and a half months in prison.", 4.5, "months"),
                                               ("three and a half million people", 3_500_000, ""),
                                               ("two and a half billion dollars", 2_500_000_000, "USD")])
def test_and_a_half(text, value, unit):
    q = one(text)
    assert (q.low, q.high, q.unit) == (value, value, unit)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.integers(100, 999))
def test_thousands_split_before_a_noun_are_one_figure(thousands, rest):
    q = one(f"The island lies {thousands}, {rest} kilometers south of the capital.")
    assert (q.low, q.unit) == (thousands * 1000 + rest, "km")


def test_a_list_of_figures_is_not_joined():
    assert [q.low for q in extract_quantities("In 2010, 500 people died.")] == [500]


def test_a_figure_with_a_leading_zero_is_no_count():
    assert [q.text for q in extract_quantities("The last one it shipped was MS13 - 008, an emergency patch.")] == []


@pytest.mark.parametrize("text, value, unit", [("fires have already burned nearly 80 937 hectares .", 80937, "hectares"),
                                               ("he ran 10 000 metres", 10000, "m")])
def test_thousands_set_apart_by_a_space_before_a_measure(text, value, unit):
    q = one(text)
    assert (q.low, q.unit) == (value, unit)


def test_a_decimal_point_set_apart_before_a_percentage():
    q = one("But markets reacted with alarm as Greek stocks plunged 5. 4 per cent.")
    assert (q.low, q.unit) == (5.4, "percent")
