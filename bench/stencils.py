"""Benchmark and check: the print run with stencils (render/pdf/stencil.py) against every
personal copy laid out whole, for each shipped workshop and example, in one run.

    .venv/bin/python bench/stencils.py [--people 5] [--dpi 100] [DEFINITION ...]

For a roster of Thai and Latin names (one hyphenated, one surname and one area longer than
their lines), each definition's print run is rendered in this process both ways. Printed:
pages, copies drawn as overlays, seconds and size each way, and the pages that differ when
both are rasterised; any differing page is a bug (the overlay must print what the whole
layout prints), and the script then exits with status 1.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2
from PIL import ImageChops

from workshopkit import app
from workshopkit.people.roster import read_roster
from workshopkit.render.pdf import patches
from workshopkit.render.print_run import render_print_run

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = [("สมชาย", "ใจดี", "บ้านต๋อม"), ("Mary-Ann", "Smith-Wellington", "Ban Tom"),
          ("จันทร์เพ็ญ", "แก้วมณีรัตนาภรณ์ศรีสวัสดิ์วงศ์", "ศรีถ้อย"),
          ("อนันต์", "มั่นคง", "หนองบัวแดงเหนือใหม่พัฒนาสามัคคีร่วมใจ"), ("บุญ", "มา", "จุน")]


def roster(path: Path, people: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "จังหวัด", "รหัส"])
        for number in range(people):
            name, surname, area = PEOPLE[number % len(PEOPLE)]
            writer.writerow([name, surname, area, "เมืองพะเยา", "พะเยา", f"P{number + 1:02d}"])


def differing(first: Path, second: Path, dpi: int) -> list[int]:
    """The pages (from 1) that look different, or every page when the counts differ."""
    one, two = pypdfium2.PdfDocument(str(first)), pypdfium2.PdfDocument(str(second))
    if len(one) != len(two):
        return list(range(1, max(len(one), len(two)) + 1))
    return [n + 1 for n in range(len(one)) if ImageChops.difference(
        *(pdf[n].render(scale=dpi / 72).to_pil().convert("L") for pdf in (one, two))).getbbox()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("definitions", nargs="*", type=Path)
    parser.add_argument("--people", type=int, default=len(PEOPLE))
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args()
    definitions = args.definitions or sorted([*(ROOT / "workshops").glob("*.yaml"),
                                              *(ROOT / "examples").glob("*.yaml")])
    patches.install()
    wrong = 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        roster(work / "roster.csv", args.people)
        people = read_roster(work / "roster.csv")
        for definition in definitions:
            _read, job, _ = app._pack_job(definition, people, None, ("pdf",), True)
            shared = [d for d in job.sets[0] if all(d in s for s in job.sets)]
            said = {}
            for stencils in (True, False):
                start = time.perf_counter()
                run = render_print_run(job.page, job.source_dir, shared, job.sets, workers=1,
                                       stencils=stencils)
                said[stencils] = (time.perf_counter() - start, run)
                (work / f"{stencils}.pdf").write_bytes(run.data)
            differ = differing(work / "True.pdf", work / "False.pdf", args.dpi)
            wrong += bool(differ)
            (over, run), (whole, plain) = said[True], said[False]
            print(f"{definition.name}: {run.pages} pages, {run.overlays} of "
                  f"{sum(1 for s in job.sets for d in s if d not in shared)} personal copies overlays; "
                  f"{over:.1f} s against {whole:.1f} s laid out whole, {len(run.data) / 1e3:.0f} KB "
                  f"against {len(plain.data) / 1e3:.0f} KB; pages differing at {args.dpi} dpi: "
                  f"{differ or 'none'}", flush=True)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
