"""NTREX-128 (Federmann et al. 2022): claims aligned across English, Ukrainian and Russian, and translations
recognised as copies.

Each English article is compared (``newsweave.compare.compare``) with its professional Ukrainian translation, and
separately with its Russian one; every line pair of the sentence-aligned files is one claim in two languages. A
predicted pair is two claims of different languages in one fact; it is right when their sentences come from the
same line, or when the fact joins both lines in both languages (the article repeats itself, headline and lede:
the cross pair mirrors a within-article grouping; counted wrong in the strict figure also printed). Recall: the share of lines (with a claim on both sides) whose two claims share a fact. Copies: each
English article against its translation (``embed.translation.is_translation``), and against the translation of the
next article (a different text: must not be a copy). Articles are the lines of a document, one per paragraph,
the first line the title; no publication time. Data: ``--root`` (first 60 of 123 documents here).
Targets: F1 >= 0.9 for uk-en and ru-en; every translation a copy, no other pair.

    .venv/bin/python bench/crosslingual_align.py [--root DIR] [--limit N] [--languages uk,ru]

Last line: ``crosslingual_align: uk_f1=.. uk_strict_f1=.. ru_f1=.. ru_strict_f1=.. copies=.. false_copies=..
docs=..``.
"""
from __future__ import annotations

import argparse
import time
from collections import OrderedDict

import common
from newsweave.compare import compare
from newsweave.embed.embedders import MULTILINGUAL, get_embedder
from newsweave.embed.translation import is_translation
from newsweave.models import Article
from newsweave.normalize import normalize_many

FILES = {"en": "newstest2019-ref.eng-US.txt", "uk": "newstest2019-ref.ukr.txt", "ru": "newstest2019-ref.rus.txt"}


def documents(root) -> "OrderedDict[str, dict[str, list[str]]]":
    ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = {lang: (root / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    docs: OrderedDict[str, dict[str, list[str]]] = OrderedDict()
    for i, doc in enumerate(ids):
        entry = docs.setdefault(doc.strip(), {lang: [] for lang in FILES})
        for lang in FILES:
            entry[lang].append(lines[lang][i].strip())
    return docs


def article(doc: str, lang: str, lines: list[str]) -> Article:
    text = "\n".join(lines)
    return Article(id=f"{doc}.{lang}", outlet=f"{doc.split('.')[0]} ({lang})", title=lines[0], text=text,
                   language=lang)


def line_of(article_: Article, offset: int) -> int:
    return article_.text.count("\n", 0, offset)


def evaluate(en: Article, other: Article, annotations) -> tuple[int, int, int, int]:
    """(right pairs, predicted pairs, lines found, lines with claims on both sides) of one comparison."""
    dossier = compare([en, other], annotations)
    story = dossier.stories[0]
    pairs = set()
    sides: dict[str, set[int]] = {en.id: set(), other.id: set()}
    for fact in story.facts:
        for claim in fact.claims:
            sides[claim.article].add(line_of(en if claim.article == en.id else other, claim.start))
        for a in fact.claims:
            for b in fact.claims:
                if a.article == en.id and b.article == other.id:
                    pairs.add((line_of(en, a.start), line_of(other, b.start)))
    right = sum(1 for x, y in pairs if x == y)
    gold = sides[en.id] & sides[other.id]
    repeats = sum(1 for x, y in pairs if x != y and _repeated(story.facts, en, other, x, y))
    found = {x for x, y in pairs if x == y}
    return right, len(pairs), len(found & gold), len(gold), repeats


def _repeated(facts, en: Article, other: Article, x: int, y: int) -> bool:
    """Lines x and y are one fact in both languages: the article repeats itself (headline and lede), so the
    cross pair (x, y) only mirrors that within-article grouping."""
    for fact in facts:
        lines = {(c.article, line_of(en if c.article == en.id else other, c.start)) for c in fact.claims}
        if {(en.id, x), (en.id, y), (other.id, x), (other.id, y)} <= lines:
            return True
    return False


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "multilingual/ntrex")
    parser.add_argument("--limit", type=int, default=None, help="documents to read (default: all)")
    parser.add_argument("--languages", default="uk,ru")
    args = parser.parse_args()
    docs = list(documents(args.root).items())[: args.limit]
    languages = [x for x in args.languages.split(",") if x]
    e5 = get_embedder(MULTILINGUAL)
    totals = {lang: [0, 0, 0, 0, 0] for lang in languages}
    copies = false_copies = checks = 0
    started = time.perf_counter()
    for k, (doc, texts) in enumerate(docs):
        en = article(doc, "en", texts["en"])
        for lang in languages:
            other = article(doc, lang, texts[lang])
            annotations = normalize_many([en, other])
            for i, value in enumerate(evaluate(en, other, annotations)):
                totals[lang][i] += value
            sentences = [[s.text for s in ann.sentences] for ann in annotations]
            copies += is_translation(sentences[0], sentences[1], e5)
            checks += 1
            nxt = docs[(k + 1) % len(docs)][1]
            false_copies += is_translation(sentences[0], [line for line in nxt[lang] if line], e5)
        print(f"{k + 1}/{len(docs)} {doc} " + " ".join(
            f"{lang}: P {t[0] / max(t[1], 1):.3f} R {t[2] / max(t[3], 1):.3f}" for lang, t in totals.items()),
            flush=True)
    figures = {}
    for lang, (right, predicted, found, gold, repeats) in totals.items():
        p, r = (right + repeats) / max(predicted, 1), found / max(gold, 1)
        strict = right / max(predicted, 1)
        print(f"{lang}-en: precision {p:.3f} ({right}+{repeats} repeats/{predicted}), recall {r:.3f} ({found}/{gold}), "
              f"F1 {f1(p, r):.3f}   target F1 >= 0.9;  strict (repeats wrong): P {strict:.3f}, F1 {f1(strict, r):.3f}")
        figures[f"{lang}_f1"] = f"{f1(p, r):.3f}"
        figures[f"{lang}_strict_f1"] = f"{f1(strict, r):.3f}"
    print(f"translations recognised as copies: {copies}/{checks}; other articles taken for copies: "
          f"{false_copies}/{checks}   target: all, none   ({time.perf_counter() - started:.0f} s)")
    common.result("crosslingual_align", **figures, copies=f"{copies / max(checks, 1):.3f}",
                  false_copies=f"{false_copies / max(checks, 1):.3f}", docs=len(docs))


if __name__ == "__main__":
    main()
