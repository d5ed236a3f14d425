"""Filled self-assessments read back from scans (`workshopkit scan`): each page matched to
its participant by its QR code, never by its place in the scans; each tick box measured on
the straightened page and called filled, empty or unclear against the page's own blank
boxes; what cannot be read with confidence left empty and kept for review, never guessed.

The boxes' places come from the form laid out again from the definition (the render stage's
`scan_marks.page_cells`); a page whose QR code carries another layout hash was printed from
another version of the form and is not read.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from ..definition import model
from ..i18n import N_, _
from ..paper.page import MARGINS_MM, SIZE_MM
from ..scan_code import Cell, ScanCode, blank_copy, layout_hash
from .results import items_of, sheet_bytes, template_rows
from .roster import Participant
from .scan_pages import PX_MM, FoundPage, Scanned, codes_on, is_blank, straighten

INSET_MM = 0.6  # a cell's own border, and a little misregistration, is not a mark
REACH_MM = 2.4  # around the printed box: a ring drawn round it still counts
SHIFT_MM = 1.0  # the most a box's outline is looked for away from where the layout puts it
BOX_BAND_MM = 0.5  # either side of the printed box's outline, left out of the measure
FILLED_NOISE, EMPTY_NOISE = 10.0, 5.0  # ink above an empty box's, in the page's spread of them
PEN_SHARE = 0.55  # a mark's darkest strokes, against the printed black: less is a faint mark
MIN_SPREAD = 0.002  # a spread below this is the scanner's, not the paper's

# why a page was not read, or an item not given a value
OTHER_WORKSHOP = N_("a page of another workshop's form ({workshop})")
OTHER_FORM = N_("a page of another form of this workshop")
OTHER_LAYOUT = N_("printed from another version of the self-assessment (its layout does not match "
                  "the definition now); read it with the definition it was printed from")
OWN_LAYOUT = N_("laid out differently from the blank form (a long name or area in its header), or "
                "printed from another version of it; give the roster it was printed for (--roster) "
                "to read it as it was laid out")
NOT_A_FORM = N_("no QR code of a form on this page: not a self-assessment printed by workshopkit, "
                "or too blurred to read")
NO_MARKS = N_("the corner marks were not found (the page was cut off, folded or covered when scanned)")
UNNUMBERED = N_("a photocopy of the form's unnumbered copy: its pages cannot be kept together; print "
                "numbered copies (build --roster, or --participants N) for scanning")
TWICE = N_("this page of the same copy was scanned twice; the first one was read")
TWO_MARKS = N_("more than one box marked")
FAINT = N_("a faint or unclear mark")


@dataclass
class Unclear:
    """An item left empty for a person to settle, with the straightened row to look at."""

    who: str
    page: int
    item: str
    reason: str
    source: str
    crop: np.ndarray


@dataclass
class Unmatched:
    """A page that was not read, and why."""

    source: str
    reason: str
    image: np.ndarray
    who: str = ""  # the participant whose copy needs its own layout to be read


@dataclass
class ScanReading:
    """What the scans said: each copy's ratings (None: left empty), what to review, and counts."""

    items: list[str]
    ratings: dict[str, dict[str, int | None]] = field(default_factory=dict)  # who -> item -> rating
    pages_seen: dict[str, set[int]] = field(default_factory=dict)
    unclear: list[Unclear] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    pages: int = 0
    blank_pages: int = 0
    marks: int = 0

    def missing(self, pages: int) -> list[tuple[str, int]]:
        """(who, page) for each page of a copy that was not in the scans."""
        return [(who, page) for who, seen in self.pages_seen.items()
                for page in range(1, pages + 1) if page not in seen]

    def summary(self) -> str:
        """The line that says how it went."""
        return _("{pages} pages read ({blank} blank), {people} copies matched, {marks} marks read, "
                 "{review} marks to review, {unmatched} pages not matched").format(
            pages=self.pages, blank=self.blank_pages, people=len(self.ratings), marks=self.marks,
            review=len(self.unclear), unmatched=len(self.unmatched))


