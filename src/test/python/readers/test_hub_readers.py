"""The same output, synced to dev-hub, read back with the official Python clients.

`huggingface_hub` and `datasets` talk to dev-hub through HF_ENDPOINT (set in conftest.py), exactly as
they would talk to the Hub. Each test makes one call a user makes and checks rows, participants and
array shapes against the local files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import datasets
import pytest
from huggingface_hub import HfApi, snapshot_download

from exo_testing import WORK, prepare
from readers.trial_checks import assert_same_trials, from_rows, reference

REPO = "macexo/readers"


@pytest.fixture(scope="module")
def synced(dev_hub, prepared):
    dev_hub.sync(prepared.root, REPO)
    return prepared


def participant_folder(output, participant: str) -> Path:
    return output.data / f"subject={participant}"


def reference_of(output, *participants: str) -> list[tuple]:
    rows = [r for r in reference(output.data) if r[0] in participants]
    assert rows, f"no trial of {participants} in the output"
    return rows


def test_load_dataset_of_the_repo_reads_every_trial(synced):
    trials = datasets.load_dataset(REPO, split="train")

    assert "subject" not in trials.column_names
    assert_same_trials(from_rows(trials), reference(synced.data), synced.written)
    assert trials.features["imu_features"].feature.feature.dtype == "float32"


def test_load_dataset_of_one_participant_folder(synced):
    bt01 = datasets.load_dataset(REPO, data_dir="data/subject=BT01", split="train")

    assert from_rows(bt01) == reference_of(synced, "BT01")
    assert len(bt01) == synced.trials_of("BT01") < synced.written


def test_load_dataset_of_several_participants_by_data_files(synced):
    some = datasets.load_dataset(
        REPO, data_files=["data/subject=BT01/*.parquet", "data/subject=BT13/*.parquet"], split="train")

    assert from_rows(some) == sorted(reference_of(synced, "BT01", "BT13"))


def test_load_dataset_of_the_trials_config(synced):
    index = datasets.load_dataset(REPO, "trials", split="train")

    assert len(index) == synced.written
    assert sorted(set(index["participant"])) == synced.participants()
    assert {"task_family", "exo_power", "speed_m_s", "data_file", "moment_targets_nan_share"} <= set(
        index.column_names)
    files = set(HfApi().list_repo_files(REPO, repo_type="dataset"))
    assert set(index["data_file"]) <= files


def test_streaming_reads_every_trial(synced):
    streamed = datasets.load_dataset(REPO, split="train", streaming=True)

    assert_same_trials(from_rows(streamed), reference(synced.data), synced.written)


def test_load_dataset_at_a_pinned_commit(synced):
    head = HfApi().dataset_info(REPO).sha
    pinned = datasets.load_dataset(REPO, revision=head, split="train")

    assert len(head) == 40
    assert_same_trials(from_rows(pinned), reference(synced.data), synced.written)


def test_snapshot_download_of_one_participant(synced):
    folder = Path(snapshot_download(REPO, repo_type="dataset", allow_patterns="data/subject=BT02/*",
                                    local_dir=WORK / "snapshot-bt02"))

    downloaded = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.parquet"))
    local = sorted(p.relative_to(synced.root).as_posix() for p in participant_folder(synced, "BT02").glob("*.parquet"))
    assert downloaded == local and local
    for name in local:
        assert sha256(folder / name) == sha256(synced.root / name)


def test_list_repo_files_shows_the_output_layout(synced):
    files = HfApi().list_repo_files(REPO, repo_type="dataset")

    local = sorted(p.relative_to(synced.root).as_posix() for p in synced.data.glob("*/*.parquet"))
    assert sorted(f for f in files if f.startswith("data/")) == local
    assert {"README.md", "metadata.json", "stats.json", "splits.json", "trials/trials.parquet"} <= set(files)


def test_the_card_names_the_repo_and_no_row_count(synced):
    card = Path(HfApi().hf_hub_download(REPO, "README.md", repo_type="dataset")).read_text()

    assert f'load_dataset("{REPO}"' in card
    assert "num_examples" not in card
    assert "config_name: trials" in card


def test_every_commit_of_a_resync_loads(dev_hub, prepared):
    """Between a sync's data commits and its card commit the Hub serves new data with the old card."""
    repo = "macexo/in-between"
    first = prepare(prepared.input, WORK / "out-in-between", "--participants", "BT02")
    dev_hub.sync(first.root, repo)
    dev_hub.sync(prepared.root, repo)
    commits = HfApi().list_repo_commits(repo, repo_type="dataset")

    # The initial commit and at least one per sync (small syncs pack participants together; the
    # JUnit suite checks, commit by commit, that no participant is ever served twice or half).
    assert len(commits) >= 3
    for commit in commits[:-1]:  # the last is the repo's initial, empty commit
        loaded = datasets.load_dataset(repo, revision=commit.commit_id, split="train")
        assert len(loaded) > 0, commit.title
        assert set(loaded["participant"]) <= {"BT01", "BT02", "BT13"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
