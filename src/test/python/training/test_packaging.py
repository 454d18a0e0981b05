"""`pip install ./src/main/python` works: the package builds into a wheel holding every module, and
depends on numpy, torch, huggingface_hub and pyarrow only."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from training.conftest import PACKAGE


def _can_build_in_place() -> bool:
    import importlib.util

    if importlib.util.find_spec("wheel") is not None:
        return True
    try:
        import setuptools
    except ImportError:
        return False
    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1)


def test_the_package_builds_a_wheel_with_every_module_and_only_the_four_dependencies(tmp_path):
    source = tmp_path / "python"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    # With a setuptools that builds wheels itself (70.1+) or the wheel package, the venv's own is used
    # (seconds); otherwise pip builds in isolation from its index, as `pip install ./src/main/python` does.
    isolation = [] if _can_build_in_place() else ["--retries", "0"]
    in_place = ["--no-build-isolation", "--no-index"] if not isolation else []
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *in_place, *isolation,
                             "-w", str(tmp_path / "wheel"), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = list((tmp_path / "wheel").glob("exo_dataset-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    modules = {f"exo_dataset/{p.name}" for p in (PACKAGE / "exo_dataset").glob("*.py")}
    assert modules <= names and "exo_dataset/train.py" in modules and "exo_dataset/bench.py" in modules
    requires = sorted(line.split(":", 1)[1].strip().split(">")[0].split("=")[0].split("<")[0].strip()
                      for line in metadata.splitlines() if line.startswith("Requires-Dist:"))
    assert requires == ["huggingface_hub", "numpy", "pyarrow", "torch"]
