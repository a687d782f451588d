"""MSRP (Dolan & Brockett 2005): F1/accuracy of the "same fact" decision, tuned on train, reported on test.

    .venv/bin/python bench/msrp.py [--root DIR] [--embedder auto] [--write-model] [--limit N] [--cross auto|off]
                                   [--artifact CROSS.safetensors] [--also CROSS2.safetensors]

Features: embedding cosine, lexical overlaps, number/capitalised-word/negation mismatches, length ratio
(newsweave.compare.align.score.FEATURES); logistic regression (scikit-learn) fitted on train; the decision threshold is
chosen on train by 5-fold cross-validation. ``--write-model`` saves the coefficients to
src/newsweave/align/same_fact_model.json (what the aligner uses at run time).
Embeddings are cached under .cache/msrp/ so re-runs are cheap.

Cross-encoder (src/newsweave/align/cross.py, trained by bench/train_cross_encoder.py --fold K/N on MSRP train minus
the pairs i % N == K): scored alone (logit >= 0), and stacked: a logistic regression over the features above plus
the cross-encoder logit (2 inputs: the feature regression's logit and the cross-encoder's), fitted on the held-out
train pairs only (which the cross-encoder never saw), threshold by
5-fold CV on them. ``--write-model`` also writes src/newsweave/align/same_fact_stacked.json; the last line reports
the scorer newsweave.compare.align.score uses by default (stacked when the artifact and torch are present).
``--artifact A[,B,...]`` scores other cross-encoder artifacts than the shipped ones; several = an ensemble of fold
models (each ``--fold K/5`` with a different K): the stacker is fitted on the union of their held-out pairs, each
with the out-of-fold logit of the one model that never saw it, and on test the members' logits are averaged.
``--also A[,B]`` adds other fold models' logit as a third stacking input (reported only): on each held-out pair the
logit of the ``--also`` model that never saw it, on test their mean.

Shipped: the e5 cross-encoders, all five folds 0/5 to 4/5 (newsweave.compare.align.cross.ARTIFACTS;
bench/train_cross_encoder.py), so the stacker is fitted on every one of the 4076 train pairs:

    .venv/bin/python bench/msrp.py --write-model          # F1 88.030 acc 83.304 (stacker CV F1 87.35 on 4076 pairs)

(all pairs, without the cascade: 88.076 / 83.362; the five folds averaged, alone: 87.9 / 83.1; about 1.5 pairs/s for
the five on 2 cores, the rates cached while other jobs ran. Chosen by the stacker's CV F1 on the 4076 train pairs
against the alternatives, all on the same five folds: ``--embedder e5`` CV 87.30 (test 87.993); the regression with
both cosines, onnx and e5, CV 87.35 (test 88.013); three inputs, the onnx and e5 regressions' logits and the
cross-encoder's, CV 87.28 (test 88.020). Four folds (0, 1, 3, 4): CV 87.15 on 3261 pairs, test 87.930 / 83.130
(``--embedder e5``: CV 87.15, test 88.164). Two folds, shipped before: 87.847 / 83.014, CV 86.5 on 1631 pairs;
e5 folds averaged, alone: 87.3 / 82.3; fold 0 alone stacked 87.650 / 82.667, CV 85.9 on its 816; fold 1 alone
87.532 / 82.957, CV 87.0 on its 815. Three folds (0, 1, 2): CV 86.9 on 2446 pairs, test 87.706 / 82.725.
Two folds with ``--embedder e5``: test 88.184 / 83.594, CV 86.4 vs 86.5, not selected then either. The test figures
move by about 0.3 F1 between these configurations; the CV on all 4076 pairs is the steadier criterion.)
Before, the ensemble of the MiniLM folds 0/5 and 1/5 (cross.MINILM_FOLDS):

    .venv/bin/python bench/msrp.py --artifact src/newsweave/align/cross_encoder_lora.safetensors,\
        src/newsweave/align/cross_encoder_lora_fold1.safetensors
    .venv/bin/python bench/msrp.py --artifact src/newsweave/align/cross_encoder_lora.safetensors        # fold 0 alone
    .venv/bin/python bench/msrp.py --artifact src/newsweave/align/cross_encoder_lora_fold1.safetensors  # fold 1 alone

measured: fold 0 alone F1 86.502 acc 80.696 (stacker CV F1 85.6 on its 816 held-out pairs; cross-encoder alone
85.9), fold 1 alone 86.482 / 80.754 (CV 87.1 on its 815: an easier fifth, the regression too scores 85.0 there vs
82.9 on fold 0's), the two averaged 86.557 / 80.986 (CV 86.0 on the 1631; cross-encoder alone 86.4 / 80.6).
Scoring cost: 70.5 pairs/s for one MiniLM model on 2 idle cores; one e5 model (12 layers) measured 6.9 and 13.6
pairs/s while 3 other jobs shared the 2 cores (the bench prints 4.6 for the pair).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT / "src"))

from newsweave.embed.embedders import get_embedder  # noqa: E402
from newsweave.compare.align.score import FEATURES, MODEL_FILE, STACKED_FEATURES, STACKED_FILE, features  # noqa: E402

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


def save(model, threshold: float, cv_f1: float, embedder_name: str, scores: dict, path: Path = MODEL_FILE,
         names=FEATURES, extra: dict | None = None) -> None:
    scaler, lr = model.steps[0][1], model.steps[1][1]
    path.write_text(json.dumps({
        "features": list(names), "mean": scaler.mean_.round(6).tolist(), "scale": scaler.scale_.round(6).tolist(),
        "coef": lr.coef_[0].round(6).tolist(), "intercept": round(float(lr.intercept_[0]), 6),
        "threshold": round(threshold, 3), "embedder": embedder_name, "trained_on": "MSRP train (4076 pairs)",
        "train_cv_f1": round(cv_f1, 2),
        "msrp_test": scores, "written_by": "bench/msrp.py --write-model", **(extra or {}),
    }, indent=1) + "\n", encoding="utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(PROJECT.parent / "shared" / "data" / "msrp"))
    parser.add_argument("--embedder", default="auto")
    parser.add_argument("--limit", type=int, default=None, help="use the first N pairs of each split")
    parser.add_argument("--write-model", action="store_true")
    parser.add_argument("--cross", choices=("auto", "off"), default="auto",
                        help="score the cross-encoder artifact too (auto: when it and torch are present)")
    parser.add_argument("--artifact", default=None, help="cross-encoder artifact(s), comma-separated: an ensemble of "
                        "fold models (default: the shipped ones, newsweave.compare.align.cross.ARTIFACTS)")
    parser.add_argument("--also", default=None, help="other cross-encoder fold model(s), comma-separated: report "
                        "the 3-input stack too (each held pair with the logit of the --also model that never saw it)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    train, test = load(root / "msr_paraphrase_train.txt", args.limit), load(root / "msr_paraphrase_test.txt", args.limit)
    embedder = get_embedder(args.embedder)
    cache = PROJECT / ".cache" / "msrp"
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
    pairs_per_s = 1.0 / (1.0 / rate + 1.0 / feature_rate)
    print(f"MSRP test, {len(test)} pairs, embedder {embedder.name}, threshold tuned on train")
    for name, anchor_f1, anchor_acc in ANCHORS:
        print(f"  anchor {name:36s} F1 {anchor_f1:5.1f}" + (f"  acc {anchor_acc:5.1f}" if anchor_acc else ""))
    print(f"  ours: cosine threshold {best_cos:.2f}         F1 {100 * f1(y_test, cos_pred):5.1f}  "
          f"acc {100 * float(np.mean(cos_pred == y_test)):5.1f}")
    print(f"  ours: logistic regression ({len(FEATURES)} features)   F1 {score_f1:5.1f}  acc {accuracy:5.1f}"
          f"  (train 5-fold CV F1 {cv_f1:.1f}, threshold {threshold:.2f})")
    print(f"  pair scoring given embeddings: {feature_rate:.0f} pairs/s; sentence encoding: {2 * rate:.0f} sentences/s")
    if args.write_model and not args.limit:
        save(model, threshold, cv_f1, embedder.name, {"f1": round(score_f1, 1), "accuracy": round(accuracy, 1)})
        print(f"  wrote {MODEL_FILE.relative_to(PROJECT)}")
    from newsweave.compare.align import cross

    if args.artifact:
        artifact = [Path(a) for a in args.artifact.split(",")]
    else:
        artifact = [p for p in cross.ARTIFACTS if p.exists()] or [cross.ARTIFACT]
    if args.cross == "auto" and all(cross_available(a) for a in artifact):
        res = stacked(train, test, x_train, x_test, y_train, y_test, cache, args.limit, model, base_oof, artifact,
                      [Path(a) for a in args.also.split(",")] if args.also else None)
        meta = res["meta"]
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
            if args.write_model and not args.limit:
                save(res["model"], res["threshold"], res["cv_f1"], embedder.name,
                     {"f1": round(score_f1, 1), "accuracy": round(accuracy, 1)}, STACKED_FILE, STACKED_FEATURES,
                     {"cross_encoders": res["metas"],
                      "trained_on": "MSRP train: " + res.get("held_note", f"{res['held']} held-out pairs "
                                    f"({res['folds']}), each with the logit of the fold model that never saw it"),
                      "cascade": list(CASCADE), "msrp_test_all_pairs": {"f1": round(res["stacked"][0], 1),
                                                                       "accuracy": round(res["stacked"][1], 1)}})
                print(f"  wrote {STACKED_FILE.relative_to(PROJECT)}")
        print(f"  cross-encoder scoring: {res['rate']:.1f} pairs/s (both orders, {len(res['metas'])} model(s))")
    print(f"msrp_test: f1={score_f1:.3f} accuracy={accuracy:.3f} pairs_per_s={pairs_per_s:.0f}")


if __name__ == "__main__":
    main()
