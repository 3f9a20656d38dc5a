"""Data assembly for the LKjIP notebook: every table and chart the report shows.

:func:`build_report` loads a unit-year, computes its indicators, reads the
unit's other years (up to the report year) for the multi-year tables, and
returns a :class:`ReportData` holding ready DataFrames for every table of the
seed report, in its order:

- Bab I B: staff in post at 31 December by status and by position group, and
  the staff who joined or left during the year (``pegawai_*``);
- Bab II: Tabel 2.1 (Renstra targets), 2.2 (PK), 2.3 (PK Perubahan, when
  present) (``tabel_2_*``);
- Bab III: Tabel 3.1.1 - 3.1.4, Gambar 3.1 - 3.7, the innovations, and
  Tabel 3.2.1 - 3.2.5 (built by :mod:`lkjip.tables`).

The frames keep full precision; the notebook formats them with
:func:`lkjip.notebook.table`. Display frames have no index (the indicator id
is an internal key). Chart functions (``fig_*``) draw the report's figures
from a :class:`ReportData`. :func:`write_indicators_csv` writes the data
contract's ``indicators.csv``. The lampiran helpers read the validation JSON
and the audit CSV when a run wrote them, and record provenance.

Privacy: employee names appear only when ``unit.yaml`` says
``tampilkan_nama_pegawai: true``; NIPs are masked unless ``tampilkan_nip: true``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import budget as _budget
from . import tables as _tables
from .fmt import fmt_compact, fmt_number, is_missing
from .indicators import INDICATOR_COLUMNS, IndicatorResults, compute_all, indicator_history
from .rules import DOCUMENT_LABELS, INDICATOR_IDS, get_indicator
from .ingest import read_year
from .layout import list_years, processed_year_dir, project_root, unit_file
from .steps import YearInputs, load_inputs
from .targets import normalize_targets
from .unit import Unit

__all__ = [
    "JABATAN_GROUPS",
    "ReportData",
    "audit_summary",
    "build_report",
    "fmt_compact",
    "jabatan_group",
    "provenance_tables",
    "report_provenance",
    "staff_in_post",
    "validation_summary",
    "write_indicators_csv",
]

#: Position groups of Bab I B, in the seed's order.
JABATAN_GROUPS = ("Camat", "Sekretaris Kecamatan", "Kepala Seksi", "Kepala Sub Bagian",
                  "Pelaksana", "Tenaga Honorer")
HONORER = "Tenaga Honorer"


# --------------------------------------------------------------------------- staff (Bab I B)

def jabatan_group(jabatan: object, status: object = None) -> str:
    """The Bab I B group of a position.

    >>> jabatan_group("Kepala Seksi Pelayanan", "PNS"), jabatan_group("Pengemudi", "honorer")
    ('Kepala Seksi', 'Tenaga Honorer')
    >>> jabatan_group("Kasubag Umum dan Kepegawaian"), jabatan_group("Camat")
    ('Kepala Sub Bagian', 'Camat')
    """
    st = "" if is_missing(status) else str(status).strip().lower()
    j = "" if is_missing(jabatan) else " ".join(str(jabatan).lower().replace(".", " ").split())
    if st == "honorer" or "honorer" in j:
        return HONORER
    if j.startswith("camat"):
        return "Camat"
    if j.startswith("sekretaris") or j.startswith("sekcam"):
        return "Sekretaris Kecamatan"
    if j.startswith(("kepala sub bagian", "kepala subbagian", "kepala sub bag", "kasubag", "kasubbag")):
        return "Kepala Sub Bagian"
    if j.startswith(("kepala seksi", "kasi ")) or j == "kasi":
        return "Kepala Seksi"
    return "Pelaksana"


def _year_end(year: int) -> pd.Timestamp:
    return pd.Timestamp(year=int(year), month=12, day=31)


def staff_in_post(pegawai: pd.DataFrame, year: int) -> pd.DataFrame:
    """Staff in post on 31 December of ``year`` (rule: :func:`lkjip.ipasn.in_post_at_year_end`)."""
    from .ipasn import in_post_at_year_end

    return pegawai.loc[in_post_at_year_end(pegawai, year)]


def _status_label(status: object) -> str:
    s = "" if is_missing(status) else str(status).strip()
    if s.lower() == "honorer":
        return HONORER
    return s.upper() if s.lower() in ("pns", "pppk") else (s or "Tidak diisi")


def _staff_tables(pegawai: pd.DataFrame | None, year: int, show_names: bool):
    if pegawai is None:
        return None, None, None
    post = staff_in_post(pegawai, year)
    groups = [jabatan_group(j, s) for j, s in zip(post["jabatan"], post["status"])]
    counts = pd.Series(groups, dtype=object).value_counts()
    order = list(JABATAN_GROUPS) + sorted(set(counts.index) - set(JABATAN_GROUPS))
    rows = [{"No": i, "Jabatan": g, "Jumlah (orang)": int(counts.get(g, 0))}
            for i, g in enumerate(order, start=1)]
    rows.append({"No": "", "Jabatan": "Jumlah keseluruhan", "Jumlah (orang)": int(len(post))})
    by_group = pd.DataFrame(rows, columns=["No", "Jabatan", "Jumlah (orang)"])

    labels = pd.Series([_status_label(s) for s in post["status"]], dtype=object)
    sc = labels.value_counts()
    s_order = [s for s in ("PNS", "PPPK") if s in sc.index] + sorted(
        set(sc.index) - {"PNS", "PPPK", HONORER}) + ([HONORER] if HONORER in sc.index else [])
    srows = [{"Status": s, "Jumlah (orang)": int(sc[s])} for s in s_order]
    srows.append({"Status": "Jumlah", "Jumlah (orang)": int(len(post))})
    by_status = pd.DataFrame(srows, columns=["Status", "Jumlah (orang)"])

    start, end = pd.Timestamp(year=year, month=1, day=1), _year_end(year)
    mrows = []
    for _, r in pegawai.iterrows():
        for col, label in (("mulai", "Masuk"), ("selesai", "Keluar/pindah")):
            d = pd.to_datetime(r.get(col), errors="coerce") if col in pegawai.columns else pd.NaT
            if pd.notna(d) and start <= d <= end and not (col == "selesai" and d >= end):
                row = {"Perubahan": label, "Tanggal": d.strftime("%d-%m-%Y"),
                       "Jabatan": r["jabatan"], "Status": _status_label(r["status"])}
                if show_names:
                    row["Nama"] = r["nama"]
                mrows.append(row)
    cols = ["Perubahan", "Tanggal"] + (["Nama"] if show_names else []) + ["Jabatan", "Status"]
    mutasi = pd.DataFrame(mrows, columns=cols)
    if len(mutasi):
        mutasi = mutasi.sort_values(["Tanggal", "Perubahan"], kind="stable").reset_index(drop=True)
    return by_status, by_group, mutasi


# --------------------------------------------------------------------------- Bab II

def _targets_of(targets: pd.DataFrame | None, dokumen: str) -> pd.DataFrame:
    if targets is None or not len(targets):
        return pd.DataFrame(columns=["indikator", "dokumen", "tahun", "target"])
    t = normalize_targets(targets)
    return t[t["dokumen"] == dokumen]


def _drop_index(df: pd.DataFrame) -> pd.DataFrame:
    return df.reset_index(drop=True)


def _blank_repeats(df: pd.DataFrame, columns=("No", "Sasaran")) -> pd.DataFrame:
    """Blank ``No``/``Sasaran`` on the second and later rows of a group (merged cells)."""
    out = df.copy()
    if "No" not in out.columns:
        return out
    first = ~out["No"].duplicated()
    for c in columns:
        if c in out.columns:
            out[c] = [v if keep else "" for v, keep in zip(out[c].astype(object), first)]
            out[c] = out[c].map(lambda v: "" if is_missing(v) else v).astype(object)
    return out


def tabel_2_1(targets: pd.DataFrame | None, dokumen: str = "renstra") -> pd.DataFrame | None:
    """Renstra targets by year for the seven indicators (``None`` without any)."""
    t = _targets_of(targets, dokumen)
    if not len(t):
        return None
    years = sorted(int(y) for y in t["tahun"].dropna().unique())
    rows = []
    for i, ind in enumerate(INDICATOR_IDS, start=1):
        part = t[t["indikator"] == ind]
        if not len(part) and dokumen != "renstra":
            continue
        info = get_indicator(ind)
        row = {"No": i, "Indikator Kinerja": info.nama, "Satuan": info.satuan}
        for y in years:
            v = part.loc[part["tahun"] == y, "target"]
            row[str(y)] = float(v.iloc[-1]) if len(v) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=["No", "Indikator Kinerja", "Satuan"] + [str(y) for y in years])


def tabel_pk(targets: pd.DataFrame | None, year: int, unit: Any,
             dokumen: str = "pk") -> pd.DataFrame | None:
    """Tabel 2.2 (``pk``) or 2.3 (``pk_perubahan``): targets of ``year``, grouped by sasaran."""
    t = _targets_of(targets, dokumen)
    t = t[t["tahun"] == int(year)]
    if not len(t):
        return None
    value = {r["indikator"]: float(r["target"]) for _, r in t.iterrows()}
    ids = [i for i in INDICATOR_IDS if i in value] + sorted(set(value) - set(INDICATOR_IDS))
    rows = []
    for no, sasaran, ind in _tables.sasaran_groups(ids, unit):
        nama = get_indicator(ind).nama if ind in INDICATOR_IDS else ind
        satuan = get_indicator(ind).satuan if ind in INDICATOR_IDS else ""
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja": nama,
                     "Target": value[ind], "Satuan": satuan})
    return _blank_repeats(pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja",
                                                      "Target", "Satuan"]))


# --------------------------------------------------------------------------- Bab III display shapes
# Numeric headers never wrap in print (lkjip-print.css), so display headers of
# numeric columns are kept short; the seed's long names are in the captions.

def _long_3_1_2(t: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.1.2 in a shape that fits a page: per indicator three rows
    (Target, Realisasi, Capaian (%)) and one column per year up to the report
    year (later targets are in Tabel 2.1/2.1a)."""
    years = [c.split()[1] for c in t.columns if str(c).startswith("Realisasi ")]
    has_src = "Sumber Realisasi" in t.columns and t["Sumber Realisasi"].astype(str).str.strip().any()
    rows = []
    for no, (_, r) in enumerate(t.iterrows(), start=1):
        for label, pattern in (("Target", "Target {}"), ("Realisasi", "Realisasi {}"),
                               ("Capaian (%)", "Capaian {} (%)")):
            row = {"No": no, "Indikator Kinerja": r["Indikator Kinerja"], "Satuan": r["Satuan"],
                   "Uraian": label}
            for y in years:
                v = r.get(pattern.format(y))
                row[y] = float("nan") if is_missing(v) else float(v)
            if has_src:
                row["Keterangan"] = r["Sumber Realisasi"] if label == "Realisasi" else ""
            rows.append(row)
    cols = ["No", "Indikator Kinerja", "Satuan", "Uraian"] + years + (["Keterangan"] if has_src else [])
    return _blank_repeats(pd.DataFrame(rows, columns=cols), ("No", "Indikator Kinerja", "Satuan"))


