"""Comparison rules over structured content: quantities, time intervals, ages, entities in a role, polarity.

Each rule takes two claims (already aligned as the same fact) and returns the conflicts it finds, each naming
both values and who said them. Structured values are compared, never strings: "at least 40" and "about 40" are
compatible, 30 and 43 are not; "19 years old" on 2025-01-11 and "born in 2005" agree; "late last year" overlaps
"autumn of 2024".

One module per kind: numbers, times, ages, entities, polarity (helpers they share in common); this module runs
them all over a pair of claims.
"""
from __future__ import annotations

import re

from ..models import Claim, Conflict
from .numbers import number_conflicts
from .times import date_conflicts
from .ages import age_conflicts
from .entities import entity_conflicts
from .polarity import polarity_conflicts


RULES = (number_conflicts, date_conflicts, age_conflicts, entity_conflicts, polarity_conflicts)


_STAMP = re.compile(r"\b(?:last\s+)?(?:updated|published|posted)\s*(?:at|on)?\s*:?\s*\d", re.I)


def page_stamp(claim: Claim) -> bool:
    """A dateline of the page, not a statement: "21 July 2013 Last updated at 11: 11 GMT", "Monday, Sep 10, 2012 |
    Updated 9: 01 AM EDT" (each outlet's own time of publishing)."""
    return len(claim.text.split()) <= 14 and bool(_STAMP.search(claim.text))


def conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Every disagreement between two aligned claims (empty when they agree)."""
    if page_stamp(a) or page_stamp(b):
        return []
    found: list[Conflict] = []
    for rule in RULES:
        found.extend(rule(a, b))
    return found
