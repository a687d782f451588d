"""Claims prepared at add time (newsweave.prepared): stored with the article, read back by the dossier, which comes
out exactly as when everything is computed again; stale ones (other code, other annotations) are prepared again."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave import dossiers, pipeline, prepared
from newsweave.config import Settings
from newsweave.models import Annotations, Sentence

from .helpers import SEED

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    """A store holding the seed pair as ``newsweave add`` leaves it (articles, annotations, prepared claims)."""
    from newsweave.store import open_store

    db = tmp_path_factory.mktemp("prepared") / "seed.db"
    store = open_store(str(db))
    pipeline.add_sources(store, [str(SEED)], Settings(db=str(db)), meta_file=str(SEED / "meta.json"))
    yield store
    store.close()


def _ids(store) -> list[str]:
    return [a.id for a in store.articles()]


def test_add_keeps_each_articles_claims_with_their_vectors_and_parses(seed_store):
    from newsweave.compare.claims import extract_claims
    from newsweave.compare.story import complete

    kept = seed_store.article_claims(_ids(seed_store))
    assert len(kept) == 2
    for article in seed_store.articles():
        item = kept[article.id]
        annotations = seed_store.get_annotations(article.id)
        assert item.claims == extract_claims(article, complete(article, annotations))
        assert item.stamp == prepared.claims_stamp() and item.embedder
        assert len(item.vectors) == 4 * 384 * len(item.embedded) and item.parses


def test_dossier_from_stored_claims_is_the_dossier_computed_afresh(seed_store):
    ids = _ids(seed_store)
    articles = seed_store.articles(ids)
    found = seed_store.annotations(ids)
    afresh = dossiers.compute_dossier(articles, [found[a.id] for a in articles])
    assert dossiers.compare_stored(seed_store, ids) == afresh
    assert afresh["stories"][0]["counts"]["corroborated"] >= 10


def test_dossier_from_stored_claims_parses_and_embeds_no_claim_again(seed_store, monkeypatch):
    from newsweave.compare.claims import clauses
    from newsweave.embed import embedders

    texts: list[str] = []
    parse, encode = clauses._parse, embedders.Embedder._normalised
    monkeypatch.setattr(clauses, "_parse", lambda text: texts.append(text) or parse.__wrapped__(text))
    monkeypatch.setattr(embedders.Embedder, "_normalised", lambda self, batch: texts.extend(batch) or
                        encode(self, batch))
    dossier = dossiers.compare_stored(seed_store, _ids(seed_store))
    claims = {c["clause"] for f in dossier["stories"][0]["facts"] for c in f["claims"]}
    assert not claims & set(texts)
    assert len(texts) <= 5  # a name the entity rule shortens for one pair, at most


def test_stale_claims_are_prepared_again_and_saved(seed_store):
    ids = _ids(seed_store)
    old = seed_store.article_claims(ids)[ids[0]]
    seed_store.save_article_claims(replace(old, stamp="other code", claims=old.claims[:1]))
    articles = seed_store.articles(ids)
    found = seed_store.annotations(ids)
    items = prepared.stored_claims(seed_store, articles, [found[i] for i in ids], Settings())
    assert [i.article_id for i in items] == ids
    assert seed_store.article_claims(ids)[ids[0]] == old


def test_changed_annotations_drop_the_claims_made_from_them(tmp_path):
    from newsweave.models import ArticleClaims
    from newsweave.store import open_store

    from .helpers import bridge_article

    with open_store(str(tmp_path / "t.db")) as store:
        article = bridge_article(1)
        store.add_article(article)
        store.save_annotations(Annotations(article_id=article.id, sentences=(Sentence(0, 0, 7, "Council"),)))
        store.save_article_claims(ArticleClaims(article_id=article.id, stamp="s"))
        assert list(store.article_claims([article.id])) == [article.id]
        store.save_annotations(Annotations(article_id=article.id))
        assert store.article_claims([article.id]) == {}


def test_claims_stamp_follows_the_code_that_makes_them(monkeypatch):
    before = prepared.source_digest(prepared.SOURCES)
    assert prepared.source_digest(prepared.SOURCES) == before
    assert prepared.source_digest(prepared.SOURCES[:-1]) != before
    assert prepared.source_digest(prepared.SOURCES, "spacy=9") != before
