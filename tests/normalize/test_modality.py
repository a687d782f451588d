import pytest
from hypothesis import given, strategies as st

from newsweave.models import Sentence
from newsweave.normalize.modality import find_markers, mark_sentences, markers


@pytest.mark.parametrize("text", [
    "The prisoners do not speak Ukrainian.", "He never returned.", "Moscow denied the report.",
    "They didn’t answer.", "There was no evidence.", "Officials refused to comment.",
])
def test_negated_sentences_are_marked(text):
    assert markers(text)[0]


@pytest.mark.parametrize("text", [
    "He served in the Tactical Group No. 84.", "Notably, he was travelling.", "The nothingness of it.",
    "Zelensky thanked the soldiers.",
])
def test_sentences_without_a_negation_are_not_marked(text):
    assert not markers(text)[0]


@pytest.mark.parametrize("text,kind", [
    ("Early reports suggest that he is 25 years old.", "reported"),
    ("In particular, it was reported that the Ukrainians were advancing.", "reported"),
    ("He was reportedly killed.", "reported"),
    ("The prisoner claimed he was travelling for training.", "claimed"),
    ("The Kremlin denied the report.", "denied"),
    ("He said he believed he was being sent there.", "belief"),
    ("They could reveal details.", "possible"),
    ("The room appears clean.", "appearance"),
    ("Was he there?", "question"),
])
def test_modality_kinds(text, kind):
    assert kind in markers(text)[1]


def test_plain_statement_has_no_modality():
    assert markers("Ukraine captured two soldiers on Saturday.") == (False, ())


def test_mark_sentences_fills_fields():
    s = Sentence(index=0, start=0, end=30, text="He did not say it, reportedly.")
    marked = mark_sentences((s,))[0]
    assert marked.negated and marked.modality == ("reported",)


@given(st.text(max_size=200))
def test_marker_spans_in_text(text):
    for m in find_markers(text):
        assert text[m.start:m.end] == m.text
