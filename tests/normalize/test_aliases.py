from hypothesis import given, settings, strategies as st

from newsweave.models import Entity
from newsweave.normalize.aliases import alias_map, apposition_links, canonicalize, clean_name, fold, initials, lookup


def ents(*pairs):
    return [Entity(start=0, end=len(t), text=t, label=label) for t, label in pairs]


def group_of(found, name):
    for c in found:
        if clean_name(name) in c.aliases:
            return c
    raise AssertionError(f"{name} not found")


def merged(found, a, b):
    return group_of(found, a) is group_of(found, b)


def test_transliteration_variants_merge_with_reason():
    found = canonicalize([ents(("Zelenskyy", "PERSON"), ("Jabaliya", "GPE")),
                          ents(("Zelensky", "PERSON"), ("Jabalya", "GPE"))])
    assert merged(found, "Zelenskyy", "Zelensky")
    assert merged(found, "Jabaliya", "Jabalya")
    assert any("transliteration" in r for r in group_of(found, "Zelensky").reasons)


def test_surname_joins_full_name_across_spellings():
    found = canonicalize([ents(("Volodymyr Zelenskyy", "PERSON"), ("Zelenskyy", "PERSON")),
                          ents(("Zelensky", "PERSON"))])
    group = group_of(found, "Zelensky")
    assert set(group.aliases) == {"Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"}
    assert group.name == "Volodymyr Zelenskyy"
    assert any("surname" in r for r in group.reasons)


def test_ambiguous_surname_is_not_merged():
    found = canonicalize([ents(("John Smith", "PERSON"), ("Jane Smith", "PERSON"), ("Smith", "PERSON"))])
    assert len(found) == 3


def test_acronyms_and_expansions():
    found = canonicalize([ents(("SSU", "ORG"), ("Security Service of Ukraine", "ORG")),
                          ents(("SBU", "ORG"), ("UNRWA", "ORG")),
                          ents(("UN Relief and Works Agency", "ORG"), ("WFP", "ORG"),
                               ("World Food Programme", "ORG"))])
    group = group_of(found, "SBU")
    assert set(group.aliases) == {"SBU", "SSU", "Security Service of Ukraine"}
    assert group.name == "Security Service of Ukraine"
    assert any("Sluzhba Bezpeky Ukrainy" in r for r in group.reasons)
    assert merged(found, "UNRWA", "UN Relief and Works Agency")
    assert merged(found, "WFP", "World Food Programme")


def test_places_demonyms_and_admin_synonyms():
    found = canonicalize([ents(("North Korean", "NORP"), ("Kursk Oblast", "PRODUCT"), ("Russian Federation", "GPE")),
                          ents(("North Korea", "GPE"), ("Kursk region", "GPE"), ("Kursk", "GPE"),
                               ("Russia", "GPE"), ("South Korea", "GPE"), ("Kyiv", "GPE"))])
    assert group_of(found, "North Korean").name == "North Korea"
    assert set(group_of(found, "Kursk").aliases) == {"Kursk", "Kursk Oblast", "Kursk region"}
    assert merged(found, "Russia", "Russian Federation")
    assert not merged(found, "North Korea", "South Korea")
    assert not merged(found, "Kyiv", "Kursk")
    assert any("administrative" in r for r in group_of(found, "Kursk").reasons)


def test_head_noun_variants():
    found = canonicalize([ents(("South Korean intelligence", "ORG")),
                          ents(("South Korea's National Intelligence Service", "ORG"),
                               ("North Korean intelligence", "ORG"))])
    assert merged(found, "South Korean intelligence", "South Korea's National Intelligence Service")
    assert not merged(found, "North Korean intelligence", "South Korean intelligence")
    assert any("head-noun" in r for r in group_of(found, "South Korean intelligence").reasons)


def test_unrelated_names_stay_apart():
    found = canonicalize([ents(("Ukraine", "GPE"), ("Ukrainska Pravda", "ORG"), ("Johnson", "PERSON"),
                               ("Johnston", "PERSON"), ("Austria", "GPE"), ("Australia", "GPE"),
                               ("Ian", "PERSON"), ("Jan", "PERSON"), ("Iran", "GPE"), ("Iraq", "GPE"))])
    assert len(found) == 10


def test_apposition_links():
    text = "Ukraine’s internal security service, the SBU, said so. Russia, the US, and China met."
    entities = [Entity(0, 35, "Ukraine’s internal security service", "ORG"), Entity(41, 44, "SBU", "ORG"),
                Entity(55, 61, "Russia", "GPE"), Entity(67, 69, "US", "GPE")]
    links = apposition_links(text, entities)
    assert [(a, b) for a, b, _ in links] == [("Ukraine’s internal security service", "SBU")]
    found = canonicalize([[Entity(0, 5, "Acme Widgets Board", "ORG"), Entity(0, 2, "AWX", "ORG")]],
                         links=[("Acme Widgets Board", "AWX", "apposition in the text")])
    assert len(found) == 1 and "apposition" in found[0].reasons[0]


def test_alias_map_and_lookup():
    found = canonicalize([ents(("SBU", "ORG"), ("Security Service of Ukraine", "ORG"))])
    mapping = alias_map(found)
    assert lookup(mapping, "the SBU") == "Security Service of Ukraine"
    assert lookup(mapping, "Unknown Body") == "Unknown Body"


def test_names_fold_and_give_their_initials():
    assert fold("Zelenskyy") == fold("Zelensky") == fold("Zelenskiy")
    assert initials("UN Relief and Works Agency") == "UNRWA"


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=30)
labels = st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(names, labels), max_size=8), max_size=4))
def test_every_surface_in_exactly_one_group(lists):
    found = canonicalize([ents(*pairs) for pairs in lists])
    seen = [a for c in found for a in c.aliases]
    assert len(seen) == len(set(seen))
    expected = {clean_name(t) for pairs in lists for t, _ in pairs if clean_name(t)}
    assert {k.casefold() for k in seen} == {k.casefold() for k in expected}
