"""``reports/<unit>/<year>/index.html``: every output of a unit-year with one line on who it is for;
``reports/index.html``: every published unit-year.

A published year holds a dozen files (the LKjIP, the audit, the SAKIP analysis, each as print HTML,
PDF and the auditors' HTML with code; the validation report; the executed notebooks). The index
is the way in: written into the staging folder before publishing, so it is published with what it
lists and never points at a file of another run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip.contract.pages import render
from lkjip.errors import LkjipError
from lkjip.inputs.files import write_text_atomic
from lkjip.inputs.unit import load_unit

INDEX = "index.html"

#: document (file name prefix) -> (title, who it is for), in the order a reader wants them
DOCUMENTS = {
    "lkjip": ("Laporan Kinerja Instansi Pemerintah (LKjIP)", "pimpinan yang menandatangani dan pembaca laporan"),
    "audit": ("Audit angka yang dipublikasikan", "Inspektorat dan BPK: setiap angka tercetak dihitung ulang"),
    "analisis_sakip": ("Analisis perubahan nilai SAKIP", "analis Bagian Organisasi: mengapa nilai SAKIP berubah"),
    "indikator": ("Indikator Kinerja Utama", "analis: perhitungan setiap IKU dari datanya"),
    "validasi": ("Validasi data", "analis dan pengelola data: setiap aturan data yang diperiksa"),
}
_KINDS = {".pdf": "PDF untuk dicetak", ".html": "HTML untuk dibaca di layar", "_lengkap.html": "HTML dengan kode (auditor)"}


@dataclass(frozen=True)
class Item:
    name: str
    href: str
    what: str


def index_items(report_dir: Path) -> list[Item]:
    """The outputs of ``report_dir`` in reading order: each document's PDF, HTML and HTML with code,
    then the validation report and the executed notebooks."""
    folder = Path(report_dir)
    items: list[Item] = []
    for prefix, (title, who) in DOCUMENTS.items():
        for suffix in (".pdf", ".html", "_lengkap.html"):
            for path in sorted(folder.glob(f"{prefix}_*{suffix}")):
                if suffix == ".html" and path.name.endswith("_lengkap.html"):
                    continue
                items.append(Item(path.name, path.name, f"{title}, {_KINDS[suffix]}: {who}"))
    if (folder / "validation" / "validasi.html").exists():
        items.append(Item("validation/validasi.html", "validation/validasi.html",
                          "Laporan validasi (Great Expectations) untuk auditor: aturan yang gagal lebih dahulu"))
    if (folder / "validation" / "data_docs" / "index.html").exists():
        items.append(Item("validation/data_docs/index.html", "validation/data_docs/index.html",
                          "Data Docs Great Expectations untuk pengguna GX (gaya dan skripnya dimuat dari internet)"))
    for path in sorted((folder / "notebooks").glob("*.ipynb")):
        items.append(Item(f"notebooks/{path.name}", f"notebooks/{path.name}",
                          "Notebook yang dijalankan, untuk dibuka ulang di JupyterLab"))
    return items


def write_index(report_dir: Path, unit_name: str, year: int) -> Path:
    """Write ``index.html`` into ``report_dir`` (every data string escaped by the template)."""
    html = render("indeks.html.j2", unit_name=unit_name, year=int(year), items=index_items(report_dir))
    return write_text_atomic(Path(report_dir) / INDEX, html)


@dataclass(frozen=True)
class YearLink:
    unit: str
    name: str
    year: int
    href: str


def published_years(reports_dir: Path, data_dir: Path) -> list[YearLink]:
    """Every published unit-year under ``reports_dir`` (a folder ``<unit>/<year>`` holding its index),
    by unit then year, with the unit's name from its unit.yaml; folders starting with ``_`` (failures,
    hand runs, the kabupaten view) are not units."""
    out = []
    root = Path(reports_dir)
    units = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) \
        if root.is_dir() else []
    for unit in units:
        years = sorted(p for p in unit.iterdir() if p.is_dir() and p.name.isdigit() and (p / INDEX).exists())
        name = unit_name(Path(data_dir), unit.name) if years else unit.name
        out += [YearLink(unit.name, name, int(y.name), f"{unit.name}/{y.name}/{INDEX}") for y in years]
    return out


def unit_name(data_dir: Path, unit: str) -> str:
    """The unit's name as unit.yaml gives it (its code when unit.yaml cannot be read)."""
    try:
        return load_unit(data_dir, unit).nama
    except LkjipError:
        return unit


def write_reports_index(reports_dir: Path, data_dir: Path) -> Path | None:
    """``reports/index.html`` over every published unit-year (rewritten after each ``lkjip run``), or
    None when nothing is published."""
    years = published_years(reports_dir, data_dir)
    if not years:
        return None
    return write_text_atomic(Path(reports_dir) / INDEX, render("indeks_laporan.html.j2", years=years))
