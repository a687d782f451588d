"""Cleaning: furniture removed, paywall stubs flagged, and the offset map always exact."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from newsweave.errors import PaywallError
from newsweave.ingest import load
from newsweave.ingest.clean import clean

from .helpers import UP, WP


def _maps_back(original: str, cleaned) -> None:
    last = -1
    for s in cleaned.segments:
        assert cleaned.text[s.clean:s.clean + s.length] == original[s.orig:s.orig + s.length]
        assert s.clean > last and s.length > 0
        last = s.clean


def test_seed_up_keeps_headline_once_no_dateline_no_footer():
    result = clean(UP)
    assert result.text.count("Zelenskyy: Ukrainians take North Korean soldiers captive") == 1
    assert "Jan 11, 2025" not in result.text and "Support UP" not in result.text
    assert result.dateline == "Jan 11, 2025\xa0-\xa015:00"
    # the teaser block (summary of the first paragraphs) is gone; its paragraphs remain once
    assert result.text.count("Ukrainian soldiers captured North Korean soldiers") == 1
    assert result.text.count("These are two soldiers who") == 1
    _maps_back(UP, result)


def test_seed_wp_unchanged():
    result = clean(WP)
    assert result.text == WP.strip() and len(result.segments) == 1 and result.dateline is None


@pytest.mark.parametrize("line", [
    "Support UP or become our patron!", "Share on Facebook", "Share this article", "Share: Twitter | Facebook",
    "Subscribe to our newsletter", "Sign up for our daily newsletter and get the news first",
    "Follow us on Telegram", "Advertisement", "Read more:",
])
def test_furniture_lines_removed(line):
    text = f"Headline here\n\n{line}\n\nThe body of the story is here and it says something.\n\n{line}"
    result = clean(text)
    assert line not in result.text and "The body of the story" in result.text
    _maps_back(text, result)


def test_paywall_stub_is_flagged(tmp_path, settings):
    stub = ("Ukraine captures North Korean soldiers\n\nUkraine has captured two wounded North Korean soldiers.\n\n"
            "Subscribe to read the full story. Already a subscriber? Sign in.")
    with pytest.raises(PaywallError):
        clean(stub)
    path = tmp_path / "stub.txt"
    path.write_text(stub, encoding="utf-8")
    (error,) = load([str(path)], settings)
    assert isinstance(error, PaywallError) and error.source == str(path) and "paywall" in error.reason


def test_long_article_mentioning_subscribers_is_not_a_paywall():
    text = WP + "\nThe newspaper said the offer was for subscribers only."
    assert "subscribers only" in clean(text).text


_LINES = st.sampled_from([
    "Zelenskyy: Ukrainians take North Korean soldiers captive", "Jan 11, 2025 - 15:00", "Support UP or become our patron!",
    "Share on Facebook", "", "   ", "Details: the SSU stated that the prisoners do not speak Ukrainian.",
    "Ukrainian soldiers captured North Korean soldiers in Russia's Kursk Oblast. Source: President Volodymyr",
])


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=120)), max_size=25))
def test_cleaning_never_crashes_and_segments_map_back(lines):
    original = "\n".join(lines)
    try:
        result = clean(original)
    except PaywallError:
        return
    _maps_back(original, result)
    assert len(result.text) <= len(original) + 2 * len(result.segments)


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_cleaning_arbitrary_text(text):
    try:
        result = clean(text)
    except PaywallError:
        return
    _maps_back(text, result)
