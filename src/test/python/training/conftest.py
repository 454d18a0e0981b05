"""Fixtures of the training client's tests: a real `synth` + `prepare` output, a real `dev-hub` on a free
loopback port with its request log, and the output synced to it with `exo-etl sync`.

Hub-facing steps run the client in its own Python process, with HF_ENDPOINT, HF_TOKEN and a private
HF_HOME in its environment, as a user's script would: huggingface_hub reads those when it is imported.
Needs the Java side built first (`mvn -q -DskipTests package`); `mvn verify` has built it by the time
it runs these tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from hypothesis import settings

# No example database in the work tree; every run draws afresh (seeded by hypothesis per test).
settings.register_profile("exo-etl", database=None)
settings.load_profile("exo-etl")

REPO_ROOT = Path(__file__).resolve().parents[4]
PACKAGE = REPO_ROOT / "src" / "main" / "python"
if str(PACKAGE) not in sys.path:
    sys.path.insert(0, str(PACKAGE))

TOKEN = "hf_trainingClientTest1"
PARTICIPANTS = ("BT01", "BT02", "BT03")
# Small trials (scale 0.02 gives 86..483 samples here) keep the whole module well under two minutes.
SYNTH = ("--participants", ",".join(PARTICIPANTS), "--trials", "3", "--scale", "0.02", "--seed", "42")


def exo_etl(*args: str, env: Optional[Dict[str, str]] = None, timeout: float = 300) -> str:
    """Runs bin/exo-etl; its output on failure."""
    launcher = REPO_ROOT / "bin" / "exo-etl"
    full_env = dict(os.environ, EXO_ETL_CDS="0", SPARK_LOCAL_IP="127.0.0.1", **(env or {}))
    result = subprocess.run([str(launcher), *args], cwd=REPO_ROOT, env=full_env, capture_output=True,
                            text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"exo-etl {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@pytest.fixture(scope="session")
def built() -> Path:
    jar = REPO_ROOT / "target" / "exo-etl.jar"
    if not jar.exists() or not (REPO_ROOT / "target" / "lib").is_dir():
        pytest.fail(f"{jar} is not built; run: mvn -q -DskipTests package")
    return jar


@pytest.fixture(scope="session")
def synth_input(built, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "Parsed"
    exo_etl("synth", "--output", str(folder), *SYNTH)
    return folder


@pytest.fixture(scope="session")
def output(synth_input, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("prepare") / "out"
    exo_etl("prepare", "--input", str(synth_input), "--output", str(folder))
    return folder


@dataclass
class Request:
    method: str
    route: str
    path: str
    status: int


class DevHub:
    """A dev-hub process and its request log."""

    def __init__(self, storage: Path, log: Path):
        self.log = log
        self.lines: List[str] = []
        self.process = subprocess.Popen(
            [str(REPO_ROOT / "bin" / "exo-etl"), "dev-hub", "--port", "0", "--storage", str(storage),
             "--tokens", TOKEN, "--request-log", str(log)],
            cwd=REPO_ROOT, env=dict(os.environ, EXO_ETL_CDS="0", SPARK_LOCAL_IP="127.0.0.1"),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._drain, daemon=True).start()
        self._url: Optional[str] = None

    @property
    def url(self) -> str:
        """The base URL, once the server says it listens (it starts while prepare runs)."""
        if self._url is None:
            self._url = self._await_url()
        return self._url

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def _await_url(self) -> str:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            for line in list(self.lines):
                found = re.search(r"listening on (http://\S+)", line)
                if found:
                    return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise AssertionError("dev-hub did not start:\n" + "".join(self.lines))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def mark(self) -> int:
        """How many requests are logged so far: pass to requests_since."""
        return len(self._read())

    def _read(self) -> List[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]

    def requests_since(self, mark: int) -> List[Request]:
        return [Request(r["method"], r["route"], urllib.parse.unquote(r["path"]), r["status"])
                for r in self._read()[mark:]]

    def downloads_since(self, mark: int, repo: str) -> List[str]:
        """The repo paths of files GET from `repo`'s resolve route (the bytes, not the HEAD checks)."""
        prefix = f"/datasets/{repo}/resolve/"
        found = []
        for request in self.requests_since(mark):
            if request.method == "GET" and request.route == "RESOLVE" and request.path.startswith(prefix):
                found.append(request.path[len(prefix):].split("/", 1)[1])
        return found

    def head(self, repo: str) -> str:
        request = urllib.request.Request(f"{self.url}/api/datasets/{repo}/revision/main",
                                         headers={"Authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)["sha"]


@pytest.fixture(scope="session")
def dev_hub(built, tmp_path_factory) -> DevHub:
    folder = tmp_path_factory.mktemp("dev-hub")
    hub = DevHub(folder / "storage", folder / "requests.jsonl")
    yield hub
    hub.stop()


def sync(output_folder: Path, hub: DevHub, repo: str) -> str:
    """Syncs an output to the dev-hub (private, so the client must send HF_TOKEN); the new head sha."""
    exo_etl("sync", "--output", str(output_folder), "--repo", repo, "--private",
            env={"HF_TOKEN": TOKEN, "HF_ENDPOINT": hub.url})
    return hub.head(repo)


@dataclass
class Published:
    repo: str
    commit: str


@pytest.fixture(scope="session")
def published(dev_hub, output) -> Published:  # dev_hub first: its JVM starts while prepare runs
    # The name the docs use, so their blocks run as written against it (test_docs.py).
    repo = "macexo/exoskeleton-phase1"
    return Published(repo, sync(output, dev_hub, repo))


class Background:
    """Work started early on a thread, so its JVM starts overlap the tests that run meanwhile."""

    def __init__(self, work):
        self.value, self.error = None, None
        self.thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self.thread.start()

    def _run(self, work):
        try:
            self.value = work()
        except BaseException as error:  # handed to the test that waits for it
            self.error = error

    def result(self, timeout: float = 600):
        self.thread.join(timeout)
        if self.error is not None:
            raise self.error
        return self.value


@pytest.fixture(scope="session")
def reprocessing(synth_input, output, tmp_path_factory) -> Background:
    """The output with BT02 re-processed from new CSV files (an incremental prepare rewrites BT02
    only), made in the background; its result is the new output folder. It never talks to the
    dev-hub, so it cannot add lines to the request log while a test reads it."""
    folder = tmp_path_factory.mktemp("reprocessed")

    def work() -> Path:
        changed_input, changed_output = folder / "in", folder / "out"
        shutil.copytree(synth_input, changed_input, copy_function=shutil.copy2)
        shutil.copytree(output, changed_output, copy_function=shutil.copy2)
        exo_etl("synth", "--output", str(folder / "bt02"), "--participants", "BT02", "--trials", "3",
                "--scale", "0.02", "--seed", "7")
        shutil.rmtree(changed_input / "BT02")
        shutil.copytree(folder / "bt02" / "BT02", changed_input / "BT02")
        # One Spark core, so the tests that run meanwhile keep the other.
        conf = folder / "one-core.conf"
        conf.write_text('exo-etl.spark.master = "local[1]"\n')
        exo_etl("prepare", "--input", str(changed_input), "--output", str(changed_output), "--conf", str(conf))
        return changed_output

    return Background(work)


def client_env(hub: DevHub, hf_home: Path, **extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))}
    env.update(HF_ENDPOINT=hub.url, HF_TOKEN=TOKEN, HF_HOME=str(hf_home), HF_HUB_DISABLE_TELEMETRY="1",
               PYTHONPATH=str(PACKAGE) + os.pathsep + env.get("PYTHONPATH", ""))
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


