"""The generated LKjIP audited too: its totals, its percentages and the printed figures it carries.

The audit (:mod:`lkjip.audit`) checks the *published* LKjIP. The LKjIP this package generates prints
tables of its own (numbered by :func:`lkjip.document.generated_places.planned_captions`); a table that
copies a source (the LRA) copies its disagreements too: Tabel 3.1.12 prints 5.1 BELANJA OPERASI at
Rp 2.660.473.927 while its accounts add up to Rp 2.661.073.927. Each table is checked the way the audit
checks a printed table (:func:`lkjip.contract.rules.printed.check_total`, half a unit of the printed
decimal):

- a ``Jumlah``/``Total`` row against the sum of the rows above it (the top-level rows when the table
  has codes);
- a parent code (``5.1``, ``7.01.01``) against the sum of its direct children;
- a ``Jumlah`` column against the other counted columns of its row (Laki-laki + Perempuan, twelve months);
- a ``%`` column against realisasi / anggaran;
- a figure the table carries from a source as printed (``Jumlah tercetak``, an official's ``Capaian (%)``)
  against the figure computed beside it;
- an official's realisasi anggaran (the generated Lampiran's serapan is computed from it) against the
  anggaran data's budget line with the same pagu (Rp 41.332 against Rp 41.322.000: 0,10% printed);
- the generated Berita Acara's realisasi against the signed Berita Acara as the published LKjIP prints it
  (the generated one prints IKM 98,31 where the signed one says 97,33).

Nothing is changed: the findings are listed, in the audit's own section on the generated LKjIP.
"""

from __future__ import annotations

import re

import pandas as pd

from lkjip import document as report
from lkjip.contract.fmt import fmt_date_id, fmt_int, fmt_number, fmt_rupiah, is_missing
from lkjip.contract.rules.printed import EPS, decimals_of, decimals_of_text, tolerance
from lkjip.document import narrative
from lkjip.document.generated_places import Plan, captions_by_title, planned_captions

COLUMNS = ("Tempat di LKjIP yang dihasilkan", "Baris", "Kolom", "Tercetak", "Pembanding", "Selisih", "Pemeriksaan")

_TOTAL = re.compile(r"^\s*(jumlah|total)\b", re.IGNORECASE)
_NOT_ADDED = re.compile(r"%|tercetak|selisih|capaian|nilai|bobot|target|tahun\b|^no$|indeks", re.IGNORECASE)
_CODE_COLUMNS = ("Kode Rekening", "Kode")


def _tables(laporan) -> list[tuple[str, pd.DataFrame | None]]:
    """(title as the generated LKjIP captions it, frame as shown) of the tables with figures that add up."""
    year, unit = laporan.year, laporan.unit.nama
    penduduk = report.penduduk(laporan)
    pop = None if report.is_absent(penduduk) else penduduk.tabel
    pop_title = None
    if pop is not None:
        pop_title = f"Jumlah Penduduk {unit}" + (f" per {fmt_date_id(penduduk.per_tanggal)}"
                                                 if penduduk.per_tanggal is not None else "")
    return [
        ("Jumlah Pegawai per Jabatan", laporan.pegawai_jabatan),
        ("Jumlah Pegawai per Status Kepegawaian", laporan.pegawai_status),
        (pop_title, pop),
        (f"Laporan PATEN Tahun {year}", laporan.gambar_3_2),
        ("Rekapitulasi Laporan Seksi-Seksi", laporan.gambar_3_4),
        (f"Laporan Realisasi Anggaran Tahun {year}", laporan.gambar_3_6),
        ("Anggaran dan Realisasi per Jenis Belanja", laporan.tabel_3_2_1),
        ("Realisasi Penyerapan Anggaran per Program, Kegiatan dan Sub Kegiatan", laporan.tabel_3_2_5),
        *_officials(laporan),
    ]


