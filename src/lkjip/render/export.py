"""Render executed notebooks as the report: HTML for readers, PDF for print.

Two HTML flavours come from one executed notebook:

- ``include_code=False``: the report for officials. No input cells, no
  prompts, no stderr; cells tagged ``remove_cell`` (or ``remove-cell``,
  ``hide``) are dropped, ``remove_input``/``hide-input`` lose their input,
  ``remove_output``/``hide-output`` lose their outputs.
- ``include_code=True``: the full notebook for auditors, with code and
  prompts: nothing is dropped, not even ``remove_cell`` cells (the
  parameters and the loading code are what an auditor needs to retrace a
  figure).

Both are self-contained and work offline: the template
(``assets/lkjip.html.j2``, extending nbconvert's ``lab``) empties the
require.js, MathJax, Mermaid and widget blocks, the stylesheet is inlined,
images are data URIs. As a safety net any remaining ``<script src>`` or
``<link>`` pointing to the network is removed. The same notebook gives the
same HTML bytes (nbconvert adds nothing time-dependent with this template).

:func:`print_pdf` renders the no-code HTML with WeasyPrint: A4, a cover page,
a table of contents with page numbers, "Halaman x dari y" in the footer. The
cover, the table of contents and the print head (title, metadata, print CSS)
are Jinja templates (``assets/cetak_*.html.j2``, autoescape on); the headings
of the table of contents are read with an HTML parser (nbconvert gives every
Markdown heading an id); table cells are classed for print where they are made
(:func:`lkjip.contract.html_table.table_html`, and the Markdown renderer's table cells,
through the same :func:`lkjip.contract.html_table.cell_class`). The only rewriting of
rendered HTML left is :func:`_postprocess`'s safety net for third-party outputs
(network links dropped) and the no-break space after "Rp".

Nothing from the data becomes markup, even if a string escaped nobody's
escaping on the way (defence in depth, behind :func:`lkjip.contract.markup.md_text`):

- Markdown (the notebooks' cells and the ``text/markdown`` outputs of the
  drafted narrative) is rendered by :class:`SafeHTMLExporter`: raw HTML is
  escaped, links with a scheme other than http(s)/mailto become
  ``#harmful-link``, a Markdown image shows only its alt text (unless it is a
  notebook attachment), and no local file is ever read into the page. The package's own HTML blocks (title, signature) are Jinja
  templates with autoescape, shown as HTML outputs (:func:`lkjip.render.notebook.show`);
- WeasyPrint fetches through :class:`PackageFetcher`: the package's own
  assets (``src/lkjip/assets``) and ``data:`` images only; ``file://``
  elsewhere and every network scheme are refused (logged, never fetched), so a
  ``<a rel="attachment" href="file:///…">`` can never embed a local file.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import logging
import os
import re
import threading
import time
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from lkjip import ASSETS_DIR
from lkjip.contract.html_table import cell_class
from lkjip.render import printcheck
from lkjip.render.figure_fit import detach
from lkjip.contract.pages import render
from lkjip.render.contents import caption_entries, headings, lists_html, toc_html
from lkjip.contract.lean_imports import import_lean
from lkjip.render.screen import for_screen

__all__ = [
    "ASSETS",
    "REMOVE_CELL_TAGS",
    "REMOVE_INPUT_TAGS",
    "REMOVE_OUTPUT_TAGS",
    "PrintedPdf",
    "export_html",
    "notebook_to_html",
    "print_pdf",
    "quiet_weasyprint",
    "write_screen_html",
]

log = logging.getLogger(__name__)

ASSETS = ASSETS_DIR
TEMPLATE_FILE = "lkjip.html.j2"

REMOVE_CELL_TAGS = frozenset({"remove_cell", "remove-cell", "hide", "hide_cell", "hide-cell"})
REMOVE_INPUT_TAGS = frozenset({"remove_input", "remove-input", "hide_input", "hide-input"})
REMOVE_OUTPUT_TAGS = frozenset(
    {"remove_output", "remove-output", "hide_output", "hide-output"}
)

_NET = r"(?:https?:)?//"
_SCRIPT_SRC_NET = re.compile(rf"<script\b[^>]*\bsrc\s*=\s*[\"']?{_NET}[^>]*>\s*</script>", re.I | re.S)
_LINK_NET = re.compile(rf"<link\b[^>]*\bhref\s*=\s*[\"']?{_NET}[^>]*>", re.I)
_CSS_IMPORT_NET = re.compile(rf"@import\s+(?:url\()?[\"']?{_NET}[^;]*;", re.I)
#: An amount in rupiah: its "Rp" is joined to the amount by a no-break space, so a line never ends in "Rp".
_RUPIAH = re.compile(r"\bRp (?=[-(]?[0-9])")


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def stylesheet(name: str) -> str:
    """The package's stylesheet ``name`` as the reports carry it: without its comments, which are notes for
    maintainers and name the package's modules (a report names no code)."""
    return _CSS_COMMENT.sub("", (ASSETS / name).read_text(encoding="utf-8"))


