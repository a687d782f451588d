"""Quality floors of the stream clusterer on small real ECB+ fixtures, and its specific-detail features.

Floors sit a little under what the tuned defaults reach (median over five seeded arrival orders) and above what
the first version reached on ecbplus_small (median pairwise F1 0.75 before, 0.82 now; ecbplus_topics was
0.78 / BCubed 0.835 before and is about the same now: a floor, not a measure of the gain).  These fixtures are
10 and 35 articles: the learned join model only takes over once the window holds ``model_min_docs`` (20)
documents, so they mostly exercise the threshold rule; the model's gain shows on the full ECB+ bench.
The floors are read from bench/floors.toml (``[clustering_one_topic]``, ``[clustering_two_topics]``), the one file
of quality floors.
"""
from __future__ import annotations

import random
import statistics
import tomllib
from itertools import combinations
from pathlib import Path

import pytest

from newsweave.cluster import features
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article

from .gold import load_gold

FLOORS = tomllib.loads((Path(__file__).resolve().parents[2] / "bench" / "floors.toml").read_text(encoding="utf-8"))


def _load(name: str) -> tuple[list[Article], dict[str, str]]:
    return load_gold(name)


def _pairwise_f1(gold: list[str], pred: list[str]) -> float:
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        tp += gold[i] == gold[j] and pred[i] == pred[j]
        fp += gold[i] != gold[j] and pred[i] == pred[j]
        fn += gold[i] == gold[j] and pred[i] != pred[j]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _bcubed_f1(gold: list[str], pred: list[str]) -> float:
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        both = sum(1 for j in range(n) if pred[j] == pred[i] and gold[j] == gold[i])
        p += both / sum(1 for j in range(n) if pred[j] == pred[i])
        r += both / sum(1 for j in range(n) if gold[j] == gold[i])
    p, r = p / n, r / n
    return 2 * p * r / (p + r)


def _runs(name: str, seeds=range(5)) -> tuple[list[float], list[float], list[StreamClusterer], dict[str, str]]:
    articles, labels = _load(name)
    f1s, b3s, states = [], [], []
    for seed in seeds:
        order = list(articles)
        random.Random(seed).shuffle(order)
        clusterer = StreamClusterer()
        for article in order:
            clusterer.assign(article)
        gold = [labels[a.id] for a in articles]
        pred = [clusterer.where[a.id] for a in articles]
        f1s.append(_pairwise_f1(gold, pred))
        b3s.append(_bcubed_f1(gold, pred))
        states.append(clusterer)
    return f1s, b3s, states, labels


@pytest.fixture(scope="module")
def small_runs():
    return _runs("ecbplus_small")


@pytest.fixture(scope="module")
def topic_runs():
    return _runs("ecbplus_topics")


def test_quality_floor_on_one_topic(small_runs):
    f1s, b3s, _, _ = small_runs
    floors = FLOORS["clustering_one_topic"]
    assert statistics.median(f1s) >= floors["floor"] and min(f1s) >= floors["floor_min"], f1s
    assert statistics.median(b3s) >= floors["floor_bcubed"], b3s


def test_quality_floor_on_two_whole_train_topics(topic_runs):
    f1s, b3s, states, labels = topic_runs
    floors = FLOORS["clustering_two_topics"]
    assert statistics.median(f1s) >= floors["floor"] and min(f1s) >= floors["floor_min"], f1s  # now 0.76 (min 0.755)
    assert statistics.median(b3s) >= floors["floor_bcubed"], b3s  # now 0.826
    for clusterer in states:  # different topics (bank bombings vs Iran quakes) never share a story
        for story in clusterer.stories.values():
            assert len({labels[m.article_id].split("ecb")[0] for m in story.members}) == 1


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
