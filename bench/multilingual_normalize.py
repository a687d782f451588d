"""Ukrainian and Russian normalisation: names on SlavicNER, dates, money and quantities on NER-UK.

- Names (``normalize.lang.names``) against SlavicNER's PER/LOC/ORG mentions (our PERSON -> PER, GPE/LOC/FAC -> LOC,
  ORG -> ORG): strict F1 (same span, same type) per language and type, and relaxed F1 (overlapping span, same type).
- Cross-language links (``normalize.lang.links``): a gold mention found is linked right when its id names the
  entity of the gold cross-lingual id, read the way an English mention of it is (``links.english_id`` of the id's
  English name, e.g. ``PER-Theresa-May`` -> "Theresa May"), compared by ``links.same_entity``.
- Dates, money, quantities (``normalize.lang.dates`` / ``numbers``, no publication time): recall of NER-UK's gold
  DATE, MON and QUANT spans (any overlap), and on the hand-labelled sample ``multilingual_normalize_labels.tsv``
  (file, offsets, the value a reader gives it) the share resolved to that value.

NER-UK is CC BY-NC-SA and SlavicNER research-only: measured here, nothing fitted on them. Data: ``--root`` (the
multilingual folder holding slavicner/ and ner-uk/). Targets: entity F1 >= 0.8 per language, links >= 0.9, date
recall >= 0.9.

    .venv/bin/python bench/multilingual_normalize.py [--root DIR] [--step N]

Last line: ``multilingual_normalize: uk_f1=.. ru_f1=.. uk_relaxed_f1=.. ru_relaxed_f1=.. links=.. date_recall=..
money_recall=.. quantity_recall=.. values=..``.
"""
from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import common
from newsweave.normalize.lang import TABLES
from newsweave.normalize.lang.dates import extract_times
from newsweave.normalize.lang.links import english_id, link, same_entity
from newsweave.normalize.lang.names import base_form, entity_spans
from newsweave.normalize.lang.numbers import extract_ages, extract_quantities

TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
LABELS = Path(__file__).with_name("multilingual_normalize_labels.tsv")
_ANN = re.compile(r"^T\d+\t(\w+)[\t ](\d+)[\t ](\d+)(?:;\d+ \d+)*\t")


# --------------------------------------------------------------------------- names

def slavicner_docs(root: Path, lang: str, step: int):
    for raw in sorted(root.glob(f"raw/*/{lang}/*"))[::step]:
        ann = root / "ner" / raw.parts[-3] / lang / (raw.stem + ".tsv")
        if not ann.exists():
            continue
        gold = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 6 and parts[4] in ("PER", "LOC", "ORG"):
                gold[(int(parts[0]), int(parts[1]))] = (parts[4], parts[5])
        yield raw.read_text(encoding="utf-8"), gold


def gold_names(ident: str) -> list[str]:
    """``PER-Theresa-May`` -> ["Theresa May"]; ``ORG-EMA-European-Medicines-Agency`` -> the whole, the acronym and
    its expansion."""
    words = ident.split("-")[1:] if "-" in ident else [ident]
    names = [" ".join(words)]
    if len(words) > 1 and words[0].isupper() and len(words[0]) > 1:
        names += [words[0], " ".join(words[1:])]
    return names


def names(root: Path, lang: str, step: int) -> dict:
    strict, relaxed, by_type = Counter(), Counter(), defaultdict(Counter)
    linked = found = 0
    for text, gold in slavicner_docs(root, lang, step):
        pred = {(s, e): TYPES[label] for s, e, label in entity_spans(text) if label in TYPES}
        for (s, e), typ in pred.items():
            ok = gold.get((s, e), ("",))[0] == typ
            strict["tp" if ok else "fp"] += 1
            by_type[typ]["tp" if ok else "fp"] += 1
            relaxed["tp" if any(a < e and s < b and g[0] == typ for (a, b), g in gold.items()) else "fp"] += 1
        for (s, e), (typ, ident) in gold.items():
            if pred.get((s, e)) != typ:
                strict["fn"] += 1
                by_type[typ]["fn"] += 1
            hit = next(((a, b) for (a, b) in pred if a < e and s < b), None)
            if hit is None or pred[hit] != typ:
                relaxed["fn"] += 1
            if hit is not None:
                found += 1
                mention = text[hit[0]:hit[1]]
                ours = link(mention, base_form(mention, lang), lang, _label(pred[hit]))[0]
                linked += any(same_entity(ours, english_id(t)) or same_entity(ours, t) for t in gold_names(ident))
    return {"strict": f1(strict), "relaxed": f1(relaxed), "types": {t: f1(c) for t, c in sorted(by_type.items())},
            "links": (linked, found)}


