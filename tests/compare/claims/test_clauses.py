"""Lists split into one claim per conjunct; partial facts (one outlet says more) are joined and marked."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.compare.claims.clauses import clause_parts

WP, UP = "The Washington Post", "Ukrainska Pravda"


def _parts(text):
    return [(text[p.start:p.end], p.reading) for p in clause_parts(text)]


def test_verb_phrase_list_splits_with_shared_subject():
    text = "He was taken to Kyiv, questioned by the SBU and shown on video."
    assert _parts(text) == [("He was taken to Kyiv", ""),
                            ("questioned by the SBU", "He was questioned by the SBU"),
                            ("shown on video.", "He was shown on video.")]


def test_verb_list_after_a_participle_phrase():
    text = "Two men, aged 24 and 31, were arrested, questioned and released on bail."
    assert [r for _, r in _parts(text)] == ["", "Two men, aged 24 and 31, were questioned",
                                            "Two men, aged 24 and 31, were released on bail."]


def test_subject_list_splits_with_shared_predicate():
    text = "On Monday, France, Germany and Britain condemned the strike on the hospital in Gaza."
    parts = clause_parts(text)
    assert [p.reading for p in parts] == [
        "On Monday, France condemned the strike on the hospital in Gaza.",
        "On Monday, Germany condemned the strike on the hospital in Gaza.",
        "On Monday, Britain condemned the strike on the hospital in Gaza."]
    for p in parts:  # one contiguous clause span that holds the conjunct and the shared predicate
        assert text[p.start:p.end].endswith("condemned the strike on the hospital in Gaza.")
        assert all(p.start <= a < b <= p.end for a, b in p.spans)


@pytest.mark.parametrize("text", [
    "The prisoners speak Russian but not Ukrainian or English.",
    "The prisoners do not speak Ukrainian, English or Russian, the SBU said.",
    "Russia, Belarus and North Korea signed a mutual defense pact in November.",
    "“We were taken to Kyiv, questioned by the SBU and shown on video,” the soldier said.",
    "He was born in Kherson, studied in Kyiv and worked in Warsaw for ten years.",  # no "He was studied"
])
def test_object_lists_quotes_and_reciprocal_predicates_stay_whole(text):
    assert len(clause_parts(text)) == 1


def test_list_claims_keep_sentence_text_and_own_slots():
    from newsweave.compare import compare_texts

    text = ("Poland, Lithuania and Latvia closed 12 border crossings with Belarus on Friday.\n"
            "Police arrested two drivers, seized their phones and searched a warehouse in Klaipeda.\n")
    story = compare_texts([dict(text=text, outlet="Reuters", published="2024-03-01")])["stories"][0]
    claims = [c for f in story["facts"] for c in f["claims"]]
    readings = {c["reading"] for c in claims}
    assert "Lithuania closed 12 border crossings with Belarus on Friday." in readings
    assert "Police searched a warehouse in Klaipeda." in readings
    for c in claims:
        assert c["text"] in text.splitlines()  # `text` stays the source sentence
        assert c["start"] <= c["clause_start"] < c["clause_end"] <= c["end"]
    lithuania = next(f for f in story["facts"] if f["claims"][0]["reading"].startswith("Lithuania"))
    assert [v["low"] for v in lithuania["values"]] == [12]


def test_seed_sentences_partial_fact_joined_and_marked():
    """WP's "taken to Kyiv for questioning" is contained in UP's longer "taken to Kyiv and are talking to
    investigators": one corroborated fact, partial, UP says more."""
    from newsweave.compare import compare_texts

    wp = ("Ukraine captures North Korean soldiers\n"
          "The wounded fighters were taken to Kyiv for questioning, authorities said.\n")
    up = ("Ukrainians take North Korean soldiers captive\n"
          "Zelenskyy said the two soldiers, although they sustained injuries, survived, were taken to Kyiv and are "
          "talking to investigators of the Security Service of Ukraine.\n")
    story = compare_texts([dict(text=wp, outlet=WP, published="2025-01-11"),
                           dict(text=up, outlet=UP, published="2025-01-11")])["stories"][0]
    fact = next(f for f in story["facts"] if any("wounded fighters" in c["text"] for c in f["claims"]))
    assert fact["status"] == "corroborated" and set(fact["outlets"]) == {WP, UP}
    assert fact["partial"] and fact["says_more"] == [UP]
    adds = {c["outlet"]: c["adds"] for c in fact["claims"]}
    assert adds[WP] == "" and adds[UP] and all(piece in up for piece in adds[UP].split("; "))
    assert f"{UP} says more: {adds[UP]}" in fact["explanation"]


