"""Everything the LKjIP notebook shows, computed once: :func:`build_report` -> :class:`ReportData`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkjip.indicators import budget as _budget
from lkjip.document import bab3a as _tables
from lkjip.inputs.earlier_years import read_earlier_year
from lkjip.contract.fmt import fmt_number, is_missing
from lkjip.indicators.declared import read_declaration
from lkjip.indicators.iku import IndicatorResults, compute_all, indicator_history
from lkjip.indicators.ipasn import IpAsnPenilaian, ipasn_penilaian
from lkjip.indicators.official import OFFICIAL_FILE, differences, main_figures, official_figures
from lkjip.indicators.targets import in_force
from lkjip.inputs.catalog import list_years
from lkjip.inputs.narasi import Narasi, read_narasi
from lkjip.inputs.published_state import Published
from lkjip.document.bab2 import tabel_2_1, tabel_pk
from lkjip.document.bab3b import tabel_3_2_2, tabel_3_2_3, tabel_3_2_4
from lkjip.document.display import SHORT_HEADERS, _blank_repeats, _drop_index, _ikm_summary, _long_3_1_2, _short_3_1_3
from lkjip.document.shown import decimals_of, shown_financing, shown_history, shown_indicators
from lkjip.document.staff import _staff_tables
from lkjip.inputs.year import YearInputs, load_inputs
from lkjip.inputs.unit import Unit
from lkjip.document.nips import nip_formatter

#: An unknown fact (empty in the data) as the LKjIP prints it.
NOT_RECORDED = "tidak tercatat"

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
    #: the year's seven indicators as the report shows them (lkjip.document.shown)
    capaian: pd.DataFrame | None = None
    #: the budget behind each indicator, as shown (the whole-budget row from the LRA)
    pembiayaan: pd.DataFrame | None = None
    #: the IP ASN assessment shown and its like-with-like comparison (contract v2)
    ip_asn_penilaian: IpAsnPenilaian | None = None
    #: the IKU with an official figure (angka_resmi.csv) beside the recomputed one (lkjip.indicators.official)
    angka_resmi: tuple = ()
    #: the year's results as computed from the data (``results`` prints the official figures, angka_utama)
    hasil_hitung: IndicatorResults | None = None
    #: the analyst's narasi.md of the unit-year (empty when there is none)
    narasi: Narasi = field(default_factory=Narasi)
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
        """``data/raw/<unit>/<year>/<dataset>.csv``: the file a figure comes from (for analysts;
        the officials' document names documents, see :func:`lkjip.document.captions.sumber`)."""
        path = self.inputs.files.get(dataset)
        name = path.name if path is not None else f"{dataset}.csv"
        return f"data/raw/{self.inputs.code}/{self.year}/{name}"

    def budget_counts(self) -> dict[str, int]:
        """Number of programmes, kegiatan and sub kegiatan from the anggaran codes."""
        ang = self.dataset("anggaran")
        if ang is None:
            return {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
        h = _budget.budget_hierarchy(ang)
        return {k: int((h["tingkat"] == k).sum()) for k in ("program", "kegiatan", "sub_kegiatan")}

    def national_note(self) -> str:
        if _tables.national_of_year(self.inputs.national, self.year) is None:
            return ("Angka realisasi nasional belum tersedia, sehingga kolom Nasional dan Ket. (+/-) "
                    "dibiarkan kosong.")
        return "Ket. (+/-) positif berarti realisasi unit lebih baik daripada angka nasional."


def _per_indicator_text(table: pd.DataFrame, iku=None, pending=frozenset()) -> pd.DataFrame:
    """``Realisasi...`` columns as text in each row's indicator decimals (``2`` inovasi, ``98,31``);
    ``table`` is indexed by indicator id, as :mod:`lkjip.document.bab3a` builds it. An IKU of ``pending``
    (a figure not yet released, ``n/a``) reads "belum tersedia", never blank or 0."""
    out = table.copy()
    for col in [c for c in out.columns if str(c).startswith("Realisasi") and str(c) != "Realisasi Nasional" and
                pd.api.types.is_numeric_dtype(out[c])]:
        out[col] = pd.Series([NOT_YET if (str(i) in pending and is_missing(v)) else
                              fmt_number(v, decimals_of(str(i), iku), blank="")
                              for i, v in zip(out.index, out[col])], index=out.index, dtype=object)
    return out


#: What a table prints for a realisation not yet released (``n/a`` in realisasi.csv).
NOT_YET = "belum tersedia"


def not_yet_released(results: IndicatorResults) -> frozenset[str]:
    """The IKU whose realisation is missing because a figure it reads is not yet released (``n/a``)."""
    return frozenset(k for k, notes in results.catatan.items()
                     if any("belum tersedia" in n for n in notes) and k in set(results.tabel["indikator"])
                     and results.tabel.set_index("indikator")["realisasi"].isna().get(k, False))


def uses(results: IndicatorResults, calculation: str) -> bool:
    """Whether an IKU of the year is the built-in ``calculation`` (``ikm``, ``sakip``, ...): the report's
    deep section of that calculation (IKM per unsur, PATEN per month, ...) is shown only then, under
    that IKU's own section."""
    return any(i.builtin == calculation for i in results.iku)


def _read_other_year(data_dir: Path, unit: Unit, year: int, ikm_weight, targets, notes, published=None, *,
                     folder: str, declaration=None):
    """``folder``: the unit's data folder (its code), never unit.yaml's ``kode``; ``declaration``: its IKU."""
    try:
        frames = read_earlier_year(data_dir, folder, year, published).frames
    except Exception as exc:  # a bad earlier year must not stop this year's report
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        notes.append(f"Data tahun {year} tidak dapat dibaca dan tidak dipakai pada tabel "
                     f"multi-tahun: {first}")
        return None
    computed = compute_all(frames, targets, unit.as_dict(), year, ikm_weight=ikm_weight, declaration=declaration)
    # the figures the unit reports (angka_utama): its official figure where it has one
    return main_figures(computed, official_figures(frames.get(OFFICIAL_FILE)), unit.as_dict())


def build_report(data_dir, unit: str, year: int, processed_dir=None, *,
                 ikm_weight: str | float = "exact", published: Published | None = None) -> ReportData:
    """Load, compute and assemble everything the LKjIP of ``unit`` ``year`` shows.

    Earlier years come from where they are published (``published``) when
    that is fresh, else from their raw files
    (:func:`lkjip.inputs.earlier_years.read_earlier_year`): the same frames either way.
    """
    data_dir = Path(data_dir)
    year = int(year)
    inputs = load_inputs(data_dir, unit, year, Path(processed_dir) if processed_dir else None)
    info = inputs.unit
    udict = info.as_dict()
    declaration = read_declaration(data_dir, inputs.code)
    computed = compute_all(inputs.datasets, inputs.targets, udict, year, ikm_weight=ikm_weight,
                           declaration=declaration)
    # the figures the report prints: the official figure where the unit reports one (angka_utama)
    official = official_figures(inputs.table(OFFICIAL_FILE))
    res = main_figures(computed, official, udict)
    notes: list[str] = []
    per_year_results = {year: res}
    for y in list_years(data_dir, unit):
        if y < year:
            r = _read_other_year(data_dir, info, y, ikm_weight, inputs.targets, notes, published,
                                 folder=inputs.code, declaration=declaration)
            if r is not None:
                per_year_results[y] = r
    # What the report shows follows one rule: figures as printed (lkjip.document.shown).
    iku, lower_rule, bands = res.iku, info.capaian_turun, info.capaian_bands
    per_year = {y: shown_indicators(r.tabel, iku, lower_rule, bands) for y, r in sorted(per_year_results.items())}
    history = shown_history(indicator_history(per_year, in_force(inputs.targets, year), inputs.published, iku=iku,
                                              lower_rule=lower_rule, bands=bands), iku, lower_rule, bands)

    rep = ReportData(unit=info, year=year, inputs=inputs, results=res, ikm_weight=ikm_weight,
                     per_year=per_year, per_year_results=per_year_results, history=history,
                     catatan=notes)
    rep.hasil_hitung = computed
    rep.angka_resmi = differences(computed, official, udict, inputs.table("ikm_survei"))
    rep.capaian = per_year[year]
    pen = res.penyerapan
    rep.pembiayaan = shown_financing(res.pembiayaan, rep.capaian,
                                     (pen.anggaran, pen.realisasi) if pen is not None else None)
    rep.ip_asn_penilaian = ipasn_penilaian({y: r.ipasn for y, r in per_year_results.items()}, year)
    rep.narasi = read_narasi(data_dir, unit, year)
    ds = inputs.datasets
    show_names = bool(info.tampilkan_nama_pegawai)
    rep.pegawai_status, rep.pegawai_jabatan, rep.pegawai_mutasi = _staff_tables(
        ds.get("pegawai"), year, show_names)

    rep.tabel_2_1 = tabel_2_1(inputs.targets, "renstra", iku, year=year)
    rep.tabel_2_1_perubahan = tabel_2_1(inputs.targets, "renstra_perubahan", iku, year=year)
    rep.tabel_2_2 = tabel_pk(inputs.targets, year, udict, "pk", iku)
    rep.tabel_2_3 = tabel_pk(inputs.targets, year, udict, "pk_perubahan", iku)

    ind = rep.capaian
    pending = not_yet_released(res)
    rep.tabel_3_1_1 = _blank_repeats(_drop_index(_per_indicator_text(_tables.tabel_3_1_1(ind, udict), iku, pending)))
    rep.tabel_3_1_1 = rep.tabel_3_1_1.rename(columns={"Kategori": "Kategori Capaian"})
    rep.tabel_3_1_2 = _long_3_1_2(
        _drop_index(_tables.tabel_3_1_2(per_year, inputs.targets, inputs.published, until=year, iku=iku,
                                        lower_rule=lower_rule, bands=bands)))
    rep.tabel_3_1_3 = _short_3_1_3(
        _blank_repeats(_drop_index(_per_indicator_text(_tables.tabel_3_1_3(ind, inputs.targets, udict, year, iku), iku, pending))))
    rep.tabel_3_1_4 = _blank_repeats(_drop_index(_per_indicator_text(
        _tables.tabel_3_1_4(ind, inputs.national, udict, year, iku), iku, pending))).rename(columns=SHORT_HEADERS["tabel_3_1_4"])

    # the deep sections only for an IKU that uses their built-in calculation
    if res.ikm is not None and uses(res, "ikm"):
        rep.gambar_3_1 = _tables.gambar_3_1(res.ikm)
        rep.gambar_3_1_ringkasan = _ikm_summary(res.ikm, next((f for f in rep.angka_resmi if f.kode == "ikm"), None))
    if ds.get("paten_layanan") is not None and uses(res, "layanan_sesuai_standar_pct"):
        rep.gambar_3_2 = _tables.gambar_3_2(ds["paten_layanan"])
        rep.gambar_3_2_bulanan = _tables.gambar_3_2_bulanan(ds["paten_layanan"])
    if ds.get("koordinasi") is not None and uses(res, "koordinasi_ditindaklanjuti_pct"):
        rep.gambar_3_4 = _tables.gambar_3_4(ds["koordinasi"]).rename(columns=SHORT_HEADERS["gambar_3_4"])
    if ds.get("sakip_evaluasi") is not None and uses(res, "sakip"):
        rep.gambar_3_5 = _tables.gambar_3_5(ds["sakip_evaluasi"])
        rep.gambar_3_5_subkomponen = _tables.gambar_3_5_subkomponen(ds["sakip_evaluasi"])
    if ds.get("lra") is not None:
        g36 = _tables.gambar_3_6(ds["lra"], year)
        rep.gambar_3_6 = g36.drop(columns=[c for c in g36.columns[5:] if g36[c].isna().all()])
        rep.tabel_3_2_1 = _tables.tabel_3_2_1(ds["lra"])
    if ds.get("pegawai") is not None and uses(res, "ip_asn"):
        rep.gambar_3_7 = _tables.gambar_3_7(ds["pegawai"], show_names=show_names,
                                            mask=nip_formatter(inputs)).rename(
            columns={"Kategori": "Kategori IP ASN"})
    if res.inovasi is not None and uses(res, "jumlah_inovasi"):
        a = res.inovasi.aktif
        rep.inovasi = pd.DataFrame({
            "No": range(1, len(a) + 1), "Nama Inovasi": a["nama"].astype(object).values,
            # an unknown SK number or date is empty in the data and said so at the table
            "Nomor SK": [NOT_RECORDED if is_missing(s) else s for s in a["nomor_sk"].astype(object)],
            "Tanggal SK": [d.strftime("%d-%m-%Y") if pd.notna(d) else NOT_RECORDED for d in
                           pd.to_datetime(a["tanggal_sk"], errors="coerce")],
        })
    ang = ds.get("anggaran")
    rep.tabel_3_2_2 = _blank_repeats(tabel_3_2_2(ind, rep.pembiayaan, ang, udict))
    rep.tabel_3_2_3 = _blank_repeats(tabel_3_2_3(ind, rep.pembiayaan, udict, iku)).rename(
        columns=SHORT_HEADERS["tabel_3_2_3"])
    rep.tabel_3_2_4 = _blank_repeats(tabel_3_2_4(ind, rep.pembiayaan, udict)).rename(
        columns=SHORT_HEADERS["tabel_3_2_4"])
    if ang is not None:
        rep.tabel_3_2_5 = _tables.tabel_3_2_5(ang)
        h = _budget.budget_hierarchy(ang)
        prog = h[h["tingkat"] == "program"]
        rep.anggaran_program = pd.DataFrame({
            "program": [u if not is_missing(u) else k for u, k in zip(prog["uraian"], prog["kode"])],
            "pagu": prog["pagu"].values, "realisasi": prog["realisasi"].values})
    return rep