def _short_3_1_3(t: pd.DataFrame) -> pd.DataFrame:
    years = pd.to_numeric(t["Tahun Akhir Renstra"], errors="coerce").dropna().unique()
    ren = {c: "Realisasi " + c.split()[-1] for c in t.columns if str(c).startswith("Realisasi s.d.")}
    ren["Tingkat Kemajuan (%)"] = "Kemajuan (%)"
    if len(years) == 1:
        ren["Target Akhir Renstra"] = f"Target {int(years[0])}"
        t = t.drop(columns="Tahun Akhir Renstra")
    else:
        ren["Target Akhir Renstra"] = "Target Akhir"
        ren["Tahun Akhir Renstra"] = "Tahun"
    return t.rename(columns=ren)


def _ikm_summary(ikm) -> pd.DataFrame:
    """The IKM result as two columns (Uraian, Nilai), numbers as Indonesian text."""
    rows = [
        ("Jumlah responden", fmt_number(ikm.responden, 0)),
        ("Bobot NRR per unsur", ikm.bobot_label),
        ("Jumlah NRR IKM tertimbang", fmt_number(ikm.ikm, 2)),
        ("Jumlah NRR IKM tertimbang x 25 (Nilai IKM)", fmt_number(ikm.ikm_x25, 2)),
        ("Mutu pelayanan", ikm.mutu or "–"),
        ("Kinerja unit pelayanan", ikm.kinerja or "–"),
    ]
    return pd.DataFrame(rows, columns=["Uraian", "Nilai"])


