"""The rows of a sheet a person filled in (a roster, typed-in responses): CSV or Excel, as text."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from .errors import DataFileError

EXCEL = (".xlsx", ".xlsm")
MAX_BYTES = 20 * 1024 * 1024  # a roster of 5 000 or their answers to 100 items take a few MB
MAX_UNPACKED = 200 * 1024 * 1024  # what an Excel file's parts may unpack to


def read_rows(path: Path, noun: str, error: type[DataFileError], limit: int | None = None
              ) -> list[list[str]]:
    """Every row as a list of cell texts; `limit` stops reading an Excel sheet early, so a
    caller refusing more rows than that need not hold a million of them."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error([f"{source}:1: the {noun} is {size} bytes; the limit is {MAX_BYTES} bytes"])
        raw = path.read_bytes()
    except OSError as exc:
        raise error([f"{source}:1: cannot read the {noun}: {exc.strerror}"])
    if path.suffix.lower() in EXCEL:
        return _excel_rows(raw, source, error, limit)
    return _csv_rows(raw, source, noun, error)


def _csv_rows(raw: bytes, source: str, noun: str, error: type[DataFileError]) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error([f"{source}:{line}: the {noun} is not UTF-8 text (save it as CSV UTF-8)"])
    try:  # Excel in some locales saves CSV with ';' or tabs
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _excel_rows(raw: bytes, source: str, error: type[DataFileError], limit: int | None
                ) -> list[list[str]]:
    import openpyxl  # only a sheet in Excel needs it

    try:  # the sizes its parts declare bound what reading them yields
        unpacked = sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise error([f"{source}:1: cannot read the Excel file ({type(exc).__name__})"])
    if unpacked > MAX_UNPACKED:
        raise error([f"{source}:1: the Excel file unpacks to {unpacked} bytes (a zip bomb?); "
                     f"the limit is {MAX_UNPACKED} bytes"])
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise error([f"{source}:1: cannot read the Excel file ({type(exc).__name__})"])
    rows = []
    for values in book.worksheets[0].iter_rows(values_only=True):
        rows.append(["" if v is None else _cell_text(v) for v in values])
        if limit is not None and len(rows) > limit:
            break
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as 1024 comes back as 1024.0
    return str(value)
