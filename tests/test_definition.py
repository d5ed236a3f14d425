"""The model and its located errors, and the reference workshop's content."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL, REFERENCE, write_definition

from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError


def problems(tmp_path: Path, text: str) -> list[str]:
    path = write_definition(tmp_path, text, "w.yaml")
    with pytest.raises(DefinitionError) as info:
        read_workshop(path)
    return [line.replace(str(path), "w.yaml") for line in info.value.lines()]


def test_reference_workshop_is_complete():
    w = read_workshop(REFERENCE)
    assert w.id == "community-service-unit-2day"
    assert [len(day.items) for day in w.agenda.days] == [8, 7]
    assert sum(1 for d in w.agenda.days for i in d.items if i.kind.value == "meal") == 2
    assert len(w.agenda.remarks) == 2
    assert len(w.activities) == 7
    assert [len(r.items) for r in w.self_assessment.roles] == [4, 4, 3, 3, 3, 5, 5]
    assert w.self_assessment.scale.levels == 4
    assert [f.label for f in w.self_assessment.fields] == ["ชื่อ", "นามสกุล", "พื้นที่/ตำบล", "อำเภอ", "จังหวัด"]
    assert [s.url for s in w.surveys] == ["https://forms.gle/47HgS36ntXoV3LUh6",
                                          "https://forms.gle/4zTiujHWyWVpWsa9",
                                          "https://forms.gle/ZjEvO55wLmhrrL7Y8"]
    videos = [m.url for media in w.activity("memories").media for m in media.items]
    assert len(videos) == 4 and all(v.startswith("https://youtu.be/") for v in videos)
    assert w.action_plan.goals.lines == 4
    assert [(r.label, len(r.rows)) for r in w.action_plan.rows] == [
        ("ด้านข้อมูลที่สำคัญสำหรับการทำงาน", 0), ("ด้านกลไกหน่วยบริการ", 2),
        ("ด้านบริหารจัดการหน่วยบริการ", 4), ("ด้านประสานการสนับสนุน", 0)]
    analysis = next(s for s in w.worksheets if s.id == "analysis")
    assert sum(1 for b in analysis.blocks if b.type == "table") == 5
    assert w.dates() == [None, None] and w.venue is None


def test_agenda_times_match_the_seed():
    w = read_workshop(REFERENCE)
    starts = [[s.start for s in day.slots()] for day in w.agenda.days]
    as_clock = [[f"{m // 60:02d}.{m % 60:02d}" for m in day] for day in starts]
    assert as_clock == [
        ["08.30", "09.00", "09.20", "10.30", "12.00", "13.00", "15.00", "16.00"],
        ["08.30", "09.00", "09.10", "12.00", "13.00", "15.00", "16.00"]]


def test_minimal_definition_takes_its_id_from_the_file_name(tmp_path):
    path = write_definition(tmp_path, MINIMAL, "Forum 2.yaml")
    assert read_workshop(path).id == "forum-2"


def test_every_problem_is_reported_at_once_with_its_position(tmp_path):
    text = MINIMAL.replace("title: เวทีทดสอบ", "titel: เวทีทดสอบ").replace(
        "minutes: 15}", "minutes: 15, activity: nope}").replace('"09:00"', "9")
    assert problems(tmp_path, text) == [
        "w.yaml:1:1: titel: unknown field 'titel'; did you mean 'title'?",  # and so no title
        'w.yaml:5:14: agenda.days[0].start: write clock times with their minutes, like 08.30 or "08:30"',
        "w.yaml:8:51: agenda.days[0].items[1].activity: unknown activity 'nope' (defined: intro)",
    ]


def test_fixed_time_disagreement_points_at_the_item(tmp_path):
    text = MINIMAL.replace("{title: ปิดเวที, minutes: 15}", '{title: ปิดเวที, minutes: 15, at: "09:40"}')
    assert problems(tmp_path, text) == [
        "w.yaml:8:45: agenda.days[0].items[1].at: fixed time 09:40 disagrees with the computed "
        "start 09:30 (from the day's start and the durations before it)"]


def test_duplicate_ids_and_unknown_block_types(tmp_path):
    text = MINIMAL + """\
  - id: intro
    title: ซ้ำ
    objectives: [x]
    steps: [y]
