"""Entity conflicts found in session 8 (bench/conflicts.py entity recall 0.937 -> see the commit log): names the
tagger ran on into common nouns or a stock symbol ("the American Cancer Society journal", "Peabody Energy Corp.
BTU.N"), spans that join a name the other side gives alone to a name before it ("Former Secretary of Lashkargah Bill
Jones", "Sheena Young of Child"); and the pairs that must stay quiet on the way (one name shortened, a country before
an agency, "the US military"). Claims come from the normaliser's own extractors (spaCy NER) where the tagger makes
the error at hand, from spans given by hand where it does not always."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.entities import entity_conflicts

from normaliser_claims import entity_pair as _entity, tagged as _tagged, value_pairs as _names

pytest.importorskip("spacy")


# --------------------------------------------------------------------------- spans that run on

def test_a_name_run_on_into_the_common_noun_after_it():
    """ "the American Cancer Society journal" (one tagged span) / "an Health Canada ... journal": the name is the
    society, and the journal's owner differs."""
    found = _entity("The results appear in the January issue of Cancer , the American Cancer Society journal , being "
                    "published online today .",
                    "The results appear in the January issue of Cancer , an Health Canada ( news - web sites ) journal , "
                    "being published online Monday .")
    assert _names(found) == {("American Cancer Society", "Health Canada")}


