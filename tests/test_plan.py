"""The plan of a pack: which files it holds and what the print checklist counts, decided from
page counts before anything is drawn."""
from __future__ import annotations

from workshopkit.compose import tree as doc
from workshopkit.compose.plan import (
    PRINT_RUN,
    PrintJob,
    contents,
    duplex_count,
    longest_first,
    participant_documents,
    plan,
    print_jobs,
    without_front,
)
from workshopkit.wording.style import Style


def sheet(slug: str, audience: str = "participant", collected: bool = False) -> doc.Document:
    return doc.Document("worksheet", slug, slug.title(), audience, (), collected=collected)  # type: ignore[arg-type]


def test_a_collected_form_starts_on_a_front_side_and_ends_its_own_sheet():
    documents = [sheet("a"), sheet("form", collected=True), sheet("b")]
    # a: 1 page, a blank back, the form's 3 pages and a blank back, then b: 2 pages
    assert duplex_count(documents, {"a": 1, "form": 3, "b": 2}) == 1 + 1 + 3 + 1 + 2
    assert duplex_count(documents, {"a": 2, "form": 2, "b": 1}) == 5


def test_a_double_sided_job_takes_half_the_sheets_per_copy():
    assert PrintJob("p.pdf", "P", 30, 15, True).sheets == 8 * 30
    assert PrintJob("s.pdf", "S", 1, 3, False).sheets == 3


def test_print_jobs_count_the_facilitator_pack_with_its_front_matter():
    documents = [sheet("agenda", "facilitator"), sheet("a"), sheet("sign-in", "facilitator")]
    pages = {"agenda": 1, "a": 2, "sign-in": 3, "cover": 1, "print-checklist": 1}
    pack, facilitator, sign_in = print_jobs(Style(), "pdf", documents, pages, 25, None)
    assert (pack.path, pack.copies, pack.pages) == ("participant-pack.pdf", 25, 2)
    assert (facilitator.path, facilitator.pages) == ("facilitator-pack.pdf", 2 + 1 + 2 + 3)
    assert (sign_in.pages, sign_in.duplex) == (3, False)


def test_a_personal_print_run_replaces_the_participants_pack_in_copies():
    documents = [sheet("a"), sheet("sign-in", "facilitator")]
    pages = {"a": 2, "sign-in": 1, "cover": 1, "print-checklist": 1}
    run = print_jobs(Style(), "docx", documents, pages, 12, 48)[0]
    assert (run.path, run.copies, run.pages) == (PRINT_RUN, 1, 48)


def test_the_contents_give_each_document_the_page_it_starts_on_after_the_cover():
    documents = [sheet("print-checklist", "facilitator"), sheet("agenda", "facilitator"), sheet("a")]
    assert contents(documents, {"cover": 1, "print-checklist": 2, "agenda": 1, "a": 3}) == [
        ("Print-Checklist", 2), ("Agenda", 4), ("A", 5)]
    assert [page for _, page in contents(documents, {})] == [None, None, None]


def test_every_document_stands_alone_and_in_its_audiences_pack():
    documents = [sheet("agenda", "facilitator"), sheet("a"), sheet("b", collected=True)]
    checklist, cover = sheet("print-checklist", "facilitator"), sheet("cover", "facilitator")
    bundles = {b.stem: b for b in plan(Style(), documents, 30, checklist, cover)}
    assert list(bundles) == ["print-checklist", "agenda", "a", "b", "participant-pack", "facilitator-pack"]
    assert bundles["a"].copies == 30 and bundles["agenda"].copies == 1
    assert bundles["participant-pack"].documents == participant_documents(documents)
    assert bundles["participant-pack"].own_sheets
    assert [d.slug for d in bundles["facilitator-pack"].documents] == [
        "cover", "print-checklist", "agenda", "a", "b"]


def test_the_files_without_front_matter_are_those_that_hold_neither_cover_nor_checklist():
    documents = [sheet("agenda", "facilitator"), sheet("a")]
    bundles = plan(Style(), documents, 10, sheet("print-checklist", "facilitator"),
                   sheet("cover", "facilitator"))
    assert [b.stem for b in without_front(bundles)] == ["agenda", "a", "participant-pack"]


def test_the_longest_to_lay_out_comes_first_and_a_table_row_weighs_more_than_a_word():
    rows = tuple(doc.Row((doc.Cell((doc.text(str(n)),)),)) for n in range(30))
    sign_in = doc.Document("sign-in", "sign-in", "Sign in", "facilitator",
                           (doc.Table((100,), (), rows),))
    notes = doc.Document("worksheet", "notes", "Notes", "participant", (doc.text("word " * 500),))
    short = doc.Document("worksheet", "short", "Short", "participant", (doc.text("word " * 50),))
    assert [d.slug for d in longest_first([short, notes, sign_in])] == ["sign-in", "notes", "short"]
