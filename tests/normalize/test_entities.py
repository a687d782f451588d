"""Named entities: the spaCy model loaded once, the gazetteer's fixes, spans trimmed, clock times and shouted
datelines that are no names, and the seed pair's entities inside their articles."""
import pytest

from newsweave.normalize.entities import entity_spans, extract_entities, load_nlp, parse

from .helpers import up, wp


def by_text(entities):
    out = {}
    for e in entities:
        out.setdefault(e.text, e)
    return out


def test_model_loads_once():
    assert load_nlp() is load_nlp()
    assert "ner" in load_nlp().pipe_names and "lemmatizer" not in load_nlp().pipe_names


def test_gazetteer_fixes_places_and_acronyms():
    text = "Troops advanced from Sudzha in Russia’s Kursk region toward Kyiv, the SBU said, and Tuva sent men."
    found = by_text(extract_entities(text, parse(text)))
    assert found["Kursk region"].label == "GPE"
    assert found["Kyiv"].label == "GPE"
    assert found["Sudzha"].label == "GPE" and found["Tuva"].label == "GPE"
    assert found["SBU"].label == "ORG"


def test_country_joined_with_the_organisation_it_qualifies():
    text = "Interpreters work with South Korea’s National Intelligence Service. Ukraine’s internal security service, the SBU, said so."
    found = by_text(extract_entities(text, parse(text)))
    assert found["South Korea’s National Intelligence Service"].label == "ORG"
    assert found["Ukraine’s internal security service"].label == "ORG"
    assert found["SBU"].canonical == found["Ukraine’s internal security service"].canonical


def test_furniture_and_articles_trimmed():
    text = 'Source: President Volodymyr Zelenskyy Quote: "They survived," he said of the Security Service of Ukraine.'
    names = {e.text for e in extract_entities(text, parse(text))}
    assert "Volodymyr Zelenskyy" in names and "Security Service of Ukraine" in names
    assert not any(n.startswith("the ") or n.endswith("Quote") for n in names)


def test_shouted_dateline_is_not_an_organisation():
    text = "KYIV — The army said the town of Avdiivka had fallen."
    assert ("KYIV", "ORG") not in {(text[s:e], label) for s, e, label in entity_spans(text, parse(text))}


def test_seed_entities_within_article():
    article, ann = up()
    found = by_text(ann.entities)
    assert found["Kursk Oblast"].label == "GPE"
    assert found["SSU"].canonical == "Security Service of Ukraine"
    assert found["Zelenskyy"].canonical == found["Volodymyr Zelenskyy"].canonical
    assert found["Tactical Group No. 84"].label == "ORG"
    article, ann = wp()
    found = by_text(ann.entities)
    assert found["Zelensky"].canonical == "Volodymyr Zelensky"
    assert found["Kursk"].label == "GPE" and found["Kyiv"].label == "GPE"
    for article, ann in (up(), wp()):
        for e in ann.entities:
            assert article.text[e.start:e.end] == e.text
            assert e.sentence >= 0 and ann.sentences[e.sentence].start <= e.start < ann.sentences[e.sentence].end


# --------------------------------------------------------------------------- clock times and time zones are no names

@pytest.mark.parametrize("text", ["Police were alerted to a fire on the roof at 8.49pm this evening.",
                                  "The blaze broke out on the roof at about 2045 GMT on Friday."])
def test_clock_times_are_no_entities(text):
    names = {e.text for e in extract_entities(text)}
    assert not names & {"8.49pm", "GMT", "2045 GMT"}


def test_names_with_digits_stay():
    from newsweave.normalize.entities import _keep

    assert _keep("20th Century Fox", "ORG") and _keep("7-Eleven", "ORG") and _keep("Channel 4", "ORG")
    assert not _keep("8.49pm", "ORG") and not _keep("10:30 a.m.", "ORG") and not _keep("GMT", "ORG")
