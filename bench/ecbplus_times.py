"""ECB+ TIME_DATE recall of the time extractor, and articles/second of the whole normaliser.

Text is rebuilt by joining each article's tokens (keeping their offsets); a gold TIME_DATE mention counts as found
when an extracted span overlaps it.  ECB+ has no publication dates, so extraction runs without a reference time
(relative expressions are still found).  "precision-ish" is the share of spans in sentences whose annotation was
checked that overlap a gold mention: a lower bound, since ECB+ does not annotate every time expression.  Data: ECB+
train and dev topics, 772 articles (``--root``).  Anchor: HeidelTime/SUTime TempEval-3 relaxed recall ~0.8-0.9 on
news (no published figure for this exact measure).  Published: recall 0.959.

    .venv/bin/python bench/ecbplus_times.py [--root DIR] [--limit N] [--speed-articles 200] [--misses N]

Last line: ``times: recall=.. articles_per_s=..``.
"""
from __future__ import annotations

import argparse
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import common
from newsweave.normalize.times import extract_times

from _ecbplus import CACHE, DEV, NO_SPACE_AFTER, NO_SPACE_BEFORE, add_root, checked_sentences, corpus, read_tokens


def rebuild(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]], dict[str, int]]:
    """Join tokens into text; return text, token id -> (start, end), token id -> sentence number."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sents: dict[str, int] = {}
    pos, prev, prev_sent = 0, None, None
    for tid, word, sent in tokens:
        if prev is not None:
            sep = "\n" if sent != prev_sent else ("" if word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER else " ")
            parts.append(sep)
            pos += len(sep)
        offsets[tid] = (pos, pos + len(word))
        sents[tid] = sent
        parts.append(word)
        pos += len(word)
        prev, prev_sent = word, sent
    return "".join(parts), offsets, sents


def load_doc(path: Path):
    root = ET.parse(path).getroot()
    tokens = [(t.id, t.text, t.sentence) for t in read_tokens(root, blank="_")]
    text, offsets, sents = rebuild(tokens)
    gold = []
    for m in root.iter("TIME_DATE"):
        anchors = [a.get("t_id") for a in m.findall("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            gold.append((min(offsets[a][0] for a in anchors), max(offsets[a][1] for a in anchors),
                         sents[anchors[0]]))
    line_sent = [sents[tid] for tid, _, _ in tokens]
    return text, gold, offsets, sents, line_sent


def sentence_of(offset: int, offsets: dict[str, tuple[int, int]], sents: dict[str, int]) -> int:
    best = -1
    for tid, (s, _e) in offsets.items():
        if s <= offset:
            best = sents[tid]
        else:
            break
    return best


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def try_normalizer():
    try:
        from newsweave.models import Article
        from newsweave.normalize import normalize
    except (ImportError, AttributeError) as exc:
        return None, f"normalize() not available yet ({exc.__class__.__name__})"
    return (lambda i, text: normalize(Article(id=f"ecb{i}", outlet="ECB+", title="", text=text))), ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_root(ap)
    ap.add_argument("--cache", type=Path, default=CACHE, help="where the archive is unpacked")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    ap.add_argument("--speed-articles", type=int, default=200, help="articles timed for the whole normaliser")
    ap.add_argument("--misses", type=int, default=0, help="print up to N missed gold mentions")
    args = ap.parse_args(argv)

    base = corpus(args.root.resolve(), args.cache)
    files = sorted(p for p in base.glob("*/*.xml") if p.parent.name.isdigit())
    if args.limit:
        files = files[: args.limit]
    checked = checked_sentences(args.root.resolve())
    found = total = 0
    ext_checked = ext_checked_hit = 0
    misses: list[str] = []
    texts: list[str] = []
    t0 = time.perf_counter()
    split_counts = {"train": [0, 0], "dev": [0, 0]}
    for path in files:
        text, gold, offsets, sents, _ = load_doc(path)
        texts.append(text)
        spans = [(t.start, t.end) for t in extract_times(text, None)]
        split = "dev" if int(path.parent.name) in DEV else "train"
        for g in gold:
            hit = any(overlaps(g[:2], s) for s in spans)
            found += hit
            total += 1
            split_counts[split][0] += hit
            split_counts[split][1] += 1
            if not hit and len(misses) < args.misses:
                misses.append(f"{path.name}: {text[max(0, g[0] - 40):g[0]]}[[{text[g[0]:g[1]]}]]{text[g[1]:g[1] + 30]}")
        for s in spans:
            if (path.stem, sentence_of(s[0], offsets, sents)) in checked:
                ext_checked += 1
                ext_checked_hit += any(overlaps(s, g[:2]) for g in gold)
    extract_s = time.perf_counter() - t0
    recall = found / total if total else 0.0
    precision = ext_checked_hit / ext_checked if ext_checked else 0.0
    for m in misses:
        print("MISS", m.replace("\n", " "))
    print(f"articles: {len(files)}  gold TIME_DATE mentions: {total}")
    for split, (f_, t_) in split_counts.items():
        print(f"  {split}: recall {f_ / t_ if t_ else 0:.3f} ({f_}/{t_})")
    print(f"recall of gold TIME_DATE (any overlap): {recall:.3f}   anchor: HeidelTime/SUTime relaxed recall ~0.8-0.9")
    print(f"precision-ish (spans in checked sentences overlapping gold): {precision:.3f} "
          f"({ext_checked_hit}/{ext_checked})")
    print(f"extract_times alone (load + extract): {len(files) / extract_s:.1f} articles/s")

    run, note = try_normalizer()
    per_s = 0.0
    if args.speed_articles <= 0:
        run, note = None, "skipped (--speed-articles 0)"
    if run is not None:
        sample = texts[: args.speed_articles]
        run(-1, sample[0] if sample else "warm up")  # models load once per process, outside the timing
        durations = []
        for i, text in enumerate(sample):
            t = time.perf_counter()
            run(i, text)
            durations.append(time.perf_counter() - t)
        per_s = 1.0 / statistics.median(durations) if durations else 0.0
        note = f"median over {len(durations)} articles, models loaded once"
    print(f"normaliser: {per_s:.1f} articles/s ({note})")
    common.result("times", recall=f"{recall:.3f}", articles_per_s=f"{per_s:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
