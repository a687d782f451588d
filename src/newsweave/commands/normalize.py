"""`newsweave analyze`, `entities`: normalised annotations of one article; canonical entities of a story."""
from __future__ import annotations

import os

import click

from ..errors import IngestError, NewsweaveError
from ..models import Annotations, Article
from ..present.output import print_json, print_table
from . import open_db


def _from_path(path: str, settings, meta_file: str | None, overrides: dict) -> Article:
    """Ingest a file in memory, as ``add`` would with the same metadata options (so it gets the same id)."""
    from ..ingest import load

    for item in load([path], settings, meta_file=meta_file, overrides=overrides):
        if isinstance(item, IngestError):
            raise click.ClickException(str(item))
        return item
    raise click.ClickException(f"{path}: no article found")


def _stored_as(ctx, path: str, article: Article) -> Article:
    """The stored article added from this file when its text is the same (``add`` may have been given metadata
    flags this command was not), else the article as read now."""
    from ..store import open_store

    try:
        with open_store(ctx.obj.db, create=False) as store:
            for stored in store.articles_at([path, os.path.abspath(path), os.path.relpath(path)]):
                if stored.text == article.text:
                    return stored
    except NewsweaveError:
        pass  # no store (or an unreadable one): the file is analysed on its own
    return article


def _rows(ann: Annotations) -> dict[str, tuple[list, list]]:
    """Table name -> (columns, rows) for the terminal view."""
    return {
        "sentences": (["#", "start", "end", "head", "neg", "modality", "text"],
                      [[s.index, s.start, s.end, "H" if s.is_headline else "", "not" if s.negated else "",
                        ",".join(s.modality), s.text] for s in ann.sentences]),
        "entities": (["start", "end", "text", "label", "canonical", "sent"],
                     [[e.start, e.end, e.text, e.label, e.canonical, e.sentence] for e in ann.entities]),
        "times": (["start", "end", "text", "begin", "until", "granularity", "note"],
                  [[t.start, t.end, t.text, t.begin, t.until, t.granularity,
                    t.note or ("" if t.resolved else "unresolved")] for t in ann.times]),
        "quantities": (["start", "end", "text", "low", "high", "qualifier", "unit", "counted"],
                       [[q.start, q.end, q.text, q.low, q.high, q.qualifier, q.unit, q.counted]
                        for q in ann.quantities]),
        "ages": (["start", "end", "text", "kind", "value", "born from", "born to", "person"],
                 [[a.start, a.end, a.text, a.kind, a.value, a.birth_low, a.birth_high, a.person]
                  for a in ann.ages]),
        "attributions": (["sent", "speaker", "canonical", "cue", "direct", "quote", "explicit"],
                         [[a.sentence, a.speaker, a.canonical, a.cue, "yes" if a.direct else "",
                           f"{a.quote_start}-{a.quote_end}" if a.quote_start >= 0 else "",
                           "" if a.explicit else "outlet"] for a in ann.attributions]),
    }


@click.command()
@click.argument("target", metavar="ID|PATH")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of tables.")
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False),
              help="For a PATH: JSON metadata, as `add --meta`.")
@click.option("--outlet", help="For a PATH: its outlet, as `add --outlet`.")
@click.option("--published", help="For a PATH: its publication time, as `add --published`.")
@click.option("--language", help="For a PATH: its language, as `add --language`.")
@click.pass_context
def analyze(ctx, target, as_json, meta_file, outlet, published, language):
    """Normalise one article (stored ID, or a file read in memory) and show its annotations with offsets.

    Sentences (headline, negation, modality), entities with canonical names, times resolved against the
    publication time, quantities, ages and birth years, and who says each sentence. A stored article's
    annotations are saved in the database.
    """
    from ..normalize import normalize, story_entities

    try:
        if os.path.isfile(target):
            overrides = {"outlet": outlet, "published": published, "language": language}
            article = _from_path(target, ctx.obj, meta_file, overrides)
            if not any(overrides.values()) and not meta_file:
                article = _stored_as(ctx, target, article)
            ann = normalize(article)
        else:
            with open_db(ctx) as store:
                article = store.get_article(target)
                ann = normalize(article)
                store.save_annotations(ann)
        canonical = story_entities([article], [ann])
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        print_json({"article": {"id": article.id, "outlet": article.outlet, "title": article.title,
                                "published": article.published},
                    "annotations": ann.to_dict(), "canonical_entities": [c.to_dict() for c in canonical]})
        return
    click.echo(f"{article.id}  {article.outlet}  {article.published or 'no date'}  {article.title}")
    for name, (columns, rows) in _rows(ann).items():
        print_table(rows, columns, title=f"{name} ({len(rows)})")


@click.command()
@click.option("--story", "story_id", help="Only the articles of this story (default: every stored article).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def entities(ctx, story_id, as_json):
    """Canonical entities over stored articles, with their aliases and the reason for each merge."""
    from ..normalize import normalize_many, story_entities

    try:
        with open_db(ctx) as store:
            ids = list(store.get_story(story_id).article_ids) if story_id else None
            articles = store.articles(ids)
            annotations = _annotations(store, articles, normalize_many)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    found = story_entities(articles, annotations)
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    print_table([[c.name, c.type, "; ".join(c.aliases), "\n".join(c.reasons)] for c in found],
                ["canonical", "type", "aliases", "why merged"], title=f"{len(found)} entities")


def _annotations(store, articles: list[Article], normalize_many) -> list[Annotations]:
    """Stored annotations, computing (and saving) the missing ones in one batch."""
    stored = {a.id: store.get_annotations(a.id) for a in articles}
    missing = [a for a in articles if stored[a.id] is None]
    for ann in normalize_many(missing):
        store.save_annotations(ann)
        stored[ann.article_id] = ann
    return [stored[a.id] for a in articles]


COMMANDS = (analyze, entities)