def _drop_stderr(nb: Any, resources: dict) -> tuple[Any, dict]:
    """An nbconvert preprocessor: officials never see stderr (warnings, progress bars)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    return nb, resources


def _postprocess(body: str) -> str:
    """Safety net for offline use; "Rp" never alone at the end of a line."""
    body = _SCRIPT_SRC_NET.sub("", body)
    body = _LINK_NET.sub("", body)
    body = _CSS_IMPORT_NET.sub("", body)
    body = _RUPIAH.sub("Rp\u00a0", body)
    # Normalise line endings and trailing blanks so the bytes do not depend
    # on the platform.
    body = body.replace("\r\n", "\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    return body.strip() + "\n"


def _safe_exporter_class():
    """:class:`nbconvert.HTMLExporter` whose Markdown renderer escapes raw HTML and neutralises harmful links."""
    from jinja2 import pass_context

    HTMLExporter = import_lean("nbconvert").HTMLExporter
    from mistune.plugins.table import render_table_cell
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    class SafeRenderer(IPythonRenderer):
        def table_cell(self, text: str, align: str | None = None, head: bool = False) -> str:
            # a Markdown table's cell is classed as a generated table's is (an amount right-aligned)
            kind = None if head or align else cell_class(text)
            if kind is None:
                return render_table_cell(self, text, align=align, head=head)
            return f'  <td class="{kind}">{text}</td>\n'

        def image(self, text: str, url: str, title: str | None = None) -> str:
            # a Markdown image is a notebook attachment or nothing: never a file or a network address
            if url.startswith("attachment:"):
                return super().image(text, url, title)
            return self.escape_html(text)

    class SafeHTMLExporter(HTMLExporter):
        @pass_context
        def markdown2html(self, context, source):
            cell = context.get("cell", {})
            renderer = SafeRenderer(
                escape=True,  # raw HTML in Markdown is shown as text, never as a tag
                allow_harmful_protocols=None,  # javascript:, file:, vbscript:, data: (non-image) -> #harmful-link
                attachments=cell.get("attachments", {}),
                embed_images=False,  # an image path is never read from disk into the page
                path=context.get("resources", {}).get("metadata", {}).get("path", ""),
                anchor_link_text=self.anchor_link_text,
                exclude_anchor_links=self.exclude_anchor_links,
                **self.lexer_options,
            )
            return MarkdownWithMath(renderer=renderer).render(source)

    return SafeHTMLExporter


#: This thread's HTML exporters by ``include_code``: making one compiles its Jinja templates anew
#: (0,1 s a conversion). One per thread: a conversion registers its notebook's own filters on the
#: exporter (the threads of ``lkjip run`` convert at the same time).
_EXPORTERS = threading.local()


def _exporter(include_code: bool):
    """The HTML exporter of ``include_code``, made once per thread and then reused, as nbconvert's
    own command line reuses one exporter for every notebook it converts."""
    made = _EXPORTERS.__dict__.setdefault("made", {})
    if include_code not in made:
        exporter = _safe_exporter_class()(config=_exporter_config(include_code))
        if not include_code:
            exporter.register_preprocessor(_drop_stderr, enabled=True)
        made[include_code] = exporter
    return made[include_code]


def _exporter_config(include_code: bool):
    from traitlets.config import Config

    c = Config()
    if not include_code:
        # nbconvert's own tag rules: the cells, inputs and outputs officials do not see
        c.TemplateExporter.exclude_input = True
        c.TemplateExporter.exclude_input_prompt = True
        c.TemplateExporter.exclude_output_prompt = True
        c.TemplateExporter.exclude_raw = True
        c.TagRemovePreprocessor.remove_input_tags = set(REMOVE_INPUT_TAGS)
        c.TagRemovePreprocessor.remove_all_outputs_tags = set(REMOVE_OUTPUT_TAGS)
        c.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_CELL_TAGS)
    c.TagRemovePreprocessor.enabled = True
    # validate the notebook once after all preprocessors, not after each one (same check, a third of the cost)
    c.Exporter.optimistic_validation = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.template_name = "lab"
    c.HTMLExporter.extra_template_paths = [str(ASSETS)]
    c.HTMLExporter.template_file = TEMPLATE_FILE
    return c


def notebook_to_html(nb_or_path: Any, *, include_code: bool, title: str) -> str:
    """Convert a notebook (path or :class:`nbformat.NotebookNode`) to an HTML string."""
    nbformat = import_lean("nbformat")  # an export worker's first import of it: without the unused IRI grammar
    if isinstance(nb_or_path, (str, Path)):
        path = Path(nb_or_path)
        nb = nbformat.read(path, as_version=4)
        base = str(path.resolve().parent)
    else:
        nb = copy.copy(nb_or_path)  # the caller's notebook keeps its metadata
        base = str(Path.cwd())
    nb.metadata = nbformat.from_dict({**nb.metadata, "title": title})
    resources = {"metadata": {"name": title, "path": base}, "lkjip_css": stylesheet("lkjip.css")}
    body, _ = _exporter(include_code).from_notebook_node(nb, resources=resources)
    return _postprocess(body)


def export_html(nb_path: Path, out_path: Path, *, include_code: bool, title: str) -> Path:
    """Write the report HTML (``include_code=False``) or the full notebook HTML.

    The file is self-contained (styles inline, images as data URIs) and loads
    nothing from the network. Returns ``out_path``.
    """
    t0 = time.perf_counter()
    text = notebook_to_html(Path(nb_path), include_code=include_code, title=title)
    return write_screen_html(text, out_path, include_code=include_code, started=t0)


def write_screen_html(report_html: str, out_path: Path, *, include_code: bool = False,
                      started: float | None = None) -> Path:
    """Write ``report_html`` (from :func:`notebook_to_html`) as the screen page
    (:func:`lkjip.render.screen.for_screen`: its table of contents, no print-only block). Returns ``out_path``."""
    t0 = time.perf_counter() if started is None else started
    text = for_screen(report_html, lambda body: (headings(body, (1, 2)), caption_entries(body)), TOC_PLACEHOLDER)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8", newline="\n")
    log.info("HTML %s (%s) ditulis dalam %.1f s", out_path.name,
             "dengan kode" if include_code else "tanpa kode", time.perf_counter() - t0)
    return out_path


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------

_COVER_KEYS = {
    "unit": ("unit", "unit_name", "nama_unit", "instansi"),
    "year": ("year", "tahun"),
    "kabupaten": ("kabupaten", "pemda", "regency"),
    "head_name": ("head_name", "kepala_nama", "nama_kepala", "kepala"),
    "head_position": ("head_position", "kepala_jabatan", "jabatan"),
    "head_rank": ("head_rank", "kepala_pangkat", "pangkat"),
    "head_nip": ("head_nip", "kepala_nip", "nip"),
    "logo": ("logo", "logo_path"),
    "document": ("document", "judul", "dokumen"),
}


def _cover_value(cover: Mapping[str, Any], key: str) -> Any:
    for alias in _COVER_KEYS[key]:
        if cover.get(alias) not in (None, ""):
            return cover[alias]
    return None


def _css_string(text: str) -> str:
    """A CSS string literal; ``<`` is escaped too, so the text cannot close the ``<style>`` block."""
    return ('"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
            + '"')


def _logo_data_uri(path: Path) -> str:
    import base64

    mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".svg": "image/svg+xml", ".gif": "image/gif"}.get(path.suffix.lower(), "image/png")
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _cover_html(cover: Mapping[str, Any]) -> str:
    kab = _cover_value(cover, "kabupaten")
    if kab and not str(kab).lower().startswith(("kabupaten", "kota")):
        kab = "Kabupaten " + str(kab)
    logo = _cover_value(cover, "logo")
    return render("cetak_sampul.html.j2",
                  document=_cover_value(cover, "document"), year=_cover_value(cover, "year") or "",
                  logo=_logo_data_uri(Path(logo)) if logo else None, unit=str(_cover_value(cover, "unit") or ""),
                  kabupaten=kab, position=_cover_value(cover, "head_position"), name=_cover_value(cover, "head_name"),
                  rank=_cover_value(cover, "head_rank"), nip=_cover_value(cover, "head_nip")).rstrip("\n")


#: A block between these markers is for the screen only (:func:`lkjip.audit.report.screen_only`); the print
#: HTML leaves it out, so WeasyPrint neither parses nor styles it (the CSS would only hide it).
_SCREEN_ONLY = re.compile(r"<!--lkjip:layar-saja-->.*?<!--/lkjip:layar-saja-->", re.S)

#: Where the notebook wants the Daftar Isi (after the Kata Pengantar); without it they follow the cover.
TOC_PLACEHOLDER = '<div class="lkjip-daftar"></div>'


def _w3c_date(value: dt.datetime | dt.date | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.isoformat(timespec="seconds").replace("+00:00", "Z")
    return value.isoformat()


_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp|svg\+xml)[;,]", re.I)


def package_fetcher():
    """A WeasyPrint URL fetcher that serves the package's assets and ``data:`` images only.

    Everything else — ``file://`` outside ``src/lkjip/assets``, ``http(s)``,
    ``ftp`` and any other scheme, non-image ``data:`` — is refused with a log
    line and never opened; WeasyPrint then leaves the image out (and embeds no
    attachment). The refused URLs are kept in ``fetcher.refused``.
    """
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PackageFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []

        def _refuse(self, url: str, why: str):
            self.refused.append(url)
            log.warning("PDF: sumber %s tidak diambil (%s)", url[:120], why)
            raise ValueError(f"sumber ditolak ({why}): {url[:120]}")

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                if not _DATA_IMAGE.match(url):
                    self._refuse(url, "data: selain gambar")
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(url2pathname(url.split("?", 1)[0].split("#", 1)[0].removeprefix("file:"))).resolve()
                if not path.is_relative_to(ASSETS) or not path.is_file():
                    self._refuse(url, "berkas di luar aset paket")
                import mimetypes

                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})
            self._refuse(url, f"skema {scheme or '(tanpa skema)'} tidak diizinkan")

    return PackageFetcher()


@contextlib.contextmanager
def quiet_weasyprint(level: int = logging.ERROR) -> Iterator[None]:
    """Silence WeasyPrint and fontTools log noise for the duration of the block."""
    names = ("weasyprint", "weasyprint.progress", "fontTools", "fontTools.subset",
             "fontTools.ttLib", "fontTools.ttLib.ttFont")
    saved = {}
    for name in names:
        logger = logging.getLogger(name)
        saved[name] = logger.level
        logger.setLevel(level)
    try:
        yield
    finally:
        for name, old in saved.items():
            logging.getLogger(name).setLevel(old)


@contextlib.contextmanager
def _source_date_epoch(created: dt.datetime | dt.date | str | None) -> Iterator[None]:
    """Pin fontTools' font-subset timestamps (SOURCE_DATE_EPOCH) for identical PDF bytes."""
    if isinstance(created, dt.datetime):
        when = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        epoch = int(when.timestamp())
    elif isinstance(created, dt.date):
        epoch = int(dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC).timestamp())
    else:
        epoch = 0
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(max(epoch, 0))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def build_print_html(
    report_html: str,
    *,
    title: str,
    cover: Mapping[str, Any],
    created: dt.datetime | dt.date | str | None = None,
    toc_levels: tuple[int, ...] = (1, 2),
    running_title: str | None = None,
    landscape: bool = False,
) -> str:
    """Add the cover, the table of contents, print CSS and metadata to a report HTML; ``landscape`` turns
    every page to A4 landscape (one orientation throughout: the print checks learn one text width)."""
    unit = _cover_value(cover, "unit") or ""
    year = _cover_value(cover, "year") or ""
    if running_title is None:
        running_title = f"LKjIP {unit} Tahun {year}".strip() if unit else title
    head_start, head_end = report_html.find("<head>"), report_html.find("</head>")
    body_open = re.search(r"<main\b[^>]*>", report_html) or re.search(r"<body\b[^>]*>", report_html)
    if head_start < 0 or head_end < 0 or body_open is None:
        raise ValueError("HTML laporan tidak memiliki <head> dan <body>/<main>")
    before = report_html[: body_open.end()]
    after = _SCREEN_ONLY.sub("", report_html[body_open.end():])
    css = stylesheet("lkjip-print.css")
    css += "\n@page { @top-right { content: " + _css_string(running_title) + "; } }\n"
    if landscape:
        css += "@page { size: A4 landscape; }\n"
    meta = render("cetak_kepala.html.j2", title=title, author=unit, date=_w3c_date(created), css=Markup(css))
    head = before[head_start:head_end]
    # the report's own <title> gives way to the document's
    t0, t1 = head.find("<title>"), head.find("</title>")
    if 0 <= t0 < t1:
        head = head[:t0] + head[t1 + len("</title>"):]
    before = before[:head_start] + head + meta + before[head_end:]
    lists = toc_html(headings(after, toc_levels)) + "\n" + lists_html(caption_entries(after))
    if TOC_PLACEHOLDER in after:
        return before + "\n" + _cover_html(cover) + "\n" + after.replace(TOC_PLACEHOLDER, lists, 1)
    return before + "\n" + _cover_html(cover) + "\n" + lists + "\n" + after


