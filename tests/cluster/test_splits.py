"""Lead names after a split: two DUI arrests of one team's players a month apart (ECB+ topic 35: Vincent Jackson,
Jamal Williams) are sibling events.  When a split leaves reports about one player in the other player's half, a
report whose lead name (its most mentioned lede name) most of the other half names, and few of its own, moves
there when the join model places it there."""
from __future__ import annotations

from dataclasses import replace

from newsweave.cluster import features
from newsweave.config import ClusterConfig
from newsweave.cluster.stream import StreamClusterer
from newsweave.models import Article

BACKGROUND = [
    ("Storm closes schools", "Heavy snow closed schools across the county on Monday, officials said."),
    ("Council approves budget", "The city council approved a new budget for parks and roads on Tuesday."),
    ("Factory to add jobs", "A car parts factory will add 300 jobs next year, the company said."),
    ("Museum reopens", "The art museum reopened after a two-year renovation of its galleries."),
    ("Bridge repairs delayed", "Repairs to the river bridge were delayed by a shortage of steel."),
]


def _article(i: int, title: str, text: str) -> Article:
    return Article(id=f"a{i}", outlet=f"o{i}", title=title, text=title + "\n" + text)


def _arrest(i: int, first: str, last: str, position: str) -> Article:
    title = f"Chargers {position} {first} {last} arrested on suspicion of DUI"
    text = (f"San Diego Chargers {position} {first} {last} was arrested on suspicion of drunken driving. "
            f"{last} was pulled over on the freeway early Sunday, the California Highway Patrol said. "
            f"{last} was booked into county jail and released on bail. The team said it was aware of the arrest "
            f"of {last}. Report {i}.")
    return _article(i, title, text)


def _clusterer() -> StreamClusterer:
    clusterer = StreamClusterer(replace(ClusterConfig(), revisit_every=0, lonely_every=0))
    n = 0
    for _ in range(5):
        for title, text in BACKGROUND:
            n += 1
            clusterer.assign(_article(100 + n, title, text))
    return clusterer


def _stories(clusterer: StreamClusterer):
    """A Williams story holding two Jackson reports, and a Jackson story of four reports (as after a split)."""
    williams = [_arrest(i, "Jamal", "Williams", "lineman") for i in range(1, 8)]
    strays = [_arrest(i, "Vincent", "Jackson", "receiver") for i in range(8, 10)]
    jackson = [_arrest(i, "Vincent", "Jackson", "receiver") for i in range(10, 14)]
    story_a = story_b = None
    for article in williams + strays:
        _, story_a = clusterer.force(features.extract(article), story_a)
    for article in jackson:
        _, story_b = clusterer.force(features.extract(article), story_b)
    return clusterer.stories[story_a], clusterer.stories[story_b], {a.id for a in strays}


def test_reports_about_the_other_player_move_to_his_half():
    clusterer = _clusterer()
    source, target, strays = _stories(clusterer)
    assert features.extract(_arrest(8, "Vincent", "Jackson", "receiver")).subjects[0] == "jackson"
    clusterer._lead_moves(source, target)
    assert strays <= {m.article_id for m in target.members}
    assert not strays & {m.article_id for m in source.members}
    assert len(source.members) == 7


def test_reports_whose_lead_their_own_half_shares_stay():
    clusterer = _clusterer()
    source, target, _ = _stories(clusterer)
    before = {m.article_id for m in target.members}
    clusterer._lead_moves(target, source)  # the Jackson reports: their lead is their own half's
    assert {m.article_id for m in target.members} == before
