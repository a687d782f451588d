"""The `newsweave` group: --db before or after the command, read commands refuse a store that does not exist."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from newsweave.cli import cli

READ_COMMANDS = [["articles"], ["article", "abc"], ["stories"], ["story", "abc"], ["recluster"], ["dossier", "all"],
                 ["entities"], ["analyze", "abc"], ["report", "abc"], ["serve", "--get", "/"]]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path, args):
    db = tmp_path / "typo" / "nosuch.db"
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 1, result.output
    assert "no such store" in result.output and str(db) in result.output
    assert not db.exists() and not db.parent.exists()  # nothing created, not even the folder


def test_add_creates_the_store_and_its_folder(tmp_path, seed_dir):
    db = tmp_path / "new" / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "add", str(seed_dir)])
    assert result.exit_code == 0, result.output
    assert db.is_file()


def test_db_is_accepted_after_the_command(tmp_path, seed_dir):
    db = str(tmp_path / "after.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["add", str(seed_dir), "--db", db])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["articles", "--json", "--db", db])
    assert listed.exit_code == 0 and listed.output.count('"outlet"') == 2


def test_db_after_the_command_overrides_the_one_before(tmp_path, seed_dir):
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    result = CliRunner().invoke(cli, ["--db", str(before), "add", str(seed_dir), "--db", str(after)])
    assert result.exit_code == 0, result.output
    assert after.is_file() and not before.exists()


def test_db_after_the_command_overrides_the_environment(tmp_path, seed_dir, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(cli, ["add", str(seed_dir), "--db", str(tmp_path / "flag.db")])
    assert result.exit_code == 0, result.output
    assert os.path.exists(tmp_path / "flag.db") and not os.path.exists(tmp_path / "env.db")
