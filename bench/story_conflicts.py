"""Conflicts flagged on real multi-outlet stories: how often ``compare`` calls a fact conflicting on ECB+.

Each ECB+ sub-topic (a topic's ``ecb`` files, or its ``ecbplus`` files) is one story of several outlets reporting
one event; its first ``--articles`` documents are compared with ``newsweave.compare``.  ECB+ has no gold for
conflicts: each flagged one is read by hand and labelled in bench/story_conflicts_labels.tsv (``key story kind label
category note``; ``key`` = first 12 hex digits of the SHA-1 of the kind and both sentences, sorted; ``label`` genuine
or false).  Times are resolved as bench/conflicts.py resolves MSRP's (a date without a year takes 2012; deictic
expressions stay unresolved).  The figure to watch: conflicting facts per story beside corroborated facts per story
(a change that cuts conflicts by aligning less is no gain).  Data: ECB+ (``--root``).  No published anchor.
Published: dev 1 conflict (0 genuine), train 70 (18 genuine kept, 52 false, 2 genuine lost).

    .venv/bin/python bench/story_conflicts.py [--root DIR] [--topics dev|train|all] [--articles 6] [--show]

Last line: ``story_conflicts: stories=.. conflicting_per_story=.. corroborated_per_story=.. conflicts=..``, then,
with labels, ``genuine_kept=.. false_flagged=.. unlabelled=.. genuine_lost=..``.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
from collections import Counter
from pathlib import Path

import common
from _ecbplus import FILE, add_root, corpus, topic_range
from _undated import undated_times
from ecbplus_clustering import read_document


def stories(root: Path, which: str) -> dict[tuple[int, str], list[Path]]:
    found: dict[tuple[int, str], list[Path]] = {}
    for path in sorted(root.rglob("*.xml")):
        m = FILE.match(path.name)
        if m and (which == "all" or topic_range(int(m.group(1))) == which):
            found.setdefault((int(m.group(1)), m.group(3)), []).append(path)
    return dict(sorted(found.items()))


REFERENCE = "2012-01-01"


def items(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        title, text = read_document(path)
        out.append({"text": text, "title": title, "outlet": path.stem, "published": REFERENCE})
    return out


def compare_story(story_items: list[dict]) -> dict:
    """``newsweave.compare.story`` on the items, with times resolved as if only the year of publication were known."""
    from newsweave.compare.story import annotate, article_from_item
    from newsweave.compare import compare

    articles = [article_from_item(item, i) for i, item in enumerate(story_items)]
    annotations = [dataclasses.replace(ann, times=undated_times(article.text or "", ann.times, ann.sentences))
                   for article, ann in zip(articles, annotate(articles))]
    return compare(articles, annotations).to_dict()


LABELS = common.BENCH / "story_conflicts_labels.tsv"


def conflict_key(conflict: dict) -> str:
    """A stable key for one flagged conflict: kind plus both sentences, order-free."""
    a, b = sorted((conflict["a"]["text"], conflict["b"]["text"]))
    return hashlib.sha1("\n".join((conflict["kind"], a, b)).encode("utf-8")).hexdigest()[:12]


def read_labels(path: Path) -> dict[str, dict]:
    labels: dict[str, dict] = {}
    if not path.exists():
        return labels
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 6
        labels[cells[0]] = {"story": cells[1], "kind": cells[2], "label": cells[3], "category": cells[4],
                            "note": cells[5]}
    return labels


def tag(label: dict | None) -> str:
    if label is None:
        return "[NEW]"
    return "[genuine]" if label["label"] == "genuine" else f"[false:{label['category']}]"


def show(facts: list[dict], labels: dict[str, dict]) -> None:
    for fact in facts:
        for c in fact["conflicts"]:
            key = conflict_key(c)
            mark = f" {tag(labels.get(key))} {key}" if labels else f" {key}"
            print(f"  * {c['kind']}:{mark} {c['explanation'][:150]}")
            print(f"      A: {c['a']['text'][:200]}")
            print(f"      B: {c['b']['text'][:200]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--topics", choices=("dev", "train", "test", "all"), default="dev")
    parser.add_argument("--articles", type=int, default=6, help="documents compared per sub-topic")
    parser.add_argument("--show", action="store_true", help="print every flagged conflict with both sentences")
    parser.add_argument("--labels", type=Path, default=LABELS, help="hand labels of flagged conflicts (TSV)")
    parser.add_argument("--by-category", action="store_true", help="count still-flagged false alarms by category")
    args = parser.parse_args(argv)
    root = corpus(args.root)
    labels = read_labels(args.labels)
    totals, conflicts, n = Counter(), 0, 0
    seen: set[str] = set()
    marks: Counter = Counter()
    categories: Counter = Counter()
    run: set[str] = set()
    for (topic, kind), paths in stories(root, args.topics).items():
        chosen = paths[:args.articles]
        if len(chosen) < 2:
            continue
        story = compare_story(items(chosen))["stories"][0]
        counts = Counter(f["status"] for f in story["facts"])
        flagged = [f for f in story["facts"] if f["status"] == "conflicting"]
        conflicts += sum(len(f["conflicts"]) for f in flagged)
        run.add(f"{topic}{kind}")
        for fact in flagged:
            for c in fact["conflicts"]:
                key = conflict_key(c)
                seen.add(key)
                label = labels.get(key)
                if label is None:
                    marks["unlabelled"] += 1
                elif label["label"] == "genuine":
                    marks["genuine_kept"] += 1
                else:
                    marks["false_flagged"] += 1
                    categories[label["category"]] += 1
        totals.update(counts)
        n += 1
        print(f"{topic}{kind}: {len(chosen)} articles, conflicting {counts['conflicting']}, "
              f"corroborated {counts['corroborated']}, single-source {counts['single_source']}", flush=True)
        if args.show:
            show(flagged, labels)
    per = lambda key: totals[key] / max(n, 1)
    marks_line = {}
    if labels:
        lost = [key for key, label in labels.items()
                if label["label"] == "genuine" and label["story"] in run and key not in seen]
        marks["genuine_lost"] = len(lost)
        marks_line = {name: marks[name] for name in ("genuine_kept", "false_flagged", "unlabelled", "genuine_lost")}
        if args.by_category:
            for category, count in categories.most_common():
                print(f"  false_flagged {category}: {count}")
    common.result("story_conflicts", stories=n, conflicting_per_story=f"{per('conflicting'):.2f}",
                  corroborated_per_story=f"{per('corroborated'):.2f}", conflicts=conflicts, **marks_line)


if __name__ == "__main__":
    main()
