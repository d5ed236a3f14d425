"""The rows of a sheet a person filled in (a roster, typed-in responses): CSV or Excel, as text.

Sheets arrive as people save them: CSV with old-Mac line endings, Excel files with merged
cells or formulas never calculated, a dimension that claims a million rows and 16 384
columns. Rows and columns are bounded before anything is padded, merged cells give their
value to every cell they cover, and whatever cannot be read is refused at `file:row:column`.
A cell the toolkit wrote with a leading `'` (so that Excel does not run it as a formula)
reads back without it.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from ..errors import DataFileError, at
from ..i18n import _

EXCEL = (".xlsx", ".xlsm")
MAX_BYTES = 20 * 1024 * 1024  # a roster of 5 000 or their answers to 100 items take a few MB
MAX_UNPACKED = 200 * 1024 * 1024  # what an Excel file's parts may unpack to
MAX_COLUMNS = 500  # a roster needs a dozen; responses a column per sub-item and its remark
MAX_SHEET_ROWS = 50_000  # rows read from any sheet (ten rounds of a 5 000-person roster)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel may run as a formula
_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")
_FORMULA = re.compile(rb"<f[\s>/]")
_MERGED = re.compile(rb'<mergeCell ref="([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)"')


def read_rows(path: Path, noun: str, error: type[DataFileError], limit: int | None = None
              ) -> list[list[str]]:
    """Every row as a list of cell texts; `limit` stops reading early, so a caller refusing
    more rows than that need not hold a million of them."""
    source = str(path)
    limit = min(limit or MAX_SHEET_ROWS, MAX_SHEET_ROWS)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error([at(source, 1, 1, _("the {noun} is {size} bytes; the limit is {limit} bytes").format(
                noun=_(noun), size=size, limit=MAX_BYTES))])
        raw = path.read_bytes()
    except OSError as exc:
        raise error([at(source, 1, 1, _("cannot read the {noun}: {reason}").format(noun=_(noun),
                                                                                  reason=exc.strerror))])
    if path.suffix.lower() in EXCEL:
        rows = _excel_rows(raw, source, error, limit)
    else:
        rows = _csv_rows(raw, source, noun, error, limit)
    for row in rows:  # the cells a spreadsheet pads every row with
        while row and not row[-1].strip():
            row.pop()
    return rows


def safe_cell(text: str) -> str:
    """A cell for a CSV the toolkit writes: one Excel would run as a formula gets a `'`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _unescaped(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _csv_rows(raw: bytes, source: str, noun: str, error: type[DataFileError], limit: int
              ) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error([at(source, line, 1, _("the {noun} is not UTF-8 text (save it as CSV UTF-8)").format(
            noun=_(noun)))])
    # "CSV (Macintosh)" ends lines with a carriage return alone
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:  # Excel in some locales saves CSV with ';' or tabs
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise error([at(source, reader.line_num, MAX_COLUMNS + 1, _(
                    "the row has {count} columns; the limit is {limit}").format(count=len(row),
                                                                                  limit=MAX_COLUMNS))])
            rows.append([_unescaped(cell) for cell in row])
            if len(rows) > limit:
                break
    except csv.Error as exc:
        limit_hit = "field larger than field limit" in str(exc)
        what = (_("a cell is longer than {limit} characters").format(limit=csv.field_size_limit())
                if limit_hit else _("the line cannot be read as CSV ({reason})").format(reason=exc))
        raise error([at(source, reader.line_num, 1, what)])
    return rows


def _excel_rows(raw: bytes, source: str, error: type[DataFileError], limit: int) -> list[list[str]]:
    import openpyxl  # only a sheet in Excel needs it

    def fail(message: str, row: int = 1, column: int = 1) -> DataFileError:
        return error([at(source, row, column, message)])

    try:  # the sizes its parts declare bound what reading them yields
        archive = zipfile.ZipFile(io.BytesIO(raw))
        unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise fail(_("cannot read the Excel file ({reason})").format(reason=type(exc).__name__))
    if unpacked > MAX_UNPACKED:
        raise fail(_("the Excel file unpacks to {size} bytes (a zip bomb?); the limit is {limit} "
                     "bytes").format(size=unpacked, limit=MAX_UNPACKED))
    no_cells = _("the workbook has no sheet of cells (a chart sheet only?); put the table on the "
                 "first sheet")
    if not any(name.startswith("xl/worksheets/") for name in archive.namelist()):
        raise fail(no_cells)  # openpyxl itself fails on a workbook of chart sheets
    try:
        values = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise fail(_("cannot read the Excel file ({reason})").format(reason=type(exc).__name__))
    if not values.worksheets:
        raise fail(no_cells)
    sheet = values.worksheets[0]
    try:
        xml = archive.read(sheet._worksheet_path)  # its size was bounded above
        rows = _bounded(sheet, limit)
        # the formulas as written, only where the sheet has any: a formula never calculated
        # has no value to read
        written = _bounded(openpyxl.load_workbook(io.BytesIO(raw), read_only=True).worksheets[0],
                           limit) if _FORMULA.search(xml) else []
    except Exception as exc:  # a damaged sheet part: truncated XML, a bad cell
        raise fail(_("cannot read the Excel file: its first sheet is damaged ({reason})").format(
            reason=type(exc).__name__))
    for r, row in enumerate(written):
        for c, formula in enumerate(row):
            if rows[r][c] is None and isinstance(formula, str) and formula.startswith("="):
                raise fail(_("a formula without a saved value (the file was never opened and saved "
                             "in Excel or LibreOffice); open it, save it, or type the value"),
                           r + 1, c + 1)
    for (top, left), (bottom, right) in _merged_ranges(xml):  # a merged cell's value fills all it covers
        if top <= len(rows) and left <= len(rows[top - 1]):
            value = rows[top - 1][left - 1]
            for r in range(top, min(bottom, len(rows)) + 1):
                for c in range(left, min(right, MAX_COLUMNS) + 1):
                    rows[r - 1][c - 1] = value
    return [["" if v is None else _cell_text(v) for v in row] for row in rows]


def _bounded(sheet, limit: int) -> list[list[object]]:
    """At most `limit` + 1 rows of at most MAX_COLUMNS cells, whatever the sheet's declared
    dimension (openpyxl pads every row to it: 16 384 columns took gigabytes)."""
    sheet.reset_dimensions()
    rows: list[list[object]] = []
    for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        rows.append(list(values))
        if len(rows) > limit:
            break
    return rows


def _merged_ranges(data: bytes) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Merged ranges as ((top, left), (bottom, right)); read-only openpyxl does not give them."""
    return [(_position(first), _position(last)) for first, last in
            (m.groups() for m in _MERGED.finditer(data))]


def _position(reference: bytes) -> tuple[int, int]:
    letters, digits = _CELL.match(reference.decode()).groups()  # type: ignore[union-attr]
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as 1024 comes back as 1024.0
    return _unescaped(str(value))