# --------------------------------------------------------------------------- the report

@dataclass
class ReportData:
    """Everything the LKjIP notebook shows, computed once (see module docstring)."""

    unit: Unit
    year: int
    inputs: YearInputs
    results: IndicatorResults
    ikm_weight: str | float
    per_year: dict[int, pd.DataFrame]
    per_year_results: dict[int, IndicatorResults]
    history: pd.DataFrame
    catatan: list[str] = field(default_factory=list)
    # Bab I
    pegawai_status: pd.DataFrame | None = None
    pegawai_jabatan: pd.DataFrame | None = None
    pegawai_mutasi: pd.DataFrame | None = None
    # Bab II
    tabel_2_1: pd.DataFrame | None = None
    tabel_2_1_perubahan: pd.DataFrame | None = None
    tabel_2_2: pd.DataFrame | None = None
    tabel_2_3: pd.DataFrame | None = None
    # Bab III A
    tabel_3_1_1: pd.DataFrame | None = None
    tabel_3_1_2: pd.DataFrame | None = None
    tabel_3_1_3: pd.DataFrame | None = None
    tabel_3_1_4: pd.DataFrame | None = None
    gambar_3_1: pd.DataFrame | None = None
    gambar_3_1_ringkasan: pd.DataFrame | None = None
    gambar_3_2: pd.DataFrame | None = None
    gambar_3_2_bulanan: pd.DataFrame | None = None
    gambar_3_4: pd.DataFrame | None = None
    gambar_3_5: pd.DataFrame | None = None
    gambar_3_5_subkomponen: pd.DataFrame | None = None
    gambar_3_6: pd.DataFrame | None = None
    gambar_3_7: pd.DataFrame | None = None
    inovasi: pd.DataFrame | None = None
    # Bab III B
    tabel_3_2_1: pd.DataFrame | None = None
    tabel_3_2_2: pd.DataFrame | None = None
    tabel_3_2_3: pd.DataFrame | None = None
    tabel_3_2_4: pd.DataFrame | None = None
    tabel_3_2_5: pd.DataFrame | None = None
    anggaran_program: pd.DataFrame | None = None

    # ---- convenience --------------------------------------------------------
    @property
    def nama_unit(self) -> str:
        return self.unit.nama

    @property
    def title(self) -> str:
        return f"Laporan Kinerja Instansi Pemerintah (LKjIP) {self.unit.nama} Tahun {self.year}"

    def dataset(self, name: str) -> pd.DataFrame | None:
        df = self.inputs.datasets.get(name)
        return df if isinstance(df, pd.DataFrame) else None

    def previous(self, indicator: str) -> tuple[int, float] | None:
        """The latest earlier year with a computed realisation of ``indicator``."""
        for y in sorted((y for y in self.per_year if y < self.year), reverse=True):
            f = self.per_year[y].set_index("indikator")
            if indicator in f.index and pd.notna(f.loc[indicator, "realisasi"]):
                return y, float(f.loc[indicator, "realisasi"])
        return None

    def previous_results(self) -> IndicatorResults | None:
        earlier = [y for y in self.per_year_results if y < self.year]
        return self.per_year_results[max(earlier)] if earlier else None

    def source(self, dataset: str) -> str:
        """``data/raw/<unit>/<year>/<dataset>.csv`` (the file the figure comes from)."""
        path = self.inputs.files.get(dataset)
        name = path.name if path is not None else f"{dataset}.csv"
        return f"data/raw/{self.unit.kode}/{self.year}/{name}"

    def budget_counts(self) -> dict[str, int]:
        """Number of programmes, kegiatan and sub kegiatan from the anggaran codes."""
        ang = self.dataset("anggaran")
        if ang is None:
            return {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
        h = _budget.budget_hierarchy(ang)
        return {k: int((h["tingkat"] == k).sum()) for k in ("program", "kegiatan", "sub_kegiatan")}

    def national_note(self) -> str:
        if self.inputs.national is None:
            return (f"Angka realisasi nasional belum tersedia (berkas data/raw/{self.unit.kode}/"
                    "nasional.csv tidak ada), sehingga kolom Realisasi Nasional dan Ket. (+/-) "
                    "dibiarkan kosong.")
        return (f"Angka realisasi nasional dari data/raw/{self.unit.kode}/nasional.csv; "
                "Ket. (+/-) positif berarti realisasi unit lebih baik daripada angka nasional.")


def _read_other_year(data_dir: Path, unit: Unit, year: int, ikm_weight, targets, notes):
    try:
        frames, _ = read_year(data_dir, unit.kode, year)
    except Exception as exc:  # a bad earlier year must not stop this year's report
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        notes.append(f"Data tahun {year} tidak dapat dibaca dan tidak dipakai pada tabel "
                     f"multi-tahun: {first}")
        return None
    return compute_all(frames, targets, unit.as_dict(), year, ikm_weight=ikm_weight)


def build_report(data_dir, unit: str, year: int, processed_dir=None, *,
                 ikm_weight: str | float = "exact") -> ReportData:
    """Load, compute and assemble everything the LKjIP of ``unit`` ``year`` shows."""
    data_dir = Path(data_dir)
    year = int(year)
    inputs = load_inputs(data_dir, unit, year, Path(processed_dir) if processed_dir else None)
    info = inputs.unit
    udict = info.as_dict()
    res = compute_all(inputs.datasets, inputs.targets, udict, year, ikm_weight=ikm_weight)
    notes: list[str] = []
    per_year_results = {year: res}
    for y in list_years(data_dir, unit):
        if y < year:
            r = _read_other_year(data_dir, info, y, ikm_weight, inputs.targets, notes)
            if r is not None:
                per_year_results[y] = r
    per_year = {y: r.tabel for y, r in sorted(per_year_results.items())}
    history = indicator_history(per_year, inputs.targets, inputs.published)

    rep = ReportData(unit=info, year=year, inputs=inputs, results=res, ikm_weight=ikm_weight,
                     per_year=per_year, per_year_results=per_year_results, history=history,
                     catatan=notes)
    ds = inputs.datasets
    show_names = bool(info.tampilkan_nama_pegawai)
    rep.pegawai_status, rep.pegawai_jabatan, rep.pegawai_mutasi = _staff_tables(
        ds.get("pegawai"), year, show_names)

    rep.tabel_2_1 = tabel_2_1(inputs.targets, "renstra")
    rep.tabel_2_1_perubahan = tabel_2_1(inputs.targets, "renstra_perubahan")
    rep.tabel_2_2 = tabel_pk(inputs.targets, year, udict, "pk")
    rep.tabel_2_3 = tabel_pk(inputs.targets, year, udict, "pk_perubahan")

    ind = res.tabel
    rep.tabel_3_1_1 = _blank_repeats(_drop_index(_tables.tabel_3_1_1(ind, udict)))
    rep.tabel_3_1_2 = _long_3_1_2(
        _drop_index(_tables.tabel_3_1_2(per_year, inputs.targets, inputs.published, until=year)))
    rep.tabel_3_1_3 = _short_3_1_3(
        _blank_repeats(_drop_index(_tables.tabel_3_1_3(ind, inputs.targets, udict, year))))
    rep.tabel_3_1_4 = _blank_repeats(_drop_index(_tables.tabel_3_1_4(ind, inputs.national, udict, year))
                                     ).rename(columns={"Realisasi Nasional": "Nasional"})

    if res.ikm is not None:
        rep.gambar_3_1 = _tables.gambar_3_1(res.ikm)
        rep.gambar_3_1_ringkasan = _ikm_summary(res.ikm)
    if ds.get("paten_layanan") is not None:
        rep.gambar_3_2 = _tables.gambar_3_2(ds["paten_layanan"])
        rep.gambar_3_2_bulanan = _tables.gambar_3_2_bulanan(ds["paten_layanan"])
    if ds.get("koordinasi") is not None:
        rep.gambar_3_4 = _tables.gambar_3_4(ds["koordinasi"]).rename(columns={
            "Jumlah Uraian": "Uraian", "Jumlah Fasilitasi, Rekomendasi dan Koordinasi": "Fasilitasi",
            "Jumlah Tindak Lanjut": "Tindak Lanjut", "% Ditindaklanjuti": "%"})
    if ds.get("sakip_evaluasi") is not None:
        rep.gambar_3_5 = _tables.gambar_3_5(ds["sakip_evaluasi"])
        rep.gambar_3_5_subkomponen = _tables.gambar_3_5_subkomponen(ds["sakip_evaluasi"])
    if ds.get("lra") is not None:
        g36 = _tables.gambar_3_6(ds["lra"], year)
        rep.gambar_3_6 = g36.drop(columns=[c for c in g36.columns[5:] if g36[c].isna().all()])
        rep.tabel_3_2_1 = _tables.tabel_3_2_1(ds["lra"])
    if ds.get("pegawai") is not None:
        rep.gambar_3_7 = _tables.gambar_3_7(ds["pegawai"], show_names=show_names,
                                            mask=not bool(info.tampilkan_nip))
    if res.inovasi is not None:
        a = res.inovasi.aktif
        rep.inovasi = pd.DataFrame({
            "No": range(1, len(a) + 1), "Nama Inovasi": a["nama"].astype(object).values,
            "Nomor SK": a["nomor_sk"].astype(object).values,
            "Tanggal SK": [d.strftime("%d-%m-%Y") if pd.notna(d) else "" for d in
                           pd.to_datetime(a["tanggal_sk"], errors="coerce")],
        })
    ang = ds.get("anggaran")
    rep.tabel_3_2_2 = _blank_repeats(_drop_index(_tables.tabel_3_2_2(ind, ang, udict)))
    rep.tabel_3_2_3 = _blank_repeats(_drop_index(_tables.tabel_3_2_3(ind, ang, udict))).rename(columns={
        "Target Kinerja": "Target", "Realisasi Kinerja": "Realisasi", "Capaian Kinerja (%)": "Capaian (%)",
        "Anggaran (Rp)": "Pagu (Rp)", "Realisasi Anggaran (Rp)": "Serapan (Rp)",
        "Capaian Anggaran (%)": "Serapan (%)"})
    rep.tabel_3_2_4 = _blank_repeats(_drop_index(_tables.tabel_3_2_4(ind, ang, udict))).rename(columns={
        "% Capaian Kinerja": "Capaian (%)", "% Penyerapan Anggaran": "Serapan (%)",
        "Tingkat Efisiensi": "Efisiensi"})
    if ang is not None:
        rep.tabel_3_2_5 = _tables.tabel_3_2_5(ang)
        h = _budget.budget_hierarchy(ang)
        prog = h[h["tingkat"] == "program"]
        rep.anggaran_program = pd.DataFrame({
            "program": [u if not is_missing(u) else k for u, k in zip(prog["uraian"], prog["kode"])],
            "pagu": prog["pagu"].values, "realisasi": prog["realisasi"].values})
    return rep


# --------------------------------------------------------------------------- charts

def fig_target_vs_realisasi(rep: ReportData):
    from . import charts

    return charts.target_vs_realisasi(rep.results.tabel, title=None,
                                      sumber="data unit tahun berjalan, dihitung ulang")


def tren_frame(rep: ReportData) -> pd.DataFrame:
    """Long frame for :func:`lkjip.charts.tren_multi_tahun`: years up to the report year."""
    h = rep.history[rep.history["tahun"] <= rep.year]
    h = h[h["realisasi"].notna()]
    return pd.DataFrame({"tahun": h["tahun"].astype(int).values, "indikator": h["nama"].values,
                         "nilai": h["realisasi"].astype(float).values,
                         "target": h["target"].astype(float).values})


def fig_tren(rep: ReportData):
    from . import charts

    return charts.tren_multi_tahun(tren_frame(rep), title=None,
                                   sumber="data mentah tiap tahun, dihitung ulang")


def fig_ikm(rep: ReportData):
    from . import charts

    u = rep.results.ikm.unsur
    fig = charts.ikm_per_unsur(pd.Series(u["nrr_x25"].values, index=u["unsur"].values),
                               ikm=rep.results.ikm.ikm_x25, title=None,
                               sumber=rep.source("ikm_survei"))
    for ax in fig.axes[:1]:
        ax.tick_params(axis="x", labelsize=6)  # nine two-line labels must not touch
    return fig


def fig_paten_bulan(rep: ReportData):
    from . import charts

    b = rep.results.layanan.per_bulan
    return charts.paten_per_bulan(pd.Series(b["jumlah"].values, index=b["bulan"].values),
                                  title=None, sumber=rep.source("paten_layanan"))


def fig_paten_layanan(rep: ReportData):
    from . import charts

    p = rep.results.layanan.per_layanan
    return charts.paten_per_layanan(pd.Series(p["jumlah_hitung"].values, index=p["layanan"].values),
                                    title=None, sumber=rep.source("paten_layanan"))


def fig_sakip(rep: ReportData):
    from . import charts

    k = rep.results.sakip.komponen
    return charts.sakip_komponen(pd.DataFrame({"komponen": k["nama_komponen"], "bobot": k["bobot"],
                                               "nilai": k["nilai"]}),
                                 title=None, sumber=rep.source("sakip_evaluasi"))


def fig_ipasn(rep: ReportData):
    from . import charts

    d = rep.results.ipasn.distribusi
    return charts.ipasn_kategori(pd.Series(d["jumlah"].values, index=d["kategori"].values),
                                 title=None, sumber=rep.source("pegawai"))


def fig_anggaran(rep: ReportData):
    from . import charts

    t = rep.results.tabel.set_index("indikator")
    target = t.loc["realisasi_anggaran_pct", "target"] if "realisasi_anggaran_pct" in t.index else None
    return charts.anggaran_per_program(rep.anggaran_program, title=None,
                                       target_pct=None if is_missing(target) else float(target),
                                       sumber=rep.source("anggaran"))


# --------------------------------------------------------------------------- indicators.csv

def write_indicators_csv(results: IndicatorResults | pd.DataFrame, path) -> Path:
    """``indicators.csv`` of the data contract: the seven columns, one row per
    indicator, plain decimals (dot, no thousands separator), full precision
    (``repr`` of each float), ``\\n`` line endings; same input, same bytes."""
    table = results.tabel if isinstance(results, IndicatorResults) else results
    if "indikator" not in table.columns:
        table = table.reset_index()
    frame = table.loc[:, list(INDICATOR_COLUMNS)].copy()
    for col in ("target", "realisasi", "capaian_pct"):
        frame[col] = [("" if is_missing(v) else repr(float(v))) for v in frame[col]]
    for col in ("indikator", "nama", "satuan", "kategori"):
        frame[col] = ["" if is_missing(v) else str(v) for v in frame[col]]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    frame.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)
    return path


