"""Batches: the collate function, a length-bucketed batch sampler, and the masked loss.

Whole trials run from 216 to 30,801 samples, so padding a random batch to its longest trial wastes
most of it. The bucketed sampler shuffles, then sorts pools of `batch_size * pool_batches` items by
length and cuts batches from each pool, so a batch holds trials of similar length while batch
composition and order still change every epoch.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, Sequence

import numpy as np
import torch
from torch.utils.data import Sampler, get_worker_info


def collate_fn(batch: Sequence[Dict[str, object]]) -> Dict[str, object]:
    """Stacks items, padding to the longest one (windows already have one length).

    Returns inputs (B, T, 28), targets (B, T, 4), lengths (B,) int64, mask (B, T) True on real
    samples, input_mask (B, T, 28) and target_mask (B, T, 4) True where the value was a real number
    (not NaN, not padding), and metadata: participants, trial_names, starts (window offsets).
    """
    if not batch:
        raise ValueError("Cannot collate an empty batch")
    keys = ("inputs", "targets", "mask", "input_mask", "target_mask")
    longest = max(item["inputs"].shape[0] for item in batch)
    shapes = [(len(batch), longest) + tuple(batch[0][key].shape[1:]) for key in keys]
    outputs = _batch_tensors(shapes, [batch[0][key].dtype for key in keys])
    same_size = all(item["inputs"].shape[0] == longest for item in batch)
    stacked = {}
    for key, out in zip(keys, outputs):
        if same_size:
            torch.stack([item[key] for item in batch], out=out)
        else:
            for row, item in enumerate(batch):
                length = item[key].shape[0]
                out[row, :length] = item[key]
                out[row, length:] = 0
        stacked[key] = out
    stacked["lengths"] = torch.tensor([item["length"] for item in batch], dtype=torch.int64)
    stacked["metadata"] = {
        "participants": [item["participant"] for item in batch],
        "trial_names": [item["trial_name"] for item in batch],
        "starts": [item.get("start", 0) for item in batch],
    }
    return stacked


def _batch_tensors(shapes, dtypes) -> List[torch.Tensor]:
    """Uninitialised contiguous tensors, all views of one storage. In a DataLoader worker that storage
    is put in shared memory once, before it is filled (as torch's default_collate does for each
    tensor): a batch then crosses to the training process as one shared segment, not five, and
    creating a segment costs about 10 ms on some virtual machines, whatever its size."""
    sizes = [int(np.prod(shape)) * torch.empty((), dtype=dtype).element_size() for shape, dtype in zip(shapes, dtypes)]
    # Each view starts on an 8-byte boundary, so every dtype is aligned.
    offsets = np.concatenate([[0], np.cumsum([-(-size // 8) * 8 for size in sizes])]).astype(int)
    storage = torch.empty(int(offsets[-1]), dtype=torch.uint8)
    if get_worker_info() is not None:
        storage.share_memory_()
    views = []
    for shape, dtype, offset, size in zip(shapes, dtypes, offsets, sizes):
        views.append(storage[offset:offset + size].view(dtype).view(shape))
    return views


def masked_mse(predictions: torch.Tensor, targets: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean squared error over the entries where `mask` is True (a (B, T, 4) target mask, or a
    (B, T) sample mask broadcast over the last axis). 0 when nothing is masked in."""
    if mask.dim() == predictions.dim() - 1:
        mask = mask.unsqueeze(-1).expand_as(predictions)
    weights = mask.to(predictions.dtype)
    squared = (predictions - targets) ** 2 * weights
    return squared.sum() / weights.sum().clamp(min=1.0)


class LengthBucketBatchSampler(Sampler):
    """Batches of indices of similar length, for `DataLoader(dataset, batch_sampler=...)`.

    `lengths` is the length of each item (`dataset.lengths`). Call `set_epoch` each epoch (or let it
    advance by itself) for a new shuffle; the same seed and epoch give the same batches.
    """

    def __init__(self, lengths: Sequence[int], batch_size: int, shuffle: bool = True, drop_last: bool = False,
                 pool_batches: int = 50, seed: int = 0):
        if batch_size < 1 or pool_batches < 1:
            raise ValueError(f"Cannot batch with batch_size {batch_size} and pool_batches {pool_batches}: "
                             f"both must be at least 1")
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.pool_batches = pool_batches
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def batches(self) -> List[List[int]]:
        rng = np.random.default_rng((self.seed, self.epoch))
        order = rng.permutation(len(self.lengths)) if self.shuffle else np.arange(len(self.lengths))
        pool = self.batch_size * self.pool_batches
        batches = []
        for begin in range(0, len(order), pool):
            chunk = order[begin:begin + pool]
            chunk = chunk[np.argsort(self.lengths[chunk], kind="stable")]
            for start in range(0, len(chunk), self.batch_size):
                batch = chunk[start:start + self.batch_size].tolist()
                if len(batch) == self.batch_size or not self.drop_last:
                    batches.append(batch)
        if self.shuffle:
            batches = [batches[i] for i in rng.permutation(len(batches))]
        return batches

    def __iter__(self) -> Iterator[List[int]]:
        batches = self.batches()
        self.epoch += 1
        return iter(batches)

    def __len__(self) -> int:
        full, rest = divmod(len(self.lengths), self.batch_size * self.pool_batches)
        per_rest = rest // self.batch_size if self.drop_last else -(-rest // self.batch_size)
        per_pool = self.pool_batches
        return full * per_pool + per_rest


def padding_share(batches: Sequence[Sequence[int]], lengths: Sequence[int]) -> float:
    """The share of a padded batch's samples that are padding, over all batches."""
    lengths = np.asarray(lengths)
    real = sum(int(lengths[b].sum()) for b in batches)
    padded = sum(int(lengths[b].max()) * len(b) for b in batches)
    return 1.0 - real / padded if padded else 0.0


def random_batches(count: int, batch_size: int, seed: int = 0) -> List[List[int]]:
    """Batches as DataLoader(shuffle=True) makes them, for comparing padding."""
    order = np.random.default_rng(seed).permutation(count)
    return [order[i:i + batch_size].tolist() for i in range(0, count, batch_size)]
