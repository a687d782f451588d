"""Conflicts found through the whole comparison: real sentence pairs of two outlets with one value changed.

A second perturbation benchmark, made differently from bench/conflicts.py on every count:

- the sentences: pairs from two different reports of one ECB+ story (train and dev topics, never 36-45) that
  mention the same event (gold cross-document event coreference, annotation checked) and state the same value:
  two outlets' wordings of one fact, not MSRP paraphrases;
- the values changed by other rules: a number moved by 30-70% (small counts by 2 to 5) and written as the original
  was (a word stays a word); a date moved to another weekday, another day of the month, or a year 4-12 years away;
  a name swapped for one of the same type taken from another topic; a statement denied by "never" before its verb
  (after its auxiliary);
- the judge: the two sentences go through ``newsweave.compare`` as two one-sentence reports published at the same
  time (normaliser, claims, slots, alignment, verdicts), not through the rules alone; a changed pair is found when
  the dossier holds a conflict of that kind between the two reports.

False alarms: the untouched pairs whose dossier holds any conflict. Data: ECB+ (``--root``). No published anchor;
targets: recall >= 0.95 per kind.

    .venv/bin/python bench/conflicts_aligned.py [--root DIR] [--seed 13] [--limit 120] [--show N]

Last line: ``conflicts_aligned: number=.. date=.. entity=.. polarity=.. false_alarm=.. pairs=..``.
"""
from __future__ import annotations

import argparse
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import common
from _ecbplus import FILE, add_root, checked_sentences, corpus, read_tokens, topic_range
from story_facts import join_tokens

KINDS = ("number", "date", "entity", "polarity")
PUBLISHED = "2009-03-04T12:00:00Z"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_AUX = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|could|can|did|does|do)\b(?! not\b| never\b)")


# --------------------------------------------------------------------------- pairs

def sentences(path: Path, checked: set[tuple[str, int]]) -> list[tuple[str, set[str]]]:
    """(text, event instance ids) of the file's annotation-checked sentences that mention a coreferent event."""
    tree = ET.parse(path).getroot()
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in tree.iter("token")}
    mentions: dict[str, set[int]] = {}
    markables = tree.find("Markables")
    for m in (markables if markables is not None else []):
        if m.tag.startswith("ACTION"):
            mentions[m.get("m_id")] = {sentence_of[a.get("t_id")] for a in m.iter("token_anchor")
                                       if a.get("t_id") in sentence_of}
    events: dict[int, set[str]] = defaultdict(set)
    for link in tree.iter("CROSS_DOC_COREF"):
        for source in link.iter("source"):
            for s in mentions.get(source.get("m_id"), ()):
                events[s].add(link.get("note"))
    words: dict[int, list[str]] = defaultdict(list)
    for token in read_tokens(tree):
        words[token.sentence].append(token.text)
    stem = path.name[:-4]
    return [(join_tokens(words[s]), ids) for s, ids in sorted(events.items())
            if (stem, s) in checked and s in words and not (s == 0 and stem.endswith("ecbplus"))]


def coreferent_pairs(root: Path, data: Path) -> list[tuple[str, str]]:
    """Sentence pairs of two reports of one story that mention the same event, in a stable order."""
    checked = checked_sentences(data)
    stories: dict[tuple[int, str], list[Path]] = defaultdict(list)
    for path in sorted(root.rglob("*.xml")):
        m = FILE.match(path.name)
        if m and topic_range(int(m.group(1))) != "test":
            stories[(int(m.group(1)), m.group(3))].append(path)
    pairs = []
    for paths in stories.values():
        found = [(p, text, ids) for p in paths for text, ids in sentences(p, checked)]
        for (pa, a, ia), (pb, b, ib) in combinations(found, 2):
            if pa != pb and ia & ib and a != b and 6 <= len(a.split()) <= 60 and 6 <= len(b.split()) <= 60:
                pairs.append((a, b))
    return sorted(set(pairs))


# --------------------------------------------------------------------------- perturbations

