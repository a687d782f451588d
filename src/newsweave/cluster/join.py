"""The calibrated join decision: a logistic model over story-vs-article evidence.

``FEATURES`` names the evidence the clusterer computes for an article and a candidate story (lexical cosine
with the centroid and with members, how much of the article's names and numbers the story's members share,
year, month, lede-weekday and lede-name agreement or clash, story size); ``JoinModel.probability`` turns it into the probability
that the article belongs to the story.  Coefficients are learned on ECB+ train topics by
``bench/train/join_model.py`` (teacher-forced stream: at each arrival the candidates of the gold-built state are
labelled) and shipped in the weights folder as ``join_model.json``.  A clusterer configured with an embedder
(``ClusterConfig.embedder``) adds one more piece of evidence, the cosine of the article's headline embedding with
the story's mean one, and uses the model fitted with it (``join_model_<embedder>.json``, written by
``bench/train/join_model.py --embedder NAME``).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import weights

MODEL_FILE = weights.path("join_model.json")
EMBEDDING_FEATURES = 1  # the last features need a headline embedding (a model fitted without them ends before)

FEATURES = (
    "cos_centroid",  # tf-idf cosine of the article with the story centroid
    "cos_max",  # best cosine with one member
    "cos_mean",  # mean cosine with the members
    "shared_mass",  # article's tf-idf mass on keys the story's members hold, weighted by the share holding it
    "entity_shared",  # same, over names only (normalised by the article's name mass)
    "entity_foreign",  # article's name mass on names no member holds
    "number_shared",  # article's number mass on numbers members hold
    "number_foreign",  # ... on numbers no member holds
    "story_core_hit",  # share of the story's core keys (held by most members) the article holds
    "year_agree",  # the article's main year is the story's
    "year_clash",  # ... is another one the story rarely holds
    "subject_hit",  # one of the article's lede names is among the story's core names
    "subject_miss",  # both have lede names and none is shared
    "log_size",  # log of the story's size
    "contrast",  # centroid cosine minus the best other candidate's
    "year_unseen",  # the article names a year, and the story's members mostly name none (share without one)
    "year_missing",  # the article names no year; share of the story's members that do
    "month_agree",  # the article's main month is the story's
    "month_clash",  # ... is another one the story rarely holds
    "weekday_agree",  # the weekday the article's lede names is the one the story's ledes name most
    "weekday_clash",  # ... is another one the story's ledes rarely name
    "emb_centroid",  # cosine of the article's headline embedding with the story's mean one (embedder models only)
)


@dataclass(frozen=True)
class JoinModel:
    """Standardised logistic regression: p = sigmoid(bias + sum(coef * (x - mean) / scale))."""

    coef: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias
        for c, v, m, s in zip(self.coef, x, self.mean, self.scale):
            z += c * (v - m) / s
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        return {"features": list(FEATURES[:len(self.coef)]), "coef": list(self.coef), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale)}


def from_dict(data: dict) -> JoinModel:
    names = list(data["features"])
    if names not in (list(FEATURES), list(FEATURES[:-EMBEDDING_FEATURES])):
        raise ValueError(f"join model features {names} differ from {list(FEATURES)}")
    return JoinModel(tuple(map(float, data["coef"])), float(data["bias"]), tuple(map(float, data["mean"])),
                     tuple(float(s) or 1.0 for s in data["scale"]))


def model_file(embedder: str | None = None) -> Path:
    """The packaged model's file: ``join_model.json``, or ``join_model_<embedder>.json`` for a model fitted with
    the headline embeddings of that embedder (the ``emb_centroid`` evidence)."""
    if not embedder:
        return MODEL_FILE
    safe = "".join(c if c.isalnum() else "_" for c in embedder)
    return MODEL_FILE.with_name(f"join_model_{safe}.json")


@lru_cache(maxsize=4)
def load(path: str | None = None) -> JoinModel | None:
    """The packaged model (None when the file is missing: the clusterer then falls back to its threshold)."""
    file = Path(path) if path else MODEL_FILE
    if not file.exists():
        return None
    return from_dict(json.loads(file.read_text(encoding="utf-8")))
