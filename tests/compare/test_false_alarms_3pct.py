"""False alarms of the conflict rules on paraphrases that state the same facts (or facts about two contrasted
groups), and the real conflicts next to them that must still be found. Claims come from the normaliser's own
extractors (spaCy NER), as `compare` builds them."""
from __future__ import annotations

import pytest


from normaliser_claims import claim, entity_pair as _entity, number_pair as _number

pytest.importorskip("spacy")


# --------------------------------------------------------------------------- figures of two contrasted groups

def test_private_and_public_figures_are_two_facts():
    assert not _number("Tuition at four-year private universities averaged $ 21,300 this year , up 5 percent .",
                       "This year , tuition at public universities averaged $ 5,100 , up almost $ 400 .")


def test_house_and_senate_plans_are_two_facts():
    assert not _number("The Senate-passed farm bill sets the subsidy at 40 percent of costs .",
                       "Under the House-passed farm bill , the subsidy would be 25 percent of costs .")


def test_the_same_group_still_conflicts():
    found = _number("Tuition at public universities averaged $ 5,100 this year .",
                    "This year , tuition at public universities averaged $ 7,900 .")
    assert found and found[0].kind == "number"


def test_overall_figure_and_one_place():
    assert not _number("Overall , 71 percent of drivers wore seat belts , compared with 64 percent of passengers .",
                       "But in Chicago , 68 percent of passengers and only 52 percent of drivers wore seat belts .")


def test_nationwide_as_a_word_is_no_whole_frame():
    """Only an opening "Overall ," / "Nationwide ," frames the figures; "a nationwide programme" does not."""
    found = _number("The minister said he would launch a $ 40 million nationwide programme to repair schools .",
                    "The minister said he would launch a $ 90 million programme to repair schools across Kenya .")
    assert found and found[0].kind == "number"


# --------------------------------------------------------------------------- real swaps stay

def test_two_full_names_still_conflict():
    found = _entity("George Harrison bought the guitar in Liverpool .", "Paul McCartney bought the guitar in Liverpool .")
    assert found and found[0].kind == "entity"


# --------------------------------------------------------------------------- group sizes, doubt, aliases

def test_group_size_is_not_the_total():
    assert not _number("About 150 prospective jurors were asked to fill out a long questionnaire .",
                       "The jurors were brought into the courtroom in groups of 50 and asked to fill out a questionnaire .")


def test_total_still_conflicts():
    found = _number("About 150 prospective jurors were asked to fill out a long questionnaire .",
                    "About 250 prospective jurors were asked to fill out a questionnaire .")
    assert found and found[0].kind == "number"


def test_admitted_doubt_is_no_denial():
    from newsweave.compare.verdict.polarity import polarity_conflicts

    assert not polarity_conflicts(
        claim('Whether the schedule allows me to attend all three games , we will see what happens , " he said .', "A"),
        claim('Whether the schedule allows me to attend all three games , I don \'t know , but we will see what happens .',
              "B"))


def test_lone_name_whose_alias_the_tagger_typed_otherwise():
    assert not _entity("IAC 's stock closed yesterday down $ 1.90 , or 5.2 percent , at $ 31.40 .",
                       "InterActiveCorp 's shares closed at $ 31.40 , down $ 1.90 , or 5.2 percent on the Nasdaq Stock Market .")


def test_state_abbreviation_after_a_city_is_a_place():
    """ "Birmingham , Ala ." : the tagger may call "Ala" an organisation; it is no counterpart for a lone agency name."""
    from newsweave.compare.verdict.entities.kinds import state_after_city as _state_after_city
    from newsweave.compare.verdict.entities.mentions import names_of as _names

    c = claim("Since 2001 , the agency has closed bookstores in Boston , Chicago , Birmingham , Ala . , Cleveland , "
              "Ohio , and Washington .", "B")
    flagged = {e.text for e in _names(c) if _state_after_city(c, e)}
    assert flagged <= {"Ala", "Ala ."} and not {"Boston", "Ohio", "Washington"} & flagged


def test_brand_and_its_parent_share_a_first_word():
    assert not _entity("Coastal Air will continue its operations as a Delta Connection carrier .",
                       "It will continue its regional service for Delta Air Lines , Coastal Air said .")


# --------------------------------------------------------------------------- one person, two transliterations

def test_surname_transliterated_two_ways():
    assert not _entity("They named the man charged as Abdelkader Benhalli , a 41-year-old of Algerian origin who was "
                       "arrested in the port town of Dover last week .",
                       "Last week , Abd al-Qadir Benhaly , a 41-year-old of Algerian origin , was arrested in the port "
                       "town of Dover .")


def test_different_surnames_still_conflict():
    found = _entity("Police named the man charged as Abdelkader Benhalli , who was arrested in Dover last week .",
                    "Police named the man charged as Mohammed Kassim , who was arrested in Dover last week .")
    assert found and found[0].kind == "entity"



def test_organisations_of_one_country_still_conflict():
    """Two names ending in the same word ("... of Ukraine") are no transliteration of each other."""
    from newsweave.compare.verdict.entities.matching import _same_spelling

    assert not _same_spelling("Security Service of Ukraine", "National Guard of Ukraine")
