"""Comparison rules on small real sentences: quantities, dates, ages, entity role, polarity."""
from __future__ import annotations

from datetime import date

from newsweave.models import Claim, TimeExpr
from newsweave.compare.verdict import rules
from newsweave.compare import values

from .helpers import slot_claim

REF = date(2025, 1, 11)


def claim(text: str, outlet: str = "A", who: str = "", times=()) -> Claim:
    return slot_claim(text, outlet, who, ref=REF, times=times, negated=bool(rules_negation(text)))


def rules_negation(text):
    from newsweave.compare.claims.extract import NEGATION
    return NEGATION.search(text)


def kinds(a, b):
    return [c.kind for c in rules.conflicts(a, b)]


def test_qualified_numbers_are_compatible():
    for x, y in [("at least 40", "about 40"), ("more than 40", "about 40"), ("at least 40", "more than 40")]:
        a = claim(f"The strike killed {x} people, officials said.")
        b = claim(f"The strike killed {y} people, officials said.", "B")
        assert kinds(a, b) == [], (x, y)


def test_different_numbers_conflict_with_sources():
    a = claim("The strike killed 30 people in Gaza.", "UN", "UN")
    b = claim("The strike killed 43 people in Gaza.", "Reuters", "Shifa Hospital")
    found = rules.conflicts(a, b)
    assert [c.kind for c in found] == ["number"]
    assert "UN says 30" in found[0].explanation and "Shifa Hospital (in Reuters) says 43" in found[0].explanation


def test_age_and_birth_year_agree():
    a = claim("He said he was born in 2005 and had joined the army in 2021.")
    b = claim("He stated that he was 19, held the position of rifleman.", "B")
    assert values.ages_compatible(a.ages[0], b.ages[0])[0]
    assert kinds(a, b) == []


def test_age_and_birth_year_disagree():
    a = claim("He said he was born in 1999.")
    b = claim("He stated that he was 19.", "B")
    assert "date" in kinds(a, b)


def test_document_birth_year_is_not_the_soldiers():
    a = claim("It shows its bearer’s birth year as 1998.")
    b = claim("He said he was born in 2005.", "B")
    assert values.age_subject(a, a.ages[0]) == "document bearer"
    assert kinds(a, b) == []


def test_late_last_year_overlaps_autumn():
    late = TimeExpr(0, 14, "late last year", "2024-09-01", "2025-01-01", "part-of-year")
    autumn = TimeExpr(0, 14, "autumn of 2024", "2024-09-01", "2024-12-01", "season")
    assert values.times_compatible(late, autumn)[0]
    a = claim("The document was issued to him late last year in Russia.", times=[late])
    b = claim("The card had been issued to him in Russia in the autumn of 2024.", "B", times=[autumn])
    assert kinds(a, b) == []


def test_different_dates_conflict():
    a = claim("The offensive began on January 4, 2025 near Sudzha.")
    b = claim("The offensive began on January 9, 2025 near Sudzha.", "B")
    assert kinds(a, b) == ["date"]


def test_entity_swapped_in_same_role():
    a = claim("The prisoners were handed over to Kyiv by the Security Service of Ukraine on Saturday.")
    b = claim("The prisoners were handed over to Kyiv by the National Guard of Ukraine on Saturday.", "B")
    assert "entity" in kinds(a, b)


def test_same_entities_no_entity_conflict():
    a = claim("Ukrainian soldiers captured North Korean soldiers in Russia’s Kursk Oblast.")
    b = claim("Ukrainian soldiers captured North Korean soldiers in Russia’s Kursk Oblast on Saturday.", "B")
    assert "entity" not in kinds(a, b)


def test_a_negated_statement_is_a_polarity_conflict():
    a = claim("The prisoners speak Russian, the SBU said.")
    b = claim("The prisoners do not speak Russian, the SBU said.", "B")
    assert kinds(a, b) == ["polarity"]


def test_contrastive_not_is_not_polarity():
    a = claim("He believed he was being sent there for training.")
    b = claim("He was travelling to the country for training, not to join the war.", "B")
    assert "polarity" not in kinds(a, b)
