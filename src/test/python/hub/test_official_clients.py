"""The dev-hub serves what the official huggingface_hub client uploads, and the faults the real
Hub plays (scoped tokens, rate limits, branches and tags) the way that client understands them."""

import hashlib

import pytest
from huggingface_hub import (
    CommitOperationAdd,
    CommitOperationDelete,
    HfApi,
    hf_hub_download,
)
from huggingface_hub.utils import HfHubHTTPError

from hub.conftest import ENDPOINT, SCOPED, TOKEN, read_back, sha256


def api(token=TOKEN):
    return HfApi(endpoint=ENDPOINT, token=token)


def test_upload_file_upload_folder_and_create_commit_are_served_back_byte_for_byte(tmp_path):
    repo = "macexo/py-uploads"
    folder = tmp_path / "folder"
    (folder / "data").mkdir(parents=True)
    big = (b"PAR1" + bytes(range(256)) * 4000)[:1_000_000]
    (folder / "data" / "train-00000-of-00001.parquet").write_bytes(big)
    (folder / "notes.txt").write_text("hello\n")
    client = api()

    client.create_repo(repo, repo_type="dataset", exist_ok=True)
    client.upload_file(path_or_fileobj=b"first", path_in_repo="first.txt", repo_id=repo,
                       repo_type="dataset")
    client.upload_folder(folder_path=folder, repo_id=repo, repo_type="dataset")
    client.create_commit(repo, repo_type="dataset", commit_message="binary in, first out",
                         operations=[CommitOperationAdd("blob.bin", b"\0" * 2048),
                                     CommitOperationDelete("first.txt")])

    expected = {
        ".gitattributes": None,
        "blob.bin": hashlib.sha256(b"\0" * 2048).hexdigest(),
        "data/train-00000-of-00001.parquet": hashlib.sha256(big).hexdigest(),
        "notes.txt": sha256(folder / "notes.txt"),
    }
    served = read_back(repo)
    assert served.keys() == expected.keys()
    for path, digest in expected.items():
        if digest is not None:
            assert served[path] == digest, path
    titles = [c.title for c in client.list_repo_commits(repo, repo_type="dataset")]
    assert titles[0] == "binary in, first out"
    assert len(titles) == 4
    info = client.get_paths_info(repo, ["data/train-00000-of-00001.parquet"], repo_type="dataset")
    assert info[0].lfs is not None and info[0].lfs.sha256 == expected[
        "data/train-00000-of-00001.parquet"]


def test_a_scoped_token_gets_403_on_create_which_the_client_tolerates_when_the_repo_exists():
    repo = "macexo/py-scoped"
    api().create_repo(repo, repo_type="dataset")

    url = api(SCOPED).create_repo(repo, repo_type="dataset", exist_ok=True)
    api(SCOPED).upload_file(path_or_fileobj=b"scoped", path_in_repo="s.txt", repo_id=repo,
                            repo_type="dataset")

    assert str(url).endswith("/datasets/macexo/py-scoped")
    assert read_back(repo)["s.txt"] == hashlib.sha256(b"scoped").hexdigest()
    with pytest.raises(HfHubHTTPError) as refused:
        api(SCOPED).create_repo("macexo/py-scoped-new", repo_type="dataset", exist_ok=True)
    assert refused.value.response.status_code == 403


def test_the_client_waits_out_the_dev_hubs_rate_limit_headers(hub):
    repo = "macexo/py-rate-limited"
    api().create_repo(repo, repo_type="dataset")
    hub.inject("LFS_BATCH", "rate-limit", seconds=0)

    api().upload_file(path_or_fileobj=b"PAR1" + b"x" * 5000, path_in_repo="data/a.parquet",
                      repo_id=repo, repo_type="dataset")

    assert hub.counts().get("LFS_BATCH", 0) >= 2
    assert read_back(repo)["data/a.parquet"] == hashlib.sha256(b"PAR1" + b"x" * 5000).hexdigest()


def test_branches_and_tags_are_created_listed_and_read():
    repo = "macexo/py-refs"
    client = api()
    client.create_repo(repo, repo_type="dataset")
    client.create_branch(repo, branch="dev", repo_type="dataset")
    client.upload_file(path_or_fileobj=b"on dev", path_in_repo="dev.txt", repo_id=repo,
                       repo_type="dataset", revision="dev")
    client.create_tag(repo, tag="v1", revision="dev", repo_type="dataset")

    refs = client.list_repo_refs(repo, repo_type="dataset")

    assert sorted(b.name for b in refs.branches) == ["dev", "main"]
    assert [t.name for t in refs.tags] == ["v1"]
    path = hf_hub_download(repo, "dev.txt", repo_type="dataset", revision="v1", endpoint=ENDPOINT)
    assert open(path, "rb").read() == b"on dev"
    assert "dev.txt" not in client.list_repo_files(repo, repo_type="dataset")
