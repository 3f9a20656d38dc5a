"""Blank .xlsx templates analysts fill in, made from the data contract.

Each workbook's first sheet holds only the header row (the reader reads the
first sheet); the second sheet, ``petunjuk``, explains every column in
Bahasa Indonesia with an example, and for ``indikator`` and ``realisasi`` how a rumus is written and a
reported figure handed in (:data:`lkjip.contract.optional_datasets.GUIDE_NOTES`).
"""

from __future__ import annotations

from pathlib import Path

from lkjip.contract.optional_datasets import GUIDE_NOTES
from lkjip.contract.schema import DATASETS, Dataset
from lkjip.inputs.workbook import save_reproducible

KIND_LABEL = {"text": "teks", "number": "angka", "integer": "bilangan bulat", "date": "tanggal"}


def write_template(dataset: Dataset, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    data = book.active
    data.title = "data"
    for index, column in enumerate(dataset.columns, start=1):
        cell = data.cell(row=1, column=index, value=column.name)
        cell.font = Font(bold=True)
        if column.required:
            cell.fill = PatternFill("solid", fgColor="DDDDDD")
        data.column_dimensions[get_column_letter(index)].width = max(12, len(column.name) + 4)
    data.freeze_panes = "A2"

    guide = book.create_sheet("petunjuk")
    guide.append([dataset.title])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([f"Satu baris per {dataset.one_row_per}. Isi lembar 'data' mulai baris 2; "
                  "baris 1 (nama kolom) jangan diubah. Kolom berwarna abu-abu wajib ada."])
    guide.append(["Angka boleh ditulis 2.720.088.927,00 atau Rp 2.720.088.927 atau 94,37%; "
                  "tanggal 2023-01-31 atau 31/01/2023."])
    guide.append([])
    guide.append(["kolom", "wajib", "jenis isi", "keterangan", "contoh"])
    for cell in guide[5]:
        cell.font = Font(bold=True)
    for column in dataset.columns:
        guide.append([column.name, "ya" if column.required else "tidak", KIND_LABEL[column.kind],
                      column.description, column.example])
    notes = GUIDE_NOTES.get(dataset.name, ())
    if notes:
        guide.append([])
        for line in notes:
            guide.append([line])
    for letter, width in zip("ABCDE", (24, 8, 16, 80, 28)):
        guide.column_dimensions[letter].width = width
    # Pinned timestamps keep the committed templates byte-stable across remakes.
    return save_reproducible(book, path)


def write_templates(out_dir: Path) -> list[Path]:
    """Write one blank workbook per dataset into ``out_dir``."""
    return [write_template(d, Path(out_dir) / f"{name}.xlsx") for name, d in DATASETS.items()]
