"""Copies count once: an article marked as a wire copy of another, and outlets printing the same long sentence word
for word (a shared wire or press-release text)."""
from __future__ import annotations

from dataclasses import replace

import pytest

TEXT = ("Floods kill dozens in Valencia\n\nAt least 95 people were killed by flash floods in the Valencia region of "
        "Spain on Tuesday, regional authorities said. Rescue teams are searching for dozens of missing people.")
OTHER = ("Spain floods leave many dead\n\nFlash floods in the Valencia region of Spain killed at least 95 people on "
         "Tuesday, according to regional authorities. The government declared three days of mourning.")


def test_wire_copy_counts_once():
    from newsweave.compare.story import article_from_item
    from newsweave.compare import compare

    original = article_from_item({"text": TEXT, "outlet": "AP", "published": "2024-10-30"})
    copy = replace(article_from_item({"text": TEXT, "outlet": "Local Daily", "published": "2024-10-30"}, 1),
                   copy_of=original.id)
    story = compare([original, copy]).to_dict()["stories"][0]
    assert story["facts"] and all(f["status"] == "single_source" for f in story["facts"])
    assert any("copy" in f["explanation"] for f in story["facts"])
    third = article_from_item({"text": OTHER, "outlet": "El Pais", "published": "2024-10-30"}, 2)
    story = compare([original, copy, third]).to_dict()["stories"][0]
    floods = [f for f in story["facts"] if any("95" in c["text"] for c in f["claims"])]
    assert floods and floods[0]["status"] == "corroborated"
    assert "El Pais" in floods[0]["explanation"] and "2 independent" in floods[0]["explanation"]


# --------------------------------------------------------------------------- the same long sentence, word for word

SHARED = ("He initially was imprisoned in February 1979 on three 10-year sentences for burglary of a building "
          "in Harris County, prison records show.")


def _articles(*texts):
    from newsweave.compare.story import article_from_item

    outlets = ("Houston Daily", "Texas Courier", "Gulf Times")
    return [article_from_item({"text": t, "outlet": o, "published": "2012-12-03"}, i)
            for i, (t, o) in enumerate(zip(texts, outlets))]


@pytest.fixture(scope="module")
def copied():
    from newsweave.compare import compare

    first = f"Inmate escapes during transfer\n\nA Texas inmate escaped on Monday. {SHARED}"
    second = f"Prisoner flees guards\n\nThe search went on through the night. {SHARED}"
    return compare(_articles(first, second)).to_dict()["stories"][0]


def _fact(story, word):
    found = [f for f in story["facts"] if any(word in c["text"] for c in f["claims"])]
    assert found, story["facts"]
    return found[0]


def test_same_long_sentence_is_one_source(copied):
    fact = _fact(copied, "1979")
    assert {c["outlet"] for c in fact["claims"]} == {"Houston Daily", "Texas Courier"}
    assert fact["status"] == "single_source"
    assert "word for word" in fact["explanation"] and "Only Houston Daily" in fact["explanation"]


def test_copied_fact_is_not_an_addition_of_either_outlet(copied):
    fact = _fact(copied, "1979")
    adds = {o["outlet"]: o["adds"] for o in copied["outlets"]}
    assert fact["id"] not in adds["Houston Daily"] and fact["id"] not in adds["Texas Courier"]


def test_a_third_outlet_in_its_own_words_corroborates():
    from newsweave.compare import compare

    first = f"Inmate escapes\n\nA Texas inmate escaped on Monday. {SHARED}"
    second = f"Prisoner flees\n\nThe search went on through the night. {SHARED}"
    third = ("Manhunt in Texas\n\nPrison records show he was first jailed in February 1979, serving three 10-year "
             "sentences for burglary of a building in Harris County.")
    story = compare(_articles(first, second, third)).to_dict()["stories"][0]
    fact = _fact(story, "1979")
    assert fact["status"] == "corroborated", fact
    assert "2 independent" in fact["explanation"] and "word for word" in fact["explanation"]


def test_short_or_quoted_sentences_stay_independent():
    from dataclasses import replace

    from newsweave.models import Claim
    from newsweave.compare.verdict.verdict import copied_sentence

    base = Claim(id="a", article="x", outlet="A", sentence=0, start=0, end=10, text=SHARED)
    other = replace(base, id="b", article="y", outlet="B")
    assert copied_sentence(base, other)
    short = "The quake struck at 3 a.m. on Sunday."
    assert not copied_sentence(replace(base, text=short), replace(other, text=short))
    assert not copied_sentence(replace(base, quote=True), other)
    assert not copied_sentence(base, replace(other, text=SHARED.replace("1979", "1980")))
