"""`ExoskeletonDataset`: the Phase1 trials as a map-style torch Dataset, from the Hub or a local output.

An item is one whole trial (default) or one window of `window` samples (`window=`, `stride=`):

    inputs       float32 (T, 28): the 24 IMU columns then the 4 joint angles; normalized if asked; NaN -> 0
    targets      float32 (T, 4): the 4 joint moments (Nm/kg unless normalize_targets); NaN -> 0
    mask         bool (T,): True on real samples, False on the padding of a trial's last window
    input_mask   bool (T, 28): True where the input was a real number
    target_mask  bool (T, 4): True where the target was a real number (use it in the loss: masked_mse)
    length       int: real samples in the item
    participant, trial_name, start (the window's first sample in the trial)
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Union

import numpy as np
from torch.utils.data import Dataset

from . import errors
from .acquire import CacheReport, Contents, acquire, load_in_memory
from .batching import collate_fn
from .cache import OpenParticipant
from .cache import mapped as cache_mapped
from .layout import DEFAULT_CACHE_DIR, DEFAULT_REPO
from .normalization import Normalization, Normalize, resolve
from .sources import HubSource, OutputSource
from .splits import select_participants
from .windows import build_items, check_window, window_starts


def _check_normalize(normalize: Normalize) -> None:
    if normalize in (None, False, True, "global", "participant"):
        return
    if isinstance(normalize, (list, tuple)) and normalize and all(isinstance(p, str) for p in normalize):
        return
    raise errors.bad_normalize(normalize)


class ExoskeletonDataset(Dataset):
    """The Phase1 exoskeleton trials of a Hub dataset repo, cached locally as memory-mapped float32.

    The first construction downloads the root files (metadata, stats, splits) and the selected
    participants' Parquet files through huggingface_hub and converts them into `cache_dir`; later
    constructions read the cache and send no request at all (see `acquire` for how `revision` decides
    when the Hub is asked again, and `download_and_cache_dataset` to refresh explicitly).

    split: "train", "val", "test" (splits.json) or "loso:<P>:train" / "loso:<P>:test"; participants
    filters further. normalize: False, True/"global", "participant", or a list of participant ids whose
    pooled statistics are used; normalize_targets also normalizes the targets.
    """

    collate_fn = staticmethod(collate_fn)

    def __init__(self, hf_repo: str = DEFAULT_REPO, revision: Optional[str] = None,
                 cache_dir: str = DEFAULT_CACHE_DIR, split: Optional[str] = None,
                 participants: Union[None, str, Sequence[str]] = None, download: bool = True,
                 force_redownload: bool = False, normalize: Normalize = False, window: Optional[int] = None,
                 stride: Optional[int] = None, *, normalize_targets: bool = False):
        self._configure(window, stride, normalize, normalize_targets)
        source = HubSource(hf_repo)
        contents = acquire(source, cache_dir, revision, self._selector(split, participants),
                           download=download, force=force_redownload)
        self._load(contents, split)

    @classmethod
    def from_output(cls, path: str, cache_dir: Optional[str] = None, split: Optional[str] = None,
                    participants: Union[None, str, Sequence[str]] = None, force_redownload: bool = False,
                    normalize: Normalize = False, window: Optional[int] = None, stride: Optional[int] = None,
                    *, normalize_targets: bool = False) -> "ExoskeletonDataset":
        """From a local `prepare` output folder. With `cache_dir`, converted arrays are cached there
        (and refreshed when the output's files change); without, the trials are read into memory."""
        dataset = cls.__new__(cls)
        dataset._configure(window, stride, normalize, normalize_targets)
        source = OutputSource(path)
        select = dataset._selector(split, participants)
        if cache_dir is None:
            contents = load_in_memory(source, select)
        else:
            contents = acquire(source, cache_dir, None, select, download=True, force=force_redownload)
        dataset._load(contents, split)
        return dataset

    # construction

    def _configure(self, window, stride, normalize, normalize_targets) -> None:
        self.stride = check_window(window, stride)
        self.window = None if window is None else int(window)
        _check_normalize(normalize)
        if normalize_targets and normalize in (None, False):
            raise errors.targets_without_inputs()
        self._normalize = normalize
        self._normalize_targets = bool(normalize_targets)

    @staticmethod
    def _selector(split, participants):
        return lambda splits, available: select_participants(splits, available, split, participants)

    def _load(self, contents: Contents, split: Optional[str]) -> None:
        self.split = split
        self.participants: List[str] = list(contents.participants)
        self.available_participants: List[str] = list(contents.available)
        self.stats, self.splits, self.metadata = contents.stats, contents.splits, contents.metadata
        self.source, self.commit, self.commit_date = contents.source, contents.commit, contents.commit_date
        self.cache_report: CacheReport = contents.report
        self.cache_info: Optional[dict] = contents.cache_state
        self._arrays: Dict[str, OpenParticipant] = contents.participants
        self._normalization = resolve(self.stats, self._normalize, self._normalize_targets, self.participants)
        self.trials = [{"participant": p, "trial_name": t.trial_name, "length": t.length, "mass_kg": t.mass_kg,
                        "offset": t.offset}
                       for p in self.participants for t in contents.participants[p].trials]
        self._index_items()

    def _index_items(self) -> None:
        items, lengths = [], []
        for number, trial in enumerate(self.trials):
            length = trial["length"]
            starts = [0] if self.window is None else window_starts(length, self.window, self.stride)
            for start in starts:
                items.append((number, start))
                lengths.append(length if self.window is None else min(self.window, length - start))
        self._items = np.asarray(items, dtype=np.int64).reshape(-1, 2)
        self.lengths = np.asarray(lengths, dtype=np.int64)

    # access

    def normalization(self, participant: str) -> Optional[Normalization]:
        """The normalization applied to a participant's items (None without normalization)."""
        return None if self._normalization is None else self._normalization(participant)

    @property
    def input_names(self) -> List[str]:
        features = self.metadata.get("features", {})
        return list(features.get("imu", [])) + list(features.get("angle", []))

    @property
    def target_names(self) -> List[str]:
        return list(self.metadata.get("features", {}).get("moment", []))

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Dict[str, object]:
        if index < 0:
            index += len(self._items)
        if not 0 <= index < len(self._items):
            raise IndexError(f"item {index} of {len(self._items)}")
        return self._build([index])[0]

    def __getitems__(self, indices: Sequence[int]) -> List[Dict[str, object]]:
        """A DataLoader batch in one go (torch calls this when it exists): windows are built together,
        vectorized; whole trials one by one, since each has its own length."""
        if self.window is None:
            return [self[index] for index in indices]
        return self._build([int(i) + len(self._items) if i < 0 else int(i) for i in indices])

    def _build(self, indices: Sequence[int]) -> List[Dict[str, object]]:
        slices, norms, names = [], [], []
        for index in indices:
            trial_number, start = self._items[index]
            trial = self.trials[trial_number]
            participant = trial["participant"]
            arrays = self._arrays[participant]
            begin = trial["offset"] + int(start)
            end = begin + int(self.lengths[index])
            slices.append((arrays.inputs[begin:end], arrays.targets[begin:end]))
            norms.append(self.normalization(participant))
            names.append((participant, trial["trial_name"], int(start)))
        size = int(self.lengths[indices[0]]) if self.window is None else self.window
        return build_items(slices, size, norms, names)

    def __repr__(self) -> str:
        shape = "whole trials" if self.window is None else f"windows of {self.window} (stride {self.stride})"
        where = self.source.get("repo") or self.source.get("path")
        return (f"ExoskeletonDataset({where}@{(self.commit or 'local')[:12]}, split={self.split!r}, "
                f"{len(self.participants)} participants, {len(self.trials)} trials, {len(self)} items, {shape})")

    # pickling (DataLoader workers under "spawn"): reopen the memory maps instead of copying arrays

    def __getstate__(self):
        state = self.__dict__.copy()
        if all(arrays.paths is not None for arrays in self._arrays.values()):
            state["_arrays"] = None
            state["_mapped"] = {p: (a.paths, a.trials) for p, a in self._arrays.items()}
        state.pop("_normalization", None)
        return state

    def __setstate__(self, state):
        mapped = state.pop("_mapped", None)
        self.__dict__.update(state)
        if mapped is not None:
            self._arrays = {p: cache_mapped(paths[0], paths[1], trials) for p, (paths, trials) in mapped.items()}
        self._normalization = resolve(self.stats, self._normalize, self._normalize_targets, self.participants)


def download_and_cache_dataset(hf_repo: str = DEFAULT_REPO, cache_dir: str = DEFAULT_CACHE_DIR,
                               force_redownload: bool = False, revision: str = "main",
                               participants: Union[None, str, Sequence[str]] = None) -> CacheReport:
    """Brings the cache to the commit `revision` names now (default: the head of main), for every
    participant (or the given ones) plus those already cached: one request when nothing changed,
    otherwise only the changed files. Returns what it did. This is the explicit refresh; constructing
    a dataset with revision=None never asks the Hub once the cache holds what it needs."""
    select = lambda splits, available: select_participants(splits, available, None, participants)
    return acquire(HubSource(hf_repo), cache_dir, revision, select, download=True, force=force_redownload).report