PRELUDE = """
import hashlib, json, sys
from exo_dataset import *

def digest(dataset):
    h = hashlib.sha256()
    for i in range(len(dataset)):
        item = dataset[i]
        for key in ("inputs", "targets", "mask", "input_mask", "target_mask"):
            h.update(item[key].numpy().tobytes())
    return h.hexdigest()

def emit(value):
    print("RESULT " + json.dumps(value), flush=True)
"""


@dataclass
class ClientRun:
    result: object
    stderr: str
    returncode: int


def start_client(code: str, env: Dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", PRELUDE + code], env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish_client(process: subprocess.Popen, timeout: float = 180, check: bool = True) -> ClientRun:
    stdout, stderr = process.communicate(timeout=timeout)
    results = [line[len("RESULT "):] for line in stdout.splitlines() if line.startswith("RESULT ")]
    if check and (process.returncode != 0 or not results):
        raise AssertionError(f"client exited {process.returncode}:\n{stdout}\n{stderr}")
    return ClientRun(json.loads(results[-1]) if results else None, stderr, process.returncode)


def run_client(code: str, env: Dict[str, str], cwd: Path, check: bool = True) -> ClientRun:
    """Runs `code` in a fresh Python (cwd: a temp folder, so no stray module shadows the stdlib)."""
    return finish_client(start_client(code, env, cwd), check=check)


@pytest.fixture
def copy_output(output, tmp_path):
    """A private copy of the output (modification times kept), for tests that change it."""
    def make(name: str = "out") -> Path:
        target = tmp_path / name
        shutil.copytree(output, target, copy_function=shutil.copy2)
        return target
    return make