@dataclass(frozen=True)
class PrintedPdf:
    """A PDF written by :func:`print_pdf` and the layout of its pages (:func:`lkjip.render.printcheck.findings`),
    measured on the very boxes the PDF was drawn from."""

    path: Path
    layout: dict


_FILE_NAME = re.compile(r"\b([A-Za-z0-9]+(?:_[A-Za-z0-9]+)+)(\.(?:csv|xlsx|parquet|json|md)\b)")


def print_text(root) -> None:
    """Ready the text of the parsed print document ``root`` for paper (an ``ElementTree`` element, as
    WeasyPrint parses it, before it is laid out):

    - a PDF links only inside itself: a link to another file (the audit's place in the generated LKjIP's
      HTML, a web address in the narrative) keeps its text, without the link, which on paper would point
      at the package's folder;
    - a long file name in a narrow column may break after each ``_`` (a zero-width space), not inside a
      word or after its dot, where it would read as a bare name ("paten_layanan." / "csv").

    >>> import tinyhtml5
    >>> root = tinyhtml5.parse('<p><a href="lkjip_x.html#t-1">Tabel <b>1</b></a> dan <a href="#bab-1">Bab I</a></p>'
    ...                        '<p class="c">Data masukan: paten_layanan.csv baris 3</p>', namespace_html_elements=False)
    >>> print_text(root)
    >>> [(a.get("href"), a.text) for a in root.iter("a")], root.find(".//b").tail
    ([('#bab-1', 'Bab I')], ' dan ')
    >>> root.find(".//p[@class='c']").text == "Data masukan: paten_\u200blayanan.csv baris 3"
    True
    """
    parents = {id(child): parent for parent in root.iter() for child in parent}
    for link in [a for a in root.iter("a") if not (a.get("href") or "#").startswith("#")]:
        _unwrap(link, parents[id(link)])
        parents.update({id(child): parents[id(link)] for child in link})

    def breakable(text: str | None) -> str | None:
        return text and _FILE_NAME.sub(lambda m: m.group(1).replace("_", "_\u200b") + m.group(2), text)

    skip = {id(e) for tag in ("head", "style", "script") for found in root.iter(tag) for e in found.iter()}
    for element in root.iter():
        if isinstance(element.tag, str) and id(element) not in skip:
            element.text = breakable(element.text)
        parent = parents.get(id(element))
        if parent is not None and id(parent) not in skip:
            element.tail = breakable(element.tail)


