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
    from newsweave.store import open_store

    open_store(str(tmp_path / "e.db")).close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.db"), "dossier", "all"])
    assert result.exit_code == 1 and "no articles" in result.output


def test_json_and_markdown_together_are_refused(seed_dir, tmp_path):
    from newsweave.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "compare", str(seed_dir), "--json",
                                      "--markdown"])
    assert result.exit_code == 2 and "--json" in result.output and "--markdown" in result.output
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "dossier", "all", "--markdown", "--json"])
    assert result.exit_code == 2 and "at most one" in result.output


def test_seed_pair_without_metadata_keeps_its_corroborated_facts_and_warns(seed_dir, tmp_path):
    """Nothing names the outlets of two bare text files: each counts as a source of its own (not one "unknown"
    outlet), and the user is told how to name them."""
    import shutil

    from newsweave.cli import cli

    for name in ("ukrainska-pravda.txt", "washington-post.txt"):
        shutil.copy(seed_dir / name, tmp_path / name)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "compare", str(tmp_path / "ukrainska-pravda.txt"),
                                      str(tmp_path / "washington-post.txt"), "--json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.stdout)["stories"][0]
    assert sum(f["status"] == "corroborated" for f in story["facts"]) >= 10
    assert {a["outlet"] for a in story["articles"]} == {"unknown (ukrainska-pravda.txt)",
                                                        "unknown (washington-post.txt)"}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2 and all("--outlet" in w and "meta.json" in w for w in warnings)


def _story_without_dossier(tmp_path) -> tuple[str, str]:
    from newsweave.models import Article, Story
    from newsweave.store import open_store

    db = str(tmp_path / "p.db")
    with open_store(db) as store:
        for name in ("a", "b"):
            store.add_article(Article(id=f"art{name}", outlet=f"Outlet {name}", title=f"Story {name}",
                                      text=f"Story {name}\n\nThe dam held, engineers said.\n"))
        store.save_story(Story(id="s1", title="Dam", first=None, last=None, article_ids=("arta", "artb")))
    return db, "s1"


def test_first_dossier_shows_progress_on_stderr_only_and_json_stays_clean(tmp_path, computed):
    from newsweave.cli import cli

    db, story = _story_without_dossier(tmp_path)
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", db, "dossier", story, "--json", "--progress"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["stories"][0]["id"] == story
    lines = first.stderr.splitlines()
    assert lines[0].startswith("dossier: comparing the articles (") and lines[-1].startswith("dossier: ready (")
    again = runner.invoke(cli, ["--db", db, "dossier", story, "--json", "--progress"])  # saved and current
    assert again.exit_code == 0 and again.stderr == "" and len(computed) == 1


def test_progress_is_off_off_a_terminal_unless_asked(tmp_path, computed):
    from newsweave.cli import cli

    db, story = _story_without_dossier(tmp_path)
    result = CliRunner().invoke(cli, ["--db", db, "story", story, "--json"])
    assert result.exit_code == 0 and result.stderr == "" and len(computed) == 1
    report = CliRunner().invoke(cli, ["--db", db, "report", story, "-o", str(tmp_path / "r.html"), "--progress"])
    assert report.exit_code == 0 and report.stderr == ""  # the dossier `story` saved is current: nothing computed