def _officials(laporan) -> list[tuple[str, pd.DataFrame]]:
    pejabat = report.laporan_pejabat(laporan)
    if report.is_absent(pejabat):
        return []
    return [(f"Capaian Kinerja {p.jabatan}", narrative.lampiran.pejabat_tabel_capaian(p)) for p in pejabat]


def _num(v) -> float:
    try:
        return float("nan") if is_missing(v) else float(v)
    except (TypeError, ValueError):
        return float("nan")


def _added_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and not _NOT_ADDED.search(str(c))]


def _label(df: pd.DataFrame, i: int) -> str:
    texts = [str(df.iloc[i][c]).strip() for c in df.columns
             if not pd.api.types.is_numeric_dtype(df[c]) and not is_missing(df.iloc[i][c])]
    return " ".join(t for t in texts if t)[:120]


def _is_total(df: pd.DataFrame, i: int) -> bool:
    return any(_TOTAL.match(str(df.iloc[i][c])) for c in df.columns
               if not pd.api.types.is_numeric_dtype(df[c]) and not is_missing(df.iloc[i][c]))


def _parents(df: pd.DataFrame) -> list[int | None] | None:
    col = next((c for c in _CODE_COLUMNS if c in df.columns), None)
    if col is None:
        return None
    codes = ["" if is_missing(v) else str(v).strip() for v in df[col]]
    where = {c: i for i, c in enumerate(codes) if c}
    out: list[int | None] = []
    for c in codes:
        parts = c.split(".")
        parent = None
        for n in range(len(parts) - 1, 0, -1):
            if ".".join(parts[:n]) in where:
                parent = where[".".join(parts[:n])]
                break
        out.append(parent)
    return out


def _show(value: float, column: str) -> str:
    if "(Rp)" in column or "Rp" == column:
        return fmt_rupiah(value, 0)
    if "%" in column:
        return fmt_number(value, 2)
    return fmt_int(value)


