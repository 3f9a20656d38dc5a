"""The seven key indicators of a year, computed from the year's datasets.

:func:`compute_indicators` returns the frame the data contract names
(``indikator, nama, satuan, target, realisasi, capaian_pct, kategori``; one
row per id of :data:`INDICATOR_IDS`, full precision). :func:`compute_all`
returns the same frame together with every module's detailed result
(:class:`IndicatorResults`) for the notebooks.

Sources: ``ikm`` = IKM x 25 of ``ikm_survei``; ``layanan_sesuai_standar_pct``
from ``paten_layanan``; ``koordinasi_ditindaklanjuti_pct`` from
``koordinasi``; ``sakip`` from ``sakip_evaluasi``; ``realisasi_anggaran_pct``
from ``lra`` (account 5), or from ``anggaran`` when there is no LRA (noted);
``ip_asn`` from ``pegawai``; ``jumlah_inovasi`` from ``inovasi``. A dataset
that is missing gives NaN and a note in ``IndicatorResults.catatan``; bad
data raise (validation should have stopped the run first).

``kategori`` is the capaian category (Permendagri 86/2017); the
indicator's own class (mutu IKM, predikat SAKIP, kategori IP ASN) is in the
detailed results (:attr:`IndicatorResults.kelas`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from lkjip.indicators import budget as _budget
from lkjip.inputs import cache as _memo
from lkjip.indicators.coordination import CoordinationResult, coordination_summary
from lkjip.indicators.ikm import IkmResult, SampleCheck, compute_ikm, ikm_breakdowns, sample_adequacy
from lkjip.contract.rules import INDICATOR_IDS, BandTable, capaian_bands
from lkjip.indicators.declared import (BUILTIN_CALCULATIONS, REPORTED_FILE, Iku, ReportedValues,
                                      default_declaration, in_force, reported_values)
from lkjip.indicators.innovation import InnovationResult, innovation_summary
from lkjip.indicators.ipasn import IpAsnResult, ipasn_summary
from lkjip.indicators.sakip import SakipResult, sakip_score
from lkjip.indicators.services import ServiceResult, service_summary
from lkjip.indicators.targets import (
    capaian,
    capaian_category,
    effective_target,
    Target,
    effective_targets_of_year,
    normalize_targets,
    renstra_end_target,
    target_years,
    tingkat_efisiensi,
    tingkat_kemajuan,
)

INDICATOR_COLUMNS = ("indikator", "nama", "satuan", "target", "realisasi", "capaian_pct", "kategori")

@dataclass
class IndicatorResults:
    """Everything computed for one unit-year.

    ``tabel``: the seven-column indicator frame; ``target``: effective target
    per id with its document; ``renstra_akhir``: end targets and tingkat
    kemajuan; ``pembiayaan``: the budget financing each indicator and
    tingkat efisiensi; ``kelas``: each indicator's own class (mutu,
    predikat, kategori); ``catatan``: notes per id (missing data, fallbacks).
    """

    year: int
    tabel: pd.DataFrame
    target: pd.DataFrame
    renstra_akhir: pd.DataFrame
    pembiayaan: pd.DataFrame
    kelas: dict[str, str | None]
    catatan: dict[str, list[str]]
    ikm: IkmResult | None = None
    ikm_sampel: SampleCheck | None = None
    ikm_rincian: dict[str, pd.DataFrame] = field(default_factory=dict)
    layanan: ServiceResult | None = None
    koordinasi: CoordinationResult | None = None
    sakip: SakipResult | None = None
    penyerapan: _budget.Absorption | None = None
    anggaran_total: _budget.BudgetAmount | None = None
    ipasn: IpAsnResult | None = None
    inovasi: InnovationResult | None = None
    #: the IKU of the year, as declared (``indikator.csv``) or the seven kecamatan IKU
    iku: tuple[Iku, ...] = field(default_factory=default_declaration)

    def notes_text(self) -> list[str]:
        """All notes as ``"<nama>: <catatan>"`` lines."""
        return [f"{i.nama}: {n}" for i in self.iku for n in self.catatan.get(i.kode, [])]

    def capaian_kinerja_unit(self) -> "UnitAchievement":
        """The mean capaian of the IKU that have one (see :func:`capaian_kinerja_unit`)."""
        return capaian_kinerja_unit(self.tabel)


def _get(datasets: Mapping[str, Any], name: str) -> pd.DataFrame | None:
    df = datasets.get(name) if datasets else None
    return df if isinstance(df, pd.DataFrame) else None


def compute_all(datasets: Mapping[str, pd.DataFrame], targets: pd.DataFrame | None,
                unit: Mapping[str, Any] | None, year: int, *,
                ikm_weight: str | float = "exact", breakdowns: bool = True,
                declaration: tuple[Iku, ...] | None = None,
                reported: ReportedValues | None = None) -> IndicatorResults:
    """Compute every indicator of ``year`` with its details (see module docstring).

    ``datasets`` maps dataset names (``ikm_survei``, ``paten_layanan``, ...) to
    processed frames; ``targets`` is the unit-level targets frame; ``unit``
    the parsed unit.yaml (``pembiayaan`` is read from it). ``breakdowns=False``
    skips the IKM per layanan/sex/age/... (``ikm_rincian`` stays empty), the
    slowest part, which the indicator frame does not need. ``declaration`` is the unit's IKU
    (:mod:`lkjip.indicators.declared`; default: the seven kecamatan IKU) and ``reported`` the year's
    ``realisasi.csv`` values the declared rumus read.
    """
    declaration = tuple(default_declaration() if declaration is None else declaration)
    if reported is None:
        reported = reported_values(_get(datasets, REPORTED_FILE), f"{REPORTED_FILE}.csv")
    key = _memo.content_key("compute_all", dict(datasets or {}), targets, dict(unit or {}), int(year), ikm_weight,
                            repr(declaration), repr(reported))
    # a result with the IKM breakdowns also serves a call without them (they are its only difference)
    got = _RESULTS.get(key + "|rincian" if key else None)
    if got is not _memo.MISSING:
        if not breakdowns:
            got.ikm_rincian = {}
        return got
    if not breakdowns:
        got = _RESULTS.get(key)
        if got is not _memo.MISSING:
            return got
    # kept with the breakdowns (they cost little), so that a later call that wants them is a hit too
    full = breakdowns or key is not None
    res = _compute_all(datasets, targets, unit, year, ikm_weight=ikm_weight, breakdowns=full,
                       declaration=declaration, reported=reported)
    if key is not None:
        _RESULTS.put(key + "|rincian", res)
    if not breakdowns:
        res.ikm_rincian = {}
    return res


#: Indicator results of this process by the content of their inputs (:mod:`lkjip.inputs.cache`): the
#: indicator, audit and LKjIP notebooks of a run compute the same years.
_RESULTS = _memo.Memo(16)


def _compute_all(datasets, targets, unit, year, *, ikm_weight, breakdowns, declaration, reported) -> IndicatorResults:
    unit = unit or {}
    year = int(year)
    iku = in_force(declaration, year)
    notes: dict[str, list[str]] = {i: [] for i in (*INDICATOR_IDS, *(d.kode for d in iku))}
    real: dict[str, float] = {i: float("nan") for i in INDICATOR_IDS}
    kelas: dict[str, str | None] = {i: None for i in INDICATOR_IDS}
    res = IndicatorResults(year, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame(),
                           kelas, notes, iku=iku)
    # only the built-in calculations an IKU of the year uses (a dinas has no PATEN data to miss)
    used = {name for i in iku for name in i.formula.names if name in BUILTIN_CALCULATIONS}

    def missing(ind: str, dataset: str) -> None:
        if ind in used:
            notes[ind].append(f"data '{dataset}' tahun {year} tidak ada; realisasi tidak dapat dihitung")

    paten = _get(datasets, "paten_layanan")
    if paten is not None:
        res.layanan = service_summary(paten)
        real["layanan_sesuai_standar_pct"] = res.layanan.persen_sesuai
        if res.layanan.total == 0:
            notes["layanan_sesuai_standar_pct"].append("jumlah layanan 0; persentase tidak terdefinisi")
    else:
        missing("layanan_sesuai_standar_pct", "paten_layanan")

    survey = _get(datasets, "ikm_survei")
    if survey is not None:
        res.ikm = compute_ikm(survey, ikm_weight)
        real["ikm"] = res.ikm.ikm_x25
        kelas["ikm"] = res.ikm.mutu
        notes["ikm"].append(f"bobot NRR {res.ikm.bobot_label}; {res.ikm.responden} responden")
        res.ikm_rincian = ikm_breakdowns(survey, ikm_weight) if (breakdowns and len(survey)) else {}
        if res.layanan is not None and res.layanan.total > 0:
            res.ikm_sampel = sample_adequacy(res.layanan.total, res.ikm.responden)
            s = res.ikm_sampel
            notes["ikm"].append(
                f"sampel minimum (Krejcie-Morgan, N={s.populasi}) {s.minimum}; "
                f"responden {s.responden}: {'cukup' if s.cukup else 'TIDAK cukup'}")
    else:
        missing("ikm", "ikm_survei")

    koord = _get(datasets, "koordinasi")
    if koord is not None:
        res.koordinasi = coordination_summary(koord)
        real["koordinasi_ditindaklanjuti_pct"] = res.koordinasi.persen
    else:
        missing("koordinasi_ditindaklanjuti_pct", "koordinasi")

    sk = _get(datasets, "sakip_evaluasi")
    if sk is not None:
        res.sakip = sakip_score(sk)
        real["sakip"] = res.sakip.nilai
        kelas["sakip"] = res.sakip.predikat
    else:
        missing("sakip", "sakip_evaluasi")

    anggaran = _get(datasets, "anggaran")
    if anggaran is not None:
        res.anggaran_total = _budget.budget_totals(anggaran)
    lra = _get(datasets, "lra")
    if lra is not None:
        res.penyerapan = _budget.realisasi_anggaran(lra)
        real["realisasi_anggaran_pct"] = res.penyerapan.persen
        notes["realisasi_anggaran_pct"].append(f"dari LRA, {res.penyerapan.sumber}")
    elif res.anggaran_total is not None:
        t = res.anggaran_total
        res.penyerapan = _budget.Absorption(t.pagu, t.realisasi, t.persen, "anggaran per sub kegiatan")
        real["realisasi_anggaran_pct"] = t.persen
        notes["realisasi_anggaran_pct"].append(
            "LRA tidak ada; dihitung dari data anggaran program/kegiatan/sub kegiatan")
    else:
        missing("realisasi_anggaran_pct", "lra")

    peg = _get(datasets, "pegawai")
    if peg is not None:
        res.ipasn = ipasn_summary(peg, year)
        real["ip_asn"] = res.ipasn.nilai
        kelas["ip_asn"] = res.ipasn.kategori
        if len(res.ipasn.tidak_diukur):
            notes["ip_asn"].append(f"{len(res.ipasn.tidak_diukur)} ASN tidak diukur (dimensi tidak lengkap)")
        t = res.ipasn.tahun_penilaian
        if t is not None and t < year:
            notes["ip_asn"].append(f"nilai dari penilaian IP ASN tahun {t}, dipakai untuk tahun {year}")
    else:
        missing("ip_asn", "pegawai")

    ino = _get(datasets, "inovasi")
    if ino is not None:
        res.inovasi = innovation_summary(ino, year)
        real["jumlah_inovasi"] = float(res.inovasi.jumlah)
        if not len(ino):  # said, never silent: a header-only file counts as "no innovation this year"
            notes["jumlah_inovasi"].append("daftar inovasi (inovasi.csv) tanpa baris: jumlah inovasi tahun ini 0")
    else:
        missing("jumlah_inovasi", "inovasi")

    # the declared IKU: a built-in's value, a reported value, or a rumus over both
    values = declared_values(iku, real, notes, reported)
    # targets, capaian, kemajuan
    lower_rule = str(unit.get("capaian_turun") or "selisih")
    bands = capaian_bands(unit.get("kategori_capaian"))
    rows, trows, erows = [], [], []
    for ind in iku:
        kode = ind.kode
        t = effective_target(targets, kode, year)
        if pd.isna(t.target):
            notes[kode].append(f"tidak ada target tahun {year}")
        elif float(t.target) == 0:
            notes[kode].append("target 0: capaian tidak dapat dihitung")
        cap = capaian(values[kode], t.target, ind.polarity, lower_rule)
        rows.append({"indikator": kode, "nama": ind.nama, "satuan": ind.satuan,
                     "target": t.target, "realisasi": values[kode], "capaian_pct": cap,
                     "kategori": capaian_category(cap, bands)})
        trows.append({"indikator": kode, "tahun": year, "target": t.target, "dokumen": t.dokumen,
                      "dokumen_label": t.dokumen_label})
        end = renstra_end_target(targets, kode, year)
        erows.append({"indikator": kode, "target_akhir": end.target, "tahun_akhir": end.tahun,
                      "dokumen": end.dokumen, "realisasi": values[kode],
                      "tingkat_kemajuan": tingkat_kemajuan(values[kode], end.target, ind.polarity)})
    res.tabel = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))
    res.target = pd.DataFrame(trows)
    res.renstra_akhir = pd.DataFrame(erows)
    res.pembiayaan = financing(res.tabel, anggaran, unit)
    return res


def declared_values(iku: tuple[Iku, ...], builtin: Mapping[str, float], notes: dict[str, list[str]],
                    reported: ReportedValues) -> dict[str, float]:
    """Each IKU's realisation: a built-in calculation's value, the reported value of a ``dilaporkan``
    IKU, or its rumus over built-in values and reported quantities. Why a value is missing goes to
    ``notes`` (a figure not yet released, a quantity not handed in, a division by zero)."""
    out: dict[str, float] = {}
    for ind in iku:
        kode, formula = ind.kode, ind.formula
        if ind.builtin:
            out[kode] = builtin[ind.builtin]
            if kode != ind.builtin:
                notes[kode].extend(notes.get(ind.builtin, []))
            continue
        if formula.is_reported:
            rows = reported.values.get(kode, [])
            if not rows:
                notes[kode].append("nilai tidak ada di realisasi.csv; realisasi tidak dapat dihitung")
                out[kode] = float("nan")
            elif len(rows) > 1:
                notes[kode].append(f"{len(rows)} baris di realisasi.csv; satu IKU 'dilaporkan' satu nilai")
                out[kode] = float("nan")
            else:
                out[kode] = rows[0]
                if kode in reported.not_available:
                    notes[kode].append("belum tersedia (n/a di realisasi.csv)")
                else:
                    sources = [s for s in reported.sources.get(kode, []) if s]
                    if sources:
                        notes[kode].append(f"dilaporkan: {sources[0]}")
            continue
        inputs: dict[str, list[float]] = {}
        for name in formula.names:
            if name in BUILTIN_CALCULATIONS:
                inputs[name] = [builtin[name]]
            elif name in reported.values:
                inputs[name] = reported.values[name]
            else:
                notes[kode].append(f"besaran '{name}' tidak ada di realisasi.csv")
            if name in reported.not_available:
                notes[kode].append(f"besaran '{name}' belum tersedia (n/a di realisasi.csv)")
            if name not in formula.aggregated and len(inputs.get(name, [])) > 1:
                notes[kode].append(f"besaran '{name}' punya {len(inputs[name])} baris; tulis rata_rata({name}) "
                                   f"atau jumlah({name})")
        value = formula.evaluate(inputs)
        if pd.isna(value) and not notes[kode]:
            notes[kode].append(f"rumus {formula.text} tidak terdefinisi untuk data tahun ini (pembagian dengan nol)")
        out[kode] = value
    return out


@dataclass(frozen=True)
class UnitAchievement:
    """Capaian kinerja unit: the mean capaian of the IKU that have one, and which were left out."""

    nilai: float
    dihitung: tuple[str, ...]
    tidak_dihitung: tuple[str, ...]


def capaian_kinerja_unit(tabel: pd.DataFrame) -> UnitAchievement:
    """The mean of ``capaian_pct`` over the IKU that have a capaian (an IKU without realisation, target
    or with target 0 is left out and named), as real LKjIPs print "Capaian Kinerja ... 101,93%".

    >>> t = pd.DataFrame({"indikator": ["a", "b", "c"], "capaian_pct": [100.0, 110.0, float("nan")]})
    >>> capaian_kinerja_unit(t)
    UnitAchievement(nilai=105.0, dihitung=('a', 'b'), tidak_dihitung=('c',))
    """
    have = tabel["capaian_pct"].notna()
    values = tabel.loc[have, "capaian_pct"].astype(float)
    nilai = float(values.mean()) if len(values) else float("nan")
    return UnitAchievement(nilai, tuple(tabel.loc[have, "indikator"]), tuple(tabel.loc[~have, "indikator"]))


def compute_indicators(datasets: Mapping[str, pd.DataFrame], targets: pd.DataFrame | None,
                       unit: Mapping[str, Any] | None, year: int, *,
                       ikm_weight: str | float = "exact", declaration: tuple[Iku, ...] | None = None) -> pd.DataFrame:
    """The indicator frame of ``year`` (``indicators.csv``): one row per IKU in force."""
    return compute_all(datasets, targets, unit, year, ikm_weight=ikm_weight, breakdowns=False,
                       declaration=declaration).tabel


def financing(indicators: pd.DataFrame, anggaran: pd.DataFrame | None,
              unit: Mapping[str, Any] | None) -> pd.DataFrame:
    """The budget behind each indicator (``unit['pembiayaan']``) and efficiency.

    Columns: ``indikator, kode_anggaran, pagu, realisasi, penyerapan_pct,
    persen_dari_total, capaian_pct, tingkat_efisiensi, keterangan``. A null
    mapping means no budget finances the indicator (0 / 0, penyerapan and
    efisiensi NaN); an id absent from the mapping is "belum dipetakan".
    """
    mapping = dict((unit or {}).get("pembiayaan") or {})
    total = _budget.budget_totals(anggaran) if anggaran is not None else None
    rows = []
    for _, r in indicators.iterrows():
        ind = r["indikator"]
        if ind not in mapping:
            code, note = None, "pembiayaan belum dipetakan di unit.yaml"
            amt = _budget.BudgetAmount(None, float("nan"), float("nan"), float("nan"), False)
        elif anggaran is None:
            code, note = mapping[ind], "data anggaran tidak ada"
            amt = _budget.BudgetAmount(code, float("nan"), float("nan"), float("nan"), False)
        else:
            code = mapping[ind]
            amt = _budget.budget_of(anggaran, code)
            if code is None:
                note = "tidak dibiayai anggaran tersendiri"
            elif not amt.ditemukan:
                note = f"kode {code} tidak ada di data anggaran"
            else:
                note = ""
        share = (amt.pagu / total.pagu * 100.0) if (total is not None and total.pagu and
                                                    pd.notna(amt.pagu)) else float("nan")
        rows.append({"indikator": ind, "kode_anggaran": code, "pagu": amt.pagu,
                     "realisasi": amt.realisasi, "penyerapan_pct": amt.persen,
                     "persen_dari_total": share, "capaian_pct": r["capaian_pct"],
                     "tingkat_efisiensi": tingkat_efisiensi(r["capaian_pct"], amt.persen),
                     "keterangan": note})
    return pd.DataFrame(rows, columns=["indikator", "kode_anggaran", "pagu", "realisasi",
                                       "penyerapan_pct", "persen_dari_total", "capaian_pct",
                                       "tingkat_efisiensi", "keterangan"])


def published_realisasi(published: pd.DataFrame | None) -> dict[tuple[int, str], float]:
    """``{(tahun, indikator): nilai}`` of published realisations
    (``ukuran`` blank or ``realisasi``)."""
    if published is None or not len(published):
        return {}
    df = published.copy()
    if "ukuran" in df.columns:
        u = df["ukuran"].astype("string").str.strip().str.lower().fillna("")
        df = df[u.isin(["", "realisasi"])]
    out = {}
    # column by column (a row Series per row, iterrows, cost a second per report on a published.csv
    # of a few thousand rows); later rows of the same key win, as before
    for tahun, indikator, nilai in zip(df["tahun"].tolist(), df["indikator"].tolist(), df["nilai"].tolist()):
        if pd.notna(tahun) and pd.notna(nilai):
            out[(int(tahun), str(indikator).strip())] = float(nilai)
    return out


def indicator_history(per_year: Mapping[int, pd.DataFrame], targets: pd.DataFrame | None,
                      published: pd.DataFrame | None = None, years=None, *,
                      iku: tuple[Iku, ...] | None = None, lower_rule: str = "selisih",
                      bands: BandTable | None = None) -> pd.DataFrame:
    """Long multi-year frame for Tabel 3.1.2.

    ``per_year`` maps a year to its indicator frame (from
    :func:`compute_indicators`). Years default to every year with a frame or
    a target. A year without a frame takes its realisation from
    ``published`` when given (``sumber='dipublikasikan'``).
    ``iku``: the unit's IKU (default: the seven kecamatan IKU), one row each per year, with its name,
    unit and polarity (``lower_rule``: unit.yaml ``capaian_turun``; ``bands``: its ``kategori_capaian``).
    Columns: ``tahun, indikator, nama, satuan, target, dokumen, realisasi,
    capaian_pct, kategori, sumber``.
    """
    iku = tuple(default_declaration() if iku is None else iku)
    pub = published_realisasi(published)
    if years is None:
        years = sorted({int(y) for y in per_year} | set(target_years(targets)))
    rows = []
    normalized = normalize_targets(targets) if targets is not None and len(targets) else None
    for y in years:
        frame = per_year.get(y)
        computed = frame.set_index("indikator") if frame is not None else None
        of_year = effective_targets_of_year(normalized, y)
        for ind in iku:
            t = of_year.get(ind.kode) or Target(ind.kode, y, float("nan"), None)
            has_computed = (computed is not None and ind.kode in computed.index
                            and pd.notna(computed.loc[ind.kode, "realisasi"]))
            if has_computed:
                rv, src = float(computed.loc[ind.kode, "realisasi"]), "dihitung"
                tv = computed.loc[ind.kode, "target"]
                tv = t.target if pd.isna(tv) else float(tv)
            elif (y, ind.kode) in pub:
                rv, src, tv = pub[(y, ind.kode)], "dipublikasikan", t.target
            else:
                rv, src, tv = float("nan"), None, t.target
            cap = capaian(rv, tv, ind.polarity, lower_rule)
            rows.append({"tahun": int(y), "indikator": ind.kode, "nama": ind.nama,
                         "satuan": ind.satuan, "target": tv, "dokumen": t.dokumen,
                         "realisasi": rv, "capaian_pct": cap, "kategori": capaian_category(cap, bands),
                         "sumber": src})
    return pd.DataFrame(rows, columns=["tahun", "indikator", "nama", "satuan", "target", "dokumen",
                                       "realisasi", "capaian_pct", "kategori", "sumber"])
