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

:func:`export_pdf` renders the no-code HTML with WeasyPrint: A4, a cover page,
a table of contents with page numbers, "Halaman x dari y" in the footer.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import html
import logging
import os
import re
import time
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "ASSETS",
    "REMOVE_CELL_TAGS",
    "REMOVE_INPUT_TAGS",
    "REMOVE_OUTPUT_TAGS",
    "export_html",
    "export_pdf",
    "notebook_to_html",
    "quiet_weasyprint",
]

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent / "assets"
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
_NUM_TD = re.compile(
    r"<td>(\s*[-+\u2212]?\s*(?:Rp\.?\s*)?\(?[0-9][0-9.,\u00a0 ]*\)?\s*%?\s*)</td>"
)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.I | re.S)
_ID_ATTR = re.compile(r"\bid\s*=\s*\"([^\"]*)\"", re.I)
_TAG = re.compile(r"<[^>]+>")
_ANCHOR = re.compile(r"<a\b[^>]*class=\"anchor-link\"[^>]*>.*?</a>", re.I | re.S)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def _read_css(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _prepare(nb: Any, include_code: bool) -> Any:
    """Apply the tag rules on a copy of the notebook."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []) or [])
        if tags & REMOVE_CELL_TAGS and not include_code:
            continue
        if not include_code:
            if cell.cell_type == "code" and tags & REMOVE_OUTPUT_TAGS:
                cell.outputs = []
            if cell.cell_type == "code":
                # Officials never see stderr (warnings, progress bars).
                cell.outputs = [
                    o for o in cell.get("outputs", [])
                    if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                ]
            if cell.cell_type == "markdown" and tags & REMOVE_INPUT_TAGS:
                continue
            if cell.cell_type == "raw":
                continue
        cells.append(cell)
    nb.cells = cells
    return nb


def _postprocess(body: str) -> str:
    """Safety net for offline use and alignment of numeric table cells."""
    body = _SCRIPT_SRC_NET.sub("", body)
    body = _LINK_NET.sub("", body)
    body = _CSS_IMPORT_NET.sub("", body)
    body = _NUM_TD.sub(r'<td class="num">\1</td>', body)
    # Normalise line endings and trailing blanks so the bytes do not depend
    # on the platform.
    body = body.replace("\r\n", "\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    return body.strip() + "\n"


def notebook_to_html(nb_or_path: Any, *, include_code: bool, title: str) -> str:
    """Convert a notebook (path or :class:`nbformat.NotebookNode`) to an HTML string."""
    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    if isinstance(nb_or_path, (str, Path)):
        path = Path(nb_or_path)
        nb = nbformat.read(path, as_version=4)
        base = str(path.resolve().parent)
    else:
        nb = nb_or_path
        base = str(Path.cwd())
    nb = _prepare(nb, include_code)
    nb.metadata["title"] = title

    c = Config()
    if not include_code:
        c.TemplateExporter.exclude_input = True
        c.TemplateExporter.exclude_input_prompt = True
        c.TemplateExporter.exclude_output_prompt = True
        c.TagRemovePreprocessor.remove_input_tags = set(REMOVE_INPUT_TAGS)
        c.TagRemovePreprocessor.remove_all_outputs_tags = set(REMOVE_OUTPUT_TAGS)
        c.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_CELL_TAGS)
    c.TagRemovePreprocessor.enabled = True
    c.HTMLExporter.embed_images = True
    c.HTMLExporter.template_name = "lab"
    c.HTMLExporter.extra_template_paths = [str(ASSETS)]
    c.HTMLExporter.template_file = TEMPLATE_FILE
    exporter = HTMLExporter(config=c)
    resources = {
        "metadata": {"name": title, "path": base},
        "lkjip_css": _read_css("lkjip.css"),
        "lkjip_drop_stderr": not include_code,
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return _postprocess(body)


def export_html(nb_path: Path, out_path: Path, *, include_code: bool, title: str) -> Path:
    """Write the report HTML (``include_code=False``) or the full notebook HTML.

    The file is self-contained (styles inline, images as data URIs) and loads
    nothing from the network. Returns ``out_path``.
    """
    t0 = time.perf_counter()
    text = notebook_to_html(Path(nb_path), include_code=include_code, title=title)
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


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _logo_data_uri(path: Path) -> str:
    import base64

    mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".svg": "image/svg+xml", ".gif": "image/gif"}.get(path.suffix.lower(), "image/png")
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _cover_html(cover: Mapping[str, Any]) -> str:
    unit = _cover_value(cover, "unit") or ""
    year = _cover_value(cover, "year") or ""
    kab = _cover_value(cover, "kabupaten")
    logo = _cover_value(cover, "logo")
    name = _cover_value(cover, "head_name")
    position = _cover_value(cover, "head_position")
    rank = _cover_value(cover, "head_rank")
    nip = _cover_value(cover, "head_nip")
    document = _cover_value(cover, "document")
    title_html = (_esc(str(document).upper()) if document
                  else "LAPORAN KINERJA<br/>INSTANSI PEMERINTAH<br/>(LKjIP)")
    parts = ['<section class="cover">',
             f'<div class="cover-title">{title_html}</div>',
             f'<div class="cover-year">TAHUN {_esc(year)}</div>' if year else ""]
    if logo:
        parts.append(f'<div class="cover-logo"><img src="{_logo_data_uri(Path(logo))}" alt="Logo"/></div>')
    parts.append('<div class="cover-rule"></div>')
    parts.append(f'<div class="cover-unit">{_esc(str(unit).upper())}</div>')
    if kab:
        kab_text = str(kab)
        if not kab_text.lower().startswith(("kabupaten", "kota")):
            kab_text = "Kabupaten " + kab_text
        parts.append(f'<div class="cover-kab">{_esc(kab_text.upper())}</div>')
    head = []
    if position:
        head.append(f'<div class="position">{_esc(position)}</div>')
    if name:
        head.append(f'<div class="name">{_esc(name)}</div>')
    if rank:
        head.append(f'<div class="rank">{_esc(rank)}</div>')
    if nip:
        head.append(f'<div class="nip">NIP. {_esc(nip)}</div>')
    if head:
        parts.append('<div class="cover-head">' + "".join(head) + "</div>")
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _heading_text(inner: str) -> str:
    inner = _ANCHOR.sub("", inner)
    return html.unescape(_TAG.sub("", inner)).strip()


def _number_headings(body: str, levels: tuple[int, ...]) -> tuple[str, list[tuple[int, str, str]]]:
    """Give every heading an id; return the body and the TOC entries (level, id, text)."""
    entries: list[tuple[int, str, str]] = []
    used: set[str] = set(_ID_ATTR.findall(body))
    counter = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal counter
        level, attrs, inner = int(m.group(1)), m.group(2), m.group(3)
        idm = _ID_ATTR.search(attrs)
        if idm:
            hid = idm.group(1)
        else:
            counter += 1
            hid = f"lkjip-judul-{counter}"
            while hid in used:
                counter += 1
                hid = f"lkjip-judul-{counter}"
            used.add(hid)
            attrs = f'{attrs} id="{hid}"'
        if level in levels:
            text = _heading_text(inner)
            if text:
                entries.append((level, hid, text))
        return f"<h{level}{attrs}>{inner}</h{level}>"

    return _HEADING.sub(repl, body), entries


def _toc_html(entries: list[tuple[int, str, str]]) -> str:
    items = "\n".join(
        f'<li class="toc-h{level}"><a href="#{_esc(hid)}">{_esc(text)}</a></li>'
        for level, hid, text in entries
    )
    return f'<nav class="toc">\n<h1 class="toc-title">Daftar Isi</h1>\n<ol>\n{items}\n</ol>\n</nav>'


_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.I | re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_CELL = re.compile(r"<t[hd]\b([^>]*)>", re.I)
_COLSPAN = re.compile(r"colspan\s*=\s*\"?(\d+)", re.I)


_NUM_CELL = re.compile(r"<td class=\"num\">(.*?)</td>|<t[hd]\b[^>]*>", re.I | re.S)
#: Text block width in points (A4 210 mm - 45 mm margins) and the width of a
#: digit as a fraction of the font size (DejaVu Sans).
_TEXT_WIDTH_PT = (210 - 45) / 25.4 * 72
_DIGIT_EM = 0.64


def _mark_wide_tables(body: str) -> str:
    """Class tables for print CSS: wide ones get a smaller font, and a table
    whose numbers cannot fit unbroken even then may wrap them (``squeeze``)."""

    def repl(m: re.Match[str]) -> str:
        attrs, inner = m.group(1), m.group(2)
        rows = _ROW.findall(inner)
        widest = 0
        for row in rows[:5]:
            cols = 0
            for cell_attrs in _CELL.findall(row):
                span = _COLSPAN.search(cell_attrs)
                cols += int(span.group(1)) if span else 1
            widest = max(widest, cols)
        num_chars: dict[int, int] = {}
        for row in rows:
            for col, cell in enumerate(_NUM_CELL.finditer(row)):
                if cell.group(1) is not None:
                    num_chars[col] = max(num_chars.get(col, 0), len(cell.group(1).strip()))
        classes = []
        font_pt = 8.5
        if widest >= 16:
            classes.append("lkjip-wide-xl")
            font_pt = 6.5
        elif widest >= 10:
            classes.append("lkjip-wide")
            font_pt = 7.5
        needed = sum(n * _DIGIT_EM * font_pt + 6 for n in num_chars.values())
        if needed > 0.8 * _TEXT_WIDTH_PT:
            classes.append("lkjip-squeeze")
        if not classes:
            return m.group(0)
        cls = " ".join(classes)
        if re.search(r'class\s*=\s*"', attrs):
            attrs = re.sub(r'class\s*=\s*"', f'class="{cls} ', attrs, count=1)
        else:
            attrs = f'{attrs} class="{cls}"'
        return f"<table{attrs}>{inner}</table>"

    return _TABLE.sub(repl, body)


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
) -> str:
    """Add the cover, the table of contents, print CSS and metadata to a report HTML."""
    unit = _cover_value(cover, "unit") or ""
    year = _cover_value(cover, "year") or ""
    if running_title is None:
        running_title = f"LKjIP {unit} Tahun {year}".strip() if unit else title
    head_start, head_end = report_html.find("<head>"), report_html.find("</head>")
    body_open = re.search(r"<main\b[^>]*>", report_html) or re.search(r"<body\b[^>]*>", report_html)
    if head_start < 0 or head_end < 0 or body_open is None:
        raise ValueError("HTML laporan tidak memiliki <head> dan <body>/<main>")
    before = report_html[: body_open.end()]
    after = report_html[body_open.end():]
    after, entries = _number_headings(after, toc_levels)
    after = _mark_wide_tables(after)

    meta = [f"<title>{_esc(title)}</title>", '<meta name="generator" content="lkjip"/>']
    if unit:
        meta.append(f'<meta name="author" content="{_esc(unit)}"/>')
    date = _w3c_date(created)
    if date:
        meta.append(f'<meta name="dcterms.created" content="{_esc(date)}"/>')
        meta.append(f'<meta name="dcterms.modified" content="{_esc(date)}"/>')
    css = _read_css("lkjip-print.css")
    css += "\n@page { @top-right { content: " + _css_string(running_title) + "; } }\n"
    head = re.sub(r"<title>.*?</title>", "", before[head_start:head_end], flags=re.S)
    before = (before[:head_start] + head + "\n".join(meta) + f"\n<style>\n{css}</style>\n"
              + before[head_end:])
    return before + "\n" + _cover_html(cover) + "\n" + _toc_html(entries) + "\n" + after


def export_pdf(
    source: Path,
    out_path: Path,
    *,
    title: str,
    cover: Mapping[str, Any],
    created: dt.datetime | dt.date | str | None = None,
    toc_levels: tuple[int, ...] = (1, 2),
    running_title: str | None = None,
    keep_html: Path | None = None,
) -> Path:
    """Render the report PDF with WeasyPrint.

    ``source`` is the executed notebook (``.ipynb``; its no-code HTML is made
    here) or a no-code HTML written by :func:`export_html`. ``cover`` holds
    ``unit``, ``year``, ``kabupaten``, ``head_name``, ``head_position``,
    ``head_nip`` and optionally ``head_rank`` and ``logo`` (a path); the
    Indonesian keys ``tahun``, ``kepala_nama``, ``kepala_jabatan``,
    ``kepala_nip``, ``kepala_pangkat`` work too. ``created`` sets the PDF's
    creation and modification dates (none when omitted, so the bytes stay the
    same from run to run). ``keep_html`` writes the print HTML for debugging.
    """
    t0 = time.perf_counter()
    source = Path(source)
    if source.suffix.lower() == ".ipynb":
        report = notebook_to_html(source, include_code=False, title=title)
    else:
        report = source.read_text(encoding="utf-8")
    printable = build_print_html(report, title=title, cover=cover, created=created,
                                 toc_levels=toc_levels, running_title=running_title)
    if keep_html is not None:
        Path(keep_html).write_text(printable, encoding="utf-8")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with quiet_weasyprint(), _source_date_epoch(created), warnings.catch_warnings():
        # WeasyPrint 70 warns at import when HarfBuzz-subset is missing; fonts
        # are then subset with fontTools, which is fine for us.
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        from weasyprint import HTML

        document = HTML(string=printable, base_url=str(source.resolve().parent)).render()
        document.write_pdf(out_path, pdf_identifier=b"lkjip", uncompressed_pdf=False)
    log.info("PDF %s (%d halaman) ditulis dalam %.1f s", out_path.name, len(document.pages),
             time.perf_counter() - t0)
    return out_path
