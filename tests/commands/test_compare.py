"""Wire copies count as one source; the CLI prints the dossier as JSON and Markdown."""
from __future__ import annotations

import json
from dataclasses import replace

from click.testing import CliRunner

TEXT = ("Floods kill dozens in Valencia\n\nAt least 95 people were killed by flash floods in the Valencia region of "
        "Spain on Tuesday, regional authorities said. Rescue teams are searching for dozens of missing people.")
OTHER = ("Spain floods leave many dead\n\nFlash floods in the Valencia region of Spain killed at least 95 people on "
         "Tuesday, according to regional authorities. The government declared three days of mourning.")


def test_wire_copy_counts_once():
    from newsweave.compare.story import article_from_item
    from newsweave.compare import compare

    original = article_from_item({"text": TEXT, "outlet": "AP", "published": "2024-10-30"})
    copy = replace(article_from_item({"text": TEXT, "outlet": "Local Daily", "published": "2024-10-30"}, 1),
                   copy_of=original.id)
    story = compare([original, copy]).to_dict()["stories"][0]
    assert story["facts"] and all(f["status"] == "single_source" for f in story["facts"])
    assert any("copy" in f["explanation"] for f in story["facts"])
    third = article_from_item({"text": OTHER, "outlet": "El Pais", "published": "2024-10-30"}, 2)
    story = compare([original, copy, third]).to_dict()["stories"][0]
    floods = [f for f in story["facts"] if any("95" in c["text"] for c in f["claims"])]
    assert floods and floods[0]["status"] == "corroborated"
    assert "El Pais" in floods[0]["explanation"] and "2 independent" in floods[0]["explanation"]


def test_cli_compare_json_and_markdown(seed_dir, tmp_path):
    from newsweave.cli import cli

    files = [str(seed_dir / "ukrainska-pravda.txt"), str(seed_dir / "washington-post.txt")]
    runner = CliRunner()
    db = str(tmp_path / "n.db")
    result = runner.invoke(cli, ["--db", db, "compare", *files, "--meta", str(seed_dir / "meta.json"), "--json"])
    assert result.exit_code == 0, result.output
    dossier = json.loads(result.output)
    story = dossier["stories"][0]
    assert dossier["schema"] == "newsweave.dossier/1" and len(story["articles"]) == 2
    assert sum(f["status"] == "corroborated" for f in story["facts"]) >= 10
    assert {a["outlet"] for a in story["articles"]} == {"Ukrainska Pravda", "The Washington Post"}
    result = runner.invoke(cli, ["--db", db, "compare", *files, "--meta", str(seed_dir / "meta.json"), "--store",
                                 "--markdown"])
    assert result.exit_code == 0, result.output
    assert "## Corroborated" in result.output and "## Single source" in result.output
    result = runner.invoke(cli, ["--db", db, "dossier", "all", "--markdown"])
    assert result.exit_code == 0 and "## Corroborated" in result.output


def test_cli_dossier_empty_store(tmp_path):
    from newsweave.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.db"), "dossier", "all"])
    assert result.exit_code == 1 and "no articles" in result.output
