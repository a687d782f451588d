"""Grouping below the conflict threshold: a weaker link corroborates, only a strong one compares values."""
from __future__ import annotations

import numpy as np

from newsweave.compare.align import group
from newsweave.models import Article, Claim, Quantity
from newsweave.compare.verdict.verdict import CONFLICTING, CORROBORATED, verdicts

WIRE = "Hakim became the second bomb technician in Oregon State Police history to be killed in the line of duty."
PAPER = "Hakim is the second bomb technician to die in the line of duty in the history of the Oregon State Police."


def _claim(cid: str, article: str, text: str, **kw) -> Claim:
    return Claim(id=cid, article=article, outlet=f"Outlet {article}", sentence=1, start=0, end=len(text), text=text,
                 clause=text, **kw)


def _vectors(n: int) -> np.ndarray:
    return np.eye(n, 384, dtype=np.float32)


def test_thresholds_are_ordered():
    assert group.ALIGN_THRESHOLD < group.CONFLICT_THRESHOLD


def test_link_between_the_thresholds_groups_two_outlets():
    claims = [_claim("a", "A", WIRE), _claim("b", "B", PAPER)]
    score = (group.ALIGN_THRESHOLD + group.CONFLICT_THRESHOLD) / 2
    groups = group.group(claims, [group.Link(0, 1, score, 0.7)], _vectors(2))
    assert groups == [[0, 1]]
    assert group.group(claims, [group.Link(0, 1, group.ALIGN_THRESHOLD - 0.01, 0.7)], _vectors(2)) == [[0], [1]]


def test_only_strong_links_are_compared_for_conflicts():
    claims = [_claim("a", "A", WIRE), _claim("b", "B", PAPER), _claim("c", "C", PAPER)]
    weak = group.Link(0, 1, (group.ALIGN_THRESHOLD + group.CONFLICT_THRESHOLD) / 2, 0.7)
    strong = group.Link(0, 2, group.CONFLICT_THRESHOLD, 0.8)
    assert group.conflict_links(claims, [weak, strong]) == {frozenset(("a", "c"))}


def test_weakly_linked_numbers_corroborate_without_a_conflict():
    """Two outlets grouped by a link below CONFLICT_THRESHOLD: a fact, corroborated; their differing counts
    are not set against each other (a weak link may pair two different facts of one event)."""
    a = _claim("a", "A", "Four robbers stole jewels worth 85 million euros from the Paris store.",
               quantities=(Quantity(start=38, end=48, text="85 million", low=85e6, high=85e6, qualifier="exact", unit="EUR"),))
    b = _claim("b", "B", "Armed robbers made off with jewels worth 105 million euros in Paris.",
               quantities=(Quantity(start=38, end=49, text="105 million", low=105e6, high=105e6, qualifier="exact", unit="EUR"),))
    articles = [Article(id=x, outlet=f"Outlet {x}", title="t", text="t", original="t", published=None,
                        language="en", path="") for x in ("A", "B")]
    weak = group.Link(0, 1, group.ALIGN_THRESHOLD + 0.01, 0.7)
    groups = group.group([a, b], [weak], _vectors(2))
    assert groups == [[0, 1]]
    fact, = verdicts([[a, b]], articles, linked=group.conflict_links([a, b], [weak]))
    assert fact.status == CORROBORATED
    strong = group.Link(0, 1, group.CONFLICT_THRESHOLD + 0.01, 0.7)
    fact, = verdicts([[a, b]], articles, linked=group.conflict_links([a, b], [strong]))
    assert fact.status == CONFLICTING
