"""A fix to WeasyPrint 70.0's PDF text layer, so Thai copied out of our PDFs is the Thai we set.

Why: HarfBuzz draws ำ (SARA AM) as two glyphs, NIKHAHIT and SARA AA, and shapes น้ำ as one
cluster of four. WeasyPrint maps each glyph id to text once, first come first served, giving
a whole cluster to its last glyph: ำ then extracts as า, every later า as ำ, น้ำ as นำ. The page
looks right; its text is wrong (WeasyPrint issue #2841, pull request #2869 for Arabic).

The fix, as small as the internals allow, in two parts that together satisfy pdftotext,
pdfium and pypdf:
- every (glyph, text) pair gets its own glyph id: a glyph already claimed by other text gets
  an alias, a composite glyph added to the embedded subset that draws the real one, with its
  own ToUnicode entry; a cluster's text goes on its widest glyph (SARA AA, not the zero-width
  NIKHAHIT), the others map to nothing;
- a cluster of several glyphs is wrapped in a /Span with /ActualText, for readers (pdfium)
  that turn a glyph mapped to nothing into a stray character.

It replaces `weasyprint.draw.text.draw_first_line` (a copy with the glyph loop changed) and
wraps `weasyprint.pdf.fonts.Font.clean` (the subsetting). Any other WeasyPrint version is
refused loudly rather than printing wrong text silently: check this fix against it first.
"""
from __future__ import annotations

import io
import unicodedata

import pydyf
import weasyprint
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent
from weasyprint.draw import text as draw_text_module
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.ffi import FROM_UNITS, TO_UNITS, ffi, pango
from weasyprint.text.line_break import get_last_word_end

from ....errors import UnsupportedWeasyPrint

SUPPORTED_WEASYPRINT = "70.0"
_original_draw_first_line = draw_text_module.draw_first_line
_original_clean = pdf_fonts.Font.clean


def install() -> None:
    """Put the fix in place; idempotent. Refuses a WeasyPrint it was not checked against."""
    if weasyprint.__version__ != SUPPORTED_WEASYPRINT:
        raise UnsupportedWeasyPrint(
            f"workshopkit's Thai text fix is made for WeasyPrint {SUPPORTED_WEASYPRINT}, "
            f"this is {weasyprint.__version__}: install weasyprint=={SUPPORTED_WEASYPRINT}")
    draw_text_module.draw_first_line = draw_first_line
    pdf_fonts.Font.clean = _clean


fallbacks: list[str] = []  # the lines drawn by WeasyPrint's own function: the PDF writer reports them


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """WeasyPrint's own function, with its text layer fixed; falls back to it on any error
    (WeasyPrint swallows errors raised while drawing SVG text), and records the line so that
    the fallback is reported rather than silent."""
    mark = len(stream.stream)
    try:
        return _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
    except Exception as error:  # noqa: BLE001 (any failure of the fix: draw the line as WeasyPrint would)
        del stream.stream[mark:]
        fallbacks.append(f"{textbox.text[:40]!r} ({type(error).__name__})")
        return _original_draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)


def _code_for(font, glyph_id: int, text: str, dy: int = 0) -> int:
    """The glyph id that draws `glyph_id` raised by `dy` font units and extracts as `text`."""
    known = font.to_unicode.get(glyph_id)
    if known is None:  # the glyph itself must be in the subset, even when only raised copies are drawn
        font.to_unicode[glyph_id] = known = text
    if known == text and not dy:
        return glyph_id
    aliases = font.__dict__.setdefault("wk_aliases", {})  # (glyph, text, dy) -> code
    targets = font.__dict__.setdefault("wk_alias_glyphs", {})  # code -> (glyph, dy)
    code = aliases.get((glyph_id, text, dy))
    if code is None:
        # a new glyph id after the font's own: the font gets a composite glyph there that
        # draws the real one (a missing character would also take ids here, but it fails
        # the build before the PDF is kept)
        code = font.glyph_count + len(font.missing) + len(aliases)
        aliases[(glyph_id, text, dy)] = code
        targets[code] = (glyph_id, dy)
        font.to_unicode[code] = text
    return code


