"""Regression tests for the conflict rules tuned on bench/conflicts.py (MSRP perturbations): each case is a
real miss or false alarm found there, reduced to a short sentence."""
from __future__ import annotations

from datetime import date

import pytest

from newsweave.models import Claim
from newsweave.compare.verdict import rules
from newsweave.compare.claims import slots
from newsweave.compare.verdict import entities as entity_rules

from .helpers import ent, slot_claim

REF = date(2004, 6, 1)


def claim(text: str, outlet: str = "A", who: str = "", entities=None) -> Claim:
    return slot_claim(text, outlet, who, ref=REF, entities=entities)


def kinds(a: str, b: str, **kw) -> list[str]:
    return sorted({c.kind for c in rules.conflicts(claim(a, **kw), claim(b, "B"))})


# --------------------------------------------------------------------------- numbers

def test_changed_figure_found_by_its_surroundings():
    a = "HP 's shipments increased 48 per cent year-on-year , compared to an increase of 31 per cent for Dell ."
    b = "HPs shipments increased 31 per cent year-on-year , compared to an increase of 31 per cent for Dell ."
    found = rules.conflicts(claim(a), claim(b, "B"))
    assert [(c.kind, c.a["value"], c.b["value"]) for c in found] == [("number", "48 per cent", "31 per cent")]


def test_changed_figure_among_other_units():
    a = "The US chip market is expected to decline 2.1 percent this year , then grow 15.7 percent in 2004 ."
    b = ("The Americas market will decline 8.3 percent to $ 30.6 billion in 2003 , and then grow 15.7 percent "
         "to $ 35.4 billion in 2004 .")
    assert "number" in kinds(a, b)


def test_word_numbers_compound():
    assert [q.low for q in slots.quantities("Twenty-eight people were missing")] == [28.0]
    assert kinds("Twenty-eight people were believed to be there .", "Twenty-seven people were believed to be there .") \
        == ["number"]


@pytest.mark.parametrize("text", ["a three-term congressman", "a four-week low", "since the 1980s",
                                  "one of the researchers", "by 1018 GMT", "until 6 p.m. Sunday",
                                  "as Eleonora67 said"])
def test_not_counts(text):
    assert slots.quantities(text) == ()


def test_rounded_figure_agrees():
    assert kinds("Plaque volume increased by 2.7 percent .", "Plaque volume rose by 3 % .") == []
    assert kinds("Plaque volume increased by 1.5 million .", "Plaque volume rose by 2 million .") == ["number"]


def test_scale_stated_once_agrees():
    assert kinds("It beat the previous record of $ 54.9-million .", "It beat the previous record of $ 54.9 .") == []


def test_leading_dot_decimal():
    assert [q.low for q in slots.quantities("settled .85 cent lower")] == [0.85]


def test_number_on_one_side_only_is_partial():
    a = "The strike killed 30 people in Gaza , officials said ."
    b = "The strike killed 30 people and wounded 80 in Gaza , officials said ."
    assert kinds(a, b) == []


def test_apposition_ages_of_different_people():
    a = "Helen Sharkey , 31 , and Gene Foster , 44 , pleaded guilty Tuesday ."
    b = "Former executives Helen Christine Sharkey , 31 , and Gene Shannon Foster , 44 , pleaded guilty Tuesday ."
    assert kinds(a, b) == []
    assert kinds("Paul Durousseau , 30 , was charged Tuesday .", "Paul Durousseau , 32 , was charged Tuesday .") \
        == ["number"]


# --------------------------------------------------------------------------- dates

def test_msrp_date_forms():
    [t] = slots.times("vanished on July 30 , 1975 , from a lot", REF)
    assert (t.text, t.begin) == ("July 30 , 1975", "1975-07-30")
    [t] = slots.times("the attacks of Sept . 11 , 2001 .", REF)
    assert t.begin == "2001-09-11"


def test_guessed_year_is_not_evidence():
    a = "The offer is subject to an agreement with the banks by 30 September 2003 ."
    b = "The offer is subject to an agreement with the banks by Sept . 30 , it said ."
    assert kinds(a, b) == []
    assert kinds("The offer expires by 30 September 2003 .", "The offer expires by Sept . 20 , it said .") == ["date"]


def test_changed_year_among_others():
    a = "Mr. Bergonzi was the finance chief from 1995 until his departure in 1999 ."
    b = "Mr. Bergonzi was the chief financial officer from 1996 until his departure ."
    assert kinds(a, b) == ["date"]


