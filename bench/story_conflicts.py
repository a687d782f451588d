"""Conflicts flagged on real multi-outlet stories: how often ``compare`` calls a fact conflicting on ECB+.

    .venv/bin/python bench/story_conflicts.py [--root DIR] [--topics dev|train|all] [--articles 6] [--show]

Each ECB+ sub-topic (a topic's `ecb` files, or its `ecbplus` files) is one story of several outlets reporting
one event; its first ``--articles`` documents are compared with ``newsweave.compare.story``. ECB+ has no gold
for conflicts, and most aligned claims of such reports agree, so a flagged conflict is read by hand (``--show``
prints each with both sentences): most flagged ones have been false alarms (different facts aligned, slots
paired wrongly), a few genuine (one outlet says "Kristen Stewart", another "Kristen Bell"). ECB+ carries no
publication times, so times are resolved as bench/conflicts.py resolves MSRP's: a date without a year ("Jan. 6")
takes its year from a reference (2012-01-01; the verdict compares such dates by month and day only), while
deictic expressions ("today", "last month", "Monday") stay unresolved: against a made-up publication day they
clashed with the explicit dates of other reports ("today" / "July 13, 2009"), 15 of the labelled false alarms. The figure to watch is conflicting facts per story, beside corroborated facts per story (a change
that cuts conflicts by aligning less is no gain). Last line:
``story_conflicts: stories=.. conflicting_per_story=.. corroborated_per_story=.. conflicts=..``, followed, when
the labels file has rows, by ``genuine_kept=.. false_flagged=.. unlabelled=.. genuine_lost=..``.

Labels: ``bench/story_conflicts_labels.tsv`` (``--labels`` for another file) holds one hand-read conflict a row,
tab-separated: ``key story kind label category note``. ``key`` is ``conflict_key``: the first 12 hex digits of
the SHA-1 of the conflict's kind and its two sentences (sorted, so the order of A and B does not matter); it
survives code changes as long as the same two sentences conflict on the same kind. ``label`` is ``genuine``
(the reports really disagree on that fact: different names, numbers, dates for one thing) or ``false`` (a false
alarm); ``category`` names the cause (``different_facts``, ``slot_pairing``, ``negation_scope``,
``relative_date``, ``part_of`` ...), ``note`` says why in a few words. Lines starting with ``#`` are comments.
With labels, ``--show`` marks each conflict ``[genuine]``, ``[false:category]`` or ``[NEW]`` and prints its
key; the last line counts flagged conflicts labelled genuine (``genuine_kept``), labelled false
(``false_flagged``) and not labelled (``unlabelled``: new ones, to be read and labelled), and the genuine
labels of the topics run that are no longer flagged (``genuine_lost``). ``--by-category`` adds the still-flagged
false alarms per category.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from _ecbplus import DATA, FILE, ROOT_HELP, corpus, topic_range  # noqa: E402
from _undated import undated_times  # noqa: E402
from ecbplus_clustering import read_document  # noqa: E402

import newsweave  # noqa: E402


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


LABELS = HERE / "story_conflicts_labels.tsv"


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
    parser.add_argument("--root", type=Path, default=DATA, help=ROOT_HELP)
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
    extra = ""
    if labels:
        lost = [key for key, label in labels.items()
                if label["label"] == "genuine" and label["story"] in run and key not in seen]
        marks["genuine_lost"] = len(lost)
        extra = " " + " ".join(f"{name}={marks[name]}"
                               for name in ("genuine_kept", "false_flagged", "unlabelled", "genuine_lost"))
        if args.by_category:
            for category, count in categories.most_common():
                print(f"  false_flagged {category}: {count}")
    print(f"story_conflicts: stories={n} conflicting_per_story={per('conflicting'):.2f} "
          f"corroborated_per_story={per('corroborated'):.2f} conflicts={conflicts}{extra}")


if __name__ == "__main__":
    main()