def _cluster_texts(glyph_item, glyphs_info, num_glyphs, clusters, utf8) -> tuple[list[str], list]:
    """Text per glyph (a cluster's text on its widest glyph, nothing on the others) and the
    (first, last, text) glyph ranges to wrap in /ActualText: a base letter with the marks that
    stack on it (ขึ้), or a cluster drawn with several glyphs (ำ), whatever the shaper did."""
    offset, length = glyph_item.item.offset, glyph_item.item.length
    starts = sorted({clusters[i] for i in range(num_glyphs)})
    ends = {start: (starts[n + 1] if n + 1 < len(starts) else length) for n, start in enumerate(starts)}
    texts = [""] * num_glyphs
    groups: list[list] = []  # [first glyph, last glyph, text]
    i = 0
    while i < num_glyphs:
        start = clusters[i]
        last = i
        while last + 1 < num_glyphs and clusters[last + 1] == start:
            last += 1
        text = utf8[offset + start:offset + ends[start]].decode()
        carrier = max(range(i, last + 1), key=lambda g: (glyphs_info[g].geometry.width, g))
        texts[carrier] = text
        if groups and text and unicodedata.category(text[0]) == "Mn" and groups[-1][1] == i - 1:
            groups[-1][1], groups[-1][2] = last, groups[-1][2] + text
        else:
            groups.append([i, last, text])
        i = last + 1
    spans = [(first, last, text) for first, last, text in groups if last > first]
    return texts, spans


def _close(string: str) -> str:
    """The pending text array, closed; empty when it would show nothing."""
    closed = string[:-1] if string.endswith("<") else string + ">"
    return "" if closed in ("", "<>") else closed


