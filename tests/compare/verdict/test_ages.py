"""Ages compared: given a year apart both may be right, on the same day they conflict; an age and a birth year
agree."""
from __future__ import annotations

from newsweave.models import AgeFact
from newsweave.compare.verdict.ages import ages_compatible

def _age(value: int, year: int) -> AgeFact:
    return AgeFact(start=0, end=2, text=f"aged {value}", kind="age", value=value, birth_low=year - value - 1,
                   birth_high=year - value)


def test_ages_a_year_apart_may_both_be_right():
    assert ages_compatible(_age(91, 2024), _age(92, 2025))[0]
    assert not ages_compatible(_age(91, 2024), _age(92, 2024))[0]
    assert ages_compatible(_age(91, 2024), _age(91, 2024))[0]


def test_an_age_and_a_birth_year_still_agree():
    born = AgeFact(start=0, end=12, text="born in 2005", kind="birth_year", value=2005, birth_low=2005,
                   birth_high=2005)
    assert ages_compatible(_age(19, 2025), born)[0]
