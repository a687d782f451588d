"""Partial facts: when one outlet's claim is contained in another's longer one, they are one corroborated fact,
marked partial, with what the longer one adds."""
from __future__ import annotations

WP, UP = "The Washington Post", "Ukrainska Pravda"

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


def test_reading_and_partial_fields_round_trip():
    from newsweave.models import Claim, Fact

    claim = Claim(id="c", article="a", outlet="UP", sentence=0, start=0, end=3, text="abc",
                  reading="He was questioned by the SBU")
    fact = Fact(id="f", status="corroborated", explanation="e", claims=(claim,), partial=True, says_more=("UP",),
                adds=(("c", "are talking to investigators"),))
    assert Fact.from_dict(fact.to_dict()) == fact
