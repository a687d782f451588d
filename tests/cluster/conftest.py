"""Fixtures for the clustering tests."""
from __future__ import annotations

import random

import pytest

from newsweave.models import Article

from .helpers import load_gold


@pytest.fixture(scope="module")
def topic_articles() -> tuple[list[Article], dict[str, str]]:
    """The two-topic ECB+ fixture (``ecbplus_topics``: Athens bank riots, Qeshm earthquakes) in one seeded
    arrival order, with article id -> gold story."""
    articles, labels = load_gold("ecbplus_topics")
    random.Random(3).shuffle(articles)
    return articles, labels