def check_table(df: pd.DataFrame) -> list[dict]:
    """Every disagreement of one generated table (rows: ``Baris``, ``Kolom``, ``tercetak``, ``seharusnya``,
    ``Pemeriksaan``), in table order.

    >>> t = pd.DataFrame({"Kode Rekening": ["5", "5.1", "5.1.01", "5.1.02", "5.2", None],
    ...                   "Uraian": ["BELANJA", "OPERASI", "Pegawai", "Barang", "MODAL", "Jumlah"],
    ...                   "Anggaran (Rp)": [2_720_088_927.0, 2_660_473_927.0, 2_149_981_250.0, 511_092_677.0,
    ...                                     59_615_000.0, 2_720_088_927.0]})
    >>> [(r["Baris"], r["tercetak"], r["seharusnya"]) for r in check_table(t)]
    [('5.1 OPERASI', 2660473927.0, 2661073927.0)]
    """
    out: list[dict] = []
    if df is None or not len(df):
        return out
    df = df.reset_index(drop=True)
    added = _added_columns(df)
    parents = _parents(df)
    totals = [i for i in range(len(df)) if _is_total(df, i)]

    def add(i: int, col: str, printed: float, should: float, what: str, decimals: int = 0) -> None:
        if any(map(pd.isna, (printed, should))) or abs(printed - should) <= tolerance(decimals) + EPS:
            return
        out.append({"Baris": _label(df, i), "Kolom": str(col), "tercetak": printed, "seharusnya": should,
                    "Pemeriksaan": what})

    for col in added:
        values = [_num(v) for v in df[col]]
        # parents against their direct children
        if parents is not None:
            for i in range(len(df)):
                kids = [k for k, p in enumerate(parents) if p == i and k not in totals]
                if kids and i not in totals:
                    add(i, col, values[i], sum(values[k] for k in kids if not pd.isna(values[k])),
                        "baris induk terhadap jumlah rinciannya")
        # a Jumlah row against the rows above it (the top level when there are codes)
        for t in totals:
            rows = [k for k in range(t) if k not in totals and (parents is None or parents[k] is None)]
            if rows:
                add(t, col, values[t], sum(values[k] for k in rows if not pd.isna(values[k])),
                    "baris jumlah terhadap baris-baris di atasnya")
    # a Jumlah column against the other counted columns of its row
    jumlah = [c for c in added if str(c).lower().startswith("jumlah") and "(orang)" not in str(c).lower()]
    others = [c for c in added if c not in jumlah]
    if len(jumlah) == 1 and len(others) >= 2:
        for i in range(len(df)):
            parts = [_num(df.iloc[i][c]) for c in others]
            if all(not pd.isna(p) for p in parts):
                add(i, jumlah[0], _num(df.iloc[i][jumlah[0]]), sum(parts),
                    f"kolom {jumlah[0]} terhadap {' + '.join(str(c) for c in others[:3])}"
                    + (" ..." if len(others) > 3 else ""))
    # a percentage against realisasi / anggaran
    pct = next((c for c in df.columns if str(c).strip().startswith("%") or str(c).strip() == "%"), None)
    ang = next((c for c in df.columns if str(c).startswith("Anggaran") and "(Rp)" in str(c)), None)
    real = next((c for c in df.columns if str(c).startswith("Realisasi") and "(Rp)" in str(c)), None)
    if pct is not None and ang is not None and real is not None:
        for i in range(len(df)):
            a, r = _num(df.iloc[i][ang]), _num(df.iloc[i][real])
            if a:
                add(i, pct, _num(df.iloc[i][pct]), r / a * 100.0, f"{pct} terhadap {real} / {ang}", 2)
    # an official's capaian as printed in the report, against its recomputation beside it
    if "Capaian (%)" in df.columns and "Hitung ulang (%)" in df.columns:
        for i in range(len(df)):
            printed = _num(df.iloc[i]["Capaian (%)"])
            if not pd.isna(printed):
                add(i, "Capaian (%)", printed, _num(df.iloc[i]["Hitung ulang (%)"]),
                    "capaian tercetak di laporan pejabat terhadap realisasi dibagi target", decimals_of(printed))
    # a figure carried from a source as printed, against the figure computed beside it
    for col in df.columns:
        if str(col).lower().endswith(" tercetak"):
            base = str(col)[: -len(" tercetak")]
            if base in df.columns:
                for i in range(len(df)):
                    add(i, col, _num(df.iloc[i][col]), _num(df.iloc[i][base]),
                        f"angka tercetak di dokumen sumber terhadap {base} hasil hitung")
    return out


def berita_acara_checks(laporan, place: str) -> list[dict]:
    """The generated Berita Acara's realisasi against the signed one as the published LKjIP prints it
    (published rows whose source names the Berita Acara), at the printed decimals: the generated
    Lampiran prints a signed document's figures, so they must be the signed ones."""
    ba = report.berita_acara(laporan)
    pub = getattr(laporan.inputs, "published", None)
    if report.is_absent(ba) or pub is None or not len(pub) or "sumber" not in pub.columns:
        return []
    signed = pub[pub["sumber"].astype(str).str.contains("Berita Acara", case=False, regex=False)
                 & (pd.to_numeric(pub["tahun"], errors="coerce") == laporan.year)]
    if "ukuran" in signed.columns:
        signed = signed[signed["ukuran"].astype(str).str.strip().str.lower().isin(["", "realisasi", "nan"])]
    out = []
    for ind, name, value in zip(ba.hasil["indikator"], ba.hasil["Indikator Kinerja"], ba.hasil["Realisasi"]):
        for _, r in signed[signed["indikator"].astype(str).str.strip() == str(ind)].iterrows():
            printed = _num(r["nilai"])
            d = decimals_of_text(r.get("teks")) if isinstance(r.get("teks"), str) else None
            d = decimals_of(printed) if d is None else d
            if not pd.isna(printed) and not pd.isna(_num(value)) and abs(_num(value) - printed) > tolerance(d) + EPS:
                out.append({COLUMNS[0]: place, "Baris": str(name), "Kolom": "Realisasi",
                            "Tercetak": fmt_number(_num(value), d), "Pembanding": fmt_number(printed, d),
                            "Selisih": fmt_number(_num(value) - printed, d),
                            "Pemeriksaan": "realisasi di Berita Acara yang dihasilkan terhadap Berita Acara yang "
                                           "ditandatangani (sebagaimana tercetak di LKjIP yang diterbitkan)",
                            "_anchor": None})
                break
    return out


