"""Shared test data and builders used by more than one area of the suite.

Data files live in ``tests/fixtures/`` (ECB+ excerpts with gold stories, the hand-written seed dossier) and in
``examples/seed-pair/`` (the two seed articles and their ``meta.json``).  Area-specific builders live in that
area's ``helpers.py`` (``tests/cluster/helpers.py``, ``tests/compare/verdict/helpers.py``, ...).
"""
from __future__ import annotations

import json
from pathlib import Path

from newsweave.models import Article, article_id, content_hash

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-pair"
FIXTURES = ROOT / "tests" / "fixtures"
DOSSIER_SEED = FIXTURES / "dossier_seed.json"


def seed_text(name: str) -> str:
    """The text of a seed-pair article: ``seed_text("washington-post")``."""
    return (SEED / f"{name}.txt").read_text(encoding="utf-8")


def seed_meta() -> dict:
    """``examples/seed-pair/meta.json``: file name -> outlet, published, ..."""
    return json.loads((SEED / "meta.json").read_text(encoding="utf-8"))


def fixture_dossier() -> dict:
    """The hand-written dossier of the seed pair (``tests/fixtures/dossier_seed.json``)."""
    return json.loads(DOSSIER_SEED.read_text(encoding="utf-8"))


def bridge_article(n: int, path: str | None = None) -> Article:
    """The n-th of a family of small distinct articles (outlet "Outlet n", published 2025-01-(10 + n))."""
    text = f"Council {n} reopened bridge number {n} on Monday after repairs."
    return Article(id=article_id(text, f"Outlet {n}"), outlet=f"Outlet {n}", title=f"Bridge {n}", text=text,
                   published=f"2025-01-{10 + n:02d}", path=path)


def ecbplus_small(order=None) -> tuple[list[Article], dict[str, str]]:
    """The ``ecbplus_small`` fixture as a store holds it: articles from three outlets (outlet0, outlet1, outlet2
    in turn, over the file names sorted by ``order``) with their paths, and article id -> gold story."""
    folder = FIXTURES / "ecbplus_small"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles, labels = [], {}
    for i, name in enumerate(sorted(gold, key=order)):
        text = (folder / name).read_text(encoding="utf-8")
        article = Article(id=content_hash(name), outlet=f"outlet{i % 3}", title=text.splitlines()[0], text=text,
                          path=str(folder / name))
        articles.append(article)
        labels[article.id] = gold[name]
    return articles, labels


def add_ecbplus_small(store) -> tuple[list[str], dict[str, str]]:
    """Store the ``ecbplus_small`` articles one gold story after the other (the ECB files, then the ECB+ ones),
    and return their ids in that order and article id -> gold story."""
    articles, labels = ecbplus_small(order=lambda n: (n.split("_")[1][1:], n))
    for article in articles:
        store.add_article(article)
    return [a.id for a in articles], labels


MULTILINGUAL = Path(__file__).resolve().parent / "fixtures" / "multilingual"


def multilingual_articles():
    """The seed pair's English Ukrainska Pravda report, its Ukrainian rendering and a Russian report of another
    event (tests/fixtures/multilingual), as Articles with their metadata."""
    import json

    from newsweave.models import Article

    out = []
    for folder, name in ((SEED, "ukrainska-pravda.txt"), (MULTILINGUAL, "up-uk.txt"), (MULTILINGUAL, "drone-ru.txt")):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))[name]
        text = (folder / name).read_text(encoding="utf-8")
        out.append(Article(id=name, outlet=meta["outlet"], title=text.splitlines()[0], text=text,
                           published=meta["published"], language=meta["language"]))
    return out
