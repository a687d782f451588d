"""Following feeds (newsweave.watch) against a local site that publishes, changes and breaks its feeds: what is new
is added once, the changed stories' dossiers are recomputed, and what changed is said (new story, new articles, new
conflict, updated figure); failures back off; a restarted watcher reads nothing twice."""
from __future__ import annotations

import re
import threading

import pytest

from newsweave import dossiers
from newsweave.config import Settings
from newsweave.store import open_store
from newsweave.watch import Watcher, WatchOptions

from .feed_server import FeedServer, rss

REPORT_A = ("A road bridge over the Riverton gorge collapsed on Friday evening during the rush hour. Officials said "
            "{n} people were killed when the bridge gave way and several cars fell into the river below. Rescue "
            "teams worked through the night at the Riverton gorge bridge, and the regional governor ordered an "
            "inquiry into the collapse of the bridge, which had been inspected last year.")
REPORT_B = ("Rescuers searched the river below the collapsed Riverton gorge bridge on Saturday. The regional "
            "governor said {n} people were killed in Friday's collapse of the bridge and promised an inquiry. Cars "
            "fell into the river when the road bridge gave way during the evening rush hour, witnesses said.")


def _item(n: int, text: str, day: int) -> dict:
    return {"title": f"Riverton bridge collapse: {n} dead", "link": f"https://example.org/{day}/{n}",
            "date": f"Sat, {day:02d} Jan 2025 10:00:00 GMT", "content": f"<p>{text}</p>"}


