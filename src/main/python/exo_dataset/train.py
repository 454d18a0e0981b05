"""A runnable example: a small GRU (28 inputs -> 4 joint moments) trained on CPU with the masked loss,
on one leave-one-subject-out fold, printing per epoch the training loss, the held-out participant's
loss and the share of the epoch spent waiting for data.

    python -m exo_dataset.train --epochs 3                                  # from the Hub (HF_ENDPOINT, HF_TOKEN)
    python -m exo_dataset.train --output /data/exo-phase1 --held-out BT03   # from a local prepare output

Inputs are normalized with statistics pooled over the training participants only, so nothing of the
held-out participant informs the model. Losses are mean squared errors in (Nm/kg)^2 over real,
non-NaN target values.
"""

from __future__ import annotations

import argparse
import math
import time
from typing import Dict, List, Optional, Sequence

import torch
from torch import nn
from torch.utils.data import DataLoader

from .batching import masked_mse
from .dataset import ExoskeletonDataset
from .layout import DEFAULT_CACHE_DIR, DEFAULT_REPO, INPUT_WIDTH, TARGET_WIDTH
from .splits import loso_folds


class MomentGRU(nn.Module):
    """GRU over the 28 inputs, a linear head to the 4 moments. Causal, so trailing padding never
    changes the outputs at real samples."""

    def __init__(self, hidden: int = 64, layers: int = 1):
        super().__init__()
        self.gru = nn.GRU(INPUT_WIDTH, hidden, num_layers=layers, batch_first=True)
        self.head = nn.Linear(hidden, TARGET_WIDTH)

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        hidden, _ = self.gru(inputs)
        return self.head(hidden)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m exo_dataset.train", description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", default=DEFAULT_REPO, help="Hub dataset repo (default %(default)s)")
    p.add_argument("--revision", default=None, help="branch, tag or commit (default: the cached commit)")
    p.add_argument("--cache-dir", default=None, help=f"cache folder (default {DEFAULT_CACHE_DIR}; "
                                                     "with --output: read into memory)")
    p.add_argument("--output", default=None, help="a local prepare output instead of the Hub")
    p.add_argument("--held-out", default=None, help="the test participant of the fold (default: the first fold's)")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--window", type=int, default=200)
    p.add_argument("--stride", type=int, default=100)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--num-workers", type=int, default=0)
    p.add_argument("--max-batches", type=int, default=None, help="stop each epoch after this many batches")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=None,
                   help="torch intra-op threads (default: torch's; 1 is often fastest on a busy machine)")
    return p


def open_fold(args) -> tuple:
    """(train, validation) datasets of one leave-one-subject-out fold."""
    def make(split: str, normalize) -> ExoskeletonDataset:
        common = dict(split=split, window=args.window, stride=args.stride, normalize=normalize)
        if args.output:
            return ExoskeletonDataset.from_output(args.output, cache_dir=args.cache_dir, **common)
        return ExoskeletonDataset(args.repo, revision=args.revision, cache_dir=args.cache_dir or DEFAULT_CACHE_DIR,
                                  **common)

    # splits.json comes with the dataset: open all participants first (a fold's train and test
    # together are all of them, so this downloads nothing more than the fold needs).
    splits = make(None, False).splits
    folds = {held_out: train for train, held_out in loso_folds(splits)}
    held_out = args.held_out or next(iter(folds))
    if held_out not in folds:
        raise SystemExit(f"--held-out {held_out}: no such fold; folds: {', '.join(folds)}")
    train = make(f"loso:{held_out}:train", list(folds[held_out]))
    val = make(f"loso:{held_out}:test", list(folds[held_out]))
    return train, val, held_out


def run_epoch(model: nn.Module, loader: DataLoader, optimizer: Optional[torch.optim.Optimizer],
              max_batches: Optional[int] = None) -> Dict[str, float]:
    """One pass: mean masked loss (weighted by real target values), wall time, time waiting for data."""
    training = optimizer is not None
    model.train(training)
    squared, counted, waited, batches = 0.0, 0.0, 0.0, 0
    started = time.perf_counter()
    iterator = iter(loader)
    while max_batches is None or batches < max_batches:
        before = time.perf_counter()
        batch = next(iterator, None)
        waited += time.perf_counter() - before
        if batch is None:
            break
        with torch.set_grad_enabled(training):
            loss = masked_mse(model(batch["inputs"]), batch["targets"], batch["target_mask"])
        if training:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        weight = float(batch["target_mask"].sum())
        squared += float(loss.detach()) * weight
        counted += weight
        batches += 1
    elapsed = time.perf_counter() - started
    return {"loss": squared / counted if counted else math.nan, "seconds": elapsed, "waiting": waited,
            "batches": batches}


def main(argv: Optional[Sequence[str]] = None) -> List[Dict[str, float]]:
    args = parser().parse_args(argv)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    train, val, held_out = open_fold(args)
    print(f"fold: held out {held_out}; train {', '.join(train.participants)} ({len(train)} windows of "
          f"{args.window}), validation {len(val)} windows")
    generator = torch.Generator().manual_seed(args.seed)
    train_loader = DataLoader(train, batch_size=args.batch_size, shuffle=True, collate_fn=train.collate_fn,
                              num_workers=args.num_workers, generator=generator,
                              persistent_workers=args.num_workers > 0)
    val_loader = DataLoader(val, batch_size=args.batch_size, collate_fn=val.collate_fn)
    model = MomentGRU(args.hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    history = []
    for epoch in range(1, args.epochs + 1):
        fit = run_epoch(model, train_loader, optimizer, args.max_batches)
        check = run_epoch(model, val_loader, None)
        share = fit["waiting"] / fit["seconds"] if fit["seconds"] else 0.0
        history.append({"epoch": epoch, "train_loss": fit["loss"], "val_loss": check["loss"],
                        "data_share": share, "seconds": fit["seconds"]})
        print(f"epoch {epoch}/{args.epochs}: train loss {fit['loss']:.4f}, val loss ({held_out}) "
              f"{check['loss']:.4f}, waiting for data {share:.1%} of {fit['seconds']:.2f} s", flush=True)
    print("loss curve (train): " + ", ".join(f"{h['train_loss']:.4f}" for h in history))
    return history


if __name__ == "__main__":
    main()
