"""False conflicts on real multi-outlet stories (ECB+, bench/story_conflicts.py with the hand labels of
bench/story_conflicts_labels.tsv), each a sentence pair from the labelled false alarms, which must not conflict;
beside them, genuine conflicts of the same shape that must still be flagged. Claims come from the
normaliser's own extractors, as `compare` builds them."""
from __future__ import annotations

import dataclasses
import sys
from datetime import datetime

import pytest

from newsweave.models import Article, Conflict
from newsweave.compare.verdict.polarity import _cue_words, polarity_conflicts

from ...helpers import ROOT
from .helpers import claim, conflicts_found, polarity_flagged as polar

pytest.importorskip("spacy")

BENCH = ROOT / "bench"


def kinds(a: str, b: str) -> set[tuple[str, str, str]]:
    return set(conflicts_found(a, b))


# --------------------------------------------------------------------------- polarity: "not ... until"

COLTS = ("Indianapolis ( 11-4) took its first lead of the game when Keiwan Ratliff intercepted a pass from David "
         "Garrard and returned it 35 yards for a touchdown and a 31-24 lead with 4 minutes 48 seconds remaining.")


def test_not_until_says_when_not_whether():
    """ "didn 't take their first lead until Ratliff intercepted" states when they led (29ecb, three outlets)."""
    assert not polar(COLTS, "In fact, the Colts didn't take their first lead until former Gator defensive back "
                            "Keiwan Ratliff intercepted a David Garrard pass and returned it for a touchdown to give "
                            "the Colts a 31-24 lead.")
    assert _cue_words(claim("The Colts didn't take their first lead until Ratliff intercepted a pass.", "A")) == []


def test_not_from_until_is_still_a_negation():
    """ "was not the chief financial officer from 1995 until his departure": a span, the negation stands."""
    assert _cue_words(claim("Mr. Bergonzi was not the chief financial officer from 1995 until his departure.",
                            "A")) == ["not"]


# --------------------------------------------------------------------------- polarity: an accusation and its denial

def test_a_denial_does_not_contradict_the_charge():
    """14ecbplus: "Man denies arson" / "Man charged with arson": both reports are true."""
    assert not polar("Waitrose Wellington fire: Man denies arson", "Man charged with arson over Waitrose fire in "
                                                                   "Wellington")
    assert not polar("A man has denied arson following a fire at a Somerset supermarket early on Sunday.",
                     "A man has been charged with arson after a fire at the Waitrose supermarket in Wellington, "
                     "Somerset.")


def test_a_denial_does_not_contradict_a_rumour_or_a_hedged_suggestion():
    """28ecbplus: "rumored to be Deep Throat" / "denied suggestions that he was"; "suggested that he could have
    been" / "denied that he was"."""
    assert not polar('He was one of many Nixon - era figures rumored over the years to be "Deep Throat, " the '
                     'undercover source of Washington Post reporters Bob Woodward and Carl Bernstein.',
                     'Mr. LaRue denied suggestions that he was "Deep Throat, " the secret Watergate source used by '
                     'Bob Woodward in his joint coverage of the scandal with Carl Bernstein for The Washington Post.')
    assert not polar("A few researchers of the scandal have suggested that Mr. LaRue could have been Deep Throat.",
                     "Mr. LaRue denied that he was Deep Throat, and Woodward said he will not reveal the source's "
                     "name until after Deep Throat dies.")


def test_a_plain_negation_of_an_alleged_fact_still_conflicts():
    """19ecbplus, labelled genuine: the police say he pointed a gun, a witness that he had none."""
    assert polar("Yesterday, the police explained that officers shot and killed a 16 - year - old Kimani Gray in "
                 "Brooklyn because he allegedly pointed a gun at the cops.",
                 "Brooklyn riot over teen's death: 16 - year - old shot by cops did not have a gun, says witness")
    assert polar("The senator was charged with fraud in March.", "The senator was not charged with fraud in March.")


# --------------------------------------------------------------------------- polarity: subordinate negations

def test_a_negation_in_a_relative_that_clause_describes_a_thing():
    """31ecb: "a routine turnaround shot that never looks pretty" denies nothing about the record."""
    assert not polar("Reigning national player of the year Tyler Hansbrough has broken the career scoring record at "
                     "North Carolina.",
                     "Tyler Hansbrough broke Phil Ford's 30-year hold on the all-time North Carolina scoring record "
                     "last night with an otherwise routine turnaround shot that never looks pretty with 7:41 left in "
                     "the 1st half.")


def test_a_negation_in_a_condition_is_no_denial_of_the_statement():
    """9ecb: "would allow agencies to bypass those scientists ... if the agencies determined that the species
    would not be harmed" / the department announced the change."""
    assert not polar("On Thursday, the Interior Department announced a change to Section 7 of the Endangered "
                     "Species Act, which required federal agencies to consult with scientists at the Fish and "
                     "Wildlife Service or the National Marine Fisheries Service.",
                     "The rules announced Thursday would allow federal agencies to bypass those scientists in some "
                     "cases if the agencies determined that the endangered species would not be harmed.")


