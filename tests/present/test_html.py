import base64
import hashlib
import re
from html import unescape

import pytest

from newsweave.present.html import render_report

from .helpers import check_inert, hostile_dossier, ingest_hostile, moving_toll_dossier


@pytest.fixture()
def hostile_store(tmp_path):
    store = ingest_hostile(tmp_path)
    yield store
    store.close()


def assert_inert(html: str) -> None:
    check_inert(html)
    lowered = html.lower()
    for raw in ("<script>alert", "<img", "<iframe", "<svg onload"):
        assert raw not in lowered, raw


def test_report_renders_seed_dossier(dossier):
    html = render_report(dossier, generated="fixed")
    assert html.count('<tr class="row filterable s-corroborated"') == 13
    assert "Ukrainska Pravda" in html and "The Washington Post" in html
    assert "2025-01-11" in html and "<svg" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert_inert(html)


def test_report_is_self_contained_with_hashed_csp(dossier):
    html = render_report(dossier, generated="fixed")
    csp = unescape(re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">", html).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert not re.search(r"<(link|img|iframe)\b", html) and "src=" not in html


def test_report_is_deterministic(dossier):
    assert render_report(dossier, generated="x") == render_report(dossier, generated="x")


def test_hostile_content_through_ingest_renders_inert(hostile_store):
    html = render_report(hostile_dossier(hostile_store.articles()), generated="fixed")
    assert_inert(html)
    assert "&lt;script&gt;alert(&#39;x1&#39;)&lt;/script&gt;" in html  # shown, escaped
    assert 'href="https://example.com/0?q=' not in html  # quotes inside URLs make them unsafe: dropped
    assert "{{ 7*7 }}" in html  # no template evaluation of content


def test_report_leads_with_key_facts_and_folds_the_matrix_and_background():
    html = render_report(moving_toll_dossier(), generated="fixed")
    order = [html.index(marker) for marker in ('id="key-facts"', 'id="facts"', 'id="background"', 'id="matrix"')]
    assert order[0] == min(order)
    assert re.search(r'<details id="matrix" class="fold">', html) and re.search(r'<details id="background" class="fold">', html)
    rows = re.findall(r'<tr class="key filterable s-(\w+)" data-fact="(\w+)" data-statuses="([\w ]+)"', html)
    assert rows == [("conflicting", "magnitude", "conflicting"), ("updated", "deaths", "updated corroborated"),
                    ("single_source", "injured", "single_source")]
    assert html.count('<circle class="dot report"') == 5  # the toll's three reports and the magnitude's two
    assert 'data-filter="conflicting"' in html and 'data-filter="updated"' in html
    assert_inert(html)


def test_numbers_panel_of_the_report_leaves_background_out():
    html = render_report(moving_toll_dossier(), generated="fixed")
    numbers = html[html.index('id="numbers"'):html.index('id="entities"')]
    assert "230,000" not in numbers and numbers.count('class="quantity"') == 3
