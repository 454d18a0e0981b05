"""Property tests: windows cover every sample and only the padding is masked out; collated masks match
the lengths; leave-one-subject-out folds never share a participant."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exo_dataset import ExoskeletonDataset, collate_fn, loso_folds, window_starts
from exo_dataset.splits import select_participants

FAST = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def window_and_stride(draw, largest=700):
    window = draw(st.integers(1, largest))
    return window, draw(st.integers(1, window))


@FAST
@given(length=st.integers(1, 40_000), shape=window_and_stride())
def test_window_starts_cover_every_sample_and_only_the_last_window_is_short(length, shape):
    window, stride = shape
    starts = window_starts(length, window, stride)
    covered = np.zeros(length, dtype=bool)
    for start in starts:
        covered[start:start + window] = True
    assert covered.all()
    assert starts[0] == 0 and all(b - a == stride for a, b in zip(starts, starts[1:]))
    assert all(start + window <= length for start in starts[:-1])  # every window but the last is whole
    assert starts[-1] < length  # no window of padding only


@pytest.fixture(scope="module")
def cached(output, tmp_path_factory):
    cache = tmp_path_factory.mktemp("windows-cache")
    whole = ExoskeletonDataset.from_output(output, cache_dir=cache)
    return cache, whole


@SLOW
@given(shape=window_and_stride(largest=600))
def test_windowed_items_are_slices_of_the_trial_and_the_mask_is_the_padding(output, cached, shape):
    cache, whole = cached
    window, stride = shape
    windows = ExoskeletonDataset.from_output(output, cache_dir=cache, window=window, stride=stride)
    trials = {(whole[i]["participant"], whole[i]["trial_name"]): whole[i] for i in range(len(whole))}
    covered = {key: np.zeros(item["length"], dtype=bool) for key, item in trials.items()}
    for index in range(len(windows)):
        item = windows[index]
        real, start = item["length"], item["start"]
        trial = trials[(item["participant"], item["trial_name"])]
        assert item["inputs"].shape == (window, 28) and item["targets"].shape == (window, 4)
        assert torch.equal(item["mask"], torch.arange(window) < real)
        for key in ("inputs", "targets", "input_mask", "target_mask"):
            assert torch.equal(item[key][:real], trial[key][start:start + real])
            assert not item[key][real:].any()  # padding is 0 and masked out
        covered[(item["participant"], item["trial_name"])][start:start + real] = True
    assert all(flags.all() for flags in covered.values())
    assert windows.lengths.tolist() == [windows[i]["length"] for i in range(len(windows))]


@SLOW
@given(shape=window_and_stride(largest=300), normalize=st.sampled_from([False, True, "participant"]),
       seed=st.integers(0, 2**16))
def test_a_batch_built_at_once_equals_its_items_built_one_by_one(output, cached, shape, normalize, seed):
    cache, _ = cached
    window, stride = shape
    windows = ExoskeletonDataset.from_output(output, cache_dir=cache, window=window, stride=stride,
                                             normalize=normalize, normalize_targets=bool(normalize))
    order = np.random.default_rng(seed).permutation(len(windows))[:40].tolist()  # participants mixed
    together = windows.__getitems__(order)
    for index, item in zip(order, together):
        alone = windows[index]
        assert {k: v for k, v in item.items() if not torch.is_tensor(v)} == \
            {k: v for k, v in alone.items() if not torch.is_tensor(v)}
        for key in ("inputs", "targets", "mask", "input_mask", "target_mask"):
            assert torch.equal(item[key], alone[key])


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(1, 300), min_size=1, max_size=12))
def test_collated_masks_match_the_lengths(lengths):
    items = [{"inputs": torch.ones(n, 28), "targets": torch.ones(n, 4), "mask": torch.ones(n, dtype=torch.bool),
              "input_mask": torch.ones(n, 28, dtype=torch.bool), "target_mask": torch.ones(n, 4, dtype=torch.bool),
              "length": n, "participant": "BT01", "trial_name": f"t{i}"} for i, n in enumerate(lengths)]
    batch = collate_fn(items)
    expected = torch.arange(max(lengths))[None, :] < torch.tensor(lengths)[:, None]
    assert torch.equal(batch["mask"], expected)
    assert torch.equal(batch["target_mask"], expected[:, :, None].expand(-1, -1, 4))
    assert torch.equal(batch["input_mask"].all(dim=2), expected)
    assert batch["inputs"].sum().item() == sum(lengths) * 28


def splits_like_the_writer(present, val, test):
    """splits.json as SplitsWriter builds it."""
    train = sorted(set(present) - set(val) - set(test))
    return {"train": train, "val": sorted(val), "test": sorted(test),
            "leave_one_subject_out": [{"test": p, "train": [q for q in present if q != p]} for p in present]}


@FAST
@given(data=st.data())
def test_leave_one_subject_out_folds_never_share_a_participant(data):
    present = sorted(data.draw(st.sets(st.sampled_from([f"BT{n:02d}" for n in range(1, 18)]), min_size=2)))
    val = data.draw(st.sets(st.sampled_from(present), max_size=2))
    rest = sorted(set(present) - val)
    test = data.draw(st.sets(st.sampled_from(rest), max_size=2)) if rest else set()
    splits = splits_like_the_writer(present, val, test)
    assert [held for _, held in loso_folds(splits)] == present
    for _, held in loso_folds(splits):
        train = select_participants(splits, present, f"loso:{held}:train", None)
        tested = select_participants(splits, present, f"loso:{held}:test", None)
        assert tested == [held] and held not in train
        assert sorted(train + tested) == present
    named = [set(splits[name]) for name in ("train", "val", "test")]
    assert not (named[0] & named[1]) and not (named[0] & named[2]) and not (named[1] & named[2])


def test_folds_of_the_real_output_never_share_a_participant(output, cached):
    cache, _ = cached
    splits = ExoskeletonDataset.from_output(output, cache_dir=cache).splits
    for _, held in loso_folds(splits):
        train = ExoskeletonDataset.from_output(output, cache_dir=cache, split=f"loso:{held}:train", window=100)
        tested = ExoskeletonDataset.from_output(output, cache_dir=cache, split=f"loso:{held}:test", window=100)
        train_people = {train[i]["participant"] for i in range(len(train))}
        tested_people = {tested[i]["participant"] for i in range(len(tested))}
        assert tested_people == {held} and held not in train_people
        assert train_people | tested_people == {"BT01", "BT02", "BT03"}
