"""Claims from clauses: coordinated clauses split, lists split into one claim per conjunct (with the shared words
restored in its reading), and lists that must stay whole."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.compare.story import complete
from newsweave.models import Annotations, Article
from newsweave.compare.claims import extract_claims
from newsweave.compare.claims.clauses import clause_parts


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


def test_coordinated_clauses_split():
    text = "He said he was born in 2005 and had joined the North Korean military in 2021."
    art = Article(id="x", outlet="WP", title="t", text=text, published="2025-01-11")
    found = extract_claims(art, complete(art, Annotations(article_id="x")))
    assert [c.clause for c in found] == ["He said he was born in 2005", "had joined the North Korean military in 2021."]
    assert all(c.text == text and c.start == 0 and c.end == len(text) for c in found)
    assert found[0].ages and found[0].ages[0].value == 2005
