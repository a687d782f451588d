"""Polarity: which negations deny the statement (bench/conflicts.py false alarms reduced to their sentences)."""
from __future__ import annotations

from newsweave.compare.verdict import polarity as polarity_rules

from .helpers import bare_claim as claim


def polarity(a: str, b: str) -> list:
    return polarity_rules.polarity_conflicts(claim(a, "A"), claim(b, "B"))


def test_denied_thing_is_a_detail_not_a_denied_statement():
    assert polarity("His sport utility vehicle was found June 25 , abandoned in Virginia Beach , Va .",
                    "His sport utility vehicle was found June 25 , abandoned without its license plates in "
                    "Virginia Beach , Va .") == []
    assert polarity("In Falluja on Thursday , two grenades were thrown at soldiers , wounding seven .",
                    "In Al-Fallujah , two grenades were thrown Thursday at soldiers , wounding seven , none "
                    "seriously .") == []


def test_word_after_no_is_not_a_flipped_statement():
    assert polarity("Handspring shareholders will get 0.09 shares of the parent company , Palm , for each share .",
                    "Handspring shareholders will receive 0.09 Palm shares ( and no shares of PalmSource ) for each "
                    "share .") == []


def test_verbal_negation_still_flips():
    found = polarity("The company was sold to its rival for $ 4 million .",
                     "The company was not sold to its rival for $ 4 million .")
    assert [c.kind for c in found] == ["polarity"]


def test_apostrophe_lost_to_bad_encoding_is_still_a_negation():
    a = "Asked about other attacks , Roberts said : \" I don 't think there 's any question about it . \""
    b = "Asked about other attacks , Roberts said : \u00e2\u0080\u009c I don \u00e2\u0080\u0099 t think there " \
        "\u00e2\u0080\u0099 s any question about it . \u00e2\u0080\u009d"
    assert polarity_rules._cue_words(claim(b, "B")) == ["n't"]
    assert polarity(a, b) == []


def test_declined_comment_and_would_not_comment_agree():
    assert polarity("Jack Ferry , company spokesman , said that a search is in progress but would not comment on "
                    "its status .",
                    "Company spokesman Jack Ferry said a search is ongoing but declined comment on its status .") == []


def test_not_surprisingly_is_no_negation():
    assert polarity("The Republic of Korea was found to lead the way in broadband penetration .",
                    "Not surprisingly , broadband nation Korea leads the way in broadband penetration .") == []


def test_not_after_no_auxiliary_modifies_a_thing():
    assert polarity("The report was found Oct. 23 , tucked inside an old three-ring binder not related to the "
                    "investigation .",
                    "The report was found Oct. 23 , tucked inside a training manual that belonged to Hicks .") == []
    found = polarity("The report was found inside an old binder .", "The report was not found inside an old binder .")
    assert [c.kind for c in found] == ["polarity"]
