"""Dotted initials stand for the start of a longer name ("K. C" = Kansas City Chiefs); bare two-letter words do not."""
from normaliser_claims import entity_pair
from newsweave.compare.verdict.entities.matching import acronym_of as _acronym_of


def test_dotted_initials_name_the_start_of_a_name():
    assert _acronym_of("K. C", "Kansas City Chiefs") and _acronym_of("L.A.", "Los Angeles Lakers")
    assert not _acronym_of("KC", "Kansas City Chiefs") and not _acronym_of("N.Y.", "Kansas City Chiefs")


def test_a_headline_with_initials_does_not_conflict():
    assert not entity_pair("Indianapolis Colts clinch playoff berth with win over Kansas City Chiefs",
                           "Colts clinch playoff berth with 20-13 win in K. C.")
