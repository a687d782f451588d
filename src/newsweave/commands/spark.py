"""`newsweave spark run` (the pipeline on Apache Spark) and `newsweave import` (its output into a store)."""
from __future__ import annotations

import click

from ..errors import NewsweaveError
from ..ingest.meta import normalize_language, normalize_published
from . import open_db


@click.group("spark")
def spark_group() -> None:
    """Run the pipeline on Apache Spark (the spark extra and Java 17+)."""


@spark_group.command("run")
@click.argument("sources", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", required=True, metavar="DIR", help="Output folder or Hadoop URI (replaced if present).")
@click.option("--master", default=None, metavar="URL",
              help="Spark master: local[N], spark://host:7077, yarn, k8s://... (default: spark-submit's, else "
                   "local[*]).")
@click.option("--order", type=click.Choice(["arrival", "published"]), default="arrival", show_default=True,
              help="Stream order of the story clusterer: as `add` meets the articles, or by publication time.")
@click.option("--no-dossiers", is_flag=True, help="Stop after the stories (dossiers are then computed on demand).")
@click.option("--partitions", type=click.IntRange(1), default=None, help="Partitions per stage (default: 4 per core).")
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False),
              help="JSON metadata: file name (or URI) -> {outlet, published, language, ...}.")
@click.option("--outlet", help="Outlet of every input (overrides metadata).")
@click.option("--published", help="Publication date/time of every input, ISO 8601.")
@click.option("--language", help="Language of every input (ISO 639-1, e.g. en).")
@click.pass_context
def run_command(ctx, sources, out, master, order, no_dossiers, partitions, meta_file, outlet, published, language):
    """Ingest, find copies and stories, and compare every story on Spark; write Parquet tables and JSON dossiers."""
    if published and not normalize_published(published):
        raise click.BadParameter(f"not a date or datetime: {published!r}", param_hint="--published")
    if language and not normalize_language(language):
        raise click.BadParameter(f"not a language code: {language!r}", param_hint="--language")
    from ..scale import run

    overrides = {"outlet": outlet, "published": published, "language": language}
    try:
        summary = run(list(sources), out, ctx.obj, master=master, order=order, meta_file=meta_file,
                      overrides=overrides, partitions=partitions, compare=not no_dossiers)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    for message in summary.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(f"{summary.line()} -> {summary.out}")
    ctx.exit(1 if summary.errors else 0)


@click.command("import")
@click.argument("out", metavar="DIR")
@click.pass_context
def import_command(ctx, out):
    """Load the output of `newsweave spark run` into the store (articles, stories, dossiers, clusterer state)."""
    from ..scale import import_output

    with open_db(ctx, create=True) as store:
        try:
            summary = import_output(store, out)
        except NewsweaveError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(summary.line())


COMMANDS = (spark_group, import_command)
