"""Human review of the normaliser on ECB+ sub-topics: alias merges with reasons, speakers, times, quantities, ages.

Each ECB+ topic holds two events: the ``ecb`` articles and the ``ecbplus`` articles.  For every sub-topic this
prints the story-level canonical entities that merge more than one surface form (with the reason for each merge),
so false and missed merges can be spotted, then, per article, the explicit attributions, time expressions resolved
against ``--date`` (ECB+ has no publication dates), quantities and ages.  Data: ECB+ (``--root``).  Anchor: none (a
review aid, not a score).

    .venv/bin/python bench/normalize_audit.py [--root DIR] [--topics 1,3,4,6,8] [--show merges,times,...]

Last line: ``audit: ..`` counts of what was printed.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import common
from newsweave.models import Article

from _ecbplus import add_root, corpus
from normalize import lines, load_article


def sub_topics(corpus: Path, topics: list[str]) -> list[tuple[str, list[Path]]]:
    """(name, paths) per sub-topic: topic N gives "N/ecb" and "N/ecbplus"."""
    out = []
    for topic in topics:
        paths = sorted((corpus / topic).glob("*.xml"), key=lambda p: p.name)
        for kind in ("ecb", "ecbplus"):
            group = [p for p in paths if p.name.endswith(f"{kind}.xml")]
            if group:
                out.append((f"{topic}/{kind}", group))
    return out


def _snip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_merges(entities) -> int:
    merged = [e for e in entities if len(e.aliases) > 1]
    for ent in merged:
        print(f"  [{ent.type}] {ent.name}  <- {', '.join(ent.aliases)}")
        for reason in ent.reasons:
            print(f"      - {reason}")
    return len(merged)


def print_article(article: Article, ann, show: set[str]) -> Counter:
    counts: Counter = Counter()
    print(f"  -- {Path(article.path).name}: {_snip(article.title, 90)}")
    if "speakers" in show:
        for att in ann.attributions:
            if att.explicit:
                counts["attributions"] += 1
                sent = ann.sentences[att.sentence].text
                print(f"     SAY {att.canonical!r} ({att.cue}{', direct' if att.direct else ''}): {_snip(sent)}")
    if "times" in show:
        for t in ann.times:
            counts["times"] += 1
            print(f"     TIME {t.text!r} -> {t.begin}..{t.until} [{t.granularity}]{'' if t.resolved else ' unresolved'}"
                  f"{' ' + t.note if t.note else ''}")
    if "quantities" in show:
        for q in ann.quantities:
            counts["quantities"] += 1
            print(f"     QTY {q.text!r} -> {q.low}..{q.high} {q.qualifier} unit={q.unit!r} counted={q.counted!r}")
    if "ages" in show:
        for a in ann.ages:
            counts["ages"] += 1
            print(f"     AGE {a.text!r} -> {a.kind} {a.value} born {a.birth_low}-{a.birth_high} person={a.person!r}")
    return counts


def sentence_agreement(paths: list[Path]) -> Counter:
    """ECB+ sentence boundaries inside the rebuilt paragraphs that the splitter finds (missed, extra).

    ECB+'s own tokenisation puts a closing quote at the start of the next sentence, so some of the
    disagreements are the corpus's, not the splitter's; the examples printed let a human tell them apart.
    """
    from newsweave.normalize.sentences import split_sentences

    counts: Counter = Counter()
    for path in paths:
        body = lines(path)[1:]
        for i in range(0, len(body), 3):
            group, gold, pos = body[i:i + 3], set(), 0
            for line in group[:-1]:
                pos += len(line) + 1
                gold.add(pos)
            para = " ".join(group)
            got = {s.start for s in split_sentences(para)} - {0}
            counts["boundaries"] += len(gold)
            for kind, offsets in (("missed", gold - got), ("extra", got - gold)):
                counts[kind] += len(offsets)
                for g in sorted(offsets)[:1]:
                    print(f"     SPLIT {kind}: {_snip(para[max(0, g - 60):g], 60)}⟂{_snip(para[g:g + 30], 30)}")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--topics", default="1,3,4,6,8", help="comma-separated ECB+ topic numbers")
    parser.add_argument("--n", type=int, default=0, help="review only the first N topics (0: all given)")
    parser.add_argument("--date", default="2012-06-15T12:00:00+00:00", help="publication time for every article")
    parser.add_argument("--show", default="merges,speakers,times,quantities,ages",
                        help="what to print: merges, speakers, times, quantities, ages, sentences")
    args = parser.parse_args(argv)
    show = set(args.show.split(","))
    datetime.fromisoformat(args.date)
    corpus_dir = corpus(args.root.resolve())
    topics = [t.strip() for t in args.topics.split(",") if t.strip()]
    topics = topics[: args.n] if args.n else topics

    from dataclasses import replace

    from newsweave.normalize import normalize_many, story_entities

    totals: Counter = Counter()
    started = time.perf_counter()
    for name, paths in sub_topics(corpus_dir, topics):
        articles = [replace(load_article(p), published=args.date) for p in paths]
        annotations = normalize_many(articles)
        totals["articles"] += len(articles)
        print(f"\n=== {name}: {len(articles)} articles")
        if "merges" in show:
            totals["merged_entities"] += print_merges(story_entities(articles, annotations))
        for article, ann in zip(articles, annotations):
            totals.update(print_article(article, ann, show))
        if "sentences" in show:
            totals.update({f"sentences_{k}": v for k, v in sentence_agreement(paths).items()})
    seconds = time.perf_counter() - started
    print()
    common.result("audit", **dict(sorted(totals.items())), seconds=f"{seconds:.1f}")


if __name__ == "__main__":
    main()