def perturb(kind: str, a: str, b: str, pool: dict[str, list[str]], rng: random.Random) -> str | None:
    return {"number": lambda: change_number(a, b, rng), "date": lambda: change_date(a, b, rng),
            "entity": lambda: swap_name(a, b, pool, rng), "polarity": lambda: deny(b)}[kind]()


def change_number(a: str, b: str, rng: random.Random) -> str | None:
    """Move a figure both sentences state by 30-70% (a count under 13 by 2 to 5), written the same way."""
    from newsweave.normalize.quantities import extract_quantities

    shared = [q for q in extract_quantities(b) if q.low is not None and not q.unit.startswith("label")
              and _figure(q.text) and _figure(q.text) in a]
    if not shared:
        return None
    q = rng.choice(shared)
    raw = _figure(q.text)
    value = q.low if q.qualifier not in ("up_to", "less_than") else q.high
    if value is None or value <= 0:
        return None
    if value < 13 and float(value).is_integer():
        new = value + rng.choice((2, 3, 4, 5)) * rng.choice((1, -1) if value > 6 else (1,))
        text = _NUMBER_WORDS[int(new)] if raw.isalpha() and new < len(_NUMBER_WORDS) else f"{new:.0f}"
        if raw[:1].isupper():
            text = text.capitalize()
    else:
        new = value * rng.choice((0.3, 0.4, 1.5, 1.7))
        text = _written_like(raw, new, q)
        if text is None:
            return None
    start = b.find(raw, q.start)
    return b[:start] + text + b[start + len(raw):] if start >= 0 and text != raw else None


def _figure(text: str) -> str:
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_NUMBER_WORDS[1:]) + r")\b", text, re.I)
    return m.group(0) if m else ""


def _written_like(raw: str, new: float, q) -> str | None:
    """``new`` written like ``raw``: same decimals, thousands separators when it had them; the scale word
    ("million") is left in place, so the figure is moved within it."""
    if raw.isalpha():
        return None
    scale = q.low / float(raw.replace(",", "")) if float(raw.replace(",", "") or 0) else 1.0
    figure = new / scale
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    text = f"{figure:,.{decimals}f}" if "," in raw else f"{figure:.{decimals}f}"
    return text if text != raw else None


def change_date(a: str, b: str, rng: random.Random) -> str | None:
    """Another weekday, another day of the month, or a year 4-12 years away, for a date both sentences give."""
    choices = []
    for day in _WEEKDAYS:
        if re.search(rf"\b{day}\b", a) and re.search(rf"\b{day}\b", b):
            other = rng.choice([d for d in _WEEKDAYS if d != day])
            choices.append((rf"\b{day}\b", other))
    for m in re.finditer(r"\b(?:19|20)\d\d\b", b):
        if m.group(0) in a:
            choices.append((rf"\b{m.group(0)}\b", str(int(m.group(0)) + rng.choice((-12, -8, -5, 4, 7, 11)))))
    for m in re.finditer(r"\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", b):
        if m.group(0) in a:
            day = int(m.group(2))
            moved = day + rng.choice((3, 5, 8)) if day < 15 else day - rng.choice((3, 5, 8))
            choices.append((re.escape(m.group(0)), m.group(0)[:m.start(2) - m.start()] + str(moved)))
    if not choices:
        return None
    pattern, new = rng.choice(choices)
    return re.sub(pattern, new, b, count=1)


def swap_name(a: str, b: str, pool: dict[str, list[str]], rng: random.Random) -> str | None:
    """Swap a person, organisation or place both sentences name for one of its type from another story."""
    shared = [e for e in _entities(b) if e.label in ("PERSON", "ORG", "GPE") and e.text in a and len(e.text) > 3]
    if not shared:
        return None
    e = rng.choice(shared)
    options = [n for n in pool.get(e.label, []) if n.casefold() not in (a + b).casefold()
               and not set(n.casefold().split()) & set(e.text.casefold().split())]
    if not options:
        return None
    return b[:e.start] + rng.choice(options) + b[e.end:]


