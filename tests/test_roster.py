"""Rosters from CSV and Excel: headers in Thai or English, located errors, stable codes."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workshopkit.definition.fields import PARTICIPANT_FIELDS
from workshopkit.people.roster import HEADERS, RosterError, read_roster, split_name

THAI = ("ชื่อ,นามสกุล,ตำบล,อำเภอ,จังหวัด,กลุ่ม\n"
        "สมชาย,ใจดี,บ้านต๋อม,เมืองพะเยา,พะเยา,1\n"
        "มาลี,ศรีสวัสดิ์,ห้วยลาน,ดอกคำใต้,พะเยา,2\n")


def csv_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    return path


def errors(path: Path) -> list[str]:
    with pytest.raises(RosterError) as info:
        read_roster(path)
    return [line.replace(str(path), "roster.csv") for line in info.value.lines()]


def test_thai_headers_and_a_byte_order_mark(tmp_path):
    roster = read_roster(csv_file(tmp_path, THAI, "utf-8-sig"))
    first = roster.participants[0]
    assert (first.name, first.surname, first.area, first.district, first.province, first.group) == (
        "สมชาย", "ใจดี", "บ้านต๋อม", "เมืองพะเยา", "พะเยา", "1")
    assert [p.number for p in roster.participants] == [1, 2]
    assert roster.warnings == []


def test_english_headers_ignore_case_and_spacing(tmp_path):
    text = "First Name, SURNAME ,Area,district,Province,Code\nAnan,Dee,Ban Tom,Mueang,Phayao,A-17\n"
    (person,) = read_roster(csv_file(tmp_path, text)).participants
    assert (person.name, person.surname, person.area, person.code) == ("Anan", "Dee", "Ban Tom", "A-17")


def test_generated_codes_are_short_stable_and_independent_of_order(tmp_path):
    first = {p.name: p.code for p in read_roster(csv_file(tmp_path, THAI)).participants}
    lines = THAI.splitlines()
    reordered = "\n".join([lines[0], lines[2], lines[1], "ใหม่,คนหนึ่ง,,,,"]) + "\n"
    second = {p.name: p.code for p in read_roster(csv_file(tmp_path, reordered)).participants}
    assert first["สมชาย"] == second["สมชาย"] and first["มาลี"] == second["มาลี"]
    assert all(len(code) == 5 and code.isalnum() and not set(code) & set("0O1IL5S2Z8B")
               for code in second.values())


def test_bad_rows_are_all_reported_with_their_row(tmp_path):
    text = "ชื่อ,นามสกุล,รหัส\nสมชาย,ใจดี,A1\n,ไม่มีชื่อ,A2\nมาลี,ศรีสวัสดิ์,A1\n\nบุญมี,รักถิ่น,A3\n"
    assert errors(csv_file(tmp_path, text)) == [
        "roster.csv:3:1: the name is empty",
        "roster.csv:4:3: duplicate code 'A1' (also row 2)",
    ]


def test_unknown_columns_warn_and_a_number_column_is_expected(tmp_path):
    roster = read_roster(csv_file(tmp_path, "ลำดับ,ชื่อ,อาชีพ\n1,สมชาย,เกษตรกร\n"))
    assert roster.warnings == [f"{tmp_path / 'roster.csv'}:1:3: warning: unknown column 'อาชีพ' is ignored"]
    assert roster.participants[0].name == "สมชาย"


def test_a_roster_without_a_name_column_or_not_in_utf8(tmp_path):
    assert errors(csv_file(tmp_path, "surname\nDee\n")) == [
        "roster.csv:1:1: the roster has no name column (ชื่อ, ชื่อ-นามสกุล or name)"]
    assert errors(csv_file(tmp_path, THAI, "cp874")) == [
        "roster.csv:1:1: the roster is not UTF-8 text (save it as CSV UTF-8)"]


def test_excel_rosters(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ชื่อ", "นามสกุล", "จังหวัด", "รหัส"])
    sheet.append(["สมชาย", "ใจดี", "พะเยา", 1024])
    sheet.append([None, None, None, None])
    sheet.append(["มาลี", "ศรีสวัสดิ์", "พะเยา", 1025])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    people = read_roster(path).participants
    assert [(p.name, p.province, p.code) for p in people] == [("สมชาย", "พะเยา", "1024"),
                                                              ("มาลี", "พะเยา", "1025")]


def test_stray_spaces_and_control_characters_are_cleaned(tmp_path):
    (person,) = read_roster(csv_file(tmp_path, "ชื่อ,นามสกุล\n  สม\u0007ชาย ,  ใจ  ดี\n")).participants
    assert (person.name, person.surname) == ("สมชาย", "ใจ ดี")


def test_a_roster_over_the_size_limit_is_refused_unread(tmp_path):
    from workshopkit.people.sheets import MAX_BYTES
    path = tmp_path / "roster.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing need be read
    with pytest.raises(RosterError) as info:
        read_roster(path)
    assert info.value.lines() == [f"{path}:1:1: the roster is {MAX_BYTES + 1} bytes; the limit is "
                                  f"{MAX_BYTES} bytes"]


def test_an_excel_zip_bomb_is_refused_before_it_unpacks(tmp_path):
    import zipfile

    from workshopkit.people.sheets import MAX_UNPACKED
    path = tmp_path / "roster.xlsx"
    zeros = bytes(16 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book, \
            book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
        for _ in range(MAX_UNPACKED // len(zeros) + 1):
            part.write(zeros)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(RosterError) as info:
        read_roster(path)
    unpacked = (MAX_UNPACKED // len(zeros) + 1) * len(zeros)
    assert info.value.lines() == [f"{path}:1:1: the Excel file unpacks to {unpacked} bytes (a zip "
                                  f"bomb?); the limit is {MAX_UNPACKED} bytes"]


def test_the_columns_people_use_prefix_village_telephone_and_email(tmp_path):
    roster = read_roster(csv_file(tmp_path, "ลำดับ,คำนำหน้า,ชื่อ,นามสกุล,หมู่ที่,ตำบล,เบอร์โทร,อีเมล\n"
                                            "4,ว่าที่ร้อยตรีหญิง,มาลี,ศรีสวัสดิ์,11,ห้วยลาน,062-111-2233,malee@example.org\n"
                                            "5,Mr.,John,Smith,,,,\n"))
    malee, john = roster.participants
    assert (malee.prefix, malee.village, malee.phone, malee.email, malee.listed) == (
        "ว่าที่ร้อยตรีหญิง", "11", "062-111-2233", "malee@example.org", 4)
    assert malee.titled_name == "ว่าที่ร้อยตรีหญิงมาลี ศรีสวัสดิ์" and malee.full_name == "มาลี ศรีสวัสดิ์"
    assert john.titled_name == "Mr. John Smith"
    assert roster.warnings == [] and {"prefix", "village", "phone", "email"} <= roster.columns


@pytest.mark.parametrize(("whole", "split"), [
    ("นางสาวสมศรี ใจดี", ("นางสาว", "สมศรี", "ใจดี")),
    ("นางสมศรี ใจดี", ("นาง", "สมศรี", "ใจดี")),
    ("ว่าที่ร้อยตรีหญิงมาลัย ศรีสวัสดิ์", ("ว่าที่ร้อยตรีหญิง", "มาลัย", "ศรีสวัสดิ์")),
    ("ว่าที่ ร.ต.หญิงมาลัย ศรีสวัสดิ์", ("ว่าที่ ร.ต.หญิง", "มาลัย", "ศรีสวัสดิ์")),
    ("อสม.ประเสริฐ ทองดี", ("", "อสม.ประเสริฐ", "ทองดี")),
    ("Mrs. Jane van Dijk", ("Mrs.", "Jane", "van Dijk")),
    ("Mrsabc Dee", ("", "Mrsabc", "Dee")),
    ("บุญมี", ("", "บุญมี", "")),
])
def test_a_single_name_column_is_split_after_a_known_prefix(whole, split):
    assert split_name(whole) == split


def test_a_roster_with_one_name_column(tmp_path):
    roster = read_roster(csv_file(tmp_path, "ที่,ชื่อ-นามสกุล,ตำบล\n1,นายสมชาย ใจดี,บ้านต๋อม\n2,มาลี,ห้วยลาน\n"))
    somchai, malee = roster.participants
    assert (somchai.prefix, somchai.name, somchai.surname, somchai.area) == ("นาย", "สมชาย", "ใจดี", "บ้านต๋อม")
    assert (malee.name, malee.surname) == ("มาลี", "")  # kept whole where it cannot be split
    english = read_roster(csv_file(tmp_path, "Full name,Village\nMs. Jane Doe,3\n"))
    assert english.participants[0].titled_name == "Ms. Jane Doe" and english.participants[0].village == "3"
    # the code comes from the name and place, as with separate columns: it does not change
    separate = read_roster(csv_file(tmp_path, "คำนำหน้า,ชื่อ,นามสกุล,ตำบล\nนาย,สมชาย,ใจดี,บ้านต๋อม\n"))
    assert separate.participants[0].code == somchai.code


def test_every_field_a_definition_may_name_is_read_from_a_column_of_its_own(tmp_path):
    """{village}, {code}, ... in a personal link or sheet: each is filled from the column whose
    first header names it, and a column for each field is read into that field alone."""
    assert set(HEADERS) == set(PARTICIPANT_FIELDS)
    headers = ",".join(HEADERS[field][0] for field in PARTICIPANT_FIELDS)
    values = ["นาง", "มาลี", "ศรีสวัสดิ์", "3", "ห้วยลาน", "ดอกคำใต้", "พะเยา", "2", "P-07", "0812345678",
              "malee@example.org"]
    (person,) = read_roster(csv_file(tmp_path, f"{headers}\n{','.join(values)}\n")).participants
    read = {field: person.value(field) for field in PARTICIPANT_FIELDS}
    assert read == dict(zip(PARTICIPANT_FIELDS, values, strict=True))

