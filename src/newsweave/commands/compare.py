"""`newsweave compare PATH ...` and `newsweave dossier STORY_ID`: one story's facts, verdicts and conflicts."""
from __future__ import annotations

import os
import tempfile

import click

from ..dossiers import compare_stored
from ..errors import NewsweaveError
from ..present.output import print_json
from . import open_db
from .progress import DossierProgress
from .progress import option as progress_option

FORMATS = (click.option("--json", "as_json", is_flag=True, help="Print the JSON dossier (newsweave.dossier/2)."),
           click.option("--markdown", "as_markdown", is_flag=True, help="Print the dossier as Markdown."))


def _formats(fn):
    """Add --json and --markdown; the command receives ``fmt`` ("json", "markdown" or None), never both."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, as_json: bool, as_markdown: bool, **kwargs):
        if as_json and as_markdown:
            raise click.UsageError("give at most one of --json and --markdown")
        return fn(*args, fmt="json" if as_json else "markdown" if as_markdown else None, **kwargs)

    for option in reversed(FORMATS):
        wrapper = option(wrapper)
    return wrapper


def _show(dossier: dict, fmt: str | None) -> None:
    from ..present.dossier_text import print_dossier, to_markdown

    if fmt == "json":
        print_json(dossier)
    elif fmt == "markdown":
        click.echo(to_markdown(dossier), nl=False)
    else:
        print_dossier(dossier)


@click.command("compare")
@click.argument("paths", nargs=-1, required=True)
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSON sidecar with outlet/published/language per file.")
@click.option("--store", "use_store", is_flag=True,
              help="Ingest into the --db store (and save the dossier) instead of a temporary one.")
@_formats
@click.pass_context
def compare_command(ctx: click.Context, paths, meta_file, use_store, fmt) -> None:
    """Compare how the given articles report one story: corroborated, single-source and conflicting facts."""
    from ..pipeline import add_sources

    settings = ctx.obj
    with tempfile.TemporaryDirectory(prefix="newsweave-") as tmp:
        if use_store:
            store = open_db(ctx, create=True)
        else:
            from ..store import open_store
            store = open_store(os.path.join(tmp, "compare.db"))
        try:
            summary = add_sources(store, list(paths), settings, meta_file=meta_file, prepare=use_store)
            for line in summary.errors:
                click.echo(f"error: {line}", err=True)
            for line in summary.warnings:
                click.echo(f"warning: {line}", err=True)
            ids = _article_ids(store, summary, paths)
            if not ids:
                raise click.ClickException("no articles to compare")
            dossier = compare_stored(store, ids, settings=settings, prepare=use_store)
            if use_store:
                _save(store, dossier)
        except NewsweaveError as exc:
            raise click.ClickException(str(exc)) from exc
        finally:
            store.close()
    _show(dossier, fmt)
    if summary.errors:
        ctx.exit(1)


def _save(store, dossier: dict) -> None:
    """Record the compare run as one story (until clustering assigns stories) and keep its dossier."""
    from ..dossiers import save_dossier
    from ..models import Story

    item = dossier["stories"][0]
    dates = sorted(a["published"] for a in item["articles"] if a.get("published"))
    story = Story(id=item["id"], title=item["title"], first=dates[0] if dates else None,
                  last=dates[-1] if dates else None, article_ids=tuple(a["id"] for a in item["articles"]), origin="compare")
    store.save_story(story)
    save_dossier(store, story, dossier)


def _article_ids(store, summary, paths) -> list[str]:
    """Articles added now; when all were already stored (re-run with --store), those with matching paths."""
    if summary.article_ids:
        return list(summary.article_ids)
    wanted = {os.path.abspath(p) for p in paths}
    return [a.id for a in store.articles() if a.path and os.path.abspath(a.path) in wanted]


@click.command("dossier")
@click.argument("story_id")
@_formats
@progress_option
@click.pass_context
def dossier_command(ctx: click.Context, story_id: str, fmt, progress) -> None:
    """Dossier of a stored story (STORY_ID, or `all` for every stored article as one story)."""
    store = open_db(ctx)
    steps = DossierProgress(progress)
    try:
        if story_id == "all":
            ids = [a.id for a in store.articles()]
            if not ids:
                raise click.ClickException("the store holds no articles")
            dossier = compare_stored(store, ids, settings=ctx.obj, progress=steps)
        else:
            dossier = _stored_dossier(store, story_id, ctx.obj, steps)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    _show(dossier, fmt)


def _stored_dossier(store, story_id: str, settings, steps=None) -> dict:
    """The story's dossier: saved while current, else compared now and saved (``newsweave.dossiers``)."""
    from ..dossiers import story_dossier

    story = store.get_story(story_id)
    dossier = story_dossier(store, story, settings=settings, progress=steps)
    if dossier is not None:
        return dossier
    if not story.article_ids:
        raise click.ClickException(f"story {story.id} has no articles")
    raise click.ClickException(f"story {story.id}: the comparison failed (see the warning above)")


COMMANDS = (compare_command, dossier_command)