def official_budget_checks(laporan, by_title: dict) -> list[dict]:
    """An official's realisasi anggaran as their report prints it (the generated Lampiran computes its
    serapan from it: Rp 41.332 of Rp 41.600.000 is 0,10%) against the realisasi in the anggaran data of the
    one budget line with the same pagu (a sub kegiatan, named), when exactly one line has that pagu."""
    pejabat = report.laporan_pejabat(laporan)
    budget = laporan.dataset("anggaran")
    if report.is_absent(pejabat) or budget is None or not {"kode", "pagu", "realisasi"} <= set(budget.columns):
        return []
    out = []
    for p in pejabat:
        cap = by_title.get(f"Capaian Kinerja {p.jabatan}")
        if cap is None or pd.isna(_num(p.anggaran)) or pd.isna(_num(p.realisasi_anggaran)):
            continue
        same = budget[(pd.to_numeric(budget["pagu"], errors="coerce") - p.anggaran).abs() < 0.5]
        if len(same) != 1:
            continue
        line = same.iloc[0]
        real = _num(line["realisasi"])
        if pd.isna(real) or abs(real - p.realisasi_anggaran) <= tolerance(0) + EPS:
            continue
        out.append({COLUMNS[0]: str(cap), "Baris": f"{p.jabatan}: anggaran terserap (seperti tertulis dalam laporan jabatan)",
                    "Kolom": "Realisasi anggaran (Rp)", "Tercetak": fmt_rupiah(p.realisasi_anggaran, 0),
                    "Pembanding": fmt_rupiah(real, 0), "Selisih": fmt_rupiah(p.realisasi_anggaran - real, 0),
                    "Pemeriksaan": f"realisasi anggaran dari laporan jabatan terhadap realisasi sub kegiatan "
                                   f"{line['kode']} {line.get('uraian', '')} (satu-satunya dengan pagu "
                                   f"{fmt_rupiah(p.anggaran, 0)}) di data anggaran",
                    "_anchor": cap.id})
    return out


def self_audit(laporan, final: bool = False, plan: Plan | None = None) -> pd.DataFrame:
    """The findings of the generated LKjIP's own tables (columns :data:`COLUMNS`, figures as text),
    with ``_anchor`` (the table's id in the LKjIP's HTML) for a link."""
    plan = plan or planned_captions(laporan, final)
    by_title = captions_by_title(plan.captions)
    rows = []
    for title, df in _tables(laporan):
        cap = by_title.get(title) if title else None
        if cap is None or df is None:
            continue
        for f in check_table(df):
            col = f["Kolom"]
            rows.append({COLUMNS[0]: str(cap), "Baris": f["Baris"], "Kolom": col,
                         "Tercetak": _show(f["tercetak"], col), "Pembanding": _show(f["seharusnya"], col),
                         "Selisih": _show(f["tercetak"] - f["seharusnya"], col), "Pemeriksaan": f["Pemeriksaan"],
                         "_anchor": cap.id})
    rows += official_budget_checks(laporan, by_title)
    ba_place = next((f"{label} {title}" for label, title in plan.lampiran.items()
                     if title == "Berita Acara Pengukuran Kinerja"), None)
    if ba_place is not None:
        rows += berita_acara_checks(laporan, ba_place)
    return pd.DataFrame(rows, columns=[*COLUMNS, "_anchor"])
