"""Ages in headlines and short sentences: "Dies at 91", "He was 91.", and two ages given in the same year."""
from __future__ import annotations

from newsweave import compare_texts
from newsweave.compare.story import annotate, article_from_item, complete
from newsweave.models import AgeFact
from newsweave.normalize.ages import extract_ages
from newsweave.compare.verdict.ages import ages_compatible

OBIT_A = ("Actor John Smith Dies at 91\n\nJohn Smith, the actor known for Westerns, died on Monday in Los Angeles. "
          "He was 91.")
OBIT_B = ("Hollywood veteran John Smith has died aged {age}, his family said. Smith died at his home in Los Angeles "
          "on Monday.")


def _facts(age_b: int, published_b: str = "2024-03-05") -> list[dict]:
    story = compare_texts([
        dict(text=OBIT_A, outlet="A", published="2024-03-05", title="Actor John Smith Dies at 91"),
        dict(text=OBIT_B.format(age=age_b), outlet="B", published=published_b),
    ])["stories"][0]
    return story["facts"]


def _fact_with(facts: list[dict], text: str) -> dict:
    return next(f for f in facts if any(c["text"] == text for c in f["claims"]))


def test_a_headline_ending_in_an_age_gives_the_age():
    ages = extract_ages("Actor John Smith Dies at 91\n\nJohn Smith died on Monday.", None)
    assert [(a.text, a.value) for a in ages] == [("Dies at 91", 91)]


def test_the_age_in_a_headline_is_not_also_a_count():
    article = article_from_item(dict(text=OBIT_A, outlet="A", published="2024-03-05"))
    ann = complete(article, annotate([article])[0])
    assert not any(q.text.strip().endswith("91") for q in ann.quantities)
    assert any(a.value == 91 for a in ann.ages)


def test_a_short_sentence_giving_an_age_is_a_claim_and_corroborates():
    fact = _fact_with(_facts(91), "He was 91.")
    assert fact["status"] == "corroborated"
    assert {c["outlet"] for c in fact["claims"]} == {"A", "B"}


def test_headline_age_and_body_age_align():
    fact = _fact_with(_facts(91), "Actor John Smith Dies at 91")
    assert fact["status"] == "corroborated"
    assert any("aged 91" in c["text"] for c in fact["claims"])


def test_two_different_ages_on_the_same_day_conflict():
    facts = _facts(92)
    fact = _fact_with(facts, "Actor John Smith Dies at 91")
    assert fact["status"] == "conflicting"
    values = {str(side["value"]) for c in fact["conflicts"] for side in (c["a"], c["b"])}
    assert any("91" in v for v in values) and any("92" in v for v in values)


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


def test_a_corroborated_explanation_names_the_outlet_that_attributes():
    fact = _fact_with(_facts(91), "Actor John Smith Dies at 91")
    assert "attributed to his family (B)" in fact["explanation"]
