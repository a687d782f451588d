"""Entity conflicts found in session 6: names that the embedding model places close together although they name
opposite sides (rival political parties). Claims come from the normaliser's own extractors (spaCy NER), as
`compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.verdict.rules import _rival_parties, entity_conflicts, names_related

from normaliser_claims import claim

pytest.importorskip("spacy")


def _entity(a: str, b: str) -> list:
    return entity_conflicts(claim(a, "A"), claim(b, "B"))


def _names(found) -> set[tuple[str, str]]:
    return {(c.a["value"], c.b["value"]) for c in found}


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
