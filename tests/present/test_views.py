import copy

from hypothesis import given
from hypothesis import strategies as st

from newsweave.present import views


def test_story_summary_counts_and_outlets(dossier):
    v = views.dossier_view(dossier)
    assert v["story"]["outlets"] == ["Ukrainska Pravda", "The Washington Post"]
    assert v["story"]["counts"] == {"corroborated": 13, "conflicting": 0, "updated": 0, "single_source": 9}
    assert v["story"]["articles"] == 2


def test_matrix_rows_cells_and_sort(dossier):
    m = views.dossier_view(dossier)["matrix"]
    assert m["columns"] == ["Ukrainska Pravda", "The Washington Post"]
    corroborated = [r for r in m["rows"] if r["status"] == "corroborated"]
    assert len(corroborated) >= 10 and all(all(c["reports"] for c in r["cells"]) for r in corroborated)
    single = [r for r in m["rows"] if r["status"] == "single_source"]
    assert all(sum(c["reports"] for c in r["cells"]) == 1 for r in single)
    assert m["rows"][0]["status"] == "corroborated" and m["rows"][-1]["status"] == "single_source"
    tuva = next(r for r in m["rows"] if "Tuva" in r["label"])
    assert [c["status"] for c in tuva["cells"]] == ["single_source", "absent"]


def test_fact_claims_highlight_clause(dossier):
    f = views.dossier_view(dossier)["facts"][0]
    wp = f["claims"][1]
    assert "".join(p["text"] for p in wp["parts"]) == wp["text"]
    marked = [p["text"] for p in wp["parts"] if p["mark"]]
    assert marked == ["Ukraine has captured two wounded North Korean soldiers from the battlefield in Russia’s "
                      "Kursk region"]


def test_fact_without_clause_marks_shared_words(dossier):
    fact = dossier["stories"][0]["facts"][2]  # the 'not an easy task' quote: no clause offsets
    v = views.fact_view(fact, dossier["stories"][0]["articles"], 0)
    marked = {p["text"] for c in v["claims"] for p in c["parts"] if p["mark"]}
    assert any("easy task" in m for m in marked)


def test_numbers_panel_groups_values_by_what_is_counted(dossier):
    numbers = views.dossier_view(dossier)["numbers"]
    troops = next(n for n in numbers if n["counted"] == "North Korean troops deployed")
    assert troops["reports"][0]["display"] == "at least 11,000" and troops["chart"]["bars"][0]["open"]
    age = next(n for n in numbers if n["counted"] == "age of the first soldier")
    assert {r["outlet"] for r in age["reports"]} == {"Ukrainska Pravda", "The Washington Post"}


def test_numbers_panel_shows_a_spread_of_values():
    fact = {"id": "f", "status": "conflicting", "claims": [], "values": [
        {"outlet": o, "article": o, "text": str(n), "low": n, "high": n, "qualifier": "exact", "counted": "dead"}
        for o, n in (("A", 30), ("B", 40), ("C", 42), ("D", 43))]}
    panel = views.dossier_view({"stories": [{"facts": [fact]}]})["numbers"][0]
    assert [r["display"] for r in panel["reports"]] == ["30", "40", "42", "43"]
    widths = [b["w"] for b in panel["chart"]["bars"]]
    assert widths == sorted(widths) and panel["distinct"] == 4


def test_timeline_has_capture_day_linked_to_fact(dossier):
    tl = views.dossier_view(dossier)["timeline"]
    day = next(e for e in tl["events"] if e["begin"] == "2025-01-11")
    assert day["date"] == "2025-01-11" and day["texts"] == ["Saturday"]
    assert day["facts"] == [dossier["stories"][0]["facts"][0]["id"]]
    xs = [e["x"] for e in tl["events"]]
    assert xs == sorted(xs) and all(20 <= x <= tl["width"] - 20 for x in xs)


def test_quotes_grouped_by_canonical_speaker(dossier):
    quotes = views.dossier_view(dossier)["quotes"]
    zel = next(q for q in quotes if q["speaker"] == "Volodymyr Zelensky")
    both = [q for q in zel["quotes"] if len(q["wordings"]) == 2]
    assert len(both) == 2 and {w["outlet"] for w in both[0]["wordings"]} == {"Ukrainska Pravda",
                                                                          "The Washington Post"}


def test_entities_with_aliases(dossier):
    ents = {e["name"]: e for e in views.dossier_view(dossier)["entities"]}
    assert ents["Security Service of Ukraine"]["aliases"] == ["SBU", "SSU"]


def test_conflict_view_names_both_values(dossier):
    d = copy.deepcopy(dossier)
    d["stories"][0]["facts"][0]["status"] = "conflicting"
    d["stories"][0]["facts"][0]["conflicts"] = [{"kind": "number", "a": {"article": "x", "text": "t", "value": 30},
                                                 "b": {"article": "y", "text": "u", "value": 43},
                                                 "explanation": "30 vs 43"}]
    f = views.dossier_view(d)["facts"][0]
    conflict = f["conflicts"][0]
    assert f["status_label"] == "conflicting" and (conflict["a"]["value"], conflict["b"]["value"]) == ("30", "43")


def test_story_list_view(dossier):
    lst = views.story_list_view(dossier["stories"])
    assert lst["stories"][0]["outlets"] == ["Ukrainska Pravda", "The Washington Post"]
    assert lst["stories"][0]["first"] == "2025-01-11"


def test_empty_and_malformed_dossiers_do_not_crash():
    for d in ({}, {"stories": []}, {"stories": [{"facts": [{"claims": [{"text": 3, "start": "x"}]}]}]},
              {"facts": [{"status": "weird", "times": [{"begin": "not a date"}], "values": [{"low": "x"}]}]}):
        v = views.dossier_view(d)
        assert v["schema"] == views.VIEW_SCHEMA


@given(st.text(max_size=80))
def test_safe_url_only_http(url):
    out = views.safe_url(url)
    assert out is None or out.lower().startswith(("http://", "https://"))


def test_safe_url_examples():
    assert views.safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.com", "/local",
                'https://x.com/"onmouseover="alert(1)', "http://"):
        assert views.safe_url(bad) is None


@given(st.text(max_size=60), st.integers(-5, 70), st.integers(-5, 70))
def test_highlight_parts_rebuild_the_sentence(text, lo, hi):
    claim = {"text": text, "start": 0, "clause_start": lo, "clause_end": hi}
    parts = views.highlight_parts(claim, [{"text": text[::-1]}])
    assert "".join(p["text"] for p in parts) == text
