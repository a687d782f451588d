"""ECB+ (Cybulska & Vossen 2014): precision/recall of cross-article claim alignment against event coreference.

Each sub-topic (the ``ecb`` files of a topic, or its ``ecbplus`` files) is one story, compared with
newsweave.compare.  Gold aligned pairs: two sentences of different articles holding event mentions linked by
CROSS_DOC_COREF to the same instance, both listed in ECBplus_coreference_sentences.csv; predicted pairs: sentences
of claims of different articles grouped into one fact, both annotated.  Data: ECB+ (``--root``).  No published
anchor for this task (event coreference CoNLL F1 on test topics, a different task: same-lemma ~73-74, Barhom et al.
2019 79.5, CDLM 85.6).  Published (dev): precision 0.905, recall 0.497, F1 0.642.

    .venv/bin/python bench/ecbplus_align.py [--root DIR] [--split dev|train|all] [--topics N]

Last line: ``ecbplus_align: precision=.. recall=.. f1=.. articles_per_s=..``.
"""
from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import common
from newsweave.compare import compare
from newsweave.models import Article, article_id

from _ecbplus import DEV, add_root, checked_sentences, corpus, read_sentences

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'’”]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“]) ")


def read_doc(path: Path) -> tuple[list[tuple[int, str]], dict[int, set[str]]]:
    """(sentence number, text) in order, and the event instance ids mentioned per sentence."""
    tree = ET.parse(path).getroot()
    sentence_of_token = {tok.get("t_id"): int(tok.get("sentence")) for tok in tree.iter("token")}
    mention_sentences: dict[str, set[int]] = {}
    markables = tree.find("Markables")
    for m in (markables if markables is not None else []):
        if m.tag.startswith("ACTION") or m.tag.startswith("NEG_ACTION"):
            mention_sentences[m.get("m_id")] = {sentence_of_token[a.get("t_id")] for a in m.iter("token_anchor")
                                                if a.get("t_id") in sentence_of_token}
    events: dict[int, set[str]] = defaultdict(set)
    for link in tree.iter("CROSS_DOC_COREF"):
        for src in link.iter("source"):
            for s in mention_sentences.get(src.get("m_id"), ()):
                events[s].add(link.get("note"))
    _, body = read_sentences(path, doc=tree)  # without the source URL (sentence 0 of ecbplus files)
    return [(s, _detok(" ".join(words))) for s, words in body], events


def _detok(text: str) -> str:
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def story(paths: list[Path], checked: set[tuple[str, int]]):
    """Articles of one sub-topic, a map (article id, char offset) -> (file, sentence), gold pairs."""
    articles, spans, events = [], {}, {}
    for path in paths:
        name = path.name[:-4]
        sentences, ev = read_doc(path)
        text, offsets = "", []
        for number, sentence in sentences:
            offsets.append((len(text), len(text) + len(sentence), number))
            text += sentence + "\n"
        outlet = f"doc {name}"
        art = Article(id=article_id(text, outlet), outlet=outlet, title=sentences[0][1] if sentences else name,
                      text=text, original=text, published=None, language="en", path=str(path))
        articles.append(art)
        spans[art.id] = (name, offsets)
        events.update({(name, s): ids for s, ids in ev.items() if (name, s) in checked})
    gold = set()
    keys = sorted(events)
    for i, x in enumerate(keys):
        for y in keys[i + 1:]:
            if x[0] != y[0] and events[x] & events[y]:
                gold.add((x, y))
    return articles, spans, gold


def sentence_of(spans, claim) -> tuple[str, int] | None:
    name, offsets = spans[claim.article]
    for start, end, number in offsets:
        if start <= claim.start < end:
            return name, number
    return None


def predicted(dossier, spans, checked) -> set:
    pairs = set()
    for fact in dossier.stories[0].facts:
        where = [sentence_of(spans, c) for c in fact.claims]
        for i, x in enumerate(where):
            for y in where[i + 1:]:
                if x and y and x[0] != y[0] and x in checked and y in checked:
                    pairs.add(tuple(sorted((x, y))))
    return pairs


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_root(parser)
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    parser.add_argument("--topics", type=int, default=None, help="only the first N topics of the split")
    args = parser.parse_args(argv)
    root = Path(args.root)
    corpus_dir, checked = corpus(root), checked_sentences(root)
    topics = sorted(int(p.name) for p in corpus_dir.iterdir() if p.is_dir() and p.name.isdigit())
    topics = [t for t in topics if args.split == "all" or (t in DEV) == (args.split == "dev")][:args.topics]
    tp = fp = fn = 0
    articles_seen, start = 0, time.perf_counter()
    for topic in topics:
        for kind in ("ecb", "ecbplus"):
            paths = sorted(corpus_dir.glob(f"{topic}/{topic}_*{kind}.xml"), key=lambda p: p.name)
            if len(paths) < 2:
                continue
            articles, spans, gold = story(paths, checked)
            pred = predicted(compare(articles), spans, checked)
            gold = {tuple(sorted(g)) for g in gold}
            tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
            articles_seen += len(articles)
        print(f"  topic {topic:2d}: cumulative tp={tp} fp={fp} fn={fn}", flush=True)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    rate = articles_seen / max(time.perf_counter() - start, 1e-9)
    print(f"ECB+ {args.split} ({len(topics)} topics, {articles_seen} articles): aligned sentence pairs vs "
          f"CROSS_DOC_COREF event pairs among annotated sentences")
    print("  reference (different task, event coreference CoNLL F1 on test topics): same-lemma ~73-74, "
          "Barhom et al. 2019 79.5, CDLM 85.6")
    common.result("ecbplus_align", precision=f"{precision:.3f}", recall=f"{recall:.3f}", f1=f"{f1:.3f}",
                  articles_per_s=f"{rate:.2f}")


if __name__ == "__main__":
    main()
