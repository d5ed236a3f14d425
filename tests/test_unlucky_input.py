"""Bad and unlucky input, round two: every case a located message with its exit status, no
traceback, nothing half-written, nothing read from outside the definition's folder."""
from __future__ import annotations

import csv
import errno
import io
import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import MINIMAL, REFERENCE, ROOT, eventually, fold, pdftotext

from workshopkit import app, output
from workshopkit.definition.read import read_workshop
from workshopkit.errors import OutputError
from workshopkit.people.results import read_responses
from workshopkit.people.roster import read_roster
from workshopkit.people.sheets import read_rows

PREFILLED = ROOT / "examples" / "prefilled-surveys.yaml"


def cli(*args: object, cwd: Path | None = None, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshopkit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, **options)


def refused(result: subprocess.CompletedProcess, *lines: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == list(lines)


def definition(folder: Path, extra: str = "", name: str = "w.yaml") -> Path:
    path = folder / name
    path.write_text(MINIMAL + extra, encoding="utf-8")
    return path


# 1. include: and extends: read only inside the definition's folder ---------------------------

@pytest.mark.parametrize("target", ["/etc/hostname", "/etc/no-such-file.yaml", "../outside.yaml"])
def test_include_outside_the_folder_is_refused_with_one_message_whatever_is_there(tmp_path, target):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text("checklists: [{id: c, title: secret, items: [x]}]\n")
    path = definition(folder, f"include: ['{target}']\n")
    refused(cli("validate", path), f"{path}:14:11: include[0]: '{target}' is outside the definition's "
                                   f"folder; only files inside it are read")


def test_a_link_out_of_the_folder_is_refused_like_the_file_it_points_at(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "secret.yaml").write_text("title: x\n")
    (folder / "base.yaml").symlink_to(tmp_path / "secret.yaml")
    path = definition(folder, "extends: base.yaml\n")
    refused(cli("validate", path), f"{path}:14:10: extends: 'base.yaml' is outside the definition's "
                                   f"folder; only files inside it are read")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "part.yaml"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024 ** 3)  # sparse: 4 GB that take no disk
    path = definition(tmp_path, "include: [part.yaml]\n")
    start = time.monotonic()
    refused(cli("validate", path), f"{huge}:1:1: file is {4 * 1024 ** 3} bytes; the limit is 2097152 bytes")
    assert time.monotonic() - start < 10


# 2 and 5. spreadsheets as people save them -------------------------------------------------

def _xlsx(path: Path, rows: list[list[object]], patch=None) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if patch is None:
        path.write_bytes(buffer.getvalue())
        return path
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = patch(data)
            target.writestr(item, data)
    return path


def test_a_sheet_declaring_a_million_rows_and_16384_columns_reads_small_and_fast(tmp_path):
    roster = _xlsx(tmp_path / "r.xlsx", [["ชื่อ", "นามสกุล"], ["สมชาย", "ใจดี"], ["มาลี", "ศรีสุข"]],
                   lambda xml: re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:XFD1048576"/>', xml))
    assert b"XFD1048576" in zipfile.ZipFile(roster).read("xl/worksheets/sheet1.xml")
    # VmHWM, the peak of this process's own memory: ru_maxrss would carry the test runner's over
    probe = (f"import re, time; from pathlib import Path; from workshopkit.people.roster import read_roster; "
             f"t = time.monotonic(); r = read_roster(Path({str(roster)!r})); "
             f"peak = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1]; "
             f"print(len(r.participants), time.monotonic() - t, int(peak) // 1024)")
    people, seconds, mib = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                          check=True).stdout.split()
    assert people == "2" and float(seconds) < 1.0 and int(mib) < 200


