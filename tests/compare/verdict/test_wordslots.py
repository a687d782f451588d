"""A name that takes the place of another between the same matched words (newsweave.compare.verdict.entities.wordslots), and the
entity rule that uses it: found whatever types the tagger gave the two names; aliases are not a replacement."""
from __future__ import annotations

from newsweave.compare.verdict import entities as entity_rules
from newsweave.compare.verdict.entities.wordslots import same_place

from .helpers import bare_claim as claim, ent


HALL = "Tony winners will be announced June 8 in televised ceremonies from Radio City Music Hall ."
STORE = "Tony winners will be announced June 8 in televised ceremonies from Walgreen Co ."


def test_name_between_the_same_words_replaces_the_other():
    a = claim(HALL, "A", ent(HALL, "Radio City Music Hall", "FAC"))
    b = claim(STORE, "B", ent(STORE, "Walgreen Co", "ORG"))
    assert same_place(a, a.entities[0], b, b.entities[0])


def test_replaced_name_of_another_type_conflicts():
    """The tagger calls one a facility and the other an organisation: the place in the sentence decides."""
    a = claim(HALL, "A", ent(HALL, "Radio City Music Hall", "FAC"))
    b = claim(STORE, "B", ent(STORE, "Walgreen Co", "ORG"))
    found = entity_rules.entity_conflicts(a, b)
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Radio City Music Hall", "Walgreen Co")]
    assert found[0].explanation == "A says Radio City Music Hall, B says Walgreen Co"


def test_names_in_different_places_are_not_a_replacement():
    ta = "The prime ministers of China and Russia have met in Beijing and approved a budget ."
    tb = "The prime ministers of China and Russia set plans for a regional centre in Uzbekistan ."
    a, b = claim(ta, "A", ent(ta, "Beijing", "GPE")), claim(tb, "B", ent(tb, "Uzbekistan", "GPE"))
    assert not same_place(a, a.entities[0], b, b.entities[0])


def test_one_anchor_is_not_enough_by_default():
    ta = "Shares of Microsoft rose 50 cents to close at $ 28.34 ."
    tb = "Army 's stock was up 50 cents to $ 28.34 ."
    a, b = claim(ta, "A", ent(ta, "Microsoft", "ORG")), claim(tb, "B", ent(tb, "Army", "ORG"))
    assert not same_place(a, a.entities[0], b, b.entities[0])


def test_alias_in_the_same_place_is_not_a_conflict():
    ta = "Wal-Mart shares rose 16 cents to close at $ 58.28 on the New York Stock Exchange ."
    tb = "Wal-Mart shares rose 16 cents to close at $ 58.28 on the NYSE ."
    a = claim(ta, "A", ent(ta, "Wal-Mart", "ORG"), ent(ta, "New York Stock Exchange", "ORG"))
    b = claim(tb, "B", ent(tb, "Wal-Mart", "ORG"), ent(tb, "NYSE", "FAC"))
    assert same_place(a, a.entities[1], b, b.entities[1])
    assert entity_rules.entity_conflicts(a, b) == []


def test_name_sharing_a_word_with_its_counterpart_is_not_a_replacement():
    """ "Security Service of Ukraine" / "National Guard of Ukraine": a shared word means the names overlap."""
    ta = "Soldiers of the National Guard of Ukraine captured them ."
    tb = "Soldiers of the Security Service of Ukraine captured them ."
    a, b = claim(ta, "A", ent(ta, "National Guard of Ukraine", "ORG")), \
        claim(tb, "B", ent(tb, "Security Service of Ukraine", "ORG"))
    assert not same_place(a, a.entities[0], b, b.entities[0])


def test_name_both_sides_give_is_not_swapped_for_another_kind_elsewhere():
    """B names the health system too: A's "New York" (a place) is a detail B leaves out, not a swap for it."""
    ta = "The North Shore Long Island Jewish Health System in New York announced plans for a tissue bank this month ."
    tb = "North Shore-Long Island Jewish Health System announced plans for a tissue bank earlier this month ."
    a = claim(ta, "A", ent(ta, "North Shore Long Island Jewish Health System", "MISC"), ent(ta, "New York", "GPE"))
    b = claim(tb, "B", ent(tb, "North Shore-Long Island Jewish Health System", "MISC"))
    assert entity_rules.entity_conflicts(a, b) == []


def test_same_type_name_after_the_same_words_replaces_the_other():
    """One matched neighbour is enough when the tagger gives both names the same type."""
    ta = "The stock rose $ 2.11 , or about 11 percent , to close Friday at $ 21.51 on the New York Stock Exchange ."
    tb = "PG & E Corp. shares jumped $ 1.63 or 8 percent to $ 21.03 on the IG Farben on Friday ."
    a = claim(ta, "A", ent(ta, "New York Stock Exchange", "ORG"))
    b = claim(tb, "B", ent(tb, "PG & E Corp.", "ORG"), ent(tb, "IG Farben", "ORG"))
    found = entity_rules.entity_conflicts(a, b)
    assert [(c.a["value"], c.b["value"]) for c in found] == [("New York Stock Exchange", "IG Farben")]


def test_untagged_counterpart_between_the_same_words():
    """The tagger marked no name in B; the capitalised word in the same place is the counterpart."""
    ta = "Paracha faces at least 17 years in prison if convicted ."
    tb = "Cruz faces at least 17 years in prison if convicted ."
    a, b = claim(ta, "A", ent(ta, "Paracha", "PERSON")), claim(tb, "B")
    found = entity_rules.entity_conflicts(a, b)
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Paracha", "Cruz")]


def test_name_cut_where_its_encoding_broke_is_the_same_name():
    ta = "Prime Minister Jean Chrétien have both said the government will introduce legislation soon ."
    ta = ta.replace("é", "\u00c3\u00a9")  # how a wrongly decoded page spells it; the tagger stops at "Ã"
    tb = "Prime Minister Jean Chretien have both said the government will introduce legislation soon ."
    a, b = claim(ta, "A", ent(ta, "Jean Chr\u00c3", "PERSON")), claim(tb, "B", ent(tb, "Jean Chretien", "PERSON"))
    assert entity_rules.entity_conflicts(a, b) == []
