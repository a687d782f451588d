"""CLI commands by stage; each module exposes COMMANDS, a tuple of click commands registered by ``cli``."""
from __future__ import annotations

import click

from ..errors import NewsweaveError
from ..config import Settings
from ..store import Store, open_store


def open_db(ctx: click.Context, create: bool = False) -> Store:
    """The store at the settings' path. Only commands that add articles create it (``create``); the others refuse a
    store that does not exist rather than answer from an empty one."""
    settings: Settings = ctx.obj
    try:
        return open_store(settings.db, create=create)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
