"""ExoskeletonDataset.from_output on a real prepare output: items against the Parquet rows read with
pyarrow, NaN masking, both folder layouts, the local cache, splits, normalization, batching."""

from __future__ import annotations

import json
import os
import pickle
import shutil

import numpy as np
import pyarrow.dataset as pads
import pytest
import torch
from torch.utils.data import DataLoader

from exo_dataset import (ExoskeletonDataset, LengthBucketBatchSampler, collate_fn, masked_mse, padding_share,
                         random_batches)


def parquet_trials(output):
    """(participant, trial_name) -> (inputs (seq, 28), targets (seq, 4)) straight from the files."""
    table = pads.dataset(str(output / "data"), format="parquet", partitioning=None).to_table()
    rows = {}
    for row in table.to_pylist():
        inputs = np.concatenate([np.asarray(row["imu_features"], dtype=np.float32),
                                 np.asarray(row["angle_features"], dtype=np.float32)], axis=1)
        rows[(row["participant"], row["trial_name"])] = (inputs, np.asarray(row["moment_targets"], dtype=np.float32))
    return rows


@pytest.fixture(scope="module")
def whole(output):
    return ExoskeletonDataset.from_output(output)


def test_items_are_the_parquet_rows_with_nan_zeroed_and_masked(whole, output):
    expected = parquet_trials(output)
    assert len(whole) == len(expected) == 9
    nan_inputs = nan_targets = 0
    for index in range(len(whole)):
        item = whole[index]
        inputs, targets = expected[(item["participant"], item["trial_name"])]
        assert item["length"] == len(inputs) == item["inputs"].shape[0]
        assert item["inputs"].dtype == torch.float32 and item["inputs"].shape[1] == 28
        np.testing.assert_array_equal(item["input_mask"].numpy(), ~np.isnan(inputs))
        np.testing.assert_array_equal(item["inputs"].numpy(), np.nan_to_num(inputs, nan=0.0))
        np.testing.assert_array_equal(item["target_mask"].numpy(), ~np.isnan(targets))
        np.testing.assert_array_equal(item["targets"].numpy(), np.nan_to_num(targets, nan=0.0))
        assert bool(item["mask"].all())
        nan_inputs += int(np.isnan(inputs).sum())
        nan_targets += int(np.isnan(targets).sum())
    assert nan_inputs > 0 and nan_targets > 0  # the synthetic trials have NaN, so masking was exercised
    assert whole.participants == ["BT01", "BT02", "BT03"]
    assert [t["trial_name"] for t in whole.trials if t["participant"] == "BT01"] == sorted(
        t for p, t in expected if p == "BT01")
    assert whole.input_names[:2] == ["thigh_imu_l_accel_x", "thigh_imu_l_accel_y"] and len(whole.input_names) == 28
    assert whole.target_names == ["hip_flexion_l_moment", "hip_flexion_r_moment", "knee_angle_l_moment",
                                  "knee_angle_r_moment"]


def digest(dataset):
    return [tuple(dataset[i][k].numpy().tobytes() for k in ("inputs", "targets", "target_mask"))
            for i in range(len(dataset))]


def test_every_participant_folder_form_reads_the_same(copy_output, whole, caplog):
    for name, form in (("legacy", "participant={p}"), ("plain", "{p}")):
        moved = copy_output(name)
        for folder in list((moved / "data").iterdir()):
            participant = folder.name.replace("subject=", "")
            folder.rename(folder.with_name(form.format(p=participant)))
        assert sorted(p.name for p in (moved / "data").iterdir()) == [
            form.format(p=p) for p in ("BT01", "BT02", "BT03")]
        assert digest(ExoskeletonDataset.from_output(moved)) == digest(whole)

    # Mid-migration: one participant in both forms. The current form wins, with a warning.
    mixed_output = copy_output("mixed")
    shutil.copytree(mixed_output / "data" / "subject=BT01", mixed_output / "data" / "participant=BT01")
    with caplog.at_level("WARNING", logger="exo_dataset"):
        mixed = ExoskeletonDataset.from_output(mixed_output)
    assert digest(mixed) == digest(whole)
    assert "BT01 has files in both layouts; using data/subject=BT01/" in caplog.text


def test_a_cache_of_an_output_rebuilds_only_a_changed_participant(copy_output, tmp_path):
    out = copy_output()
    cache = tmp_path / "cache"
    first = ExoskeletonDataset.from_output(out, cache_dir=cache, window=50)
    assert sorted(first.cache_report.rebuilt) == ["BT01", "BT02", "BT03"]
    second = ExoskeletonDataset.from_output(out, cache_dir=cache, window=50)
    assert second.cache_report.rebuilt == {} and second.cache_report.downloaded == []
    changed = next((out / "data" / "subject=BT02").iterdir())
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    third = ExoskeletonDataset.from_output(out, cache_dir=cache, window=50)
    assert third.cache_report.rebuilt == {"BT02": "changed at the source"}
    assert sorted(third.cache_report.reused) == ["BT01", "BT03"]
    assert digest(third) == digest(first)
    assert len(list((cache / "arrays").glob("BT02.*"))) == 3  # the old BT02 arrays are gone


