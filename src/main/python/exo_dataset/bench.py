"""The loader benchmark: how fast the cache feeds the example model, and how long a first batch takes.

    HF_ENDPOINT=... HF_TOKEN=... python -m exo_dataset.bench --repo macexo/bench --work /tmp/bench \\
        --markdown docs/performance.md

1. Empty cache to first batch: a fresh Python process with an empty dataset cache and an empty Hub
   cache (its own HF_HOME) constructs the whole dataset and takes one batch from a DataLoader.
2. Windows per second from that cache with num_workers 0 and 2 (batches built, no model).
3. The example model's step time (forward, backward, Adam) on the same machine, and the share of a
   training epoch spent waiting for data with num_workers 0 and 2.
4. Padding share of whole-trial batches: random batching against LengthBucketBatchSampler.

A measurement, never a test: it prints a Markdown section and appends it to --markdown if given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from typing import Dict, List, Optional

import numpy as np
import torch
from torch.utils.data import DataLoader

from .batching import LengthBucketBatchSampler, padding_share, random_batches
from .dataset import ExoskeletonDataset
from .train import MomentGRU, run_epoch

COLD_START = """
import json, sys, time
started = time.perf_counter()
from torch.utils.data import DataLoader
from exo_dataset import ExoskeletonDataset
imported = time.perf_counter()
dataset = ExoskeletonDataset(sys.argv[1], revision=sys.argv[2] or None, cache_dir=sys.argv[3],
                             window=int(sys.argv[4]), stride=int(sys.argv[5]))
constructed = time.perf_counter()
batch = next(iter(DataLoader(dataset, batch_size=int(sys.argv[6]), shuffle=True, collate_fn=dataset.collate_fn)))
first = time.perf_counter()
print("RESULT " + json.dumps({"import_s": imported - started, "construct_s": constructed - imported,
      "first_batch_s": first - constructed, "commit": dataset.commit, "files": len(dataset.cache_report.downloaded),
      "participants": len(dataset.participants), "trials": len(dataset.trials), "windows": len(dataset),
      "samples": int(sum(t["length"] for t in dataset.trials)), "batch_shape": list(batch["inputs"].shape)}))
