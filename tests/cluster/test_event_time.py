"""When a report's event happened, as the clusterer reads it: the weekday its lede names (the same in every report of
one event, dated or not), its time anchors (the publication day and the days its lede names, so a follow-up published
weeks later meets the story of the event it names), the year of a dated report, and the numbers of compounds."""
from __future__ import annotations

from dataclasses import replace

from newsweave.cluster import features
from newsweave.cluster.stream import StreamClusterer
from newsweave.config import ClusterConfig
from newsweave.models import Annotations, Article, TimeExpr


def _article(text: str, published: str | None = None, article_id: str = "a") -> Article:
    return Article(id=article_id, outlet="x", title=text.splitlines()[0], text=text, published=published)


def _time(text: str, begin: str, sentence: int, granularity: str = "day") -> TimeExpr:
    return TimeExpr(start=0, end=len(text), text=text, begin=begin, until=None, granularity=granularity,
                    sentence=sentence)


LEDE = ("Comey memos released to Congress\nThe Justice Department sent the memos to Congress on Thursday night. "
        "They detail encounters between the two men. Trump said on Friday that they show no collusion. "
        "Critics disagreed. Aides said on Monday they would respond.")


def test_the_lede_names_the_weekday_of_the_event():
    f = features.extract(_article(LEDE))
    assert f.weekday == "thursday"  # Thursday and Friday once each in the lede: the first wins; Monday is later
    assert features.extract(_article("Memos released\nNo day is named here. Nor here. Nor here.")).weekday is None


def test_time_anchors_are_the_publication_day_and_the_days_the_lede_names():
    article = _article("Grandparents charged\nThe girl shot herself May 11. Charges followed.", "2016-05-25")
    annotations = Annotations(article_id="a", times=(
        _time("May 11", "2016-05-11", 1), _time("Nov. 2", "2015-11-02", 1), _time("June 9", "2016-06-09", 9)))
    when = features.extract(article, annotations).when
    day = features.parse_day
    assert when == (day("2016-05-11"), day("2016-05-25"))  # last year's date and one past the lede are not its own
    undated = features.extract(replace(article, published=None), annotations)
    assert undated.day is None and day("2016-05-11") in undated.when  # no publication time: the lede's days


def test_a_follow_up_naming_the_event_day_meets_its_story_without_a_time_discount():
    clusterer = StreamClusterer(ClusterConfig(embedder=None))
    first = clusterer.assign(_article("Girl, 5, dies after shooting herself\nDetroit police said.", "2016-05-11"))
    story = clusterer.stories[first.story_id]
    late = features.parse_day("2016-05-25")
    assert clusterer._time_factor((late,), story) < 0.5
    assert clusterer._time_factor((features.parse_day("2016-05-11"), late), story) == 1.0
    assert clusterer._time_factor((), story) == 1.0


def test_a_dated_report_is_of_its_publication_year_and_addresses_are_no_years():
    text = "Boy shot\nPolice were called to the 2000 block of Harrison Street. In 2014 a man was shot there."
    assert features.extract(_article(text)).year == "2014"
    assert features.extract(_article(text, "2016-11-23")).year == "2016"
    assert "y:2000" not in features.extract(_article(text)).weights


def test_a_compound_opening_with_a_number_also_gives_the_number():
    assert features.tokens("A 15-year-old boy") == ["15-year-old", "15", "boy"]
    assert features.tokens("covid-19 cases") == ["covid-19", "case"]


def _report(outlet: str, day: str, lede: str) -> dict:
    return {"outlet": outlet, "title": "Fire guts warehouse in Dayton",
            "text": f"Fire guts warehouse in Dayton\n{lede} on {day}, firefighters said. Crews fought the blaze at "
                    "the warehouse on Keowee Street for hours. No one was hurt, the fire chief said."}


def test_undated_reports_are_told_apart_by_the_dates_their_ledes_write(tmp_path):
    """Without a publication time, the dates the ledes write out place each report: two fires at one warehouse
    months apart are two stories, and no story is given a date its reports do not carry."""
    import json

    from click.testing import CliRunner

    from newsweave.cli import cli

    records = [_report("A", "March 3, 2018", "A fire destroyed a warehouse in Dayton"),
               _report("B", "June 9, 2018", "A fire gutted a warehouse in Dayton"),
               _report("C", "March 3, 2018", "A blaze destroyed a Dayton warehouse"),
               _report("D", "June 9, 2018", "Flames gutted a Dayton warehouse")]
    source = tmp_path / "undated.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "undated.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "add", str(source)]).exit_code == 0
    listed = runner.invoke(cli, ["--db", db, "stories", "--json"])
    stories = json.loads(listed.output)
    outlets = sorted(sorted(a["outlet"] for a in s["articles"]) for s in stories)
    assert outlets == [["A", "C"], ["B", "D"]]
    assert all(s["first"] is None and s["last"] is None for s in stories)
