"""The notebook runs: explore_phase1.ipynb end to end on a demo output, its batch from the exo_dataset
package (whose own tests are in ../training)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from exo_testing import ROOT, WORK, run_exo_etl

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
    assert "inputs       (4, 64, 28) torch.float32" in outputs
    assert "targets      (4, 64, 4) torch.float32" in outputs
    assert any(o.get("data", {}).get("image/png") for c in notebook.cells if c.cell_type == "code"
               for o in c.outputs), "the trial plot was not drawn"
