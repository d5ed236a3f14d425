"""An organiser's own templates (theme.templates) draw the PDF, inside Jinja2's sandbox: every
way out of it fails with a located error, YAML text stays text, and no file outside the
templates folder is read."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from helpers import MINIMAL, ROOT, fold, html_of, pdftotext, workshop_with

from workshopkit import app
from workshopkit.cli import main
from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError, RenderError
from workshopkit.templating import MAX_TEMPLATE_BYTES, TemplateProblem

SECRET = "TOP-SECRET-7f3a"


ESCAPES = {  # template -> the located message
    "{{ ''.__class__ }}":
        "look/document.html.j2:1:7: access to attribute '__class__' of 'str' object is unsafe",
    "<p>\n  {{ ''.__class__.__mro__[1].__subclasses__() }}</p>":
        "look/document.html.j2:2:9: access to attribute '__class__' of 'str' object is unsafe",
    "{{ ''.__class__ ~ 'b' }}":  # folded while compiling, were the optimizer on
        "look/document.html.j2:1:7: access to attribute '__class__' of 'str' object is unsafe",
    "{{ cycler.__init__.__globals__.os }}":
        "look/document.html.j2:1:11: access to attribute '__init__' of 'type' object is unsafe",
    "{{ self._TemplateReference__context }}":
        "look/document.html.j2:1:9: access to attribute '_TemplateReference__context' of "
        "'TemplateReference' object is unsafe",
    "{{ lipsum.__globals__['os'] }}":
        "look/document.html.j2:1:11: access to attribute '__globals__' of 'function' object is unsafe",
    "{{ '{0.__class__}'.format(document) }}":
        "look/document.html.j2:1:8: access to attribute '__class__' of 'Document' object is unsafe",
    "{{ document.__dict__ }}":
        "look/document.html.j2:1:13: access to attribute '__dict__' of 'Document' object is unsafe",
    "{{ 'x' * 10000000000 }}":
        "look/document.html.j2:1:1: repeating makes 10000000000 items; the limit is 100000",
    "{% for i in range(10**9) %}x{% endfor %}":
        "look/document.html.j2:1:1: OverflowError: Range too big. The sandbox blocks ranges larger "
        "than MAX_RANGE (100000)",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}":
        "look/document.html.j2:1:1: RecursionError: maximum recursion depth exceeded",
    "{% include '../forum.yaml' %}":
        "look/document.html.j2:1:13: no template '../forum.yaml' inside the templates folder or "
        "among the bundled ones",
    "{% include '/etc/passwd' %}":
        "look/document.html.j2:1:13: no template '/etc/passwd' inside the templates folder or "
        "among the bundled ones",
    "{{ documnt.title }}": "look/document.html.j2:1:4: 'documnt' is undefined",
    "<h1>\n{{ document.titel }}</h1>":
        "look/document.html.j2:2:13: 'workshopkit.compose.tree.Document object' has no attribute 'titel'",
    "{{ 1 / 0 }}": "look/document.html.j2:1:1: ZeroDivisionError: division by zero",
    # raised inside a bundled macro, reported where the organiser's template called it
    "{% from 'workshopkit/blocks.html.j2' import block %}\n<div>{{ block(document) }}</div>":
        "look/document.html.j2:2:6: RenderError: the PDF writer cannot draw Document: it is not a "
        "registered block type",
}


@pytest.mark.parametrize("template", list(ESCAPES))
def test_a_way_out_of_the_sandbox_fails_with_a_located_error(tmp_path, monkeypatch, template):
    monkeypatch.chdir(tmp_path)
    definition = workshop_with(tmp_path, template)
    with pytest.raises(TemplateProblem) as caught:
        html_of(definition)
    assert str(caught.value) == ESCAPES[template]


def test_the_cli_reports_a_sandbox_escape_with_status_2_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workshop_with(tmp_path, "<html><body>{{ ''.__class__.__mro__ }}</body></html>")
    result = CliRunner().invoke(main, ["build", "forum.yaml", "-o", "out", "--format", "pdf"])
    assert result.exit_code == 2
    assert result.stderr == ("look/document.html.j2:1:19: access to attribute '__class__' of "
                             "'str' object is unsafe\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_validate_reports_every_broken_template_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workshop_with(tmp_path, "{% extends 'workshopkit/document.html.j2' %}\n"
                            "{% block header %}<h1>{{ document.title }</h1>{% endblock %}")
    (tmp_path / "look" / "parts").mkdir()
    (tmp_path / "look" / "parts" / "sign.html.j2").write_text("{% if author %}\n<p>x</p>\n",
                                                             encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "forum.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "look/document.html.j2:2:41: unexpected '}'",
        "look/parts/sign.html.j2:1:4: Unexpected end of template. Jinja was looking for the "
        "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be "
        "closed is 'if'",
    ]


YAML_TEXT = "<script>alert(1)</script> </td></tr></table> &amp; {{ 7*7 }}"


@pytest.mark.parametrize("template", [
    "{% extends 'workshopkit/document.html.j2' %}",
    "<!DOCTYPE html><html><body><h1>{{ document.title }}</h1><p>{{ document.subtitle }}</p>"
    "{% for b in document.blocks %}{{ block(b) }}{% endfor %}</body></html>",
], ids=["extends", "own-page"])
def test_text_from_yaml_prints_as_text_through_an_organisers_template(tmp_path, template):
    if "block(b)" in template:
        template = "{% from 'workshopkit/blocks.html.j2' import block %}" + template
    definition = workshop_with(tmp_path, template)
    text = definition.read_text(encoding="utf-8").replace(
        "title: เวทีทดสอบ", f"title: '{YAML_TEXT}'").replace(
        "objectives: [รู้จักกัน]", f"objectives: ['{YAML_TEXT}']")
    definition.write_text(text, encoding="utf-8")
    html = html_of(definition)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; &amp;amp; {{ 7*7 }}" in html
    built = app.build(definition, tmp_path / "out", ("pdf",))
    assert fold(YAML_TEXT) in fold(pdftotext(built.folder / "agenda.pdf"))
    assert fold(YAML_TEXT) in fold(pdftotext(built.folder / "session-plan.pdf"))


def test_a_link_out_of_the_templates_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.html").write_text(SECRET, encoding="utf-8")
    definition = workshop_with(tmp_path, "{% include 'leak.html' %}")
    (tmp_path / "look" / "leak.html").symlink_to(tmp_path / "secret.html")
    with pytest.raises(TemplateProblem) as caught:
        html_of(definition)
    assert str(caught.value) == "look/document.html.j2:1:13: 'leak.html' leads outside the templates folder"


def test_a_stylesheet_linked_out_of_the_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.css").write_text(f"h1::after {{ content: '{SECRET}' }}", encoding="utf-8")
    definition = workshop_with(tmp_path, "{% extends 'workshopkit/document.html.j2' %}")
    (tmp_path / "look" / "print.css").symlink_to(tmp_path / "secret.css")
    with pytest.raises(RenderError, match="^look/print.css: 'print.css' leads outside the templates folder$"):
        app.build(definition, tmp_path / "out", ("pdf",))


def test_an_organisers_stylesheet_reads_nothing_outside_the_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text(f"h1::after {{ content: '{SECRET}' }}", encoding="utf-8")
    folder = tmp_path / "definition"
    folder.mkdir()
    css = f'@import url("{(outside / "secret.css").as_uri()}");'
    definition = workshop_with(folder, css=css)
    with pytest.raises(RenderError, match=r"^definition/look/print.css: refused to read file://.*secret\.css"):
        app.build(definition, tmp_path / "out", ("pdf",))
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_a_template_that_is_not_utf8_or_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    definition = workshop_with(tmp_path, "")
    (tmp_path / "look" / "document.html.j2").write_bytes("<h1>หัวข้อ</h1>".encode("cp874"))
    with pytest.raises(DefinitionError) as caught:
        read_workshop(definition)
    assert str(caught.value) == "look/document.html.j2:1:1: 'document.html.j2' is not UTF-8 text (byte 4)"
    (tmp_path / "look" / "document.html.j2").write_text("x" * (MAX_TEMPLATE_BYTES + 1))
    with pytest.raises(DefinitionError) as caught:
        read_workshop(definition)
    assert str(caught.value) == (f"look/document.html.j2:1:1: 'document.html.j2' is "
                                 f"{MAX_TEMPLATE_BYTES + 1} bytes; the limit for a template is "
                                 f"{MAX_TEMPLATE_BYTES} bytes")


@pytest.mark.parametrize("folder, message", [
    ("../elsewhere", "the templates must be a folder in the definition's folder"),
    ("missing", "no folder 'missing' beside the definition"),
    ("empty", "the folder has neither document.html.j2 nor print.css to use"),
])
def test_the_templates_folder_must_be_beside_the_definition(tmp_path, folder, message):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "print.css").write_text("h1 { color: red }")
    (tmp_path / "def" / "empty").mkdir(parents=True)
    definition = tmp_path / "def" / "forum.yaml"
    definition.write_text(MINIMAL + f"theme: {{templates: '{folder}'}}\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        read_workshop(definition)
    assert str(caught.value).endswith(f"theme.templates: {message}")


def test_the_letterhead_example_heads_every_pdf_and_signs_the_agenda(tmp_path):
    built = app.build(ROOT / "examples" / "letterhead-workshop.yaml", tmp_path)
    for entry in built.entries:
        if entry.format == "pdf" and entry.kind not in ("print-checklist", "facilitator-pack"):
            first = pdftotext(built.folder / entry.path).lstrip().splitlines()[0]
            assert first.startswith("สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน (SADA)"), entry.path
    agenda = fold(pdftotext(built.folder / "agenda.pdf"))
    assert "ผู้จัดกิจกรรม" in agenda and fold("(สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน)") in agenda
    assert "ผู้จัดกิจกรรม" not in pdftotext(built.folder / "session-plan.pdf")
    # the DOCX keeps the bundled look, with the same content
    assert (built.folder / "agenda.docx").is_file()


@pytest.mark.parametrize("template, css", [
    ("{% extends 'workshopkit/document.html.j2' %}{% block end %}<p>โทร ☎ 053</p>{% endblock %}", None),
    (None, '* { font-family: "DejaVu Sans", serif !important }'),
], ids=["a character Sarabun lacks", "another font-family"])
def test_an_organisers_template_cannot_print_in_a_font_that_is_not_bundled(tmp_path, template, css):
    definition = workshop_with(tmp_path, template, css)
    # named by the first document of the drawing that holds it (each core paints some)
    with pytest.raises(RenderError, match=r"^(รายการสั่งพิมพ์|ใบลงทะเบียน|กำหนดการ|แผนการจัดกระบวนการเรียนรู้): "
                                          r"drawn partly in .+, not the bundled "
                                          r"Sarabun: a font-family in the templates, or a "
                                          r"character Sarabun does not have$"):
        app.build(definition, tmp_path / "out", ("pdf",))
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_a_template_compiled_by_an_earlier_build_is_loaded_unless_its_text_changed(tmp_path, monkeypatch):
    """templating.Compiled: what one build compiled (`new`) the next loads as it was compiled;
    a template whose text has changed since is compiled again and prints its new text."""
    import jinja2

    from workshopkit import templating
    from workshopkit.resources import templates_dir

    compiled_here: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled_here.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "note.html.j2").write_text("<p>{{ 6 * 7 }} ใบงาน</p>", encoding="utf-8")

    def printed(known: dict[str, str]) -> tuple[str, dict[str, str]]:
        cache = templating.Compiled(known)
        env = templating.environment(folder, templates_dir(), cache)
        return env.get_template("note.html.j2").render(), cache.new

    first, kept = printed({})
    assert first == "<p>42 ใบงาน</p>" and compiled_here == ["note.html.j2"] and kept
    again, nothing = printed(kept)
    assert again == first and nothing == {} and compiled_here == ["note.html.j2"]  # loaded, not compiled
    (folder / "note.html.j2").write_text("<p>{{ 6 * 8 }} ใบงาน</p>", encoding="utf-8")
    changed, new = printed(kept)
    assert changed == "<p>48 ใบงาน</p>" and len(compiled_here) == 2 and new.keys() == kept.keys()
