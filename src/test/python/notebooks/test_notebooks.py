"""The notebooks run: explore_phase1.ipynb end to end on a demo output, exo_dataset.py on real Parquet."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import numpy as np
import torch
from nbclient import NotebookClient
from torch.utils.data import DataLoader

from conftest import ROOT, WORK, run_exo_etl

NOTEBOOKS = ROOT / "notebooks"


def test_the_exploration_notebook_runs_end_to_end_on_a_demo_output():
    demo = WORK / "demo"
    run_exo_etl("demo", "--dir", str(demo))
    notebook = nbformat.read(NOTEBOOKS / "explore_phase1.ipynb", as_version=4)
    os.environ["EXO_OUTPUT"] = str(demo / "output")
    try:
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        del os.environ["EXO_OUTPUT"]

    outputs = "\n".join(
        out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs)
    assert not [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "finished run: True" in outputs
    assert "inputs       (4, " in outputs and ", 28) torch.float32" in outputs
    assert "targets      (4, " in outputs
    assert any(o.get("data", {}).get("image/png") for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs), "the trial plot was not drawn"


def test_the_notebook_module_builds_padded_batches_from_real_parquet(prepared):
    sys.path.insert(0, str(NOTEBOOKS))
    try:
        from exo_dataset import ExoTrials, collate_padded, input_normalization, load_json, masked_mse
    finally:
        sys.path.remove(str(NOTEBOOKS))
    stats = load_json(str(prepared.root), "stats.json")
    trials = ExoTrials.from_parquet(str(prepared.data), participants=["BT01", "BT13"],
                                    normalization=input_normalization(stats))
    batch = collate_padded([trials[i] for i in range(len(trials))])

    lengths = batch["lengths"].tolist()
    assert len(trials) == prepared.trials_of("BT01") + prepared.trials_of("BT13")
    assert set(batch["participants"]) == {"BT01", "BT13"}
    assert tuple(batch["inputs"].shape) == (len(trials), max(lengths), 28)
    assert tuple(batch["targets"].shape) == (len(trials), max(lengths), 4)
    assert batch["mask"].sum().item() == sum(lengths)
    assert not torch.isnan(batch["inputs"]).any() and not torch.isnan(batch["targets"]).any()
    assert not batch["target_mask"][~batch["mask"]].any(), "padding is never a real target"
    loader = DataLoader(trials, batch_size=2, shuffle=True, collate_fn=collate_padded)
    for piece in loader:
        loss = masked_mse(torch.zeros_like(piece["targets"]), piece["targets"], piece["target_mask"])
        assert np.isfinite(loss.item())
