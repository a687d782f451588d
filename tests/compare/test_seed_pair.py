"""Acceptance on the seed pair: corroborated facts, no conflicts, single-source facts by outlet."""
from __future__ import annotations

import pytest

WP, UP = "The Washington Post", "Ukrainska Pravda"


def _fact_with(story, *needles):
    """Facts whose claims (any) contain every needle (case-insensitive)."""
    hits = []
    for fact in story["facts"]:
        text = " ".join(c["text"] for c in fact["claims"]).casefold()
        if all(n.casefold() in text for n in needles):
            hits.append(fact)
    return hits


def _corroborated_with(story, wp_needle, up_needle):
    for fact in story["facts"]:
        if fact["status"] != "corroborated":
            continue
        by = {c["outlet"]: c["text"].casefold() for c in fact["claims"]}
        if wp_needle.casefold() in by.get(WP, "") and up_needle.casefold() in by.get(UP, ""):
            return fact
    return None


def test_at_least_ten_corroborated_by_both(seed_story):
    both = [f for f in seed_story["facts"] if f["status"] == "corroborated" and set(f["outlets"]) == {WP, UP}]
    assert len(both) >= 10


def test_no_conflicts(seed_story):
    assert [f["explanation"] for f in seed_story["facts"] if f["status"] == "conflicting"] == []


@pytest.mark.parametrize("wp,up", [
    ("has captured two", "captured North Korean soldiers in Russia"),
    ("Two soldiers, though wounded", "These are two soldiers who"),
    ("This was not an easy task", "This was not an easy task"),
    ("do not speak Ukrainian", "do not speak Ukrainian"),
    ("Korean-language interpreters", "Korean interpreters"),
    ("special forces", "paratroopers who captured"),
    ("issued to him late last year", "autumn of 2024"),
    ("in writing", "in writing"),
    ("scout sniper", "sniper"),
    ("joined the North Korean military in 2021", "since 2021"),
    ("born in 2005", "he was 19"),
    ("sent there for training", "travelling to the country for training"),
])
def test_both_outlets_corroborate_the_fact(seed_story, wp, up):
    assert _corroborated_with(seed_story, wp, up), f"not corroborated: {wp!r} ~ {up!r}"


@pytest.mark.parametrize("needle,outlet", [
    ("at least 11,000", WP), ("at least 4,000", WP), ("4-5 January", UP), ("Tuva", UP),
    ("bearer’s birth year as 1998", WP),
])
def test_single_source_facts_belong_to_their_outlet(seed_story, needle, outlet):
    facts = _fact_with(seed_story, needle)
    assert facts, needle
    assert all(f["status"] == "single_source" and f["outlets"] == [outlet] for f in facts)
    adds = next(o["adds"] for o in seed_story["outlets"] if o["outlet"] == outlet)
    assert all(f["id"] in adds for f in facts)


def test_claim_text_is_source_sentence(seed_story, seed_items):
    from newsweave.compare.story import article_from_item

    texts = {a.id: a.text for a in (article_from_item(i) for i in seed_items)}
    for fact in seed_story["facts"]:
        for c in fact["claims"]:
            assert texts[c["article"]][c["start"]:c["end"]] == c["text"]
            assert c["start"] <= c["clause_start"] < c["clause_end"] <= c["end"]


def test_dossier_has_the_contract_keys(seed_dossier):
    assert seed_dossier["schema"] == "newsweave.dossier/2"
    story = seed_dossier["stories"][0]
    assert {"id", "title", "articles", "facts", "entities", "outlets"} <= set(story)
    assert {"id", "outlet", "title", "published", "url", "path"} <= set(story["articles"][0])
    fact = story["facts"][0]
    assert {"id", "status", "explanation", "claims", "conflicts", "outlets", "partial", "values", "times"} <= set(fact)
    assert {"statuses", "slot", "background", "anchor", "latest", "history", "primary_sources"} <= set(fact)
    assert {"article", "outlet", "text", "start", "end", "attributed_to", "quote", "clause_start", "clause_end",
            "is_headline"} <= set(fact["claims"][0])
    assert all(f["explanation"] for f in story["facts"])


def test_clause_keeps_its_own_speaker(seed_story):
    claims = [c for f in seed_story["facts"] for c in f["claims"] if "at least 4,000" in c["clause"]]
    assert len(claims) == 1 and "Zelensk" in claims[0]["attributed_to"]


def test_quote_keeps_speaker(seed_story):
    fact = _corroborated_with(seed_story, "Two soldiers, though wounded", "These are two soldiers who")
    quotes = [c for c in fact["claims"] if c["quote"]]
    assert len(quotes) >= 2 and all("Zelensk" in c["attributed_to"] for c in quotes)
    assert all(c["is_headline"] for c in fact["claims"] if not c["quote"])  # only a standfirst summing it up


def test_omits_are_corroborated_elsewhere(seed_story):
    status = {f["id"]: f for f in seed_story["facts"]}
    for o in seed_story["outlets"]:
        for fid in o["omits"]:
            assert status[fid]["status"] != "single_source" and o["outlet"] not in status[fid]["outlets"]
