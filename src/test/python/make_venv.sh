#!/usr/bin/env bash
# Makes the Python test environment: a venv with the pinned requirements, reused while the
# requirements file and the interpreter are unchanged (a stamp in the venv records both).
# Usage: make_venv.sh <venv dir> <requirements file>
# Fails (exit 1) when the environment cannot be made: the Python tests must never be skipped.
#
# pip reads its index from its own configuration: on the build machines that is an index on disk,
# elsewhere PyPI. PIP_RETRIES (default 0) is passed as --retries; 0 stops pip from waiting on an
# unreachable default index for every package when an on-disk index serves them.
set -euo pipefail
venv="$1"
requirements="$2"
python="${EXO_ETL_PYTHON:-python3}"

if ! command -v "$python" >/dev/null; then
  echo "make_venv: $python is not installed; the Python tests need Python 3.10+" >&2
  exit 1
fi
stamp="$("$python" --version 2>&1) $(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$venv/.exo-etl-stamp" && "$(cat "$venv/.exo-etl-stamp")" == "$stamp" ]]; then
  echo "make_venv: $venv is up to date"
  exit 0
fi
rm -rf "$venv"
echo "make_venv: creating $venv from $requirements (about a minute)"
"$python" -m venv "$venv"
if ! "$venv/bin/pip" install --quiet --disable-pip-version-check --retries "${PIP_RETRIES:-0}" \
    -r "$requirements"; then
  echo "make_venv: pip could not install $requirements into $venv" >&2
  rm -rf "$venv"
  exit 1
fi
echo "$stamp" > "$venv/.exo-etl-stamp"
"$venv/bin/python" -c 'import datasets, duckdb, huggingface_hub, pandas, polars, pyarrow, torch; print("make_venv: ready:", "datasets", datasets.__version__, "| huggingface_hub", huggingface_hub.__version__, "| pyarrow", pyarrow.__version__, "| pandas", pandas.__version__, "| polars", polars.__version__, "| duckdb", duckdb.__version__, "| torch", torch.__version__)'