def indicators_csv_path(processed_dir, unit: str, year: int) -> Path:
    return processed_year_dir(Path(processed_dir), unit, int(year)) / "indicators.csv"


# --------------------------------------------------------------------------- lampiran

def validation_summary(report_dir) -> tuple[pd.DataFrame | None, str]:
    """The validation counts from ``<report_dir>/validation/validasi.json``.

    Returns ``(table or None, sentence)``; the sentence says when validation
    was not run (no JSON).
    """
    path = Path(report_dir) / "validation" / "validasi.json" if report_dir else None
    if path is None or not path.exists():
        return None, ("Validasi data tidak dijalankan pada proses ini (berkas "
                      "validation/validasi.json tidak ada); angka laporan dihitung dari data "
                      "yang belum diperiksa aturan validasi.")
    data = json.loads(path.read_text(encoding="utf-8"))
    s = data.get("ringkasan") or {}
    labels = (("aturan", "Aturan diperiksa"), ("lulus", "Lulus"), ("error", "Gagal tingkat error"),
              ("peringatan", "Gagal tingkat peringatan"), ("dilewati", "Dilewati (kolom tidak ada)"))
    table = pd.DataFrame([{"Ukuran": label, "Jumlah": int(s.get(k, 0) or 0)} for k, label in labels])
    ok = data.get("ok", True)
    n_warn = int(s.get("peringatan", 0) or 0)
    if not ok:
        text = "Validasi menemukan kesalahan tingkat error; laporan ini tidak boleh dipakai."
    elif n_warn:
        text = (f"Validasi lulus tanpa kesalahan tingkat error, dengan {n_warn} temuan tingkat "
                "peringatan (dirinci dalam laporan validasi terpisah).")
    else:
        text = "Validasi lulus: semua aturan terpenuhi."
    return table, text


