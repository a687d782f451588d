"""Comparison rules over structured content: quantities, time intervals, ages, entities in a role, polarity.

Each rule takes two claims (already aligned as the same fact) and returns the conflicts it finds, each naming
both values and who said them. Structured values are compared, never strings: "at least 40" and "about 40" are
compatible, 30 and 43 are not; "19 years old" on 2025-01-11 and "born in 2005" agree; "late last year" overlaps
"autumn of 2024".

One module per kind: numbers, times, ages, entities (a package), polarity (helpers they share in common); this
module runs them all over a pair of claims.
"""
from __future__ import annotations

import re

from ...models import Claim, Conflict
from .numbers import number_conflicts
from .times import date_conflicts
from .ages import age_conflicts
from .entities import entity_conflicts
from .polarity import polarity_conflicts


RULES = (number_conflicts, date_conflicts, age_conflicts, entity_conflicts, polarity_conflicts)
KINDS = {"number": number_conflicts, "date": date_conflicts, "age": age_conflicts, "entity": entity_conflicts,
         "polarity": polarity_conflicts}


_STAMP = re.compile(r"\b(?:last\s+)?(?:updated|published|posted)\s*(?:at|on)?\s*:?\s*\d", re.I)


def page_stamp(claim: Claim) -> bool:
    """A dateline of the page, not a statement: "21 July 2013 Last updated at 11: 11 GMT", "Monday, Sep 10, 2012 |
    Updated 9: 01 AM EDT" (each outlet's own time of publishing)."""
    return len(claim.text.split()) <= 14 and bool(_STAMP.search(claim.text))


def hypothetical(claim: Claim) -> bool:
    """The sentence opens with a condition that has its own subject ("If the Saints beat Seattle and Philadelphia
    beats Green Bay, the Falcons will face the Saints ... at the Georgia Dome"): what follows is what would happen,
    not what a report states happened or will happen (by the dependency parse; False without one). "If convicted,
    he faces 10 years" has no subject of its own and stays a statement of the penalty."""
    if not re.match(r"^\W*if\s", claim.text, re.I):
        return False
    from ..claims.roles import parse

    doc = parse(claim.text)
    mark = next((t for t in doc if t.text.casefold() == "if"), None) if doc is not None else None
    return mark is not None and mark.dep_ == "mark" and any(c.dep_ in ("nsubj", "nsubjpass", "expl")
                                                           for c in mark.head.children)


_MODAL = re.compile(r"\b(?:if|unless|would|could|might|as long as)\b", re.I)


def _modal(claim: Claim) -> bool:
    """The claim too speaks of what would or could be ("The appeal would stop the extradition process")."""
    return bool(_MODAL.search(claim.text))


def conflicts(a: Claim, b: Claim, kinds=None) -> list[Conflict]:
    """Every disagreement between two aligned claims (empty when they agree), or those of the rules ``kinds``
    names (number, date, age, entity, polarity); a claim in a sentence that says what would happen under a
    condition does not dispute one that states a fact with no condition or modal verb of its own
    (``hypothetical``)."""
    if page_stamp(a) or page_stamp(b) or hypothetical(a) and not _modal(b) or hypothetical(b) and not _modal(a):
        return []
    found: list[Conflict] = []
    for rule in (RULES if kinds is None else [KINDS[k] for k in kinds]):
        found.extend(rule(a, b))
    return found
