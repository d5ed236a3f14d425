"""Benchmark: the organiser's print run for a large roster, and LibreOffice for comparison.

    .venv/bin/python bench/print_run.py [--people 300] [--verify] [FILE]

Writes a roster of generated Thai names, builds the participants' print job
(participants-print.pdf) and prints seconds, pages, pages per second and peak memory (this
process, the bounded render worker and its print-run workers). Then converts the participant
pack's DOCX with LibreOffice, the way an organiser without workshopkit would make PDFs, and
prints its time per set.
With --verify (for a definition with pre-filled surveys, such as
examples/prefilled-surveys.yaml), every QR code of the print job is decoded from pages
rasterised at 150 dpi and compared with the participant's pre-filled link.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from workshopkit import app
from workshopkit.compose.plan import PRINT_RUN

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["สมชาย", "สมศรี", "บุญมี", "มาลี", "ประเสริฐ", "จันทร์เพ็ญ", "วิชัย", "สุดา", "อนันต์"]
SURNAMES = ["ใจดี", "มีสุข", "รักถิ่น", "ศรีสวัสดิ์", "ทองดี", "แก้วมณี", "บุญมา", "สุขใจ"]
AREAS = ["บ้านต๋อม", "แม่ต๋ำ", "บ้านสาง", "ห้วยลาน", "ดอกคำใต้", "ศรีถ้อย"]


def roster(path: Path, people: int) -> None:
    chooser = random.Random(1)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "จังหวัด", "กลุ่ม"])
        for n in range(people):
            writer.writerow([f"{chooser.choice(NAMES)}{n}", chooser.choice(SURNAMES),
                             chooser.choice(AREAS), "เมืองพะเยา", "พะเยา", n % 10 + 1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path,
                        default=ROOT / "workshops" / "community-service-unit-2day.yaml")
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        roster(work / "roster.csv", args.people)
        start = time.perf_counter()
        built = app.build(args.file, work / "out", ("pdf", "docx"), roster=work / "roster.csv")
        seconds = time.perf_counter() - start
        run = next(e for e in built.entries if e.path == PRINT_RUN)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        usage = built.usage
        size = (built.folder / run.path).stat().st_size / 2**20
        print(f"print run: {args.people} people, {run.pages} pages, {size:.1f} MB, {seconds:.1f} s "
              f"(whole pack, PDF and DOCX), {run.pages / seconds:.1f} pages/s")
        print(f"peak memory: {own:.0f} MB main process, {usage.worker_mib:.0f} MB render worker, "
              f"{usage.helpers_mib:.0f} MB largest print-run worker")
        if args.verify:
            verify(args.file, work / "roster.csv", built.folder / run.path)
        soffice = shutil.which("soffice")
        if soffice:
            start = time.perf_counter()
            subprocess.run([soffice, f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(work / "lo-pdf"),
                            str(built.folder / "participant-pack.docx")], check=True,
                           capture_output=True)
            per_set = time.perf_counter() - start
            print(f"LibreOffice, one participant pack from DOCX: {per_set:.1f} s "
                  f"(x{args.people} = {per_set * args.people:.0f} s, unpersonalised)")


def verify(definition: Path, roster_path: Path, print_job: Path) -> None:
    import pypdfium2
    import zxingcpp

    from workshopkit.definition.read import read_workshop
    from workshopkit.people.roster import read_roster
    from workshopkit.people.surveys import personal_url

    workshop = read_workshop(definition)
    people = read_roster(roster_path).participants
    expected = [personal_url(s, p) for p in people for s in workshop.surveys if s.prefill]
    found = []
    start = time.perf_counter()
    for page in pypdfium2.PdfDocument(str(print_job)):
        image = page.render(scale=150 / 72).to_pil()
        found += [c.text for c in zxingcpp.read_barcodes(image)]
    right = sum(1 for a, b in zip(found, expected, strict=False) if a == b)
    print(f"verify: {len(found)} QR codes decoded at 150 dpi, {right} of {len(expected)} "
          f"match the participants' pre-filled links ({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
