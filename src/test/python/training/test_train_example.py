"""The runnable example trains on a synth output: three epochs, finite loss that falls."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys

from training.conftest import PACKAGE

EPOCH = re.compile(r"epoch (\d+)/3: train loss ([\d.]+|nan), val loss \((BT\d\d)\) ([\d.]+|nan), "
                   r"waiting for data ([\d.]+)% of ([\d.]+) s")


def test_the_example_trains_three_epochs_with_a_falling_finite_loss(output, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(PACKAGE))
    result = subprocess.run(
        [sys.executable, "-m", "exo_dataset.train", "--output", str(output), "--cache-dir", str(tmp_path / "cache"),
         "--epochs", "3", "--window", "64", "--stride", "32", "--batch-size", "8", "--hidden", "32",
         "--threads", "1"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    epochs = [EPOCH.search(line) for line in result.stdout.splitlines() if line.startswith("epoch")]
    assert len(epochs) == 3 and all(epochs), result.stdout
    train = [float(m.group(2)) for m in epochs]
    val = [float(m.group(4)) for m in epochs]
    assert all(math.isfinite(v) for v in train + val)
    assert train[2] < train[0] and val[2] < val[0], result.stdout
    assert {m.group(3) for m in epochs} == {"BT01"}  # the first leave-one-subject-out fold
    assert all(0.0 <= float(m.group(5)) <= 100.0 for m in epochs)
    assert "fold: held out BT01; train BT02, BT03" in result.stdout
