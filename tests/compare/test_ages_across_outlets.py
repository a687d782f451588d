"""Ages across outlets: an age in a headline ("Dies at 91") or a short sentence ("He was 91.") is a claim that
corroborates the other outlet's "died aged 91", and two ages given on the same day conflict."""
from __future__ import annotations

from newsweave import compare_texts
from newsweave.compare.story import annotate, article_from_item, complete

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


def test_a_corroborated_explanation_names_the_outlet_that_attributes():
    fact = _fact_with(_facts(91), "Actor John Smith Dies at 91")
    assert "attributed to his family (B)" in fact["explanation"]
