"""MSRP (Dolan & Brockett 2005): F1/accuracy of the "same fact" decision, tuned on train, reported on test.

    .venv/bin/python bench/msrp.py [--root DIR] [--embedder auto] [--write-model] [--limit N]

Features: embedding cosine, lexical overlaps, number/capitalised-word/negation mismatches, length ratio
(newsweave.align.score.FEATURES); logistic regression (scikit-learn) fitted on train; the decision threshold is
chosen on train by 5-fold cross-validation. ``--write-model`` saves the coefficients to
src/newsweave/align/same_fact_model.json (what the aligner uses at run time).
Embeddings are cached under .cache/msrp/ so re-runs are cheap.
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

from newsweave.align.embed import get_embedder  # noqa: E402
from newsweave.align.score import FEATURES, MODEL_FILE, features  # noqa: E402

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
    return model, float(best), 100 * f1(y, prob >= best)


def f1(y, pred) -> float:
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    return 2 * tp / max(2 * tp + fp + fn, 1.0)


def save(model, threshold: float, cv_f1: float, embedder_name: str, scores: dict) -> None:
    scaler, lr = model.steps[0][1], model.steps[1][1]
    MODEL_FILE.write_text(json.dumps({
        "features": list(FEATURES), "mean": scaler.mean_.round(6).tolist(), "scale": scaler.scale_.round(6).tolist(),
        "coef": lr.coef_[0].round(6).tolist(), "intercept": round(float(lr.intercept_[0]), 6),
        "threshold": round(threshold, 3), "embedder": embedder_name, "trained_on": "MSRP train (4076 pairs)",
        "train_cv_f1": round(cv_f1, 2),
        "msrp_test": scores, "written_by": "bench/msrp.py --write-model",
    }, indent=1) + "\n", encoding="utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(PROJECT.parent / "shared" / "data" / "msrp"))
    parser.add_argument("--embedder", default="auto")
    parser.add_argument("--limit", type=int, default=None, help="use the first N pairs of each split")
    parser.add_argument("--write-model", action="store_true")
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
    print(f"msrp_test: f1={score_f1:.3f} accuracy={accuracy:.3f} pairs_per_s={pairs_per_s:.0f}")


if __name__ == "__main__":
    main()
