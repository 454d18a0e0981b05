"""Getting a source's participants into the cache, and the cache's contents out: the one place where
the network, the lock and the file writes are sequenced.

When the cache already serves a request, nothing is asked of the source at all (no request, so it
works with HF_HUB_OFFLINE=1). What "serves" means for a Hub repo depends on `revision`:

- None: whatever commit the cache holds (the cache is pinned to it; missing participants are fetched
  at that same commit, so a cache is always one coherent commit);
- a 40-hex commit sha: exactly that commit;
- a branch or tag ("main"): the commit it names now, which takes one request to learn. If it moved,
  the cache is refreshed: the root files and every cached participant whose files changed are
  fetched again; unchanged participants keep their arrays. With HF_HUB_OFFLINE=1 the cached commit
  of that branch is used.

A local output is listed each time (no network; cheap) and refreshed the same way.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence

from . import errors
from .cache import Cache, CachedFile, CachedParticipant, CacheState, OpenParticipant, now, participant_key
from .convert import read_participant
from .layout import METADATA, ROOT_FILES, SPLITS, STATS, SourceFile, group_data_files, log
from .locking import locked
from .sources import trials_map_loader

# (splits.json, participants available) -> the participants a request selects; raises ValueError.
Selector = Callable[[Mapping, Sequence[str]], List[str]]
COMMIT_SHA_LENGTH = 40
# Participants downloading at once while another is converted (each fetches its files 8 at a time).
PARTICIPANTS_AHEAD = 2


@dataclass
class CacheReport:
    """What one construction did: `downloaded` lists the source files fetched (for a Hub repo,
    downloaded or taken from the Hub cache), `rebuilt` the participants converted again and why."""

    cache_dir: Optional[str]
    commit: Optional[str]
    asked_source: bool = False
    downloaded: List[str] = field(default_factory=list)
    rebuilt: Dict[str, str] = field(default_factory=dict)
    reused: List[str] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)


@dataclass
class Contents:
    """What a dataset is made of: the root files, the selected participants' arrays, and provenance."""

    source: Dict[str, Optional[str]]
    commit: Optional[str]
    commit_date: Optional[str]
    metadata: dict
    stats: dict
    splits: dict
    available: List[str]
    participants: Dict[str, OpenParticipant]
    report: CacheReport
    cache_state: Optional[dict] = None


def _is_sha(revision: Optional[str]) -> bool:
    return revision is not None and len(revision) == COMMIT_SHA_LENGTH and all(
        c in "0123456789abcdef" for c in revision)


def _serves(state: CacheState, source, revision: Optional[str]) -> bool:
    """Whether the cached commit answers the request without asking the source."""
    if not source.pinned_by_commit:
        listed = source.list_files()
        return [(f.path, f.oid) for f in listed] == [(f.path, f.oid) for f in state.files]
    if revision is None or revision == state.commit:
        return True
    if source.offline() and not _is_sha(revision) and state.revision == revision:
        log.info("exo_dataset: HF_HUB_OFFLINE is set; using cached commit %s of %r", state.commit, revision)
        return True
    return False


def _open(cache: Cache, state: CacheState, selected: Sequence[str], report: CacheReport) -> Contents:
    opened = {p: cache.open_participant(state.participants[p]) for p in selected}
    return Contents(state.source, state.commit, state.commit_date, cache.read_root(state, METADATA),
                    cache.read_root(state, STATS), cache.read_root(state, SPLITS), state.available, opened,
                    report, state.to_json())


