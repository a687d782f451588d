"""False alarms removed in session 6: two different names that each fill a slot the other wording fills with a
pronoun or a common noun. Claims come from the normaliser's own extractors (spaCy NER), as `compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.verdict.rules import conflicts, entity_conflicts

from normaliser_claims import claim

pytest.importorskip("spacy")


def _entity(a: str, b: str) -> list:
    return entity_conflicts(claim(a, "A"), claim(b, "B"))


def test_names_in_crossed_slots_are_no_swap():
    """ "Mr. Smith" is the subject on one side, where the other says "He"; "Dr. Jones" is the object on the other,
    where the first says "the Houston pastor": each name has its counterpart, and the two are no swap."""
    a = "Mr. Smith has praised the Houston pastor for his work with homeless families ."
    b = "He has praised Dr. Jones for his work with homeless families ."
    assert _entity(a, b) == []
    assert conflicts(claim(a, "A"), claim(b, "B")) == []


def test_a_name_replaced_in_the_same_slot_still_conflicts():
    """The control: the subject replaced by another name is a swap."""
    found = _entity("Mr. Smith has praised the Houston pastor for his work with homeless families .",
                    "Mr. Brown has praised the Houston pastor for his work with homeless families .")
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Smith", "Brown")]
