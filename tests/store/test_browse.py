"""Browsing the store (store/browse.py): stories and facts filtered by outlet, status, dates, entity, place and words,
sorted and paged, with facet counts; the indexes follow every write and are backfilled by their migration."""
from __future__ import annotations

import pytest

from newsweave.models import Annotations, Article, Entity, Story, article_id
from newsweave.store import Query, migrations, open_store

STORIES = {  # story -> [(outlet, published, text, entities)]
    "s1": [("AP", "2025-01-10", "Flood in Kyiv: 10 people were killed.",
            [("Kyiv", "GPE"), ("Vitali Klitschko", "PERSON")]),
           ("Reuters", "2025-01-11", "Kyiv flood kills 12, mayor says.", [("Kyiv", "GPE")])],
    "s2": [("AP", "2025-02-01", "Lviv opens new bridge.", [("Lviv", "GPE")])],
    "s3": [("BBC", "2025-03-05", "Storm hits Odesa port.", [("Odesa", "GPE"), ("UN", "ORG")])],
}
STATUSES = {"s1": ["conflicting", "corroborated"], "s2": ["single_source"], "s3": ["single_source", "corroborated"]}


def _fill(store) -> None:
    for sid, reports in STORIES.items():
        ids = []
        for outlet, published, text, ents in reports:
            article = Article(id=article_id(text, outlet), outlet=outlet, title=text, text=text, published=published)
            store.add_article(article)
            entities = tuple(Entity(start=text.find(name), end=text.find(name) + len(name), text=name, label=label,
                                    canonical=name) for name, label in ents)
            store.save_annotations(Annotations(article_id=article.id, entities=entities))
            ids.append(article.id)
        dates = [r[1] for r in reports]
        store.save_story(Story(id=sid, title=reports[0][2], first=min(dates), last=max(dates), article_ids=tuple(ids)))
        facts = [{"id": f"{sid}-f{i}", "status": status, "label": f"{status} fact of {sid}", "outlets": [reports[0][0]],
                  "claims": [{"article": ids[-1], "outlet": reports[-1][0], "text": reports[-1][2]}]}
                 for i, status in enumerate(STATUSES[sid])]
        entities = [{"name": name, "type": label, "aliases": [name]}
                    for _, _, _, ents in reports for name, label in ents]
        store.save_dossier(sid, {"schema": "newsweave.dossier/1",
                                 "stories": [{"id": sid, "facts": facts, "entities": entities}]})


@pytest.fixture()
def store(tmp_path):
    with open_store(str(tmp_path / "b.db")) as s:
        _fill(s)
        yield s


def _ids(result) -> list[str]:
    return [r["id"] for r in result["rows"]]


def test_story_filters_narrow_and_statuses_widen(store):
    assert _ids(store.browse_stories(Query(outlet=("AP",)))) == ["s2", "s1"]  # newest activity first
    assert _ids(store.browse_stories(Query(outlet=("AP", "Reuters")))) == ["s1"]
    assert _ids(store.browse_stories(Query(status=("conflicting", "single_source"), sort="title"))) == \
        ["s1", "s2", "s3"]
    assert _ids(store.browse_stories(Query(place=("Kyiv",)))) == ["s1"]
    assert _ids(store.browse_stories(Query(entity=("UN",)))) == ["s3"]
    assert _ids(store.browse_stories(Query(since="2025-01-11", until="2025-02-28"))) == ["s2", "s1"]
    assert _ids(store.browse_stories(Query(q="bridge"))) == ["s2"]
    assert store.browse_stories(Query(outlet=("Nobody",))) == {"rows": [], "total": 0}


