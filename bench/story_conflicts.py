"""Conflicts flagged on real multi-outlet stories: how often ``compare`` calls a fact conflicting on ECB+.

    .venv/bin/python bench/story_conflicts.py [--root DIR] [--topics dev|train|all] [--articles 6] [--show]

Each ECB+ sub-topic (a topic's `ecb` files, or its `ecbplus` files) is one story of several outlets reporting
one event; its first ``--articles`` documents are compared with ``newsweave.compare_texts``. ECB+ has no gold
for conflicts, and most aligned claims of such reports agree, so a flagged conflict is read by hand (``--show``
prints each with both sentences): most flagged ones have been false alarms (different facts aligned, slots
paired wrongly), a few genuine (one outlet says "Kristen Stewart", another "Kristen Bell"). ECB+ carries no
publication times: every article gets the same date, so relative dates ("this year", "Monday") may clash
spuriously. The figure to watch is conflicting facts per story, beside corroborated facts per story (a change
that cuts conflicts by aligning less is no gain). Last line:
``story_conflicts: stories=.. conflicting_per_story=.. corroborated_per_story=.. conflicts=..``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from _ecbplus import DATA, FILE, ROOT_HELP, corpus, topic_range  # noqa: E402
from ecbplus_clustering import read_document  # noqa: E402

import newsweave  # noqa: E402


def stories(root: Path, which: str) -> dict[tuple[int, str], list[Path]]:
    found: dict[tuple[int, str], list[Path]] = {}
    for path in sorted(root.rglob("*.xml")):
        m = FILE.match(path.name)
        if m and (which == "all" or topic_range(int(m.group(1))) == which):
            found.setdefault((int(m.group(1)), m.group(3)), []).append(path)
    return dict(sorted(found.items()))


def items(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        title, text = read_document(path)
        out.append({"text": text, "title": title, "outlet": path.stem, "published": "2012-01-01"})
    return out


def show(facts: list[dict]) -> None:
    for fact in facts:
        for c in fact["conflicts"]:
            print(f"  * {c['kind']}: {c['explanation'][:150]}")
            print(f"      A: {c['a']['text'][:200]}")
            print(f"      B: {c['b']['text'][:200]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DATA, help=ROOT_HELP)
    parser.add_argument("--topics", choices=("dev", "train", "test", "all"), default="dev")
    parser.add_argument("--articles", type=int, default=6, help="documents compared per sub-topic")
    parser.add_argument("--show", action="store_true", help="print every flagged conflict with both sentences")
    args = parser.parse_args(argv)
    root = corpus(args.root)
    totals, conflicts, n = Counter(), 0, 0
    for (topic, kind), paths in stories(root, args.topics).items():
        chosen = paths[:args.articles]
        if len(chosen) < 2:
            continue
        story = newsweave.compare_texts(items(chosen))["stories"][0]
        counts = Counter(f["status"] for f in story["facts"])
        flagged = [f for f in story["facts"] if f["status"] == "conflicting"]
        conflicts += sum(len(f["conflicts"]) for f in flagged)
        totals.update(counts)
        n += 1
        print(f"{topic}{kind}: {len(chosen)} articles, conflicting {counts['conflicting']}, "
              f"corroborated {counts['corroborated']}, single-source {counts['single_source']}", flush=True)
        if args.show:
            show(flagged)
    per = lambda key: totals[key] / max(n, 1)
    print(f"story_conflicts: stories={n} conflicting_per_story={per('conflicting'):.2f} "
          f"corroborated_per_story={per('corroborated'):.2f} conflicts={conflicts}")


if __name__ == "__main__":
    main()
