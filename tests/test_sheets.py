"""Reading sheets (CSV and xlsx) as plain rows of text, bounded, every problem located."""
from __future__ import annotations

import pytest

from workshopkit.errors import RosterError
from workshopkit.people.sheets import read_rows, safe_cell


def test_a_csv_saved_by_excel_reads_without_its_bom_and_padding(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeffชื่อ,นามสกุล,,\r\nสมศรี,ใจดี,,\r\n".encode())
    assert read_rows(path, "roster", RosterError) == [["ชื่อ", "นามสกุล"], ["สมศรี", "ใจดี"]]


def test_a_csv_in_another_encoding_is_refused_at_its_line(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("ชื่อ\nสมศรี\n".encode("cp874"))
    with pytest.raises(RosterError) as caught:
        read_rows(path, "roster", RosterError)
    assert caught.value.lines() == [f"{path}:1:1: the roster is not UTF-8 text (save it as CSV UTF-8)"]


@pytest.mark.parametrize("text", ["=1+1", "+66 81", "-x", "@sum"])
def test_a_cell_excel_would_run_is_written_with_a_quote(text):
    assert safe_cell(text) == "'" + text and safe_cell("สมศรี") == "สมศรี"
