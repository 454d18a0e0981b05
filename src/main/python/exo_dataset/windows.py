"""Cutting trials into fixed windows, and building one item: pure numpy, no I/O.

Windows of `window` samples start every `stride` samples; after the last window that fits whole,
one more starts `stride` later if samples are left, and is padded. So every sample lies in at least
one window (stride <= window), and only the last window of a trial (or a trial shorter than the
window) has padding. Padding is 0 with mask False.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

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


def _masked(values: np.ndarray, real: np.ndarray, mean: Optional[np.ndarray], std: Optional[np.ndarray]):
    """Normalizes (rows, size, width) in place, sets NaN and padding to 0; returns the mask of real numbers.
    mean/std are (rows, width) or None."""
    if mean is not None:
        values -= mean[:, None, :]
        values /= std[:, None, :]
    mask = ~np.isnan(values)
    mask &= (np.arange(values.shape[1])[None, :] < real[:, None])[:, :, None]
    np.copyto(values, 0.0, where=~mask)
    return mask


def _stacked(norms: Sequence[Optional[Normalization]], field: str) -> Optional[np.ndarray]:
    if norms[0] is None or getattr(norms[0], field) is None:
        return None
    return np.stack([getattr(norm, field) for norm in norms])


def build_items(slices: Sequence[Tuple[np.ndarray, np.ndarray]], size: int,
                norms: Sequence[Optional[Normalization]], names: Sequence[Tuple[str, str, int]]) -> List[dict]:
    """Items from trials' slices (real samples only: inputs, targets), each padded to `size` rows,
    built with one vectorized pass over the whole group: a batch of windows costs a few numpy calls,
    not a few per window. `names` are (participant, trial_name, start) per item."""
    rows = len(slices)
    x = np.zeros((rows, size, slices[0][0].shape[1]), dtype=np.float32)
    y = np.zeros((rows, size, slices[0][1].shape[1]), dtype=np.float32)
    real = np.empty(rows, dtype=np.int64)
    for row, (inputs, targets) in enumerate(slices):
        real[row] = inputs.shape[0]
        x[row, :real[row]] = inputs
        y[row, :real[row]] = targets
    input_mask = _masked(x, real, _stacked(norms, "input_mean"), _stacked(norms, "input_std"))
    target_mask = _masked(y, real, _stacked(norms, "target_mean"), _stacked(norms, "target_std"))
    mask = np.arange(size)[None, :] < real[:, None]
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    input_mask, target_mask, mask = (torch.from_numpy(m) for m in (input_mask, target_mask, mask))
    return [{"inputs": x[row], "targets": y[row], "mask": mask[row], "input_mask": input_mask[row],
             "target_mask": target_mask[row], "length": int(real[row]), "participant": names[row][0],
             "trial_name": names[row][1], "start": names[row][2]} for row in range(rows)]
