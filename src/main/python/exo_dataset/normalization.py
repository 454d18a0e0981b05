"""Normalization from `stats.json`: (value - mean) / std per feature, over the whole dataset
("global"), per participant, or pooled over a list of participants (e.g. the training ones, for a
protocol where test participants' data never informs the model). Inputs are normalized when asked;
targets only when asked separately, and `denormalize_targets` maps predictions back to Nm/kg.

stats.json's `count` is the number of non-NaN values, so pooling weights each participant's mean and
variance by it. A feature whose std is 0 or unknown keeps std 1, so it is shifted, never blown up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

from . import errors
from .layout import INPUT_WIDTH, TARGET_WIDTH

Normalize = Union[bool, str, Sequence[str], None]


@dataclass(frozen=True)
class Normalization:
    input_mean: np.ndarray
    input_std: np.ndarray
    target_mean: Optional[np.ndarray] = None  # None: targets stay in Nm/kg
    target_std: Optional[np.ndarray] = None

    def denormalize_targets(self, targets):
        if self.target_mean is None:
            return targets
        return targets * _like(self.target_std, targets) + _like(self.target_mean, targets)


def _like(array: np.ndarray, other):
    try:
        import torch

        if isinstance(other, torch.Tensor):
            return torch.as_tensor(array, dtype=other.dtype, device=other.device)
    except ImportError:
        pass
    return array


def _moments(features: List[Mapping], group_width: int, groups) -> np.ndarray:
    rows = [f for f in features if f.get("group") in groups]
    if len(rows) != group_width:
        raise ValueError(f"Cannot normalize: stats.json has {len(rows)} {'/'.join(groups)} features, "
                         f"{group_width} expected")
    return rows


def _pooled(feature_lists: List[List[Mapping]]):
    """Mean and std per feature over several participants' statistics."""
    count = np.array([[f["count"] or 0 for f in fs] for fs in feature_lists], dtype=np.float64)
    mean = np.array([[f["mean"] if f["mean"] is not None else 0.0 for f in fs] for fs in feature_lists])
    std = np.array([[f["std"] if f["std"] is not None else 0.0 for f in fs] for fs in feature_lists])
    total = count.sum(axis=0)
    safe = np.where(total > 0, total, 1.0)
    pooled_mean = (count * mean).sum(axis=0) / safe
    pooled_var = (count * (std ** 2 + mean ** 2)).sum(axis=0) / safe - pooled_mean ** 2
    pooled_std = np.sqrt(np.clip(pooled_var, 0.0, None))
    pooled_std = np.where((pooled_std > 0) & (total > 0), pooled_std, 1.0)
    return pooled_mean.astype(np.float32), pooled_std.astype(np.float32)


def _from_features(feature_lists: List[List[Mapping]], targets: bool) -> Normalization:
    inputs = [_moments(fs, INPUT_WIDTH, ("imu", "angle")) for fs in feature_lists]
    input_mean, input_std = _pooled(inputs)
    if not targets:
        return Normalization(input_mean, input_std)
    outputs = [_moments(fs, TARGET_WIDTH, ("moment",)) for fs in feature_lists]
    target_mean, target_std = _pooled(outputs)
    return Normalization(input_mean, input_std, target_mean, target_std)


def resolve(stats: Mapping, normalize: Normalize, normalize_targets: bool,
            participants: Sequence[str]) -> Optional[Callable[[str], Normalization]]:
    """A function participant -> Normalization, or None for no normalization."""
    if normalize is None or normalize is False:
        if normalize_targets:
            raise errors.targets_without_inputs()
        return None
    if normalize is True or normalize == "global":
        shared = _from_features([stats["features"]], normalize_targets)
        return lambda participant: shared
    per_participant = stats.get("participants", {})
    if normalize == "participant":
        missing = [p for p in participants if p not in per_participant]
        if missing:
            raise ValueError(f"Cannot normalize per participant: stats.json has no statistics for {missing}")
        table: Dict[str, Normalization] = {
            p: _from_features([per_participant[p]["features"]], normalize_targets) for p in participants}
        return table.__getitem__
    if isinstance(normalize, (list, tuple)) and normalize and all(isinstance(p, str) for p in normalize):
        unknown = [p for p in normalize if p not in per_participant]
        if unknown:
            raise errors.unknown_participants(unknown, per_participant)
        pooled = _from_features([per_participant[p]["features"] for p in normalize], normalize_targets)
        return lambda participant: pooled
    raise errors.bad_normalize(normalize)
