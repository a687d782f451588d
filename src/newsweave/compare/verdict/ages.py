"""Age conflicts: an age on a date and a birth year agree when they match ("19 years old" on 2025-01-11 and "born
in 2005"); a birth year printed on a document speaks about the document's bearer.
"""
from __future__ import annotations

from ...models import Claim, Conflict
from ..values import ages_compatible, same_person
from .common import make_conflict


def age_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    out = []
    for x in a.ages:
        for y in b.ages:
            if not same_person(a, x, b, y):
                continue
            ok, reason = ages_compatible(x, y)
            if not ok:
                kind = "number" if x.kind == y.kind == "age" else "date"
                out.append(make_conflict(kind, a, x.text, b, y.text, "age" if kind == "number" else "birth year"))
    return out
