"""Benchmark: workshopkit side by side with what it is measured against, in one run.

    .venv/bin/python bench/anchors.py [--people 30 300] [--skip-studio] [--repeats 5]

1. The cold command `workshopkit build REF --format pdf` against plain WeasyPrint rendering
   the toolkit's own final HTML for the same documents and packs, in a cold Python process
   (no Thai patches, no checks, no refits: the engine's own time). Each cold command runs
   --repeats times, the two in turns, and the ratio is the median of the rounds' own ratios:
   the machine (a shared VM) drifts by half from one minute to the next, and a round's two
   commands share its mood, where the medians of each alone need not.
2. `workshopkit build REF --format all` (PDF and DOCX) against LibreOffice converting the
   toolkit's DOCX files to PDF with a fresh profile (what an organiser without us would do).
   Each build after the first reads the DOCX fonts' subsets and the fit each document needed
   from the user's cache; one more build with an empty cache gives the first build's time too.
3. The personal print run for each roster size: pages per second, 300 people against 30, the
   peak memory of each process (the build, its worker, the largest print-run process). The
   time is the whole roster build, which also writes the certificates and badges the
   reference workshop asks for; the pages counted are the print run's only.
4. The studio's edit-to-page latency, and how it answers while the largest roster prints
   (bench/studio_edit.py), unless --skip-studio.

Targets (issue 17): the cold PDF build at most 1.3 times plain WeasyPrint; --format all faster
than LibreOffice; at least 40 pages a second for 300 people, 300 taking at most 10.5 times as
long as 30, at most 800 MB in any process.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workshopkit import app, render_job
from workshopkit.compose.plan import plan

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"
PROGRAM = Path(sys.executable).parent / "workshopkit"

PLAIN = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from weasyprint import CSS, HTML
folder = Path(sys.argv[1])
job = json.loads((folder / "job.json").read_text())
sheets = [CSS(filename=str(folder / name), base_url=job["base_url"]) for name in job["stylesheets"]]
laid = {}
def render(slug):
    if slug not in laid:
        html = HTML(filename=str(folder / f"{slug}.html"), base_url=job["base_url"])
        laid[slug] = html.render(stylesheets=sheets)
    return laid[slug]
for name, slugs in job["bundles"].items():
    parts = [render(slug) for slug in slugs]
    pages = [page for part in parts for page in part.pages]
    parts[0].copy(pages).write_pdf(str(folder / f"{name}.pdf"))
print(time.perf_counter() - start)
"""


