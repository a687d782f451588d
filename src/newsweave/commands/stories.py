"""`newsweave stories`, `newsweave story ID` and `newsweave recluster`: stories found in the article stream."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import click

from ..dossiers import looks_current, public, story_dossier
from ..errors import NewsweaveError
from ..models import Story
from ..present import views
from ..stories import related_links
from ..present.output import print_json, print_table
from . import open_db
from .progress import DossierProgress
from .progress import option as progress_option


def story_summary(store, story: Story, related: Sequence[Story] = ()) -> dict[str, Any]:
    """The JSON shape of one story: id, title, span, its articles (id, outlet, title, path) and its related
    stories (id, title): other events of the same thread; the fact counts of its current dossier (None: not
    computed yet)."""
    refs = store.article_refs(list(story.article_ids))
    return {
        "id": story.id, "title": story.title, "first": story.first, "last": story.last,
        "origin": story.origin,  # "cluster", or "compare" for a `compare --store` run
        "articles": [{k: a[k] for k in ("id", "outlet", "title", "path")} for a in refs],
        "counts": _counts(store, story),
        "related": [{"id": r.id, "title": r.title} for r in related],
    }


def _counts(store, story: Story) -> dict[str, int] | None:
    saved = store.get_dossier(story.id)
    if not looks_current(saved, story):
        return None
    return views.story_summary(views.story_dossier(public(saved)))["counts"]


def _with_related(stories: Sequence[Story]) -> list[tuple[Story, list[Story]]]:
    """Each story with its related stories (both ways, see ``stories.related_links``)."""
    by_id = {s.id: s for s in stories}
    links = related_links(stories)
    return [(s, [by_id[r] for r in links.get(s.id, ())]) for s in stories]


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


def _iso_time(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An ISO 8601 date or time (normalised), or a usage error naming the option."""
    from ..ingest.meta import normalize_published

    if value is None:
        return None
    normalised = normalize_published(value)
    if not normalised:
        raise click.BadParameter(f"not an ISO 8601 date or time: {value!r}")
    return normalised


@click.command("stories")
@click.option("--since", default=None, metavar="T", callback=_iso_time,
              help="Only stories active on or after this ISO date.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def stories_command(ctx: click.Context, since: str | None, as_json: bool) -> None:
    """List the stories: id, title, time span, number of articles and outlets."""
    with _store(ctx) as store:
        items = [story_summary(store, s, related) for s, related in _with_related(store.stories())
                 if _since_ok(s, since)]
    if as_json:
        print_json(items)
        return
    rows = [(i["id"], i["title"], _span(i), len(i["articles"]), ", ".join(_outlets(i)), _facts(i["counts"]),
             " ".join(r["id"][:8] for r in i["related"])) for i in items]
    print_table(rows, ("id", "title", "span", "articles", "outlets", "facts", "related"),
                title=f"{len(items)} stories")


def _facts(counts: dict[str, int] | None) -> str:
    if counts is None:
        return "not computed yet"
    return (f"{counts['corroborated']} corroborated, {counts['single_source']} single source, "
            f"{counts['conflicting']} conflicting")


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
        related = next((r for s, r in _with_related(store.stories()) if s.id == story.id), [])
        item = story_summary(store, story, related)
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
    if item["related"]:
        print_table([(r["id"], r["title"]) for r in item["related"]], ("story", "title"),
                    title="related stories (same thread, other events)")
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
        before = {s.id for s in store.stories()}
        stories = recluster(store, ctx.obj)
    articles = sum(len(s.article_ids) for s in stories)
    kept = len(before & {s.id for s in stories})
    click.echo(f"{len(stories)} stories from {articles} articles ({kept} kept their ids)")


COMMANDS = (stories_command, story_command, recluster_command)
