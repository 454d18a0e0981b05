"""Fixtures for checking exo-etl's Hub client and dev-hub with the official Python clients.

They use the session's dev-hub (conftest.py, exo_testing.DevHub, started from the tests' class
FaultyDevHub): its control routes play the real Hub's faults (rate limits, stalls) from outside the
JVM.
"""

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from exo_testing import LAUNCHER, ROOT, SCOPED_TOKEN as SCOPED, TOKEN, launcher_env

ENDPOINT = os.environ["HF_ENDPOINT"]


def _launcher_env():
    return launcher_env()


@pytest.fixture(scope="session")
def hub(dev_hub):
    """The session's dev-hub, with its fault routes."""
    return dev_hub


@pytest.fixture(autouse=True)
def no_faults_left(hub):
    """Every test starts and ends without injected faults."""
    hub.clear()
    yield
    hub.clear()


def run_sync(output, repo, *flags, token=TOKEN):
    """Runs ``exo-etl sync`` against the dev-hub; the token must never appear in what it prints."""
    env = _launcher_env()
    env["HF_TOKEN"] = token
    result = subprocess.run(
        [str(LAUNCHER), "sync", "--output", str(output), "--repo", repo, *flags],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    for text in (result.stdout, result.stderr):
        assert token not in text and token[3:] not in text, "the token was printed"
    return result


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_output(root, salt, participants=("BT01", "BT02", "BT03"), files=2, layout="subject={p}"):
    """A small prepare output: real Parquet files with a participant column, a card whose
    configs glob reads them, metadata.json and the _SUCCESS marker. The salt goes into the rows,
    so that tests do not share stored objects (the dev-hub's storage is shared by all repos).
    Returns its published files (path in the repo to sha256)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(root)
    for n, participant in enumerate(participants):
        folder = root / "data" / layout.format(p=participant)
        folder.mkdir(parents=True, exist_ok=True)
        for part in range(files):
            table = pa.table({
                "participant": [participant] * 3,
                "trial_name": [f"{salt}_walk_{part}_{i}" for i in range(3)],
                "sequence_length": pa.array([10 + n, 11, 12 + part], type=pa.int32()),
            })
            pq.write_table(table, folder / f"part-{part:05d}.parquet")
    (root / "README.md").write_text(
        "---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n"
        "    path: \"data/**/*.parquet\"\n---\n# Test dataset\n\nBuilt by exo-etl 0.1.0.\n")
    (root / "metadata.json").write_text(json.dumps({"participants": list(participants)}))
    (root / "_SUCCESS").write_text("")
    return published(root)


def published(root):
    """What sync publishes from an output: data/**.parquet, the card and the descriptions."""
    root = Path(root)
    files = {p.relative_to(root).as_posix(): sha256(p) for p in root.glob("data/**/*.parquet")}
    for name in ("README.md", "metadata.json", "stats.json", "splits.json", "trials/trials.parquet"):
        if (root / name).is_file():
            files[name] = sha256(root / name)
    return files


def read_back(repo, revision="main", token=TOKEN):
    """Every file of a repo revision, downloaded with the official client: path to sha256."""
    from huggingface_hub import HfApi, hf_hub_download

    api = HfApi(endpoint=ENDPOINT, token=token)
    result = {}
    for name in api.list_repo_files(repo, repo_type="dataset", revision=revision):
        local = hf_hub_download(repo, name, repo_type="dataset", revision=revision,
                                endpoint=ENDPOINT, token=token)
        result[name] = sha256(local)
    return result


def commit_titles(repo, revision="main"):
    from huggingface_hub import HfApi

    api = HfApi(endpoint=ENDPOINT, token=TOKEN)
    return [c.title for c in api.list_repo_commits(repo, repo_type="dataset", revision=revision)]
