"""What the clusterer reads from an article (features.py): its headline (datelines skipped), specific details (names
in the lede, numbers, months), names from the annotations or a cheap capitalised-word pass, and the report's own
year, which lowers the score of a story of another year.

The report's own year: a dateline near the top ("Wed May 5, 2010 7: 12pm BST", "11 / 28 / 05") names the year the
report was written, whatever years its body recalls (earlier riots, earlier quakes, a player's past seasons); the
main year is the dateline's when there is one, else the year the text mentions most.  ECB+ fixtures: topic 8's
Greek bank riot of 2010 (8ecbplus) and topic 20's Qeshm quake of 2005 (20ecbplus)."""
from __future__ import annotations

import pytest

from newsweave.cluster import features, join
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Annotations, Article, Entity

from .helpers import load_gold


@pytest.fixture(scope="module")
def topics() -> tuple[list[Article], dict[str, str]]:
    return load_gold("ecbplus_topics")


def test_headline_skips_datelines():
    text = "Last Updated: Monday, 28 November 2005, 02: 24 GMT\nTen dead in southern Iran quake\nA quake hit..."
    assert features.headline("Last Updated: Monday, 28 November 2005, 02: 24 GMT", text) == \
        "Ten dead in southern Iran quake"
    assert features.headline("Saints place Bush on IR", "whatever") == "Saints place Bush on IR"
    assert features.headline("", "April 28, 2009\nObama reverses Bush rule on species") == \
        "Obama reverses Bush rule on species"


def test_specific_details_are_extracted():
    article = Article(id="a", outlet="x", title="Saints place Pierre Thomas on injured reserve",
                      text="Saints place Pierre Thomas on injured reserve\nJan 5, 2011. The New Orleans Saints "
                           "placed Pierre Thomas on injured reserve on Wednesday. Thomas ran for 269 yards in "
                           "2011 and 2010, more than in 2011 alone (Jan. 2). May 3 was the date. Reggie Bush is gone.")
    f = features.extract(article)
    assert f.year == "2011" and f.month == "01"
    assert "pierre thomas" in f.subjects and "reggie bush" not in f.subjects
    assert f.weights["269"] > f.weights["yard"]  # numbers weigh more than ordinary words
    assert features._months("Marathon in Augusta on Dec. 11 and May 3; you May go") == ["12", "05"]


def test_cheap_entities_find_names():
    found = features.cheap_entities("Tara Reid entered the Promises Treatment Center in Malibu. Reid's rep said so.")
    assert "tara reid" in found and "promises treatment center" in found and "malibu" in found
    assert found["reid"] >= 2


def test_annotations_supply_entities():
    article = Article(id="a", outlet="o", title="quiet news", text="the minister met the envoy in the capital")
    ann = Annotations(article_id="a", entities=(Entity(0, 3, "Olaf Scholz", "PERSON", "Olaf Scholz"),))
    assert "e:olaf scholz" in features.extract(article, ann).weights
    assert "e:olaf scholz" not in features.extract(article).weights


# --------------------------------------------------------------------------- the report's own year

def _years(topics, label: str) -> dict[str, str | None]:
    articles, labels = topics
    return {a.outlet: features.extract(a).year for a in articles if labels[a.id] == label}


def test_a_numeric_dateline_names_the_year(topics):
    years = _years(topics, "20ecbplus")
    assert years["20_2ecbplus.txt"] == "2005"  # "11 / 28 / 05"; its body recalls a 2003 quake
    assert set(years.values()) == {"2005"}


def test_the_dateline_year_beats_the_years_the_body_recalls(topics):
    years = _years(topics, "8ecbplus")
    assert years["8_8ecbplus.txt"] == "2010"  # "Wed May 5, 2010 ..."; the body recalls the riots of 2008
    assert years["8_9ecbplus.txt"] == "2010"
    assert {y for y in years.values() if y is not None} == {"2010"}


def test_the_year_of_a_stamp_is_its_last_one():
    text = ("POSTED: 1052 GMT ( 1852 HKT), April 10, 2007\nFerry sinks off the coast\n"
            "The ferry, built in 1985, had sunk once before, in 1985.")
    article = Article(id="a", outlet="x", title="Ferry sinks off the coast", text=text)
    assert features.extract(article).year == "2007"


def test_a_report_recalling_other_years_agrees_with_its_story(topics):
    """8_8ecbplus names 2008 (an earlier riot) in its body and 2010 in its dateline: against the story of the
    other 2010 reports its year agrees instead of clashing."""
    articles, labels = topics
    clusterer = StreamClusterer()
    for article in articles:
        if labels[article.id].startswith("20"):
            clusterer.assign(article)  # background for idf
    story_id = None
    report = next(a for a in articles if a.outlet == "8_8ecbplus.txt")
    for article in articles:
        if labels[article.id] == "8ecbplus" and article is not report:
            _, story_id = clusterer.force(features.extract(article), story_id)
    f = features.extract(report)
    query = clusterer._tfidf(f.weights)
    x = clusterer._evidence(query, clusterer.stories[story_id], f.year, f.subjects, 0.5, 0.0, f.month)
    evidence = dict(zip(join.FEATURES, x))
    assert evidence["year_agree"] == 1.0 and evidence["year_clash"] == 0.0


def test_conflicting_year_lowers_the_score():
    base = "Saints place running back on injured reserve after knee injury in the loss to the Falcons. "
    clusterer = StreamClusterer()
    for i in range(3):
        clusterer.assign(Article(id=f"s{i}", outlet="x", title="Saints place back on IR",
                                 text=base * 2 + f"It happened in 2006. Note {i}."))
    same = features.extract(Article(id="q1", outlet="x", title="Saints place back on IR",
                                    text=base * 2 + "It happened in 2006."))
    other = features.extract(Article(id="q2", outlet="x", title="Saints place back on IR",
                                     text=base * 2 + "It happened in 2011."))
    (story,) = clusterer.stories.values()
    assert clusterer._conflict_factor(same.year, same.subjects, same.month, story) == 1.0
    assert clusterer._conflict_factor(other.year, other.subjects, other.month, story) < 1.0