worksheets:
  - id: sheet
    title: ใบงาน
    blocks:
      - {type: tabel}
surveys:
  - {id: s1, title: แบบสำรวจ, url: "http://forms.gle/x"}
"""
    assert problems(tmp_path, text) == [
        "w.yaml:14:9: activities[1].id: duplicate activity id 'intro'",
        "w.yaml:22:9: worksheets[0].blocks[0]: unknown block type 'tabel'; did you mean 'table'?",
        "w.yaml:24:36: surveys[0].url: 'http://forms.gle/x' is not an https:// link",
    ]


def test_a_top_level_list_is_refused(tmp_path):
    assert problems(tmp_path, "- a\n- b\n") == [
        "w.yaml:1:1: a workshop definition is a mapping of fields, not a list"]


def test_self_assessment_levels_are_bounded(tmp_path):
    text = MINIMAL + """\
self_assessment:
  title: แบบประเมิน
  scale: {levels: 9}
  roles: [{title: บทบาท, items: [ข้อ]}]
"""
    assert problems(tmp_path, text) == [
        "w.yaml:16:19: self_assessment.scale.levels: must be at most 7"]


def test_a_character_the_bundled_font_cannot_print_is_an_error_at_its_place(tmp_path):
    text = MINIMAL.replace("steps: [ทักทาย]", "steps: [ทักทาย 🙂, ☐ ทำเครื่องหมาย]")
    assert problems(tmp_path, text) == [
        "w.yaml:13:13: activities[0].steps[0]: the bundled font (Sarabun) cannot print '🙂' (U+1F642)",
        "w.yaml:13:23: activities[0].steps[1]: the bundled font (Sarabun) cannot print '☐' (U+2610)",
    ]


def test_extends_reuses_a_definition_and_reports_problems_where_they_stand(tmp_path):
    base = write_definition(tmp_path, MINIMAL.replace("steps: [ทักทาย]", "steps: [ทักทาย]\n    minutes: 0"),
                            "base.yaml")
    child = write_definition(tmp_path, "extends: base.yaml\nid: child\nparticipants: -3\n", "child.yaml")
    with pytest.raises(DefinitionError) as info:
        read_workshop(child)
    assert info.value.lines() == [
        f"{base}:14:14: activities[0].minutes: must be at least 1",
        f"{child}:3:15: participants: must be at least 1",
    ]
    write_definition(tmp_path, MINIMAL, "base.yaml")
    write_definition(tmp_path, "extends: base.yaml\nid: child\ntitle: เวทีใหม่\n", "child.yaml")
    workshop = read_workshop(child)
    assert (workshop.id, workshop.title, workshop.activities[0].id) == ("child", "เวทีใหม่", "intro")


def test_include_adds_lists_and_a_missing_or_looping_file_is_located(tmp_path):
    write_definition(tmp_path, "activities:\n  - id: extra\n    title: เพิ่ม\n    objectives: [x]\n"
                               "    steps: [y]\n", "part.yaml")
    path = write_definition(tmp_path, MINIMAL + "include: [part.yaml]\n", "w.yaml")
    assert [a.id for a in read_workshop(path).activities] == ["intro", "extra"]
    path = write_definition(tmp_path, MINIMAL + "include: [nope.yaml]\n", "w.yaml")
    assert problems(tmp_path, MINIMAL + "include: [nope.yaml]\n") == [
        "w.yaml:14:11: include[0]: no file 'nope.yaml' beside w.yaml"]
    assert problems(tmp_path, MINIMAL + "extends: w.yaml\n") == [
        "w.yaml:14:10: extends: 'w.yaml' is already being read: a loop"]
