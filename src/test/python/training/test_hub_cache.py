"""ExoskeletonDataset against a real dev-hub through the real huggingface_hub: what is downloaded, what
is not, offline use, damaged caches, force_redownload, concurrent builders and refreshes.

Every construction runs in its own Python process with the Hugging Face variables in its environment,
and the dev-hub's request log shows which requests it sent."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import pytest
from exo_dataset.cache import Cache

from training.conftest import (PARTICIPANTS, TOKEN, ClientRun, client_env, finish_client, run_client,
                      start_client, sync)

ROOT_FILES = {"metadata.json", "stats.json", "splits.json"}
FOLD = "loso:BT02:train"  # BT01 and BT03


def data_files(output: Path, participant: str) -> List[str]:
    """Repo paths of a participant's Parquet files in an output (either folder form)."""
    found = []
    for folder in (output / "data").iterdir():
        if folder.name in (participant, f"subject={participant}", f"participant={participant}"):
            found += [f"data/{folder.name}/{f.name}" for f in folder.iterdir() if f.suffix == ".parquet"]
    return sorted(found)


def construct(repo: str, cache: Path, extra: str = "", split: str = FOLD) -> str:
    return f"""
d = ExoskeletonDataset({repo!r}, cache_dir={str(cache)!r}, split={split!r}, window=64, stride=32{extra})
emit({{"len": len(d), "participants": d.participants, "commit": d.commit, "digest": digest(d),
       "downloaded": d.cache_report.downloaded, "rebuilt": d.cache_report.rebuilt}})
"""


@dataclass
class Client:
    folder: Path
    env: Dict[str, str]
    cache: Path


@dataclass
class First:
    client: Client
    run: ClientRun
    requests: list
    downloads: List[str]


@pytest.fixture(scope="module")
def first(published, dev_hub, tmp_path_factory, reprocessing) -> First:
    # `reprocessing` is asked for here only to start it early: it runs while the tests below do.
    folder = tmp_path_factory.mktemp("first")
    client = Client(folder, client_env(dev_hub, folder / "hf-home"), folder / "cache")
    mark = dev_hub.mark()
    run = run_client(construct(published.repo, client.cache), client.env, folder)
    return First(client, run, dev_hub.requests_since(mark), dev_hub.downloads_since(mark, published.repo))


@pytest.fixture
def copy_of_first(first, tmp_path) -> Client:
    """The first client's Hub cache and dataset cache, copied, for tests that change them."""
    shutil.copytree(first.client.env["HF_HOME"], tmp_path / "hf-home", symlinks=True)
    shutil.copytree(first.client.cache, tmp_path / "cache")
    env = dict(first.client.env, HF_HOME=str(tmp_path / "hf-home"))
    return Client(tmp_path, env, tmp_path / "cache")


def dead_endpoint() -> str:
    """A loopback URL nothing listens on: any request to it fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_first_construction_downloads_the_root_files_and_only_the_selected_participants(first, published, output):
    expected = sorted(ROOT_FILES | set(data_files(output, "BT01")) | set(data_files(output, "BT03")))
    assert sorted(first.downloads) == expected  # each once; nothing of BT02, no card, no rejects
    routes = [r.route for r in first.requests]
    assert routes.count("REPO_INFO") == 1 and routes.count("TREE") >= 1
    assert all(r.status in (200, 206) for r in first.requests)
    assert first.run.result["participants"] == ["BT01", "BT03"]
    assert first.run.result["commit"] == published.commit
    assert first.run.result["len"] > 0
    metadata = json.loads((first.client.cache / "metadata.json").read_text())
    assert metadata["source"]["repo"] == published.repo
    assert metadata["commit"] == published.commit and metadata["revision"] == "main"
    assert metadata["created_at"] and metadata["updated_at"] and metadata["commit_date"]
    assert sorted(metadata["participants"]) == ["BT01", "BT03"]
    assert sorted(metadata["available"]) == list(PARTICIPANTS)
    arrays = sorted(p.name for p in (first.client.cache / "arrays").iterdir())
    assert [name.split(".")[0] for name in arrays] == ["BT01"] * 3 + ["BT03"] * 3
    assert TOKEN not in first.run.stderr


def test_second_construction_sends_no_request_and_gives_the_same_items(first, published, dev_hub):
    mark = dev_hub.mark()
    code = construct(published.repo, first.client.cache) + construct(published.repo, first.client.cache)
    run = run_client(code, first.client.env, first.client.folder)
    assert dev_hub.requests_since(mark) == []
    assert run.result["digest"] == first.run.result["digest"]
    assert run.result["downloaded"] == [] and run.result["rebuilt"] == {}


def test_offline_mode_reads_the_cache_and_refuses_what_it_lacks(first, published, dev_hub):
    env = dict(first.client.env, HF_HUB_OFFLINE="1", HF_ENDPOINT=dead_endpoint())
    mark = dev_hub.mark()
    # One process: the cached fold with revision="main" (the cached commit of main), then a participant
    # the cache lacks, which must fail without trying the network.
    code = construct(published.repo, first.client.cache, ", revision='main'") + f"""
