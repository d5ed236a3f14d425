"""Benchmark: build the reference workshop's whole pack and print how long it took.

    .venv/bin/python bench/build_reference.py [--runs N] [FILE]

Per run: seconds for the PDF files (pages and pages per second, packs included) and for the
DOCX files; then the best run, and the DOCX sizes with and without the embedded font.
The first run includes loading fonts and templates.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from workshopkit import app

ROOT = Path(__file__).resolve().parent.parent


def timed(file: Path, out: Path, formats: tuple[str, ...], embed: bool = True) -> tuple[float, app.Pack]:
    start = time.perf_counter()
    built = app.build(file, out, formats, embed_fonts=embed)
    return time.perf_counter() - start, built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path,
                        default=ROOT / "workshops" / "community-service-unit-2day.yaml")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pdf_runs, docx_runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for run in range(1, args.runs + 1):
            pdf_seconds, built = timed(args.file, out / "pdf", ("pdf",))
            pages = sum(e.pages or 0 for e in built.entries)
            docx_seconds, _ = timed(args.file, out / "docx", ("docx",))
            pdf_runs.append(pdf_seconds)
            docx_runs.append(docx_seconds)
            print(f"run {run}: pdf {pdf_seconds:6.2f} s  {pages:4d} pages  {pages / pdf_seconds:6.1f} pages/s"
                  f"   docx {docx_seconds:6.2f} s  {len(built.entries)} files")
        print(f"best:  pdf {min(pdf_runs):6.2f} s  {pages:4d} pages  {pages / min(pdf_runs):6.1f} pages/s"
              f"   docx {min(docx_runs):6.2f} s")
        _, bare = timed(args.file, out / "bare", ("docx",), embed=False)
        embedded = out / "docx" / bare.folder.name
        print("docx sizes (KB), with embedded font / without:")
        for entry in bare.entries:
            with_font = (embedded / entry.path).stat().st_size / 1024
            without = (bare.folder / entry.path).stat().st_size / 1024
            print(f"  {entry.path:<28} {with_font:7.0f} {without:7.0f}")


if __name__ == "__main__":
    main()
