"""Property tests: the fallback slot extractors and the clause splitter never crash and keep exact offsets."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from newsweave.compare.claims.clauses import clause_spans
from newsweave.compare.claims import slots

WORDS = st.sampled_from(["at least", "about", "40", "1,200", "$3.5 million", "born in", "2005", "19 years old",
                         "January 5, 2025", "March", "and", "had", "said", "Kyiv", "The", "was", "not", ",", ";",
                         "“", "”", "percent", "Zelensky", "in", "the", "autumn", "of", "2024", "\n"])
TEXTS = st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=200)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_slot_offsets_are_exact(text):
    for items in (slots.quantities(text), slots.times(text, date(2025, 1, 11)), slots.ages(text, date(2025, 1, 11)),
                  slots.entities(text)):
        for item in items:
            assert text[item.start:item.end] == item.text


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_clause_spans_inside_text(text):
    spans = clause_spans(text, use_parser=False)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
