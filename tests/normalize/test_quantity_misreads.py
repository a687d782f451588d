"""Numbers the quantity extractor must not misread (found on MSRP paraphrase pairs by bench/conflicts.py): mixed
fractions, ratios, clock times, a figure after a masked year, ages of a group, names with a number; and the
customary names of institutions ("the Pentagon") that the entity rules fold."""
from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.normalize.ages import extract_ages
from newsweave.normalize.quantities import extract_quantities


def values(text: str) -> list[tuple[str, float | None, str, str]]:
    return [(q.text, q.low, q.unit, q.qualifier) for q in extract_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("The quick conviction followed a 2 1 / 2 week trial .", ("2 1 / 2 week", 2.5, "weeks")),
    ("The yield on the 3 5 / 8 percent February 2013 note dropped .", ("3 5 / 8 percent", 3.625, "percent")),
    ("A soda bottle actually contains 2 ½ servings .", ("2 ½", 2.5, "")),
    ("A soda bottle actually contains 2 Â½ servings .", ("2 Â½", 2.5, "")),  # the sign mis-decoded as Latin-1
])
def test_mixed_fractions_are_one_figure(text, expected):
    assert [v[:3] for v in values(text)][0] == expected


@pytest.mark.parametrize("text, expected", [
    ("The quick conviction followed a 21 / 2-week trial .", []),  # "2½" with its fraction sign lost
    ("The 9 / 11 hijackers killed 3,000 people .", [3000]),
])
def test_figures_around_a_slash_are_not_counts(text, expected):
    assert [q.low for q in extract_quantities(text)] == expected


def test_fraction_needs_a_proper_fraction():
    assert 2.5 not in [q.low for q in extract_quantities("They won 3 5 / 4 of the seats .")]


@pytest.mark.parametrize("text, value, qualifier", [
    ("Forty to 50 years ago , the ratio was 3 to 1 , Kessler said .", 3, "exact"),
    ("Forty to 50 years ago , the ratio was about 3-to-1 , Kessler said .", 3, "about"),
    ("Ten years ago , it was 2 to 1 .", 2, "exact"),
])
def test_ratios(text, value, qualifier):
    ratios = [q for q in extract_quantities(text) if q.unit == "ratio"]
    assert [(r.low, r.qualifier) for r in ratios] == [(value, qualifier)]


@pytest.mark.parametrize("text", ["The court ruled 5-to-4 .", "The Senate voted 52 to 47 for the bill ."])
def test_votes_stay_scores(text):
    assert [q.unit for q in extract_quantities(text)] == ["score"]


@pytest.mark.parametrize("text", [
    "They landed in their Soyuz capsule at 0240 GMT .",
    "They came down in their capsule at 2 : 40 a.m. GMT .",
    "On Wednesday , at 7.51pm , Mars will be closest .",
])
def test_clock_times_are_not_counts(text):
    assert extract_quantities(text) == ()


def test_figure_after_a_year_in_a_from_to_phrase():
    qs = values("The number of injuries dropped , from 3.03 million in 2001 to 2.92 million in 2002 .")
    assert [q[1] for q in qs] == [3_030_000, 2_920_000]


def test_name_with_a_number_at_sentence_start_is_a_label():
    qs = extract_quantities("Voyager 2 , also launched in 1977 , lags far behind Voyager 1 .")
    assert [(q.low, q.unit) for q in qs] == [(2, "label:voyager"), (1, "label:voyager")]
    assert [q.unit for q in extract_quantities("About 120 potential jurors were asked .")] == [""]


@pytest.mark.parametrize("text", [
    "Researchers tested the hearing of 479 men between 20 and 64 years old who were exposed to noise .",
    "The team tested the hearing of 479 men , aged 20 to 64 , who were exposed to noise .",
])
def test_ages_of_a_group_are_neither_ages_nor_counts(text):
    assert extract_ages(text, datetime(2004, 6, 1)) == ()
    assert [q.low for q in extract_quantities(text)] == [479]


def test_single_age_still_found():
    assert [a.value for a in extract_ages("The suspect , aged 20 , was arrested .", datetime(2004, 6, 1))] == [20]


@pytest.mark.parametrize("name, expansion", [
    ("Pentagon", "Department of Defense"), ("the Pentagon", "Department of Defense"),
    ("Defense Department", "Department of Defense"), ("Department of Defense", "Department of Defense"),
    ("Justice Department", "Department of Justice"), ("Treasury Department", "Department of Treasury"),
    ("Big Blue", "IBM"),
])
def test_customary_names_expand(name, expansion):
    from newsweave.normalize.aliases import expand

    assert expand(name)[0] == expansion


def test_department_store_is_not_a_department():
    from newsweave.normalize.aliases import expand

    assert expand("Department Store") is None
