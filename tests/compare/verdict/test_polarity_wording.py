"""Polarity on real-story wording: sentence-initial negations, praise and requests, antonym verbs by their forms."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.polarity import _cue_words

from .helpers import claim, polarity_flagged as flagged


def test_sentence_initial_no_is_a_negation():
    # both sides say the gun is missing: "No gun" must count as a negation, not as a name like "No Child Left"
    assert not flagged("No gun has been recovered.", "The gun has not been recovered.")
    assert _cue_words(claim("No one was hurt in the blast.", "A")) == ["no"]
    assert _cue_words(claim("Never before has the city seen such a storm.", "A")) == ["never"]


def test_a_title_starting_with_no_is_still_a_name():
    assert not flagged("No Child Left Behind was signed by the president in 2002.",
                       "The president signed No Child Left Behind in 2002.")


@pytest.mark.parametrize("praise", ["Artino was never better.", "Artino has never been better."])
def test_never_better_is_praise(praise):
    assert not flagged(praise, "Artino was better than ever in the semifinal.")


def test_a_request_not_to_do_something_denies_nothing():
    assert not flagged("Prosecutors asked the media not to identify two of the witnesses by name.",
                       "Prosecutors asked the media to keep the identities of two of the witnesses quiet.")


def test_antonyms_by_their_forms_not_by_prefix():
    # "out-of-band" is no ban, "allowing" no permission contradicting it
    assert not flagged("Microsoft issued an out-of-band emergency patch Wednesday for the browser flaw.",
                       "Microsoft released an emergency patch Wednesday for a browser flaw allowing hackers in.")
    assert flagged("The company confirmed the merger with Oracle on Monday.",
                   "The company denied the merger with Oracle on Monday.")
    assert flagged("The city banned smoking in restaurants last year.",
                   "The city allowed smoking in restaurants last year.")


def test_praise_needs_its_idiom():
    assert flagged("People who are high in positive emotions have better diets, Cohen said.",
                   "People who are high in positive emotions have not better diets, Cohen said.")
    assert not flagged("I could not be happier with the result, the coach said.",
                       "I am happy with the result, the coach said.")


def test_advice_never_to_do_something_denies_nothing():
    assert not flagged("He also said he advised his grown-up children not to run up credit card debts.",
                       "Barclays chief executive Matt Barrett also said he had advised his children never to use "
                       "credit cards.")


def test_won_and_lost_pair_by_tense():
    # "lost a halftime lead" on the way to a win is no contradiction of the win
    assert not flagged("Indianapolis lost a 10-point halftime lead at Kansas City but earned a playoff berth.",
                       "Indianapolis Colts clinch playoff berth with win over Kansas City Chiefs")
    assert flagged("The Red Sox won the game against the Yankees on Sunday.",
                   "The Red Sox lost the game against the Yankees on Sunday.")


def test_a_detail_withheld_denies_nothing():
    assert not flagged("Prosecutors believe Gomes intended to kill one other person last night.",
                       "Prosecutors believe Gomes intended to kill one other person last night, although Miliote "
                       "wouldn't say who that person was.")
    assert flagged("Gomes was arrested last night on charges of murder.",
                   "Gomes was not arrested last night on charges of murder.")