def audit_summary(processed_dir, unit: str, year: int) -> tuple[pd.DataFrame | None, str]:
    """Counts of ``audit.csv`` by check and status (the audit report is separate)."""
    path = processed_year_dir(Path(processed_dir), unit, int(year)) / "audit.csv" if processed_dir else None
    if path is None or not path.exists():
        return None, "Audit angka yang dipublikasikan tidak dijalankan pada proses ini."
    a = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not len(a):
        return None, "Audit tidak memuat pemeriksaan."
    status = a["status"].str.strip().str.lower()
    rows = []
    for p in sorted(a["pemeriksaan"].unique()):
        m = a["pemeriksaan"] == p
        rows.append({"Pemeriksaan": p, "Jumlah": int(m.sum()),
                     "Sesuai": int((m & (status == "sesuai")).sum()),
                     "Selisih": int((m & (status == "selisih")).sum())})
    rows.append({"Pemeriksaan": "Jumlah", "Jumlah": int(len(a)),
                 "Sesuai": int((status == "sesuai").sum()), "Selisih": int((status == "selisih").sum())})
    table = pd.DataFrame(rows, columns=["Pemeriksaan", "Jumlah", "Sesuai", "Selisih"])
    n = int((status == "selisih").sum())
    text = (f"Audit membandingkan {len(a)} angka yang dipublikasikan dengan hasil hitung ulang; "
            f"{n} di antaranya berselisih. Rincian ada di laporan audit terpisah.")
    return table, text


