"""Browsing in the web app (web/browse.py, present/browse.py): the story and fact lists filtered, faceted and sorted,
with a permalink and JSON and CSV exports; from an article to its stories and from a claim to its exact sentence with
a citation; what changed since the reader last looked, as a page, JSON and Atom. Hostile content stays inert."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from ..present.helpers import check_inert

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_story_list_filters_by_facet_and_says_so_in_its_permalink(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    data = c.get("/stories.json").json()
    assert [r["id"] for r in data["rows"]] == [story_id]
    outlet = next(f for f in data["facets"] if f["name"] == "outlet")
    choice = next(o for o in outlet["options"] if o["value"] == "Ukrainska Pravda")
    assert choice["count"] == 1 and choice["href"] == "/stories?outlet=Ukrainska+Pravda"
    picked = c.get(choice["href"].replace("/stories", "/stories.json")).json()
    assert picked["links"]["permalink"] == "/stories?outlet=Ukrainska+Pravda" and picked["pages"]["total"] == 1
    assert c.get("/stories.json?outlet=Nobody").json()["rows"] == []
    assert c.get("/stories.json?status=conflicting").json()["pages"]["total"] == 0
    assert c.get("/stories.json?place=Kyiv&since=2025-01-11&until=2025-01-11").json()["pages"]["total"] == 1
    assert c.get("/stories.json?since=2025-01-12").json()["pages"]["total"] == 0
    html = c.get("/stories?outlet=Ukrainska+Pravda&sort=-corroborated").text
    assert 'class="sort sorted-desc" data-column="corroborated"' in html
    check_inert(html, allowed_script_src="/static/app.js")


def test_permalinks_are_canonical(seed_db, client_for):
    db, _ = seed_db
    c = client_for(db)
    one = c.get("/stories.json?place=Kyiv&outlet=Ukrainska+Pravda&outlet=The+Washington+Post&page=1").json()
    two = c.get("/stories.json?outlet=The+Washington+Post&place=Kyiv&outlet=Ukrainska+Pravda").json()
    assert one["links"] == two["links"]
    assert one["links"]["permalink"] == \
        "/stories?outlet=The+Washington+Post&outlet=Ukrainska+Pravda&place=Kyiv"


def test_a_bad_date_is_a_400_not_an_empty_list(seed_db, client_for):
    db, _ = seed_db
    r = client_for(db).get("/stories.json?since=banana")
    assert r.status_code == 400 and "since: not a date" in r.json()["error"]


def test_csv_exports_hold_every_row_and_neutralise_formulas(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    r = c.get("/stories.csv?outlet=Ukrainska+Pravda")
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    (row,) = list(csv.DictReader(io.StringIO(r.text)))
    assert row["id"] == story_id and row["outlets"] == "The Washington Post; Ukrainska Pravda"
    assert int(row["corroborated"]) >= 10
    facts = list(csv.DictReader(io.StringIO(c.get(f"/facts.csv?story={story_id}&status=corroborated").text)))
    assert len(facts) == int(row["corroborated"]) and all(f["citations"].count("“") >= 2 for f in facts)


def test_a_hostile_outlet_is_inert_in_pages_and_csv(hostile_db, client_for):
    db, arts = hostile_db
    c = client_for(db)
    for path in ("/stories", "/facts", f"/article/{arts[0].id}?hl=0-5", "/updates"):
        page = c.get(path)
        assert page.status_code == 200, path
        check_inert(page.text, allowed_script_src="/static/app.js")
    from newsweave.present.browse import csv_text

    (row,) = list(csv.DictReader(io.StringIO(csv_text(["a"], [{"a": "=HYPERLINK(\"http://x\")"}]))))
    assert row["a"].startswith("'=")


def test_facts_list_links_each_claim_to_its_exact_sentence_with_a_citation(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    data = c.get(f"/facts.json?story={story_id}&status=corroborated&outlet=Ukrainska+Pravda").json()
    assert data["pages"]["total"] >= 10 and all(r["status"] == "corroborated" for r in data["rows"])
    claim = next(cl for r in data["rows"] for cl in r["claims"] if cl["outlet"] == "The Washington Post")
    assert claim["citation"].startswith("The Washington Post, “Ukraine has captured two North Korean soldiers")
    assert claim["citation"].endswith(f"“{claim['text']}”") and "2025-01-11" in claim["citation"]
    target = urlsplit(claim["href"])
    assert target.fragment == "hl" and target.query.startswith("hl=")
    start, end = map(int, target.query[3:].split("-"))
    article = c.get(f"{target.path}.json?{target.query}").json()
    marked = "".join(p["text"] for r in article["regions"] for p in r["parts"] if p["mark"])
    assert marked == article["article"]["text"][start:end] and marked in claim["text"]
    assert article["cited"]["sentence"] == claim["text"]
    assert article["cited"]["citation"] == claim["citation"]
    html = c.get(claim["href"].split("#")[0]).text
    assert '<mark class="hl" id="hl">' in html and 'class="sent cited"' in html


def test_an_article_links_to_its_stories_and_its_sentences_have_anchors(seed_db, client_for):
    db, story_id = seed_db
    c = client_for(db)
    aid = c.get("/index.json").json()["recent"][0]["id"]
    data = c.get(f"/article/{aid}.json").json()
    assert [s["href"] for s in data["stories"]] == [f"/story/{story_id}"]
    sentences = [r for r in data["regions"] if r["sentence"] is not None]
    assert len(sentences) > 10 and sentences[3]["anchor"] == "s3"
    assert "".join(p["text"] for r in data["regions"] for p in r["parts"]) == data["article"]["text"]
    assert 'id="s3"' in c.get(f"/article/{aid}").text
    assert f'href="/article/{aid}"' in c.get(f"/story/{story_id}").text  # and back


def test_what_changed_marks_news_since_the_last_look_and_is_a_feed(seed_copy, client_for):
    db, story_id = seed_copy
    c = client_for(db)
    first = c.get("/updates.json").json()
    assert first["last"] >= 1 and first["changes"][0]["kind"] in ("new_story", "new_articles")
    page = c.get("/updates")
    assert page.status_code == 200 and 'class="update k-new_story new"' in page.text
    assert c.cookies.get("newsweave_seen") == str(first["last"])
    assert 'k-new_story new"' not in c.get("/updates").text  # seen now
    from newsweave import changes
    from newsweave.store import open_store

    with open_store(db) as store:
        changes.record(store, [{"key": "k1", "kind": "new_conflict", "story_id": story_id,
                                "data": {"title": "t", "explanation": "10 vs 12 people killed", "fact": "f1"}}])
    page = c.get("/updates").text
    assert page.count(" new\"") == 1 and "10 vs 12 people killed" in page
    assert f'href="/story/{story_id}#fact-f1"' in page
    since = c.get(f"/updates.json?since={first['last']}").json()
    assert [ch["kind"] for ch in since["changes"]] == ["new_conflict"]
    assert c.get("/updates.json?story=other").json()["changes"] == []
    assert f'href="/facts.csv?story={story_id}"' in c.get(f"/story/{story_id}").text
    feed = c.get("/updates.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == first["last"] + 1
    assert entries[0].find(f"{ATOM}id").text == "urn:newsweave:change:k1"
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/story/{story_id}#fact-f1")


def test_empty_form_fields_are_no_filters(seed_db, client_for):
    db, _ = seed_db
    data = client_for(db).get("/stories.json?q=&since=&until=&outlet=Ukrainska+Pravda").json()
    assert [c["label"] for c in data["chosen"]] == ["outlet: Ukrainska Pravda"] and data["pages"]["total"] == 1
