"""Metadata normalisation and inference."""
from __future__ import annotations

import pytest

from newsweave.ingest.meta import (
    dateline_published, detect_language, normalize_language, normalize_published, outlet_from_url,
)


@pytest.mark.parametrize("value, expected", [
    ("2025-01-11", "2025-01-11"),
    ("2025-01-11T15:00:00+02:00", "2025-01-11T15:00:00+02:00"),
    ("2025-01-11T13:00:00Z", "2025-01-11T13:00:00+00:00"),
    ("2025-01-11 15:00", "2025-01-11T15:00:00"),
    ("Sat, 11 Jan 2025 15:00:00 +0200", "2025-01-11T15:00:00+02:00"),
    ("Jan 11, 2025 - 15:00", "2025-01-11T15:00:00"),
    ("2025-02-30", None),
    ("yesterday", None),
    (None, None),
])
def test_normalize_published(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize("line, expected", [
    ("Jan 11, 2025\xa0-\xa015:00", "2025-01-11T15:00:00"),
    ("11 January 2025, 3:05 pm", "2025-01-11T15:05:00"),
    ("Saturday, January 11, 2025", "2025-01-11"),
    ("Zelenskyy said on Jan 11, 2025 that", None),
])
def test_dateline(line, expected):
    assert dateline_published(line) == expected


def test_language_and_outlet_inference():
    assert normalize_language("en-GB") == "en" and normalize_language("") is None
    assert outlet_from_url("https://www.pravda.com.ua/eng/news/") == "pravda.com.ua"
    assert outlet_from_url(None) is None
    assert detect_language("Ukrainian soldiers captured North Korean soldiers in Russia's Kursk Oblast.") == "en"
    assert detect_language("Украинские военные взяли в плен двух северокорейских солдат в Курской области.") == "ru"
