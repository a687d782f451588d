"""`newsweave spark run` then `newsweave import`: the output lands in a store where `stories`, `dossier`, `report`
and `serve` work as on articles added one by one; a bad input is one error line and exit code 1."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsweave.cli import cli


def test_spark_run_then_import_then_browse(spark, seed_dir, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    out, db = str(tmp_path / "out"), str(tmp_path / "imported.db")
    runner = CliRunner()
    ran = runner.invoke(cli, ["spark", "run", str(seed_dir), str(tmp_path / "bad.txt"), "--out", out,
                              "--master", "local[2]", "--partitions", "2"])
    assert ran.exit_code == 1, ran.output
    assert ran.stderr.strip() == f"error: {tmp_path / 'bad.txt'}: empty input"
    assert ran.stdout.strip() == f"articles 2, duplicates 0, copies 0, stories 1, dossiers 1, errors 1 -> {out}"
    imported = runner.invoke(cli, ["--db", db, "import", out])
    assert imported.exit_code == 0 and imported.output.strip() == \
        "imported 2 articles (0 already there), 1 stories, 1 dossiers"
    again = runner.invoke(cli, ["--db", db, "import", out])
    assert again.output.strip() == "imported 0 articles (2 already there), 1 stories, 1 dossiers"
    stories = json.loads(runner.invoke(cli, ["--db", db, "stories", "--json"]).output)
    assert len(stories) == 1 and len(stories[0]["articles"]) == 2
    story_id = stories[0]["id"]
    written = json.loads(next((tmp_path / "out" / "dossiers").glob("part-*")).read_text(encoding="utf-8"))
    dossier = json.loads(runner.invoke(cli, ["--db", db, "dossier", story_id, "--json"]).output)
    assert dossier["stories"][0]["facts"] == written["stories"][0]["facts"] != []
    report = runner.invoke(cli, ["--db", db, "report", story_id, "-o", str(tmp_path / "r.html")])
    assert report.exit_code == 0 and "Zelensky" in (tmp_path / "r.html").read_text(encoding="utf-8")
    page = runner.invoke(cli, ["--db", db, "serve", "--get", f"/story/{story_id}.json"])
    assert page.exit_code == 0 and story_id in page.output


def test_import_of_a_folder_that_is_no_output_is_one_error_line(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "import", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path}: not the output of a Spark run (no run table)"