# --------------------------------------------------------------------------- entities

def test_aliases_are_not_entity_conflicts():
    for x, y in [("Zelenskyy", "Zelensky"), ("U.S.", "United States"), ("British", "UK"),
                 ("CDC", "Centers for Disease Control and Prevention"), ("P & W", "Pratt & Whitney")]:
        a, b = f"Officials from {x} confirmed the plan on Monday .", f"Officials from {y} confirmed the plan on Monday ."
        ca, cb = claim(a, entities=[ent(a, x, "ORG")]), claim(b, "B", entities=[ent(b, y, "ORG")])
        assert entity_rules.entity_conflicts(ca, cb) == [], (x, y)


def test_swapped_name_in_same_place():
    a = "Intel is assessing its options in the event Mr. Hamidi resumes his spamming activity against Intel ."
    b = "Intel is assessing its options in the event Mr. Hamidi resumes his spamming activity against Apple ."
    found = rules.conflicts(claim(a), claim(b, "B"))
    assert [(c.kind, c.a["value"], c.b["value"]) for c in found] == [("entity", "Intel", "Apple")]


def test_speaker_and_place_are_different_roles():
    a = "Ukraine has captured two North Korean soldiers in Russia, Zelensky says"
    b = "Ukrainian soldiers captured North Korean soldiers in Russia’s Kursk Oblast."
    ea = [ent(a, "Ukraine", "GPE"), ent(a, "North Korean", "NORP"), ent(a, "Russia", "GPE"),
          ent(a, "Zelensky", "PERSON")]
    eb = [ent(b, "Ukrainian", "NORP"), ent(b, "North Korean", "NORP"), ent(b, "Russia", "GPE"),
          ent(b, "Kursk Oblast", "GPE")]
    assert entity_rules.entity_conflicts(claim(a, entities=ea), claim(b, "B", entities=eb)) == []


# --------------------------------------------------------------------------- polarity

def test_negation_added_after_auxiliary():
    a = "Sorkin , who faces charges of conspiracy , was to have been tried separately ."
    b = "Sorkin was not to have been tried separately on charges of conspiracy ."
    assert kinds(a, b) == ["polarity"]


def test_same_negation_spelled_apart():
    a = "But the new vaccine will not even begin to be tested in people until 2005 ."
    b = "However , the new vaccine won 't begin to be tested in people until 2005 ."
    assert kinds(a, b) == []


def test_negation_in_relative_clause_is_extra_detail():
    a = "The little girl was taken to the bank after a doctor 's appointment ."
    b = "The mother , whom authorities did not identify , had brought her daughter to the bank after a doctor 's appointment ."
    assert "polarity" not in kinds(a, b)


def test_neither_nor_is_negation():
    a = 'Gibson said that " neither I nor my film are anti-Semitic . "'
    b = "Gibson said in a statement that he and his film are not anti-Semitic ."
    assert "polarity" not in kinds(a, b)


def test_denied_versus_confirmed():
    a = "The ministry confirmed the report about the prisoners on Saturday ."
    b = "The ministry denied the report about the prisoners on Saturday ."
    assert kinds(a, b) == ["polarity"]


def test_day_of_the_statement_is_not_the_day_of_the_fact():
    a = "Another soldier died in Baghdad , a military statement said on March 4 , 2003 ."
    b = "Another soldier died in Baghdad , a military statement said on March 3 , 2003 ."
    assert "date" not in kinds(a, b)


def test_modality_is_not_polarity():
    a = "The prisoners may be exchanged for Ukrainian soldiers ."
    b = "The prisoners will be exchanged for Ukrainian soldiers ."
    assert kinds(a, b) == []


# --------------------------------------------------------------------------- explanations

def test_every_conflict_names_both_values_and_sources():
    a = claim("The strike killed 40 people in Gaza on January 4 , 2025 , the UN said .", "Reuters", "UN")
    b = claim("The strike killed 42 people in Gaza on January 5 , 2025 , the hospital said .", "AP", "Shifa Hospital")
    found = rules.conflicts(a, b)
    assert {c.kind for c in found} == {"number", "date"}
    for c in found:
        assert c.a["value"] in c.explanation and c.b["value"] in c.explanation
        assert c.explanation.startswith("UN (in Reuters) says") and "Shifa Hospital (in AP) says" in c.explanation
        assert "\n" not in c.explanation
