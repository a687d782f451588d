"""Comparison rules over structured content: quantities, time intervals, ages, entities in a role, polarity.

Each rule takes two claims (already aligned as the same fact) and returns the conflicts it finds, each naming
both values and who said them. Structured values are compared, never strings: "at least 40" and "about 40" are
compatible, 30 and 43 are not; "19 years old" on 2025-01-11 and "born in 2005" agree; "late last year" overlaps
"autumn of 2024".
"""
from __future__ import annotations

import re
from typing import Iterable

from ..models import AgeFact, Claim, Conflict, Quantity, TimeExpr
from ..align.score import STOPWORDS, tokens

ABOUT_TOLERANCE = 0.1
ENTITY_OVERLAP = 0.5  # share of the other content words two statements must have for a swapped name to conflict
# A birth year printed on a document speaks about the document's bearer, not about the speaker.
_DOCUMENT_PERSON = re.compile(r"\b(bearer|holder|document|passport|id card|card|papers|issued in the name)\b", re.I)


# --------------------------------------------------------------------------- quantities

def interval(q: Quantity) -> tuple[float, float]:
    low = q.low if q.low is not None else 0.0
    high = q.high if q.high is not None else float("inf")
    if q.qualifier in ("about", "some", "approximately", "around", "nearly", "almost"):
        low, high = low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
    if q.qualifier in ("more_than", "at_least", "over"):
        low, high = low * (1 - ABOUT_TOLERANCE / 2), float("inf")
    if q.qualifier in ("up_to", "less_than", "under"):
        low = 0.0
    if q.qualifier in ("dozens", "hundreds", "thousands"):
        high = float("inf") if q.high is None else q.high
    return low, high


_LOWER = ("at_least", "more_than", "over")
_UPPER = ("up_to", "less_than", "under")


def quantities_compatible(a: Quantity, b: Quantity) -> tuple[bool, str]:
    """(compatible, reason): intervals implied by the qualifiers overlap. Two bounds in the same direction are
    reported figures: "at least 17" and "at least 37" disagree, "more than 40" and "at least 40" agree."""
    for side in (_LOWER, _UPPER):
        if a.qualifier in side and b.qualifier in side:
            va, vb = (a.low, b.low) if side is _LOWER else (a.high, b.high)
            if va is not None and vb is not None and abs(va - vb) > ABOUT_TOLERANCE * max(abs(va), abs(vb)):
                return False, f"{a.text!r} vs {b.text!r}"
            return True, f"{a.text!r} and {b.text!r} agree"
    if a.qualifier == b.qualifier == "exact" and a.low and b.low and abs(a.low - b.low) <= 0.02 * max(a.low, b.low):
        return True, f"{a.text!r} and {b.text!r} differ by rounding"
    (la, ha), (lb, hb) = interval(a), interval(b)
    if la <= hb and lb <= ha:
        return True, f"{a.text!r} and {b.text!r} overlap"
    return False, f"{a.text!r} vs {b.text!r}"


def comparable_quantities(a: Quantity, b: Quantity) -> bool:
    """Same unit and, when both say what they count, something counted in common."""
    if (a.unit or "") != (b.unit or ""):
        return False
    ca, cb = _content(a.counted), _content(b.counted)
    return not (ca and cb) or bool(ca & cb) or _stem_overlap(ca, cb)


def _content(text: str) -> set[str]:
    return {t for t in tokens(text or "") if t not in STOPWORDS and not t.isdigit()}


def _stem_overlap(a: set[str], b: set[str]) -> bool:
    return any(x[:5] == y[:5] for x in a for y in b if len(x) >= 4 and len(y) >= 4)


# --------------------------------------------------------------------------- times

def time_interval(t: TimeExpr) -> tuple[str, str] | None:
    if not t.resolved or not t.begin:
        return None
    return t.begin[:10], (t.until or "9999-12-31")[:10]


def times_compatible(a: TimeExpr, b: TimeExpr) -> tuple[bool, str]:
    ia, ib = time_interval(a), time_interval(b)
    if ia is None or ib is None:
        return True, "unresolved"
    if ia[0] < ib[1] and ib[0] < ia[1]:
        return True, f"{a.text!r} overlaps {b.text!r}"
    return False, f"{a.text!r} ({ia[0]}..{ia[1]}) vs {b.text!r} ({ib[0]}..{ib[1]})"


def _since(claim: Claim, t: TimeExpr) -> bool:
    before = claim.text[max(0, t.start - claim.start - 8):t.start - claim.start].lower()
    return "since" in before or "from" in before or "since" in (t.note or "")


# --------------------------------------------------------------------------- ages