def test_story_rows_carry_counts_and_sort_by_any_column(store):
    (row,) = store.browse_stories(Query(place=("Kyiv",)))["rows"]
    assert row["outlets"] == ["AP", "Reuters"] and row["articles"] == 2 and row["facts"] == 2
    assert row["counts"] == {"conflicting": 1, "corroborated": 1} and row["computed"]
    assert _ids(store.browse_stories(Query(sort="-articles"))) [0] == "s1"
    assert _ids(store.browse_stories(Query(sort="-corroborated")))[:2] == ["s1", "s3"]
    assert _ids(store.browse_stories(Query(sort="first"))) == ["s1", "s2", "s3"]
    page = store.browse_stories(Query(sort="first", limit=1, offset=1))
    assert _ids(page) == ["s2"] and page["total"] == 3


def test_facets_count_what_choosing_a_value_would_leave(store):
    facets = store.story_facets(Query(outlet=("AP",), status=("single_source",)))
    assert dict(facets["outlet"]) == {"AP": 1}  # what choosing a value would leave: AP's single-source story
    assert dict(facets["status"]) == {"conflicting": 1, "corroborated": 1, "single_source": 1}  # AP's stories
    assert dict(facets["place"]) == {"Lviv": 1}
    facets = store.story_facets(Query(outlet=("AP",)))
    assert dict(facets["outlet"]) == {"AP": 2, "Reuters": 1} and dict(facets["entity"]) == {"Vitali Klitschko": 1}


def test_facts_filtered_by_story_outlet_status_and_the_names_their_sentences_hold(store):
    facts = store.browse_facts(Query(status=("corroborated",)))
    assert [(r["story_id"], r["id"]) for r in facts["rows"]] == [("s1", "s1-f1"), ("s3", "s3-f1")]
    assert facts["rows"][0]["outlets"] == ["AP", "Reuters"] and facts["rows"][0]["first"] == "2025-01-11"
    assert [r["id"] for r in store.browse_facts(Query(story="s1"))["rows"]] == ["s1-f0", "s1-f1"]
    assert [r["id"] for r in store.browse_facts(Query(place=("Odesa",)))["rows"]] == ["s3-f0", "s3-f1"]
    assert store.browse_facts(Query(outlet=("BBC",), status=("corroborated",)))["total"] == 1
    facets = store.fact_facets(Query(story="s1"))
    assert dict(facets["status"]) == {"conflicting": 1, "corroborated": 1} and dict(facets["story"])["s3"] == 2


def test_indexes_follow_rewrites_and_deletions(store):
    store.save_dossier("s2", {"schema": "newsweave.dossier/1", "stories": [
        {"id": "s2", "facts": [{"id": "x", "status": "conflicting", "outlets": ["AP", "AP"], "claims": []}]}]})
    assert [r["id"] for r in store.browse_facts(Query(story="s2"))["rows"]] == ["x"]
    store.delete_story("s2")
    assert store.browse_facts(Query(story="s2"))["total"] == 0
    article = store.articles()[0]
    store.save_annotations(Annotations(article_id=article.id))  # re-annotated: no names any more
    assert "Vitali Klitschko" not in dict(store.story_facets(Query())["entity"])


def test_the_migration_backfills_the_indexes_of_an_older_store(store):
    before = (store.browse_stories(Query()), store.browse_facts(Query()), store.story_facets(Query()))
    store.conn.executescript(
        "DROP TABLE article_terms; DROP TABLE facts; DROP TABLE fact_outlets; DROP TABLE fact_terms; "
        "DROP TABLE story_outlets; DROP TABLE story_stats; "
        "DROP TRIGGER article_terms_ai; DROP TRIGGER article_terms_au; DROP TRIGGER article_terms_ad; "
        "DROP TRIGGER facts_ai; DROP TRIGGER facts_au; DROP TRIGGER facts_ad; "
        "DELETE FROM migrations WHERE name = '007_browse';")
    assert migrations.apply(store.conn) == ["007_browse"]
    assert (store.browse_stories(Query()), store.browse_facts(Query()), store.story_facets(Query())) == before


def test_stories_of_an_article(store):
    article = store.articles()[0]
    assert [s["id"] for s in store.stories_of_article(article.id)] == ["s1"]
    assert store.stories_of_article("nope") == []
