"""`newsweave report`: the HTML report of a dossier file, of a stored story (by id or the largest) and of files
compared on the spot; usage errors."""
from click.testing import CliRunner

from newsweave.cli import cli

from ..helpers import DOSSIER_SEED as FIXTURE, FIXTURES as ROOT_FIXTURES
from ..present.helpers import check_inert


def test_report_from_a_dossier_file(tmp_path):
    out = tmp_path / "seed.html"
    r = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--dossier", str(FIXTURE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == str(out.resolve())
    html = out.read_text(encoding="utf-8")
    assert html.count('<tr class="row filterable s-corroborated"') == 13 and "2025-01-11" in html


def test_report_usage_errors(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "abc", "--dossier", str(FIXTURE)])
    assert r.exit_code == 2 and "exactly one of" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--dossier", str(bad)])
    assert r.exit_code == 1 and "not a dossier JSON file" in r.output
    from newsweave.store import open_store

    open_store(str(tmp_path / "x.db")).close()
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "nosuchstory", "-o", str(tmp_path / "r.html")])
    assert r.exit_code == 1 and "no story with id 'nosuchstory'" in r.output
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "a", "b"])
    assert r.exit_code == 2 and "one STORY_ID" in r.output
    r = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--compare", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "missing.txt" in r.output


def test_report_of_a_stored_story_by_id_or_the_largest(seed_db, tmp_path):
    from click.testing import CliRunner

    from newsweave.cli import cli

    db, story_id = seed_db
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli, ["--db", db, "report", story_id, "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Coverage matrix" in html
    check_inert(html)
    r = CliRunner().invoke(cli, ["--db", db, "report", "-o", str(out)])
    assert r.exit_code == 2
    r = CliRunner().invoke(cli, ["--db", db, "report", "--largest", "-o", str(out)])
    assert r.exit_code == 0 and f"dossier {story_id}" in out.read_text(encoding="utf-8")


def test_report_compare_paths_uses_the_real_pipeline(tmp_path, seed_db):
    from click.testing import CliRunner

    from newsweave.cli import cli

    seed = ROOT_FIXTURES.parents[1] / "examples" / "seed-pair"
    out = tmp_path / "report.html"
    r = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "report", "--compare", str(seed), "--meta",
                                 str(seed / "meta.json"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert html.count('<tr class="row filterable s-corroborated"') >= 10 and "2025-01-11" in html
    check_inert(html)


def test_report_compare_takes_several_paths_after_one_flag(tmp_path, computed):
    from click.testing import CliRunner

    from newsweave.cli import cli

    seed = ROOT_FIXTURES.parents[1] / "examples" / "seed-pair"
    out = tmp_path / "report.html"
    for args in (["--compare", str(seed / "ukrainska-pravda.txt"), str(seed / "washington-post.txt")],
                 ["--compare", str(seed / "ukrainska-pravda.txt"), "--compare", str(seed / "washington-post.txt")]):
        r = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "report", *args, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert len(computed[-1][0]) == 2  # both files compared as one story
