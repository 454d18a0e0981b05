"""Cutting trials into fixed windows, and building one item: pure numpy, no I/O.

Windows of `window` samples start every `stride` samples; after the last window that fits whole,
one more starts `stride` later if samples are left, and is padded. So every sample lies in at least
one window (stride <= window), and only the last window of a trial (or a trial shorter than the
window) has padding. Padding is 0 with mask False.
"""

from __future__ import annotations

from typing import Dict, List, Optional

import numpy as np
import torch

from . import errors
from .normalization import Normalization


def check_window(window: Optional[int], stride: Optional[int]) -> Optional[int]:
    """The stride to use (default: the window, no overlap); ValueError for bad values."""
    if window is None:
        if stride is not None:
            raise errors.bad_window(window, stride)
        return None
    stride = window if stride is None else stride
    for value in (window, stride):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise errors.bad_window(window, stride)
    if stride > window:
        raise errors.bad_window(window, stride)
    return int(stride)


def window_starts(length: int, window: int, stride: int) -> List[int]:
    if length <= window:
        return [0]
    starts = list(range(0, length - window + 1, stride))
    if starts[-1] + window < length:
        starts.append(starts[-1] + stride)
    return starts


def _masked(values: np.ndarray, real: int, size: int, mean, std):
    """(values padded to `size` rows, normalized, NaN -> 0; mask of real numbers)."""
    out = np.zeros((size, values.shape[1]), dtype=np.float32)
    out[:real] = values
    if mean is not None:
        out[:real] -= mean
        out[:real] /= std
    mask = ~np.isnan(out)
    mask[real:] = False
    out[~mask] = 0.0
    return out, mask


def build_item(inputs: np.ndarray, targets: np.ndarray, size: int, normalization: Optional[Normalization],
               participant: str, trial_name: str, start: int) -> Dict[str, object]:
    """One item from a trial's slice (real samples only) padded to `size` rows."""
    real = inputs.shape[0]
    norm = normalization
    x, input_mask = _masked(inputs, real, size, None if norm is None else norm.input_mean,
                            None if norm is None else norm.input_std)
    y, target_mask = _masked(targets, real, size, None if norm is None else norm.target_mean,
                             None if norm is None else norm.target_std)
    mask = np.zeros(size, dtype=bool)
    mask[:real] = True
    return {
        "inputs": torch.from_numpy(x),
        "targets": torch.from_numpy(y),
        "mask": torch.from_numpy(mask),
        "input_mask": torch.from_numpy(input_mask),
        "target_mask": torch.from_numpy(target_mask),
        "length": real,
        "participant": participant,
        "trial_name": trial_name,
        "start": start,
    }