def acquire(source, cache_dir: str, revision: Optional[str], select: Selector, download: bool = True,
            force: bool = False) -> Contents:
    cache = Cache(cache_dir)
    cache.refuse_foreign()
    what = f"{source.identity}" + (f"@{revision}" if revision else "")
    if not force:
        with locked(cache.lock_path, shared=True):
            state = cache.read_state()
            if state is not None and state.identity != source.identity:
                raise errors.other_source(cache.directory, state.identity, source.identity)
            if state is not None and _serves(state, source, revision) and not cache.problems(state, []):
                selected = select(cache.read_root(state, SPLITS), state.available)
                if all(p in state.participants for p in selected) and not cache.problems(state, selected):
                    return _open(cache, state, selected, CacheReport(cache.directory, state.commit,
                                                                     reused=list(selected)))
    if not download:
        raise errors.not_cached(cache.directory, what, "it does not hold all of it (or it is damaged), "
                                                     "and download=False")
    with locked(cache.lock_path, shared=False):
        return _build(cache, source, revision, select, force, what)


def _target(cache: Cache, state: Optional[CacheState], source, revision: Optional[str], what: str):
    """(commit, date, files, asked) of the snapshot to build: the cached one when it serves."""
    if state is not None and source.pinned_by_commit and _serves(state, source, revision):
        return state.commit, state.commit_date, state.files, False
    if source.offline():
        raise errors.offline(cache.directory, what)
    resolved = source.resolve(revision)
    if state is not None and resolved.commit is not None and resolved.commit == state.commit:
        return state.commit, state.commit_date, state.files, True
    return resolved.commit, resolved.date, source.list_files(resolved.commit), True


def _build(cache: Cache, source, revision: Optional[str], select: Selector, force: bool, what: str) -> Contents:
    state = None if force else cache.read_state()
    if state is not None and state.identity != source.identity:
        raise errors.other_source(cache.directory, state.identity, source.identity)
    if force:
        cache.clear()
    commit, date, files, asked = _target(cache, state, source, revision, what)
    report = CacheReport(cache.directory, commit, asked_source=asked)
    root = _root_files(cache, source, commit, files, state, force, what, report)
    with open(cache.path(root[SPLITS].name), encoding="utf-8") as stream:
        splits = json.load(stream)
    groups = group_data_files(files, trials_map_loader(source, commit, files))
    selected = select(splits, sorted(groups))
    old = state.participants if state is not None else {}
    # Cached participants follow the cache to its new commit, so the cache stays one commit.
    hold = sorted(set(selected) | (set(old) & set(groups)))
    report.removed = sorted(set(old) - set(groups))
    participants, to_build = _reusable(cache, groups, hold, old, report)
    _convert(cache, source, commit, groups, to_build, participants, report, force, what)
    new_state = CacheState(source.identity, source.describe(), _recorded_revision(source, state, revision),
                           commit, date, state.created_at if state is not None else now(), now(), list(files),
                           sorted(groups), root, participants)
    cache.write_state(new_state)
    cache.collect_garbage(new_state)
    return _open(cache, new_state, selected, report)


def _root_files(cache: Cache, source, commit, files: Sequence[SourceFile], state: Optional[CacheState],
                force: bool, what: str, report: CacheReport) -> Dict[str, CachedFile]:
    """The root files at `commit`: the cached copies when their oid is the same and they are intact."""
    by_path = {file.path: file for file in files}
    missing = [name for name in ROOT_FILES if name not in by_path]
    if missing:
        raise ValueError(f"Cannot use {what} at {commit}: it has no {', '.join(missing)} (is it an exo-etl output?)")
    old = state.root if state is not None else {}
    root, stale = {}, []
    for name in ROOT_FILES:
        problem = cache.problem(old[name]) if name in old else None
        if problem:
            log.warning("exo_dataset: cache file %s; fetching %s again", problem, name)
        if name in old and old[name].oid == by_path[name].oid and not problem:
            root[name] = old[name]
        else:
            stale.append(by_path[name])
    fetched = _fetch(cache, source, commit, stale, force, what)
    report.downloaded.extend(file.path for file in stale)
    root.update({file.path: cache.write_root(file.path, fetched[file.path], file.oid) for file in stale})
    return root


