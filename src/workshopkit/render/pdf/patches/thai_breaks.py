"""Stage 4 (PDF) help: Thai lines that break between words, not inside compound words.

Pango breaks Thai with libthai, whose dictionary knows the parts of a compound and so will
break ผู้|เข้าร่วม or วาง|แผน at a line end. Every time WeasyPrint gives Pango a piece of
text, this marks each word that PyThaiNLP's dictionary (newmm, longest match) finds as one
that must not break inside (Pango's allow-breaks attribute); the breaks between words stay
Pango's own. A word longer than LONGEST characters is left alone, so that a very long
compound in a narrow column can still break rather than run out of it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from weasyprint.text import line_break
from weasyprint.text.ffi import ffi, pango

from ....errors import RenderError
from ....i18n import _
from ....paper.dictionary import thai_words_of

LONGEST = 14
_THAI_WORD = re.compile("[\u0e01-\u0e4e]{2,}")
_original_set_text = line_break.Layout.set_text
_declared = False


PANGO_ALLOW_BREAKS = 14400  # pango_attr_allow_breaks_new came with Pango 1.44


def install() -> None:
    """Idempotent; thai_text.install() has checked the WeasyPrint version, this checks Pango's."""
    global _declared
    if pango.pango_version() < PANGO_ALLOW_BREAKS:
        version = pango.pango_version()
        raise RenderError(_("Thai line breaks need Pango 1.44 or newer; this machine has {version}").format(
            version=f"{version // 10000}.{version // 100 % 100}.{version % 100}"))
    if not _declared:
        ffi.cdef("PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);")
        _declared = True
    line_break.Layout.set_text = _set_text


@lru_cache(maxsize=50_000)
def word_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges to keep whole: the Thai dictionary words, and a no-break space with
    the characters on each side (libthai would otherwise break 11.00|น. before a Thai word
    even after a no-break space)."""
    ranges, position = [], 0
    for word in thai_words_of(text, keep_whitespace=True):
        if _THAI_WORD.fullmatch(word) and len(word) <= LONGEST:
            ranges.append((position, position + len(word)))
        position += len(word)
    ranges += [(m.start() - 1, m.end() + 1) for m in re.finditer("(?<=.)\u00a0(?=.)", text)]
    return tuple(sorted(ranges))


def _set_text(self, text, justify=False):
    _original_set_text(self, text, justify)
    if not _THAI_WORD.search(self.text) and "\u00a0" not in self.text:
        return
    kept = kept_whole(self.text, self.style["lang"])
    if not kept:
        return
    attributes = pango.pango_layout_get_attributes(self.layout)
    if attributes == ffi.NULL:
        attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    for start, end in kept:
        attribute = pango.pango_attr_allow_breaks_new(False)
        attribute.start_index, attribute.end_index = start, end
        pango.pango_attr_list_insert(attributes, attribute)
    pango.pango_layout_set_attributes(self.layout, attributes)


@lru_cache(maxsize=50_000)
def kept_whole(text: str, lang: str | None) -> tuple[tuple[int, int], ...]:
    """The byte ranges of `text` that Pango must not break inside, worked out once per text:
    WeasyPrint sets the same text again for every line it tries and every layout pass."""
    ranges = word_ranges(text)
    if not ranges:
        return ()
    # Keep a word whole only where Pango may break at both its ends; where libthai cuts the
    # text otherwise (การวาง|แผนการ|พัฒนา against การวางแผน|การพัฒนา), its breaks stay, or the
    # line could not break at all.
    breaks = line_break.get_log_attrs(text, lang)
    length = len(text)

    def open_at(index: int) -> bool:
        return index <= 0 or index >= length or bool(breaks[index].is_line_break)

    offsets = list(accumulate((len(c.encode()) for c in text), initial=0))  # UTF-8 byte offsets
    return tuple((offsets[start], offsets[end]) for start, end in ranges
                 if "\u00a0" in text[start:end] or open_at(start) and open_at(end))
