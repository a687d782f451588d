"""ECB+ fixtures for the clustering tests: articles of a fixture folder with their gold sub-topic labels."""
from __future__ import annotations

import json
import random
from newsweave.models import Article, content_hash

from ..helpers import FIXTURES


def load_gold(name: str) -> tuple[list[Article], dict[str, str]]:
    """(articles in file-name order, article id -> gold story) of tests/fixtures/<name>."""
    folder = FIXTURES / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles, labels = [], {}
    for file in sorted(gold):
        text = (folder / file).read_text(encoding="utf-8")
        article = Article(id=content_hash(file), outlet=file, title=text.splitlines()[0], text=text)
        articles.append(article)
        labels[article.id] = gold[file]
    return articles, labels


def topics_with_ie() -> tuple[list[Article], dict[str, str]]:
    """The ECB+ topic fixtures and the IE-patch fixtures together, in one seeded order, with their gold labels."""
    articles, labels = load_gold("ecbplus_topics")
    ie, ie_labels = load_gold("ecbplus_ie")
    articles = articles + ie
    random.Random(5).shuffle(articles)
    return articles, {**labels, **ie_labels}
