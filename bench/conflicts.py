"""Conflict detection on perturbed MSRP paraphrases: recall per kind and false alarms on untouched pairs.

From the MSRP train pairs labelled paraphrase, one side is perturbed (seeded): a number both sides state changed, a
date both state changed, a named entity swapped for another of the corpus, or the polarity flipped ("was" -> "was
not").  Both sides become claims with the normaliser's own extractors, as ``compare`` builds them, and are compared
with newsweave.compare.verdict.rules.  MSRP has no publication times: a date without a year takes it from 2004-06-01,
deictic expressions stay unresolved.  False alarms are counted on the untouched pairs, raw and without the pairs a
person verified to differ genuinely (bench/conflicts_genuine.tsv).  Data: MSRP train (``--root``).  No published
anchor; targets: recall >= 0.95 per kind, false alarms <= 0.03.  Published: number 0.957, date 0.952, entity 0.950,
polarity 0.955, false alarms 0.025 without the verified pairs.

    .venv/bin/python bench/conflicts.py [--root DIR] [--seed 13] [--limit N] [--show N]

Last line: ``conflicts: number=.. date=.. entity=.. polarity=.. false_alarm=.. false_alarm_excl_genuine=.. genuine=..``.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, also when a test loads this file by its path
import common  # noqa: E402
from _undated import undated_times  # noqa: E402
from msrp import load  # noqa: E402
from newsweave.compare.claims import slots  # noqa: E402
from newsweave.compare.claims.extract import NEGATION  # noqa: E402
from newsweave.compare.verdict import rules  # noqa: E402
from newsweave.models import Claim, content_hash  # noqa: E402

GENUINE = common.BENCH / "conflicts_genuine.tsv"
REFERENCE = date(2004, 6, 1)  # MSRP news is from 2003-2004: relative dates resolve near then
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|will|would|can|could|should)\b(?! not\b)")


ENTITIES: dict[str, tuple] = {}


def load_entities(texts, use_ner: bool) -> None:
    """Entities of every text: spaCy NER through the normaliser (default), or the regex stand-in."""
    todo = sorted({t for t in texts if t not in ENTITIES})
    if use_ner:
        from newsweave.normalize.entities import extract_entities, parse_many

        for text, doc in zip(todo, parse_many(todo, batch_size=64)):
            ENTITIES[text] = extract_entities(text, doc)
    else:
        for text in todo:
            ENTITIES[text] = slots.entities(text)


def entities(text: str) -> tuple:
    if text not in ENTITIES:
        ENTITIES[text] = slots.entities(text)
    return ENTITIES[text]


USE_NORMALISER = True


def _slots(text: str) -> tuple[tuple, tuple, tuple]:
    """Times, quantities and ages of a text: the normaliser's extractors (what `compare` uses), or the small
    regex extractors of newsweave.compare.claims.slots (--slot-extractors)."""
    if not USE_NORMALISER:
        return slots.times(text, REFERENCE), slots.quantities(text), slots.ages(text, REFERENCE)
    from datetime import datetime

    from newsweave.normalize.ages import extract_ages
    from newsweave.normalize.quantities import extract_quantities
    from newsweave.normalize.times import extract_times

    reference = datetime(REFERENCE.year, REFERENCE.month, REFERENCE.day)
    return _times(text, reference), extract_quantities(text), extract_ages(text, reference)


def _times(text: str, reference) -> tuple:
    """Times as the normaliser resolves them when only the year of publication is known: MSRP pairs carry no
    publication time, and the two sides of a pair were published on different days, so deictic expressions
    ("today", "Thursday", "last week") stay unresolved, while a date without a year ("June 15") takes its year
    from the reference. Each expression keeps the resolution it has without a reference, unless that one only
    lacked the year."""
    from newsweave.normalize.times import extract_times

    return undated_times(text, extract_times(text, reference))


def claim(text: str, side: str) -> Claim:
    times, quantities, ages = _slots(text)
    return Claim(id=content_hash(side, text), article=side, outlet=side, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=side,
                 negated=bool(NEGATION.search(text)), entities=entities(text),
                 times=times, quantities=quantities, ages=ages)


def perturb_number(a: str, b: str, rng: random.Random) -> str | None:
    """Change a number that both sides state."""
    qs = [q for q in slots.quantities(b) if q.low is not None and re.search(r"\d", q.text)
          and re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", q.text).group(0) in a]
    if not qs:
        return None
    q = rng.choice(qs)
    m = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", q.text)
    raw = m.group(0)
    value = float(raw.replace(",", ""))
    new = value * rng.choice((0.5, 0.6, 1.5, 2.0, 3.0)) + rng.choice((1, 2, 3))
    new_text = f"{new:,.0f}" if "," in raw else (f"{new:.{len(raw.split('.')[1])}f}" if "." in raw else f"{new:.0f}")
    start = q.start + m.start()
    return b[:start] + new_text + b[start + len(raw):]


def perturb_date(a: str, b: str, rng: random.Random) -> str | None:
    """Change a date (year, or month) that both sides state."""
    ts = [t for t in slots.times(b, REFERENCE) if t.resolved and t.text in a and t.note != "weekday"]
    if not ts:
        return None
    t = rng.choice(ts)
    year = re.search(r"(?:19|20)\d\d", t.text)
    if year:
        shifted = str(int(year.group(0)) + rng.choice((-3, -2, -1, 1, 2, 3)))
        s = t.start + year.start()
        return b[:s] + shifted + b[s + 4:]
    month = re.search(r"[A-Za-z]+", t.text)
    names = [m.capitalize() for m in slots.MONTHS]
    current = next((n for n in names if n.lower().startswith(month.group(0).lower()[:3])), None)
    other = rng.choice([n for n in names if n != current and n != "May"])
    s = t.start + month.start()
    return b[:s] + other + b[s + len(month.group(0)):]


def perturb_entity(a: str, b: str, pool: dict[str, list[str]], rng: random.Random) -> str | None:
    """Swap a named entity both sides name for another entity of the same type from the corpus."""
    shared = [e for e in entities(b) if e.text in a and len(e.text) > 3 and pool.get(e.label)]
    if not shared:
        return None
    e = rng.choice(shared)
    choices = [p for p in pool[e.label] if p.casefold() not in (a + b).casefold()]
    if not choices:
        return None
    new = rng.choice(choices)
    if same_name(e.text, new):
        return None  # the same name written another way is no swap (chosen first, so the seeded draws stay the same)
    return b[:e.start] + new + b[e.end:]


def same_name(old: str, new: str) -> bool:
    """One name written two ways, which a swap must not pick: "Donald Rumsfeld" / "Donald H. Rumsfeld" (the words
    of one among the other's), "Saudi" / "Saudis" (a plural), "New York Stock Exchange" / "NYSE" (initials)."""
    wo, wn = (re.findall(r"[a-z]+", v.casefold()) for v in (old, new))
    if not wo or not wn:
        return False
    if set(wo) <= set(wn) or set(wn) <= set(wo):
        return True
    jo, jn = "".join(wo), "".join(wn)
    if jo.rstrip("s") == jn.rstrip("s"):
        return True
    initials = lambda v: "".join(w[0] for w in re.findall(r"[A-Za-z]+", v) if w[0].isupper()).casefold()
    return min(len(jo), len(jn)) >= 2 and (jn == initials(old) or jo == initials(new))


def perturb_polarity(b: str, rng: random.Random) -> str | None:
    if NEGATION.search(b):
        return None
    m = _AUX.search(b)
    if not m:
        return None
    return b[:m.end()] + " not" + b[m.end():]


def _plain(text: str) -> str:
    """MSRP marks quotation marks as <QUOTE>; restore them so NER does not read them as names."""
    return text.replace("<QUOTE>", '"')


def load_genuine(path: Path = GENUINE) -> dict[str, str]:
    """Pair hash -> note, for untouched pairs verified by hand to contain a genuine difference."""
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {r[0]: "\t".join(r[1:]) for r in rows}


def pair_key(a: str, b: str) -> str:
    return content_hash(a, b)


def build(pairs, seed: int, use_ner: bool) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    load_entities([t for pair in pairs for t in pair], use_ner)
    pool: dict[str, list[str]] = {}
    for _, b in pairs[:600]:
        for e in entities(b):
            if len(e.text.split()) <= 3 and len(e.text) > 3 and e.text not in pool.setdefault(e.label, []):
                pool[e.label].append(e.text)
    perturbed = []
    for a, b in pairs:
        for kind in ("number", "date", "entity", "polarity"):
            changed = {"number": lambda: perturb_number(a, b, rng), "date": lambda: perturb_date(a, b, rng),
                       "entity": lambda: perturb_entity(a, b, pool, rng),
                       "polarity": lambda: perturb_polarity(b, rng)}[kind]()
            if changed and changed != b:
                perturbed.append((kind, a, changed))
    load_entities([p[2] for p in perturbed], use_ner)
    return perturbed


def _example(a: str, b: str, found) -> str:
    lines = [f"    A: {a}", f"    B: {b}"]
    lines += [f"    -> {c.kind}: {c.explanation}" for c in found]
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "msrp")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N missed perturbations per kind and N false alarms")
    parser.add_argument("--regex-entities", action="store_true", help="regex stand-in instead of spaCy NER")
    parser.add_argument("--slot-extractors", action="store_true",
                        help="times, numbers and ages from newsweave.compare.claims.slots instead of the normaliser")
    args = parser.parse_args(argv)
    global USE_NORMALISER
    USE_NORMALISER = not args.slot_extractors
    pairs = [(_plain(a), _plain(b)) for label, a, b in load(Path(args.root) / "msr_paraphrase_train.txt", args.limit)
             if label == 1]
    perturbed = build(pairs, args.seed, not args.regex_entities)
    genuine = load_genuine()
    alarms: list[tuple[str, str, list]] = []
    for a, b in pairs:
        found = rules.conflicts(claim(a, "A"), claim(b, "B"))
        if found:
            alarms.append((a, b, found))
    hits = {k: [0, 0] for k in ("number", "date", "entity", "polarity")}
    misses: dict[str, list] = {k: [] for k in hits}
    for kind, a, changed in perturbed:
        found = rules.conflicts(claim(a, "A"), claim(changed, "B"))
        hit = kind in {c.kind for c in found}
        hits[kind][0] += hit
        hits[kind][1] += 1
        if not hit:
            misses[kind].append((a, changed, found))
    recall = {k: v[0] / max(v[1], 1) for k, v in hits.items()}
    verified = [x for x in alarms if pair_key(x[0], x[1]) in genuine]
    false_alarm = len(alarms) / max(len(pairs), 1)
    rest = len(pairs) - len(verified)
    false_alarm_rest = (len(alarms) - len(verified)) / max(rest, 1)
    print(f"MSRP train paraphrase pairs: {len(pairs)} (seed {args.seed}); targets: recall >= 0.95, false alarms <= 0.03")
    for kind, (found, total) in hits.items():
        print(f"  {kind:9s} perturbed {total:5d}  flagged {found:5d}  recall {recall[kind]:.3f}")
    by_kind = {k: sum(any(c.kind == k for c in x[2]) for x in alarms) for k in hits}
    print(f"  untouched pairs flagged: {len(alarms)} of {len(pairs)}  false alarm rate {false_alarm:.3f}  "
          f"(pairs flagged per kind: {', '.join(f'{k} {v}' for k, v in by_kind.items())})")
    print(f"  of those, verified by hand as genuine differences ({GENUINE.name}): {len(verified)}; "
          f"false alarm rate without them {false_alarm_rest:.3f} ({len(alarms) - len(verified)} of {rest})")
    for a, b, found in verified[:3]:
        print(f"  genuine difference [{genuine[pair_key(a, b)]}]:\n" + _example(a, b, found))
    if args.show:
        for kind, items in misses.items():
            print(f"\n-- missed {kind} ({len(items)}), first {args.show}:")
            for a, b, found in items[:args.show]:
                print(_example(a, b, found))
        unverified = [x for x in alarms if pair_key(x[0], x[1]) not in genuine]
        print(f"\n-- false alarms not verified as genuine ({len(unverified)}), first {args.show}:")
        for a, b, found in unverified[:args.show]:
            print(f"  [{pair_key(a, b)}]\n" + _example(a, b, found))
    common.result("conflicts", **{k: f"{v:.2f}" for k, v in recall.items()}, false_alarm=f"{false_alarm:.2f}",
                  false_alarm_excl_genuine=f"{false_alarm_rest:.2f}", genuine=len(verified))


if __name__ == "__main__":
    main()
