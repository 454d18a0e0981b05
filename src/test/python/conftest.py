"""Fixtures shared by the Python tests: a real `prepare` output and a real `dev-hub` with it synced.

Everything runs the project's own build (`bin/exo-etl` over target/exo-etl.jar and target/lib), so
`mvn package` must have run first; `mvn verify` runs these tests after it. Hugging Face clients read
HF_ENDPOINT, HF_TOKEN and HF_HOME when they are imported, so they are set here, when pytest imports
this file and before any test module imports `huggingface_hub` or `datasets`: the dev-hub's port is
chosen now and the server is started on it by the first test that needs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LAUNCHER = ROOT / "bin" / "exo-etl"
TOKEN = "hf_pytest_dev_token"
WORK = Path(tempfile.mkdtemp(prefix="exo-etl-pytest-"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


HUB_PORT = _free_port()
HUB_URL = f"http://127.0.0.1:{HUB_PORT}"
os.environ.update(
    {
        "HF_ENDPOINT": HUB_URL,
        "HF_TOKEN": TOKEN,
        "HF_HOME": str(WORK / "hf-home"),
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_DISABLE_XET": "1",
        "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    }
)
# A stray http.py in the working directory would shadow the standard library for huggingface_hub.
os.chdir(ROOT)


def run_exo_etl(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs `bin/exo-etl <args>` (Spark in local mode on loopback) and returns what it printed."""
    if not (ROOT / "target" / "exo-etl.jar").exists():
        pytest.fail("target/exo-etl.jar is missing: run `mvn -DskipTests package` first")
    environment = dict(os.environ, EXO_ETL_CDS="0", SPARK_LOCAL_IP="127.0.0.1")
    environment.update(env or {})
    done = subprocess.run(
        [str(LAUNCHER), *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )
    if check and done.returncode not in (0, 3):
        raise AssertionError(
            f"exo-etl {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done


@dataclass(frozen=True)
class Output:
    """A finished prepare output and what its metadata says."""

    root: Path
    metadata: dict
    input: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def written(self) -> int:
        return self.metadata["totals"]["trials_written"]

    def participants(self) -> list[str]:
        return sorted(p["participant"] for p in self.metadata["participants"] if p["trials"] > 0)

    def trials_of(self, participant: str) -> int:
        return next(p["trials"] for p in self.metadata["participants"] if p["participant"] == participant)


def prepare(input_tree: Path, output: Path, *flags: str) -> Output:
    run_exo_etl("prepare", "--input", str(input_tree), "--output", str(output), *flags)
    return Output(output, json.loads((output / "metadata.json").read_text()), input_tree)


def synth(target: Path, participants: str, trials: int = 3, seed: int = 7, defects: bool = True) -> Path:
    args = ["synth", "--output", str(target), "--participants", participants, "--trials", str(trials),
            "--scale", "0.03", "--seed", str(seed)]
    run_exo_etl(*args, *(["--defects"] if defects else []))
    return target


@pytest.fixture(scope="session")
def prepared() -> Output:
    """Three participants (one of them with every kind of broken trial), prepared."""
    tree = synth(WORK / "Parsed", "BT01,BT02,BT13")
    return prepare(tree, WORK / "out")


@dataclass
class DevHub:
    url: str
    token: str
    process: subprocess.Popen

    def sync(self, output: Path, repo: str, *extra: str) -> str:
        done = run_exo_etl("sync", "--output", str(output), "--repo", repo, *extra)
        return done.stdout


@pytest.fixture(scope="session")
def dev_hub():
    """`exo-etl dev-hub` on the port HF_ENDPOINT names, with state in a temporary folder."""
    log = open(WORK / "dev-hub.log", "w")
    process = subprocess.Popen(
        [str(LAUNCHER), "dev-hub", "--port", str(HUB_PORT), "--storage", str(WORK / "hub"),
         "--tokens", TOKEN],
        cwd=ROOT, env=dict(os.environ, EXO_ETL_CDS="0"), stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(process, WORK / "dev-hub.log")
        yield DevHub(HUB_URL, TOKEN, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for(process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"dev-hub exited {process.returncode}:\n{log.read_text()}")
        if re.search(r"dev-hub listening on http://127\.0\.0\.1:\d+", log.read_text()):
            return
        time.sleep(0.2)
    raise AssertionError(f"dev-hub did not start in 60 s:\n{log.read_text()}")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(WORK, ignore_errors=True)
