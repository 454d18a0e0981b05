"""Where a cache is built from: a dataset repo on the Hub, or a local `prepare` output.

A source lists the files of a snapshot (with an oid per file, so unchanged files are recognised)
and fetches some of them to local paths. The Hub source goes through huggingface_hub only, so
HF_ENDPOINT, HF_TOKEN (or the token file under HF_HOME), HF_HOME / HF_HUB_CACHE and HF_HUB_OFFLINE
mean what they mean to every Hugging Face tool; the downloaded Parquet files live in the Hub cache
(`$HF_HOME/hub`), where they are shared with `datasets` and `snapshot_download`, and where a damaged
cache of ours is rebuilt from without a request. huggingface_hub is imported on first use only, so
reading a cache costs no import of it.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence

from . import errors
from .layout import ROOT_FILES, TRIALS_TABLE, SourceFile, is_data_file

# Parallel downloads: enough to hide per-request latency; huggingface_hub's snapshot_download uses 8.
DOWNLOAD_WORKERS = 8


def wanted(path: str) -> bool:
    """The files a cache is built from; the card, rejects and report are never fetched."""
    return path in ROOT_FILES or path == TRIALS_TABLE or is_data_file(path)


@dataclass(frozen=True)
class Revision:
    commit: Optional[str]
    date: Optional[str]


def file_digest(path: str, algorithm: str, git_blob_size: Optional[int] = None) -> str:
    digest = hashlib.new(algorithm)
    if git_blob_size is not None:
        digest.update(b"blob %d\0" % git_blob_size)
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(local: str, expected: SourceFile) -> Optional[str]:
    """None if the local copy has the expected size and hash, else what was found instead."""
    size = os.path.getsize(local)
    if size != expected.size:
        return f"{size} bytes instead of {expected.size}"
    if expected.sha256 is not None:
        found = file_digest(local, "sha256")
        if found != expected.sha256:
            return f"sha256 {found} instead of {expected.sha256}"
    elif expected.git_sha1 is not None:
        found = file_digest(local, "sha1", git_blob_size=size)
        if found != expected.git_sha1:
            return f"git blob {found} instead of {expected.git_sha1}"
    return None


class HubSource:
    """A dataset repo on the Hub (or whatever HF_ENDPOINT points at)."""

    def __init__(self, repo: str):
        if not isinstance(repo, str) or repo.count("/") != 1 or repo.startswith("/") or repo.endswith("/"):
            raise ValueError(f"Cannot use hf_repo {repo!r}: it must be 'namespace/name'")
        self.repo = repo

    @property
    def identity(self) -> str:
        return f"hub:{self.repo}"

    @property
    def pinned_by_commit(self) -> bool:
        return True

    def describe(self) -> Dict[str, Optional[str]]:
        from huggingface_hub import constants

        return {"kind": "hub", "repo": self.repo, "endpoint": constants.ENDPOINT}

    @staticmethod
    def offline() -> bool:
        from huggingface_hub import constants

        return bool(constants.HF_HUB_OFFLINE)

    def resolve(self, revision: Optional[str]) -> Revision:
        """The commit a branch, tag or sha names now: one request."""
        from huggingface_hub import HfApi

        try:
            info = HfApi().dataset_info(self.repo, revision=revision or "main")
        except Exception as error:  # huggingface_hub raises many types; each becomes one clear line
            raise errors.hub_failed(self.repo, f"resolve revision {revision or 'main'!r} of", error) from error
        date = info.last_modified.isoformat() if getattr(info, "last_modified", None) else None
        return Revision(info.sha, date)

    def list_files(self, commit: str) -> List[SourceFile]:
        from huggingface_hub import HfApi
        from huggingface_hub.hf_api import RepoFile

        try:
            entries = list(HfApi().list_repo_tree(self.repo, recursive=True, revision=commit, repo_type="dataset"))
        except Exception as error:
            raise errors.hub_failed(self.repo, f"list commit {commit} of", error) from error
        files = []
        for entry in entries:
            if not isinstance(entry, RepoFile) or not wanted(entry.path):
                continue
            lfs = entry.lfs
            sha256 = lfs.sha256 if lfs is not None else None
            files.append(SourceFile(entry.path, int(entry.size), sha256 or entry.blob_id, sha256,
                                    None if lfs is not None else entry.blob_id))
        return files

    def fetch(self, commit: str, files: Sequence[SourceFile], force: bool = False) -> Dict[str, str]:
        """Local paths of `files` at `commit`, from the Hub cache when it has them (no request: a commit
        sha is immutable), else downloaded with huggingface_hub's progress bars; each checked against
        its size and hash."""
        if not files:
            return {}
        with ThreadPoolExecutor(max_workers=min(DOWNLOAD_WORKERS, len(files))) as pool:
            paths = list(pool.map(lambda file: self._fetch_one(commit, file, force), files))
        return {file.path: path for file, path in zip(files, paths)}

    def _fetch_one(self, commit: str, file: SourceFile, force: bool) -> str:
        from huggingface_hub import hf_hub_download

        for attempt in (force, True):
            try:
                local = hf_hub_download(self.repo, file.path, repo_type="dataset", revision=commit,
                                        force_download=attempt)
            except Exception as error:
                raise errors.hub_failed(self.repo, "download a file of", error, file.path) from error
            problem = check_file(local, file)
            if problem is None:
                return local
            if attempt:
                raise errors.file_mismatch(file.path, f"{file.size} bytes, oid {file.oid}", problem)
        raise AssertionError("unreachable")


class OutputSource:
    """A local `prepare` output folder. A file's oid is its size and modification time, so listing
    is cheap and a re-processed participant (new files) is seen without reading any bytes."""

    def __init__(self, path: str):
        self.root = os.path.abspath(os.fspath(path))
        if not os.path.isdir(os.path.join(self.root, "data")):
            raise ValueError(f"Cannot read output {self.root}: it has no data/ folder (is it a prepare output?)")
        if not os.path.exists(os.path.join(self.root, "_SUCCESS")):
            raise ValueError(f"Cannot read output {self.root}: no _SUCCESS marker, so its prepare run did not "
                             f"finish; run prepare again")

    @property
    def identity(self) -> str:
        return f"output:{self.root}"

    @property
    def pinned_by_commit(self) -> bool:
        return False

    def describe(self) -> Dict[str, Optional[str]]:
        return {"kind": "output", "path": self.root}

    @staticmethod
    def offline() -> bool:
        return False

    def resolve(self, revision: Optional[str]) -> Revision:
        return Revision(None, None)

    def list_files(self, commit: Optional[str] = None) -> List[SourceFile]:
        files = []
        for folder, _, names in os.walk(self.root):
            for name in names:
                full = os.path.join(folder, name)
                path = os.path.relpath(full, self.root).replace(os.sep, "/")
                if wanted(path):
                    status = os.stat(full)
                    files.append(SourceFile(path, status.st_size, f"{status.st_size}:{status.st_mtime_ns}"))
        return sorted(files, key=lambda file: file.path)

    def fetch(self, commit: Optional[str], files: Sequence[SourceFile], force: bool = False) -> Dict[str, str]:
        return {file.path: os.path.join(self.root, *file.path.split("/")) for file in files}


def trials_map_loader(source, commit: Optional[str], files: Sequence[SourceFile]) -> Callable[[], Mapping[str, str]]:
    """A loader of the trials table's data_file -> participant map, called only if some data file
    lies outside a participant folder (see layout.group_data_files)."""

    def load() -> Mapping[str, str]:
        table_file = next((file for file in files if file.path == TRIALS_TABLE), None)
        if table_file is None:
            return {}
        import pyarrow.parquet as pq

        local = source.fetch(commit, [table_file])[TRIALS_TABLE]
        table = pq.read_table(local, columns=["participant", "data_file"])
        return dict(zip(table.column("data_file").to_pylist(), table.column("participant").to_pylist()))

    return load
