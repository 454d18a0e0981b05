"""Paths with a space, `# % + & ?`, an escape-like `%41` and non-ASCII letters, from the output
root to the repo: what `exo-etl sync` uploads, the official client lists and downloads under the
very same names, byte for byte."""

from hub.conftest import published, read_back, run_sync, write_output

ODD = " #%41+&?é"


def test_sync_publishes_odd_folder_names_that_the_official_client_reads_back(tmp_path):
    output = tmp_path / f"out put{ODD}"
    # The participant folder as prepare names it: Hive escapes # % ? and keeps the rest.
    folder = "subject=BT01 %23%2541+&%3Fé"
    expected = write_output(output, "odd", participants=(f"BT01{ODD}",), layout=folder)

    result = run_sync(output, "macexo/py-odd-paths")

    assert result.returncode == 0, result.stdout + result.stderr
    served = read_back("macexo/py-odd-paths")
    assert any(path.startswith(f"data/{folder}/part-") for path in expected)
    for path, digest in expected.items():
        assert served.get(path) == digest, path
    # A second sync finds every odd path in place and uploads nothing.
    again = run_sync(output, "macexo/py-odd-paths")
    assert again.returncode == 0 and "Done: uploaded 0 files" in again.stdout, again.stdout