"""


def cold_start(args) -> Dict[str, object]:
    """Runs COLD_START in a fresh process with empty caches; its timings plus the process wall time."""
    cache = os.path.join(args.work, "cold-cache")
    hf_home = os.path.join(args.work, "cold-hf-home")
    for folder in (cache, hf_home):
        if os.path.exists(folder):
            raise SystemExit(f"{folder} exists: --work must be a new folder, so the caches start empty")
    env = dict(os.environ, HF_HOME=hf_home, HF_HUB_DISABLE_PROGRESS_BARS="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(__file__)),
                                                    env.get("PYTHONPATH", "")] if p)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", COLD_START, args.repo, args.revision or "", cache,
                             str(args.window), str(args.stride), str(args.batch_size)],
                            env=env, cwd=args.work, capture_output=True, text=True)
    wall = time.perf_counter() - started
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"cold start failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    measured = json.loads(lines[-1][len("RESULT "):])
    measured["process_s"] = wall
    measured["cache_dir"] = cache
    measured["cache_bytes"] = sum(os.path.getsize(os.path.join(root, name))
                                  for root, _, names in os.walk(cache) for name in names)
    return measured


def loader_rate(dataset, batch_size: int, workers: int, batches: int) -> Dict[str, float]:
    """Windows per second through a shuffled DataLoader, after its first batch (worker start apart)."""
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True, collate_fn=dataset.collate_fn,
                        num_workers=workers, generator=torch.Generator().manual_seed(0))
    started = time.perf_counter()
    iterator = iter(loader)
    next(iterator)
    first = time.perf_counter()
    count = 0
    for count, batch in enumerate(iterator, start=1):
        if count >= batches:
            break
    steady = time.perf_counter() - first
    return {"workers": workers, "first_batch_s": first - started, "batches": count,
            "windows_per_s": count * batch_size / steady if steady else float("nan")}


def model_step(dataset, batch_size: int, hidden: int, steps: int) -> Dict[str, float]:
    """Median seconds of one training step of the example model on real batches."""
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True, collate_fn=dataset.collate_fn,
                        generator=torch.Generator().manual_seed(1))
    batches = []
    for batch in loader:
        batches.append(batch)
        if len(batches) == steps + 2:
            break
    model = MomentGRU(hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    from .batching import masked_mse

    times = []
    for number, batch in enumerate(batches):
        started = time.perf_counter()
        loss = masked_mse(model(batch["inputs"]), batch["targets"], batch["target_mask"])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if number >= 2:  # the first steps allocate
            times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return {"step_s": median, "windows_per_s": batch_size / median}


def training_share(dataset, batch_size: int, hidden: int, workers: int, batches: int) -> Dict[str, float]:
    torch.manual_seed(0)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True, collate_fn=dataset.collate_fn,
                        num_workers=workers, generator=torch.Generator().manual_seed(0))
    model = MomentGRU(hidden)
    fit = run_epoch(model, loader, torch.optim.Adam(model.parameters(), lr=3e-3), batches)
    return {"workers": workers, "share": fit["waiting"] / fit["seconds"], "seconds": fit["seconds"],
            "batches": fit["batches"]}


def median_of(runs: List[Dict[str, float]], key: str) -> Dict[str, object]:
    """The run with the median `key`, plus the range over all runs (a shared machine is noisy)."""
    ordered = sorted(runs, key=lambda run: run[key])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["range"] = (ordered[0][key], ordered[-1][key])
    chosen["runs"] = len(runs)
    return chosen


def padding(lengths: np.ndarray, batch_size: int, epochs: int = 10) -> Dict[str, float]:
    random = [padding_share(random_batches(len(lengths), batch_size, seed), lengths) for seed in range(epochs)]
    sampler = LengthBucketBatchSampler(lengths, batch_size=batch_size, seed=0)
    bucketed = [padding_share(list(sampler), lengths) for _ in range(epochs)]
    return {"batch_size": batch_size, "random": float(np.mean(random)), "bucketed": float(np.mean(bucketed))}


def markdown(args, cold, rates, step, shares, pads, windowed_padding, lengths) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    lines = [
        f"## Loader benchmark {now} (`python -m exo_dataset.bench`)",
        "",
        f"- Machine: {os.cpu_count()} cores, Python {platform.python_version()}, torch {torch.__version__} "
        f"({torch.get_num_threads()} intra-op threads), numpy {np.__version__}; load average at the end {load}.",
        f"- Dataset: `{args.repo}` served by `dev-hub` at {os.environ.get('HF_ENDPOINT', 'the default endpoint')}, "
        f"commit {cold['commit'][:12] if cold['commit'] else 'n/a'}: {cold['participants']} participants, "
        f"{cold['trials']} trials, {cold['samples']:,} samples; trial lengths {int(lengths.min())}–{int(lengths.max())} "
        f"(median {int(np.median(lengths))}). Windows of {args.window}, stride {args.stride}: {cold['windows']:,} windows; "
        f"batches of {args.batch_size}. Cache on disk: {cold['cache_bytes'] / 1e6:,.0f} MB.",
        "",
        "| measure | result |",
        "|---|---:|",
        f"| empty cache to first batch (construct: download {cold['files']} files + convert; then one batch) "
        f"| **{cold['construct_s'] + cold['first_batch_s']:.1f} s** ({cold['construct_s']:.1f} s + {cold['first_batch_s']:.2f} s) |",
        f"| … the same, whole process including `import torch, exo_dataset` ({cold['import_s']:.1f} s) | {cold['process_s']:.1f} s |",
    ]
    for rate in rates:
        low, high = rate["range"]
        lines.append(f"| loader, num_workers={rate['workers']}: windows/s after the first batch "
                     f"({rate['batches']} batches; first batch {rate['first_batch_s']:.2f} s; median of {rate['runs']}, "
                     f"range {low:,.0f}–{high:,.0f}) | **{rate['windows_per_s']:,.0f}** |")
    lines.append(f"| example model (GRU {args.hidden}, 28 → 4) training step, median | {step['step_s'] * 1000:.0f} ms "
                 f"= {step['windows_per_s']:,.0f} windows/s |")
    for share in shares:
        low, high = share["range"]
        lines.append(f"| share of a training epoch waiting for data, num_workers={share['workers']} "
                     f"({share['batches']} batches, {share['seconds']:.1f} s; median of {share['runs']}, "
                     f"range {low:.1%}–{high:.1%}) | **{share['share']:.1%}** |")
    for pad in pads:
        lines.append(f"| padding share of whole-trial batches of {pad['batch_size']}: random → length-bucketed "
                     f"(mean of 10 epochs) | {pad['random']:.1%} → **{pad['bucketed']:.1%}** |")
    lines.append(f"| padding share of windowed batches (only a trial's last window is padded) | {windowed_padding:.1%} |")
    lines.append("")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m exo_dataset.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--repo", required=True, help="Hub dataset repo to read (HF_ENDPOINT, HF_TOKEN as usual)")
    p.add_argument("--revision", default=None)
    p.add_argument("--work", required=True, help="a new folder for the caches")
    p.add_argument("--window", type=int, default=200)
    p.add_argument("--stride", type=int, default=100)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    p.add_argument("--loader-batches", type=int, default=400)
    p.add_argument("--train-batches", type=int, default=60)
    p.add_argument("--repeats", type=int, default=3, help="runs of each loader and epoch measurement (median)")
    p.add_argument("--markdown", default=None, help="append the section to this file")
    return p


def main(argv: Optional[List[str]] = None) -> str:
    args = parser().parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    print("cold start ...", flush=True)
    cold = cold_start(args)
    print(json.dumps(cold), flush=True)
    common = dict(revision=cold["commit"], cache_dir=cold["cache_dir"], download=False)
    windows = ExoskeletonDataset(args.repo, window=args.window, stride=args.stride, **common)
    whole = ExoskeletonDataset(args.repo, **common)
    lengths = np.asarray(whole.lengths)
    rates = [median_of([loader_rate(windows, args.batch_size, workers, args.loader_batches)
                        for _ in range(args.repeats)], "windows_per_s") for workers in (0, 2)]
    print(json.dumps(rates), flush=True)
    step = model_step(windows, args.batch_size, args.hidden, 20)
    print(json.dumps(step), flush=True)
    shares = [median_of([training_share(windows, args.batch_size, args.hidden, workers, args.train_batches)
                         for _ in range(args.repeats)], "share") for workers in (0, 2)]
    print(json.dumps(shares), flush=True)
    pads = [padding(lengths, size) for size in (8, 32)]
    windowed_padding = 1.0 - float(windows.lengths.sum()) / (len(windows) * args.window)
    section = markdown(args, cold, rates, step, shares, pads, windowed_padding, lengths)
    print(section)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as stream:
            stream.write("\n" + section)
    return section


if __name__ == "__main__":
    main()