def read_marks(scans: Iterable[Scanned], workshop: str, form: str, layout: Sequence[Sequence[Cell]],
               own: Mapping[str, Sequence[Sequence[Cell]]] | None = None,
               reading: ScanReading | None = None) -> ScanReading:
    """Every page of the scans read against the form's layout (its cells, page by page), or a
    participant's `own` layout where their copy was laid out differently (a long name in its
    header), into `reading` when given (pages read again)."""
    own = own or {}
    reading = reading or ScanReading([item.split(":")[0] for item in dict.fromkeys(
        c.key.split(":")[0] for cells in layout for c in cells)])
    for scanned in scans:
        reading.pages += 1
        found = codes_on(scanned.image)
        if not found:
            if is_blank(scanned.image):
                reading.blank_pages += 1
            else:
                reading.unmatched.append(Unmatched(scanned.source, _(NOT_A_FORM), scanned.image))
            continue
        code, corners = found[0]
        if code.blank_copy == 0 and code.pages == 1:  # photocopies of a one-page form: each its own
            code = dataclasses.replace(code, who=f"#0.{reading.pages}")
        cells = own.get(code.who, layout)
        why = _refusal(code, workshop, form, [layout_hash(page) for page in cells], code.who in own)
        page = None if why else straighten(scanned, code, corners)
        if why is None and page is None:
            why = _(NO_MARKS)
        elif why is None and code.page in reading.pages_seen.get(code.who, set()):
            why = _(TWICE)
        if why or page is None:
            reading.unmatched.append(Unmatched(scanned.source, why or "", scanned.image,
                                               code.who if why == _(OWN_LAYOUT) else ""))
            continue
        _read_page(reading, FoundPage(scanned, code, page), cells[code.page - 1])
    return reading


def read_again(reading: ScanReading, workshop: str, form: str, layout: Sequence[Sequence[Cell]],
               own: Mapping[str, Sequence[Sequence[Cell]]]) -> None:
    """The pages of participants' copies laid out differently from the blank form, read again
    with each one's `own` layout."""
    again = [page for page in reading.unmatched if page.who in own]
    reading.unmatched = [page for page in reading.unmatched if page.who not in own]
    reading.pages -= len(again)
    read_marks([Scanned(page.source, page.image) for page in again], workshop, form, layout, own, reading)


def _refusal(code: ScanCode, workshop: str, form: str, hashes: list[str], own: bool) -> str | None:
    if code.workshop != workshop:
        return _(OTHER_WORKSHOP).format(workshop=code.workshop)
    if code.form != form:
        return _(OTHER_FORM)
    if code.pages != len(hashes) or code.layout != hashes[code.page - 1]:
        # a participant's copy may be laid out otherwise: it is laid out again for them
        return _(OWN_LAYOUT) if code.blank_copy is None and not own and code.pages == len(hashes) \
            else _(OTHER_LAYOUT)
    if code.blank_copy == 0 and code.pages > 1:
        return _(UNNUMBERED)
    return None


def _read_page(reading: ScanReading, found: FoundPage, cells: Sequence[Cell]) -> None:
    who = found.code.who
    reading.pages_seen.setdefault(who, set()).add(found.code.page)
    ratings = reading.ratings.setdefault(who, dict.fromkeys(reading.items))
    measured = {cell.key: _ink(found.page, cell) for cell in cells}
    masses = np.array([mass for mass, _peak in measured.values()])
    # most boxes of a page are empty: they say what an empty box looks like on this scan
    blank = float(np.median(masses))
    spread = max(MIN_SPREAD, 1.4826 * float(np.median(np.abs(masses - blank))))
    black = _print_black(found.page, cells)
    by_item: dict[str, dict[int, str]] = {}
    for key, (mass, peak) in measured.items():
        item, level = key.split(":")
        above = (mass - blank) / spread
        verdict = "empty" if above < EMPTY_NOISE else \
            "filled" if above >= FILLED_NOISE and peak >= PEN_SHARE * black else "unclear"
        by_item.setdefault(item, {})[int(level)] = verdict
    for item, levels in by_item.items():
        filled = [level for level, verdict in levels.items() if verdict == "filled"]
        unclear = [level for level, verdict in levels.items() if verdict == "unclear"]
        if len(filled) == 1 and not unclear:
            ratings[item] = filled[0]
            reading.marks += 1
        elif filled or unclear:
            reading.unclear.append(Unclear(who, found.code.page, item,
                                           _(TWO_MARKS) if len(filled) > 1 else _(FAINT),
                                           found.scanned.source, _row(found.page, cells, item)))


def _ink(page: np.ndarray, cell: Cell) -> tuple[float, float]:
    """How much ink is around the printed box, inside the cell's border and the box's outline
    left out (the mean darkness: 0 for white paper, 1 for solid black), and how dark its
    darkest strokes are. Only REACH_MM around the box counts: a mark drawn for the row above
    or below that strays over the line stays out. The outline is found where it printed, a
    little off where the scan stretched the page unevenly."""
    bx, by, bw, bh = cell.box
    cx, cy, cw, ch = cell.cell
    left, top = max(cx + INSET_MM, bx - REACH_MM), max(cy + INSET_MM, by - REACH_MM)
    right = min(cx + cw - INSET_MM, bx + bw + REACH_MM)
    bottom = min(cy + ch - INSET_MM, by + bh + REACH_MM)
    x, y = round(left * PX_MM), round(top * PX_MM)
    region = (255.0 - page[y:round(bottom * PX_MM), x:round(right * PX_MM)].astype(np.float32)) / 255.0
    dx, dy = _outline_offset(page, bx * PX_MM, by * PX_MM, bw * PX_MM, bh * PX_MM)
    keep = np.ones(region.shape, dtype=bool)
    band = BOX_BAND_MM
    bx, by = bx + dx / PX_MM, by + dy / PX_MM
    keep[_slice(bx - band, by - band, bw + 2 * band, bh + 2 * band, x, y, keep.shape)] = False
    keep[_slice(bx + band, by + band, bw - 2 * band, bh - 2 * band, x, y, keep.shape)] = True
    darkness = region[keep]
    if not darkness.size:
        return 0.0, 0.0
    return float(darkness.mean()), float(np.percentile(darkness, 99))


