"""Sentence splitting: abbreviations, datelines, quotes and paragraph breaks; the headline flagged; a text without
a headline still split; spans stay inside the text."""
from hypothesis import given, settings, strategies as st

from newsweave.compare.story import annotate, article_from_item
from newsweave.normalize.sentences import sentence_at, split_sentences

from .helpers import seed_articles


def texts(sentences):
    return [s.text for s in sentences]


def test_abbreviations_do_not_split():
    out = split_sentences("He arrived on Jan. 10 in the U.S. and met Dr. Smith. Then he left.")
    assert texts(out) == ["He arrived on Jan. 10 in the U.S. and met Dr. Smith.", "Then he left."]


def test_dateline_stays_in_first_sentence():
    out = split_sentences("KYIV — Ukraine has captured two soldiers, officials said. They are in Kyiv.")
    assert out[0].text.startswith("KYIV — Ukraine has captured")
    assert len(out) == 2


def test_quote_with_inner_stop_kept_with_its_cue():
    out = split_sentences("“I am here. We are too,” he said. “Yes.”")
    assert texts(out) == ["“I am here. We are too,” he said.", "“Yes.”"]


def test_paragraph_break_ends_a_sentence():
    out = split_sentences("First line without stop\nSecond line\n\nThird one.")
    assert texts(out) == ["First line without stop", "Second line", "Third one."]


def test_headline_flagged_only_when_equal_to_title():
    text = "Big news today\nThe body begins here. It goes on."
    assert split_sentences(text, title="Big  news today")[0].is_headline
    assert not split_sentences(text, title="Other")[0].is_headline
    assert not any(s.is_headline for s in split_sentences(text, title="Big news today")[1:])


def test_stray_closing_quote_joins_previous_sentence():
    out = split_sentences('Quote: "They survived.\n\nThis was not easy in the war against Ukraine."')
    assert out[-1].text.endswith('Ukraine."')
    assert all(any(ch.isalnum() for ch in s.text) for s in out)


def test_seed_offsets():
    for article in seed_articles():
        out = split_sentences(article.text, article.title)
        assert out[0].is_headline
        for s in out:
            assert article.text[s.start:s.end] == s.text
            assert sentence_at(out, s.start) == s.index


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_spans_stay_in_text(text):
    out = split_sentences(text, title=text.split("\n", 1)[0] or None)
    previous = 0
    for i, s in enumerate(out):
        assert s.index == i
        assert 0 <= previous <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text == s.text.strip()
        previous = s.end


# --------------------------------------------------------------------------- a text without a headline

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
