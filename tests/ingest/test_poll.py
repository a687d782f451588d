"""Polling politely (ingest/poll.py) against a local site: conditional requests, robots.txt, a per-host pace, item
identity, following a summary-only item to its page, and the private-address guard still in force."""
from __future__ import annotations

import pytest

from newsweave.config import Settings
from newsweave.errors import IngestError
from newsweave.ingest.draft import Draft
from newsweave.ingest.poll import Polite, follow, item_key, poll

from ..feed_server import FeedServer, rss
from .helpers import WP_BODY, WP_TITLE, html_page

OPEN = Settings(allow_private=True)
ITEM = {"title": "Bridge reopens", "link": "https://example.org/a", "date": "Sat, 11 Jan 2025 10:00:00 GMT",
        "content": "<p>The council reopened the bridge on Saturday after three weeks of repairs.</p>"}


@pytest.fixture()
def site():
    with FeedServer() as server:
        yield server


def test_a_second_poll_is_conditional_and_an_unchanged_feed_answers_304(site):
    url = site.publish("/feed.xml", rss("Example News", [ITEM]))
    polite = Polite(OPEN, interval=0)
    first = poll(url, OPEN, polite)
    assert first.status == 200 and first.feed and len(first.items) == 1
    assert dict(first.validators)["etag"] and dict(first.validators)["last-modified"]
    again = poll(url, OPEN, polite, dict(first.validators))
    assert again.status == 304 and again.items == ()
    sent = site.requests("/feed.xml")[-1]
    assert sent["if-none-match"] == dict(first.validators)["etag"] and "if-modified-since" in sent
    assert sent["user-agent"].startswith("newsweave/")


def test_robots_txt_is_honoured_and_read_once_per_site(site):
    site.publish("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    allowed = site.publish("/feed.xml", rss("Example News", [ITEM]))
    private = site.publish("/private/feed.xml", rss("Example News", [ITEM]))
    polite = Polite(OPEN, interval=0)
    assert poll(allowed, OPEN, polite).status == 200
    with pytest.raises(IngestError, match="disallowed by the site's robots.txt"):
        poll(private, OPEN, polite)
    assert site.requests("/private/feed.xml") == [] and len(site.requests("/robots.txt")) == 1


def test_a_missing_robots_txt_allows_and_an_unreachable_one_refuses(site):
    url = site.publish("/feed.xml", rss("Example News", [ITEM]))
    assert poll(url, OPEN, Polite(OPEN, interval=0)).status == 200  # robots.txt: 404
    site.publish("/robots.txt", "down", "text/plain", status=503)
    with pytest.raises(IngestError, match="robots.txt unreachable"):
        poll(url, OPEN, Polite(OPEN, interval=0))


def test_requests_to_one_host_keep_the_pace_or_the_crawl_delay(site):
    site.publish("/robots.txt", "User-agent: *\nCrawl-delay: 5\n", "text/plain")
    url = site.publish("/feed.xml", rss("Example News", [ITEM]))
    now, waits = [100.0], []

    def wait(seconds):
        waits.append(round(seconds, 3))
        now[0] += seconds
        return False

    polite = Polite(OPEN, interval=2.0, wait=wait, clock=lambda: now[0])
    poll(url, OPEN, polite)  # robots.txt, then the feed: the feed waits its turn
    poll(url, OPEN, polite)
    assert waits == [5.0, 5.0]  # the site's Crawl-delay (5 s) beats our interval (2 s)


def test_private_addresses_stay_refused_unless_allowed(site):
    url = site.publish("/feed.xml", rss("Example News", [ITEM]))
    with pytest.raises(IngestError, match="non-public address"):
        poll(url, Settings(), Polite(Settings(), interval=0))


def test_an_item_whose_text_changes_is_a_new_item():
    one = Draft(source="f#1", body="Ten people died.", meta_keys=("https://example.org/a",))
    assert item_key("f", one) == item_key("f", Draft(source="f#1", body="Ten  people died.",
                                                     meta_keys=("https://example.org/a",)))
    assert item_key("f", one) != item_key("f", Draft(source="f#1", body="Twelve people died.",
                                                     meta_keys=("https://example.org/a",)))
    assert item_key("f", one) != item_key("g", one)


def test_a_summary_only_item_is_read_from_its_page(site):
    page = site.publish("/wp.html", html_page(WP_TITLE, WP_BODY, url=None, published=None), "text/html")
    item = Draft(source="feed#item 1", body="Short teaser.", title=WP_TITLE, url=page, sitename="WaPo feed",
                 published="2025-01-11T09:30:00-05:00", summary_only=True, source_format="feed",
                 meta_keys=("urn:wapo:1",))
    (read,) = follow(item, OPEN, Polite(OPEN, interval=0))
    assert "Kursk region" in read.body and read.sitename == "The Washington Post"  # the page names its site
    assert read.published == "2025-01-11T09:30:00-05:00" and read.url == page  # the item fills what the page lacks
    assert "urn:wapo:1" in read.meta_keys