def test_unknown_participants_and_splits_raise_value_errors_listing_the_valid_ones(output):
    cases = {
        (None, ("BT99",)): "Cannot select participants BT99: not in the dataset; valid participants: BT01, BT02, BT03",
        ("nope", None): "Cannot select split 'nope': valid splits are train, and loso:<P>:train or loso:<P>:test "
                        "for P in BT01, BT02, BT03",
        ("loso:BT09:test", None): "Cannot select split 'loso:BT09:test': valid splits are train, and "
                                  "loso:<P>:train or loso:<P>:test for P in BT01, BT02, BT03",
        ("val", None): "Cannot select split 'val': splits.json lists no participants for it",
        ("loso:BT02:train", ("BT02",)): "Cannot select participants BT02 from split 'loso:BT02:train': it holds "
                                        "BT01, BT03",
    }
    for (split, participants), message in cases.items():
        with pytest.raises(ValueError) as raised:
            ExoskeletonDataset.from_output(output, split=split, participants=participants)
        assert str(raised.value) == message
    for window, stride in ((0, None), (10, 11), (None, 5), (True, None)):
        with pytest.raises(ValueError, match="Cannot cut windows"):
            ExoskeletonDataset.from_output(output, window=window, stride=stride)
    with pytest.raises(ValueError, match="Cannot normalize with 'robust'"):
        ExoskeletonDataset.from_output(output, normalize="robust")


def test_splits_and_participants_select_whole_participants(output):
    fold = ExoskeletonDataset.from_output(output, split="loso:BT02:train")
    held = ExoskeletonDataset.from_output(output, split="loso:BT02:test")
    one = ExoskeletonDataset.from_output(output, split="train", participants="BT03")
    assert fold.participants == ["BT01", "BT03"] and held.participants == ["BT02"] and one.participants == ["BT03"]
    assert {t["participant"] for t in held.trials} == {"BT02"}
    assert len(fold.trials) + len(held.trials) == 9


def _moments(stats_features, groups):
    rows = [f for f in stats_features if f["group"] in groups]
    return (np.array([f["mean"] for f in rows], dtype=np.float32), np.array([f["std"] for f in rows], dtype=np.float32))


