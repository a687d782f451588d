"""Docs are tested: every CLI command has help text and appears in the README."""
from pathlib import Path

import pytest

from newsweave.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_documented(name):
    command = cli.commands[name]
    assert (command.help or "").strip(), f"command {name} has no help text"
    assert f"`newsweave {name}" in README, f"command {name} is missing from README.md"


def test_quick_start_is_two_commands():
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in block.splitlines() if line.strip()] == ["make demo", "make test"]