def _reusable(cache: Cache, groups: Mapping[str, Sequence[SourceFile]], hold: Sequence[str],
              old: Mapping[str, CachedParticipant], report: CacheReport):
    """(participants whose cached arrays still serve, {participant to convert: why})."""
    participants: Dict[str, CachedParticipant] = {}
    to_build: Dict[str, str] = {}
    for participant in hold:
        cached = old.get(participant)
        if cached is None:
            to_build[participant] = "new"
        elif cached.key != participant_key(groups[participant]):
            to_build[participant] = "changed at the source"
        else:
            problem = next(filter(None, (cache.problem(f) for f in cached.files.values())), None)
            if problem is None:
                participants[participant] = cached
                report.reused.append(participant)
            else:
                log.warning("exo_dataset: cache file %s; rebuilding %s", problem, participant)
                to_build[participant] = problem
    return participants, to_build


def _fetch(cache: Cache, source, commit, files, force: bool, what: str) -> Dict[str, str]:
    """source.fetch, with the offline case said plainly: offline, only the Hub cache can help."""
    try:
        return source.fetch(commit, files, force)
    except errors.HubError as error:
        if source.offline():
            raise errors.offline(cache.directory, what) from error
        raise


def _recorded_revision(source, state: Optional[CacheState], revision: Optional[str]) -> Optional[str]:
    """The branch or tag the cache follows, for offline use: the last one asked for by name."""
    if not source.pinned_by_commit:
        return None
    if revision is not None and not _is_sha(revision):
        return revision
    return state.revision if state is not None else (None if _is_sha(revision) else "main")


def _convert(cache: Cache, source, commit, groups: Mapping[str, Sequence[SourceFile]], to_build: Mapping[str, str],
             participants: dict, report: CacheReport, force: bool, what: str) -> None:
    if not to_build:
        return
    wanted = [file for p in to_build for file in groups[p]]
    total = sum(file.size for file in wanted)
    log.info("exo_dataset: fetching %d files (%.1f MB) for %s", len(wanted), total / 1e6, ", ".join(to_build))
    where = f"{what} ({', '.join(to_build)})"
    # Participants are fetched ahead on a thread while earlier ones are converted: downloading,
    # hashing, Parquet decoding and writing all release the GIL, so the two overlap.
    with ThreadPoolExecutor(max_workers=PARTICIPANTS_AHEAD) as pool:
        pending = {p: pool.submit(_fetch, cache, source, commit, groups[p], force, where) for p in to_build}
        for participant, reason in to_build.items():
            files = groups[participant]
            local = pending[participant].result()
            report.downloaded.extend(file.path for file in files)
            arrays = read_participant(participant, [local[f.path] for f in files], [f.path for f in files])
            participants[participant] = cache.write_participant(arrays, participant_key(files))
            report.rebuilt[participant] = reason


def load_in_memory(source, select: Selector) -> Contents:
    """A local output read straight into memory, with no cache folder (`from_output(cache_dir=None)`)."""
    files = source.list_files()
    local = source.fetch(None, files)
    roots = {}
    for name in ROOT_FILES:
        if name not in local:
            raise ValueError(f"Cannot use {source.identity}: it has no {name} (is it an exo-etl output?)")
        with open(local[name], encoding="utf-8") as stream:
            roots[name] = json.load(stream)
    groups = group_data_files(files, trials_map_loader(source, None, files))
    selected = select(roots[SPLITS], sorted(groups))
    opened = {}
    for participant in selected:
        group = groups[participant]
        arrays = read_participant(participant, [local[f.path] for f in group], [f.path for f in group])
        opened[participant] = OpenParticipant(arrays.inputs, arrays.targets, arrays.trials)
    report = CacheReport(None, None, asked_source=False, downloaded=[], rebuilt={p: "in memory" for p in selected})
    return Contents(source.describe(), None, None, roots[METADATA], roots[STATS], roots[SPLITS], sorted(groups),
                    opened, report, None)


def cache_exists(cache_dir: str) -> bool:
    return os.path.exists(os.path.join(cache_dir, "metadata.json"))
