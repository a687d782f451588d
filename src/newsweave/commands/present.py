"""`newsweave report`: one self-contained HTML file for a stored story, a comparison, or a dossier JSON file."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from ..errors import NewsweaveError
from . import open_db
from .progress import DossierProgress
from .progress import option as progress_option


@click.command()
@click.argument("targets", nargs=-1, metavar="[STORY_ID | PATH ...]")
@click.option("--compare", "compare", is_flag=True,
              help="Compare the files/folders given (--compare a.txt b.txt) instead of a stored story.")
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False),
              help="Metadata JSON for --compare inputs.")
@click.option("--dossier", "dossier_file", type=click.Path(exists=True, dir_okay=False),
              help="Render a dossier JSON file (newsweave.dossier/2) instead.")
@click.option("--largest", is_flag=True, help="Report the stored story with the most articles.")
@click.option("-o", "--output", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report.")
@progress_option
@click.pass_context
def report(ctx, targets, compare, meta_file, dossier_file, largest, output, progress):
    """Write one self-contained HTML report (STORY_ID | --largest | --compare PATHS... | --dossier FILE)."""
    story_id, compare_paths = _targets(targets, compare)
    if sum(bool(x) for x in (story_id, compare_paths, dossier_file, largest)) != 1:
        raise click.UsageError("give exactly one of STORY_ID, --largest, --compare PATHS... or --dossier FILE")
    from ..present.html import render_report

    try:
        dossier = _dossier(ctx, story_id, compare_paths, meta_file, dossier_file, largest, DossierProgress(progress))
        html = render_report(dossier)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    Path(output).write_text(html, encoding="utf-8")
    click.echo(str(Path(output).resolve()))


def _targets(targets: tuple[str, ...], compare: bool) -> tuple[str | None, list[str]]:
    """(story id, paths to compare): every target is a path with --compare, else at most one story id."""
    if compare:
        if not targets:
            raise click.UsageError("--compare needs at least one PATH")
        missing = [t for t in targets if not Path(t).exists()]
        if missing:
            raise click.BadParameter(f"no such file or folder: {missing[0]}", param_hint="--compare PATH")
        return None, list(targets)
    if len(targets) > 1:
        raise click.UsageError("give one STORY_ID (or --compare PATH ... to compare files)")
    return (targets[0] if targets else None), []


def _dossier(ctx, story_id, compare_paths, meta_file, dossier_file, largest=False, steps=None) -> dict:
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
        return load_dossier(store, story_id, settings=ctx.obj, progress=steps)


def compare_files(settings, paths: list[str], meta_file: str | None) -> dict:
    """Ingest the paths into a temporary store and compare all their articles as one story."""
    from dataclasses import replace

    from .. import pipeline
    from ..store import open_store
    from ..dossiers import compute_dossier

    with tempfile.TemporaryDirectory(prefix="newsweave-report-") as tmp:
        with open_store(str(Path(tmp) / "compare.db")) as store:
            summary = pipeline.add_sources(store, paths, replace(settings, db=str(Path(tmp) / "compare.db")),
                                           meta_file=meta_file, prepare=False)
            for line in summary.errors + summary.warnings:
                click.echo(f"warning: {line}", err=True)
            articles = store.articles()
    if not articles:
        raise click.ClickException("no article could be read from the given paths")
    return compute_dossier(articles, settings=settings)


COMMANDS = (report,)
