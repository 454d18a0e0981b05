"""The local cache under `cache_dir`: its files, its `metadata.json`, checking and opening it.

    metadata.json                 the cache's own record: source (repo or output path), requested revision,
                                  resolved commit sha and its date, created/updated dates, the snapshot's
                                  file list with oids, and every cached file with its size, sha256, mtime
    hub/metadata.json, hub/stats.json, hub/splits.json     the dataset's root files at that commit
    arrays/BT01.<key>.inputs.npy  float32 (samples, 28), memory-mapped when read
    arrays/BT01.<key>.targets.npy float32 (samples, 4)
    arrays/BT01.<key>.index.json  the participant's trials: name, offset, length, mass
    .lock                         see locking.py

`<key>` is a hash of the participant's source files and their oids, so a participant whose files did
not change keeps its arrays across commits, and a changed one gets new names: a reader that mapped the
old arrays keeps reading them while a refresh swaps in the new ones. Every file is written under a
`.partial` name and renamed into place, and `metadata.json` is replaced last, so the cache on disk is
always one complete state. Sizes are checked on every open; a file whose modification time differs
from the one recorded is hashed too, which finds a truncated, replaced or half-copied file without
reading every byte on every start.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Mapping, Optional

import numpy as np

from .convert import ParticipantArrays, Trial
from .layout import SourceFile, log

FORMAT_VERSION = 1
STATE_FILE = "metadata.json"
LOCK_FILE = ".lock"
ROOT_FOLDER = "hub"
ARRAYS_FOLDER = "arrays"
PARTIAL = ".partial"
ARRAY_KINDS = ("inputs", "targets", "index")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def participant_key(sources: Iterable[SourceFile]) -> str:
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda s: s.path):
        digest.update(f"{source.path}\0{source.oid}\n".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class CachedFile:
    name: str  # relative to the cache folder, with "/"
    size: int
    sha256: str
    mtime_ns: int
    oid: Optional[str] = None  # for root files: the source oid it was copied from

    def to_json(self) -> dict:
        return {"name": self.name, "size": self.size, "sha256": self.sha256, "mtime_ns": self.mtime_ns,
                "oid": self.oid}

    @staticmethod
    def from_json(node: Mapping) -> "CachedFile":
        return CachedFile(node["name"], int(node["size"]), node["sha256"], int(node["mtime_ns"]), node.get("oid"))


@dataclass(frozen=True)
class CachedParticipant:
    key: str
    files: Dict[str, CachedFile]  # kind (inputs, targets, index) -> file
    trials: int
    samples: int

    def to_json(self) -> dict:
        return {"key": self.key, "trials": self.trials, "samples": self.samples,
                "files": {kind: file.to_json() for kind, file in self.files.items()}}

    @staticmethod
    def from_json(node: Mapping) -> "CachedParticipant":
        return CachedParticipant(node["key"], {k: CachedFile.from_json(v) for k, v in node["files"].items()},
                                 int(node["trials"]), int(node["samples"]))


@dataclass
class CacheState:
    identity: str
    source: Dict[str, Optional[str]]
    revision: Optional[str]
    commit: Optional[str]
    commit_date: Optional[str]
    created_at: str
    updated_at: str
    files: List[SourceFile]
    available: List[str]
    root: Dict[str, CachedFile] = field(default_factory=dict)
    participants: Dict[str, CachedParticipant] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"format": FORMAT_VERSION, "identity": self.identity, "source": self.source,
                "revision": self.revision, "commit": self.commit, "commit_date": self.commit_date,
                "created_at": self.created_at, "updated_at": self.updated_at,
                "root": {name: file.to_json() for name, file in self.root.items()},
                "available": self.available,
                "participants": {p: c.to_json() for p, c in sorted(self.participants.items())},
                "files": [file.to_json() for file in self.files]}

    @staticmethod
    def from_json(node: Mapping) -> "CacheState":
        return CacheState(node["identity"], dict(node["source"]), node.get("revision"), node.get("commit"),
                          node.get("commit_date"), node["created_at"], node["updated_at"],
                          [SourceFile.from_json(f) for f in node["files"]], list(node["available"]),
                          {n: CachedFile.from_json(f) for n, f in node["root"].items()},
                          {p: CachedParticipant.from_json(c) for p, c in node["participants"].items()})


@dataclass
class OpenParticipant:
    inputs: np.ndarray
    targets: np.ndarray
    trials: List[Trial]
    # The .npy files the arrays map, so a pickled dataset maps them again instead of copying them.
    paths: Optional[tuple] = None


def mapped(inputs_path: str, targets_path: str, trials: List[Trial]) -> OpenParticipant:
    # Plain ndarray views of the maps: slicing an np.memmap costs a Python-level __array_finalize__
    # per slice, a quarter of a batch's time.
    return OpenParticipant(np.load(inputs_path, mmap_mode="r").view(np.ndarray),
                           np.load(targets_path, mmap_mode="r").view(np.ndarray), trials,
                           (inputs_path, targets_path))


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Cache:
    """One cache folder. Methods that write are called only under the exclusive lock."""

    def __init__(self, directory: str):
        self.directory = os.path.abspath(os.fspath(directory))

    def path(self, name: str) -> str:
        return os.path.join(self.directory, *name.split("/"))

    @property
    def lock_path(self) -> str:
        return self.path(LOCK_FILE)

    # reading

    def read_state(self) -> Optional[CacheState]:
        try:
            with open(self.path(STATE_FILE), encoding="utf-8") as stream:
                node = json.load(stream)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("exo_dataset: cache %s has an unreadable %s (%s); rebuilding it",
                        self.directory, STATE_FILE, error)
            return None
        self._refuse_foreign(node)
        if node.get("format") != FORMAT_VERSION:
            log.warning("exo_dataset: cache %s was written in format %s, this version reads %s; rebuilding it",
                        self.directory, node.get("format"), FORMAT_VERSION)
            return None
        try:
            return CacheState.from_json(node)
        except (KeyError, TypeError, ValueError) as error:
            log.warning("exo_dataset: cache %s has a damaged %s (%s); rebuilding it", self.directory, STATE_FILE, error)
            return None

    def _refuse_foreign(self, node) -> None:
        if not isinstance(node, dict) or "identity" not in node:
            # Someone else's metadata.json (a prepare output's, say): never write into that folder.
            raise ValueError(f"Cannot use {self.directory} as a cache: its {STATE_FILE} is not an exo_dataset "
                             f"cache's (is it a prepare output?); pass a new or empty folder as cache_dir")

    def refuse_foreign(self) -> None:
        """ValueError if the folder holds a metadata.json that is not a cache's; checked before the lock
        file is made, so a wrong cache_dir is left untouched."""
        try:
            with open(self.path(STATE_FILE), encoding="utf-8") as stream:
                node = json.load(stream)
        except (OSError, ValueError):
            return
        self._refuse_foreign(node)

    def problem(self, file: CachedFile) -> Optional[str]:
        """None if the file is as recorded, else what is wrong with it."""
        path = self.path(file.name)
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return f"{file.name} is missing"
        if status.st_size != file.size:
            return f"{file.name} is {status.st_size} bytes, {file.size} expected (truncated or partial)"
        if status.st_mtime_ns != file.mtime_ns and _sha256(path) != file.sha256:
            return f"{file.name} does not have the recorded sha256 (changed after it was written)"
        return None

    def problems(self, state: CacheState, participants: Iterable[str]) -> Dict[str, str]:
        """What is wrong with the root files and the given participants' files, by root name or participant;
        a participant the cache does not hold is reported as not cached."""
        found: Dict[str, str] = {}
        for name, file in state.root.items():
            problem = self.problem(file)
            if problem:
                found[name] = problem
        for participant in participants:
            cached = state.participants.get(participant)
            if cached is None:
                found[participant] = "not cached"
                continue
            for file in cached.files.values():
                problem = self.problem(file)
                if problem:
                    found[participant] = problem
                    break
        return found

    def read_root(self, state: CacheState, name: str) -> dict:
        with open(self.path(state.root[name].name), encoding="utf-8") as stream:
            return json.load(stream)

    def open_participant(self, cached: CachedParticipant) -> OpenParticipant:
        with open(self.path(cached.files["index"].name), encoding="utf-8") as stream:
            trials = [Trial.from_json(node) for node in json.load(stream)["trials"]]
        return mapped(self.path(cached.files["inputs"].name), self.path(cached.files["targets"].name), trials)

    # writing (exclusive lock held)

    def _finish(self, partial: str, name: str, oid: Optional[str] = None) -> CachedFile:
        final = self.path(name)
        os.replace(partial, final)
        status = os.stat(final)
        return CachedFile(name, status.st_size, _sha256(final), status.st_mtime_ns, oid)

    def _partial(self, name: str) -> str:
        final = self.path(name)
        os.makedirs(os.path.dirname(final), exist_ok=True)
        return f"{final}.{os.getpid()}.{uuid.uuid4().hex[:8]}{PARTIAL}"

    def write_root(self, name: str, local: str, oid: str) -> CachedFile:
        partial = self._partial(f"{ROOT_FOLDER}/{name}")
        shutil.copyfile(local, partial)
        return self._finish(partial, f"{ROOT_FOLDER}/{name}", oid)

    def write_participant(self, arrays: ParticipantArrays, key: str) -> CachedParticipant:
        stem = f"{ARRAYS_FOLDER}/{arrays.participant}.{key}"
        files: Dict[str, CachedFile] = {}
        for kind, array in (("inputs", arrays.inputs), ("targets", arrays.targets)):
            partial = self._partial(f"{stem}.{kind}.npy")
            with open(partial, "wb") as stream:
                np.save(stream, np.ascontiguousarray(array, dtype=np.float32))
            files[kind] = self._finish(partial, f"{stem}.{kind}.npy")
        partial = self._partial(f"{stem}.index.json")
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump({"participant": arrays.participant, "trials": [t.to_json() for t in arrays.trials]}, stream)
        files["index"] = self._finish(partial, f"{stem}.index.json")
        return CachedParticipant(key, files, len(arrays.trials), int(arrays.inputs.shape[0]))

    def write_state(self, state: CacheState) -> None:
        partial = self._partial(STATE_FILE)
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(state.to_json(), stream, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, self.path(STATE_FILE))

    def collect_garbage(self, state: CacheState) -> None:
        """Removes files no state refers to, and temporaries left by a builder that died."""
        keep = {self.path(file.name) for file in state.root.values()}
        for cached in state.participants.values():
            keep.update(self.path(file.name) for file in cached.files.values())
        for folder in (ROOT_FOLDER, ARRAYS_FOLDER):
            directory = self.path(folder)
            if not os.path.isdir(directory):
                continue
            for name in os.listdir(directory):
                full = os.path.join(directory, name)
                if full not in keep:
                    _remove(full)
        for name in os.listdir(self.directory):
            if name.endswith(PARTIAL):
                _remove(os.path.join(self.directory, name))

    def clear(self) -> None:
        """Everything but the lock (which other processes may be waiting on)."""
        if not os.path.isdir(self.directory):
            return
        for name in os.listdir(self.directory):
            if name != LOCK_FILE:
                full = os.path.join(self.directory, name)
                if os.path.isdir(full):
                    shutil.rmtree(full, ignore_errors=True)
                else:
                    _remove(full)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass  # in use (Windows keeps mapped files); the next builder tries again