def test_main_clause_and_conditional_flips_still_conflict():
    assert polar("The man was arrested on Monday.", "The man was not arrested on Monday.")
    assert polar("If the bill passes, taxes will rise.", "If the bill passes, taxes will not rise.")


# --------------------------------------------------------------------------- polarity: the rest of the sentence

def _clause_claim(text: str, clause: str, outlet: str):
    whole = claim(text, outlet)
    start = text.index(clause)
    return dataclasses.replace(whole, clause=clause, clause_start=start, clause_end=start + len(clause))


def test_the_negation_may_stand_in_another_clause_of_the_sentence():
    """35ecbplus: the claim is "Williams gave a blood sample for a blood - alcohol test"; its sentence goes on "but
    the results were not yet known", which is what the other report's "have not been released" says."""
    a = _clause_claim("Williams gave a blood sample for a blood - alcohol test, but the results were not yet known.",
                      "Williams gave a blood sample for a blood - alcohol test", "A")
    b = claim("Results of Williams' blood - alcohol test have not been released.", "B")
    assert not polarity_conflicts(a, b) and not polarity_conflicts(b, a)


def test_a_sentence_without_the_negation_still_conflicts():
    a = _clause_claim("Williams gave a blood sample for a blood - alcohol test, and the results were released.",
                      "the results were released", "A")
    b = claim("Results of Williams' blood - alcohol test have not been released.", "B")
    assert polarity_conflicts(a, b)


# --------------------------------------------------------------------------- entities: still flagged

def test_names_in_one_slot_still_conflict():
    """6ecb, labelled genuine; and one noun qualified by two names."""
    assert ("entity", "Kristen Stewart", "Kristen Bell") in kinds(
        "Robert Pattinson and Kristen Stewart will star in Moon, while Melissa Rosenberg is writing the picture.",
        "Moon will be adapted for the big screen by Melissa Rosenberg with Robert Pattinson and Kristen Bell in the "
        "lead roles.")
    assert ("entity", "Microsoft", "Oracle") in kinds("The Microsoft chief executive resigned on Monday.",
                                                      "The Oracle chief executive resigned on Monday.")


# --------------------------------------------------------------------------- story level: a place and its part

def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, outlet=article_id, title="", text=text)


def test_a_place_given_with_its_region_is_reported_by_the_other():
    """14ecb: "the store in High Street, Banstead" / "the store in Banstead, Surrey"; a tagger's "Banstead in"."""
    from newsweave.compare.verdict.verdict import _both_reported

    a = _article("a", "More than 50 firefighters tackled the blaze at the store in High Street, Banstead.")
    b = _article("b", "More than 50 firefighters fought the blaze which destroyed the store in Banstead, Surrey.")
    found = Conflict("entity", {"article": "a", "value": "High Street"}, {"article": "b", "value": "Banstead, Surrey"},
                     "")
    assert _both_reported(found, {"a": a, "b": b})
    c = _article("c", "Police are treating a fire at a Waitrose supermarket in Banstead in Surrey as suspicious.")
    found = Conflict("entity", {"article": "c", "value": "Banstead in"}, {"article": "a", "value": "High Street"}, "")
    assert _both_reported(found, {"a": a, "c": c})


def test_two_places_neither_report_gives_still_conflict():
    from newsweave.compare.verdict.verdict import _both_reported

    a = _article("a", "The fire broke out at the store in Banstead, Surrey.")
    b = _article("b", "The fire broke out at the store in Epsom, Surrey.")
    found = Conflict("entity", {"article": "a", "value": "Banstead, Surrey"}, {"article": "b", "value": "Epsom, Surrey"},
                     "")
    assert not _both_reported(found, {"a": a, "b": b})


# --------------------------------------------------------------------------- the bench: no publication times

def test_story_bench_leaves_deictic_times_unresolved():
    """ECB+ has no publication times: "today" and "last month" stay unresolved, a date without a year keeps its
    guessed year (compared by month and day only), an explicit date stays as it is."""
    sys.path.insert(0, str(BENCH))
    try:
        from story_conflicts import undated_times
    finally:
        sys.path.remove(str(BENCH))
    from newsweave.normalize.times import extract_times

    text = "Obama nominated her today; Jackson was arrested on Jan. 6; last month he was stopped; on July 13, 2009."
    times = {t.text: t for t in undated_times(text, tuple(extract_times(text, datetime(2012, 1, 1))), ())}
    assert not times["today"].resolved and not times["last month"].resolved
    assert times["Jan. 6"].resolved and times["July 13, 2009"].begin == "2009-07-13"
