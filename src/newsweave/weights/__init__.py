"""Trained weights shipped with newsweave, in one folder; each file is loaded by the stage named beside it.

- ``same_fact_model.json``: the same-fact logistic regression (compare.align.score; bench/train/same_fact.py)
- ``same_fact_stacked.json`` and ``cross_encoder_e5_lora*.safetensors``: the stacked scorer and its five LoRA
  cross-encoder folds on multilingual-e5-small (compare.align.score/cross; bench/train/cross_encoder.py)
- ``join_model.json`` and ``join_model_static.json``: the story clusterer's join model, without and with headline
  embeddings (cluster.join; bench/train/join_model.py)
- ``minilm_tokenizer.json``: the MiniLM tokenizer (Apache-2.0) used by the ``onnx`` and ``static`` embedders

The training scripts in bench/train/ write into .cache/trained/ (``--out``), never here: a file is shipped by
copying it into this folder by hand (each script prints the command).
"""
from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The shipped file ``name`` in the weights folder."""
    return FOLDER / name
