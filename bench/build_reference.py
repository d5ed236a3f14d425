"""Benchmark: build the reference workshop's whole pack and print how long it took.

    .venv/bin/python bench/build_reference.py [--runs N] [FILE]

Prints, per run, seconds, pages and pages per second; then the best run. The first run
includes loading fonts and templates. Pages count every PDF in the manifest, packs included.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from workshopkit import pack

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path,
                        default=ROOT / "workshops" / "community-service-unit-2day.yaml")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as out:
        for run in range(1, args.runs + 1):
            start = time.perf_counter()
            built = pack.build(args.file, Path(out))
            seconds = time.perf_counter() - start
            pages = sum(entry.pages for entry in built.entries)
            results.append((seconds, pages))
            print(f"run {run}: {seconds:6.2f} s  {pages:4d} pages  {pages / seconds:6.1f} pages/s")
    seconds, pages = min(results)
    print(f"best:  {seconds:6.2f} s  {pages:4d} pages  {pages / seconds:6.1f} pages/s"
          f"  ({len(built.entries)} files)")


if __name__ == "__main__":
    main()