def test_a_news_agency_by_two_names():
    a = _tagged('" Rates must stay low , " he said in an interview with the Press Association news agency .', "A",
                ("Press Association", "ORG"))
    b = _tagged('" Rates must stay low , " he told the Dow Jones news agency .', "B", ("Dow Jones news agency", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Press Association", "Dow Jones")}


def test_a_stock_symbol_inside_the_span_is_no_part_of_the_name():
    """ "Peabody Energy Corp. BTU.N" holds the symbol "BTU" the other side gives in brackets: the symbol does not make
    the two companies one."""
    found = _entity("Shares of the company , the second-largest U.S. coal producer behind Peabody Energy Corp. BTU.N , "
                    "were up more than 3 percent in afternoon trade .",
                    "Shares of the company , the second-largest U.S. coal producer behind Rescue California. ( BTU ) , "
                    "were up more than 3 percent at midday .")
    assert _names(found) == {("Peabody Energy Corp.", "Rescue California")}


def test_the_us_military_is_the_united_states():
    """One capitalised word before a common noun stays whole: "US military" is no "US" that the other side's "US
    Federal Trade Commission" would give."""
    from newsweave.models import Entity
    from newsweave.compare.verdict.entities.mentions import _trimmed

    assert _trimmed(Entity(0, 11, "US military", "ORG", canonical="US military")).text == "US military"
    assert _trimmed(Entity(0, 30, "House of Representatives panel", "ORG")).text == "House of Representatives"


# --------------------------------------------------------------------------- a given name and its neighbour

def test_a_span_that_joins_a_place_to_a_name_the_other_side_gives():
    """ "Former Secretary of Lashkargah Bill Jones" (one span) / "Former Secretary of State Bill Jones": both give
    Bill Jones; what differs is the office's place."""
    found = _entity("Former Secretary of State Bill Jones has also expressed interest in the race but has not yet "
                    "announced plans .",
                    "Former Secretary of Lashkargah Bill Jones , another potential major candidate , had not divulged "
                    "his plans Tuesday .")
    assert _names(found) == {("State", "Lashkargah")}


def test_a_person_of_an_organisation_the_other_side_names_alone():
    """ "Sheena Young of Child" (one span) / "Novosibirsk , a spokesman for Child": the speaker differs, the charity
    does not."""
    found = _entity('Sheena Young of Child , the national infertility support network , hoped the guidelines would '
                    'lead to a more " fair and equitable " service for infertility sufferers .',
                    'Novosibirsk , a spokesman for Child , the national infertility support network , said the proposed '
                    'guidelines should lead to a more " fair and equitable " service for infertility sufferers .')
    assert _names(found) == {("Sheena Young", "Novosibirsk")}


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


def test_a_lone_given_word_is_split_off_only_after_of():
    from newsweave.models import Entity
    from newsweave.compare.verdict.entities.mentions import split_given as _split_given

    times = Entity(20, 34, "New York Times", "ORG", canonical="New York Times")
    assert [e.text for e in _split_given([times], [Entity(0, 5, "Times", "ORG", canonical="Times")])] \
        == ["New York Times"]
    person = Entity(0, 21, "Sheena Young of Child", "ORG", canonical="Sheena Young of Child")
    assert [e.text for e in _split_given([person], [Entity(40, 45, "Child", "ORG", canonical="Child")])] \
        == ["Sheena Young", "Child"]


# --------------------------------------------------------------------------- who speaks for whom, appositions

def test_the_employers_of_two_spokesmen_share_a_role():
    """ "a spokeswoman for Global Crossing" / "A Pinal representative", "White House officials" / "A J.D. Edwards
    spokesman": whom the speaker speaks for, in any of these words."""
    found = _entity("Tisha Kresler , a spokeswoman for Global Crossing , declined to comment .",
                    "A Pinal representative had no immediate comment .")
    assert _names(found) == {("Global Crossing", "Pinal")}
    found = _entity("White House officials say Iran has one last chance to comply with IAEA inspection demands .",
                    'A J.D. Edwards spokesman added that Iran had " one last chance " to comply with its disarmament '
                    'obligations .')
    assert _names(found) == {("White House", "J.D. Edwards")}


def test_officials_at_a_place_do_not_speak_for_it():
    assert not _entity("Officials with North Carolina Speedway at Rockingham could not be reached .",
                       "NASCAR officials could not be reached for comment Tuesday .")


def test_a_name_after_a_preposition_is_not_who_says_it():
    """ "issued a statement ... to the OPEC saying": the OPEC heard it; Nancy Reagan said it on both sides."""
    from newsweave.compare.verdict.entities.speakers import is_speaker as _speaker

    from normaliser_claims import claim

    c = claim('Nancy Reagan issued a statement last week to the OPEC saying , " The timing is staggering . "', "B")
    opec = next(e for e in c.entities if e.text == "OPEC")
    assert not _speaker(c, opec)
    found = _entity('" The timing of [ the miniseries ] is absolutely staggering to me , " Nancy Reagan said in a '
                    'statement to Fox News Channel last week .',
                    'Nancy Reagan issued a statement last week to the OPEC saying , " The timing of [ the miniseries ] '
                    'is absolutely staggering to me .')
    assert _names(found) == {("Fox News Channel", "OPEC")}


def test_an_apposition_the_parser_took_for_a_second_subject():
    """ "A Spanish tanker , Tunick , was to be loaded" (parsed as two subjects of "was") / "onto a Spanish tanker ,
    the Sandra Tapias": both name the tanker."""
    found = _entity("Another million barrels , bought by Spanish refiner Cepsa SA , was to be loaded onto a Spanish "
                    "tanker , the Sandra Tapias .",
                    "A Spanish tanker , Tunick , was to be loaded with another million barrels , bought by Spanish "
                    "refiner Cepsa SA , in the afternoon .")
    assert _names(found) == {("Sandra Tapias", "Tunick")}


# --------------------------------------------------------------------------- speakers and pairs

def test_two_speakers_one_of_them_typed_as_a_body():
    """ "Bolland told the News of the World" (the tagger types Bolland as an organisation, with nothing of one about
    the name) / "Mr Mahmud said": two people say it, no spokesman speaks for a body."""
    found = _entity("Bolland told the News of the World : I was astonished at Sir Michael 's question .",
                    'Mr Mahmud said : " I was astonished at Sir Michael \'s question .')
    assert _names(found) == {("Bolland", "Mahmud")}


def test_a_spokesman_still_speaks_for_a_body_that_looks_like_one():
    assert not _entity("The FBI said the suspect had been under watch for months .",
                       "Paul Luehr said the suspect had been under watch for months .")


def test_names_paired_with_one_shared_name():
    """ "Mr. Grassley and Mr. Baucus rejected" / "Grassley and New York City said they had rejected": beside
    Grassley, one name for another, though one side says it and the other does it."""
    found = _entity("Mr. Grassley and Mr. Baucus rejected any disparity in drug benefits .",
                    "Grassley and New York City said they had rejected that approach in their plan .")
    assert _names(found) == {("Baucus", "New York City")}


def test_the_partner_of_a_name_in_a_pair():
    from newsweave.compare.verdict.entities.grammar import _partner

    from normaliser_claims import claim

    c = claim("Mr. Grassley and Mr. Baucus rejected any disparity in drug benefits .", "A")
    baucus = next(e for e in c.entities if e.text == "Baucus")
    assert _partner(c, baucus) == "grassley"
    c = claim("Grassley , Baucus and Hatch rejected the plan .", "A")
    assert all(_partner(c, e) is None for e in c.entities)


# --------------------------------------------------------------------------- the bench's perturbation

def _bench_conflicts():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "conflicts.py"
    spec = importlib.util.spec_from_file_location("bench_conflicts_s8", path)
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


def test_a_post_with_its_country_is_no_split():
    """ "U. S. Surgeon General" / "Surgeon General": one post, with and without the country (a story of ECB+)."""
    assert not _entity("President Barack Obama held a press conference , July 13 , 2009 to announce his nominee for "
                       "U. S. Surgeon General , Regina Benjamin .",
                       "Today , President Barack Obama announced his intent to nominate Regina M. Benjamin as Surgeon "
                       "General , Department of Health and Human Services .")