try:
    ExoskeletonDataset({published.repo!r}, cache_dir={str(first.client.cache)!r}, split="loso:BT02:test")
except CacheError as error:
    emit({{"digest": digest(d), "error": str(error)}})
"""
    run = run_client(code, env, first.client.folder)
    assert run.result["digest"] == first.run.result["digest"]
    assert run.result["error"].startswith(
        "Cannot load hub:macexo/exoskeleton-phase1 (BT02): HF_HUB_OFFLINE is set and cache ")
    assert dev_hub.requests_since(mark) == []


def test_a_participant_added_later_comes_from_the_cached_commit_without_asking_for_the_head(
        copy_of_first, published, dev_hub, output):
    mark = dev_hub.mark()
    run = run_client(construct(published.repo, copy_of_first.cache, split="loso:BT02:test"), copy_of_first.env,
                     copy_of_first.folder)
    routes = {r.route for r in dev_hub.requests_since(mark)}
    assert routes == {"RESOLVE"}  # no repo info, no tree listing: the commit is pinned
    assert sorted(dev_hub.downloads_since(mark, published.repo)) == data_files(output, "BT02")
    assert run.result["participants"] == ["BT02"] and run.result["rebuilt"] == {"BT02": "new"}


@pytest.mark.parametrize("damage", ["truncate", "overwrite"])
def test_a_damaged_cache_file_is_detected_and_rebuilt_with_a_message(copy_of_first, first, published, dev_hub,
                                                                     damage):
    inputs = next((copy_of_first.cache / "arrays").glob("BT01.*.inputs.npy"))
    size = inputs.stat().st_size
    if damage == "truncate":
        with open(inputs, "r+b") as stream:
            stream.truncate(size // 2)
    else:
        time.sleep(0.01)  # a new modification time, same size
        with open(inputs, "r+b") as stream:
            stream.seek(size - 64)
            stream.write(b"\x7f" * 64)
    mark = dev_hub.mark()
    run = run_client(construct(published.repo, copy_of_first.cache), copy_of_first.env, copy_of_first.folder)
    reason = "truncated or partial" if damage == "truncate" else "does not have the recorded sha256"
    assert "exo_dataset: cache file arrays/BT01." in run.stderr and reason in run.stderr
    assert "rebuilding BT01" in run.stderr
    assert list(run.result["rebuilt"]) == ["BT01"] and reason in run.result["rebuilt"]["BT01"]
    assert run.result["digest"] == first.run.result["digest"]
    # Rebuilt from the Parquet files in the Hub cache: the commit is immutable, so no request at all.
    assert dev_hub.requests_since(mark) == []


def test_force_redownload_fetches_everything_again(copy_of_first, first, published, dev_hub):
    mark = dev_hub.mark()
    run = run_client(construct(published.repo, copy_of_first.cache, ", force_redownload=True"),
                     copy_of_first.env, copy_of_first.folder)
    assert sorted(dev_hub.downloads_since(mark, published.repo)) == sorted(first.downloads)
    assert run.result["digest"] == first.run.result["digest"]
    assert sorted(run.result["rebuilt"]) == ["BT01", "BT03"]


def test_two_processes_building_one_cache_leave_one_good_cache(published, dev_hub, tmp_path, first):
    env = client_env(dev_hub, tmp_path / "hf-home")
    cache = tmp_path / "cache"
    go = tmp_path / "go"
    gate = """
