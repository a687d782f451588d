"""Conflict rules on claims built by the normaliser's own extractors (what `compare` uses), not the regex
stand-ins of verdict.slots: cases found by bench/conflicts.py once it measured the production path."""
from __future__ import annotations

import pytest
from normaliser_claims import claim  # tests/compare is on sys.path (pytest's prepend import mode)

from newsweave.compare.verdict import rules
from newsweave.compare.verdict.entities import matching as entity_rules


def found(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.a["value"], c.b["value"]) for c in rules.conflicts(claim(a, "A"), claim(b, "B"))]


def test_same_part_of_day_agrees():
    # sub-day intervals were cut to dates, so "Thursday morning" had an empty interval and clashed with itself
    assert found("A hearing was held Thursday morning in Fulton County Superior Court.",
                 "A hearing Thursday morning in Fulton County Superior Court marked the first step.") == []


@pytest.mark.parametrize("a, b", [
    ("Tibco has used the Rendezvous name since 1994 for its products.",
     "Tibco has used the Rendezvous name since 1996 for its products."),
    ("As many as 200 operatives have slipped back into the country since May 1.",
     "As many as 200 operatives have slipped back into the country since August 1."),
])
def test_since_compares_the_starts(a, b):
    assert [k for k, _, _ in found(a, b)] == ["date"]


def test_month_without_a_year_still_compared():
    assert [k for k, _, _ in found("The trial of Gary Sampson will be held in September.",
                                   "The trial of Gary Sampson will be held in March.")] == ["date"]


def test_flight_numbers_scores_and_ranks():
    assert ("number", "77", "42") in found("The hijackers flew American Airlines Flight 77 into the Pentagon.",
                                           "The hijackers flew American Airlines Flight 42 into the Pentagon.")
    assert found("The court ruled 5-4 that vouchers are constitutional.",
                 "The court ruled 5-13 that vouchers are constitutional.") == [("number", "5-4", "5-13")]
    assert found("The court ruled 5-4 that vouchers are constitutional.",
                 "The court ruled 4-5 that the vouchers are constitutional.") == []
    assert found("Gagne pitched a perfect ninth for his 23rd save.",
                 "Gagne struck out two in a perfect ninth for his 71st save.") == [("number", "23rd", "71st")]


def test_number_label_is_not_a_negation():
    assert found("Zelensky thanked Tactical Group No. 84 and the paratroopers who captured the soldiers.",
                 "The soldiers were captured by paratroopers and Tactical Group No. 84, Zelensky said.") == []


def test_related_names_are_not_a_swap_but_an_unrelated_one_is():
    pytest.importorskip("onnxruntime")
    assert found("Saddam loyalists have been blamed for sabotaging the nation's infrastructure.",
                 "Hussein loyalists have been blamed for sabotaging the nation's infrastructure.") == []
    kinds = [k for k, _, _ in found("Microsoft said it would buy the antivirus firm for $10 million.",
                                    "Oracle said it would buy the antivirus firm for $10 million.")]
    assert kinds == ["entity"]


def test_a_bound_reaches_only_so_far():
    a = "Sprint plans to have more than 2,100 hot spots by the end of the year."
    assert found(a, "Sprint plans to have 2,300 hot spots by the end of the year.") == []
    assert [k for k, _, _ in found(a, "Sprint plans to have 3,152 hot spots by the end of the year.")] == ["number"]


def test_stated_ranges_agree_bound_by_bound():
    a = "There were between 400,000 and 750,000 Iraqis employed by state-owned enterprises."
    assert [k for k, _, _ in found(a, "There were between 400,000 and 1,500,000 Iraqis employed by state "
                                      "enterprises.")] == ["number"]
    assert found(a, "Between 400,000 and 750,000 Iraqis were employed by state-owned enterprises.") == []


@pytest.mark.parametrize("a, b", [
    ("But none of them opposed the idea outright, ministers said.",
     "But none of the ministers opposed Mr. Powell's suggestion outright on Thursday, the ministers said."),
    ("Revenue declined to $36.9 billion from $39.3 billion, reflecting lower vehicle sales.",
     "Revenue fell to $36.9 billion from $39.3 billion a year ago, due to lower vehicle sales."),
    ("\"I don't know anybody in the committee who's fighting to keep it out,\" Peterson added.",
     "Peterson added, I dont know anybody in the committee whos fighting to keep it out."),
    ("Florida's primary isn't until March 9, following 28 other states.",
     "Florida's primary will be March 9, after 28 other states."),
])
def test_same_polarity_in_other_words(a, b):
    assert [k for k, _, _ in found(a, b)] == []


def test_not_yet_is_a_negation():
    assert [k for k, _, _ in found("Businesses are feeling confident enough to upgrade their office PCs.",
                                   "Businesses are not yet feeling confident enough to upgrade their office PCs.")
            ] == ["polarity"]


@pytest.mark.parametrize("x, y, same", [
    ("U.S", "US military", True), ("Al Qaeda", "Qaida", True), ("D-Neb", "Nebraska", True),
    ("Federal Emergency Management Administration", "Federal Emergency Management Agency", True),
    ("Microsoft", "Army", False), ("British police", "British military", False), ("Tacoma Mall", "Tacoma Cemetery", False),
])
def test_spelling_variants_of_one_name(x, y, same):
    assert entity_rules._same_spelling(x, y) is same
