"""What changed for a reader (newsweave.changes): new stories and new articles, new conflicts, updated figures, each
recorded once in the store's change log."""
from __future__ import annotations

from newsweave import changes
from newsweave.models import Story


def _value(article, outlet, low, text):
    return {"article": article, "outlet": outlet, "low": low, "high": low, "qualifier": "exact", "unit": "",
            "counted": "people killed", "text": text}


def _dossier(articles, facts):
    return {"schema": "newsweave.dossier/1", "stories": [
        {"id": "s1", "title": "Bridge collapse", "articles": [{"id": a, "outlet": a.upper()} for a in articles],
         "facts": facts}]}


TOLL_10 = {"id": "f1", "status": "corroborated", "label": "10 people were killed",
           "claims": [{"article": "a", "outlet": "A", "text": "10 people were killed."}],
           "values": [_value("a", "A", 10, "10")], "conflicts": []}
TOLL_12 = {**TOLL_10, "status": "conflicting",
           "claims": TOLL_10["claims"] + [{"article": "b", "outlet": "B", "text": "12 people were killed."}],
           "values": [_value("a", "A", 10, "10"), _value("b", "B", 12, "12")],
           "conflicts": [{"kind": "number", "explanation": "10 vs 12",
                          "a": {"article": "a", "outlet": "A", "text": "10 people were killed.", "value": 10},
                          "b": {"article": "b", "outlet": "B", "text": "12 people were killed.", "value": 12}}]}


def test_a_story_of_new_articles_is_new_and_a_known_one_grows():
    stories = [Story(id="s1", title="t1", first=None, last=None, article_ids=("a", "b")),
               Story(id="s2", title="t2", first=None, last=None, article_ids=("c", "d")),
               Story(id="s3", title="t3", first=None, last=None, article_ids=("e",))]
    found = changes.story_changes(stories, ["a", "b", "d"], {"d": {"outlet": "D", "title": "late report"}})
    kinds = {c["story_id"]: c["kind"] for c in found}
    assert kinds == {"s1": "new_story", "s2": "new_articles"}  # s3 got nothing new
    grew = next(c for c in found if c["story_id"] == "s2")
    assert grew["data"]["articles"] == [{"id": "d", "outlet": "D", "title": "late report", "published": None}]


def test_a_later_article_with_another_toll_is_an_updated_figure_and_a_new_conflict():
    found = changes.dossier_changes("s1", _dossier(["a"], [TOLL_10]), _dossier(["a", "b"], [TOLL_12]))
    kinds = sorted(c["kind"] for c in found)
    assert kinds == ["new_conflict", "updated_figure"]
    figure = next(c for c in found if c["kind"] == "updated_figure")["data"]
    assert figure["now"]["value"] == "12" and [b["value"] for b in figure["before"]] == ["10"]
    assert figure["explanation"] == "people killed: 10 -> 12 (B)"


def test_nothing_changes_when_the_dossier_is_the_same_and_a_first_dossier_has_no_updates():
    assert changes.dossier_changes("s1", _dossier(["a", "b"], [TOLL_12]), _dossier(["a", "b"], [TOLL_12])) == []
    first = changes.dossier_changes("s1", None, _dossier(["a", "b"], [TOLL_12]))
    assert [c["kind"] for c in first] == ["new_conflict"]  # new to the reader; no figure moved in their sight


def test_a_change_is_recorded_once(fresh_store):
    found = changes.dossier_changes("s1", _dossier(["a"], [TOLL_10]), _dossier(["a", "b"], [TOLL_12]))
    assert len(changes.record(fresh_store, found)) == 2
    assert changes.record(fresh_store, found) == []
    logged = fresh_store.changes()
    assert [c["kind"] for c in logged] == ["updated_figure", "new_conflict"]  # newest first
    assert fresh_store.changes(since=logged[0]["seq"]) == [] and fresh_store.last_change() == logged[0]["seq"]
