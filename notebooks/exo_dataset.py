"""PyTorch access to the exo-etl Phase1 dataset (one row per trial, written by `exo-etl prepare`).

    from exo_dataset import ExoTrials, collate_padded, load_splits
    splits = load_splits("/data/exo-phase1")
    train = ExoTrials.from_parquet("/data/exo-phase1/data", participants=splits["train"])
    loader = torch.utils.data.DataLoader(train, batch_size=8, shuffle=True, collate_fn=collate_padded)
    batch = next(iter(loader))
    batch["inputs"].shape   # (batch, longest trial in the batch, 28): imu 24 + angles 4
    batch["targets"].shape  # (batch, longest, 4): hip_flexion_l/r and knee_angle_l/r moments, Nm/kg

Each trial's inputs are its 24 IMU columns followed by its 4 joint angles; its targets are the 4 joint
moments. NaN is kept in the Parquet files (whole task families have NaN blocks); here NaN inputs become
0.0 and NaN targets become 0.0 with `target_mask` False, so a loss must be masked (see `masked_mse`).

Needs numpy and torch; `from_parquet` also needs pyarrow (pandas is not required).
"""

from __future__ import annotations

import json
import os
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
from torch.utils.data import Dataset

IMU_WIDTH = 24
ANGLE_WIDTH = 4
MOMENT_WIDTH = 4
INPUT_WIDTH = IMU_WIDTH + ANGLE_WIDTH


def _rows_of(column, width: int) -> List[np.ndarray]:
    """One (seq, width) float32 array per row of a pyarrow list<list<float>> column."""
    column = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    offsets = column.offsets.to_numpy()
    offsets = offsets - offsets[0]  # a sliced array's offsets need not start at 0; flatten() does
    # Every inner list has `width` values, so row i is one contiguous block of the flat values.
    flat = column.flatten().flatten().to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
    return [flat[offsets[i] * width:offsets[i + 1] * width].reshape(-1, width)
            for i in range(len(offsets) - 1)]


def _matrix(nested, width: int) -> np.ndarray:
    """A (seq, width) float32 array from a list of rows (as pandas gives a list<list<float>> cell)."""
    if nested is None or len(nested) == 0:
        return np.zeros((0, width), dtype=np.float32)
    return np.stack([np.asarray(row, dtype=np.float32) for row in nested]).reshape(-1, width)


class ExoTrials(Dataset):
    """The trials as a map-style Dataset; item i is a dict of tensors for one whole trial.

    item["inputs"]      float32 (seq, 28): imu_features then angle_features, normalized if asked,
                        NaN replaced by 0.0
    item["targets"]     float32 (seq, 4): moment_targets, NaN replaced by 0.0
    item["target_mask"] bool    (seq, 4): True where the target was a real number
    item["length"]      int, item["participant"] str, item["trial_name"] str
    """

    def __init__(self, participants: Sequence[str], trial_names: Sequence[str],
                 imu: Sequence[np.ndarray], angles: Sequence[np.ndarray], moments: Sequence[np.ndarray],
                 normalization: Optional[Tuple[np.ndarray, np.ndarray]] = None):
        if not (len(participants) == len(trial_names) == len(imu) == len(angles) == len(moments)):
            raise ValueError("participants, trial_names, imu, angles and moments must have the same length")
        self.participants = [str(p) for p in participants]
        self.trial_names = [str(t) for t in trial_names]
        self._imu, self._angles, self._moments = list(imu), list(angles), list(moments)
        # (mean, std) of the 28 inputs, e.g. input_normalization(stats.json); applied before NaN -> 0.
        self._normalization = normalization

    @classmethod
    def from_parquet(cls, path: str, participants: Optional[Sequence[str]] = None,
                     normalization: Optional[Tuple[np.ndarray, np.ndarray]] = None) -> "ExoTrials":
        """Reads `<output>/data` (or one participant folder) with pyarrow, only the given participants.

        `participant` is a column inside the files, so folder names are not parsed (partitioning=None):
        parsing them too would add a second, dictionary-typed `participant` that pyarrow cannot merge.
        """
        import pyarrow.dataset as ds

        dataset = ds.dataset(path, format="parquet", partitioning=None)
        wanted = None if participants is None else ds.field("participant").isin(list(participants))
        table = dataset.to_table(
            columns=["participant", "trial_name", "imu_features", "angle_features", "moment_targets"],
            filter=wanted)
        return cls(
            table.column("participant").to_pylist(),
            table.column("trial_name").to_pylist(),
            _rows_of(table.column("imu_features"), IMU_WIDTH),
            _rows_of(table.column("angle_features"), ANGLE_WIDTH),
            _rows_of(table.column("moment_targets"), MOMENT_WIDTH),
            normalization)

    @classmethod
    def from_pandas(cls, frame, normalization: Optional[Tuple[np.ndarray, np.ndarray]] = None) -> "ExoTrials":
        """From a DataFrame read with pandas (engine="pyarrow"), e.g. after filtering its rows."""
        return cls(
            frame["participant"].tolist(),
            frame["trial_name"].tolist(),
            [_matrix(cell, IMU_WIDTH) for cell in frame["imu_features"]],
            [_matrix(cell, ANGLE_WIDTH) for cell in frame["angle_features"]],
            [_matrix(cell, MOMENT_WIDTH) for cell in frame["moment_targets"]],
            normalization)

    def __len__(self) -> int:
        return len(self.trial_names)

    def __getitem__(self, index: int) -> Dict[str, object]:
        inputs = np.concatenate([self._imu[index], self._angles[index]], axis=1)
        if self._normalization is not None:
            mean, std = self._normalization
            inputs = ((inputs - mean) / std).astype(np.float32)
        targets = self._moments[index]
        target_mask = ~np.isnan(targets)
        return {
            "inputs": torch.from_numpy(np.nan_to_num(inputs, nan=0.0)),
            "targets": torch.from_numpy(np.where(target_mask, targets, 0.0).astype(np.float32)),
            "target_mask": torch.from_numpy(target_mask),
            "length": int(inputs.shape[0]),
            "participant": self.participants[index],
            "trial_name": self.trial_names[index],
        }