def _label(typ: str) -> str:
    return {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}[typ]


def f1(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / max(c["tp"] + c["fp"], 1)
    r = c["tp"] / max(c["tp"] + c["fn"], 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- dates, money, quantities

def ner_uk_files(root: Path) -> list[Path]:
    return sorted(root.glob("v2.0/data/*/*.ann"))


def read_ann(path: Path) -> list[tuple[str, int, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ANN.match(line)
        if m:
            out.append((m.group(1), int(m.group(2)), int(m.group(3))))
    return out


def analyse(text: str):
    table = TABLES["uk"]
    times = extract_times(text, None, table)
    ages = extract_ages(text, None, table)
    masks = [(t.start, t.end) for t in times] + [(a.start, a.end) for a in ages]
    return times, extract_quantities(text, table, masks=masks)


def spans_recall(root: Path) -> tuple[dict[str, tuple[int, int]], dict[str, tuple]]:
    hits, totals, analysed = Counter(), Counter(), {}
    for ann in ner_uk_files(root):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        times, quantities = analyse(text)
        analysed[ann.stem] = (text, times, quantities)
        for kind, s, e in read_ann(ann):
            if kind not in ("DATE", "MON", "QUANT"):
                continue
            pool = times if kind == "DATE" else quantities
            totals[kind] += 1
            hits[kind] += any(x.start < e and s < x.end for x in pool)
    return {k: (hits[k], totals[k]) for k in ("DATE", "MON", "QUANT")}, analysed


def values(analysed: dict[str, tuple]) -> tuple[int, int, list[str]]:
    """(right, labelled, misses) on the hand-labelled sample."""
    if not LABELS.exists():
        return 0, 0, []
    right = total = 0
    misses = []
    with LABELS.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            text, times, quantities = analysed[row["file"]]
            s, e = int(row["start"]), int(row["end"])
            total += 1
            if row["kind"] == "DATE":
                got = next((f"{t.begin or '-'} {t.until or '-'}" for t in times if t.start < e and s < t.end), "none")
            else:
                got = next((f"{_amount(q):.10g} {q.unit or '-'}" for q in quantities
                            if q.start < e and s < q.end and _amount(q) is not None), "none")
            if got == row["value"]:
                right += 1
            else:
                misses.append(f"{text[s:e]!r}: expected {row['value']}, got {got}")
    return right, total, misses


def _amount(q) -> float | None:
    return q.low if q.low is not None else q.high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "multilingual", what="the multilingual folder: slavicner/ and ner-uk/")
    parser.add_argument("--step", type=int, default=1, help="read every Nth SlavicNER article (default: all)")
    args = parser.parse_args()
    started = time.perf_counter()
    figures, linked, found = {}, 0, 0
    for lang in ("uk", "ru"):
        r = names(args.root / "slavicner", lang, args.step)
        p, rec, f = r["strict"]
        print(f"{lang} names: strict P {p:.3f} R {rec:.3f} F1 {f:.3f}; relaxed F1 {r['relaxed'][2]:.3f}; "
              + ", ".join(f"{t} {v[2]:.3f}" for t, v in r["types"].items()) + "   target F1 >= 0.8")
        print(f"{lang} links: {r['links'][0]}/{r['links'][1]} mentions found linked to their entity "
              f"({r['links'][0] / max(r['links'][1], 1):.3f})")
        figures[f"{lang}_f1"] = f"{f:.3f}"
        figures[f"{lang}_relaxed_f1"] = f"{r['relaxed'][2]:.3f}"
        linked, found = linked + r["links"][0], found + r["links"][1]
    recall, analysed = spans_recall(args.root / "ner-uk")
    for kind, (hit, total) in recall.items():
        print(f"ner-uk {kind}: recall {hit / max(total, 1):.3f} ({hit}/{total})" + ("   target >= 0.9" if kind == "DATE" else ""))
    right, labelled, misses = values(analysed)
    for miss in misses:
        print("  value miss:", miss)
    print(f"hand-labelled values: {right}/{labelled} resolved right; links {linked}/{found}   target >= 0.9 "
          f"({time.perf_counter() - started:.0f} s)")
    common.result("multilingual_normalize", **figures, links=f"{linked / max(found, 1):.3f}",
                  date_recall=f"{recall['DATE'][0] / max(recall['DATE'][1], 1):.3f}",
                  money_recall=f"{recall['MON'][0] / max(recall['MON'][1], 1):.3f}",
                  quantity_recall=f"{recall['QUANT'][0] / max(recall['QUANT'][1], 1):.3f}",
                  values=f"{right / max(labelled, 1):.3f}")


if __name__ == "__main__":
    main()
