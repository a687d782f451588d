"""The `newsweave` command: a click group; each command opens the store, calls the library, formats output.

Commands live in ``newsweave/commands/<stage>.py`` and are registered here. Library errors become one-line
messages; exit codes: 0 all good, 1 some items failed, 2 usage errors.
"""
from __future__ import annotations

import dataclasses
import importlib
import sys

import click

from .errors import NewsweaveError
from .config import Settings

COMMAND_MODULES = ("ingest", "normalize", "compare", "stories", "present", "web", "watch", "spark")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, help="SQLite database path (default: newsweave.db, env NEWSWEAVE_DB).")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="JSON settings file.")
@click.version_option(package_name="newsweave")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None) -> None:
    """newsweave: compare how outlets report one story, claim by claim."""
    try:
        ctx.obj = Settings.from_sources(config=config, db=db)
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"settings: {exc}") from exc


def _db_after_command(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--db`` given after the command overrides the one before it (and the settings)."""
    if value is not None and ctx.obj is not None:
        ctx.obj = dataclasses.replace(ctx.obj, db=value)


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"newsweave.commands.{name}")
        for command in module.COMMANDS:
            command.params.append(click.Option(["--db"], default=None, metavar="PATH", expose_value=False,
                                               callback=_db_after_command, help="SQLite database path (as before "
                                               "the command)."))
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="newsweave", standalone_mode=True)
    except NewsweaveError as exc:  # pragma: no cover - commands convert their own errors
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
