"""The normaliser reads an article by its language: Ukrainian and Russian get the same layers English gets."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.models import Article
from newsweave.normalize import normalize, story_entities
from newsweave.normalize.lang import language_of

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "multilingual"
pytest.importorskip("natasha")


def article(name: str, language: str | None, published: str | None = "2025-01-11T14:40:00+02:00") -> Article:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Article(id=name, outlet="Українська правда", title=text.splitlines()[0], text=text, language=language,
                   published=published)


@pytest.fixture(scope="module")
def up_uk():
    return normalize(article("up-uk.txt", "uk"))


def test_the_language_decides_the_reader():
    assert language_of(article("up-uk.txt", "uk")) == "uk"
    assert language_of(article("up-uk.txt", None)) == "uk"  # Cyrillic letters, Ukrainian ones
    assert language_of(article("drone-ru.txt", None)) == "ru"
    assert language_of(Article(id="e", outlet="AP", title="", text="Kyiv said on Saturday.", language="en")) == "en"


def test_entities_have_base_forms_and_english_ids(up_uk):
    by_text = {e.text: e for e in up_uk.entities}
    assert by_text["Курській області"].base == "Курська область"
    assert by_text["Курській області"].link == "Kursk Oblast"
    zelensky = [e for e in up_uk.entities if e.link == "Volodymyr Zelensky"]
    assert zelensky and all(e.label == "PERSON" for e in zelensky)
    assert by_text["Києва"].link == "Kyiv" and by_text["Києва"].base == "Київ"


def test_dates_ages_and_counts_of_a_ukrainian_report(up_uk):
    times = {t.text: t for t in up_uk.times}
    assert times["восени 2024 року"].begin == "2024-09-01"
    assert times["з 2021 року"].begin == "2021-01-01" if "з 2021 року" in times else times["2021 року"].begin == "2021-01-01"
    ages = sorted((a.birth_low, a.birth_high) for a in up_uk.ages)
    assert (2005, 2006) in ages and (1999, 2000) in ages


def test_speakers_of_a_ukrainian_report(up_uk):
    by_sentence = {s.index: s.text for s in up_uk.sentences}
    speakers = {by_sentence[a.sentence][:30]: a.canonical for a in up_uk.attributions if a.explicit}
    assert "Security Service of Ukraine" in speakers.values()


def test_sentences_split_before_cyrillic_capitals(up_uk):
    texts = [s.text for s in up_uk.sentences]
    assert any(t.startswith("Він пояснив") for t in texts)
    assert up_uk.sentences[0].is_headline


def test_story_entities_merge_across_scripts():
    from newsweave.normalize.entities import extract_entities  # noqa: F401  (needs the nlp extra)

    pytest.importorskip("spacy")
    uk = article("up-uk.txt", "uk")
    en_text = Path(__file__).resolve().parents[3] / "examples" / "seed-pair" / "ukrainska-pravda.txt"
    en = Article(id="en", outlet="Ukrainska Pravda", title="", text=en_text.read_text(encoding="utf-8"), language="en")
    merged = story_entities([uk, en], [normalize(uk), normalize(en)])
    zelensky = next(e for e in merged if "Zelenskyy" in e.aliases)
    assert any("Зеленськ" in alias for alias in zelensky.aliases)
