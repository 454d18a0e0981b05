"""Each library's first, default call on a prepare output reads every trial right.

No reader gets an option: no `partitioning=None`, no `hive_partitioning = false`. Spark's
`spark.read.parquet(data)` is checked by the JUnit suite (OutputReadersTest), with no warning logged.
"""

from __future__ import annotations

import datasets
import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from readers.trial_checks import assert_same_trials, assert_subject_is_participant, from_rows, reference


def test_pandas_read_parquet_of_the_data_folder(prepared):
    frame = pd.read_parquet(prepared.data)

    assert_same_trials(from_rows(frame.to_dict("records")), reference(prepared.data), prepared.written)
    assert sorted(frame["participant"].unique()) == prepared.participants()
    assert_subject_is_participant(frame["participant"], frame["subject"])


def test_pyarrow_read_table_of_the_data_folder(prepared):
    table = pq.read_table(prepared.data)

    assert_same_trials(from_rows(table.to_pylist()), reference(prepared.data), prepared.written)
    assert_subject_is_participant(table.column("participant").to_pylist(), table.column("subject").to_pylist())


def test_pyarrow_dataset_of_the_data_folder(prepared):
    table = ds.dataset(prepared.data).to_table()

    assert table.schema.names == ["participant", "trial_name", "mass_kg", "sequence_length",
                                  "imu_features", "angle_features", "moment_targets"]
    assert_same_trials(from_rows(table.to_pylist()), reference(prepared.data), prepared.written)


def test_polars_read_parquet_of_a_recursive_glob(prepared):
    frame = pl.read_parquet(f"{prepared.data}/**/*.parquet")

    assert_same_trials(from_rows(frame.to_dicts()), reference(prepared.data), prepared.written)
    assert frame.schema["imu_features"] == pl.List(pl.List(pl.Float32))


def test_polars_scan_parquet_of_the_data_folder(prepared):
    frame = pl.scan_parquet(prepared.data).collect()

    assert_same_trials(from_rows(frame.to_dicts()), reference(prepared.data), prepared.written)
    assert_subject_is_participant(frame["participant"].to_list(), frame["subject"].to_list())


def test_duckdb_read_parquet_of_a_recursive_glob_with_default_options(prepared):
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{prepared.data}/**/*.parquet')")

    assert dict(zip(relation.columns, map(str, relation.types)))["moment_targets"] == "FLOAT[][]"
    rows = [dict(zip(relation.columns, row)) for row in relation.fetchall()]
    assert_same_trials(from_rows(rows), reference(prepared.data), prepared.written)
    assert_subject_is_participant([r["participant"] for r in rows], [r["subject"] for r in rows])


def test_datasets_load_dataset_parquet_with_data_files(prepared):
    trials = datasets.load_dataset("parquet", data_files=f"{prepared.data}/**/*.parquet", split="train")

    assert "subject" not in trials.column_names
    assert_same_trials(from_rows(trials), reference(prepared.data), prepared.written)


def test_the_trials_table_lists_every_written_trial_with_its_file(prepared):
    table = pd.read_parquet(prepared.root / "trials")
    polars_table = pl.read_parquet(f"{prepared.root}/trials/*.parquet")
    in_data = {(p, t, n) for p, t, n, _, _ in reference(prepared.data)}

    assert {(r.participant, r.trial_name, r.sequence_length) for r in table.itertuples()} == in_data
    assert polars_table.height == len(table) == prepared.written
    for row in table.itertuples():
        assert (prepared.root / row.data_file).is_file()
        holder = pq.read_table(prepared.root / row.data_file, columns=["trial_name"]).column(0).to_pylist()
        assert row.trial_name in holder
        assert row.exo_power in ("on", "off")
        assert row.task_family != "" and row.trial_name.startswith(row.task_family)
        for share in (row.imu_features_nan_share, row.angle_features_nan_share, row.moment_targets_nan_share):
            assert 0.0 <= share <= 1.0


def test_the_trials_table_nan_shares_match_the_arrays(prepared):
    table = pd.read_parquet(prepared.root / "trials").set_index(["participant", "trial_name"])
    frame = pd.read_parquet(prepared.data)
    import numpy as np

    for row in frame.itertuples():
        moments = np.stack(row.moment_targets).astype(np.float64)
        expected = float(np.isnan(moments).mean())
        assert abs(table.loc[(row.participant, row.trial_name), "moment_targets_nan_share"] - expected) < 1e-12