def seconds(command: list[str], cache: Path | None = None) -> float:
    """How long the command took; with `cache`, as the XDG cache folder (an empty one: the
    first build on a machine, which makes and keeps the DOCX fonts' subsets and the fits)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)} if cache else None
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def final_html(definition: Path, folder: Path) -> dict:
    """The toolkit's final HTML of every document (with the fit it chose) and its stylesheets,
    and which documents make each PDF of the pack, for plain WeasyPrint to render."""
    from workshopkit.render.files import Renderer
    from workshopkit.render.pdf import patches
    from workshopkit.render.pdf.writer import _page_facts
    from workshopkit.resources import templates_dir

    patches.install()
    read, job, _signers = app._pack_job(definition, None, None, ("pdf",), True)
    renderer = Renderer(job.page, job.source_dir)
    front = render_job.front_of(renderer, job, None, "pdf")
    bundles = plan(job.style, job.documents, job.copies, front.print_checklist,
                   front.cover)
    for bundle in bundles:
        for document in bundle.documents:
            html = renderer.pdf.html(document, renderer.pdf.fitted.get(document.slug, ""))
            (folder / f"{document.slug}.html").write_text(html, encoding="utf-8")
    (folder / "page.css").write_text(_page_facts(), encoding="utf-8")
    shutil.copy(templates_dir() / "print.css", folder / "print.css")
    return {"base_url": templates_dir().as_uri() + "/", "stylesheets": ["page.css", "print.css"],
            "bundles": {b.stem: [d.slug for d in b.documents] for b in bundles}}


def build_against_weasyprint(work: Path, repeats: int) -> None:
    plain_folder = work / "plain"
    plain_folder.mkdir()
    job = final_html(REFERENCE, plain_folder)
    (plain_folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
    colds, plains = [], []
    for run in range(repeats):  # side by side, in turns: the machine's mood weighs on both alike
        colds.append(seconds([str(PROGRAM), "build", str(REFERENCE), "-o", str(work / f"pdf{run}"),
                              "--format", "pdf"]))
        plains.append(seconds([sys.executable, "-c", PLAIN, str(plain_folder)]))
    manifest = json.loads(next((work / "pdf0").glob("*/manifest.json")).read_text(encoding="utf-8"))
    pages = sum(d["pages"] for d in manifest["documents"])
    cold, plain = statistics.median(colds), statistics.median(plains)
    print(f"cold `build --format pdf`: {cold:.2f} s for {len(manifest['documents'])} PDFs, {pages} pages "
          f"({pages / cold:.1f} pages/s); median of {_each(colds)}")
    print(f"plain WeasyPrint on the same final HTML, cold: {plain:.2f} s; median of {_each(plains)}")
    ratio = _paired(colds, plains)
    verdict = "met" if ratio <= 1.3 else "NOT met"
    print(f"  ratio {ratio:.2f} (target at most 1.3, aim 1.15) -> {verdict}")


def all_against_libreoffice(work: Path, repeats: int) -> None:
    builds, offices = [], []
    for run in range(repeats):
        builds.append(seconds([str(PROGRAM), "build", str(REFERENCE), "-o", str(work / f"all{run}"),
                               "--format", "all"]))
        documents = sorted(next((work / f"all{run}").glob("*")).glob("*.docx"))
        profile = work / f"lo-profile{run}"  # a fresh profile each time, as a first conversion has
        offices.append(seconds(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                "--convert-to", "pdf", "--outdir", str(work / f"lo{run}"),
                                *map(str, documents)]))
    first = seconds([str(PROGRAM), "build", str(REFERENCE), "-o", str(work / "all-first"), "--format", "all"],
                    cache=work / "empty-cache")
    built, office = statistics.median(builds), statistics.median(offices)
    print(f"cold `build --format all` (PDF and DOCX): {built:.2f} s; median of {_each(builds)}; "
          f"the first build on a machine (nothing in its cache): {first:.2f} s")
    print(f"LibreOffice converting its {len(documents)} DOCX files to PDF, fresh profile: {office:.2f} s; "
          f"median of {_each(offices)}")
    ratio = _paired(builds, offices)
    print(f"  ratio {ratio:.2f} (target below 1) -> {'met' if ratio < 1 else 'NOT met'}")


def _paired(ours: list[float], theirs: list[float]) -> float:
    """The median of each round's ratio, printed with them (the medians' ratio beside it)."""
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(f"  each round's ratio: {_each(ratios)}; the medians' ratio "
          f"{statistics.median(ours) / statistics.median(theirs):.2f}")
    return statistics.median(ratios)


def _each(figures: list[float]) -> str:
    return ", ".join(f"{figure:.2f}" for figure in figures)


def roster(path: Path, people: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "จังหวัด"])
        for n in range(people):
            writer.writerow([f"สมศรี{n}", "ใจดี", "แม่กา", "เมืองพะเยา", "พะเยา"])


def print_runs(work: Path, sizes: list[int]) -> None:
    figures = {}
    for people in sizes:
        sheet = work / f"roster-{people}.csv"
        roster(sheet, people)
        start = time.perf_counter()
        built = app.build(REFERENCE, work / f"run-{people}", ("pdf",), roster=sheet)
        took = time.perf_counter() - start
        run = next(e for e in built.entries if e.path == "participants-print.pdf")
        size = (built.folder / run.path).stat().st_size / 1e6
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        usage = built.usage
        figures[people] = took
        print(f"print run for {people} people (with certificates and badges): {took:.1f} s, "
              f"{run.pages} pages, "
              f"{run.pages / took:.1f} pages/s, {size:.1f} MB; peak memory: build {own:.0f} MB, "
              f"worker {usage.worker_mib:.0f} MB, largest helper {usage.helpers_mib:.0f} MB")
        if people >= 300:
            heaviest = max(own, usage.worker_mib, usage.helpers_mib)
            print(f"  target at least 40 pages/s -> {'met' if run.pages / took >= 40 else 'NOT met'}; "
                  f"at most 800 MB -> {'met' if heaviest <= 800 else 'NOT met'}")
    if len(figures) > 1:
        small, large = min(figures), max(figures)
        ratio = figures[large] / figures[small]
        print(f"  {large} people took {ratio:.1f} times as long as {small} (target at most 10.5) -> "
              f"{'met' if ratio <= 10.5 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--skip-studio", action="store_true")
    parser.add_argument("--repeats", type=int, default=5,
                        help="rounds of each cold command and its anchor, in turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        build_against_weasyprint(work, args.repeats)
        all_against_libreoffice(work, args.repeats)
        print_runs(work, args.people)
    if not args.skip_studio:
        studio = ROOT / "bench" / "studio_edit.py"
        subprocess.run([sys.executable, str(studio), "--people", str(max(args.people))], check=True)


if __name__ == "__main__":
    main()
