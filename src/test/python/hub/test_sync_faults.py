"""exo-etl sync through the real Hub's faults, played by the dev-hub, checked with the official
client: every file read back has the local file's sha256, no commit is made twice, and the token
is never printed (run_sync checks that on every run)."""

from huggingface_hub import HfApi, upload_folder

from hub.conftest import (
    ENDPOINT,
    SCOPED,
    TOKEN,
    commit_titles,
    read_back,
    run_sync,
    write_output,
)


def assert_served(repo, expected, revision="main"):
    served = read_back(repo, revision)
    for path, digest in expected.items():
        assert served.get(path) == digest, path
    assert ".exo-etl/sync.json" in served
    return served


def test_a_repo_the_official_client_filled_is_refused_until_force(tmp_path, hub):
    repo = "macexo/sync-foreign"
    theirs = tmp_path / "theirs" / "data"
    theirs.mkdir(parents=True)
    (theirs / "train-00000-of-00001.parquet").write_bytes(b"PAR1 their rows")
    HfApi(endpoint=ENDPOINT).create_repo(repo, repo_type="dataset")
    upload_folder(folder_path=theirs.parent, repo_id=repo, repo_type="dataset")
    expected = write_output(tmp_path / "out", repo)

    refused = run_sync(tmp_path / "out", repo)

    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "no exo-etl sync wrote (data/train-00000-of-00001.parquet)" in refused.stderr
    assert len(commit_titles(repo)) == 2

    forced = run_sync(tmp_path / "out", repo, "--force")

    assert forced.returncode == 0, forced.stderr
    served = assert_served(repo, expected)
    assert "data/train-00000-of-00001.parquet" not in served


def test_rate_limits_on_every_call_are_waited_out_and_nothing_is_committed_twice(tmp_path, hub):
    repo = "macexo/sync-rate-limited"
    expected = write_output(tmp_path / "out", repo)
    for route in ("REPO_INFO", "CREATE_REPO", "TREE", "PREUPLOAD", "LFS_BATCH", "COMMIT"):
        hub.inject(route, "rate-limit", seconds=0)

    result = run_sync(tmp_path / "out", repo)

    assert result.returncode == 0, result.stderr
    assert result.stdout.count("rate limited: ") == 6
    assert 'the Hub\'s "api" quota (1000 requests per 300 s) resets in 0 s' in result.stdout
    assert_served(repo, expected)
    assert commit_titles(repo) == [
        "Add BT01, BT02, BT03 and the dataset card (8 files)", "initial commit"]


def test_a_rate_limit_past_the_cap_stops_in_one_line_and_a_rerun_finishes(tmp_path, hub):
    repo = "macexo/sync-capped"
    expected = write_output(tmp_path / "out", repo)
    hub.inject("COMMIT", "rate-limit", seconds=120)

    stopped = run_sync(tmp_path / "out", repo, "--max-rate-limit-wait", "5")

    assert stopped.returncode == 1
    assert stopped.stderr.count("\n") == 1
    assert "run the same command again later to finish" in stopped.stderr
    rerun = run_sync(tmp_path / "out", repo)
    assert rerun.returncode == 0, rerun.stderr
    assert "6 already stored" in rerun.stdout
    assert_served(repo, expected)
    assert len(commit_titles(repo)) == 2


def test_a_scoped_token_syncs_into_a_repo_it_may_write_but_not_create(tmp_path, hub):
    repo = "macexo/sync-scoped"
    HfApi(endpoint=ENDPOINT, token=TOKEN).create_repo(repo, repo_type="dataset")
    expected = write_output(tmp_path / "out", repo)
    hub.reset_counts()

    result = run_sync(tmp_path / "out", repo, token=SCOPED)

    assert result.returncode == 0, result.stderr
    assert "CREATE_REPO" not in hub.counts()
    assert_served(repo, expected)


def test_a_new_branch_and_a_tag_pin_what_was_synced(tmp_path, hub):
    repo = "macexo/sync-refs"
    expected = write_output(tmp_path / "out", repo)

    result = run_sync(tmp_path / "out", repo, "--revision", "v2-draft", "--tag", "v2")

    assert result.returncode == 0, result.stderr
    refs = HfApi(endpoint=ENDPOINT).list_repo_refs(repo, repo_type="dataset")
    tag = {t.name: t.target_commit for t in refs.tags}["v2"]
    assert f"Final commit of {repo}@v2-draft: {tag}" in result.stdout
    assert "Created branch v2-draft" in result.stdout
    assert sorted(b.name for b in refs.branches) == ["main", "v2-draft"]
    assert_served(repo, expected, revision="v2")
    assert list(read_back(repo, "main")) == [".gitattributes"]


def test_a_stalled_upload_is_cut_by_the_read_timeout_and_sent_again(tmp_path, hub):
    repo = "macexo/sync-stalled"
    expected = write_output(tmp_path / "out", repo)
    hub.inject("LFS_UPLOAD", "stall", seconds=60)
    hub.reset_counts()

    result = run_sync(tmp_path / "out", repo, "--read-timeout", "1", "--parallel", "1")

    assert result.returncode == 0, result.stderr
    assert "failed (HttpTimeoutException); trying again" in result.stdout
    assert hub.counts()["LFS_UPLOAD"] == 6 + 1
    assert_served(repo, expected)
    assert len(commit_titles(repo)) == 2


def test_an_old_layout_repo_moves_to_the_new_layout_and_loads_once(tmp_path, hub):
    import datasets

    repo = "macexo/sync-layout"
    write_output(tmp_path / "old", repo, layout="participant={p}")
    assert run_sync(tmp_path / "old", repo).returncode == 0
    expected = write_output(tmp_path / "new", repo)

    moved = run_sync(tmp_path / "new", repo)

    assert moved.returncode == 0, moved.stderr
    served = assert_served(repo, expected)
    assert not [p for p in served if p.startswith("data/participant=")]
    rows = datasets.load_dataset(repo, split="train", cache_dir=str(tmp_path / "cache"))
    assert rows.num_rows == 3 * 2 * 3
