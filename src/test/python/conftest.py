"""Fixtures shared by the Python tests: a real `prepare` output and one real `dev-hub`.

Everything runs the project's own build (`bin/exo-etl` over target/exo-etl.jar and target/lib), so
`mvn package` must have run first; `mvn verify` runs these tests after it. `exo_testing` is imported
first: it sets the Hugging Face environment before any client is imported.
"""

from __future__ import annotations

import shutil

import pytest

from exo_testing import WORK, DevHub, Output, prepare, synth


@pytest.fixture(scope="session")
def prepared() -> Output:
    """Three participants (one of them with every kind of broken trial), prepared."""
    tree = synth(WORK / "Parsed", "BT01,BT02,BT13")
    return prepare(tree, WORK / "out")


@pytest.fixture(scope="session")
def dev_hub():
    """The session's dev-hub, on the port HF_ENDPOINT names."""
    hub = DevHub(WORK / "hub")
    try:
        yield hub
    finally:
        hub.stop()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(WORK, ignore_errors=True)