import os, time
open(os.environ["READY"], "w").close()
while not os.path.exists(os.environ["GO"]):
    time.sleep(0.01)
"""
    mark = dev_hub.mark()
    processes = [start_client(gate + construct(published.repo, cache),
                              dict(env, READY=str(tmp_path / f"ready{n}"), GO=str(go)), tmp_path) for n in (1, 2)]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready{n}").exists() for n in (1, 2)) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # both have imported everything and now construct at the same moment
    runs = [finish_client(p) for p in processes]
    downloads = dev_hub.downloads_since(mark, published.repo)
    assert sorted(downloads) == sorted(first.downloads)  # every file fetched once, by one of them
    assert runs[0].result["digest"] == runs[1].result["digest"] == first.run.result["digest"]
    assert sorted(bool(r.result["rebuilt"]) for r in runs) == [False, True]  # one built, one read
    assert [p.name for p in cache.rglob("*.partial")] == []
    state = Cache(str(cache)).read_state()  # every file as recorded: sizes and hashes
    assert sorted(state.participants) == ["BT01", "BT03"]
    assert Cache(str(cache)).problems(state, state.participants) == {}
    for cached in state.participants.values():
        for file in cached.files.values():
            assert hashlib.sha256((cache / file.name).read_bytes()).hexdigest() == file.sha256


def test_a_private_repo_without_a_token_fails_with_a_hint(published, dev_hub, tmp_path):
    env = client_env(dev_hub, tmp_path / "hf-home", HF_TOKEN=None)
    run = run_client(construct(published.repo, tmp_path / "cache"), env, tmp_path, check=False)
    assert run.returncode != 0
    assert "HubError: Cannot resolve revision 'main' of dataset macexo/exoskeleton-phase1" in run.stderr
    assert "check the repo name, and HF_TOKEN for a private repo" in run.stderr


def test_a_reprocessed_participant_refreshes_only_its_files(reprocessing, output, dev_hub, tmp_path):
    repo = "macexo/refresh-test"
    old_commit = sync(output, dev_hub, repo)
    env = client_env(dev_hub, tmp_path / "hf-home")
    cache = tmp_path / "cache"
    changed_output = reprocessing.result()
    run_client(construct(repo, cache, split=None), env, tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in (cache / "arrays").iterdir()}
    new_commit = sync(changed_output, dev_hub, repo)
    assert new_commit != old_commit

    mark = dev_hub.mark()
    pinned = run_client(construct(repo, cache, split=None), env, tmp_path)
    assert dev_hub.requests_since(mark) == [] and pinned.result["commit"] == old_commit

    mark = dev_hub.mark()
    refreshed = run_client(f"""
report = download_and_cache_dataset({repo!r}, {str(cache)!r})
emit({{"commit": report.commit, "rebuilt": report.rebuilt, "reused": report.reused,
       "downloaded": report.downloaded}})
""", env, tmp_path)
    downloads = dev_hub.downloads_since(mark, repo)
    changed_roots = {name for name in ROOT_FILES
                     if (output / name).read_bytes() != (changed_output / name).read_bytes()}
    assert sorted(downloads) == sorted(changed_roots | set(data_files(changed_output, "BT02")))
    assert refreshed.result["commit"] == new_commit
    assert refreshed.result["rebuilt"] == {"BT02": "changed at the source"}
    assert sorted(refreshed.result["reused"]) == ["BT01", "BT03"]
    after = {p.name: p.stat().st_mtime_ns for p in (cache / "arrays").iterdir()}
    kept = {name for name in before if not name.startswith("BT02.")}
    assert {name: after[name] for name in kept} == {name: before[name] for name in kept}
    assert [n for n in after if n.startswith("BT02.")] and not [n for n in before if n in after and
                                                                 n.startswith("BT02.")]
    metadata = json.loads((cache / "metadata.json").read_text())
    assert metadata["commit"] == new_commit and metadata["created_at"] <= metadata["updated_at"]
