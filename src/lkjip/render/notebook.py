"""Helpers the notebooks call so that they stay thin and read as documents.

A cell computes a frame under a name an analyst reads and shows it with the one display verb,
:func:`show`::

    ikm_unsur = tables.gambar_3_1(hasil.ikm)
    nb.show(ikm_unsur, "NRR per unsur", source="ikm_survei")

:func:`show` displays anything as the documents print it (a frame: caption, Indonesian numbers,
source line; a figure; the package's HTML; drafted Markdown), and the frame stays in the
namespace to be sorted, filtered or plotted. What is absent (``None``, a frame without rows, an
empty text) shows nothing at all, so a section that does not apply leaves no output behind.

:func:`setup` resolves the parameters: a notebook run by hand (JupyterLab,
``papermill`` without ``lkjip run``) writes into scratch folders and says so.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from lkjip.contract.html_table import table_html
from lkjip.contract.html_table import label  # noqa: F401  (nb.label: the notebooks' column captions)
from lkjip.errors import ConfigError
from lkjip.inputs.published_state import Published
from lkjip.inputs.catalog import (
    KABUPATEN_DIR,
    RUN_RECORD,
    default_data_dir,
    default_processed_dir,
    default_reports_dir,
    lab_processed_dir,
    lab_reports_dir,
    processed_year_dir,
    relative_to_root,
    reports_year_dir,
)
from lkjip.contract.markup import md_text
from lkjip.contract.pages import block, render
from lkjip.inputs.signing import resolve_signing
from lkjip.render.export import TOC_PLACEHOLDER



@dataclass(frozen=True)
class Context:
    """The parameters of a notebook run, with defaults resolved to real paths.

    ``lab`` is True for a run by hand: ``processed_dir`` and ``report_dir``
    that were not given point into the scratch folders
    (``data/processed/_lab``, ``reports/_lab/<unit>/<year>``), never into
    the published ones.
    """

    unit: str
    year: int
    data_dir: Path
    processed_dir: Path
    report_dir: Path
    lab: bool = False
    #: the version for signature (``lkjip run --final``); False = draft
    final: bool = False
    #: signing date and place given as run parameters (None: from the data, see :mod:`lkjip.inputs.signing`)
    tanggal_tanda_tangan: str | None = None
    tempat: str | None = None
    #: where earlier years are published (read, when fresh, for the multi-year tables; never written)
    published: Published | None = None

    def tanda_tangan(self):
        """Where, when and by whom the report is signed (:func:`lkjip.inputs.signing.resolve_signing`)."""
        return resolve_signing(self.data_dir, self.unit, self.year, final=self.final,
                               tanggal=self.tanggal_tanda_tangan, tempat=self.tempat)

    def lab_notice(self) -> str:
        """What a hand run writes where, in Bahasa Indonesia (Markdown); '' inside ``lkjip run``."""
        if not self.lab:
            return ""

        where = [relative_to_root(self.report_dir), relative_to_root(processed_year_dir(
            self.processed_dir, self.unit, self.year))]
        published = [relative_to_root(reports_year_dir(default_reports_dir(), self.unit, self.year)),
                     relative_to_root(processed_year_dir(default_processed_dir(), self.unit, self.year))]
        return (f"**Dijalankan manual, bukan oleh `lkjip run`.** Hasil notebook ini ditulis ke folder "
                f"kerja {md_text(where[0])} dan {md_text(where[1])}. Laporan dan data terbitan "
                f"({md_text(published[0])}, {md_text(published[1])}) tidak berubah; hanya **lkjip run "
                f"\\-\\-unit {md_text(self.unit)} \\-\\-year {self.year}** yang menerbitkannya.")


def _refuse_published(name: str, target: Path, published: Path) -> None:
    target = Path(target).resolve()
    if target == Path(published).resolve() or (name == "report_dir" and (target / RUN_RECORD).is_file()):
        raise ConfigError(
            f"Parameter {name} menunjuk ke folder terbitan {relative_to_root(target)}: notebook yang "
            "dijalankan manual tidak menulis ke sana. Kosongkan parameter ini (hasil masuk ke folder "
            "kerja _lab) atau jalankan `lkjip run`, yang menerbitkan lewat folder staging.")


def _configure() -> None:
    import os

    if os.environ.get("LKJIP_QUIET_WARNINGS") == "1":
        warnings.filterwarnings("ignore")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)
    from lkjip import charts  # deferred: imports matplotlib

    # SVG: vector charts in the PDF, and byte-stable output (see lkjip.charts).
    charts.setup_notebook("svg")


def setup(unit: str, year: int, data_dir=None, processed_dir=None, report_dir=None, *, final: bool = False,
          tanggal_tanda_tangan: str | None = None, tempat: str | None = None,
          published_processed_dir=None, published_reports_dir=None) -> Context:
    """Resolve parameters and set the display conventions of every notebook.

    Inside ``lkjip run`` the pipeline passes its staging folders as
    ``processed_dir`` and ``report_dir`` and publishes them when every step
    succeeded. A run by hand leaves them empty: they then point into the
    scratch folders ``data/processed/_lab`` and ``reports/_lab/<unit>/<year>``,
    and the cell's output says so. Published folders are never a hand run's
    target: a ``processed_dir``/``report_dir`` that resolves to one
    (``data/processed``, ``reports/<unit>/<year>``, or any folder holding a
    pipeline's ``run.json``) is a :class:`ConfigError`. Reading is not
    restricted: ``data_dir`` defaults to ``data/raw``.

    ``published_processed_dir``/``published_reports_dir`` say where earlier
    years are published (default ``data/processed`` and ``reports``): the
    multi-year tables read them there when they are fresh
    (:func:`lkjip.inputs.earlier_years.read_earlier_year`).

    Python warnings are not silenced wholesale: a warning in a report is a
    defect to fix (the pipeline test fails on any stderr output). Only
    ``LKJIP_QUIET_WARNINGS=1`` silences them, as an escape hatch for a third-
    party deprecation that appears after an upgrade.
    """
    _configure()
    year = int(year)
    lab = not processed_dir or not report_dir
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    if processed_dir:
        processed_dir = Path(processed_dir)
        _refuse_published("processed_dir", processed_year_dir(processed_dir, unit, year),
                          processed_year_dir(default_processed_dir(), unit, year))
    else:
        processed_dir = lab_processed_dir()
    if report_dir:
        report_dir = Path(report_dir)
        _refuse_published("report_dir", report_dir, reports_year_dir(default_reports_dir(), unit, year))
    else:
        report_dir = reports_year_dir(lab_reports_dir(), unit, year)
    report_dir.mkdir(parents=True, exist_ok=True)
    published = Published(Path(published_processed_dir) if published_processed_dir else default_processed_dir(),
                          Path(published_reports_dir) if published_reports_dir else default_reports_dir())
    ctx = Context(unit, year, data_dir, processed_dir, report_dir, lab, bool(final),
                  tanggal_tanda_tangan or None, tempat or None, published)
    if lab and _in_ipython():
        show(ctx.lab_notice())
    return ctx


@dataclass(frozen=True)
class KabupatenContext:
    """The parameters of the kabupaten notebook, resolved (see :func:`setup_kabupaten`).

    ``processed_dir`` is read (the units' published data), never written;
    ``output_dir`` receives ``ringkasan.csv``; ``units`` is ``None`` for every unit.
    """

    year: int
    units: list[str] | None
    data_dir: Path
    processed_dir: Path
    output_dir: Path
    report_dir: Path
    lab: bool = False

    def lab_notice(self) -> str:
        """What a hand run writes where (Markdown); '' inside ``lkjip kabupaten``."""
        if not self.lab:
            return ""

        return (f"**Dijalankan manual, bukan oleh `lkjip kabupaten`.** Ringkasan dan laporan ditulis ke "
                f"folder kerja {md_text(relative_to_root(self.output_dir))} dan "
                f"{md_text(relative_to_root(self.report_dir))}; folder terbitan "
                f"{md_text(relative_to_root(kabupaten_dirs(self.year)[1]))} tidak berubah. Hanya **lkjip "
                f"kabupaten \\-\\-year {self.year}** yang menerbitkannya.")


def kabupaten_dirs(year: int, processed_dir=None, reports_dir=None) -> tuple[Path, Path]:
    """The published folders of the kabupaten view: ``<processed>/_kabupaten/<year>``
    and ``<reports>/_kabupaten/<year>``."""
    processed = Path(processed_dir) if processed_dir else default_processed_dir()
    reports = Path(reports_dir) if reports_dir else default_reports_dir()
    return processed / KABUPATEN_DIR / str(int(year)), reports / KABUPATEN_DIR / str(int(year))


def setup_kabupaten(year: int, units=None, data_dir=None, processed_dir=None, output_dir=None,
                    report_dir=None) -> KabupatenContext:
    """:func:`setup` for the kabupaten notebook.

    ``units``: ``None`` (every unit) or codes as a list or a comma-separated
    string. Inside ``lkjip kabupaten`` the staging folders come as
    ``output_dir`` and ``report_dir``; a hand run leaves them empty and writes
    to ``data/processed/_lab/_kabupaten/<year>`` and
    ``reports/_lab/_kabupaten/<year>``, saying so. The published
    ``_kabupaten/<year>`` folders are refused as targets.
    """
    _configure()
    year = int(year)
    if isinstance(units, str):
        units = [u.strip() for u in units.split(",") if u.strip()]
    units = sorted(set(units)) if units else None
    lab = not output_dir or not report_dir
    published_out, published_report = kabupaten_dirs(year)
    if output_dir:
        output_dir = Path(output_dir)
        _refuse_published("output_dir", output_dir, published_out)
    else:
        output_dir = lab_processed_dir() / KABUPATEN_DIR / str(year)
    if report_dir:
        report_dir = Path(report_dir)
        _refuse_published("report_dir", report_dir, published_report)
    else:
        report_dir = lab_reports_dir() / KABUPATEN_DIR / str(year)
    for folder in (output_dir, report_dir):
        folder.mkdir(parents=True, exist_ok=True)
    ctx = KabupatenContext(year, units, Path(data_dir) if data_dir else default_data_dir(),
                           Path(processed_dir) if processed_dir
                           else default_processed_dir(), output_dir, report_dir, lab)
    if lab and _in_ipython():
        show(ctx.lab_notice())
    return ctx


def _in_ipython() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of ipykernel
        return False
    return get_ipython() is not None


class Table:
    """A frame shown as documents print it, and kept as a frame: what :func:`show` displays for a frame.

    Its ``_repr_html_`` is the block the documents print (caption above, Indonesian
    numbers by :func:`lkjip.contract.fmt.display_frame`, print classes, source line and
    ``note`` below, in one block the print CSS keeps together at its head);
    ``frame`` (also ``data``) is the DataFrame itself, unchanged. ``caption``
    is text or a numbered caption (:class:`lkjip.document.numbering.Caption`,
    listed in the PDF's Daftar Tabel). ``repr`` is the caption and the frame
    as text (deterministic, for consoles and the notebook's ``text/plain``
    output).

    A frame that is ``None`` or has no rows renders ``empty`` (a sentence for
    readers) instead of a table, or ``""`` when ``empty`` is not given (and
    :func:`show` then displays nothing).
    """

    def __init__(self, frame: pd.DataFrame | None, caption=None, *, source: str | None = None,
                 index: bool | None = None, formats: dict | None = None, empty: str | None = None,
                 wide: bool = False, note: str | None = None):
        self.frame = frame
        self.wide = wide
        self.caption = caption
        self.source = source
        self.index = index
        self.formats = formats
        self.empty = empty
        self.note = note

    @property
    def data(self) -> pd.DataFrame | None:
        return self.frame

    def _repr_html_(self) -> str:
        frame = self.frame
        if frame is None or not len(frame):
            return render("paragraf.html.j2", text=self.empty) if self.empty else ""
        return table_block(frame, self.caption, source=self.source, index=self.index, formats=self.formats,
                           note=self.note, wide=self.wide)

    def __repr__(self) -> str:
        head = f"{self.caption}\n" if self.caption else ""
        if self.frame is None or not len(self.frame):
            return head + (self.empty or "")
        return head + self.frame.to_string()


def table_block(frame: pd.DataFrame, caption=None, *, source: str | None = None, index: bool | None = None,
                formats: dict | None = None, note: str | None = None, wide: bool = False) -> str:
    """The HTML of a table with its caption above and its ``Sumber:`` line (and ``note``) below.

    The block is one ``div.lkjip-blok``, so the print CSS keeps the caption with the table.
    """
    if index is None:
        index = frame.index.name is not None or any(n is not None for n in frame.index.names[1:])
    return render("blok_tabel.html.j2", caption=caption_html(caption) if caption else "",
                  table=Markup(table_html(frame, index=index, formats=formats, wide=wide)), source=source, note=note)


def caption_html(caption) -> Markup:
    """``<p class="lkjip-caption">``; a numbered caption carries its ``id`` and kind for the
    PDF's Daftar Tabel / Daftar Gambar (``data-kind``, ``data-label``, ``data-title``)."""
    if hasattr(caption, "id") and hasattr(caption, "label"):
        return block("keterangan.html.j2", kind=caption.kind.lower(), id=caption.id, label=caption.label,
                     title=caption.title, text=str(caption))
    return block("keterangan.html.j2", kind="", text=caption)


class Figure:
    """A chart as the report shows it: caption above, the drawing (SVG), ``Sumber:`` below, in
    one block the print CSS never splits. ``.figure`` is the matplotlib figure."""

    def __init__(self, fig, caption=None, *, source: str | None = None):
        self.figure, self.caption, self.source = fig, caption, source

    def svg(self) -> bytes:
        import io

        buf = io.BytesIO()
        self.figure.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        return buf.getvalue()

    def _repr_html_(self) -> str:
        import base64

        # a Caption's title; a plain str caption is its own text (str.title is a method, whose repr
        # carries a memory address: the same inputs must give the same bytes)
        title = getattr(self.caption, "title", None)
        alt = title if isinstance(title, str) and title else (str(self.caption) if self.caption else "Gambar")
        data = base64.b64encode(self.svg()).decode("ascii")
        return render("blok_gambar.html.j2", caption=caption_html(self.caption) if self.caption else "",
                      data=data, alt=alt, source=self.source)

    def __repr__(self) -> str:
        return f"Figure({str(self.caption)!r})"


def show(obj, caption=None, *, source: str | None = None, **table_options) -> None:
    """Display ``obj`` as the report prints it: the one verb of the notebooks' cells.

    - a DataFrame: a :class:`Table` (``caption`` above, Indonesian numbers, ``source`` below; the options
      of :class:`Table`: ``index``, ``formats``, ``wide``, ``empty``, ``note``);
    - a matplotlib figure: a :class:`Figure` (``caption`` above, ``source`` below, one block the print never
      splits), then closed so that it is not shown twice;
    - HTML the package rendered itself from an autoescaping template (:class:`markupsafe.Markup`: the
      audit's blocks, the title, the signature): as HTML;
    - other text: Markdown composed from the figures (the drafted narrative). Data strings in it are
      escaped where they are inserted (:func:`lkjip.contract.markup.md_text`), and the renderer escapes any
      raw HTML left (:mod:`lkjip.render.export`);
    - anything else with a rich display (a :class:`Table` such as
      :class:`lkjip.render.print_split.SplitTable`): as it is.

    Nothing is shown for what is absent: ``None`` or a frame without rows (unless ``empty`` gives the
    sentence to show instead), an empty or blank text. A section that does not apply then leaves no
    output at all, not an empty block in the document.
    """
    from IPython.display import HTML, Markdown, display

    if obj is None or isinstance(obj, pd.DataFrame):
        if (obj is not None and len(obj)) or table_options.get("empty"):
            display(Table(obj, caption, source=source, **table_options))
    elif hasattr(obj, "savefig"):
        import matplotlib.pyplot as plt  # deferred: imports matplotlib

        display(Figure(obj, caption, source=source))
        plt.close(obj)
    elif isinstance(obj, Markup):
        if obj.strip():
            display(HTML(str(obj)))
    elif isinstance(obj, str):
        if obj.strip():
            display(Markdown(obj))
    else:
        display(obj)


def toc_placeholder() -> Markup:
    """Where the LKjIP's Daftar Isi, Daftar Tabel and Daftar Gambar go (filled by the export: page numbers in
    the PDF, links in the HTML; :data:`lkjip.render.export.TOC_PLACEHOLDER`), for :func:`show`."""
    return Markup(TOC_PLACEHOLDER)


def folded(content, summary: str) -> Markup:
    """``content`` (a :class:`Table`, or anything with ``_repr_html_``) folded in a closed ``<details>``
    whose line reads ``summary`` (escaped), as HTML for :func:`show`: a long list that matters less than
    what stands above it (e.g. every validation rule, below the rules that failed) is one click away, not in
    the way."""
    inner = Markup(content._repr_html_()) if hasattr(content, "_repr_html_") else str(content)
    return block("lipat.html.j2", summary=summary, inner=inner)
