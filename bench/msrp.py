"""MSRP (Dolan & Brockett 2005): F1/accuracy of the "same fact" decision on MSRP test, tuned on train.

Measures the shipped scorer (newsweave.compare.align.score): the feature regression (embedding cosine, lexical
overlaps, number/name/negation mismatches, length ratio), refitted on train with its threshold chosen by 5-fold CV,
and, when torch and the cross-encoder fold models are present, the stacked scorer (feature logit + cross-encoder
logit, fitted on the folds' held-out train pairs) with its runtime cascade.  Data: MSRP train and test (``--root``).
Anchors: majority class F1 79.9, Ji & Eisenstein 2013 85.9, BERT-large 89.3.  Published (five e5 folds, stacked,
cascade): F1 88.030 acc 83.304; the feature regression alone: F1 84.1.

    .venv/bin/python bench/msrp.py [--root DIR] [--embedder auto] [--limit N] [--cross auto|off]
                                   [--artifact CROSS.safetensors,...] [--also CROSS2.safetensors,...]

Embeddings and cross-encoder logits are cached under .cache/msrp/.  Refitting the shipped files
(same_fact_model.json, same_fact_stacked.json): bench/train/same_fact.py.  Past figures: CHANGELOG.md.
Last line: ``msrp_test: f1=.. accuracy=.. pairs_per_s=..``.
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import numpy as np

import common
from newsweave.embed.embedders import get_embedder
from newsweave.compare.align.score import FEATURES, features

ANCHORS = (("majority class", 79.9, 66.5), ("MiniLM cosine threshold (approx.)", 81.0, None),
           ("Ji & Eisenstein 2013", 85.9, 80.4), ("BERT-large", 89.3, None))


def load(path: Path, limit: int | None = None) -> list[tuple[int, str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    pairs = [(int(r[0]), r[3], r[4]) for r in rows if len(r) >= 5]
    return pairs[:limit] if limit else pairs


def cosines(pairs, embedder, cache: Path) -> tuple[np.ndarray, float]:
    """Cosine per pair (calibrated), cached; returns (cosines, pairs per second of encoding)."""
    if cache.exists():
        data = np.load(cache)
        return data["cos"], float(data["rate"])
    start = time.perf_counter()
    a = embedder.encode([p[1] for p in pairs])
    b = embedder.encode([p[2] for p in pairs])
    rate = len(pairs) / max(time.perf_counter() - start, 1e-9)
    cos = np.asarray(embedder.calibrate((a * b).sum(axis=1)), dtype=np.float64)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, cos=cos, rate=rate)
    return cos, rate


def matrix(pairs, cos) -> np.ndarray:
    return np.array([features(a, b, float(c)) for (_, a, b), c in zip(pairs, cos)])


def fit(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    prob = cross_val_predict(model, x, y, cv=5, method="predict_proba")[:, 1]  # unshuffled folds: deterministic
    best = max(np.arange(0.2, 0.8, 0.01), key=lambda t: f1(y, prob >= t))
    model.fit(x, y)
    fit.oof = prob  # out-of-fold probabilities of the last fit (used for stacking)
    return model, float(best), 100 * f1(y, prob >= best)


def f1(y, pred) -> float:
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    return 2 * tp / max(2 * tp + fp + fn, 1.0)


def cross_logits(pairs, cache: Path, artifact: Path) -> tuple[np.ndarray, float]:
    """Cross-encoder logits (both orders) of the pairs, cached by artifact digest; (logits, pairs per second)."""
    if cache.exists():
        data = np.load(cache)
        return data["logits"], float(data["rate"])
    from newsweave.compare.align import cross

    scorer = cross.load(artifact)
    start = time.perf_counter()
    logits = np.array(scorer.logits([(a, b) for _, a, b in pairs]), dtype=np.float64)
    rate = len(pairs) / max(time.perf_counter() - start, 1e-9)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, logits=logits, rate=rate)
    return logits, rate


def cross_available(artifact: Path) -> bool:
    from newsweave.compare.align import cross

    return artifact.exists() and cross.load(artifact) is not None


CASCADE = (0.03, 0.97)  # runtime: the cross-encoder only scores pairs whose feature-only probability is in here


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def stacked(train, test, x_train, x_test, y_train, y_test, cache: Path, limit, base_model, base_oof,
            artifact: Path | list[Path], also: list[Path] | None = None) -> dict:
    """Cross-encoder alone and stacked with the feature regression: a 2-input logistic regression over the
    feature LR's logit (out-of-fold on train) and the cross-encoder logit, fitted on the held-out train fold only
    (21 raw inputs on 816 pairs measured worse by CV: 84.2 vs 85.6).

    Several artifacts (an ensemble of fold models, each trained with ``--fold K/N`` for a different K): the stacker
    is fitted on the union of their held-out pairs, each pair carrying the logit of the one fold model that never
    saw it (out-of-fold); on test the members' logits are averaged (what ``cross.load_ensemble`` does at run time)."""
    import hashlib

    from newsweave.compare.align import cross

    artifacts = list(artifact) if isinstance(artifact, (list, tuple)) else [artifact]
    z_test, z_held, held_of, rates, metas = [], np.zeros(len(train)), np.zeros(len(train), dtype=bool), [], []
    for path in artifacts:
        meta = cross.metadata(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        k, n = (int(v) for v in meta["fold"].split("/")) if meta.get("fold") else (0, 0)
        held_k = [i for i in range(len(train)) if n and i % n == k]
        if held_of[held_k].any():
            raise ValueError(f"{path.name}: its held-out fold overlaps another member's")
        z, rate = cross_logits(test, cache / f"cross-test-{digest}-{limit or 'all'}.npz", path)
        z_test.append(z)
        rates.append(rate)
        metas.append({"file": path.name, **meta})
        if held_k:
            zh, _ = cross_logits([train[i] for i in held_k], cache / f"cross-held-{digest}-{limit or 'all'}.npz",
                                 path)
            z_held[held_k], held_of[held_k] = zh, True
    held = [int(i) for i in np.flatnonzero(held_of)]
    z_test, z_held = np.mean(z_test, axis=0), z_held[held]
    meta = metas[0] if len(metas) == 1 else {"members": metas}
    rate = 1.0 / sum(1.0 / r for r in rates)  # members run one after the other
    out = {"rate": rate, "meta": meta, "metas": metas, "held": len(held), "folds": _folds(metas)}
    pred = z_test >= 0
    out["alone"] = (100 * f1(y_test, pred), 100 * float(np.mean(pred == y_test)))
    if len(held) < 50:
        return out
    p_base = base_model.predict_proba(x_test)[:, 1]
    lr_held = logit(base_oof[held])
    out.update(_stack(lr_held, z_held, y_train[held], p_base, z_test, y_test))
    if also:  # 3 inputs: + other cross-encoders' logit (out-of-fold on the held pairs, averaged on test)
        z2_held, z2_test, also_rates = _also_logits(train, test, held, also, cache, limit)
        model3, threshold3, cv3 = fit(np.column_stack([lr_held, z_held, z2_held]), y_train[held])
        pred = model3.predict_proba(np.column_stack([logit(p_base), z_test, z2_test]))[:, 1] >= threshold3
        out["stacked3"] = (100 * f1(y_test, pred), 100 * float(np.mean(pred == y_test)), cv3, threshold3)
        scaler, lr = model3.steps[0][1], model3.steps[1][1]
        raw = lr.coef_[0][1:] / scaler.scale_[1:]  # per raw logit unit
        if (raw > 0).all():  # one weighted ensemble logit, so the runtime keeps the 2-input stacker
            w = float(raw[0] / raw.sum())
            weighted = _stack(lr_held, w * z_held + (1 - w) * z2_held, y_train[held], p_base,
                              w * z_test + (1 - w) * z2_test, y_test)
            also_metas = [{"file": p.name, **cross.metadata(p)} for p in also]
            weighted["metas"] = ([{**m, "weight": round(w / len(metas), 6)} for m in metas]
                                 + [{**m, "weight": round((1 - w) / len(also), 6)} for m in also_metas])
            weighted["rate"] = 1.0 / (1.0 / rate + sum(1.0 / r for r in also_rates))
            weighted["held_note"] = f"{len(held)} held-out pairs ({_folds(metas)}), each with the logits of " \
                "the fold models of each base that never saw it"
            out["weighted"] = weighted
    best = max(np.arange(-3, 3, 0.05), key=lambda t: f1(y_train[held], z_held >= t))
    pred = z_test >= best
    out["alone_tuned"] = (100 * f1(y_test, pred), 100 * float(np.mean(pred == y_test)), float(best))
    return out


def _stack(lr_held, z_held, y_held, p_base, z_test, y_test) -> dict:
    """The 2-input stacker (feature LR logit, cross-encoder logit) fitted on the held pairs; test F1/accuracy on all
    pairs and as the runtime cascade (cross-encoder only where the feature LR is unsure)."""
    xs_test = np.column_stack([logit(p_base), z_test])
    model, threshold, cv_f1 = fit(np.column_stack([lr_held, z_held]), y_held)
    p_stack = model.predict_proba(xs_test)[:, 1]
    pred = p_stack >= threshold
    low, high = CASCADE
    band = (p_base >= low) & (p_base <= high)
    casc = np.where(band, p_stack, p_base) >= threshold
    return {"model": model, "threshold": threshold, "cv_f1": cv_f1,
            "stacked": (100 * f1(y_test, pred), 100 * float(np.mean(pred == y_test))),
            "cascade": (100 * f1(y_test, casc), 100 * float(np.mean(casc == y_test)), float(np.mean(band)))}


def _also_logits(train, test, held: list[int], also: list[Path], cache: Path, limit):
    """The ``--also`` fold model(s) as a third stacking input: on each held pair the logit of the ``also`` model
    that never saw it, on test the mean of the ``also`` models (an ensemble, like the main artifacts); and their
    scoring rates."""
    import hashlib

    from newsweave.compare.align import cross

    z_held, covered, z_test, rates = np.zeros(len(train)), np.zeros(len(train), dtype=bool), [], []
    for path in also:
        digest, fold = hashlib.sha256(path.read_bytes()).hexdigest()[:12], cross.metadata(path).get("fold")
        if fold:
            k, n = (int(v) for v in fold.split("/"))
            mine = [i for i in range(len(train)) if i % n == k]
            z, _ = cross_logits([train[i] for i in mine], cache / f"cross-held-{digest}-{limit or 'all'}.npz", path)
            z_held[mine], covered[mine] = z, True
        z, rate = cross_logits(test, cache / f"cross-test-{digest}-{limit or 'all'}.npz", path)
        z_test.append(z)
        rates.append(rate)
    if not covered[held].all():
        raise ValueError("--also: no --also fold model held out some of the stacker's pairs")
    return z_held[held], np.mean(z_test, axis=0), rates


def _folds(metas: list[dict]) -> str:
    """'i % 5 in {0, 1}' for the held-out pairs of fold models 0/5 and 1/5."""
    folds = [m["fold"].split("/") for m in metas if m.get("fold")]
    if not folds:
        return "none"
    ks = ", ".join(k for k, _ in folds)
    return f"i % {folds[0][1]} == {ks}" if len(folds) == 1 else f"i % {folds[0][1]} in {{{ks}}}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the measurement (bench/train/same_fact.py takes the same ones)."""
    common.add_root(parser, "msrp")
    parser.add_argument("--embedder", default="auto")
    parser.add_argument("--limit", type=int, default=None, help="use the first N pairs of each split")
    parser.add_argument("--cross", choices=("auto", "off"), default="auto",
                        help="score the cross-encoder artifact too (auto: when it and torch are present)")
    parser.add_argument("--artifact", default=None, help="cross-encoder artifact(s), comma-separated: an ensemble of "
                        "fold models (default: the shipped ones, newsweave.compare.align.cross.ARTIFACTS)")
    parser.add_argument("--also", default=None, help="other cross-encoder fold model(s), comma-separated: report "
                        "the 3-input stack too (each held pair with the logit of the --also model that never saw it)")


def evaluate(args) -> dict:
    """Fit on train, print the test figures beside the anchors; return the fitted models and the headline figures:
    ``f1``, ``accuracy``, ``pairs_per_s`` (of the scorer newsweave uses by default), ``base`` (the feature
    regression: model, threshold, cv_f1, f1, accuracy), ``stacked`` (the stacker's results, or None)."""
    root = Path(args.root)
    train, test = load(root / "msr_paraphrase_train.txt", args.limit), load(root / "msr_paraphrase_test.txt", args.limit)
    embedder = get_embedder(args.embedder)
    cache = common.CACHE / "msrp"
    tag = f"{embedder.name}-{args.limit or 'all'}"
    cos_train, _ = cosines(train, embedder, cache / f"train-{tag}.npz")
    cos_test, rate = cosines(test, embedder, cache / f"test-{tag}.npz")
    y_train, y_test = np.array([p[0] for p in train]), np.array([p[0] for p in test])
    start = time.perf_counter()
    x_train, x_test = matrix(train, cos_train), matrix(test, cos_test)
    feature_rate = (len(train) + len(test)) / max(time.perf_counter() - start, 1e-9)
    best_cos = max(np.arange(0.3, 0.95, 0.01), key=lambda t: f1(y_train, cos_train >= t))
    cos_pred = cos_test >= best_cos
    model, threshold, cv_f1 = fit(x_train, y_train)
    base_oof = fit.oof
    pred = (model.predict_proba(x_test)[:, 1] >= threshold).astype(int)
    score_f1, accuracy = 100 * f1(y_test, pred), 100 * float(np.mean(pred == y_test))
    base = {"model": model, "threshold": threshold, "cv_f1": cv_f1, "f1": score_f1, "accuracy": accuracy}
    pairs_per_s = 1.0 / (1.0 / rate + 1.0 / feature_rate)
    print(f"MSRP test, {len(test)} pairs, embedder {embedder.name}, threshold tuned on train")
    for name, anchor_f1, anchor_acc in ANCHORS:
        print(f"  anchor {name:36s} F1 {anchor_f1:5.1f}" + (f"  acc {anchor_acc:5.1f}" if anchor_acc else ""))
    print(f"  ours: cosine threshold {best_cos:.2f}         F1 {100 * f1(y_test, cos_pred):5.1f}  "
          f"acc {100 * float(np.mean(cos_pred == y_test)):5.1f}")
    print(f"  ours: logistic regression ({len(FEATURES)} features)   F1 {score_f1:5.1f}  acc {accuracy:5.1f}"
          f"  (train 5-fold CV F1 {cv_f1:.1f}, threshold {threshold:.2f})")
    print(f"  pair scoring given embeddings: {feature_rate:.0f} pairs/s; sentence encoding: {2 * rate:.0f} sentences/s")
    from newsweave.compare.align import cross

    if args.artifact:
        artifact = [Path(a) for a in args.artifact.split(",")]
    else:
        artifact = [p for p in cross.ARTIFACTS if p.exists()] or [cross.ARTIFACT]
    stacked_res = None
    if args.cross == "auto" and all(cross_available(a) for a in artifact):
        res = stacked(train, test, x_train, x_test, y_train, y_test, cache, args.limit, model, base_oof, artifact,
                      [Path(a) for a in args.also.split(",")] if args.also else None)
        for member in res["metas"]:
            kind = (f"LoRA r{member.get('rank')}" if member.get("rank") else "full fine-tune") + \
                f" of {member.get('base', 'minilm')}"
            print(f"  cross-encoder {member['file']}: {kind}, {member.get('trained_on')}, trained in "
                  f"{member.get('train_seconds')} s")
        print(f"  ours: cross-encoder alone (logit >= 0{', mean of %d' % len(res['metas']) if len(res['metas']) > 1 else ''})"
              f"  F1 {res['alone'][0]:5.1f}  acc {res['alone'][1]:5.1f}")
        if "stacked" in res:
            print(f"  ours: cross-encoder alone (threshold {res['alone_tuned'][2]:+.2f} on held-out) F1 "
                  f"{res['alone_tuned'][0]:5.1f}  acc {res['alone_tuned'][1]:5.1f}")
            print(f"  ours: stacked LR (LR logit + cross logit)      F1 {res['stacked'][0]:5.1f}  acc "
                  f"{res['stacked'][1]:5.1f}  (fitted on {res['held']} held-out train pairs, CV F1 "
                  f"{res['cv_f1']:.1f}, threshold {res['threshold']:.2f})")
            if "stacked3" in res:
                print(f"  ours: stacked LR (+ {args.also} logit) F1 {res['stacked3'][0]:5.1f}  acc "
                      f"{res['stacked3'][1]:5.1f}  (CV F1 {res['stacked3'][2]:.1f}, threshold {res['stacked3'][3]:.2f})")
            if "weighted" in res:  # the 3-input stack folded into one weighted ensemble logit (what is written)
                weights = ", ".join(f"{m['file']} {m['weight']:.3f}" for m in res["weighted"]["metas"])
                res = {**res, **res["weighted"], "held_note": res["weighted"]["held_note"]}
                print(f"  ours: stacked LR (LR logit + weighted ensemble logit: {weights}) F1 {res['stacked'][0]:5.1f}"
                      f"  acc {res['stacked'][1]:5.1f}  (CV F1 {res['cv_f1']:.1f}, threshold {res['threshold']:.2f})")
            print(f"  ours: cascade (cross-encoder only where LR p in {CASCADE}) F1 {res['cascade'][0]:5.1f}  acc "
                  f"{res['cascade'][1]:5.1f}  ({100 * res['cascade'][2]:.0f}% of pairs sent to the cross-encoder)")
            score_f1, accuracy = res["cascade"][:2]
            pairs_per_s = 1.0 / (1.0 / pairs_per_s + res["cascade"][2] / res["rate"])
            stacked_res = res
        print(f"  cross-encoder scoring: {res['rate']:.1f} pairs/s (both orders, {len(res['metas'])} model(s))")
    return {"embedder": embedder.name, "train_pairs": len(train), "f1": score_f1, "accuracy": accuracy,
            "pairs_per_s": pairs_per_s, "base": base, "stacked": stacked_res}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    run = evaluate(parser.parse_args(argv))
    common.result("msrp_test", f1=f"{run['f1']:.3f}", accuracy=f"{run['accuracy']:.3f}",
                  pairs_per_s=f"{run['pairs_per_s']:.0f}")


if __name__ == "__main__":
    main()
