"""Settings are read once, at the edge: defaults, then a config file, then the environment, then flags."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsweave.cli import cli
from newsweave.config import ClusterConfig, Settings


def test_a_config_file_sets_the_store_and_the_environment_and_flags_override_it(tmp_path):
    config = tmp_path / "settings.json"
    config.write_text(json.dumps({"db": "from-file.db", "embedder": "static"}), encoding="utf-8")
    assert Settings.from_sources(config=config, environ={}).db == "from-file.db"
    from_env = Settings.from_sources(config=config, environ={"NEWSWEAVE_DB": "from-env.db"})
    assert (from_env.db, from_env.embedder) == ("from-env.db", "static")
    flagged = Settings.from_sources(config=config, environ={"NEWSWEAVE_DB": "from-env.db"}, db="flag.db")
    assert flagged.db == "flag.db"


def test_every_environment_variable_lands_in_one_setting():
    environ = {"NEWSWEAVE_DB": "a.db", "NEWSWEAVE_CACHE": "/tmp/c", "NEWSWEAVE_SAME_FACT": "lr",
               "NEWSWEAVE_TOKEN": "secret"}
    settings = Settings.from_sources(environ=environ)
    assert (settings.db, settings.cache_dir, settings.same_fact, settings.token) == ("a.db", "/tmp/c", "lr", "secret")


def test_unknown_settings_and_scorer_modes_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown settings: colour"):
        Settings.from_sources(environ={}, colour="red")
    with pytest.raises(ValueError, match="same_fact must be one of"):
        Settings.from_sources(environ={"NEWSWEAVE_SAME_FACT": "bert"})


def test_the_story_embedder_choice_reaches_the_clusterer():
    assert Settings(story_embedder="none").cluster().embedder is None
    assert Settings(story_embedder="static", cache_dir="/tmp/c").cluster() == ClusterConfig(
        embedder="static", cache_dir="/tmp/c")


def test_the_cli_reads_the_store_path_from_a_config_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_DB", raising=False)
    config = tmp_path / "settings.json"
    config.write_text(json.dumps({"db": str(tmp_path / "configured.db")}), encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text("Flood waters rose in the valley on Monday.\n\nResidents were moved to higher ground.",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "add", str(article), "--outlet", "Herald"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "configured.db").exists()
