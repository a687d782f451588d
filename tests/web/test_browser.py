"""Playwright drives Debian's Chromium against the app on the seed pair (and on hostile content)."""
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


def test_story_list_shows_one_story_with_two_outlets(server, page):
    page.goto(server.url + "/")
    rows = page.locator("tr.story")
    assert rows.count() == 1
    outlets = rows.first.locator(".outlet").all_inner_texts()
    assert sorted(outlets) == ["The Washington Post", "Ukrainska Pravda"]
    page.screenshot(path=str(OUTPUT / "story-list.png"), full_page=True)
    assert not page.external and not page.dialogs


def test_dossier_matrix_fact_click_and_timeline(server, page):
    page.goto(server.url + "/")
    page.locator("tr.story a").first.click()
    page.wait_for_url(re.compile(r"/story/"))
    assert page.locator("table.coverage tr.row.s-corroborated").count() >= 10
    # clicking a fact shows both source sentences, one per outlet
    fact = page.locator("details.fact.s-corroborated").first
    claims = fact.locator("blockquote.claim")
    assert not claims.first.is_visible()
    fact.locator("summary").click()
    assert claims.count() >= 2 and claims.nth(0).is_visible() and claims.nth(1).is_visible()
    outlets = {claims.nth(i).get_attribute("data-outlet") for i in range(claims.count())}
    assert outlets == {"Ukrainska Pravda", "The Washington Post"}
    assert all(len(claims.nth(i).locator("p.sentence").inner_text()) > 20 for i in range(2))
    # the coverage matrix is folded; opened, a row link opens its fact too
    assert not page.locator("table.coverage").is_visible()
    page.locator("#matrix > summary").click()
    row = page.locator("table.coverage tr.row.s-corroborated").nth(1)
    target = row.get_attribute("data-fact")
    row.locator("a.factlink").click()
    assert page.locator(f"details#fact-{target}").evaluate("d => d.open")
    assert "2025-01-11" in page.locator("#timeline").inner_text()
    page.screenshot(path=str(OUTPUT / "dossier.png"), full_page=True)
    assert not page.external and not page.dialogs


def test_matrix_sorts_by_column(server, page):
    page.goto(f"{server.url}/story/{server.story_id}")
    page.locator("#matrix > summary").click()
    statuses = lambda: page.locator("table.coverage tbody tr").evaluate_all(  # noqa: E731
        "rows => rows.map(r => r.dataset.status)")
    page.locator("table.coverage th", has_text="Verdict").click()
    first = statuses()
    assert first == sorted(first)
    page.locator("table.coverage th", has_text="Verdict").click()
    assert statuses() == sorted(first, reverse=True)


def test_report_key_facts_lead_and_filter_conflicts_and_updates(tmp_path, page):
    from ..present.helpers import moving_toll_dossier

    from newsweave.present.html import render_report

    report = tmp_path / "toll.html"
    report.write_text(render_report(moving_toll_dossier(), generated="fixed"), encoding="utf-8")
    page.goto(report.as_uri())
    keys = page.locator("table.key-facts tr.key")
    assert keys.first.bounding_box()["y"] < page.locator("#facts").bounding_box()["y"]
    assert keys.first.get_attribute("data-fact") == "magnitude" and keys.count() == 3
    visible = lambda sel: [e.get_attribute("data-fact") or e.get_attribute("id")  # noqa: E731
                           for e in page.locator(sel).all() if e.is_visible()]
    page.locator("button[data-filter=updated]").click()
    assert visible("tr.key") == ["deaths"] and visible("#facts details.fact") == ["fact-deaths"]
    page.locator("button[data-filter=conflicting]").click()
    assert visible("tr.key") == ["magnitude"]
    page.locator("button[data-filter=all]").click()
    assert len(visible("tr.key")) == 3 and not page.locator("#background details.fact").first.is_visible()
    page.locator("#background > summary").click()
    assert page.locator("#background details.fact").first.is_visible()
    assert page.locator("svg.spark").count() == 2
    page.screenshot(path=str(OUTPUT / "report-key-facts.png"), full_page=True)
    assert not page.external and not page.dialogs


