"""Two documents, two columns: a finding's place in the published LKjIP and in the generated one.

The audit checks the *published* LKjIP (the source document, as printed): its places ("Gambar 3.6",
"Lampiran 4 Sekretaris Kecamatan") are that document's. The LKjIP this package generates numbers its
tables itself; where it prints the same figures, a finding names that place too ("Tabel 3.1.12 Laporan
Realisasi Anggaran Tahun 2023"), linked to the table in the generated LKjIP's HTML. The places of the
generated LKjIP come from the document stage (:func:`lkjip.document.generated_places.generated_places`,
given to the report as a plain mapping: this stage does not import that one).

``places`` below maps a published place (``lokasi``) to ``(text, anchor)``: the generated place as printed
and its caption id (``None`` for a Lampiran heading, which has no link).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from markupsafe import Markup, escape

from lkjip.contract.html_table import escape as cell_escape

#: Column headings naming the document each place belongs to.
PUBLISHED_PLACE = "Tempat di LKjIP yang diterbitkan"
GENERATED_PLACE = "Tempat di LKjIP yang dihasilkan"

#: What a finding shows when the generated LKjIP does not print its figure.
NOT_PRINTED = "tidak ada di LKjIP yang dihasilkan"

Places = Mapping[str, tuple[str, "str | None"]]

def generated_place(lokasi: object, places: Places) -> str:
    """The generated LKjIP's place(s) of a published place; several places (a figure printed in several
    tables, ``"Tabel 3.1.1 (IKM); Bab III A.5.a (teks)"``) give each once, in order.

    >>> p = {"Gambar 3.6": ("Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023", "tabel-3-1-12"),
    ...      "Tabel 3.1.1": ("Tabel 3.1.1 Pencapaian Kinerja", "tabel-3-1-1")}
    >>> generated_place("Gambar 3.6", p), generated_place("Lampiran 1 T-C.27", p), generated_place("Bab I B (teks)", p)
    ('Tabel 3.1.12 Laporan Realisasi Anggaran Tahun 2023', 'tidak ada di LKjIP yang dihasilkan', '')
    >>> generated_place("Tabel 3.1.1 (IKM); Bab III A.5.a (teks); Tabel 3.1.1 (x)", p)
    'Tabel 3.1.1 Pencapaian Kinerja'
    """
    if lokasi is None or (isinstance(lokasi, float) and pd.isna(lokasi)) or not str(lokasi).strip():
        return ""
    found: list[str] = []
    parts = str(lokasi).split("; ")
    for part in parts:
        key = part.split(" (")[0].strip()
        hit = places.get(key) or places.get(part.strip())
        if hit is not None and hit[0] not in found:
            found.append(hit[0])
    if found:
        return "; ".join(found)
    # a paragraph of the published text has no counterpart to point at; a table not printed says so
    return "" if all(p.strip().endswith("(teks)") for p in parts) else NOT_PRINTED


def place_links(places: Places, href: str) -> Callable[[str, str], Markup | None]:
    """A ``text_cell`` (:func:`lkjip.contract.html_table.table_html`) that links each generated place in a
    cell to its table in the generated LKjIP's HTML (``href``: that file's name, in the same folder); a
    cell naming several places (``"; "``) links each; ``None`` for a cell naming none.

    >>> p = {"Tabel 3.1.1": ("Tabel 3.1.1 Pencapaian Kinerja", "tabel-3-1-1"), "Lampiran 7": ("Lampiran 4 Prestasi",
    ...      None)}
    >>> place_links(p, "lkjip_gedeg_2023.html")("Tempat", "Tabel 3.1.1 Pencapaian Kinerja; Lampiran 4 Prestasi")
    Markup('<a href="lkjip_gedeg_2023.html#tabel-3-1-1">Tabel 3.1.1 Pencapaian Kinerja</a>; Lampiran 4 Prestasi')
    """
    anchors = {text: anchor for text, anchor in places.values() if isinstance(anchor, str) and anchor}

    def cell(column: str, text: str) -> Markup | None:
        parts = text.split("; ")
        if not any(p in anchors for p in parts):
            return None
        return Markup("; ".join(f'<a href="{escape(href)}#{escape(anchors[p])}">{cell_escape(p)}</a>' if p in anchors
                                else cell_escape(p) for p in parts))

    return cell


def with_generated_place(table: pd.DataFrame, lokasi: list, places: Places) -> pd.DataFrame:
    """``table`` (one row per finding, a :data:`PUBLISHED_PLACE` column) with :data:`GENERATED_PLACE`
    right after it; ``lokasi``: each row's published place."""
    out = table.copy()
    at = list(out.columns).index(PUBLISHED_PLACE) + 1 if PUBLISHED_PLACE in out.columns else 0
    out.insert(at, GENERATED_PLACE, [generated_place(x, places) for x in lokasi])
    return out
