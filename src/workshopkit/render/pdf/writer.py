"""Stage 4 (PDF): document tree -> HTML through templates/ (Jinja2) -> WeasyPrint.

One `PdfWriter` serves a whole build: the template, the stylesheet and the fonts are loaded
once, and every rendered document can be reused for the packs without rendering again.
Any WeasyPrint warning (a refused fetch, a broken image) fails the build instead of
printing a quietly wrong page.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint import Document as Rendered
from weasyprint.text.ffi import pango
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ... import qr, templating
from ...compose import tree as doc
from ...errors import RenderError
from ...i18n import _
from ...paper import page as page_module
from ...paper.page import LINE_MM, MARGINS_MM, SCAN_BOX_MM, SCAN_STAMP_MM, SCAN_TOP_MARGIN_MM, PageDescription
from ...resources import FONT_FACES, FONT_FAMILY, fonts_dir, templates_dir, unprintable
from . import page_checks, patches, scan_marks
from .chart import bar_chart_svg
from .patches import thai_text
from .stencil import Stencil, overlay

MAX_PAGES = 500  # per document; a sign-in sheet for a 5000-person roster needs about 250
MAX_BARE_PAGES = 5000  # certificates: a page per person of the largest roster read
# Classes on <html> (templates/print.css) that lay a document out a step tighter: spacing and
# row heights first, then the type size. Tried in turn when the last page is a quarter full or less.
FIT_STEPS = ("fit-1", "fit-2", "fit-3")
FITS = tuple(" ".join(FIT_STEPS[:step]) for step in range(1, len(FIT_STEPS) + 1))  # each a step tighter
OVERLAY = "overlay.html.j2"  # a personal copy's values over its sheet's stencil


class RestrictedFetcher(URLFetcher):
    """Lets WeasyPrint read `data:` URLs and files under the given folders, nothing else."""

    def __init__(self, roots: Sequence[Path]):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []  # WeasyPrint reports some refusals without the URL

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:  # type: ignore[override]
        """The file or data: URL, when it is one the pack may read; a ValueError otherwise."""
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
                self.refused.append(url)
                raise ValueError(_("refused to read {url}: outside the pack's sources").format(url=url))
        elif parts.scheme != "data":
            self.refused.append(url)
            raise ValueError(_("refused to fetch {url}: only bundled files and data: URLs are read").format(
                url=url))
        return super().fetch(url, headers)


class PdfWriter:
    def __init__(self, source_dir: Path, page: PageDescription | None = None,
                 remembered: Mapping[str, str] | None = None, compiled: Mapping[str, str] | None = None,
                 **described: object):
        """A writer for the documents of one definition in `source_dir` (the only folder of
        the organiser's it may read), laid out as `page` says (or as `described`, the fields of
        a PageDescription, say). `remembered`: the fits earlier builds found (`learned`);
        `compiled`: the templates they compiled (`compiled.new`)."""
        if not patches.installed():  # a writer without them would print broken Thai quietly
            raise RenderError("the WeasyPrint patches are not installed: call "
                              "workshopkit.render.pdf.patches.install() when the worker starts")
        page = page or PageDescription(**described)  # type: ignore[arg-type]
        self.bundled = bundled = templates_dir()
        # the organiser's templates, checked to be inside source_dir when the definition was read
        self.custom = page.templates
        self.fetcher = RestrictedFetcher([bundled, fonts_dir(), source_dir])
        self.compiled = templating.Compiled(compiled)
        self.env = templating.environment(self.custom, bundled, self.compiled)
        self.env.filters.update(draw=self._draw, qr=qr.svg_data_uri, qr_size=qr.print_size,
                                css_string=_css_string, png_data_uri=_png_data_uri,
                                bar_chart=lambda chart: Markup(bar_chart_svg(chart)))
        with self._template_errors():
            self.drawings = templating.block_drawings(self.env, doc.BLOCKS)
            self.template = self.env.get_template(templating.DOCUMENT)
        self.context = {"lang": page.language, "footer": page.footer, "author": page.author,
                        "page_label": page.page_label,
                        "counter_style": ", thai" if page.digits == "thai" else "",
                        "type_size": page.type_size, "accent": page.accent,
                        "logo": page.logo.as_uri() if page.logo else ""}
        # relative URLs in an organiser's template or stylesheet mean files beside it
        self.base_url = (self.custom or bundled).as_uri() + "/"
        self.font_config = FontConfiguration()
        # the page's facts first, then the bundled stylesheet, then the organiser's over it
        folders = [folder for folder in (bundled, self.custom) if folder]
        found = [sheet for sheet in map(templating.read_stylesheet, folders) if sheet]
        facts = _page_facts()
        self.stylesheets = [self._stylesheet(Path(page_module.__file__), facts),
                            *(self._stylesheet(*sheet) for sheet in found)]
        # A document whose HTML, stylesheets, fonts and engine are the same as in an earlier
        # build is tried at once with the fit it got then (its refits took as long as it).
        self.remembered = dict(remembered or {})
        self.learned: dict[str, str] = {}  # what this writer found, for the next build
        self._look = hashlib.sha256(_engine() + repr((facts, [text for _, text in found])).encode())
        self.warnings: list[str] = []  # what the organiser should know: a page left nearly empty
        # the fit each document (by slug) was laid out with, for its personal copies
        self.fitted: dict[str, str] = {}
        self._blank: Rendered | None = None

    def _draw(self, block: doc.Block) -> Markup:
        """A block drawn by the macro of its kind (templates/blocks.html.j2)."""
        drawing = self.drawings.get(block.kind) if isinstance(block, doc.Node) else None
        if drawing is None:  # not a registered block: the tree and this writer disagree
            raise RenderError(f"the PDF writer cannot draw {type(block).__name__}: it is not a "
                              f"registered block type")
        return drawing(block)

    def html(self, document: doc.Document, fit: str = "") -> str:
        """The document as the HTML WeasyPrint lays out."""
        with self._template_errors():
            return self.template.render(document=document, fit=fit, **self.context)

    @contextlib.contextmanager
    def _template_errors(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:  # noqa: BLE001 (an organiser's template can raise anything)
            problem = templating.located(error, self.custom, self.bundled)
            if problem is None:
                raise
            raise problem from None

    def _stylesheet(self, path: Path, text: str) -> CSS:
        with _warnings_fail(templating.shown(path), self.fetcher):
            return CSS(string=text, base_url=path.parent.as_uri() + "/", url_fetcher=self.fetcher,
                       font_config=self.font_config)

    def render(self, document: doc.Document, fit: str | None = None) -> Rendered:
        """The document laid out; a last page that would be half full or less is avoided by
        laying it out a step tighter where that saves it, and a quarter full or less is said
        in `warnings` when that is not enough. With `fit`, the fit another copy of the document
        got (a participant's personal copy), it is laid out so at once."""
        self._check_glyphs(document)
        known = fit
        # a bare document (a certificate) is a page design of its own: nothing to tighten
        if known is None and not document.bare:
            rendered, known = self._fitted(document)
        else:
            rendered = self._layout(document, known or "")
        self.fitted[document.slug] = known or ""
        for number, page in enumerate(rendered.pages, start=1):
            problem = page_checks.overflow(page)
            if problem:
                raise RenderError(_("{document}, page {page}: {problem}; it would be cut off on "
                                    "paper").format(document=document.title, page=number, problem=problem))
        scan_marks.mark(document, rendered)
        return rendered

    def _fitted(self, document: doc.Document) -> tuple[Rendered, str | None]:
        """The document laid out, a step tighter where that saves a last page half full or less,
        and the fit that did. The fit an earlier build found for the same HTML is tried first,
        and kept when it gives the pages it gave then; else every step is tried again."""
        html = self.html(document)
        key = hashlib.sha256(self._look.digest() + html.encode()).hexdigest()[:32]
        remembered = self.remembered.get(key, "")  # "fit-1 fit-2:3": the fit, and the pages it gave
        fit, _colon, pages = remembered.partition(":")
        if fit in FITS:
            rendered = self._layout(document, fit)
            if str(len(rendered.pages)) == pages:
                self.learned[key] = remembered
                return rendered, fit
        rendered, known = self._layout(document, markup=html), None
        last = rendered.pages[-1]
        if len(rendered.pages) > 1 and page_checks.nearly_empty(last, page_checks.WORTH_REFITTING_SHARE):
            if remembered != f":{len(rendered.pages)}":  # else no step saved this page before
                for tighter_fit in FITS:
                    tighter = self._layout(document, tighter_fit)
                    if len(tighter.pages) < len(rendered.pages):
                        rendered, known = tighter, tighter_fit
                        break
            self.learned[key] = f"{known or ''}:{len(rendered.pages)}"
        if known is None and len(rendered.pages) > 1 and document.audience == "participant" \
                and page_checks.nearly_empty(last):
            self.warnings.append(_(
                "{document}: page {page} is a quarter full or less, even set tighter; shorten "
                "the document or print it as it is").format(document=document.title,
                                                              page=len(rendered.pages)))
        return rendered, known

    def overlay(self, document: doc.Document, stencil: Stencil) -> Rendered:
        """A participant's copy of a personal sheet as the overlay of its stencil
        (stencil.py): their values and stamp alone, where the whole layout would put them."""
        self._check_glyphs(document)
        with self._template_errors():
            html = self.env.get_template(OVERLAY).render(
                document=document, fit=stencil.fit, pages=overlay(document, stencil), **self.context)
        return self._layout(document, markup=html)

    def _layout(self, document: doc.Document, fit: str = "", markup: str | None = None) -> Rendered:
        html = HTML(string=markup or self.html(document, fit), base_url=self.base_url,
                    url_fetcher=self.fetcher)
        with _warnings_fail(document.title, self.fetcher):
            rendered = html.render(stylesheets=self.stylesheets, font_config=self.font_config)
        limit = MAX_BARE_PAGES if document.bare else MAX_PAGES
        if len(rendered.pages) > limit:
            raise RenderError(_("{document}: lays out to {pages} pages; the limit is {limit} pages per "
                                "document").format(document=document.title, pages=len(rendered.pages),
                                                   limit=limit))
        return rendered

    def write(self, rendered: Sequence[Rendered]) -> bytes:
        """One PDF from one or more rendered documents, each keeping its own page numbers."""
        return self.write_pages(rendered[0], [page for document in rendered for page in document.pages])

    def write_pages(self, base: Rendered, pages: Sequence) -> bytes:
        """One PDF of the given pages, with `base`'s metadata; a line drawn by WeasyPrint's own function
        instead of the patch is a warning."""
        document = base.copy(list(pages))
        drawn_before = len(thai_text.fallbacks)
        with _warnings_fail("the PDF"):
            data = document.write_pdf(finisher=scan_marks.finisher(pages))
        fell_back = thai_text.fallbacks[drawn_before:]
        if fell_back:  # the page looks right; text copied out of it may not be
            self.warnings.append(f"{base.metadata.title or 'the PDF'}: {len(fell_back)} line(s) drawn "
                                 f"without the Thai text fix ({fell_back[0]}); text copied from the "
                                 f"PDF may differ from what is printed")
        # Pango falls back to any font on this machine for a family the stylesheets name but
        # do not bundle, or a character Sarabun lacks in a template's own text: the page
        # would print differently elsewhere, or as boxes.
        foreign = sorted({_name(font.family) for font in document.fonts.values()} - {FONT_FAMILY})
        if foreign:
            raise RenderError(f"{base.metadata.title or 'the PDF'}: drawn partly in "
                              f"{', '.join(foreign)}, not the bundled {FONT_FAMILY}: a font-family "
                              f"in the templates, or a character {FONT_FAMILY} does not have")
        return data

    def blank_page(self) -> Rendered:
        """An empty A4 page, to pad a participant's set for duplex printing; laid out once."""
        if self._blank is None:
            self._blank = self._blank_page()
        return self._blank

    def _blank_page(self) -> Rendered:
        html = HTML(string="<!DOCTYPE html><html><body></body></html>", base_url=self.base_url,
                    url_fetcher=self.fetcher)
        blank = CSS(string="@page { size: A4; margin: 0 } @page { @bottom-left { content: none } "
                           "@bottom-right { content: none } }", url_fetcher=self.fetcher,
                    font_config=self.font_config)
        with _warnings_fail("a blank page"):
            return html.render(stylesheets=[*self.stylesheets, blank], font_config=self.font_config)

    def _check_glyphs(self, document: doc.Document) -> None:
        # Pango would silently draw a missing character from some system font, which the
        # organiser's printer may not have; refuse instead, naming the character.
        shown = unprintable(doc.document_text(document))
        if shown:
            raise RenderError(_("{document}: the bundled font has no glyph for {shown}").format(
                document=document.title, shown=shown))


@cache
def _engine() -> bytes:
    """What lays a page out besides its HTML and stylesheets: the fit steps, the bundled
    fonts, WeasyPrint's and Pango's versions (read once per process)."""
    fonts = [(name, (fonts_dir() / name).read_bytes()) for name in FONT_FACES.values()]
    return repr((FIT_STEPS, page_checks.WORTH_REFITTING_SHARE, weasyprint.__version__,
                 pango.pango_version(), fonts)).encode()


def _page_facts() -> str:
    """page.py's A4 size, margins and writing line as CSS: the DOCX writer reads the same."""
    rules = []
    for orientation, selector in (("portrait", "@page"), ("landscape", "@page landscape")):
        top, right, bottom, left = MARGINS_MM[orientation]
        rules.append(f"{selector} {{ size: A4 {orientation}; "
                     f"margin: {top}mm {right}mm {bottom}mm {left}mm; }}")
    top, right, bottom, left = MARGINS_MM["portrait"]
    rules.append(f"@page scan {{ size: A4 portrait; margin: {SCAN_TOP_MARGIN_MM}mm {right}mm {bottom}mm "
                 f"{left}mm; @top-right {{ width: {SCAN_STAMP_MM}mm; }} }}")
    rules.append(f"body.scan td.tick span.box {{ width: {SCAN_BOX_MM}mm; height: {SCAN_BOX_MM}mm; }}")
    rules.append(f"html {{ --line: {LINE_MM}mm; }}")
    return "\n".join(rules)


def _name(family: bytes | str) -> str:
    return family.decode() if isinstance(family, bytes) else family


def _png_data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _css_string(value: str) -> Markup:
    # A quoted CSS string inside <style>: HTML escaping would break it, so escape for CSS,
    # including `<`, which could otherwise close the style element.
    escaped = (value.replace("\\", "\\5c ").replace('"', "\\22 ").replace("<", "\\3c ")
               .replace(">", "\\3e ").replace("\n", " "))
    return Markup(f'"{escaped}"')


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings_fail(what: str, fetcher: RestrictedFetcher | None = None) -> Iterator[None]:
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    if fetcher:
        fetcher.refused.clear()
    try:
        yield
    finally:
        logger.removeHandler(collector)
    refused = [_("refused to read {url}").format(url=url) for url in (fetcher.refused if fetcher else [])]
    if collector.messages or refused:
        raise RenderError(f"{what}: " + "; ".join(dict.fromkeys(refused + collector.messages)))
