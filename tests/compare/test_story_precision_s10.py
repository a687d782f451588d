"""Session 10: false conflicts of real ECB+ stories (bench/story_conflicts.py) cut by general rules: two people of
different ages, a town placed in the state the other side names, "might not" (a doubt, not a denial). Each false
alarm sits beside a genuine conflict of the same shape that must still be found."""
from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.compare.verdict import rules
from .helpers import claim as _claim

REF = datetime(2012, 1, 1)  # the publication date bench/story_conflicts.py gives ECB+ articles


def kinds(a: str, b: str) -> list[str]:
    return sorted({c.kind for c in rules.conflicts(_claim(a, "A", REF), _claim(b, "B", REF))})


BRITISH = "A 32 - year - old British climber dies after falling from a mountain in New Zealand."
BISCAYNE = "LaRue was at a meeting at Nixon's vacation home in Key Biscayne, Fla., where the plan was hatched."


@pytest.mark.parametrize("a, b, a2, b2", [
    # two people of different ages; the same age with another nationality conflicts
    (BRITISH, "A 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki Mount Cook.",
     BRITISH, BRITISH.replace("British", "Australian")),
    # a town placed in the state the other side names; another town of that state conflicts
    (BISCAYNE, "LaRue was at a meeting at Nixon's Florida holiday home at which the scheme was first mooted.",
     BISCAYNE, BISCAYNE.replace("Key Biscayne", "Palm Beach")),
])
def test_names_that_do_not_replace_each_other_are_no_entity_conflict(a, b, a2, b2):
    assert "entity" not in kinds(a, b)
    assert "entity" in kinds(a2, b2)


def test_a_doubt_is_no_denial_while_will_not_is():
    assert "polarity" not in kinds(
        "Catching Fire has a release date of 22 November 2013 with production starting later in the year.",
        "Hit the jump for more including why Catching Fire might not make its November 22, 2013 release date.")
    assert "polarity" in kinds("Catching Fire will make its November 22, 2013 release date.",
                               "Catching Fire will not make its November 22, 2013 release date.")
