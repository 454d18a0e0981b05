"""Participant splits from `splits.json`: "train", "val", "test", and leave-one-subject-out folds
named "loso:<P>:train" and "loso:<P>:test". Splits go by participant, never by trial: trials of one
person are strongly correlated, so a trial-level split leaks."""

from __future__ import annotations

from typing import List, Mapping, Optional, Sequence, Tuple, Union

from . import errors

NAMED_SPLITS = ("train", "val", "test")
LOSO = "loso"
LOSO_PARTS = ("train", "test")


def loso_folds(splits: Mapping) -> List[Tuple[List[str], str]]:
    """(train participants, held-out participant) per fold, in splits.json order."""
    return [(list(fold["train"]), fold["test"]) for fold in splits.get("leave_one_subject_out", [])]


def split_names(splits: Mapping) -> List[str]:
    """Every split name that selects at least one participant."""
    names = [name for name in NAMED_SPLITS if splits.get(name)]
    for _, held_out in loso_folds(splits):
        names += [f"{LOSO}:{held_out}:{part}" for part in LOSO_PARTS]
    return names


def split_members(splits: Mapping, split: str, available: Sequence[str]) -> List[str]:
    """The participants of a split, in splits.json order; ValueError naming the valid splits."""
    folds = {held_out: train for train, held_out in loso_folds(splits)}
    if split in NAMED_SPLITS:
        members = list(splits.get(split) or [])
        if not members:
            raise errors.empty_split(split)
    else:
        parts = split.split(":") if isinstance(split, str) else []
        if len(parts) != 3 or parts[0] != LOSO or parts[1] not in folds or parts[2] not in LOSO_PARTS:
            raise errors.unknown_split(split, [n for n in NAMED_SPLITS if splits.get(n)], sorted(folds))
        members = [parts[1]] if parts[2] == "test" else list(folds[parts[1]])
    return [p for p in members if p in set(available)]


def select_participants(splits: Mapping, available: Sequence[str], split: Optional[str],
                        participants: Union[None, str, Sequence[str]]) -> List[str]:
    """The participants a dataset holds: the split's (all available without one), filtered by
    `participants`. Unknown participants, and participants outside the split, are a ValueError."""
    members = sorted(available) if split is None else split_members(splits, split, available)
    if participants is None:
        if not members:
            raise errors.empty_split(split or "(all)")
        return members
    wanted = [participants] if isinstance(participants, str) else list(participants)
    unknown = [p for p in wanted if p not in set(available)]
    if unknown:
        raise errors.unknown_participants(unknown, available)
    outside = [p for p in wanted if p not in set(members)]
    if outside:
        raise errors.participants_outside_split(outside, split, members)
    chosen = [p for p in members if p in set(wanted)]
    if not chosen:
        raise errors.unknown_participants(wanted, available)
    return chosen
