"""A participant's own sheets: their details on the fields that ask for them, their code in
the corner, their pre-filled links in the QR codes; the rest shared, not copied."""
from __future__ import annotations

from helpers import REFERENCE, ROOT

from workshopkit.compose import tree as doc
from workshopkit.compose.pack import compose_all
from workshopkit.compose.personal import is_personal, personal_sets, personalize
from workshopkit.compose.plan import participant_documents
from workshopkit.definition.read import read_workshop
from workshopkit.people.roster import Participant
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)
SOMSRI = Participant(1, "สมศรี", "ใจดี", area="ตำบลหนองบัว", code="P001", prefix="นาง")
SOMCHAI = Participant(2, "สมชาย", "มั่นคง", code="P002")


def test_a_shared_sheet_is_the_same_document_in_every_set():
    sheets = participant_documents(compose_all(WORKSHOP))
    sets = personal_sets(WORKSHOP, Style(), sheets, [SOMSRI, SOMCHAI])
    assert len(sets) == 2 and all(len(s) == len(sheets) for s in sets)
    for index, sheet in enumerate(sheets):
        if is_personal(sheet, WORKSHOP):
            assert sets[0][index] != sets[1][index]
        else:
            assert sets[0][index] is sheet and sets[1][index] is sheet


def test_only_the_fields_that_ask_for_the_participant_are_filled():
    form = doc.Document("worksheet", "w", "ใบงาน", "participant", (doc.Fields((
        doc.Field("ชื่อ-นามสกุล", takes="full_name"), doc.Field("พื้นที่", takes="area"),
        doc.Field("ชื่อหมู่บ้าน"))),))
    own = personalize(form, SOMSRI, WORKSHOP, Style())
    (fields,) = own.blocks
    assert [f.value for f in fields.items] == ["สมศรี ใจดี", "ตำบลหนองบัว", ""]
    assert own.stamp == "สมศรี ใจดี  ·  รหัส P001"


def test_a_prefilled_survey_code_carries_the_personal_link_and_prints_the_short_one():
    workshop = read_workshop(ROOT / "examples" / "prefilled-surveys.yaml")
    survey = next(s for s in workshop.surveys if s.prefill)
    sheet = doc.Document("survey-sheet", "s", "แบบสอบถาม", "participant",
                         (doc.QRCard(survey.url, survey.title),))
    (card,) = personalize(sheet, SOMSRI, workshop, Style()).blocks
    assert card.shown == survey.url and card.url.startswith(survey.url) and "P001" in card.url
