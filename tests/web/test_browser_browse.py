"""Playwright drives Debian's Chromium through the browsing features on the seed store: facets narrow the story
list and the URL is its permalink, columns sort, exports download, a claim opens its article at the exact sentence
highlighted with a citation to copy, an article leads back to its story, and "what changed" marks what is new."""
import re

import pytest

from .helpers import OUTPUT, LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(seed_db):
    db, story_id = seed_db
    with LiveServer(db) as srv:
        srv.story_id = story_id
        yield srv


def test_a_facet_narrows_the_story_list_and_the_url_is_its_permalink(server, page):
    page.goto(server.url + "/stories")
    assert page.locator("tr.story").count() == 1
    page.locator('section.facet[data-facet="outlet"] a[data-value="Ukrainska Pravda"]').click()
    page.wait_for_url(re.compile(r"outlet=Ukrainska\+Pravda"))
    assert page.locator(".chosen .chip").inner_text().startswith("outlet: Ukrainska Pravda")
    assert page.locator("tr.story").count() == 1
    permalink = page.locator("a.permalink").get_attribute("href")
    assert permalink == "/stories?outlet=Ukrainska+Pravda"
    assert page.locator('section.facet[data-facet="status"] a[data-value="conflicting"]').count() == 0
    page.fill("input[name=since]", "2025-01-12")
    page.locator("form.filters button").click()
    page.wait_for_url(re.compile(r"since=2025-01-12"))
    assert page.locator("tr.story").count() == 0 and "outlet=Ukrainska+Pravda" in page.url  # the facet stays
    page.screenshot(path=str(OUTPUT / "stories-filtered.png"), full_page=True)
    page.goto(server.url + permalink)  # the permalink gives the same view back
    assert page.locator("tr.story").count() == 1 and page.locator(".chosen .chip").count() == 1
    page.locator(".chosen .chip").click()
    page.wait_for_url(server.url + "/stories")
    assert not page.external and not page.dialogs


def test_fact_columns_sort_and_exports_download(server, page):
    page.goto(f"{server.url}/facts?story={server.story_id}")
    rows = page.locator("tr.fact-row")
    assert rows.count() >= 40
    page.locator('th[data-column="outlets"] a').click()
    page.wait_for_url(re.compile(r"sort=-outlets"))
    counts = page.locator("tr.fact-row td.outlets").evaluate_all(
        "cells => cells.map(c => c.querySelectorAll('.outlet').length)")
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    page.locator('th[data-column="outlets"] a').click()
    page.wait_for_url(re.compile(r"sort=outlets"))
    with page.expect_download() as download:
        page.locator("a.export-csv").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("story_id,story_title,id,status,label,first,outlets,citations,url")
    assert len(text.strip().splitlines()) >= 41
    page.locator("a.export-json").click()
    assert '"view": "facts"' in page.locator("body").inner_text()


def test_a_claim_opens_its_exact_sentence_highlighted_with_a_citation(server, page):
    page.goto(f"{server.url}/story/{server.story_id}")
    fact = page.locator("details.fact.s-corroborated").first
    fact.locator("summary").first.click()
    claim = fact.locator("blockquote.claim").nth(1)
    sentence = claim.locator("p.sentence").inner_text()
    claim.locator("button.copy").click()  # the citation appears, ready to paste
    box = claim.locator("textarea.citation")
    citation = box.input_value()
    assert box.is_visible() and citation.endswith(f"“{sentence}”")
    claim.locator("a.sentence-link").click()
    page.wait_for_url(re.compile(r"/article/.*\?hl=\d+-\d+#hl"))
    mark = page.locator("mark#hl")
    assert mark.is_visible() and mark.inner_text() in sentence
    box = mark.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # scrolled to it, not the top of the article
    assert page.locator(".sent.cited").inner_text().strip() == sentence
    assert page.locator(".cited-box textarea.citation").input_value() == citation
    page.locator(".cited-box button.copy").click()
    page.wait_for_function("document.querySelector('.cited-box button.copy').textContent === 'copied'",
                           timeout=10_000)
    page.screenshot(path=str(OUTPUT / "cited-sentence.png"))
    page.locator("a.story-link").click()  # and back to the story
    page.wait_for_url(re.compile(f"/story/{server.story_id}"))
    assert not page.external and not page.dialogs


def test_what_changed_marks_news_since_the_last_look(seed_copy, page):
    db, _ = seed_copy
    with LiveServer(db) as srv:
        page.goto(srv.url + "/updates")
        assert page.locator("li.update.new").count() >= 1
        assert page.locator("a.feed-atom").get_attribute("href") == "/updates.atom"
        page.screenshot(path=str(OUTPUT / "updates.png"), full_page=True)
        page.reload()
        assert page.locator("li.update").count() >= 1 and page.locator("li.update.new").count() == 0
        atom = page.request.get(srv.url + "/updates.atom")
        assert atom.ok and atom.headers["content-type"].startswith("application/atom+xml")
        assert "<entry>" in atom.text()
    assert not page.external and not page.dialogs