def collate_padded(batch: List[Dict[str, object]]) -> Dict[str, object]:
    """Pads a list of trials to the longest one in the batch.

    Returns inputs (B, T, 28), targets (B, T, 4), mask (B, T) True on real samples and False on padding,
    target_mask (B, T, 4) True where a target is real (not padding, not NaN), lengths (B,) int64,
    and the participants and trial names as lists.
    """
    lengths = torch.tensor([item["length"] for item in batch], dtype=torch.int64)
    longest = int(lengths.max()) if len(batch) else 0
    inputs = torch.zeros(len(batch), longest, INPUT_WIDTH, dtype=torch.float32)
    targets = torch.zeros(len(batch), longest, MOMENT_WIDTH, dtype=torch.float32)
    target_mask = torch.zeros(len(batch), longest, MOMENT_WIDTH, dtype=torch.bool)
    for row, item in enumerate(batch):
        length = item["length"]
        inputs[row, :length] = item["inputs"]
        targets[row, :length] = item["targets"]
        target_mask[row, :length] = item["target_mask"]
    mask = torch.arange(longest).unsqueeze(0) < lengths.unsqueeze(1)
    return {
        "inputs": inputs,
        "targets": targets,
        "mask": mask,
        "target_mask": target_mask,
        "lengths": lengths,
        "participants": [item["participant"] for item in batch],
        "trial_names": [item["trial_name"] for item in batch],
    }


def masked_mse(predictions: torch.Tensor, targets: torch.Tensor, target_mask: torch.Tensor) -> torch.Tensor:
    """Mean squared error over real targets only (padding and NaN excluded)."""
    weights = target_mask.to(predictions.dtype)
    return ((predictions - targets) ** 2 * weights).sum() / weights.sum().clamp(min=1.0)


def input_normalization(stats: Dict[str, object]) -> Tuple[np.ndarray, np.ndarray]:
    """(mean, std) of the 28 inputs from a parsed stats.json (features in output order: imu, then angle)."""
    features = [f for f in stats["features"] if f["group"] in ("imu", "angle")]
    if len(features) != INPUT_WIDTH:
        raise ValueError(f"stats.json has {len(features)} imu and angle features, expected {INPUT_WIDTH}")
    mean = np.array([f["mean"] if f["mean"] is not None else 0.0 for f in features], dtype=np.float32)
    std = np.array([f["std"] if f["std"] else 1.0 for f in features], dtype=np.float32)
    return mean, std


def load_json(output: str, name: str) -> Dict[str, object]:
    """A JSON file of the output folder, e.g. load_json(out, "stats.json")."""
    with open(os.path.join(output, name), encoding="utf-8") as file:
        return json.load(file)


def load_splits(output: str) -> Dict[str, object]:
    """`<output>/splits.json`: {"train": [...], "val": [...], "test": [...], "leave_one_subject_out": [...]}."""
    return load_json(output, "splits.json")


def folds(splits: Dict[str, object]) -> List[Tuple[List[str], str]]:
    """The leave-one-subject-out folds of a splits.json as (train participants, held-out participant)."""
    return [(list(fold["train"]), fold["test"]) for fold in splits["leave_one_subject_out"]]
