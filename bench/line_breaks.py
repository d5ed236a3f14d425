"""Benchmark: where Thai lines break, on every paragraph and table cell of the shipped
workshops, set in narrow columns with the bundled font, as the PDF writer sets them.

    .venv/bin/python bench/line_breaks.py [--widths 35 60] [--show N]

Counts, per column width, the line breaks that fall
- inside a syllable: before a vowel or mark that belongs to the letter before it, or after a
  leading vowel (เ แ โ ใ ไ);
- between a number and its unit (60 | นาที), or at a no-break space;
- inside a word of PyThaiNLP's dictionary (a compound split, as in ผู้|เข้าร่วม);
and the breaks between words that have no space between them, which are fine. The breaks
are Pango's (libthai's dictionary); the text is as the PDF writer sets it, numbers and their
units already joined by no-break spaces.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from pythainlp.tokenize import word_tokenize
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from workshopkit.compose import tree as doc  # noqa: E402
from workshopkit.compose.pack import compose_all  # noqa: E402
from workshopkit.definition.read import read_workshop  # noqa: E402
from workshopkit.render.pdf import patches  # noqa: E402
from workshopkit.render.pdf.writer import PdfWriter  # noqa: E402

UNITS = ("นาที", "น.", "ชั่วโมง", "คน", "ปี", "วัน", "เดือน", "บาท", "ครั้ง", "หน้า", "ข้อ")
FOLLOWING = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
LEADING = re.compile("[\u0e40-\u0e44]$")


def corpus() -> list[str]:
    texts = []
    for path in sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")]):
        for document in compose_all(read_workshop(path)):
            for block in document.blocks:
                texts += _lines(block)
    return [t for t in dict.fromkeys(texts) if re.search("[\u0e00-\u0e7f]", t)]


def _lines(block) -> list[str]:
    if isinstance(block, doc.Table):
        return [t for row in block.head + block.body for c in row.cells for b in c.blocks
                for t in _lines(b)]
    return doc.plain_text(block).splitlines()


def laid_out_lines(texts: list[str], width_mm: float) -> list[list[str]]:
    patches.install()
    writer = PdfWriter(ROOT, language="th", digits="arabic", footer="", author="")
    body = "".join(f'<p id="t{i}" style="width:{width_mm}mm">{html.escape(t)}</p>'
                   for i, t in enumerate(texts))
    rendered = HTML(string=f'<html lang="th"><body>{body}</body></html>', base_url=writer.base_url,
                    url_fetcher=writer.fetcher).render(stylesheets=writer.stylesheets,
                                                       font_config=writer.font_config)
    found: dict[str, list[str]] = {}
    for page in rendered.pages:
        for block in page._page_box.descendants():
            if isinstance(block, boxes.BlockBox) and (block.element_tag == "p"):
                key = block.element.get("id")
                for line in block.children:
                    if isinstance(line, boxes.LineBox):
                        right = max((b.position_x + b.width for b in line.descendants()
                                     if isinstance(b, boxes.TextBox)), default=0)
                        if right > block.content_box_x() + block.width + 0.5:
                            OVERFLOWS.append(line)
                        text = "".join(b.text for b in line.descendants()
                                       if isinstance(b, boxes.TextBox))
                        found.setdefault(key, []).append(text)
    return [found.get(f"t{i}", []) for i in range(len(texts))]


def break_positions(text: str, lines: list[str]) -> list[int]:
    """Where in `text` each line but the last ends (a line box drops the space it breaks at)."""
    positions, index = [], 0
    for line in lines[:-1]:
        for char in line:
            while index < len(text) and text[index] != char:
                index += 1
            index += 1
        positions.append(index)
    return positions


OVERFLOWS: list = []


def classify(text: str, lines: list[str]) -> dict[str, int]:
    counts = {"breaks": 0, "at a space": 0, "at a no-break space": 0, "inside syllable": 0,
              "number|unit": 0,
              "inside dictionary word": 0, "between words without space": 0}
    words = word_tokenize(text.replace("\u00a0", " "), engine="newmm", keep_whitespace=True)
    boundaries, position = {0}, 0
    for word in words:
        position += len(word)
        boundaries.add(position)
    for position in break_positions(text, lines):
        before, after = text[:position], text[position:]
        counts["breaks"] += 1
        if before.endswith("\u00a0") or after.startswith("\u00a0"):
            counts["at a no-break space"] += 1
        elif before.endswith(" ") or after.startswith(" "):
            counts["at a space"] += 1
        elif FOLLOWING.match(after) or LEADING.search(before):
            counts["inside syllable"] += 1
        elif re.search(r"[0-9๐-๙]$", before) and after.startswith(UNITS):
            counts["number|unit"] += 1
        elif position not in boundaries:
            counts["inside dictionary word"] += 1
        else:
            counts["between words without space"] += 1
    return counts


def splits(text: str, lines: list[str]) -> list[str]:
    shown = []
    for position in break_positions(text, lines):
        one = classify(text, [text[:position], text[position:]])
        if one["inside dictionary word"]:
            shown.append(f"{text[max(0, position - 12):position]}|{text[position:position + 12]}")
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", type=float, nargs="+", default=[35.0, 60.0])
    parser.add_argument("--show", type=int, default=0, help="print this many compound splits")
    args = parser.parse_args()
    texts = corpus()
    print(f"corpus: {len(texts)} paragraphs and cells of the shipped workshops")
    for width in args.widths:
        totals: dict[str, int] = {}
        shown = 0
        for text, lines in zip(texts, laid_out_lines(texts, width), strict=True):
            for key, value in classify(text, lines).items():
                totals[key] = totals.get(key, 0) + value
            if shown < args.show:
                for split in splits(text, lines)[:args.show - shown]:
                    print(f"    {split}")
                    shown += 1
        overflowing = len(OVERFLOWS)
        OVERFLOWS.clear()
        print(f"{width:5.0f} mm: " + ", ".join(f"{k} {v}" for k, v in totals.items())
              + f", lines wider than the column {overflowing}")


if __name__ == "__main__":
    main()