def toll_dossier(articles, annotations=None, story_id=None, settings=None, prepared=()):
    """A fake compare stage: one fact, the death toll each article reports; two different tolls conflict."""
    values = []
    for a in articles:
        m = re.search(r"(\d+) people were killed", a.text)
        if m:
            values.append({"article": a.id, "outlet": a.outlet, "low": int(m[1]), "high": int(m[1]),
                           "qualifier": "exact", "unit": "", "counted": "people killed", "text": m[1]})
    sides = [{"article": v["article"], "outlet": v["outlet"], "text": f"{v['low']} people were killed",
              "value": v["low"]} for v in values]
    conflicts = ([{"kind": "number", "explanation": f"{values[0]['low']} vs {values[-1]['low']} people killed",
                   "a": sides[0], "b": sides[-1]}] if len({v["low"] for v in values}) > 1 else [])
    fact = {"id": "toll", "status": "conflicting" if conflicts else "corroborated", "label": "people killed",
            "claims": [{"article": s["article"], "outlet": s["outlet"], "text": s["text"]} for s in sides],
            "values": values, "conflicts": conflicts, "outlets": sorted({v["outlet"] for v in values})}
    refs = [{"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published} for a in articles]
    return {"schema": "newsweave.dossier/1", "stories": [{"id": story_id, "title": articles[0].title,
                                                          "articles": refs, "facts": [fact], "entities": []}]}


@pytest.fixture()
def site():
    with FeedServer() as server:
        yield server


@pytest.fixture()
def watched(tmp_path, monkeypatch):
    monkeypatch.setattr(dossiers, "compute_dossier", toll_dossier)
    store = open_store(str(tmp_path / "w.db"))
    yield store
    store.close()


def _watcher(store, **options) -> Watcher:
    return Watcher(store, Settings(allow_private=True), WatchOptions(**({"host_interval": 0} | options)))


def _poll(store, urls, **options) -> list:
    reports = []
    _watcher(store, **options).run(urls, reports.append, once=True)
    return reports


def test_new_items_are_added_once_and_what_changed_is_said(site, watched):
    a = site.publish("/planet.xml", rss("Daily Planet", [_item(10, REPORT_A.format(n=10), 10)]))
    (first,) = _poll(watched, [a])
    assert (first.outcome, first.fresh, first.summary.added) == ("new", 1, 1)
    assert [c["kind"] for c in first.changes] == ["new_story"]
    assert watched.articles()[0].outlet == "Daily Planet"  # the feed's title names the outlet
    b = site.publish("/star.xml", rss("Evening Star", [_item(12, REPORT_B.format(n=12), 11)]))
    again, second = _poll(watched, [a, b])
    assert again.outcome == "not modified" and site.requests("/planet.xml")[-1]["if-none-match"]
    assert second.summary.added == 1
    kinds = sorted(c["kind"] for c in second.changes)
    assert kinds == ["new_articles", "new_conflict", "updated_figure"]
    figure = next(c for c in second.changes if c["kind"] == "updated_figure")
    assert figure["data"]["explanation"] == "people killed: 10 -> 12 (Evening Star)"
    assert len(watched.stories()) == 1 and watched.get_dossier(watched.stories()[0].id) is not None


def test_a_restarted_watcher_reads_nothing_twice(site, watched):
    url = site.publish("/planet.xml", rss("Daily Planet", [_item(10, REPORT_A.format(n=10), 10)]))
    _poll(watched, [url])
    site.publish("/planet.xml", rss("Daily Planet", [_item(10, REPORT_A.format(n=10), 10)]) + "\n")  # new ETag
    (report,) = _poll(watched, [url])  # a new watcher: its state comes from the store
    assert report.outcome == "unchanged" and report.fresh == 0 and len(watched.articles()) == 1
    changed = REPORT_A.format(n=11)
    site.publish("/planet.xml", rss("Daily Planet", [_item(10, changed, 10)]))  # the item's text was updated
    (report,) = _poll(watched, [url])
    assert report.fresh == 1 and report.summary.added == 1 and len(watched.articles()) == 2


def test_a_broken_feed_backs_off_and_recovers(site, watched):
    url = site.publish("/planet.xml", "<rss><channel><item>broken", status=200)
    (report,) = _poll(watched, [url], every=60)
    assert report.outcome == "failed" and "malformed feed" in report.errors[0] and report.retry_in == 120
    site.publish("/planet.xml", "server error", "text/plain", status=500)
    (report,) = _poll(watched, [url], every=60)
    assert report.errors[0].endswith("HTTP 500") and report.retry_in == 240  # doubles with each failure
    site.publish("/planet.xml", "slow down", "text/plain", status=429)
    (report,) = _poll(watched, [url], every=1)
    assert report.retry_in == 120  # Retry-After: 120 beats the backoff
    site.publish("/planet.xml", rss("Daily Planet", [_item(10, REPORT_A.format(n=10), 10)]))
    (report,) = _poll(watched, [url], every=60)
    assert report.outcome == "new" and watched.watch_source(url)["failures"] == 0


def test_a_running_watcher_polls_each_source_on_its_turn_and_stops_when_asked(site, watched):
    url = site.publish("/planet.xml", rss("Daily Planet", [_item(10, REPORT_A.format(n=10), 10)]))
    stop, reports = threading.Event(), []

    def report(r):
        reports.append(r)
        if len(reports) == 3:
            stop.set()

    watcher = Watcher(watched, Settings(allow_private=True), WatchOptions(every=0.05, host_interval=0), stop)
    thread = threading.Thread(target=watcher.run, args=([url], report))
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and [r.outcome for r in reports] == ["new", "not modified", "not modified"]


def test_a_watched_page_is_read_again_only_when_it_changes(site, watched):
    page = "<html><head><title>Riverton bridge</title><meta property='og:site_name' content='Riverton Herald'>" \
           "</head><body><article><h1>Riverton bridge collapse</h1><p>{}</p></article></body></html>"
    url = site.publish("/live.html", page.format(REPORT_A.format(n=10)), "text/html")
    (first,) = _poll(watched, [url])
    assert first.summary.added == 1 and watched.articles()[0].outlet == "Riverton Herald"
    assert watched.articles()[0].url == url
    (again,) = _poll(watched, [url])
    assert again.outcome == "not modified"
    site.publish("/live.html", page.format(REPORT_A.format(n=11)), "text/html")  # the page was updated
    (updated,) = _poll(watched, [url])
    assert updated.summary.added == 1 and len(watched.articles()) == 2
    assert [c["kind"] for c in updated.changes if c["kind"] == "updated_figure"] == ["updated_figure"]
