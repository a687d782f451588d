"""Grouping claims into facts: headlines and standfirsts join the body fact they sum up (the repeat rule lowers the
bar for them only); a link between the alignment and conflict thresholds corroborates, only a strong one compares
values."""
from __future__ import annotations

import numpy as np

from newsweave.compare.align import group
from newsweave.models import Article, Claim, Quantity
from newsweave.compare.verdict.verdict import CONFLICTING, CORROBORATED, verdicts


def test_headlines_join_the_body_fact(seed_story):
    """Both headlines (telegraphic, lower cosine to the body claim) join the corroborated capture fact."""
    for needle in ("Ukrainians take North Korean soldiers captive", "Ukraine has captured two North Korean soldiers in"):
        facts = [f for f in seed_story["facts"] if any(needle in c["text"] for c in f["claims"])]
        assert facts and facts[0]["status"] == "corroborated", needle
        assert any("captured North Korean soldiers in Russia" in c["text"] for c in facts[0]["claims"]), needle


def test_repeat_rule_lowers_the_bar_for_headlines_only():
    from newsweave.compare.align import group
    from newsweave.models import Claim

    head = Claim(id="h", article="a", outlet="A", sentence=0, start=0, end=5, text="Head", is_headline=True)
    body = Claim(id="b", article="a", outlet="A", sentence=2, start=9, end=20, text="Body claim")
    other = Claim(id="o", article="a", outlet="A", sentence=3, start=21, end=30, text="Other claim")
    assert group._repeat(head, body, group.HEADLINE_REPEAT_COSINE + 0.01)
    assert not group._repeat(other, body, group.HEADLINE_REPEAT_COSINE + 0.01)
    assert group._repeat(other, body, group.REPEAT_COSINE)


def test_standfirst_joins_the_quote_it_sums_up(seed_story):
    """WP's standfirst ("taken to Kyiv for questioning") repeats Zelensky's quote; UP has only the quote: the
    standfirst joins the quote's corroborated fact instead of standing alone as single-source."""
    facts = [f for f in seed_story["facts"]
             if any("wounded fighters were taken to Kyiv" in c["text"] for c in f["claims"])]
    assert len(facts) == 1 and facts[0]["status"] == "corroborated"
    texts = [c["text"] for c in facts[0]["claims"]]
    assert any("These are two soldiers who" in t for t in texts)
    assert any("Two soldiers, though wounded" in t for t in texts)


def test_repeat_rule_lets_a_headline_sum_up_a_quote():
    from newsweave.compare.align import group
    from newsweave.models import Claim

    quote = Claim(id="q", article="a", outlet="A", sentence=3, start=0, end=5, text="“Quote,” he said", quote=True)
    head = Claim(id="h", article="a", outlet="A", sentence=1, start=9, end=20, text="Standfirst", is_headline=True)
    body = Claim(id="b", article="a", outlet="A", sentence=2, start=21, end=30, text="Body claim")
    cosine = group.HEADLINE_REPEAT_COSINE + 0.01
    assert group._repeat(quote, head, cosine) and group._repeat(head, quote, cosine)
    assert not group._repeat(quote, head, group.HEADLINE_REPEAT_COSINE - 0.01)
    assert not group._repeat(quote, body, 0.95)  # the outlet's own words stay apart from the quote


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
