"""A slot's values over time: a rising toll is an update, a source revising itself is a revision, reports that
disagree at the same time, or a later figure from another source with no sign of an update, conflict."""
from __future__ import annotations

from dataclasses import replace

from newsweave.compare.claims.attributes import read_values
from newsweave.compare.verdict.timeline import explain, instant, judge, make_report
from newsweave.models import Article

from .helpers import claim


def report(text: str, outlet: str, published: str, source: str | None = None):
    c = claim(text, outlet)
    article = Article(id=outlet, outlet=outlet, title="", text=text, published=published)
    return make_report(c, read_values(c)[0], article, source or outlet)


def test_a_toll_rising_in_later_reports_is_an_update():
    early = report("A quake killed at least three people.", "A", "2005-11-27T11:30:00Z")
    late = report("The quake killed 10 people.", "B", "2005-11-28T02:00:00Z")
    judged = judge([late, early], "deaths")
    assert not judged.conflicts and len(judged.updates) == 1
    assert judged.latest.reading.value == "10" and [r.value for r in judged.history] == ["at least three", "10"]


def test_reports_that_disagree_at_the_same_time_conflict():
    a = report("The quake killed 10 people.", "A", "2005-11-28T02:00:00Z")
    b = report("The quake killed 12 people.", "B", "2005-11-28T02:00:00Z")
    assert explain(a, b, "deaths") == "conflict" and len(judge([a, b], "deaths").conflicts) == 1


def test_a_later_lower_figure_from_another_source_conflicts_and_one_source_revising_itself_does_not():
    a = report("A magnitude-5.6 quake hit the island.", "A", "2008-12-07T14:00:00Z", source="USGS")
    b = report("A magnitude-5.2 quake hit the island.", "B", "2008-12-07T18:00:00Z", source="Tehran University")
    assert explain(a, b, "magnitude") == "conflict"
    revised = replace(b, reading=replace(b.reading, source="USGS"))
    assert explain(a, revised, "magnitude") == "update"
    assert judge([a, revised], "magnitude").history[-1].kind == "revision"


def test_a_figure_the_text_dates_back_is_older_than_any_report():
    early = report("Officials initially said 30 people had died.", "A", "2005-11-28T10:00:00Z")
    assert early.reading.time is None
    late = report("The quake killed 24 people.", "B", "2005-11-28T08:00:00Z")
    judged = judge([late, early], "deaths")
    assert not judged.conflicts and judged.latest.reading.value == "24"


def test_times_compare_in_utc():
    assert instant("2010-05-05T19:12:00+01:00") == "2010-05-05T18:12:00"
    assert instant("2010-05-05") == "2010-05-05T00:00:00" and instant("not a time") is None
