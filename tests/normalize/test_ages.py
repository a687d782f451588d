"""Ages and birth years as birth-year intervals."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings

from newsweave.models import Sentence
from newsweave.normalize.ages import extract_ages
from newsweave.compare.values import ages_compatible

from .helpers import only, seed, texts

REF = datetime(2025, 1, 11)


def one(text: str, ref=REF):
    found = extract_ages(text, ref)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


@pytest.fixture(scope="module")
def wp_ages():
    text, ref = seed("washington-post")
    return extract_ages(text, ref)


@pytest.fixture(scope="module")
def up_ages():
    text, ref = seed("ukrainska-pravda")
    return extract_ages(text, ref)


def test_up_was_19_and_wp_born_2005_overlap(up_ages, wp_ages):
    age = only(up_ages, "he was 19")
    assert (age.kind, age.value, age.birth_low, age.birth_high, age.person) == ("age", 19, 2005, 2006, "he")
    born = only(wp_ages, "born in 2005")
    assert (born.kind, born.birth_low, born.birth_high) == ("birth_year", 2005, 2005)
    ok, reason = ages_compatible(age, born)
    assert ok and "2005" in reason


def test_up_25_years_old_and_wp_born_1999_overlap(up_ages, wp_ages):
    age = only(up_ages, "25 years old")
    assert (age.value, age.birth_low, age.birth_high) == (25, 1999, 2000)
    assert ages_compatible(age, only(wp_ages, "born in 1999"))[0]


def test_wp_document_birth_year_belongs_to_its_bearer(wp_ages):
    doc = only(wp_ages, "birth year as 1998")
    assert (doc.kind, doc.value, doc.person) == ("birth_year", 1998, "its bearer")
    assert not ages_compatible(doc, only(wp_ages, "born in 2005"))[0]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("She said he was 19, and held the rank", "he was 19", 19),
        ("a 19-year-old soldier", "19-year-old", 19),
        ("a nineteen-year-old soldier", "nineteen-year-old", 19),
        ("the soldier, aged 19, was", "aged 19", 19),
        ("He is 25 years old.", "25 years old", 25),
        ("John Smith, 45, said", ", 45,", 45),
        ("Felt died at 95.", "died at 95", 95),
        ("at the age of 91", "at the age of 91", 91),
    ],
)
def test_age_forms(text, span, value):
    a = one(text)
    assert (a.text, a.kind, a.value, a.birth_low, a.birth_high) == (span, "age", value, 2025 - value - 1,
                                                                    2025 - value)


@pytest.mark.parametrize(
    "text, span, year",
    [
        ("He said he was born in 2005 and", "born in 2005", 2005),
        ("born on 3 March 1999 in Pyongyang", "born on 3 March 1999", 1999),
        ("It shows its bearer's birth year as 1998.", "birth year as 1998", 1998),
        ("year of birth: 1998", "year of birth: 1998", 1998),
    ],
)
def test_birth_year_forms(text, span, year):
    a = one(text)
    assert (a.text, a.kind, a.value, a.birth_low, a.birth_high) == (span, "birth_year", year, year, year)


@pytest.mark.parametrize("text, person", [
    ("The soldier said he was 19.", "he"),
    ("the 33-year-old actress said", "the actress"),
    ("Jack Reid, 33, checked in", "Jack Reid"),
    ("Felt died at 95.", "Felt"),
])
def test_an_age_names_the_person_it_belongs_to(text, person):
    assert one(text).person == person


def test_age_without_reference_has_no_birth_interval():
    a = one("He said he was 19.", None)
    assert (a.value, a.birth_low, a.birth_high) == (19, None, None)
    assert one("born in 2005", None).birth_low == 2005
    ok, reason = ages_compatible(a, one("born in 2005", None))
    assert ok and reason == "unresolved"


@pytest.mark.parametrize("text", ["The death toll was 19.", "19 soldiers", "in 2005", "It is 25 km away",
                                  "a 25-year sentence", "born in 2030"])
def test_not_ages(text):
    assert extract_ages(text, REF) == ()


def test_sentence_index():
    text = "Calm. He was 19."
    sentences = (Sentence(0, 0, 5, "Calm."), Sentence(1, 6, len(text), "He was 19."))
    assert extract_ages(text, REF, sentences)[0].sentence == 1


@settings(max_examples=300, deadline=None)
@given(texts)
def test_never_crashes_and_spans_are_exact(text):
    for ref in (REF, None):
        for a in extract_ages(text, ref):
            assert 0 <= a.start < a.end <= len(text)
            assert text[a.start:a.end] == a.text
            assert a.kind in ("age", "birth_year")
            if a.birth_low is not None:
                assert a.birth_low <= a.birth_high


def test_a_headline_ending_in_an_age_gives_the_age():
    ages = extract_ages("Actor John Smith Dies at 91\n\nJohn Smith died on Monday.", None)
    assert [(a.text, a.value) for a in ages] == [("Dies at 91", 91)]