def test_article_and_search_pages(server, page):
    page.goto(server.url + "/search?q=interpreters")
    assert page.locator(".fact-hit").count() >= 1 and page.locator(".article-hit").count() == 2
    assert "interpreters" in page.locator(".fact-hit mark").first.inner_text().lower()
    page.screenshot(path=str(OUTPUT / "search.png"), full_page=True)
    page.locator(".article-hit a").first.click()
    page.wait_for_url(re.compile(r"/article/"))
    assert "North Korean" in page.locator(".article-text").inner_text()
    page.screenshot(path=str(OUTPUT / "article.png"), full_page=True)


def test_live_refresh_when_an_article_lands(seed_copy, page):
    from newsweave.models import Article
    from newsweave.store import open_store

    db, _ = seed_copy
    with LiveServer(db) as srv:
        page.goto(srv.url + "/")
        page.wait_for_timeout(3500)  # the first poll records the current state
        with open_store(db) as store:
            store.add_article(Article(id="live0000", outlet="Wire", title="Live story", text="Live story\n\nBody."))
        page.locator("#live").wait_for(state="visible", timeout=10000)
        assert "New articles" in page.locator("#live").inner_text()
        page.wait_for_load_state()
        page.locator("text=Live story").wait_for(timeout=10000)


def test_hostile_content_is_inert_in_the_browser(tmp_path, hostile_db, page):
    from ..present.helpers import hostile_dossier

    from newsweave.present.html import render_report

    db, arts = hostile_db
    report = tmp_path / "hostile.html"
    report.write_text(render_report(hostile_dossier(arts)), encoding="utf-8")
    with LiveServer(db) as srv:
        urls = [srv.url + p for p in ("/", "/story/hostile", "/search?q=alert")]
        urls += [f"{srv.url}/article/{a.id}" for a in arts[:3]] + [report.as_uri()]
        for url in urls:
            page.goto(url)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.mouse.move(200, 300)
            for link in page.locator("a.factlink").all()[:5]:
                link.click()
            page.wait_for_timeout(150)
            assert page.evaluate("document.querySelectorAll('img, iframe, svg [onload]').length") == 0, url
            assert page.locator("text=<script>alert('x1')</script>").count() >= 1 or "article" in url or \
                "search" in url
        page.screenshot(path=str(OUTPUT / "hostile-report.png"), full_page=True)
    assert page.dialogs == [] and page.external == []


def test_paste_an_article_from_the_browser(seed_copy, page):
    db, _ = seed_copy
    with LiveServer(db) as srv:
        page.goto(srv.url + "/add")
        page.fill("textarea[name=text]", "Dam holds after storm\n\nThe dam held overnight, engineers said on Sunday.")
        page.fill("input[name=outlet]", "River Gazette")
        page.fill("input[name=published]", "2025-03-02")
        page.click("form.add button")
        page.locator(".result").wait_for(timeout=20000)
        assert "Added 1" in page.locator(".result").inner_text()
        page.screenshot(path=str(OUTPUT / "add.png"), full_page=True)
        page.locator(".result a").first.click()
        page.wait_for_url(re.compile(r"/article/"))
        assert "River Gazette" in page.locator("p.meta").first.inner_text()
    assert not page.dialogs and not page.external


def test_cold_story_page_says_computing_then_fills_in(tmp_path, page, monkeypatch, fake_dossier):
    import threading

    from newsweave import dossiers
    from newsweave.models import Article, Story, article_id
    from newsweave.store import open_store

    release = threading.Event()

    def compute(articles, annotations=None, story_id=None, settings=None, prepared=()):
        release.wait(20)
        return fake_dossier(articles, story_id=story_id)

    monkeypatch.setattr(dossiers, "compute_dossier", compute)
    db = str(tmp_path / "cold.db")
    with open_store(db) as store:
        texts = [f"Harbour {n} closed after storm number {n} hit the coast on Sunday." for n in range(2)]
        arts = [Article(id=article_id(t, f"Outlet {n}"), outlet=f"Outlet {n}", title=f"Storm {n}", text=t)
                for n, t in enumerate(texts)]
        for a in arts:
            store.add_article(a)
        store.save_story(Story(id="cold", title="Storm", first=None, last=None, article_ids=tuple(a.id for a in arts)))
    with LiveServer(db) as srv:
        page.goto(srv.url + "/")
        assert "not computed yet" in page.locator("tr.story").first.inner_text()
        page.goto(srv.url + "/story/cold")
        assert "Computing" in page.locator(".computing").inner_text()
        release.set()
        page.locator("details.fact").first.wait_for(timeout=15000)
        assert page.locator(".computing").count() == 0
        assert not page.external and not page.dialogs
