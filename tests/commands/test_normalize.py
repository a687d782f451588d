import json

from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.store import open_store

from ..normalize.helpers import SEED, seed_articles


def invoke(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_analyze_path_json(tmp_path):
    result = invoke(tmp_path / "a.db", "analyze", str(SEED / "washington-post.txt"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    ann = data["annotations"]
    assert ann["sentences"][0]["is_headline"]
    assert any(e["text"] == "SBU" for e in ann["entities"])
    assert any(a["cue"] == "wrote" for a in ann["attributions"])
    assert any("SBU" in c["aliases"] for c in data["canonical_entities"])


def test_analyze_stored_id_saves_annotations_and_tables(tmp_path):
    db = tmp_path / "b.db"
    article = seed_articles()[1]
    with open_store(str(db)) as store:
        store.add_article(article)
    result = invoke(db, "analyze", article.id[:8])
    assert result.exit_code == 0, result.output
    assert "attributions" in result.output and "Zelensky" in result.output
    with open_store(str(db)) as store:
        saved = store.get_annotations(article.id)
    assert saved is not None and saved.entities


def test_analyze_path_prints_the_id_the_file_gets_when_added(tmp_path):
    db = tmp_path / "d.db"
    path = str(SEED / "washington-post.txt")
    added = invoke(db, "add", path, "--outlet", "WaPo")
    assert added.exit_code == 0, added.output
    (stored,) = json.loads(invoke(db, "articles", "--json").output)
    shown = json.loads(invoke(db, "analyze", path, "--json").output)
    assert shown["article"]["id"] == stored["id"]  # the stored article of this file, added with a flag
    flagged = json.loads(invoke(tmp_path / "none.db", "analyze", path, "--outlet", "WaPo", "--json").output)
    assert flagged["article"]["id"] == stored["id"]  # the same flag, no store: the same id


def test_analyze_unknown_id_is_a_one_line_error(tmp_path):
    open_store(str(tmp_path / "c.db")).close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "analyze", "nosuchid"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1


def test_entities_over_stored_articles(tmp_path):
    db = tmp_path / "d.db"
    with open_store(str(db)) as store:
        for article in seed_articles():
            store.add_article(article)
    result = invoke(db, "entities", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    zelensky = next(c for c in found if "Zelensky" in c["aliases"])
    assert "Zelenskyy" in zelensky["aliases"] and zelensky["reasons"]
    table = invoke(db, "entities")
    assert table.exit_code == 0 and "SBU" in table.output
