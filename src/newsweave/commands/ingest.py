"""`newsweave add`, `articles`, `article`: ingest inputs, list and show stored articles."""
from __future__ import annotations

import dataclasses
import sys
import time

import click

from ..errors import NewsweaveError
from ..ingest import expand
from ..ingest.clean import key
from ..ingest.meta import normalize_language, normalize_published
from ..pipeline import add_sources
from ..present.output import print_json, print_table, printable
from . import open_db

_PROGRESS_AFTER = 1.0  # seconds of work before a progress bar appears


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL|- ...")
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False),
              help="JSON metadata: file name (or URL) -> {outlet, published, language, ...}.")
@click.option("--outlet", help="Outlet of every input (overrides metadata).")
@click.option("--published", help="Publication date/time of every input, ISO 8601.")
@click.option("--language", help="Language of every input (ISO 639-1, e.g. en).")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private/loopback addresses.")
@click.pass_context
def add(ctx, sources, meta_file, outlet, published, language, allow_private):
    """Ingest files, directories, URLs or `-` (stdin) into the database."""
    if published and not normalize_published(published):
        raise click.BadParameter(f"not a date or datetime: {published!r}", param_hint="--published")
    if language and not normalize_language(language):
        raise click.BadParameter(f"not a language code: {language!r}", param_hint="--language")
    settings = dataclasses.replace(ctx.obj, allow_private=ctx.obj.allow_private or allow_private)
    overrides = {"outlet": outlet, "published": published, "language": language}
    inputs = expand(sources)  # walked once: add_sources gets the expanded list
    with open_db(ctx, create=True) as store, _Progress(len(inputs)) as progress:
        try:  # each error line is printed as it is found: a crash later loses none of them
            summary = add_sources(store, inputs, settings, meta_file=meta_file, overrides=overrides,
                                  progress=progress.advance, on_error=progress.error)
        except NewsweaveError as exc:
            raise click.ClickException(printable(str(exc))) from exc
    for message in summary.warnings:
        click.echo(f"warning: {printable(message)}", err=True)
    click.echo(summary.line())
    ctx.exit(1 if summary.errors else 0)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def articles(ctx, as_json):
    """List stored articles."""
    with open_db(ctx) as store:
        rows = [_summary(a) for a in store.articles()]
    if as_json:
        print_json(rows)
        return
    columns = ("id", "outlet", "published", "language", "title", "words")
    print_table([[row[c] for c in columns] for row in rows], columns)


@click.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
@click.option("--original", is_flag=True, help="The original text instead of the cleaned text.")
@click.pass_context
def article(ctx, article_id, as_json, original):
    """Show one article (by id or unique id prefix): metadata, then its cleaned text."""
    with open_db(ctx) as store:
        try:
            found = store.get_article(article_id)
        except NewsweaveError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        data = found.to_dict() | {"words": found.words}
        if not original:
            data.pop("original"), data.pop("segments")
        print_json(data)
        return
    for name in ("id", "outlet", "title", "published", "language", "url", "copy_of"):
        value = getattr(found, name)
        if value:
            mark = " (inferred)" if name in found.inferred else ""
            click.echo(f"{name}: {value}{mark}")
    click.echo("")
    click.echo(found.original if original else _body(found.text, found.title))


def _body(text: str, title: str | None) -> str:
    """The cleaned text without its opening headline line when that only repeats the title shown above."""
    lines = text.lstrip("\n").split("\n")
    if title and lines and key(lines[0]) == key(title):
        rest = "\n".join(lines[1:]).lstrip("\n")
        if rest.strip():
            return rest
    return text


def _summary(a) -> dict:
    return {"id": a.id, "outlet": a.outlet, "published": a.published, "language": a.language,
            "title": a.title, "words": a.words, "copy_of": a.copy_of, "url": a.url, "path": a.path,
            "inferred": list(a.inferred), "summary_only": a.summary_only}


class _Progress:
    """A rich progress bar on stderr, shown once the work has taken more than a second (terminals only)."""

    def __init__(self, total: int):
        self.total, self.done, self.bar, self.task = total, 0, None, None
        self.start = time.monotonic()

    def advance(self, source: str) -> None:
        if self.bar is None and time.monotonic() - self.start > _PROGRESS_AFTER:
            self._show()
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, description=printable(_short(source)))
        self.done += 1

    def error(self, message: str) -> None:
        """One error line on stderr, escaped for the terminal (above the bar while it shows)."""
        line = f"error: {printable(message)}"
        if self.bar is None:
            click.echo(line, err=True)
        else:
            from rich.text import Text

            self.bar.console.print(Text(line), highlight=False, soft_wrap=True)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(file=sys.stderr)
        if not console.is_terminal:
            self.start = float("inf")
            return
        self.bar = Progress(console=console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=self.total, completed=self.done)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1):]


COMMANDS = (add, articles, article)
