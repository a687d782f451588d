"""The report's own year: a dateline near the top ("Wed May 5, 2010 7: 12pm BST", "11 / 28 / 05") names the
year the report was written, whatever years its body recalls (earlier riots, earlier quakes, a player's past
seasons); the main year is the dateline's when there is one, else the year the text mentions most.  ECB+ fixtures:
topic 8's Greek bank riot of 2010 (8ecbplus) and topic 20's Qeshm quake of 2005 (20ecbplus)."""
from __future__ import annotations

import pytest

from newsweave.cluster import features, join
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article

from .helpers import load_gold


@pytest.fixture(scope="module")
def topics() -> tuple[list[Article], dict[str, str]]:
    return load_gold("ecbplus_topics")


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
