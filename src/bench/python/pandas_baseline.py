#!/usr/bin/env python3
r"""The seed team's approach to the Phase1 ETL, kept as a baseline for `exo-etl bench`.

Like the public Python pipeline described in PHASE1.md, it walks the trials one after another on one
core, reads each trial's three CSV files with pandas, checks that the columns exist and that the
three lengths match, only warns on NaN, converts the selected columns to Python lists and keeps every
trial in memory. The public pipeline then saves one Arrow dataset; pyarrow is not packaged in Debian,
so this script stops before that step (the bench reports it as "nothing written").

Input: the bench's manifest, one trial per line, tab-separated:
participant, trial, mass_kg, bytes, exo path, angle_filt path, moment_filt_bio path.
Output: a Java properties file with trials, rows, bytes and seconds (the loop's own time).

Run with Debian's interpreter, which has python3-pandas, e.g. after a bench run:
  /usr/bin/python3 src/bench/python/pandas_baseline.py \
      --manifest target/bench/work/pandas-manifest.tsv --result /tmp/pandas.properties
"""
import argparse
import sys
import time

import pandas as pd

SIDES = ("l", "r")
IMU = [
    f"{segment}_imu_{side}_{channel}"
    for side in SIDES
    for segment in ("thigh", "shank")
    for channel in ("accel_x", "accel_y", "accel_z", "gyro_x", "gyro_y", "gyro_z")
]
ANGLE = ["hip_flexion_l", "hip_flexion_r", "knee_angle_l", "knee_angle_r"]
MOMENT = [f"{column}_moment" for column in ANGLE]
TIME = "time"


def read_manifest(path):
    """The manifest's trials as tuples."""
    trials = []
    with open(path, encoding="utf-8") as manifest:
        for line in manifest:
            if line.strip():
                participant, trial, mass, size, exo, angle, moment = line.rstrip("\n").split("\t")
                trials.append((participant, trial, float(mass), int(size), exo, angle, moment))
    return trials


def load_trial(participant, trial, mass, exo, angle, moment):
    """One trial as a dict of Python lists, or None (with a warning) when it does not fit."""
    frames = []
    for path, columns in ((exo, IMU), (angle, ANGLE), (moment, MOMENT)):
        frame = pd.read_csv(path)
        missing = [column for column in [TIME] + columns if column not in frame.columns]
        if missing:
            print(f"warning: {path} lacks {missing}; trial skipped", file=sys.stderr)
            return None
        frames.append(frame[columns])
    lengths = {len(frame) for frame in frames}
    if len(lengths) != 1:
        print(f"warning: {participant}/{trial} lengths differ {lengths}; skipped", file=sys.stderr)
        return None
    if any(frame.isna().to_numpy().any() for frame in frames):
        print(f"warning: {participant}/{trial} has NaN", file=sys.stderr)
    return {
        "participant": participant,
        "trial_name": trial,
        "mass_kg": mass,
        "sequence_length": lengths.pop(),
        "imu_features": frames[0].to_numpy(dtype="float32").tolist(),
        "angle_features": frames[1].to_numpy(dtype="float32").tolist(),
        "moment_targets": frames[2].to_numpy(dtype="float32").tolist(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--result", required=True)
    args = parser.parse_args()
    trials = read_manifest(args.manifest)
    started = time.perf_counter()
    dataset = []
    rows = 0
    size = 0
    for participant, trial, mass, trial_bytes, exo, angle, moment in trials:
        loaded = load_trial(participant, trial, mass, exo, angle, moment)
        size += trial_bytes
        if loaded is not None:
            dataset.append(loaded)
            rows += loaded["sequence_length"]
    seconds = time.perf_counter() - started
    with open(args.result, "w", encoding="utf-8") as result:
        result.write(f"trials={len(dataset)}\nrows={rows}\nbytes={size}\nseconds={seconds:.3f}\n")
    print(f"{len(dataset)} trials, {rows} rows, {size} bytes in {seconds:.1f} s")


if __name__ == "__main__":
    main()
