"""A text without a headline: its first line becomes the title, but a paragraph of full sentences is still split."""
from __future__ import annotations

from newsweave.compare.story import annotate, article_from_item
from newsweave.normalize.sentences import split_sentences

PARAGRAPH = ("Hollywood veteran John Smith has died aged 91, his family said. Smith died at his home in Los Angeles "
             "on Monday.")


def test_a_first_paragraph_used_as_title_is_split_into_sentences():
    sentences = split_sentences(PARAGRAPH, title=PARAGRAPH)
    assert [s.text for s in sentences] == [
        "Hollywood veteran John Smith has died aged 91, his family said.",
        "Smith died at his home in Los Angeles on Monday."]
    assert not any(s.is_headline for s in sentences)


def test_a_real_headline_stays_one_sentence():
    text = "Quake hits Java. Dozens dead\n\nA strong earthquake struck the island on Monday."
    sentences = split_sentences(text, title="Quake hits Java. Dozens dead")
    assert sentences[0].text == "Quake hits Java. Dozens dead" and sentences[0].is_headline
    assert sentences[1].text == "A strong earthquake struck the island on Monday."


def test_an_article_without_a_title_gets_body_sentences():
    article = article_from_item(dict(text=PARAGRAPH, outlet="B", published="2024-03-05"))
    sentences = annotate([article])[0].sentences
    assert len(sentences) == 2
