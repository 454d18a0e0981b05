"""What every reader must give back for a prepare output: the same trials, participants and array shapes.

The reference is read file by file with pyarrow's ParquetFile (no dataset discovery, no folder names),
so a reader that drops, duplicates or mangles rows, or reads a matrix with another shape, differs from it.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

WIDTHS = {"imu_features": 24, "angle_features": 4, "moment_targets": 4}


def summary(participant, trial_name, sequence_length, arrays: dict) -> tuple:
    """(participant, trial, length, the shape of each matrix, the NaN-aware sum of each matrix)."""
    shapes = []
    sums = []
    for column in WIDTHS:
        matrix = np.asarray([np.asarray(row, dtype=np.float64) for row in arrays[column]], dtype=np.float64)
        shapes.append(matrix.shape if matrix.size else (0, 0))
        sums.append(round(float(np.nansum(matrix)), 3))
    return (str(participant), str(trial_name), int(sequence_length), tuple(shapes), tuple(sums))


def from_rows(rows) -> list[tuple]:
    """Summaries of rows given as mappings (pandas records, datasets rows, polars dicts)."""
    return sorted(
        summary(r["participant"], r["trial_name"], r["sequence_length"], {c: r[c] for c in WIDTHS}) for r in rows
    )


def reference(data: Path) -> list[tuple]:
    rows = []
    for file in sorted(data.glob("*/*.parquet")):
        rows.extend(pq.ParquetFile(file).read().to_pylist())
    return from_rows(rows)


def assert_same_trials(actual: list[tuple], expected: list[tuple], written: int) -> None:
    assert len(expected) == written, f"the reference holds {len(expected)} trials, metadata says {written}"
    assert actual == expected
    for participant, trial, length, shapes, _ in actual:
        assert shapes == ((length, 24), (length, 4), (length, 4)), (participant, trial, shapes)
        assert length > 0 and not math.isnan(length)


def assert_subject_is_participant(participants, subjects) -> None:
    """Readers that parse the folder names add `subject`: it must equal `participant` on every row."""
    assert [str(s) for s in subjects] == [str(p) for p in participants]
