"""Rows of the output tables carry what the store keeps: an article and its annotations read back from a row equal
the ones the store gives back; facts rows follow the dossier; without Java the Spark tests say what is missing."""
from __future__ import annotations

import json

from newsweave.models import Annotations, Article, Entity, Segment, Sentence, Story, article_id, content_hash
from newsweave.scale import java_missing, layout


def _article() -> Article:
    text = "Kyiv, Jan 11 - Two soldiers were captured."
    return Article(id=article_id(text, "Wire"), outlet="Wire", title="Two soldiers", text=text, original=text,
                   segments=(Segment(0, 0, len(text)),), published="2025-01-11", language="en", path="a.txt",
                   inferred=("language",), extra={"tags": ["war", "ukraine"], "when": object.__name__, "n": 3})


def test_an_article_row_reads_back_as_the_store_gives_it(fresh_store):
    article = _article()
    fresh_store.add_article(article)
    row = layout.article_row(article, 1, [5, 7])
    assert layout.article_from_row(row) == fresh_store.get_article(article.id) == layout.as_stored(article)
    assert row["minhash"] == [5, 7] and json.loads(row["extra"]) == {"n": 3, "tags": ["war", "ukraine"],
                                                                    "when": "object"}


def test_annotations_json_is_the_stores_text(fresh_store):
    article = _article()
    annotations = Annotations(article_id=article.id, sentences=(Sentence(0, 0, 10, "Kyiv, Jan"),),
                              entities=(Entity(0, 4, "Kyiv", "GPE", "Kyiv", 0),))
    fresh_store.add_article(article)
    fresh_store.save_annotations(annotations)
    data = layout.annotations_json(annotations)
    assert fresh_store.annotation_digests([article.id])[article.id] == content_hash(data)
    assert layout.annotations_from_json(data) == fresh_store.get_annotations(article.id)


def test_story_rows_round_trip_and_fact_rows_follow_the_dossier():
    story = Story(id="s1", title="T", first="2025-01-11", last="2025-01-12", article_ids=("a", "b"),
                  scores=(1.0, 0.5), entities=("Kyiv",))
    assert layout.story_from_row(layout.story_row(story, 0)) == story
    fact = {"id": "f1", "status": "corroborated", "label": "L", "explanation": "E", "partial": False,
            "outlets": ["A", "B"], "says_more": [], "claims": [{"article": "a"}, {"article": "b"}, {"article": "a"}]}
    rows = list(layout.fact_rows("s1", {"stories": [{"facts": [fact]}]}))
    assert [(r["story_id"], r["position"], r["articles"], r["claims"]) for r in rows] == [("s1", 0, ["a", "b"], 3)]
    assert json.loads(rows[0]["data"]) == fact


def test_every_table_has_a_spark_schema():
    for table in layout.COLUMNS:
        assert layout.ddl(table).count("`") == 2 * len(layout.COLUMNS[table])


def test_without_java_the_message_names_it(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    assert "Java 17" in java_missing() and "openjdk-17-jre-headless" in java_missing()


def test_a_java_under_java_home_counts(monkeypatch, tmp_path):
    monkeypatch.setattr("shutil.which", lambda name: None)
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert java_missing() is None
