"""Embedder factory, the same-fact score and grouping constraints."""
from __future__ import annotations

from newsweave.compare.align import score
from newsweave.embed.embedders import get_embedder


def test_embedder_cached_and_normalised():
    e = get_embedder("auto")
    assert get_embedder("auto") is e
    v = e.encode(["Ukraine captured two North Korean soldiers.", ""])
    assert v.shape == (2, 384) and abs(float((v[0] ** 2).sum()) - 1.0) < 1e-4


def test_same_fact_score_orders_pairs():
    e = get_embedder("auto")
    a = "The prisoners do not speak Ukrainian, English or Russian, the SBU said."
    b = "The SSU stated that the prisoners do not speak Ukrainian, English or Russian."
    c = "Russia and North Korea signed a mutual defense pact in November."
    va, vb, vc = e.encode([a, b, c])
    same = score.same_fact_probability(a, b, float(va @ vb))
    other = score.same_fact_probability(a, c, float(va @ vc))
    assert same > score.threshold() > other


def test_model_file_matches_features():
    model = score.load_model()
    assert model["features"] == list(score.FEATURES) and len(model["coef"]) == len(score.FEATURES)


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