def test_seed_pair_partial_marks_are_consistent(seed_story):
    for fact in seed_story["facts"]:
        adds = [c for c in fact["claims"] if c["adds"]]
        assert fact["partial"] == bool(adds)
        assert sorted({c["outlet"] for c in adds}) == fact["says_more"]
        assert len(fact["says_more"]) < len(fact["outlets"]) or not adds


def test_partial_in_small_story():
    from newsweave.compare import compare_texts

    short = "Flooding in York\nResidents of 300 homes in York were told to leave on Sunday.\n"
    long = ("York evacuated\nResidents of 300 homes in York were told to leave on Sunday after the River Ouse rose "
            "to a record 5.4 metres overnight.\n")
    story = compare_texts([dict(text=short, outlet="BBC", published="2024-02-04"),
                           dict(text=long, outlet="Guardian", published="2024-02-04")])["stories"][0]
    fact = next(f for f in story["facts"] if any("300 homes" in c["text"] for c in f["claims"]))
    assert fact["status"] == "corroborated" and fact["partial"] and fact["says_more"] == ["Guardian"]
    adds = {c["outlet"]: c["adds"] for c in fact["claims"]}
    assert "River Ouse rose" in adds["Guardian"] and adds["BBC"] == ""
    assert "Guardian says more: after the River Ouse rose" in fact["explanation"]


def test_containment_score():
    from newsweave.compare.align.group import containment

    short = {"taken", "kyiv", "questi"}
    long = {"taken", "kyiv", "soldie", "talkin", "invest", "securi", "servic"}
    assert containment(short, long, 0.72)
    assert not containment(short, long, 0.5)  # the embedding must agree
    assert not containment(short, {"taken", "kyiv", "questi", "soldie"}, 0.9)  # the longer must say more
    assert not containment({"taken", "kyiv", "questi", "wounde", "fighte", "moscow"}, long, 0.9)  # most words


def test_gist_drops_trailing_frame():
    from newsweave.compare.align.group import gist
    from newsweave.models import Claim

    text = ("The wounded fighters were taken to Kyiv for questioning, authorities said, where they could reveal "
            "details of Pyongyang’s cooperation with Moscow.")
    claim = Claim(id="x", article="a", outlet="WP", sentence=0, start=0, end=len(text), text=text,
                  clause_start=0, clause_end=len(text), clause=text)
    assert gist(claim) == "The wounded fighters were taken to Kyiv for questioning"


NAMES = ["France", "Germany", "Britain", "Poland", "Italy", "Spain", "the Netherlands", "Canada"]
PREDICATES = ["condemned the attack on the hospital.", "recalled their ambassadors from Moscow on Friday.",
              "sent 40 tonnes of aid to the region."]


def test_subject_list_with_apposition_parse_stays_whole():
    """The tagger reads "Canada, Poland" as a name and its apposition: no claim may read "Canada, Poland condemned"."""
    text = "Canada, Poland, the Netherlands and Germany condemned the attack on the hospital."
    parts = clause_parts(text)
    assert [(p.start, p.end) for p in parts] == [(0, len(text))]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=3, max_size=4, unique=True), st.sampled_from(PREDICATES))
def test_subject_list_split_is_all_or_nothing(names, predicate):
    """A list of subjects is either kept whole or split into exactly one readable claim per subject."""
    text = ", ".join(names[:-1]) + " and " + names[-1] + " " + predicate
    parts = clause_parts(text)
    if len(parts) == 1:
        assert (parts[0].start, parts[0].end) == (0, len(text))
        return
    assert [p.reading for p in parts] == [(n[:1].upper() + n[1:]) + " " + predicate for n in names]
    assert all(0 <= p.start < p.end == len(text) for p in parts)


def test_new_fields_round_trip():
    from newsweave.models import Claim, Fact

    claim = Claim(id="c", article="a", outlet="UP", sentence=0, start=0, end=3, text="abc",
                  reading="He was questioned by the SBU")
    fact = Fact(id="f", status="corroborated", explanation="e", claims=(claim,), partial=True, says_more=("UP",),
                adds=(("c", "are talking to investigators"),))
    assert Fact.from_dict(fact.to_dict()) == fact