def report_inputs(rep: ReportData) -> list[Path]:
    """Every input file behind the report: the year's datasets, other years' raw
    files used in the multi-year tables, unit.yaml, targets, published, nasional."""
    from .layout import unit_dir, year_files

    files = {Path(p) for p in rep.inputs.files.values()}
    data_dir = rep.inputs.data_dir
    if data_dir is not None:
        for y in rep.per_year_results:
            if y != rep.year:
                try:
                    files |= set(year_files(data_dir, rep.unit.kode, y).values())
                except Exception:
                    pass
        yaml_path = unit_dir(data_dir, rep.unit.kode) / "unit.yaml"
        if yaml_path.exists():
            files.add(yaml_path)
        for name in ("targets", "published", "nasional"):
            p = unit_file(data_dir, rep.unit.kode, name)
            if p is not None:
                files.add(p)
    return sorted(files)


def report_provenance(rep: ReportData, parameters: dict, run_started: str | None = None) -> dict:
    """Provenance of the report (collected with :func:`lkjip.provenance.collect_provenance`).

    ``run_started`` is the run's start time (the ``run_started`` parameter);
    when absent (a notebook run by hand) the current time is used, here only.
    """
    from .provenance import collect_provenance

    os.environ.setdefault("GIT_OPTIONAL_LOCKS", "0")  # reading the commit never takes git's lock
    started = run_started or dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return collect_provenance(report_inputs(rep), parameters, root=project_root(), started_at=started)


