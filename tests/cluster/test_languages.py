"""Stories across languages: a Ukrainian report joins the English report of its event; a Russian report of another
event on the same front stays apart."""
from __future__ import annotations

import pytest

from newsweave.cluster.features import cyrillic_key, extract, tokens
from newsweave.cluster.stream import StreamClusterer
from newsweave.config import ClusterConfig

from ..helpers import multilingual_articles

pytest.importorskip("natasha")


@pytest.fixture(scope="module")
def annotated():
    from newsweave.normalize import normalize_many

    articles = multilingual_articles()
    return articles, normalize_many(articles)


def test_same_event_in_two_languages_is_one_story_another_event_is_not(annotated):
    articles, annotations = annotated
    clusterer = StreamClusterer(ClusterConfig())
    where = {a.id: clusterer.assign(a, ann).story_id for a, ann in zip(articles, annotations)}
    assert where["up-uk.txt"] == where["ukrainska-pravda.txt"]
    assert where["drone-ru.txt"] != where["ukrainska-pravda.txt"]


def test_entity_keys_of_a_ukrainian_report_are_english_ids(annotated):
    articles, annotations = annotated
    english, ukrainian = (set(k for k in extract(a, ann).weights if k.startswith("e:"))
                          for a, ann in zip(articles[:2], annotations[:2]))
    assert {"e:kursk oblast", "e:security service of ukraine", "e:north korea"} <= english & ukrainian


def test_cyrillic_words_share_a_key_across_case_and_language():
    assert cyrillic_key("Брексіту") == cyrillic_key("Брексит") == cyrillic_key("брексіт")
    assert tokens("вакцинації вакцинации") == [cyrillic_key("вакцинація")] * 2
    assert tokens("Seoul officials") == ["seoul", "official"]  # English words as before
