from click.testing import CliRunner

from newsweave.cli import cli

from ..helpers import DOSSIER_SEED as FIXTURE


def test_report_from_a_dossier_file(tmp_path):
    out = tmp_path / "seed.html"
    r = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--dossier", str(FIXTURE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == str(out.resolve())
    html = out.read_text(encoding="utf-8")
    assert html.count('<tr class="row s-corroborated"') == 13 and "2025-01-11" in html


def test_report_usage_errors(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "abc", "--dossier", str(FIXTURE)])
    assert r.exit_code == 2 and "exactly one of" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--dossier", str(bad)])
    assert r.exit_code == 1 and "not a dossier JSON file" in r.output
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "nosuchstory", "-o", str(tmp_path / "r.html")])
    assert r.exit_code == 1 and "no story with id 'nosuchstory'" in r.output
