"""Age conflicts: an age on a date and a birth year agree when they match ("19 years old" on 2025-01-11 and "born
in 2005"); a birth year printed on a document speaks about the document's bearer.
"""
from __future__ import annotations

import re

from ..models import AgeFact, Claim, Conflict
from .common import _conflict


# A birth year printed on a document speaks about the document's bearer, not about the speaker.
_DOCUMENT_PERSON = re.compile(r"\b(bearer|holder|document|passport|id card|card|papers|issued in the name)\b", re.I)


def ages_compatible(a: AgeFact, b: AgeFact) -> tuple[bool, str]:
    """Possible birth years overlap (an age at publication allows two birth years). Two ages given in the same
    year are one person's age at about the same time: they must be equal ("dies at 91" vs "died aged 92")."""
    if None in (a.birth_low, a.birth_high, b.birth_low, b.birth_high):
        return True, "unresolved"
    if a.kind == b.kind == "age" and a.value != b.value and a.birth_high + a.value == b.birth_high + b.value:
        return False, f"{a.text!r} vs {b.text!r} in the same year"
    if a.birth_low <= b.birth_high and b.birth_low <= a.birth_high:
        return True, f"{a.text!r} agrees with {b.text!r}"
    return False, f"{a.text!r} (born {_years(a)}) vs {b.text!r} (born {_years(b)})"


def _years(a: AgeFact) -> str:
    return str(a.birth_low) if a.birth_low == a.birth_high else f"{a.birth_low}-{a.birth_high}"


def age_subject(claim: Claim, age: AgeFact) -> str:
    """Whose birth year: the AgeFact person, 'document bearer' when printed on a document, else the subject."""
    if age.person and _DOCUMENT_PERSON.search(age.person):
        return "document bearer"
    window = claim.text[max(0, age.start - claim.start - 40):age.end - claim.start]
    if _DOCUMENT_PERSON.search(window):
        return "document bearer"
    return (age.person or "").casefold()


_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "who"})


def same_person(claim_a: Claim, a: AgeFact, claim_b: Claim, b: AgeFact) -> bool:
    sa, sb = age_subject(claim_a, a), age_subject(claim_b, b)
    if "document bearer" in (sa, sb):
        return sa == sb
    if sa in _PRONOUNS or sb in _PRONOUNS:  # "He was 91": whose age is not resolved, so it may be anyone's
        return True
    return not sa or not sb or sa == sb or sa in sb or sb in sa


def age_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    out = []
    for x in a.ages:
        for y in b.ages:
            if not same_person(a, x, b, y):
                continue
            ok, reason = ages_compatible(x, y)
            if not ok:
                kind = "number" if x.kind == y.kind == "age" else "date"
                out.append(_conflict(kind, a, x.text, b, y.text, "age" if kind == "number" else "birth year"))
    return out
