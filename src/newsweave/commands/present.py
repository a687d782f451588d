"""`newsweave report`: one self-contained HTML file for a stored story, a comparison, or a dossier JSON file."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from ..errors import NewsweaveError
from . import open_db


@click.command()
@click.argument("story_id", required=False)
@click.option("--compare", "compare_paths", multiple=True, type=click.Path(exists=True),
              help="Compare these files/folders instead of a stored story (repeatable).")
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False),
              help="Metadata JSON for --compare inputs.")
@click.option("--dossier", "dossier_file", type=click.Path(exists=True, dir_okay=False),
              help="Render a dossier JSON file (newsweave.dossier/2) instead.")
@click.option("--largest", is_flag=True, help="Report the stored story with the most articles.")
@click.option("-o", "--output", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report.")
@click.pass_context
def report(ctx, story_id, compare_paths, meta_file, dossier_file, largest, output):
    """Write one self-contained HTML report (STORY_ID | --largest | --compare PATHS... | --dossier FILE)."""
    if sum(bool(x) for x in (story_id, compare_paths, dossier_file, largest)) != 1:
        raise click.UsageError("give exactly one of STORY_ID, --largest, --compare PATHS... or --dossier FILE")
    from ..present.html import render_report

    try:
        dossier = _dossier(ctx, story_id, compare_paths, meta_file, dossier_file, largest)
        html = render_report(dossier)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    Path(output).write_text(html, encoding="utf-8")
    click.echo(str(Path(output).resolve()))


def _dossier(ctx, story_id, compare_paths, meta_file, dossier_file, largest=False) -> dict:
    if dossier_file:
        try:
            return json.loads(Path(dossier_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"{dossier_file}: not a dossier JSON file: {exc}") from exc
    if compare_paths:
        return compare_files(ctx.obj, list(compare_paths), meta_file)
    from ..dossiers import load_dossier

    with open_db(ctx) as store:
        if largest:
            stories = sorted(store.stories(), key=lambda s: (-len(s.article_ids), s.first or "", s.id))
            if not stories:
                raise click.ClickException("the store holds no stories yet: add articles first")
            story_id = stories[0].id
        return load_dossier(store, story_id, settings=ctx.obj)


def compare_files(settings, paths: list[str], meta_file: str | None) -> dict:
    """Ingest the paths into a temporary store and compare all their articles as one story."""
    from dataclasses import replace

    from .. import pipeline
    from ..store import open_store
    from ..dossiers import compute_dossier

    with tempfile.TemporaryDirectory(prefix="newsweave-report-") as tmp:
        with open_store(str(Path(tmp) / "compare.db")) as store:
            summary = pipeline.add_sources(store, paths, replace(settings, db=str(Path(tmp) / "compare.db")),
                                           meta_file=meta_file)
            for line in summary.errors:
                click.echo(f"warning: {line}", err=True)
            articles = store.articles()
    if not articles:
        raise click.ClickException("no article could be read from the given paths")
    return compute_dossier(articles, settings=settings)


COMMANDS = (report,)
