"""Fit the shipped same-fact models on MSRP train: the feature regression and the stacked scorer.

Runs bench/msrp.py's measurement (the same fitting code, imported: it prints the test figures) and writes what it
fitted to ``--out`` (default .cache/trained/): ``same_fact_model.json`` (the feature regression) and, when torch
and the cross-encoder fold models are present, ``same_fact_stacked.json`` (the stacker over the feature logit and
the folds' cross-encoder logit, with the cascade band).  The shipped files were fitted with the defaults (five e5
folds: test F1 88.030 acc 83.304).  Ship by copying them into src/newsweave/weights/.

    .venv/bin/python bench/train/same_fact.py [--out DIR] [msrp.py options: --root DIR --embedder auto ...]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/: common and the measuring scripts
import common  # noqa: E402
import msrp  # noqa: E402
from newsweave.compare.align.score import FEATURES, MODEL_FILE, STACKED_FEATURES, STACKED_FILE  # noqa: E402


def save(model, threshold: float, cv_f1: float, embedder_name: str, scores: dict, path: Path, names=FEATURES,
         extra: dict | None = None, pairs: int = 4076) -> None:
    """A fitted scaler + logistic regression pipeline as the JSON newsweave.compare.align.score reads."""
    scaler, lr = model.steps[0][1], model.steps[1][1]
    path.write_text(json.dumps({
        "features": list(names), "mean": scaler.mean_.round(6).tolist(), "scale": scaler.scale_.round(6).tolist(),
        "coef": lr.coef_[0].round(6).tolist(), "intercept": round(float(lr.intercept_[0]), 6),
        "threshold": round(threshold, 3), "embedder": embedder_name, "trained_on": f"MSRP train ({pairs} pairs)",
        "train_cv_f1": round(cv_f1, 2),
        "msrp_test": scores, "written_by": "bench/train/same_fact.py", **(extra or {}),
    }, indent=1) + "\n", encoding="utf-8")


def write(run: dict, out: Path) -> list[Path]:
    """The files of a bench/msrp.py run (``msrp.evaluate``) written into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    base, written = run["base"], [out / MODEL_FILE.name]
    save(base["model"], base["threshold"], base["cv_f1"], run["embedder"],
         {"f1": round(base["f1"], 1), "accuracy": round(base["accuracy"], 1)}, written[0], pairs=run["train_pairs"])
    res = run["stacked"]
    if res is not None:
        written.append(out / STACKED_FILE.name)
        save(res["model"], res["threshold"], res["cv_f1"], run["embedder"],
             {"f1": round(res["cascade"][0], 1), "accuracy": round(res["cascade"][1], 1)}, written[1],
             STACKED_FEATURES,
             {"cross_encoders": res["metas"],
              "trained_on": "MSRP train: " + res.get("held_note", f"{res['held']} held-out pairs "
                            f"({res['folds']}), each with the logit of the fold model that never saw it"),
              "cascade": list(msrp.CASCADE), "msrp_test_all_pairs": {"f1": round(res["stacked"][0], 1),
                                                                   "accuracy": round(res["stacked"][1], 1)}})
    return written


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    msrp.add_arguments(parser)
    parser.add_argument("--out", type=Path, default=common.TRAINED, metavar="DIR",
                        help=f"where to write the fitted files (default: {common.shown(common.TRAINED)})")
    args = parser.parse_args(argv)
    run = msrp.evaluate(args)
    written = write(run, args.out)
    for path in written:
        print(f"wrote {common.shown(path)}")
    print(f"to ship: cp {' '.join(common.shown(p) for p in written)} {common.shown(common.WEIGHTS)}/")
    common.result("same_fact", f1=f"{run['f1']:.3f}", accuracy=f"{run['accuracy']:.3f}",
                  files=",".join(p.name for p in written))


if __name__ == "__main__":
    main()
