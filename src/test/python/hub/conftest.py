"""Fixtures for checking exo-etl's Hub client and dev-hub with the official Python clients.

A session-wide dev-hub (``bin/exo-etl dev-hub`` from the packaged jar, so run
``mvn -q -DskipTests package`` first) listens on a free loopback port with its test-only admin
routes on (``--admin``), so the tests can play the real Hub's faults (rate limits, stalls) from
outside the JVM. ``HF_ENDPOINT``, ``HF_HOME`` and ``HF_HUB_DISABLE_XET`` are set before
huggingface_hub or datasets is imported: both read them at import time, and with ``hf_xet``
installed huggingface_hub would otherwise upload through Xet, which the dev-hub (like the LFS path
sync speaks) does not need.
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
LAUNCHER = ROOT / "bin" / "exo-etl"
TOKEN = "hf_pytestToken0123456789secret"
SCOPED = "hf_pytestScoped9876543210secret"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
ENDPOINT = f"http://127.0.0.1:{PORT}"
_HF_HOME = tempfile.mkdtemp(prefix="exo-etl-pytest-hf-")
os.environ.update(
    {
        "HF_ENDPOINT": ENDPOINT,
        "HF_TOKEN": TOKEN,
        "HF_HOME": _HF_HOME,
        "HF_HUB_DISABLE_XET": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    }
)


def _launcher_env():
    env = dict(os.environ)
    env.update({"EXO_ETL_CDS": "0", "SPARK_LOCAL_IP": "127.0.0.1"})
    return env


class DevHub:
    """The running dev-hub: its URL and the admin routes that play faults."""

    url = ENDPOINT

    def _admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{ENDPOINT}/_dev-hub/{path}", data=data, method=method,
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read() or b"{}")

    def inject(self, route, kind, at=1, times=1, **details):
        """Plays a failure on requests at..at+times-1 to a route (counted from now)."""
        self._admin("POST", "failures",
                    {"route": route, "kind": kind, "at": at, "times": times, **details})

    def clear(self):
        self._admin("DELETE", "failures")

    def counts(self):
        return self._admin("GET", "counts")

    def reset_counts(self):
        self._admin("POST", "counts/reset")


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    """A dev-hub for the whole session, stopped (by its own process id) at the end."""
    if not (ROOT / "target" / "exo-etl.jar").is_file():
        pytest.fail("target/exo-etl.jar is missing: run mvn -q -DskipTests package first")
    storage = tmp_path_factory.mktemp("dev-hub")
    log = open(storage / "dev-hub.log", "w+")
    process = subprocess.Popen(
        [str(LAUNCHER), "dev-hub", "--port", str(PORT), "--storage", str(storage / "state"),
         "--tokens", TOKEN, "--scoped-tokens", SCOPED, "--admin"],
        cwd=ROOT, env=_launcher_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(process, log)
        yield DevHub()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(_HF_HOME, ignore_errors=True)


def _wait_until_listening(process, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"dev-hub exited with {process.returncode}:\n{log.read()}")
        log.seek(0)
        if "dev-hub listening on" in log.read():
            return
        time.sleep(0.2)
    pytest.fail("dev-hub did not start within 90 s")


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