def ages_compatible(a: AgeFact, b: AgeFact) -> tuple[bool, str]:
    """Possible birth years overlap (an age at publication allows two birth years)."""
    if None in (a.birth_low, a.birth_high, b.birth_low, b.birth_high):
        return True, "unresolved"
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


def same_person(claim_a: Claim, a: AgeFact, claim_b: Claim, b: AgeFact) -> bool:
    sa, sb = age_subject(claim_a, a), age_subject(claim_b, b)
    if "document bearer" in (sa, sb):
        return sa == sb
    return not sa or not sb or sa == sb or sa in sb or sb in sa


# --------------------------------------------------------------------------- conflicts between two claims

def side(claim: Claim, value: str, text: str | None = None) -> dict:
    return {"article": claim.article, "outlet": claim.outlet, "attributed_to": claim.attributed_to,
            "text": text if text is not None else claim.text, "value": value}


def source_name(claim: Claim) -> str:
    who = claim.attributed_to or claim.outlet
    return who if who == claim.outlet or not claim.outlet else f"{who} (in {claim.outlet})"


def _conflict(kind: str, a: Claim, va: str, b: Claim, vb: str, what: str) -> Conflict:
    explanation = f"{source_name(a)} says {va}, {source_name(b)} says {vb}" + (f" ({what})" if what else "")
    return Conflict(kind=kind, a=side(a, va), b=side(b, vb), explanation=explanation)


def number_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Quantities left unmatched on both sides that count the same thing and cannot both be true."""
    ua = [x for x in a.quantities if not any(_agree(a, x, b, y) for y in b.quantities)]
    ub = [y for y in b.quantities if not any(_agree(a, x, b, y) for x in a.quantities)]
    if len(ua) == 1 and len(ub) == 1 and (ua[0].unit or "") == (ub[0].unit or ""):
        x, y = ua[0], ub[0]  # the one figure each side does not share: the same slot, different values
        return [_conflict("number", a, x.text, b, y.text, x.counted or y.counted)]
    out = []
    for x in ua:
        partners = [y for y in ub if _comparable(a, x, b, y)]
        rivals = [z for z in ua if partners and _comparable(a, z, b, partners[0])]
        if len(partners) == 1 and len(rivals) == 1:
            out.append(_conflict("number", a, x.text, b, partners[0].text, x.counted or partners[0].counted))
    return out


def _agree(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    return (x.unit or "") == (y.unit or "") and quantities_compatible(x, y)[0]


def _comparable(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    if not comparable_quantities(x, y):
        return False
    if _content(x.counted) and _content(y.counted):
        return True
    return _word_before(a, x) == _word_before(b, y) or bool(x.unit) or len(a.quantities) == len(b.quantities) == 1


def _word_before(claim: Claim, q: Quantity) -> str:
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    text = claim.clause or claim.text
    words = tokens(text[:max(q.start - base, 0)])
    return words[-1] if words else ""


def date_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Times left without an overlapping partner on both sides, of the same granularity: disjoint intervals."""
    ta = [t for t in a.times if time_interval(t) and not _in_age(a, t)]
    tb = [t for t in b.times if time_interval(t) and not _in_age(b, t)]
    ua = [x for x in ta if not any(times_compatible(x, y)[0] for y in tb)]
    ub = [y for y in tb if not any(times_compatible(x, y)[0] for x in ta)]
    out = []
    for x in ua:
        partners = [y for y in ub if _same_grain(x, y) and _since(a, x) == _since(b, y)]
        rivals = [z for z in ua if partners and _same_grain(z, partners[0])]
        if len(partners) == 1 and len(rivals) == 1:
            out.append(_conflict("date", a, x.text, b, partners[0].text, ""))
    return out


_GRAIN = {"minute": "day", "hour": "day", "day": "day", "week": "week", "month": "month", "season": "month",
          "part-of-year": "month", "quarter": "month", "year": "year", "decade": "year"}


def _same_grain(x: TimeExpr, y: TimeExpr) -> bool:
    return _GRAIN.get(x.granularity, x.granularity) == _GRAIN.get(y.granularity, y.granularity)


def _in_age(claim: Claim, t: TimeExpr) -> bool:
    """Birth years are compared by the age rule (which knows whose birth year it is), not as dates."""
    return any(x.start <= t.start and t.end <= x.end or t.start <= x.start < t.end for x in claim.ages)


def age_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    out = []
    for x in a.ages:
        for y in b.ages:
            if not same_person(a, x, b, y):
                continue
            ok, reason = ages_compatible(x, y)
            if not ok:
                out.append(_conflict("date", a, x.text, b, y.text, "birth year"))
    return out


