"""Entity conflicts: names that swap places in the same grammatical role, names the tagger missed or typed
differently, and the pairs that are one referent called two ways (acronyms, capitals, titled given names, wire
credits). Claims come from the normaliser's own extractors (spaCy NER), as `compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.entities.matching import acronym_of as _acronym_of

from normaliser_claims import claim, entity_pair as _entity, value_pairs as _names

pytest.importorskip("spacy")


# --------------------------------------------------------------------------- swaps found by role

def test_subject_swap_with_different_tags_and_verbs():
    """The subjects of the main clause differ while the rest is the same; the tagger types them differently and
    the verbs next to them differ ("found" / "ruled"), so only their role pairs them."""
    found = _entity("Smith found the cigarette tax falls on the tobacco consumer , not the tribe .",
                    "Robert Liscouski ruled that the state 's tax falls on the tobacco consumer , not the tribe .")
    assert found and all(c.kind == "entity" for c in found)
    assert ("Smith", "Robert Liscouski") in _names(found)
    assert "Smith" in found[0].explanation and "Robert Liscouski" in found[0].explanation


def test_sentence_opening_surname_the_tagger_missed():
    """A surname opening the sentence is no capitalised-word candidate (every sentence opens with a capital);
    the part-of-speech tagger marks it as a proper noun, and it is the subject the other side replaced."""
    found = _entity("Mosel was unable to present financial statements in time due to mergers among subsidiaries , "
                    "the company said on Monday .",
                    "UCLA had been unable to present financial statements in time because of mergers among "
                    "subsidiaries , the company said yesterday .")
    assert _names(found) == {("Mosel", "UCLA")}


def test_passive_agent_is_the_subject():
    """ "required by Amazon" says who requires it, as the subject "Khodorkovsky would require" does."""
    found = _entity("But to see those pages , users would be required by Amazon to register .",
                    "But to see those pages Khodorkovsky would require users to register .")
    assert _names(found) == {("Amazon", "Khodorkovsky")}


def test_possessor_place_swap_is_a_conflict():
    """A city inside the country is no more specific place here: the country is whose trading partner it is."""
    found = _entity("Singapore is already the United States ' 12th-largest trading partner , with two-way trade "
                    "totaling more than $ 34 billion .",
                    "Although a small city-state , Singapore is the 12th-largest trading partner of the "
                    "Schaumburg , with trade volume of $ 33.4 billion last year .")
    assert _names(found) == {("United States", "Schaumburg")}


# --------------------------------------------------------------------------- one referent, no conflict

def test_acronym_with_a_spelled_out_country_code():
    assert _acronym_of("USGS", "US Geological Survey")
    assert _acronym_of("USGS", "United States Geological Survey")
    assert not _acronym_of("UK", "US Geological Survey")


def test_acronym_with_lowercase_connector():
    """ "BofA" is Bank of America: the lower-case letters spell the connecting word."""
    assert _acronym_of("BofA", "Bank of America")
    assert not _entity("BofA said yesterday it had \" policies in place that prohibit late-day trading \" .",
                       "Bank of America says its policies prohibit late-day trading , which is illegal .")


def test_capital_for_its_country_is_one_actor():
    assert not _entity("Washington is wary of involvement , given its commitments in Afghanistan and Iraq .",
                       "The United States is wary of deep involvement in Liberia given commitments in Afghanistan "
                       "and Iraq .")


def test_country_qualifying_a_market_is_where_not_who():
    """ "the US chip market" / "the Americas market": a qualifier says where, and the Americas hold the US."""
    assert not _entity("The US chip market is expected to decline 2.1 percent this year , then grow 15.7 percent "
                       "in 2004 .",
                       "The Americas market will decline 2.1 percent to $ 30.6 billion in 2003 , and then grow "
                       "15.7 percent to $ 35.4 billion in 2004 .")


def test_titled_given_name_and_surname_are_one_person():
    """ "Sir John" (a knight called by his given name) and "Mr. Stevens" may be the same man."""
    assert not _entity("Mr. Stevens has also told his officers that information from British intelligence "
                       "indicates there are more al Qaeda agents in Britain than previously thought .",
                       "Sir John has also told his officers that information from British intelligence indicates "
                       "there are more al-Qa 'eda agents in Britain than previously thought .")


def test_wire_credit_in_a_dateline_is_no_name_of_the_statement():
    assert not _entity("Frank Quattrone , the former Credit Suisse First Boston technology investment-banking guru , "
                       "reportedly pleaded not guilty Tuesday to charges of obstruction of justice .",
                       "NEW YORK - ( Dow Jones ) - Former star investment banker Frank Quattrone pleaded not "
                       "guilty Tuesday to criminal charges of obstruction of justice .")


def test_speaker_for_an_organisation_is_no_swap():
    """A named person speaking and the organisation speaking are two sources of one statement, not a conflict."""
    assert not _entity("At least 7000 computers were affected by Parson 's worm , Assistant US Attorney Paul Luehr "
                       "said .",
                       "The FBI said at least 7000 computers were infected by Parson 's software .")


def test_demonym_describing_a_person_is_no_swap():
    assert not _entity("\" By its actions , the Bush administration threatens to give a bad name to a just war , \" "
                       "Lieberman said .",
                       "\" By its actions , the Bush administration threatens to give a bad name to a just war , \" "
                       "the Connecticut Democrat told a Capitol Hill news conference .")


def test_pronoun_opening_the_other_side_is_no_name():
    assert not _entity("Roberson was bitten on the back and scratched on the leg , according to her mother , "
                       "Shamika Woumnm of Dorchester .",
                       "She was bitten on the back and scratched on the leg , her mother said .")


def test_speaker_and_reporting_subject_take_one_role():
    """ "the Commerce Department said GDP grew" / "the IMF estimated that GDP had grown": both say the statement."""
    found = _entity("A month ago , the Commerce Department said GDP grew at a 7.2 percent rate .",
                    "A month ago , the IMF estimated that GDP had grown at a 7.2 percent rate in the third quarter .")
    assert _names(found) == {("Commerce Department", "IMF")}


def test_place_in_an_aside_before_said_is_not_the_speaker():
    """ "who lives in the centre of Algiers , said": Algiers closes an aside about the speaker, it says nothing."""
    found = _entity("Mohcine Douali , who lives in the centre of Algiers , said : \" It was a great shock .",
                    "\" It was a great shock , \" said Mohcine Douali , who lives in central Oran .")
    assert _names(found) == {("Algiers", "Oran")}


def test_name_qualifying_a_noun_is_not_the_name_that_noun_stands_for():
    """ "the Venango County man" is Waagner described by where he comes from, not another name for him."""
    assert not _entity("The jury verdict , reached Wednesday after less than four hours of deliberation , followed a "
                       "2 1 / 2 week trial , during which Waagner represented himself .",
                       "The quick conviction followed a 2 1 / 2 week trial , during which the Venango County man "
                       "represented himself .")


def test_places_after_different_prepositions_of_place_can_both_hold():
    """ "near Interstate 805" and "in San Diego": the road runs through the city; two ways of saying where."""
    assert not _entity("Jackson , 25 , was driving east on state Route 52 near Interstate 805 just after 2:30 a.m. "
                       "when he was pulled over , California Highway Patrol Officer Brad Baehr said .",
                       "Jackson failed sobriety tests shortly after 2 a.m. on state Route 52 in San Diego , said "
                       "Officer Brad Baehr .")


def test_sentence_opening_surname_tagged_as_a_plural_noun():
    """ "Hines died ...": the tagger reads the opening capital as no sign of a name and takes "Hines" for a plural;
    with a word before it, it is a proper noun, the subject the other side replaced."""
    found = _entity("Hines died of cancer Saturday in Los Angeles , publicist Allen Eichhorn said Sunday .",
                    "Fowler died yesterday in Los Angeles of cancer , publicist Allen Eichhorn said .")
    assert _names(found) == {("Hines", "Fowler")}
    assert not _entity("Smugglers in a van chased down a pickup carrying illegal immigrants , said Pinal County "
                       "Sheriff Roger Vanderpool .",
                       "People in a van opened fire on a pickup believed to be transporting illegal immigrants , said "
                       "Pinal County Sheriff Roger Vanderpool .")
