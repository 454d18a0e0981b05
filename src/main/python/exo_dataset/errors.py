"""Every user-facing error of the package, built in one place so messages read the same way:
"Cannot <do X>: <reason>; <what to do>", with the bad value and the valid ones."""

from __future__ import annotations

from typing import Iterable, Optional


class CacheError(RuntimeError):
    """The local cache cannot serve a request and may not, or cannot, be (re)built."""


class HubError(RuntimeError):
    """A Hub request failed; the message names the repo, the file and the reason."""


def _listing(values: Iterable[str]) -> str:
    values = list(values)
    return ", ".join(values) if values else "(none)"


def unknown_participants(unknown: Iterable[str], valid: Iterable[str]) -> ValueError:
    return ValueError(f"Cannot select participants {_listing(sorted(unknown))}: not in the dataset; "
                      f"valid participants: {_listing(sorted(valid))}")


def participants_outside_split(outside: Iterable[str], split: str, members: Iterable[str]) -> ValueError:
    return ValueError(f"Cannot select participants {_listing(sorted(outside))} from split {split!r}: "
                      f"it holds {_listing(members)}")


def unknown_split(split: str, valid: Iterable[str], participants: Iterable[str]) -> ValueError:
    return ValueError(f"Cannot select split {split!r}: valid splits are {_listing(valid)}, and "
                      f"loso:<P>:train or loso:<P>:test for P in {_listing(participants)}")


def empty_split(split: str) -> ValueError:
    return ValueError(f"Cannot select split {split!r}: splits.json lists no participants for it")


def bad_window(window: object, stride: object) -> ValueError:
    return ValueError(f"Cannot cut windows of {window} samples with stride {stride}: both must be positive "
                      f"integers and stride at most window (or every sample would not be in a window)")


def bad_normalize(value: object) -> ValueError:
    return ValueError(f"Cannot normalize with {value!r}: use False, True or 'global', 'participant', or a "
                      f"list of participant ids to pool the statistics of")


def targets_without_inputs() -> ValueError:
    return ValueError("Cannot normalize targets only: normalize_targets=True needs normalize set too")


def other_source(cache_dir: str, held: str, wanted: str) -> ValueError:
    return ValueError(f"Cannot use cache {cache_dir} for {wanted}: it holds {held}; pass another cache_dir, "
                      f"or force_redownload=True to replace it")


def not_cached(cache_dir: str, what: str, reason: str) -> CacheError:
    return CacheError(f"Cannot load {what} from cache {cache_dir}: {reason}")


def offline(cache_dir: str, what: str) -> CacheError:
    return CacheError(f"Cannot load {what}: HF_HUB_OFFLINE is set and cache {cache_dir} does not hold it; "
                      f"run once online (or unset HF_HUB_OFFLINE)")


def hub_failed(repo: str, action: str, error: BaseException, path: Optional[str] = None) -> HubError:
    about = f" {path}" if path else ""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    hint = ""
    name = type(error).__name__
    if name in ("RepositoryNotFoundError", "GatedRepoError"):
        hint = "; check the repo name, and HF_TOKEN for a private repo"
    elif name == "RevisionNotFoundError":
        hint = "; check the revision (a branch, tag or commit sha)"
    elif name == "EntryNotFoundError":
        hint = "; the file is not in that commit"
    return HubError(f"Cannot {action} dataset {repo}{about}: {name}: {reason}{hint}")


def file_mismatch(path: str, expected: str, found: str) -> HubError:
    return HubError(f"Cannot use downloaded {path}: expected {expected}, found {found}; "
                    f"try again with force_redownload=True")
