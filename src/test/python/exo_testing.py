"""What the Python tests share: the project's launcher, one dev-hub port and its tokens, and helpers
that run `bin/exo-etl` (synth, prepare, sync) over the packaged jar.

Hugging Face clients read HF_ENDPOINT, HF_TOKEN and HF_HOME when they are imported, so importing this
module sets them, before any test module imports `huggingface_hub` or `datasets` (conftest.py imports
it first): the dev-hub's port is chosen now, and the server is started on it by the first test that
needs it. With `hf_xet` installed huggingface_hub would upload through Xet, which the dev-hub does not
speak (the Git LFS path is what sync speaks), hence HF_HUB_DISABLE_XET.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LAUNCHER = ROOT / "bin" / "exo-etl"
TOKEN = "hf_pytestToken0123456789secret"
# May write repos but gets 403 when it creates one, like a fine-grained or organisation token.
SCOPED_TOKEN = "hf_pytestScoped9876543210secret"
WORK = Path(tempfile.mkdtemp(prefix="exo-etl-pytest-"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


HUB_PORT = free_port()
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


def launcher_env(**extra: str) -> dict:
    """The environment `bin/exo-etl` runs in: no class-data archive recording, Spark on loopback."""
    return dict(os.environ, EXO_ETL_CDS="0", SPARK_LOCAL_IP="127.0.0.1", **extra)


def run_exo_etl(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs `bin/exo-etl <args>` and returns what it printed; exit 0 and 3 (nothing to do) pass."""
    if not (ROOT / "target" / "exo-etl.jar").exists():
        raise AssertionError("target/exo-etl.jar is missing: run `mvn -DskipTests package` first")
    done = subprocess.run([str(LAUNCHER), *args], cwd=ROOT, env=launcher_env(**(env or {})),
                          capture_output=True, text=True, timeout=600)
    if check and done.returncode not in (0, 3):
        raise AssertionError(f"exo-etl {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
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


def test_class_path() -> str:
    """The tests' class path: their classes, the product's, and the jars `mvn package` lists."""
    listed = ROOT / "target" / "test.classpath"
    if not listed.exists():
        raise AssertionError("target/test.classpath is missing: run `mvn -DskipTests package` first")
    return ":".join([str(ROOT / "target" / "test-classes"), str(ROOT / "target" / "classes"),
                     listed.read_text().strip()])


class DevHub:
    """The dev-hub on HUB_PORT with the tests' faults and their control routes (FaultyDevHub, test
    code: the product's `exo-etl dev-hub` has none), shared by the session."""

    url = HUB_URL
    token = TOKEN

    def __init__(self, storage: Path):
        self.log_path = storage / "dev-hub.log"
        storage.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            ["java", "-cp", test_class_path(), "io.macexo.exoetl.hub.devhub.FaultyDevHub",
             "--port", str(HUB_PORT), "--storage", str(storage / "state"),
             "--tokens", TOKEN, "--scoped-tokens", SCOPED_TOKEN],
            cwd=ROOT, env=launcher_env(), stdout=self._log, stderr=subprocess.STDOUT, text=True)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"dev-hub exited {self.process.returncode}:\n{self.log_path.read_text()}")
            if re.search(r"dev-hub listening on http://127\.0\.0\.1:\d+", self.log_path.read_text()):
                return
            time.sleep(0.2)
        raise AssertionError(f"dev-hub did not start in 90 s:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()

    def sync(self, output: Path, repo: str, *extra: str) -> str:
        return run_exo_etl("sync", "--output", str(output), "--repo", repo, *extra).stdout

    # The control routes (FaultyDevHub) play the real Hub's faults from outside the JVM.
    def _admin(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{HUB_URL}/_dev-hub/{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read() or b"{}")

    def inject(self, route, kind, at=1, times=1, **details):
        """Plays a failure on requests at..at+times-1 to a route (counted from now)."""
        self._admin("POST", "failures", {"route": route, "kind": kind, "at": at, "times": times, **details})

    def clear(self):
        self._admin("DELETE", "failures")

    def counts(self):
        return self._admin("GET", "counts")

    def reset_counts(self):
        self._admin("POST", "counts/reset")
