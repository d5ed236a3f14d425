"""The renderer of a build: each document laid out once, bundles drawn from what was laid out,
bytes handed back (nothing written)."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from workshopkit.compose import tree as doc
from workshopkit.compose.plan import Bundle
from workshopkit.paper.page import PageDescription
from workshopkit.render.files import Renderer


def sheet(slug: str, pages: int, collected: bool = False) -> doc.Document:
    blocks = tuple(b for n in range(pages) for b in (doc.Heading(f"ส่วนที่ {n + 1}"), doc.PageBreak()))[:-1]
    return doc.Document("worksheet", slug, slug, "participant", blocks, collected=collected)


@pytest.fixture(scope="module")
def renderer(tmp_path_factory) -> Renderer:
    return Renderer(PageDescription(page_label="หน้า"), tmp_path_factory.mktemp("source"), embed_fonts=False)


def test_pages_are_counted_once_and_again_only_for_a_changed_document(renderer):
    one = sheet("a", 2)
    assert renderer.pages([one, sheet("b", 1)]) == {"a": 2, "b": 1}
    laid_out = renderer._laid_out["a"][1]
    renderer.pages([one])
    assert renderer._laid_out["a"][1] is laid_out
    assert renderer.pages([sheet("a", 3)]) == {"a": 3}


def test_a_pack_puts_a_collected_form_on_sheets_of_its_own(renderer):
    documents = (sheet("intro", 1), sheet("form", 1, collected=True), sheet("notes", 1))
    packed = Bundle("participant-pack", "participant-pack", "participant", 20, "ชุดเอกสาร", documents,
                    own_sheets=True)
    plain = Bundle("all", "all", "facilitator", 1, "ทั้งหมด", documents)
    (pack, pack_entry), (_, plain_entry) = renderer.pdf_files([packed, plain])
    # intro, a blank back, the form, a blank back, notes
    assert (pack_entry.pages, plain_entry.pages) == (5, 3)
    assert len(PdfReader(io.BytesIO(pack)).pages) == 5
    assert (pack_entry.path, pack_entry.copies, pack_entry.format) == ("participant-pack.pdf", 20, "pdf")


def test_a_docx_is_drawn_for_each_bundle_without_page_counts(renderer):
    (data, entry), = renderer.docx_files([Bundle("a", "worksheet", "participant", 1, "a", (sheet("a", 1),))])
    assert data.startswith(b"PK") and (entry.path, entry.pages) == ("a.docx", None)


def test_a_document_laid_out_again_says_only_what_holds_now(renderer):
    renderer.pages([sheet("notes", 2)])  # the second page holds a heading and nothing else
    assert [w for w in renderer.warnings if w.startswith("notes: page 2")]
    renderer.pages([sheet("notes", 1)])
    assert not [w for w in renderer.warnings if w.startswith("notes:")]
