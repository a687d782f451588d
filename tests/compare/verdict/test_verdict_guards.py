"""Verdict-level guards found on real multi-outlet stories (ECB+ sub-topics compared outlet by outlet): a fact
holds claims that were never compared with each other, two reports share a wire sentence, an outlet reports both
values, a name is only the outlet a statement was given to, a headline is in Title Case. Each guard is checked
on both sides: the guard removes the false conflict and a genuine one still comes out."""
from __future__ import annotations

from dataclasses import replace

from newsweave.models import Article, Claim
from newsweave.compare.verdict.verdict import CONFLICTING, CORROBORATED, SINGLE, make_fact

from .helpers import STORY_REF, claim as _claim


def claim(text: str, outlet: str, headline: bool = False) -> Claim:
    """A claim attributed to no one (``make_fact`` sees no speaker), of an ECB+ story's date."""
    return _claim(text, outlet, STORY_REF, speaker="", headline=headline)


def articles(*claims: Claim, extra: dict[str, str] | None = None) -> dict[str, Article]:
    extra = extra or {}
    return {c.article: Article(id=c.article, outlet=c.outlet, title="", text=c.text + " " + extra.get(c.article, ""),
                               published="2012-01-01") for c in claims}


GENUINE_A = "Robert Pattinson and Kristen Stewart will star in Moon, written by Melissa Rosenberg."
GENUINE_B = "Moon will be written by Melissa Rosenberg with Robert Pattinson and Kristen Bell in the lead roles."


def test_a_genuine_swap_of_one_role_still_conflicts():
    a, b = claim(GENUINE_A, "A"), claim(GENUINE_B, "B")
    fact = make_fact([a, b], articles(a, b))
    assert fact.status == CONFLICTING
    assert {(c.a["value"], c.b["value"]) for c in fact.conflicts} == {("Kristen Stewart", "Kristen Bell")}


def test_claims_the_aligner_never_compared_are_not_checked():
    a, b = claim(GENUINE_A, "A"), claim(GENUINE_B, "B")
    c = claim("Robert Pattinson will star in Moon.", "C")
    linked = {frozenset((a.id, c.id)), frozenset((b.id, c.id))}  # A and B met only through C
    assert make_fact([a, b, c], articles(a, b, c), linked=linked).status == CORROBORATED
    linked.add(frozenset((a.id, b.id)))
    assert make_fact([a, b, c], articles(a, b, c), linked=linked).status == CONFLICTING


def test_a_shared_wire_sentence_never_conflicts():
    text = ("The 36-year-old champion Klitschko floored Thompson in the fifth round, and the 40-year-old American "
            "never recovered.")
    a, b = claim(text, "A"), claim(text, "B")
    fact = make_fact([a, b], articles(a, b))  # one text printed twice: no conflict, and one source
    assert fact.status == SINGLE and not fact.conflicts and "word for word" in fact.explanation


def test_an_outlet_that_reports_both_values_does_not_dispute_either():
    a = claim("Reid launched a new fashion line called Mantra in December.", "A")
    b = claim("Reid launched a new fashion line called Mantra in September.", "B")
    assert make_fact([a, b], articles(a, b)).status == CONFLICTING
    both = articles(a, b, extra={"B": "The line reached stores in December."})
    assert make_fact([a, b], both).status == CORROBORATED


def test_the_outlet_a_statement_was_given_to_is_not_a_role():
    a = claim("Tara Reid checked herself into Promises Treatment Center, her rep told People.", "A")
    b = claim("Tara Reid has checked herself into Promises Treatment Center, her rep told UsMagazine.com.", "B")
    assert make_fact([a, b], articles(a, b)).status == CORROBORATED


def test_title_case_headlines_do_not_swap_names():
    a = claim("Arcade Joseph Comeaux Jr, Prison Inmate, Pulls Gun On And Handcuffs Guards, Runs Away", "A", True)
    b = claim("Arcade Joseph Comeaux Jr: Texas Child Molester Escaped and Armed", "B", True)
    assert make_fact([a, b], articles(a, b)).status != CONFLICTING


def test_the_speaker_is_not_a_swapped_name():
    a = replace(claim("Dan Patrick reported on his show that the Boston Red Sox have made Mark Teixeira an offer.",
                      "A"), attributed_to="Dan Patrick")
    b = replace(claim("ESPN is reporting that the Boston Red Sox have made Mark Teixeira an offer.", "B"),
                attributed_to="ESPN")
    fact = make_fact([a, b], articles(a, b))
    assert not [c for c in fact.conflicts if c.kind == "entity"]