def test_old_mac_line_endings_read_like_any_other(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("ชื่อ,นามสกุล\rสมชาย,ใจดี\rมาลี,ศรีสุข\r".encode())
    assert [p.full_name for p in read_roster(path).participants] == ["สมชาย ใจดี", "มาลี ศรีสุข"]


def test_a_cell_over_the_csv_field_limit_is_a_located_error(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("ชื่อ,หมายเหตุ\nสมชาย,\"" + "ก" * 140_000 + "\"\n", encoding="utf-8")
    refused(cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out"),
            f"{roster}:2:1: a cell is longer than 131072 characters")
    assert not (tmp_path / "out").exists()


def test_a_truncated_sheet_is_a_located_error(tmp_path):
    roster = _xlsx(tmp_path / "r.xlsx", [["ชื่อ"], ["สมชาย"], ["มาลี"]], lambda xml: xml[: len(xml) // 2])
    result = cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.fullmatch(rf"{re.escape(str(roster))}:1:1: cannot read the Excel file: its first sheet is "
                        rf"damaged \(\w+\)\n", result.stderr), result.stderr


def test_formulas_never_calculated_are_named_at_their_cell(tmp_path):
    roster = _xlsx(tmp_path / "r.xlsx", [["ชื่อ", "นามสกุล"], ["สมชาย", "ใจดี"], ["=A2", "ใจดี"]])
    refused(cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out"),
            f"{roster}:3:1: a formula without a saved value (the file was never opened and saved in "
            f"Excel or LibreOffice); open it, save it, or type the value")


def test_a_workbook_with_only_a_chart_sheet_is_a_clear_error(tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.create_chartsheet("chart")
    roster = tmp_path / "r.xlsx"
    book.save(roster)
    refused(cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out"),
            f"{roster}:1:1: the workbook has no sheet of cells (a chart sheet only?); put the table on "
            f"the first sheet")


def test_merged_cells_give_their_value_to_every_row_they_cover(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["ชื่อ", "จังหวัด"], ["สมชาย", "พะเยา"], ["มาลี", None], ["บุญมี", None]]:
        sheet.append(row)
    sheet.merge_cells("B2:B4")
    roster = tmp_path / "r.xlsx"
    book.save(roster)
    assert [p.province for p in read_roster(roster).participants] == ["พะเยา"] * 3


def test_a_header_typed_with_nikhahit_and_sara_aa_is_understood(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("ค\u0e4d\u0e32นําหน้า,ชื่อ\nนาง,มาลี\n", encoding="utf-8")
    roster = read_roster(path)
    assert roster.warnings == [] and roster.participants[0].prefix == "นาง"


def test_a_roster_with_only_its_header_is_refused(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("ชื่อ,นามสกุล\n\n", encoding="utf-8")
    refused(cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out"),
            f"{roster}:2:1: the roster has no participants under its header")


# 3. two builds into one folder -----------------------------------------------------------------

def test_a_second_build_into_a_locked_folder_is_told_and_touches_nothing(tmp_path):
    path = definition(tmp_path)
    with output.pack_folder(tmp_path / "out", "w") as folder:
        leftover = folder / ".agenda.pdf.abc.tmp"  # the first build's file being written
        leftover.write_bytes(b"half")
        refused(cli("build", path, "-o", tmp_path / "out"),
                f"{folder} is in use by another build; try again when it has finished")
        assert leftover.exists()
    assert cli("build", path, "-o", tmp_path / "out").returncode == 0
    assert not leftover.exists()  # its build is gone: the next one sweeps it


# 4. read and write failures --------------------------------------------------------------------

def test_writing_into_a_path_that_cannot_be_a_folder(tmp_path):
    path = definition(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    refused(cli("schema", "-o", tmp_path / "missing" / "dir" / "x.json"),
            f"cannot write {tmp_path / 'missing' / 'dir' / 'x.json'}: No such file or directory")
    refused(cli("build", path, "-o", blocker / "out"),
            f"cannot create {blocker / 'out' / 'w'}: Not a directory")
    refused(cli("results-template", REFERENCE, "-o", blocker / "a.csv"),
            f"cannot create {blocker}: it is a file, not a folder")
    refused(cli("new", "mine", "-o", blocker / "new"), f"cannot create {blocker / 'new'}: Not a directory")


def _small_files(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_while_writing_leaves_the_last_pack_and_its_manifest_agreeing(tmp_path, monkeypatch):
    path = definition(tmp_path)
    out = tmp_path / "out"
    app.build(path, out, ("pdf",))
    before = {p.name: p.read_bytes() for p in (out / "w").iterdir()}
    real = output._temporary
    written: list[Path] = []

    def full_after_three(target: Path, data: bytes, mode: int | None = None) -> Path:
        if len(written) == 3:  # the disk fills up at the fourth file
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        written.append(target)
        return real(target, data, mode)

    monkeypatch.setattr(output, "_temporary", full_after_three)
    with pytest.raises(OutputError) as error:
        app.build(path, out)
    assert re.fullmatch(rf"cannot write {re.escape(str(out / 'w'))}/[\w.-]+: No space left on device; "
                        rf"nothing was replaced", str(error.value))
    assert {p.name: p.read_bytes() for p in (out / "w").iterdir()} == before  # no .tmp left either


def test_a_full_disk_while_rendering_is_a_message(tmp_path):
    result = cli("build", definition(tmp_path), "-o", tmp_path / "out", preexec_fn=_small_files(60_000))
    refused(result, "rendering stopped: could not write a temporary file (File too large); is the disk full?")


def test_validate_fix_into_a_disk_that_cannot_take_it(tmp_path):
    path = definition(tmp_path, "facilitation_tips: [ผู้เข้าร่วมเเต่ละคน]\n")
    original = path.read_bytes()
    result = cli("validate", "--fix", path, preexec_fn=_small_files(10))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.fullmatch(rf"cannot write {re.escape(str(path))}\.bak: File too large\n", result.stderr)
    assert path.read_bytes() == original


@pytest.mark.parametrize("when", ["starting", "printing"])
def test_ctrl_c_during_a_build_is_one_line_and_status_130(tmp_path, when):
    """Stopped while the worker starts, or while the print run's own workers draw the sets
    (what they leave behind is the resource tracker's to remove, and to keep quiet about)."""
    roster = tmp_path / "r.csv"
    roster.write_text("ชื่อ,นามสกุล,จังหวัด\n" + "".join(f"คนที่{n},ใจดี,พะเยา\n" for n in range(80)),
                      encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "workshopkit", "build", str(PREFILLED), "--roster",
                                str(roster), "-o", str(tmp_path / "out")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    said = ""
    if when == "printing":  # the first sets are drawn: the print run's workers are running
        while "participants rendered" not in said and process.poll() is None:
            said += process.stderr.readline()
    else:
        time.sleep(1.0)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to the whole group
        time.sleep(0.5)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    lines = [line for line in (said + err).splitlines() if "participants rendered" not in line]
    assert lines == ["workshopkit: stopped (Ctrl+C); nothing was written"]
    assert not (tmp_path / "out" / "prefilled-surveys-example" / "manifest.json").exists()


# 6. no formula injection in what we write --------------------------------------------------------

def test_names_that_excel_would_run_are_written_quoted_and_read_back_plain(tmp_path):
    names = ['=HYPERLINK("http://x","y")', "+cmd|'/c calc'!A1", "-2+3", "@SUM(1)"]
    roster = tmp_path / "r.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["ชื่อ", "รหัส"], *([name, f"C{n}"] for n, name in enumerate(names))])
    sheet = tmp_path / "answers.csv"
    assert cli("results-template", REFERENCE, "--roster", roster, "-o", sheet).returncode == 0
    written = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert [row[1] for row in written[1:]] == ["'" + name for name in names]
    assert [row[1] for row in read_rows(sheet, "responses file", ValueError)[1:]] == names  # type: ignore[arg-type]


# 7. results pair the right people ---------------------------------------------------------------

FORM = read_workshop(REFERENCE).self_assessment
ITEM = f"1.1 {FORM.roles[0].items[0]}"
OTHER = f"1.2 {FORM.roles[0].items[1]}"


def _answers(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_rounds_without_codes_are_not_compared_by_row(tmp_path):
    first = _answers(tmp_path / "r1.csv", ["ชื่อ", ITEM], [["ก", "2"], ["ข", "3"]])
    second = _answers(tmp_path / "r2.csv", ["ชื่อ", ITEM], [["ข", "3"], ["ก", "2"]])
    message = ("rounds are compared participant by participant, by code, and this file has no "
               "รหัส/code column; add it (results-template writes one) or report one round at a time")
    refused(cli("results", REFERENCE, first, second, "-o", tmp_path / "out"),
            f"{first}:1:1: {message}", f"{second}:1:1: {message}")


def test_codes_match_whatever_their_case_width_and_spaces(tmp_path):
    first = _answers(tmp_path / "r1.csv", ["รหัส", ITEM], [["P01", "2"], ["P02", "3"]])
    second = _answers(tmp_path / "r2.csv", ["รหัส", ITEM], [[" p02 ", "4"], ["Ｐ０１", "3"]])
    result = cli("results", REFERENCE, first, second, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = fold(pdftotext(tmp_path / "out" / "community-service-unit-2day" / "results.pdf"))
    assert fold("ตอบทั้งสองรอบ: 2 คน; ตอบเพียงรอบเดียว: 0 คน") in text
    assert fold(f"{ITEM} 2.50 3.50 +1.00") in text


@pytest.mark.parametrize("value", ["3", " 3 ", "3.0", "๓", "3 - ดี"])
def test_a_whole_number_rating_reads_as_it_is_meant(tmp_path, value):
    path = _answers(tmp_path / "a.csv", ["รหัส", ITEM], [["P01", value]])
    assert read_responses([path], FORM).responses[0].ratings["1.1"] == 3


@pytest.mark.parametrize("value", ["2.9", "3,5", "2-3", "1e3", "4/5", "9" * 5000])
def test_a_rating_that_is_not_a_whole_number_is_refused_at_its_cell(tmp_path, value):
    path = _answers(tmp_path / "a.csv", ["รหัส", ITEM], [["P01", value]])
    shown = value if len(value) <= 20 else value[:20] + "…"
    refused(cli("results", REFERENCE, path, "-o", tmp_path / "out"),
            f"{path}:2:2: '{shown}' is not a rating from 1 to 4 (a whole number)")


def test_a_sub_item_given_two_columns_is_refused(tmp_path):
    path = _answers(tmp_path / "a.csv", ["รหัส", ITEM, OTHER, ITEM], [["P01", "1", "2", "3"]])
    refused(cli("results", REFERENCE, path, "-o", tmp_path / "out"),
            f"{path}:1:4: a second column for sub-item 1.1 (the first is column 2); keep one")


def test_three_rounds_say_which_rounds_are_compared(tmp_path):
    path = _answers(tmp_path / "a.csv", ["รหัส", "round", ITEM],
                    [["P01", "1", "1"], ["P01", "2", "2"], ["P01", "3", "4"]])
    assert cli("results", REFERENCE, path, "-o", tmp_path / "out").returncode == 0
    text = fold(pdftotext(tmp_path / "out" / "community-service-unit-2day" / "results.pdf"))
    assert fold("การเปลี่ยนแปลงเปรียบเทียบรอบที่ 1 (รอบแรก) กับรอบที่ 3 (รอบสุดท้าย)") in text
    assert fold(f"{ITEM} 1.00 4.00 +3.00") in text


# 8. QR codes that cannot be printed are refused at their line -----------------------------------

def test_a_media_link_too_long_for_a_qr_code_is_refused_at_its_line(tmp_path):
    url = "https://example.org/" + "a" * 4000
    path = definition(tmp_path)
    media = f"    media: [{{title: คลิป, url: '{url}'}}]\n"
    path.write_text(MINIMAL.replace("    steps: [ทักทาย]\n", "    steps: [ทักทาย]\n" + media), encoding="utf-8")
    refused(cli("validate", path), f"{path}:14:32: activities[0].media[0].url: the link is {len(url)} "
                                   f"characters, more than a QR code can hold; use a shorter link")


def test_a_prefilled_link_too_long_for_one_participant_names_the_roster_row(tmp_path):
    roster = tmp_path / "r.csv"
    long_name = "ก" * 190
    roster.write_text(f"ชื่อ,นามสกุล,จังหวัด,รหัส\nสมชาย,ใจดี,พะเยา,A1\n{long_name},{long_name},{long_name},A2\n",
                      encoding="utf-8")
    result = cli("build", PREFILLED, "--roster", roster, "-o", tmp_path / "out")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert re.fullmatch(rf"{re.escape(str(roster))}:3:1: the pre-filled link of survey '\w+' for "
                        rf"{long_name} {long_name}: the link is \d+ characters(.*); use a shorter link "
                        rf"\(shorter roster fields, or fewer pre-filled answers\)\n", result.stderr, re.S)
    assert not (tmp_path / "out").exists()


# 9. different definitions never share a folder --------------------------------------------------

def test_thai_file_names_without_an_id_get_folders_of_their_own(tmp_path):
    built = []
    for name in ("เวทีที่หนึ่ง.yaml", "เวทีที่สอง.yaml"):
        path = tmp_path / name
        path.write_text(MINIMAL, encoding="utf-8")
        assert cli("build", path, "-o", tmp_path / "out", "--format", "pdf").returncode == 0
        built.append(read_workshop(path).id)
    assert built[0] != built[1] and all(re.fullmatch(r"workshop-[0-9a-f]{8}", i) for i in built)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(built)


# 10. validate --fix changes the text only -------------------------------------------------------

def test_fix_keeps_the_mode_and_writes_through_a_link(tmp_path):
    real = definition(tmp_path, "facilitation_tips: [ผู้เข้าร่วมเเต่ละคน]\n", name="real.yaml")
    real.chmod(0o600)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    result = cli("validate", "--fix", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and "แต่ละ" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "real.yaml.bak").stat().st_mode & 0o777 == 0o600


# 11. watch -o . keeps watching ------------------------------------------------------------------

def test_watch_with_outputs_beside_the_definition_keeps_watching(tmp_path):
    path = definition(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "workshopkit", "watch", "w.yaml", "-o", "."],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        assert eventually(lambda: sum("built" in line for line in lines) >= 1, 60), lines
        time.sleep(1)
        path.write_text(MINIMAL.replace("เวทีทดสอบ", "เวทีทดสอบครั้งที่สอง"), encoding="utf-8")
        assert eventually(lambda: sum("built" in line for line in lines) >= 2, 60), lines
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


# 12. characters the bundled font lacks, from people ---------------------------------------------

def test_a_lao_name_in_a_roster_is_refused_at_its_row_and_column(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\nສົມໃຈ,ດີ\n", encoding="utf-8")
    refused(cli("build", definition(tmp_path), "--roster", roster, "-o", tmp_path / "out"),
            f"{roster}:3:1: the bundled font (Sarabun) cannot print 'ຈ' (U+0E88), 'ມ' (U+0EA1), "
            f"'ສ' (U+0EAA), 'ົ' (U+0EBB), 'ໃ' (U+0EC3) in name; write it in Thai or Latin letters",
            f"{roster}:3:2: the bundled font (Sarabun) cannot print 'ດ' (U+0E94), 'ີ' (U+0EB5) in "
            f"surname; write it in Thai or Latin letters")


def test_an_emoji_in_a_remark_is_left_out_with_a_warning(tmp_path):
    remark = "1.1 หมายเหตุ"
    path = _answers(tmp_path / "a.csv", ["รหัส", ITEM, remark], [["P01", "1", "ดีมากค่ะ 👍"]])
    result = cli("results", REFERENCE, path, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert f"{path}:2:3: warning: the bundled font (Sarabun) cannot print '👍' (U+1F44D); printed " \
           f"without it" in result.stderr.splitlines()
    assert "ดีมากค่ะ" in pdftotext(tmp_path / "out" / "community-service-unit-2day" / "results.pdf")