def entity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """One named entity swapped for another of the same type while the rest of the statement is the same."""
    names_a = {_ename(e): e for e in a.entities}
    names_b = {_ename(e): e for e in b.entities}
    only_a = [e for n, e in names_a.items() if n not in names_b and not _mentioned(n, b)
              and not _name_words_shared(e, b)]
    only_b = [e for n, e in names_b.items() if n not in names_a and not _mentioned(n, a)
              and not _name_words_shared(e, a)]
    rest_a = _content(_without(a, *only_a))
    rest_b = _content(_without(b, *only_b))
    if not rest_a or not rest_b:
        return []
    overlap = len(rest_a & rest_b) / min(len(rest_a), len(rest_b))
    same_type = [(x, y) for x in only_a for y in only_b if x.label == y.label and not _acronym_of(x.text, y.text)]
    roles = [(x, y) for x, y in same_type if _same_role(a, x, b, y)]
    if len(same_type) == 1 and overlap >= ENTITY_OVERLAP:
        x, y = same_type[0]
    elif len(roles) == 1 and overlap >= 0.4:
        x, y = roles[0]
    else:
        return []
    return [_conflict("entity", a, x.text, b, y.text, "")]


def _acronym_of(x: str, y: str) -> bool:
    """ "ECB" and "European Central Bank": one is the initials of the other."""
    short, long = sorted((x.strip(), y.strip()), key=len)
    letters = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", long) if w[0].isupper())
    return short.replace(".", "").isupper() and len(short) >= 2 and short.replace(".", "") == letters


_SKIP = {"the", "a", "an", "s", "'s", "’s"}


def _neighbours(claim: Claim, entity) -> tuple[str, str]:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    before = [w for w in tokens(text[:max(entity.start - base, 0)]) if w not in _SKIP]
    after = [w for w in tokens(text[max(entity.end - base, 0):]) if w not in _SKIP]
    return (before[-1] if before else ""), (after[0] if after else "")


def _same_role(a: Claim, x, b: Claim, y) -> bool:
    (pa, na), (pb, nb) = _neighbours(a, x), _neighbours(b, y)
    return bool(pa) and pa == pb or bool(na) and na == nb


def _ename(e) -> str:
    return re.sub(r"[^\w]", "", (e.canonical or e.text).casefold())


def _mentioned(name: str, claim: Claim) -> bool:
    """The other claim names it too: same name, a distinctive word of it (surname), or a near spelling."""
    from rapidfuzz import fuzz

    text = claim.clause or claim.text
    flat = re.sub(r"[^\w]", "", text.casefold())
    if name in flat or any(name in _ename(e) or _ename(e) in name for e in claim.entities if _ename(e)):
        return True
    return any(fuzz.ratio(name, _ename(e)) >= 80 for e in claim.entities)


def _name_words_shared(entity, claim: Claim) -> bool:
    """A distinctive word of the name (a surname) appears in the other claim, allowing for a misspelling."""
    from rapidfuzz import fuzz

    words = set(tokens(claim.clause or claim.text))
    head = re.split(r"\s+of\s+", entity.text)[0]
    mine = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    return any(w in words or any(fuzz.ratio(w, o) >= 85 for o in words if abs(len(o) - len(w)) <= 2) for w in mine)


def _without(claim: Claim, *entities) -> str:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    for entity in sorted(entities, key=lambda e: -e.start):
        s, e = entity.start - base, entity.end - base
        text = text[:max(s, 0)] + " " + text[max(e, 0):]
    return text


def polarity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    if a.negated == b.negated:
        return []
    ca, cb = _content(a.clause or a.text), _content(b.clause or b.text)
    if not ca or not cb or len(ca & cb) / min(len(ca), len(cb)) < 0.5:
        return []
    va, vb = _polarity(a), _polarity(b)
    explanation = (f"{source_name(a)} {'denies' if a.negated else 'states'} it, "
                   f"{source_name(b)} {'denies' if b.negated else 'states'} it")
    return [Conflict("polarity", side(a, va), side(b, vb), explanation)]


def _polarity(claim: Claim) -> str:
    return f"negative: {_clause(claim)}" if claim.negated else f"positive: {_clause(claim)}"


def _clause(claim: Claim) -> str:
    return claim.clause or claim.text


RULES = (number_conflicts, date_conflicts, age_conflicts, entity_conflicts, polarity_conflicts)


def conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Every disagreement between two aligned claims (empty when they agree)."""
    found: list[Conflict] = []
    for rule in RULES:
        found.extend(rule(a, b))
    return found


def all_conflicts(pairs: Iterable[tuple[Claim, Claim]]) -> list[Conflict]:
    out = []
    for a, b in pairs:
        out.extend(conflicts(a, b))
    return out
