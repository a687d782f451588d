"""The facts of whole stories against hand labels: one slot per fact, no conflict across slots, updates recognised.

Each story of bench/story_facts_gold.json is an ECB+ sub-topic (train or dev, never the test topics 36-45): the
listed reports, each with the publication time a reader would give it from the text (datelines, "Updated ...",
"on Monday"), set in the order the reports evolved. Its slots are labelled by hand as a journalist reads them:
the attribute (deaths, injured, magnitude, age, ...), the event (the story's own, or the background event it is
anchored to), every report's value, and the kind: ``consistent``, ``update`` (the value changed over time; with the
one that stands now), ``conflict`` (reports disagree) or ``background`` (another event's figures).

The stories are compared with ``newsweave.compare`` and scored:

- a slot is right when one fact holds every labelled report of it (the report's outlet and figure in the fact's
  history) and no labelled value of another slot, and its status says the kind: conflicting for a conflict,
  updated (and not conflicting) with the labelled value standing now for an update, neither for a consistent slot,
  background for a background slot;
- a conflict is impure when its two sides are labelled values of two different slots;
- an update is recognised when its slot is right.

Data: ECB+ (``--root``). No published anchor (ECB+ has no fact gold); targets: every slot right, 0 impure.

    .venv/bin/python bench/story_facts.py [--root DIR] [--gold FILE] [--story 20ecbplus] [--show]

Last line: ``story_facts: slots_ok=a/b impure_conflicts=n updates_ok=u/v``.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import common
from _ecbplus import add_root, corpus, read_sentences

GOLD = common.BENCH / "story_facts_gold.json"


# --------------------------------------------------------------------------- reading the reports

def read_report(path: Path) -> tuple[str, str]:
    """(title, text) of an ECB+ file, its tokens joined as the page printed them: "6.1", "120,000", "38-year-old"
    (the corpus splits decimals, thousands and hyphenated words into tokens)."""
    _, sentences = read_sentences(path)
    lines = [line for line in (join_tokens(words) for _, words in sentences) if line.strip()]
    return (lines[0] if lines else ""), "\n".join(lines)


_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "n't", "'", "''", ")", "%"}


def join_tokens(words: list[str]) -> str:
    merged: list[str] = []
    for word in words:
        if len(merged) >= 2 and merged[-1] in ("-", ".", ",") and _glued(merged[-2], merged[-1], word):
            mark = merged.pop()
            merged[-1] = merged[-1] + mark + word
        else:
            merged.append(word)
    out = ""
    for word in merged:
        out += word if not out or word in _NO_SPACE_BEFORE else " " + word
    return out.strip()


_HYPHENED = {"year", "years", "old", "magnitude", "strength", "square", "kilometer", "kilometre", "metre", "meter",
             "mile", "foot", "term", "time", "based", "bomb", "rise", "hit", "brick", "trade", "run", "level", "up",
             "out", "off", "page", "day", "week", "month", "hour", "minute", "member", "party", "class", "scale",
             "long", "large", "scale", "game", "point", "seat", "man", "woman", "boat", "storey", "story", "story",
             "minded", "free", "owned", "run", "led", "made", "grown", "born", "elect", "general", "president",
             "zone", "measure", "austerity", "mart", "ups", "in", "anti", "co", "pre", "post", "non", "ex", "re",
             "e", "de", "mid", "self", "well", "all", "so", "to"}


def _glued(left: str, mark: str, right: str) -> bool:
    """A token the corpus split off inside a word or a figure: "6 . 1", "120 , 000", "38 - year", "fire - bomb"
    (a spaced dash between two words stays a dash unless one of them is a figure or a usual part of a compound)."""
    left, right = left.strip(), right.strip()
    if mark == "-":
        if not (re.fullmatch(r"[\w.-]+", left) and re.fullmatch(r"\w+", right)):
            return False
        parts = {left.rsplit("-", 1)[-1].casefold(), right.casefold()}
        return bool(re.search(r"\d$", left) or right[:1].isdigit() or parts & _HYPHENED)
    if mark == ".":
        return bool(re.search(r"(?:^|[^\w.])\d+$|^\d+$|-\d+$", left) and re.fullmatch(r"\d+", right))
    return bool(re.fullmatch(r"\d{1,3}", left) and re.fullmatch(r"\d{3}", right))


def story_files(root: Path, names: list[str]) -> list[Path]:
    found = {p.name: p for p in root.rglob("*.xml")}
    return [found[name] for name in names if name in found]


# --------------------------------------------------------------------------- comparing

def compare_story(story: dict, root: Path) -> dict:
    from newsweave.compare import compare
    from newsweave.compare.story import article_from_item

    items = []
    for entry in story["articles"]:
        path = story_files(root, [entry["file"]])[0]
        title, text = read_report(path)
        items.append({"text": text, "title": title, "outlet": path.stem, "published": entry["published"]})
    articles = [article_from_item(item, i) for i, item in enumerate(items)]
    return compare(articles).to_dict()["stories"][0]


# --------------------------------------------------------------------------- scoring

def figure(text: str) -> float | None:
    """The figure a labelled value states ("at least 10" -> 10, "five" -> 5, "5.9" -> 5.9)."""
    from newsweave.normalize.quantities import extract_quantities

    found = extract_quantities(text)
    if found:
        q = found[0]
        return q.low if q.low is not None else q.high
    digits = re.search(r"\d+(?:\.\d+)?", text.replace(",", ""))
    return float(digits.group(0)) if digits else None


def _same(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and abs(x - y) <= 1e-6 * max(1.0, abs(x))


def holds(fact: dict, outlet: str, value: float | None) -> bool:
    """The fact's history (or, without one, its values) has this outlet giving this figure."""
    readings = fact.get("history") or []
    return any(r["outlet"] == outlet and (_same(r["low"], value) or _same(r["high"], value)) for r in readings)