def _unwrap(element, parent) -> None:
    """Put ``element``'s text and children in its place in ``parent``."""
    at = list(parent).index(element)
    if element.text:
        if at:
            parent[at - 1].tail = (parent[at - 1].tail or "") + element.text
        else:
            parent.text = (parent.text or "") + element.text
    for k, child in enumerate(list(element)):
        parent.insert(at + k, child)
    detach(element, parent)  # its tail follows its last child


def print_pdf(
    source: Path,
    out_path: Path,
    *,
    title: str,
    cover: Mapping[str, Any],
    created: dt.datetime | dt.date | str | None = None,
    toc_levels: tuple[int, ...] = (1, 2),
    running_title: str | None = None,
    keep_html: Path | None = None,
    report_html: str | None = None,
    landscape: bool = False,
    memory: list[dict] | None = None,
) -> PrintedPdf:
    """Render the report PDF with WeasyPrint; return it with its layout record.

    ``source`` is the executed notebook (``.ipynb``; its no-code HTML is made
    here) or a no-code HTML written by :func:`export_html`. ``cover`` holds
    ``unit``, ``year``, ``kabupaten``, ``head_name``, ``head_position``,
    ``head_nip`` and optionally ``head_rank`` and ``logo`` (a path); the
    Indonesian keys ``tahun``, ``kepala_nama``, ``kepala_jabatan``,
    ``kepala_nip``, ``kepala_pangkat`` work too. ``created`` sets the PDF's
    creation and modification dates (none when omitted, so the bytes stay the
    same from run to run). ``keep_html`` writes the print HTML for debugging. ``report_html`` is the
    no-code HTML of :func:`notebook_to_html` when the caller has it (``source`` then only names it):
    the screen HTML written from it (:func:`write_screen_html`) lacks the blocks for print only.
    ``landscape`` prints every page on A4 landscape (:func:`build_print_html`). ``memory`` is the
    ``bab`` list of the layout record of this document's last print: the chapters it holds unchanged
    keep their decisions instead of being balanced again (:mod:`lkjip.render.layout_memory`); the PDF
    is the same with or without it.
    """
    t0 = time.perf_counter()
    source = Path(source)
    if report_html is not None:
        report = report_html
    elif source.suffix.lower() == ".ipynb":
        report = notebook_to_html(source, include_code=False, title=title)
    else:
        report = source.read_text(encoding="utf-8")
    printable = build_print_html(report, title=title, cover=cover, created=created, toc_levels=toc_levels,
                                 running_title=running_title, landscape=landscape)
    if keep_html is not None:
        Path(keep_html).write_text(printable, encoding="utf-8")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with quiet_weasyprint(), _source_date_epoch(created), warnings.catch_warnings():
        # WeasyPrint 70 warns at import when HarfBuzz-subset is missing; fonts
        # are then subset with fontTools, which is fine for us.
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        # base_url is the package's assets: a relative URL can only ever mean one of them
        fetcher = package_fetcher()
        balanced = printcheck.balance(printable, str(ASSETS) + "/", memory=memory, url_fetcher=fetcher,
                                      prepare=print_text)
        document = balanced.document
        document.write_pdf(out_path, pdf_identifier=b"lkjip", uncompressed_pdf=False, attachments=[])
    # the chapters' decisions go with the findings into run.json, where the next print finds them, and
    # how many of them this print took from the last one
    layout = {**printcheck.findings(printcheck.pages_of(document)), "bab": balanced.chapters,
              "bab_diingat": balanced.remembered}
    log.info("PDF %s (%d halaman; %d tata letak, %d bab diingat, %d tata letak bab baru) ditulis dalam %.1f s",
             out_path.name, len(document.pages), balanced.layouts, balanced.remembered, balanced.part_layouts,
             time.perf_counter() - t0)
    for problem in printcheck.problems(layout):
        log.warning("PDF %s: %s", out_path.name, problem)
    return PrintedPdf(out_path, layout)
