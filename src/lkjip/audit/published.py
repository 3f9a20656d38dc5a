"""Family 3, ``publikasi vs hitungan``: each published figure against the value recomputed from raw data.

The audit of year *Y* covers every figure of the document of *Y* (rows
whose ``dokumen`` names *Y*, e.g. ``LKjIP 2023``, whatever year the figure
is about: Tabel 3.1.2's 2021 column is recomputed from the 2021 data, a
2025 target from targets.csv) and every other row with ``tahun`` = *Y*.
A figure the raw data cannot recompute gets a row with status
``tidak_dapat_diperiksa`` and the reason; an id the audit does not know
goes to ``catatan``.
"""

from __future__ import annotations

import re

import pandas as pd

from lkjip.audit.context import NAN, Computed, Years
from lkjip.audit.figures import evaluate
from lkjip.audit.figures_detail import tc27_row_measures
from lkjip.audit.frames import _text, _year
from lkjip.audit.labels import chapter_of, figure_label
from lkjip.audit.result import FAMILY_PUBLISHED, _Rows
from lkjip.contract.fmt import mask_nip

UNKNOWN = "angka tidak dikenal oleh audit"

TC27_TARGETS = ("tc27_target:", "tc27_target_akhir:", "tc27_usulan_target:", "tc27_usulan_target_akhir:")

#: Optional columns of ``published`` copied into the audit rows.
PLACE_COLUMNS = ("lokasi", "baris_label", "kolom_label", "halaman", "teks")

_NIP = re.compile(r"(?<!\d)(?:\d ?){17}\d(?!\d)")


def _same(value):
    return value


def hider(show_nip: bool, row) -> object:
    """``mask_nips`` for a row that holds a NIP (id, row label or meaning), else the identity."""
    if show_nip:
        return _same
    text = " ".join(_text(row.get(c)) for c in ("indikator", "baris_label", "makna"))
    return mask_nips if _NIP.search(text) else _same


def _row_decimals(r) -> int | None:
    """The decimals a published row was typed with (column ``decimals``), when known."""
    v = r.get("decimals") if hasattr(r, "get") else None
    if v is None or pd.isna(v):
        return None
    return int(v)


def document_year(dokumen: object) -> int | None:
    """The year a document is about (``"LKjIP 2023"`` -> 2023), None when it names none.

    >>> document_year("LKjIP 2023"), document_year("Renstra 2021-2026"), document_year(None)
    (2023, 2021, None)
    """
    m = re.search(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", _text(dokumen))
    return int(m.group(1)) if m else None


def rows_of_audit(published: pd.DataFrame, year: int) -> pd.DataFrame:
    """The published rows the audit of ``year`` covers (see the module docstring), in file order."""
    tahun = pd.to_numeric(published["tahun"], errors="coerce")
    mask = tahun == int(year)
    if "dokumen" in published.columns:
        names = published["dokumen"].astype(object)
        years = {d: document_year(d) for d in set(names.dropna())}
        mask = mask | (names.map(years) == int(year))
    return published[mask]


def mask_nips(text: object) -> object:
    """NIPs (18 digits, spaces allowed) shown as ``1977***********001``; other text unchanged.

    >>> mask_nips("IP ASN pegawai NIP 197702211 995111001: dimensi kinerja")
    'IP ASN pegawai NIP 1977***********001: dimensi kinerja'
    """
    if not isinstance(text, str):
        return text

    return _NIP.sub(lambda m: mask_nip(m.group(0)), text)


def records(published: pd.DataFrame, year: int) -> list[dict]:
    """The audit's published rows as plain dicts (a loop over 3.000 dicts costs far less than iterrows)."""
    rows = rows_of_audit(published, year)
    out = rows.astype(object).where(rows.notna(), None).to_dict("records")
    for r, idx in zip(out, rows.index):
        r["_pos"] = idx
    return out


def uraian_of(row, names: dict[str, str] | None = None) -> str:
    """The human name of a published figure: its ``makna``, else the id in words (``names``: the unit's
    own IKU, code -> nama)."""
    makna = _text(row.get("makna"))
    if makna:
        return makna[:1].upper() + makna[1:]
    return figure_label(_text(row.get("indikator")), _text(row.get("ukuran")) or "realisasi", row.get("tahun"),
                        names)


def _published_checks(rows: list[dict], years: Years, out: _Rows, explain=None, show_nip: bool = False) -> None:
    """Add one row per published figure of the audit (``rows``: :func:`records`).

    ``explain(row, computed, ctx)`` returns the evidence of a difference
    (:mod:`lkjip.audit.explain`); ``show_nip`` keeps NIPs unmasked (unit.yaml
    ``tampilkan_nip``).
    """
    berkas = out.berkas("published")
    for r in rows:
        hide = hider(show_nip, r)
        ind = _text(r["indikator"])
        ukuran = _text(r.get("ukuran")).lower() or "realisasi"
        sumber = _text(r.get("sumber")) or None
        tahun = _year(r.get("tahun"))
        baris = r.get("baris")
        if pd.isna(r["nilai"]) or tahun is None:
            out.notes.append(f"published baris {baris} ({ind}): nilai atau tahun kosong, tidak diperiksa")
            continue
        ctx = years.get(int(tahun))
        computed = evaluate(ctx, ind, ukuran)
        if computed.why is None and ind.startswith(TC27_TARGETS) and \
                tc27_row_measures(ctx, ind.split(":", 1)[1], _text(r.get("baris_label")) or ind) is None:
            computed = Computed(NAN, "baris ini mengukur indikator lain dengan kode yang sama; targetnya bukan "
                                "data masukan")
        if computed.why == UNKNOWN:
            out.notes.append(f"published baris {baris} ({ind}, {ukuran}): {UNKNOWN}; tidak diperiksa")
            continue
        item = hide(f"{ind} ({ukuran})" + (f" - {sumber}" if sumber else ""))
        lokasi = _text(r.get("lokasi")) or None
        detail = {c: (hide(_text(r.get(c))) or None) for c in PLACE_COLUMNS}
        detail.update(indikator=hide(ind), tahun=int(tahun), ukuran=ukuran, bab=chapter_of(lokasi) or None,
                      uraian=hide(uraian_of(r, {k: i.nama for k, i in ctx.iku.items()})))
        if computed.why is not None:
            out.skip(FAMILY_PUBLISHED, "published", item, r["nilai"], computed.why, berkas=berkas,
                     baris=baris, sumber=sumber, **detail)
            continue
        evidence = (lambda r=r, computed=computed, ctx=ctx: explain(r, computed, ctx)) if explain else None
        out.add(FAMILY_PUBLISHED, "published", item, r["nilai"], computed.value, berkas=berkas,
                baris=baris, sumber=sumber, decimals=_row_decimals(r), evidence=evidence,
                sumber_hitungan=computed.sumber, **detail)
