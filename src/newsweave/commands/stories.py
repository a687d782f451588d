"""`newsweave stories`, `newsweave story ID` and `newsweave recluster`: stories found in the article stream."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import click

from ..dossiers import story_dossier
from ..errors import NewsweaveError
from ..models import Story
from ..present.output import print_json, print_table
from . import open_db
from .progress import DossierProgress
from .progress import option as progress_option


def story_summary(store, story: Story) -> dict[str, Any]:
    """The JSON shape of one story: id, title, span and its articles (id, outlet, title, path)."""
    refs = store.article_refs(list(story.article_ids))
    return {
        "id": story.id, "title": story.title, "first": story.first, "last": story.last,
        "origin": story.origin,  # "cluster", or "compare" for a `compare --store` run
        "articles": [{k: a[k] for k in ("id", "outlet", "title", "path")} for a in refs],
    }


@contextmanager
def _store(ctx: click.Context) -> Iterator[Any]:
    """The open store, closed afterwards; a NewsweaveError inside becomes a ClickException."""
    store = open_db(ctx)
    try:
        yield store
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _since_ok(story: Story, since: str | None) -> bool:
    return since is None or (story.last or story.first or "") >= since


@click.command("stories")
@click.option("--since", default=None, metavar="T", help="Only stories active on or after this ISO date.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def stories_command(ctx: click.Context, since: str | None, as_json: bool) -> None:
    """List the stories: id, title, time span, number of articles and outlets."""
    with _store(ctx) as store:
        items = [story_summary(store, s) for s in store.stories() if _since_ok(s, since)]
    if as_json:
        print_json(items)
        return
    rows = [(i["id"], i["title"], _span(i), len(i["articles"]), ", ".join(_outlets(i))) for i in items]
    print_table(rows, ("id", "title", "span", "articles", "outlets"), title=f"{len(items)} stories")


def _span(item: dict[str, Any]) -> str:
    first, last = item["first"] or "?", item["last"] or "?"
    return first if first == last else f"{first} .. {last}"


def _outlets(item: dict[str, Any]) -> list[str]:
    return sorted({a["outlet"] for a in item["articles"]})


@click.command("story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the story and its dossier).")
@progress_option
@click.pass_context
def story_command(ctx: click.Context, story_id: str, as_json: bool, progress: bool | None) -> None:
    """Show one story (id or unique prefix) with its members and, when available, its dossier."""
    with _store(ctx) as store:
        story = store.get_story(story_id)
        item = story_summary(store, story)
        item["scores"] = list(story.scores)
        item["entities"] = list(story.entities)
        item["dossier"] = story_dossier(store, story, settings=ctx.obj,  # the saved one while current, else compared now
                                        progress=DossierProgress(progress))
    if as_json:
        print_json(item)
        return
    _print_story(item)


def _print_story(item: dict[str, Any]) -> None:
    click.echo(f"{item['id']}  {item['title']}")
    click.echo(f"span: {_span(item)}   entities: {', '.join(item['entities'])}")
    rows = [(a["id"], a["outlet"], a["title"], f"{s:.2f}")
            for a, s in zip(item["articles"], item["scores"])]
    print_table(rows, ("article", "outlet", "title", "score"), title="members")
    dossier = item.get("dossier")
    if dossier:
        from ..present.dossier_text import print_dossier

        print_dossier(dossier)


@click.command("recluster")
@click.pass_context
def recluster_command(ctx: click.Context) -> None:
    """Re-cluster the whole archive into stories, in publication order (for archives that came out of order)."""
    from ..stories import recluster

    with _store(ctx) as store, store.transaction():  # the old stories stay until the new ones are all written
        stories = recluster(store, ctx.obj)
    articles = sum(len(s.article_ids) for s in stories)
    click.echo(f"{len(stories)} stories from {articles} articles")


COMMANDS = (stories_command, story_command, recluster_command)
