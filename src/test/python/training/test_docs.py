"""The Python blocks of docs/data_usage.md's "Training with PyTorch" and "Participant splits", run as
written (one script, in order) against the repo name they use, synced to the dev-hub; only the local
output path /data/exo-phase1 is replaced by the test's output."""

from __future__ import annotations

import re

from training.conftest import REPO_ROOT, client_env, run_client

DOCS = REPO_ROOT / "docs" / "data_usage.md"


def training_blocks():
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## Training with PyTorch"):text.index("## Troubleshooting")]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_training_docs_run_as_written(output, dev_hub, published, tmp_path):
    assert published.repo == "macexo/exoskeleton-phase1"  # the repo the docs name, synced from the output
    blocks = training_blocks()
    assert len(blocks) >= 6
    script = "\n".join(blocks).replace("/data/exo-phase1", str(output))
    script += '\nemit({"loss": float(loss), "folds": len(splits["leave_one_subject_out"]), ' \
              '"shape": list(batch["inputs"].shape)})\n'
    run = run_client(script, client_env(dev_hub, tmp_path / "hf-home"), tmp_path)
    assert run.result["folds"] == 3
    assert run.result["loss"] >= 0.0
    assert 1 <= run.result["shape"][0] <= 8 and run.result["shape"][2] == 28
    assert (tmp_path / "data" / "processed" / "phase1" / "metadata.json").exists()  # the default cache_dir