def test_normalization_uses_stats_json_for_inputs_and_targets_only_when_asked(output, whole):
    stats = json.loads((output / "stats.json").read_text())
    mean, std = _moments(stats["features"], ("imu", "angle"))
    target_mean, target_std = _moments(stats["features"], ("moment",))
    normalized = ExoskeletonDataset.from_output(output, normalize=True)
    both = ExoskeletonDataset.from_output(output, normalize="global", normalize_targets=True)
    per = ExoskeletonDataset.from_output(output, normalize="participant")
    raw = whole[0]
    item, item_both, item_per = normalized[0], both[0], per[0]
    expected = np.where(raw["input_mask"].numpy(), (raw["inputs"].numpy() - mean) / std, 0.0)
    np.testing.assert_allclose(item["inputs"].numpy(), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(item["targets"].numpy(), raw["targets"].numpy())  # targets untouched
    np.testing.assert_allclose(item_both["targets"].numpy(),
                               np.where(raw["target_mask"].numpy(), (raw["targets"].numpy() - target_mean) / target_std, 0),
                               rtol=1e-5, atol=1e-5)
    back = both.normalization("BT01").denormalize_targets(item_both["targets"])
    np.testing.assert_allclose(back.numpy()[raw["target_mask"].numpy()],
                               raw["targets"].numpy()[raw["target_mask"].numpy()], rtol=1e-4, atol=1e-4)
    p_mean, p_std = _moments(stats["participants"][raw["participant"]]["features"], ("imu", "angle"))
    np.testing.assert_allclose(item_per["inputs"].numpy(),
                               np.where(raw["input_mask"].numpy(), (raw["inputs"].numpy() - p_mean) / p_std, 0.0),
                               rtol=1e-5, atol=1e-5)
    # Over the whole dataset, globally normalized real inputs have mean 0 and std 1 per feature.
    values = np.concatenate([normalized[i]["inputs"].numpy() for i in range(len(normalized))])
    real = np.concatenate([normalized[i]["input_mask"].numpy() for i in range(len(normalized))])
    column_mean = np.array([values[real[:, c], c].mean() for c in range(28)])
    column_std = np.array([values[real[:, c], c].std() for c in range(28)])
    np.testing.assert_allclose(column_mean, 0.0, atol=1e-3)
    np.testing.assert_allclose(column_std, 1.0, atol=1e-3)


def test_pooled_normalization_of_the_training_participants_equals_their_own_statistics(output):
    fold = ExoskeletonDataset.from_output(output, split="loso:BT02:train", normalize=["BT01", "BT03"])
    values = np.concatenate([fold[i]["inputs"].numpy() for i in range(len(fold))])
    real = np.concatenate([fold[i]["input_mask"].numpy() for i in range(len(fold))])
    np.testing.assert_allclose([values[real[:, c], c].mean() for c in range(28)], 0.0, atol=1e-3)
    np.testing.assert_allclose([values[real[:, c], c].std() for c in range(28)], 1.0, atol=1e-3)
    with pytest.raises(ValueError, match="Cannot select participants BT42"):
        ExoskeletonDataset.from_output(output, normalize=["BT42"])


def test_collate_pads_whole_trials_and_masks_the_padding(whole):
    items = [whole[i] for i in range(4)]
    batch = whole.collate_fn(items)
    lengths = [item["length"] for item in items]
    longest = max(lengths)
    assert whole.collate_fn is collate_fn
    assert batch["inputs"].shape == (4, longest, 28) and batch["targets"].shape == (4, longest, 4)
    assert batch["lengths"].tolist() == lengths
    assert torch.equal(batch["mask"], torch.arange(longest)[None, :] < torch.tensor(lengths)[:, None])
    for row, item in enumerate(items):
        assert torch.equal(batch["inputs"][row, :lengths[row]], item["inputs"])
        assert not batch["inputs"][row, lengths[row]:].any()
        assert not batch["target_mask"][row, lengths[row]:].any()
        assert not batch["input_mask"][row, lengths[row]:].any()
    assert batch["metadata"]["participants"] == [item["participant"] for item in items]
    assert batch["metadata"]["trial_names"] == [item["trial_name"] for item in items]


def test_masked_mse_counts_only_masked_in_entries():
    predictions = torch.tensor([[[1.0, 2.0], [3.0, 4.0]]])
    targets = torch.tensor([[[0.0, 2.0], [100.0, 0.0]]])
    mask = torch.tensor([[[True, True], [False, True]]])
    assert masked_mse(predictions, targets, mask).item() == pytest.approx((1.0 + 0.0 + 16.0) / 3)
    assert masked_mse(predictions, targets, torch.tensor([[True, False]])).item() == pytest.approx(0.5)
    assert masked_mse(predictions, targets, torch.zeros(1, 2, 2, dtype=torch.bool)).item() == 0.0


def test_length_buckets_cover_every_item_once_per_epoch_with_less_padding():
    lengths = np.random.default_rng(3).integers(216, 30_801, size=400)
    sampler = LengthBucketBatchSampler(lengths, batch_size=8, pool_batches=10, seed=1)
    first, second = list(sampler), list(sampler)
    for epoch in (first, second):
        assert sorted(i for batch in epoch for i in batch) == list(range(400))
        assert len(epoch) == len(sampler) == 50
    assert first != second  # a new shuffle each epoch
    assert padding_share(first, lengths) < 0.5 * padding_share(random_batches(400, 8), lengths)
    dropped = LengthBucketBatchSampler(lengths[:21], batch_size=8, drop_last=True)
    assert [len(b) for b in dropped] == [8, 8] and len(dropped) == 2


def test_memory_mapped_dataset_pickles_small_and_feeds_worker_processes(output, tmp_path):
    dataset = ExoskeletonDataset.from_output(output, cache_dir=tmp_path / "cache", window=40, stride=20,
                                             normalize=True)
    array_bytes = sum(a.inputs.nbytes + a.targets.nbytes for a in dataset._arrays.values())
    pickled = pickle.dumps(dataset)
    assert len(pickled) < array_bytes / 4
    assert digest(pickle.loads(pickled)) == digest(dataset)
    serial = [b["inputs"] for b in DataLoader(dataset, batch_size=16, collate_fn=dataset.collate_fn)]
    parallel = [b["inputs"] for b in DataLoader(dataset, batch_size=16, collate_fn=dataset.collate_fn,
                                                num_workers=2)]
    assert len(serial) == len(parallel) and all(torch.equal(a, b) for a, b in zip(serial, parallel))


def test_a_folder_holding_someone_elses_metadata_json_is_never_used_as_a_cache(copy_output):
    out = copy_output()
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(ValueError) as raised:
        ExoskeletonDataset.from_output(out, cache_dir=out)
    assert str(raised.value) == (f"Cannot use {out} as a cache: its metadata.json is not an exo_dataset cache's "
                                 f"(is it a prepare output?); pass a new or empty folder as cache_dir")
    assert sorted(p.name for p in out.iterdir()) == before  # not even a lock file


def test_files_outside_participant_folders_are_placed_by_the_trials_table(copy_output, whole):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = copy_output()
    moved = []
    for file in sorted((out / "data" / "subject=BT01").iterdir()):
        target = out / "data" / f"loose-{file.name}"
        file.rename(target)
        moved.append(f"data/{target.name}")
    (out / "data" / "subject=BT01").rmdir()
    with pytest.raises(ValueError, match=r"Cannot tell whose trials data/loose-.* holds: it is not in a "
                                         r"participant folder and no trials/trials.parquet names it"):
        ExoskeletonDataset.from_output(out)
    (out / "trials").mkdir(exist_ok=True)
    pq.write_table(pa.table({"participant": ["BT01"] * len(moved), "data_file": moved}),
                   out / "trials" / "trials.parquet")
    placed = ExoskeletonDataset.from_output(out)
    assert placed.participants == ["BT01", "BT02", "BT03"]
    assert digest(placed) == digest(whole)