def _outline_offset(page: np.ndarray, x: float, y: float, w: float, h: float) -> tuple[int, int]:
    """How far (pixels) the box's outline lies on the page from where the layout puts it
    (x, y, w, h in pixels), within SHIFT_MM."""
    reach = round(SHIFT_MM * PX_MM)
    line = max(2, round(0.35 * PX_MM))
    outline = np.zeros((round(h) + 2 * line, round(w) + 2 * line), np.float32)
    cv2.rectangle(outline, (line, line), (line + round(w) - 1, line + round(h) - 1), 1.0, line)
    x0, y0 = round(x) - line - reach, round(y) - line - reach
    if x0 < 0 or y0 < 0:
        return 0, 0
    window = (255.0 - page[y0:y0 + outline.shape[0] + 2 * reach,
                           x0:x0 + outline.shape[1] + 2 * reach].astype(np.float32)) / 255.0
    if window.shape[0] < outline.shape[0] + 2 * reach or window.shape[1] < outline.shape[1] + 2 * reach:
        return 0, 0
    scores = cv2.matchTemplate(window, outline, cv2.TM_CCORR)
    best_y, best_x = np.unravel_index(int(np.argmax(scores)), scores.shape)
    return int(best_x) - reach, int(best_y) - reach


def _print_black(page: np.ndarray, cells: Sequence[Cell]) -> float:
    """How dark the printer's black came out on this scan: the darkest of the boxes' outlines."""
    tops = []
    for cell in cells[:40]:
        x, y, w, h = (round(v * PX_MM) for v in cell.box)
        edge = page[y - 2:y + 3, x:x + w].astype(np.float32)  # the box's top line
        if edge.size:
            tops.append(float((255.0 - edge.min()) / 255.0))
    return float(np.median(tops)) if tops else 1.0


def _slice(x: float, y: float, w: float, h: float, left: int, top: int, shape: tuple[int, ...]
           ) -> tuple[slice, slice]:
    rows = slice(max(0, round(y * PX_MM) - top), min(shape[0], round((y + h) * PX_MM) - top))
    columns = slice(max(0, round(x * PX_MM) - left), min(shape[1], round((x + w) * PX_MM) - left))
    return rows, columns


def _row(page: np.ndarray, cells: Sequence[Cell], item: str) -> np.ndarray:
    """The item's row across the page's width, as the facilitator reads it on the form."""
    own = [c for c in cells if c.key.split(":")[0] == item]
    top = min(c.cell[1] for c in own) - 1.5
    bottom = max(c.cell[1] + c.cell[3] for c in own) + 1.5
    _top, right, _bottom, left = MARGINS_MM["portrait"]
    return page[round(top * PX_MM):round(bottom * PX_MM),
                round((left - 2) * PX_MM):round((SIZE_MM["portrait"][0] - right + 2) * PX_MM)].copy()


def answers_csv(form: model.SelfAssessment, reading: ScanReading, round_number: int,
                people: Sequence[Participant] = ()) -> bytes:
    """answers.csv in the shape results-template writes: a row per copy read (in the roster's
    order when there is one, blank copies by number), its ratings, the remarks left to type."""
    names = {p.code: p.full_name for p in people}
    order = {p.code: n for n, p in enumerate(people)}

    def place(who: str) -> tuple[int, int, str]:
        copy = blank_copy(who)
        return (order.get(who, len(order)), int(copy.split(".")[-1]) if copy else 0, who)

    rows = [template_rows(form, [], round_number)[0]]
    for who in sorted(reading.ratings, key=place):
        copy = blank_copy(who)
        row = ["", _("blank copy {number}").format(number=copy)] if copy else [who, names.get(who, "")]
        row.append(str(round_number))
        for item in items_of(form):
            value = reading.ratings[who].get(item.key)
            row += ["" if value is None else str(value), ""]
        rows.append(row)
    return sheet_bytes(rows)