def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    # From weasyprint/draw/text.py (70.0) draw_first_line; changes are marked "workshopkit".
    if not textbox.text.strip():
        return []

    if textbox.style['font_size'] < 1e-6:
        return []

    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)

    if text_overflow == 'ellipsis' or block_ellipsis != 'none':
        assert textbox.pango_layout.max_width is not None
        max_width = textbox.pango_layout.max_width
        pango.pango_layout_set_width(
            textbox.pango_layout.layout, int(max_width * TO_UNITS))
        if text_overflow == 'ellipsis':
            pango.pango_layout_set_ellipsize(
                textbox.pango_layout.layout, pango.PANGO_ELLIPSIZE_END)
        else:
            if block_ellipsis == 'auto':
                ellipsis = '…'
            else:
                assert block_ellipsis[0] == 'string'
                ellipsis = block_ellipsis[1]
            new_text = textbox.pango_layout.text
            if new_text.endswith(textbox.style['hyphenate_character']):
                last_word_end = get_last_word_end(
                    new_text[:-len(textbox.style['hyphenate_character'])],
                    textbox.style['lang'])
                if last_word_end:
                    new_text = new_text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)

    first_line, index = textbox.pango_layout.get_first_line()

    if block_ellipsis != 'none':
        while index:
            last_word_end = get_last_word_end(
                textbox.pango_layout.text[:-len(ellipsis)],
                textbox.style['lang'])
            if last_word_end is None:
                break
            new_text = textbox.pango_layout.text[:last_word_end]
            textbox.pango_layout.set_text(new_text + ellipsis)
            first_line, index = textbox.pango_layout.get_first_line()

    stream.set_text_matrix(*matrix.values)
    previous_pango_font = None
    string = ''
    utf8 = textbox.pango_layout.text.encode()  # workshopkit: every cluster needs its text
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs
        clusters = glyph_string.log_clusters

        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_pango_font:
            previous_pango_font = pango_font
            font, font_size = stream.add_font(pango_font)
            if pango.pango_version() < 14802 or font.png:
                font_size = textbox.style['font_size']
            if string:
                stream.show_text(string)
            string = ''
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
        if font.bitmap or font.svg or font.png or font.colr:
            # workshopkit: emoji and bitmap fonts keep WeasyPrint's own drawing
            raise NotImplementedError("colour or bitmap font")
        # workshopkit: the text of each glyph, and the clusters that need /ActualText
        texts, spans = _cluster_texts(glyph_item, glyphs_info, num_glyphs, clusters, utf8)
        span_starts = {first: (last, text) for first, last, text in spans}
        span_end = None
        string += '<'
        for i, glyph_info in enumerate(glyphs_info[0:num_glyphs]):
            glyph_id = glyph_info.glyph
            width = glyph_info.geometry.width

            if i in span_starts:  # workshopkit: open a marked span outside the text array
                closed = _close(string)
                if closed:
                    stream.show_text(closed)
                span_end, span_text = span_starts[i]
                stream.begin_marked_content(
                    'Span', pydyf.Dictionary({'ActualText': pydyf.String(span_text)}))
                string = '<'

            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                string += f'>{-width / font_size}<'
                string = _end_span(stream, string, i, span_end)
                if span_end == i:
                    span_end = None
                continue

            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                codepoint = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
                draw_text_module.LOGGER.warning(
                    '.notdef glyph rendered for Unicode string unsupported by fonts: '
                    '"%s" (U+%04X)', chr(codepoint), codepoint)
                glyph_id = font.get_unused_glyph_id(codepoint)
                font.widths[glyph_id] = round(width * 1000 * FROM_UNITS / font_size)
                if 0 not in font.widths:
                    font.widths[0] = font.widths[glyph_id]

            offset = glyph_info.geometry.x_offset / font_size
            rise = glyph_info.geometry.y_offset / 1000
            # workshopkit: a raised mark (a tone mark stacked on an upper vowel) becomes an
            # alias glyph with the offset built in, instead of a text rise between two text
            # arrays, which pdfium reads as a new line and repeats or reorders the text
            dy = round(rise / font_size * font.upem) if rise and font.type == 'ttf' else 0
            code = _code_for(font, glyph_id, texts[i], dy)
            if rise and not dy:
                string = _close(string)
                if string:
                    stream.show_text(string)
                stream.set_text_rise(-rise)
                string = ''
                if offset:
                    string = f'{-offset}'
                string += f'<{code:04x}>'
                stream.show_text(string)
                stream.set_text_rise(0)
                string = '<'
            else:
                if offset:
                    string += f'>{-offset}<'
                string += f'{code:04x}'

            if glyph_id in font.widths:
                logical_width = font.widths[glyph_id]
            else:
                pango.pango_font_get_glyph_extents(
                    pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
                logical_width = font.widths[glyph_id] = round(
                    stream.logical_rect.width * 1000 * FROM_UNITS / font_size)

            if code != glyph_id:  # workshopkit: the alias glyph is as wide as its target
                font.widths[code] = logical_width

            kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                string += f'>{int(kerning)}<'

            string = _end_span(stream, string, i, span_end)  # workshopkit
            if span_end == i:
                span_end = None

        if string[-1] == '<':
            string = string[:-1]
        else:
            string += '>'

    stream.show_text(string)
    return []


def _end_span(stream, string: str, index: int, span_end: int | None) -> str:
    """After the last glyph of a span: close the array and the span, carrying a trailing
    position adjustment over to the next array (pdfium shifts glyphs otherwise)."""
    if span_end != index:
        return string
    pending = ''
    if string.endswith('<') and string[:-1].rfind('>') > string[:-1].rfind('<'):
        cut = string[:-1].rfind('>')
        pending, string = string[cut + 1:-1], string[:cut + 1] + '<'
    closed = _close(string)
    if closed:
        stream.show_text(closed)
    stream.end_marked_content()
    return f'{pending}<' if pending else '<'


def _clean(font, to_unicode, hinting):
    """WeasyPrint's subsetting, then one composite glyph per alias, drawing its target."""
    _original_clean(font, to_unicode, hinting)
    targets = font.__dict__.get("wk_alias_glyphs")
    if not targets or font.file_content[:4] == b"OTTO":
        return
    ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index)
    order = ttfont.getGlyphOrder()
    glyf, hmtx = ttfont["glyf"], ttfont["hmtx"]
    for table in ("hdmx", "LTSH", "VDMX"):  # per-glyph tables that would no longer fit
        if table in ttfont:
            del ttfont[table]
    new_order = list(order)
    for code in sorted(targets):
        while len(new_order) < code:  # ids skipped by .notdef stand-ins stay empty
            new_order.append(f"wk.empty{len(new_order)}")
            glyf.glyphs[new_order[-1]] = Glyph()
            hmtx.metrics[new_order[-1]] = (0, 0)
        glyph, dy = targets[code]
        target = order[glyph]
        component = GlyphComponent()
        component.glyphName, component.x, component.y = target, 0, -dy
        component.flags = 0x0002 | 0x0004  # ARGS_ARE_XY_VALUES, ROUND_XY_TO_GRID
        composite = Glyph()
        composite.numberOfContours, composite.components = -1, [component]
        name = f"wk.alias{code}"
        new_order.append(name)
        glyf.glyphs[name] = composite
        hmtx.metrics[name] = hmtx.metrics[target]
    glyf.glyphOrder = new_order
    ttfont.setGlyphOrder(new_order)
    if "post" in ttfont:
        ttfont["post"].formatType = 3.0  # no glyph names to keep in step
    out = io.BytesIO()
    ttfont.save(out)
    font.file_content = out.getvalue()