def provenance_tables(prov: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(summary, parameters, input files, package versions) with Indonesian headings."""
    from .provenance import provenance_frame

    git = prov.get("git")
    if git:
        commit = git.get("commit", "") + (" (ada perubahan belum di-commit)" if git.get("dirty") else "")
    else:
        commit = "bukan repositori git"
    summary = pd.DataFrame([
        {"Keterangan": "Waktu mulai proses", "Nilai": str(prov.get("started_at") or "-")},
        {"Keterangan": "Commit kode", "Nilai": commit},
        {"Keterangan": "Sidik gabungan masukan (SHA-256)", "Nilai": str(prov.get("inputs_digest", ""))},
    ])
    params = pd.DataFrame([{"Parameter": str(k), "Nilai": "" if v is None else str(v)}
                           for k, v in (prov.get("parameters") or {}).items()],
                          columns=["Parameter", "Nilai"])
    files = provenance_frame(prov)[["Berkas masukan", "SHA-256", "Jumlah baris"]]
    versions = pd.DataFrame([{"Paket": k, "Versi": v or "tidak terpasang"}
                             for k, v in (prov.get("versions") or {}).items()],
                            columns=["Paket", "Versi"])
    return summary, params, files, versions


def target_document_note(rep: ReportData) -> str:
    """Which document each target of the year comes from, as one sentence."""
    t = rep.results.target
    docs = [d for d in t["dokumen"].dropna().unique()]
    if not docs:
        return f"Tidak ada target untuk tahun {rep.year}."
    if len(docs) == 1:
        return (f"Target tahun {rep.year} diambil dari {DOCUMENT_LABELS.get(docs[0], docs[0])} "
                "(target efektif: PK Perubahan bila ada, lalu PK, lalu Renstra).")
    parts = []
    for d in docs:
        names = [get_indicator(i).nama for i in t.loc[t["dokumen"] == d, "indikator"]]
        parts.append(f"{DOCUMENT_LABELS.get(d, d)} untuk {', '.join(names)}")
    return f"Target tahun {rep.year} diambil dari " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- display formats

def _year_text(value: object) -> str:
    return "" if is_missing(value) else str(int(float(value)))


_COMPACT_COLUMNS = ("Target", "Target Kinerja", "Target Akhir Renstra", "Kualifikasi", "Kompetensi",
                    "Kinerja", "Disiplin", "Total", "Bobot")


def formats(df: pd.DataFrame | None) -> dict:
    """Display formats of a report table for :func:`lkjip.notebook.table`.

    Targets (and other values the seed prints without trailing zeros, e.g. IP
    ASN dimensions) use :func:`fmt_compact`; year columns of the Renstra tables
    too; ``Tahun ...`` columns are plain years (no thousands mark). Everything
    else keeps :func:`lkjip.fmt.auto_formats` (amounts in rupiah show as whole
    numbers; the header says ``(Rp)``).
    """
    if df is None:
        return {}
    out: dict = {}
    for c in df.columns:
        name = str(c)
        if not pd.api.types.is_numeric_dtype(df[c]):
            continue
        if name.startswith("Tahun"):
            out[c] = _year_text
        elif name in _COMPACT_COLUMNS or name.startswith("Target ") or (name.isdigit() and len(name) == 4):
            out[c] = fmt_compact
    return out


def sumber(rep: ReportData, what: str) -> str:
    """The ``Sumber:`` line of a table, like the seed's, naming the data file."""
    u, y, k = rep.unit.nama, rep.year, rep.unit.kode
    texts = {
        "pegawai": f"Data pegawai {u} per 31 Desember {y} ({rep.source('pegawai')})",
        "renstra": f"Renstra {u} (data/raw/{k}/targets.csv, dokumen renstra)",
        "renstra_perubahan": f"Usulan Perubahan Target Renstra {u} (data/raw/{k}/targets.csv)",
        "pk": f"Perjanjian Kinerja Tahun {y} {u} (data/raw/{k}/targets.csv)",
        "pk_perubahan": f"Perjanjian Kinerja Perubahan Tahun {y} {u} (data/raw/{k}/targets.csv)",
        "capaian": f"Hasil pengukuran kinerja {u} tahun {y}, dihitung ulang dari data mentah",
        "multi": f"Data mentah {u} tahun {', '.join(str(x) for x in sorted(rep.per_year))}, "
                 f"dihitung ulang; target dari data/raw/{k}/targets.csv",
        "nasional": (f"data/raw/{k}/nasional.csv" if rep.inputs.national is not None
                     else "angka nasional belum tersedia"),
        "ikm": f"Survei Kepuasan Masyarakat {u} {y} ({rep.source('ikm_survei')})",
        "paten": f"Laporan PATEN {u} Tahun {y} ({rep.source('paten_layanan')})",
        "koordinasi": f"Rekapitulasi laporan seksi-seksi {u} {y} ({rep.source('koordinasi')})",
        "sakip": f"Hasil evaluasi SAKIP {u} {y} ({rep.source('sakip_evaluasi')})",
        "lra": f"LRA {u} {y} ({rep.source('lra')})",
        "ipasn": f"Pengukuran IP ASN {y} ({rep.source('pegawai')})",
        "inovasi": f"SK inovasi {u} ({rep.source('inovasi')})",
        "anggaran": f"Laporan Keuangan {u} Tahun {y} ({rep.source('anggaran')})",
        "anggaran_lra": f"Laporan Keuangan {u} Tahun {y} ({rep.source('anggaran')}; {rep.source('lra')})",
    }
    return texts[what]


def renstra_note(rep: ReportData) -> str:
    """The note under Tabel 2.1 about the revised Renstra targets."""
    if rep.tabel_2_1_perubahan is None:
        return ""
    years = [c for c in rep.tabel_2_1_perubahan.columns if str(c).isdigit()]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "")
    return (f"Catatan: untuk tahun {span} terdapat Usulan Perubahan Target Renstra (tabel berikut). "
            "Target perubahan ini yang dipakai untuk tahun-tahun tersebut dan sebagai target akhir "
            "Renstra pada Tabel 3.1.3.")


def catatan_perhitungan(rep: ReportData) -> str:
    """The computation notes of every indicator and the multi-year reading, as a Markdown list."""
    lines = [f"- {n}" for n in rep.results.notes_text()] + [f"- {n}" for n in rep.catatan]
    return "\n".join(lines) if lines else "Tidak ada catatan perhitungan."