def deny(b: str) -> str | None:
    """The statement denied: "never" after its first auxiliary, else before its first past-tense verb."""
    if re.search(r"\b(?:not|never|n't|no)\b", b, re.I):
        return None
    aux = _AUX.search(b)
    if aux:
        return b[:aux.end()] + " never" + b[aux.end():]
    from newsweave.compare.claims.clauses import parsed

    verb = next((t for t in parsed(b) if t.tag_ == "VBD" and t.pos_ == "VERB"), None)
    return None if verb is None else b[:verb.idx] + "never " + b[verb.idx:]


_ENTITIES: dict[str, tuple] = {}


def _entities(text: str) -> tuple:
    if text not in _ENTITIES:
        from newsweave.normalize.entities import extract_entities, parse_many

        _ENTITIES[text] = extract_entities(text, next(iter(parse_many([text]))))
    return _ENTITIES[text]


def name_pool(pairs: list[tuple[str, str]], rng: random.Random) -> dict[str, list[str]]:
    pool: dict[str, set[str]] = defaultdict(set)
    for a, _ in rng.sample(pairs, min(len(pairs), 400)):
        for e in _entities(a):
            if e.label in ("PERSON", "ORG", "GPE") and 3 < len(e.text) <= 30 and len(e.text.split()) <= 3:
                pool[e.label].add(e.text)
    return {label: sorted(names) for label, names in pool.items()}


# --------------------------------------------------------------------------- judging

def conflicts_of(a: str, b: str) -> list[dict]:
    """The conflicts ``compare`` finds between two one-sentence reports published at the same time."""
    from newsweave.compare import compare
    from newsweave.compare.story import article_from_item

    articles = [article_from_item({"text": text, "outlet": outlet, "published": PUBLISHED}, n)
                for n, (text, outlet) in enumerate(((a, "Outlet A"), (b, "Outlet B")))]
    story = compare(articles).to_dict()["stories"][0]
    return [c for f in story["facts"] for c in f["conflicts"] if {c["a"]["outlet"], c["b"]["outlet"]} == {
        "Outlet A", "Outlet B"}]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=120, help="changed pairs per kind")
    parser.add_argument("--show", type=int, default=0, help="print N missed pairs per kind and N false alarms")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pairs = coreferent_pairs(corpus(args.root), args.root)
    pool = name_pool(pairs, rng)
    order = list(pairs)
    rng.shuffle(order)
    changed: dict[str, list[tuple[str, str, str]]] = {k: [] for k in KINDS}
    for a, b in order:
        for kind in KINDS:
            if len(changed[kind]) < args.limit:
                new = perturb(kind, a, b, pool, rng)
                if new and new != b:
                    changed[kind].append((a, b, new))
    recall, misses = {}, {}
    for kind in KINDS:
        found = [(a, new, conflicts_of(a, new)) for a, _, new in changed[kind]]
        hits = [x for x in found if any(c["kind"] == kind for c in x[2])]
        recall[kind] = len(hits) / max(len(found), 1)
        misses[kind] = [x for x in found if x not in hits]
        print(f"  {kind:9s} changed {len(found):4d}  found {len(hits):4d}  recall {recall[kind]:.3f}", flush=True)
    untouched = sorted({(a, b) for kind in KINDS for a, b, _ in changed[kind]})
    alarms = [(a, b, c) for a, b in untouched if (c := conflicts_of(a, b))]
    rate = len(alarms) / max(len(untouched), 1)
    print(f"  untouched pairs {len(untouched)}, with a conflict {len(alarms)} (rate {rate:.3f})")
    for kind in KINDS:
        for a, b, found in misses[kind][:args.show]:
            print(f"  missed {kind}:\n    A: {a}\n    B: {b}\n    -> {[c['explanation'] for c in found]}")
    for a, b, found in alarms[:args.show]:
        print(f"  false alarm:\n    A: {a}\n    B: {b}\n    -> {[c['explanation'] for c in found]}")
    common.result("conflicts_aligned", **{k: f"{v:.3f}" for k, v in recall.items()}, false_alarm=f"{rate:.3f}",
                  pairs=len(pairs))


if __name__ == "__main__":
    main()
