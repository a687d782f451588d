"""`newsweave compare` and `newsweave dossier`: the dossier printed as JSON and Markdown, an empty store refused."""
from __future__ import annotations

import json

from click.testing import CliRunner


def test_compare_prints_the_dossier_as_json_and_markdown(seed_dir, tmp_path):
    from newsweave.cli import cli

    files = [str(seed_dir / "ukrainska-pravda.txt"), str(seed_dir / "washington-post.txt")]
    runner = CliRunner()
    db = str(tmp_path / "n.db")
    result = runner.invoke(cli, ["--db", db, "compare", *files, "--meta", str(seed_dir / "meta.json"), "--json"])
    assert result.exit_code == 0, result.output
    dossier = json.loads(result.output)
    story = dossier["stories"][0]
    assert dossier["schema"] == "newsweave.dossier/2" and len(story["articles"]) == 2
    assert sum(f["status"] == "corroborated" for f in story["facts"]) >= 10
    assert {a["outlet"] for a in story["articles"]} == {"Ukrainska Pravda", "The Washington Post"}
    result = runner.invoke(cli, ["--db", db, "compare", *files, "--meta", str(seed_dir / "meta.json"), "--store",
                                 "--markdown"])
    assert result.exit_code == 0, result.output
    assert "## Corroborated" in result.output and "## Single source" in result.output
    result = runner.invoke(cli, ["--db", db, "dossier", "all", "--markdown"])
    assert result.exit_code == 0 and "## Corroborated" in result.output


def test_dossier_of_an_empty_store_is_an_error(tmp_path):
    from newsweave.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.db"), "dossier", "all"])
    assert result.exit_code == 1 and "no articles" in result.output
