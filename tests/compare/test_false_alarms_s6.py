"""False alarms removed in session 6: two different names that each fill a slot the other wording fills with a
pronoun or a common noun. Claims come from the normaliser's own extractors (spaCy NER), as `compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.rules import conflicts

from .helpers import claim, entity_pair as _entity

pytest.importorskip("spacy")


def test_names_in_crossed_slots_are_no_swap():
    """ "Mr. Smith" is the subject on one side, where the other says "He"; "Dr. Jones" is the object on the other,
    where the first says "the Houston pastor": each name has its counterpart, and the two are no swap."""
    a = "Mr. Smith has praised the Houston pastor for his work with homeless families ."
    b = "He has praised Dr. Jones for his work with homeless families ."
    assert _entity(a, b) == []
    assert conflicts(claim(a, "A"), claim(b, "B")) == []


def test_a_name_replaced_in_the_same_slot_still_conflicts():
    """The control: the subject replaced by another name is a swap."""
    found = _entity("Mr. Smith has praised the Houston pastor for his work with homeless families .",
                    "Mr. Brown has praised the Houston pastor for his work with homeless families .")
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Smith", "Brown")]


def test_a_name_the_other_side_gives_elsewhere_is_not_replaced():
    """ "the U.S. market" / "the PC market in the United States": the other side still names the United States,
    so "PC" in the same place is something it adds, not what it put in the place of "U.S.". """
    a = "Dell has about 32 percent of the U.S. market , but a much lower share in the rest of the world ."
    b = "Dell has 32 percent of the PC market in the United States , but only a 10 percent share in the rest of the world ."
    assert _entity(a, b) == []


def test_a_list_that_grows_keeps_its_names():
    """A list that adds a name after one both sides give ("... Columbus ." / "... Columbus , Ohio , and
    Washington .") replaces none of them."""
    a = "The agency closed bookstores in San Francisco , Boston , Chicago , Cleveland , and Columbus ."
    b = "Since 2001 , the agency has closed bookstores in San Francisco , Boston , Chicago , Cleveland , Columbus , " \
        "Ohio , and Washington ."
    assert _entity(a, b) == []


def test_a_name_replaced_between_the_same_words_still_conflicts():
    """The control: the other side does not name the first name anywhere, so the second one replaced it."""
    found = _entity("Dell has about 32 percent of the Texas market , but a much lower share in the rest of the world .",
                    "Dell has 32 percent of the Ohio market , but only a 10 percent share in the rest of the world .")
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Texas", "Ohio")]


def test_an_attempt_is_not_contradicted_by_its_failure():
    """ "tries to stay above" states no outcome; "failed to stay above" states one: no polarity conflict."""
    from newsweave.compare.verdict.polarity import polarity_conflicts

    a = claim("In Canada , the rising dollar will be in focus again as it tries to stay above the 75 cent mark .", "A")
    b = claim("In Canada , the rising dollar was in focus again as it just failed to stay above the 75 cent mark .", "B")
    assert polarity_conflicts(a, b) == [] and polarity_conflicts(b, a) == []


def test_a_failure_still_contradicts_a_success():
    """The control: "stayed above" states the outcome that "failed to stay above" denies."""
    from newsweave.compare.verdict.polarity import polarity_conflicts

    a = claim("In Canada , the rising dollar was in focus again as it stayed above the 75 cent mark .", "A")
    b = claim("In Canada , the rising dollar was in focus again as it just failed to stay above the 75 cent mark .", "B")
    found = polarity_conflicts(a, b)
    assert [c.kind for c in found] == ["polarity"] and "A states it" in found[0].explanation


def test_two_market_benchmarks_quoted_side_by_side_are_two_facts():
    """A market report gives each index (or each futures contract) its own move and level: the Nasdaq's figures
    are not a misreport of the S&P 500's, nor heating oil's of gasoline's."""
    from newsweave.compare.verdict.numbers import number_conflicts

    pairs = [("The broader Standard & Poor 's 500 Index gained 3 points , or 0.39 percent , to 924 .",
              "The technology-laced Nasdaq Composite Index rose 6 points , or 0.41 percent , to 1,498 ."),
             ("November gasoline futures settled 1.47 cents lower at 78.70 cents a gallon .",
              "November heating oil futures ended down 0.41 cent at 70.74 cents a gallon .")]
    for a, b in pairs:
        assert number_conflicts(claim(a, "A"), claim(b, "B")) == []


def test_one_benchmark_quoted_with_two_figures_still_conflicts():
    """The control: the same index with another move is a conflict, its explanation naming both figures."""
    from newsweave.compare.verdict.numbers import number_conflicts

    found = number_conflicts(claim("The Nasdaq Composite Index rose 6 points , or 0.41 percent , to 1,498 .", "A"),
                             claim("The Nasdaq Composite Index rose 9 points , or 0.41 percent , to 1,498 .", "B"))
    assert [c.explanation for c in found] == ["A says 6, B says 9 (points)"]