def slot_reports(slot: dict) -> list[tuple[str, float | None]]:
    return [(outlet, figure(value)) for outlet, value in slot["reports"]]


def judge_slot(slot: dict, others: list[dict], facts: list[dict]) -> tuple[bool, str]:
    """(right, why not) for one labelled slot."""
    reports = slot_reports(slot)
    homes = [f for f in facts if all(holds(f, o, v) for o, v in reports)]
    if not homes:
        spread = sorted({f["id"] for f in facts for o, v in reports if holds(f, o, v)})
        return False, f"no one fact holds every report (spread over {len(spread)} facts)"
    fact = max(homes, key=lambda f: len(f["claims"]))
    intruders = [(o, v) for other in others for o, v in slot_reports(other) if holds(fact, o, v)
                 and (o, v) not in reports]
    if intruders:
        return False, f"holds values of another slot: {intruders[:3]}"
    statuses = set(fact.get("statuses") or [fact["status"]])
    kind = slot["kind"]
    if kind == "background":
        return (True, "") if fact.get("background") else (False, "not marked background")
    if fact.get("background"):
        return False, f"marked background ({fact.get('anchor')})"
    if kind == "conflict" and "conflicting" not in statuses:
        return False, f"not conflicting ({fact['status']})"
    if kind == "update":
        if "updated" not in statuses or "conflicting" in statuses:
            return False, f"not updated alone ({', '.join(sorted(statuses))})"
        latest = fact.get("latest") or {}
        if not (_same(latest.get("low"), figure(slot["latest"])) or _same(latest.get("high"), figure(slot["latest"]))):
            return False, f"latest {latest.get('value')!r}, labelled {slot['latest']!r}"
    if kind == "consistent" and statuses & {"conflicting", "updated"}:
        return False, f"{', '.join(sorted(statuses))}"
    return True, ""


def impure(conflict: dict, slots: list[dict]) -> bool:
    """Both sides are labelled values, of two different slots."""
    def owners(side: dict) -> set[int]:
        value = figure(side["value"])
        return {n for n, s in enumerate(slots) for o, v in slot_reports(s) if o == side["outlet"] and _same(v, value)}

    a, b = owners(conflict["a"]), owners(conflict["b"])
    return bool(a and b and not a & b)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--gold", type=Path, default=GOLD, help="hand-labelled stories (JSON)")
    parser.add_argument("--story", action="append", help="only these stories (repeatable)")
    parser.add_argument("--show", action="store_true", help="print every slot and every impure conflict")
    parser.add_argument("--dump", type=Path, help="write each story's dossier as JSON into this folder")
    args = parser.parse_args(argv)
    root = corpus(args.root)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["stories"]
    ok = total = impure_n = updates_ok = updates = 0
    for story in gold:
        if args.story and story["story"] not in args.story:
            continue
        start = time.perf_counter()
        dossier = compare_story(story, root)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{story['story']}.json").write_text(json.dumps(dossier, indent=1), encoding="utf-8")
        facts, slots = dossier["facts"], story["slots"]
        right = 0
        lines = []
        for n, slot in enumerate(slots):
            good, why = judge_slot(slot, slots[:n] + slots[n + 1:], facts)
            right += good
            if slot["kind"] == "update":
                updates += 1
                updates_ok += good
            lines.append(f"    {'ok ' if good else 'BAD'} {slot['kind']:10s} {slot['attribute']:10s} "
                         f"{slot.get('event', 'current'):14s} {why}")
        bad = [c for f in facts for c in f["conflicts"] if impure(c, slots)]
        ok, total, impure_n = ok + right, total + len(slots), impure_n + len(bad)
        print(f"{story['story']}: {len(story['articles'])} reports, slots {right}/{len(slots)}, impure conflicts "
              f"{len(bad)}, {len(facts)} facts ({time.perf_counter() - start:.1f} s)", flush=True)
        if args.show:
            print("\n".join(lines))
            for c in bad:
                print(f"    impure: {c['explanation'][:160]}")
    common.result("story_facts", slots_ok=f"{ok}/{total}", impure_conflicts=impure_n,
                  updates_ok=f"{updates_ok}/{updates}")


if __name__ == "__main__":
    main()
