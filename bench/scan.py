"""Benchmark: scan-back (issue 19), accuracy and speed on synthetic scans.

    .venv/bin/python bench/scan.py [--people 50] [--seed 1] [--keep DIR]

Prints the reference workshop's self-assessment for a roster (the personal print run), fills
every form page as people do (tests/scan_fill.py: filled boxes, ticks, crosses and circles
with a pen-like stroke, 4 % of items left blank, 1 % marked twice, 0.5 % marked faintly),
degrades each page as scans are (150, 200 or 300 dpi, turned up to 3 degrees, 97-100 %,
shifted, blurred, noisy, JPEG quality 60, one page in five upside down), puts blank backs of
duplex sheets among them, shuffles them into one PDF and reads it with `workshopkit scan`
(the same call, in this process, timed from start to end, laying out the form included).

Then a few pages photographed with a phone instead (a slanted view, light falling off across
the page), the stretch goal: measured, not a target.

Targets: at least 99.5 % of single marks read right, no mark read wrong, no unclear item given
a value, at most 2 % of the items sent to review, every page matched to its participant, at
least 60 pages a minute on 2 cores.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from anchors import roster  # noqa: E402 (the roster of the print-run benchmark)
from scan_fill import Truth, blank_back, degrade, fill, form_pages, scan_pdf  # noqa: E402

from workshopkit import app, scan_back  # noqa: E402

REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"


def photographed(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """The page as a phone sees it: a slanted view, the light falling off across the page."""
    height, width = image.shape
    pad = int(0.08 * width)
    canvas = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=90)
    h, w = canvas.shape
    source = np.float32([(0, 0), (w, 0), (w, h), (0, h)])
    jitter = [(rng.uniform(0, 0.07) * w, rng.uniform(0, 0.05) * h) for _ in range(4)]
    target = np.float32([(jitter[0][0], jitter[0][1]), (w - jitter[1][0], jitter[1][1]),
                         (w - jitter[2][0], h - jitter[2][1]), (jitter[3][0], h - jitter[3][1])])
    view = cv2.warpPerspective(canvas, cv2.getPerspectiveTransform(source, target), (w, h),
                               borderValue=90)
    light = np.linspace(rng.uniform(0.55, 0.75), 1.0, w, dtype=np.float32)[None, :]
    if rng.random() < 0.5:
        light = light[:, ::-1]
    view = cv2.GaussianBlur(view.astype(np.float32) * light, (0, 0), 1.2)
    return np.clip(view + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, view.shape),
                   0, 255).astype(np.uint8)


def score(truth: Truth, result: scan_back.ScanResult, form_pages_count: int) -> dict[str, float]:
    reading = result.reading
    review = {(u.who, u.item) for u in reading.unclear}
    single = right = wrong = unclear_valued = items = missed = 0
    for who, answers in truth.ratings.items():
        got = reading.ratings.get(who, {})
        for item, meant in answers.items():
            items += 1
            read = got.get(item)
            if (who, item) in truth.unclear:
                unclear_valued += read is not None
            elif meant is None:
                wrong += read is not None
            else:
                single += 1
                right += read == meant
                wrong += read is not None and read != meant
                missed += read is None and (who, item) not in review
    expected = {(who, page) for who in truth.ratings for page in range(1, form_pages_count + 1)}
    matched = {(who, page) for who, pages in reading.pages_seen.items() for page in pages}
    return {"single": single, "right": right, "wrong": wrong, "missed": missed,
            "unclear_valued": unclear_valued,
            "items": items, "review": len(review), "caught": len(review & truth.unclear),
            "unclear": len(truth.unclear), "pages_expected": len(expected),
            "pages_matched": len(matched & expected), "strangers": len(matched - expected),
            "unmatched": len(reading.unmatched)}


def report(name: str, figures: dict[str, float], pages: int, seconds: float) -> None:
    share = 100 * figures["right"] / max(1, figures["single"])
    sent = 100 * figures["review"] / max(1, figures["items"])
    rate = pages / seconds * 60
    print(f"{name}: {pages} pages in {seconds:.1f} s = {rate:.0f} pages a minute")
    print(f"  single marks read right: {figures['right']}/{figures['single']} = {share:.2f} % (target 99.5)")
    print(f"  marks read wrong: {figures['wrong']} (target 0); marks read as blank and not sent to "
          f"review: {figures['missed']}; unclear items given a value: "
          f"{figures['unclear_valued']} of {figures['unclear']} (target 0)")
    print(f"  sent to review: {figures['review']} of {figures['items']} items = {sent:.2f} % "
          f"(target at most 2), "
          f"of which meant unclear: {figures['caught']}")
    print(f"  pages matched to the right copy: {figures['pages_matched']}/{figures['pages_expected']}, "
          f"to a copy never printed: {figures['strangers']}, not matched: {figures['unmatched']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--photos", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="keep the scans and answers in this folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        sheet = work / "roster.csv"
        roster(sheet, args.people)
        built = app.build(REFERENCE, work / "printed", ("pdf",), roster=sheet)
        printed = built.folder / "participants-print.pdf"
        _form, layout, _own = scan_back.form_layout(REFERENCE)
        pages = form_pages(printed)
        print(f"printed: {args.people} participants, {len(pages)} self-assessment pages "
              f"({len(layout)} a copy)")

        filled, truth = [], Truth()
        chosen = [rng.choice((150, 200, 300)) for _ in pages]  # each page scanned at one of them
        for dpi in (150, 200, 300):
            share = [p for p, d in zip(pages, chosen, strict=True) if d == dpi]
            images, part = fill(printed, share, layout, rng, dpi=dpi, faint_share=0.005)
            filled += [(degrade(image, rng, upside_down=rng.random() < 0.2), dpi) for image in images]
            for who, answers in part.ratings.items():
                truth.ratings.setdefault(who, {}).update(answers)
            truth.unclear |= part.unclear
        backs = [(blank_back(image.shape, rng), dpi) for image, dpi in filled[: len(filled) // 4]]
        scans = filled + backs
        rng.shuffle(scans)
        for dpi in (150, 200, 300):
            scan_pdf([image for image, d in scans if d == dpi], work / f"scan-{dpi}.pdf", dpi)
        files = [work / f"scan-{dpi}.pdf" for dpi in (150, 200, 300)]

        start = time.perf_counter()
        result = scan_back.scan(REFERENCE, files, work / "answers.csv", review=work / "review.pdf")
        seconds = time.perf_counter() - start
        print(result.reading.summary())
        report("scanner (150-300 dpi, shuffled, blank backs)", score(truth, result, len(layout)),
               len(scans), seconds)

        if args.photos:
            some = pages[: args.photos]
            images, photo_truth = fill(printed, some, layout, rng, dpi=200)
            scan_pdf([photographed(image, rng) for image in images], work / "photos.pdf", 200, quality=80)
            start = time.perf_counter()
            photos = scan_back.scan(REFERENCE, [work / "photos.pdf"], work / "photo-answers.csv",
                                    review=work / "photo-review.pdf")
            seconds = time.perf_counter() - start
            print(photos.reading.summary())
            report("phone photos (stretch goal)", score(photo_truth, photos, len(layout)), len(images),
                   seconds)


if __name__ == "__main__":
    main()
