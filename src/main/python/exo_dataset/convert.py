"""Parquet files of one participant -> two contiguous float32 arrays and an index of its trials.

inputs  (samples, 28): the 24 IMU columns then the 4 joint angles of every trial, one after another;
targets (samples, 4):  the 4 joint moments. NaN is kept (it is data: whole task families have NaN
blocks); the Dataset masks it per item. One contiguous block per participant lets the cache map a
participant with two files, and a trial is a slice of them (offset, length).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence

import numpy as np

from .layout import ANGLE_WIDTH, COLUMNS, IMU_WIDTH, MOMENT_WIDTH


@dataclass(frozen=True)
class Trial:
    trial_name: str
    offset: int
    length: int
    mass_kg: float

    def to_json(self) -> dict:
        return {"trial_name": self.trial_name, "offset": self.offset, "length": self.length,
                "mass_kg": self.mass_kg}

    @staticmethod
    def from_json(node) -> "Trial":
        return Trial(node["trial_name"], int(node["offset"]), int(node["length"]), float(node["mass_kg"]))


@dataclass
class ParticipantArrays:
    participant: str
    inputs: np.ndarray
    targets: np.ndarray
    trials: List[Trial]


def _matrices(column, width: int, path: str, what: str):
    """(values (rows, width) float32, rows per trial) of a list<list<float>> column."""
    outer = column.combine_chunks()
    rows_per_trial = outer.value_lengths().to_numpy(zero_copy_only=False)
    inner = outer.flatten()  # flatten() honours slicing, unlike .values
    widths = inner.value_lengths().to_numpy(zero_copy_only=False)
    if len(widths) and (widths.min() != width or widths.max() != width):
        raise ValueError(f"Cannot read {path}: {what} rows must have {width} values, found {widths.min()}..{widths.max()}")
    flat = inner.flatten().to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
    return flat.reshape(-1, width), rows_per_trial


def read_participant(participant: str, paths: Sequence[str], shown_as: Sequence[str] = ()) -> ParticipantArrays:
    """Reads the given Parquet files (each one file, so no folder names are parsed) into arrays,
    trials in name order. `shown_as` are the files' repo paths, for messages."""
    import pyarrow.parquet as pq

    pieces = []
    for position, path in enumerate(paths):
        shown = shown_as[position] if position < len(shown_as) else path
        table = pq.read_table(path, columns=list(COLUMNS))
        owners = set(table.column("participant").to_pylist())
        if owners - {participant}:
            raise ValueError(f"Cannot read {shown} as {participant}'s: it holds trials of {sorted(owners)}")
        imu, rows = _matrices(table.column("imu_features"), IMU_WIDTH, shown, "imu_features")
        angles, angle_rows = _matrices(table.column("angle_features"), ANGLE_WIDTH, shown, "angle_features")
        moments, moment_rows = _matrices(table.column("moment_targets"), MOMENT_WIDTH, shown, "moment_targets")
        if not (np.array_equal(rows, angle_rows) and np.array_equal(rows, moment_rows)):
            raise ValueError(f"Cannot read {shown}: imu, angle and moment arrays differ in length within a trial")
        starts = np.concatenate([[0], np.cumsum(rows)])
        for row, (name, mass) in enumerate(zip(table.column("trial_name").to_pylist(),
                                               table.column("mass_kg").to_pylist())):
            block = slice(int(starts[row]), int(starts[row + 1]))
            pieces.append((name, float(mass), imu[block], angles[block], moments[block]))
    pieces.sort(key=lambda piece: piece[0])
    names = [piece[0] for piece in pieces]
    if len(set(names)) != len(names):
        twice = sorted({name for name in names if names.count(name) > 1})
        raise ValueError(f"Cannot read {participant}'s files: trials {twice} appear more than once")
    total = sum(len(piece[2]) for piece in pieces)
    inputs = np.empty((total, IMU_WIDTH + ANGLE_WIDTH), dtype=np.float32)
    targets = np.empty((total, MOMENT_WIDTH), dtype=np.float32)
    trials: List[Trial] = []
    offset = 0
    for name, mass, imu, angles, moments in pieces:
        length = len(imu)
        inputs[offset:offset + length, :IMU_WIDTH] = imu
        inputs[offset:offset + length, IMU_WIDTH:] = angles
        targets[offset:offset + length] = moments
        trials.append(Trial(name, offset, length, mass))
        offset += length
    return ParticipantArrays(participant, inputs, targets, trials)
