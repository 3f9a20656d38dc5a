"""One builder per table and figure of Bab III, DataFrames in, DataFrames out.

Headers are in Bahasa Indonesia as in the published LKjIP; numbers stay at full
precision (format them with :func:`lkjip.contract.fmt.style_table`). Tables about
the indicators are indexed by the indicator id (index name ``indikator``)
and grouped by ``unit['sasaran']`` when the unit gives it (a list of
``{sasaran, indikator: [ids]}``); ids in no group follow, with a blank
*Sasaran*. Budget tables end with a computed ``Jumlah`` row.

>>> import pandas as pd
>>> ind = pd.DataFrame({"indikator": ["sakip"], "nama": ["Nilai SAKIP Perangkat Daerah"],
...                     "satuan": ["nilai"], "target": [87.5], "realisasi": [86.13],
...                     "capaian_pct": [98.434], "kategori": ["Sangat Tinggi"]})
>>> float(tabel_3_1_1(ind).loc["sakip", "% Capaian"])
98.434
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from lkjip.indicators import budget as _budget
from lkjip.indicators.coordination import coordination_by_seksi
from lkjip.contract.nip import nip_masks, nip_shown
from lkjip.contract.rules import capaian_bands
from lkjip.indicators.ikm import IkmResult
from lkjip.indicators.iku import indicator_history
from lkjip.indicators.frames import safe_pct, total_rows
from lkjip.document.shown import polarity_of
from lkjip.indicators.ipasn import ipasn_summary
from lkjip.indicators.sakip import sakip_score
from lkjip.contract.schema import MONTHS
from lkjip.indicators.services import services_by_layanan, services_by_month
from lkjip.indicators.targets import in_force, renstra_end_target, tingkat_kemajuan
from lkjip.indicators.targets import capaian_category_text

MONTH_HEADERS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
JUMLAH = "Jumlah"


# --- grouping ----------------------------------------------------------------
def sasaran_groups(indicator_ids, unit: Mapping[str, Any] | None) -> list[tuple[int, Any, str]]:
    """``(no, sasaran, id)`` for the ids, in the unit's group order.

    >>> unit = {"sasaran": [{"sasaran": "Pelayanan", "indikator": ["ikm"]},
    ...                     {"sasaran": "Tata kelola", "indikator": ["sakip", "ip_asn"]}]}
    >>> sasaran_groups(["ip_asn", "ikm", "sakip", "jumlah_inovasi"], unit)
    [(1, 'Pelayanan', 'ikm'), (2, 'Tata kelola', 'sakip'), (2, 'Tata kelola', 'ip_asn'), (3, <NA>, 'jumlah_inovasi')]
    """
    ids = list(indicator_ids)
    out, used, no = [], set(), 0
    for grp in (unit or {}).get("sasaran") or []:
        members = [i for i in (grp.get("indikator") or []) if i in ids and i not in used]
        if not members:
            continue
        no += 1
        for i in members:
            out.append((no, grp.get("sasaran", pd.NA), i))
            used.add(i)
    for i in ids:
        if i not in used:
            no += 1
            out.append((no, pd.NA, i))
    return out


def _indexed(indicators: pd.DataFrame) -> pd.DataFrame:
    return indicators.set_index("indikator", drop=False)


def _frame(rows: list[dict], columns: list[str], index=None) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    if index is not None:
        df.index = pd.Index(index, name="indikator")
    return df


# --- Tabel 3.1.x -----------------------------------------------------------
def tabel_3_1_1(indicators: pd.DataFrame, unit: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Pencapaian Kinerja: target vs realisasi vs capaian, grouped by sasaran."""
    ind = _indexed(indicators)
    bands = capaian_bands((unit or {}).get("kategori_capaian"))
    rows, idx = [], []
    for no, sasaran, i in sasaran_groups(ind.index, unit):
        r = ind.loc[i]
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "Satuan": r["satuan"], "Target": r["target"], "Realisasi": r["realisasi"],
                     "% Capaian": r["capaian_pct"], "Kategori": capaian_category_text(r["capaian_pct"], bands)})
        idx.append(i)
    return _frame(rows, ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan", "Target",
                         "Realisasi", "% Capaian", "Kategori"], idx)


def tabel_3_1_2(per_year: Mapping[int, pd.DataFrame], targets: pd.DataFrame | None,
                published: pd.DataFrame | None = None, *, until: int | None = None, iku=None,
                lower_rule: str = "selisih", bands=None) -> pd.DataFrame:
    """Perbandingan Realisasi Kinerja: targets of every year present, realisasi
    and capaian of the years up to ``until`` (default: the latest computed year).

    Columns ``Indikator Kinerja, Satuan, Target <y>..., Realisasi <y>...,
    Capaian <y> (%)...``; realisations of years without data come from
    ``published`` when given (listed in ``Sumber Realisasi``). ``iku``: the unit's declared IKU
    (default: the seven kecamatan IKU), one row each. Targets come only from the documents adopted by
    ``until`` (the report year; :func:`lkjip.indicators.targets.in_force`): a report never shows a
    target document proposed after it.
    """
    if targets is not None and until is not None:
        targets = in_force(targets, until)
    hist = indicator_history(per_year, targets, published, iku=iku, lower_rule=lower_rule, bands=bands)
    years = sorted(hist["tahun"].unique())
    if until is None:
        until = max(per_year) if per_year else (max(years) if years else None)
    real_years = [y for y in years if until is None or y <= until]
    rows, idx = [], []
    for ind in dict.fromkeys(hist["indikator"]):
        h = hist[hist["indikator"] == ind].set_index("tahun")
        if not len(h):
            continue
        row = {"Indikator Kinerja": h["nama"].iloc[0], "Satuan": h["satuan"].iloc[0]}
        for y in years:
            row[f"Target {y}"] = h.loc[y, "target"]
        for y in real_years:
            row[f"Realisasi {y}"] = h.loc[y, "realisasi"]
        for y in real_years:
            row[f"Capaian {y} (%)"] = h.loc[y, "capaian_pct"]
        pub_years = [str(y) for y in real_years if h.loc[y, "sumber"] == "dipublikasikan"]
        row["Sumber Realisasi"] = ("angka dipublikasikan: " + ", ".join(pub_years)) if pub_years else ""
        rows.append(row)
        idx.append(ind)
    cols = (["Indikator Kinerja", "Satuan"] + [f"Target {y}" for y in years]
            + [f"Realisasi {y}" for y in real_years] + [f"Capaian {y} (%)" for y in real_years]
            + ["Sumber Realisasi"])
    return _frame(rows, cols, idx)


def tabel_3_1_3(indicators: pd.DataFrame, targets: pd.DataFrame | None,
                unit: Mapping[str, Any] | None = None, year: int | None = None, iku=None) -> pd.DataFrame:
    """Perbandingan realisasi s.d. tahun ini dengan target akhir Renstra
    (tingkat kemajuan = realisasi / target akhir x 100)."""
    ind = _indexed(indicators)
    label = f"Realisasi s.d. {year}" if year is not None else "Realisasi s.d. saat ini"
    rows, idx = [], []
    for no, sasaran, i in sasaran_groups(ind.index, unit):
        r = ind.loc[i]
        end = renstra_end_target(targets, i, year)
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "Satuan": r["satuan"], "Target Akhir Renstra": end.target,
                     "Tahun Akhir Renstra": end.tahun, label: r["realisasi"],
                     "Tingkat Kemajuan (%)": tingkat_kemajuan(r["realisasi"], end.target,
                                                              polarity_of(i, iku))})
        idx.append(i)
    return _frame(rows, ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan",
                         "Target Akhir Renstra", "Tahun Akhir Renstra", label,
                         "Tingkat Kemajuan (%)"], idx)


def national_of_year(national: pd.DataFrame | None, year: int | None) -> pd.DataFrame | None:
    """The rows of ``nasional`` that compare with ``year`` (all rows when the file has no ``tahun``
    or no year is asked); None when there is no file or no such row.

    >>> nat = pd.DataFrame({"tahun": [2022, 2023], "indikator": ["ikm", "ikm"], "nilai": [81.0, 82.5]})
    >>> national_of_year(nat, 2023)["nilai"].tolist(), national_of_year(nat, 2021)
    ([82.5], None)
    """
    if national is None:
        return None
    if "tahun" in national.columns and year is not None:
        national = national[pd.to_numeric(national["tahun"], errors="coerce") == int(year)]
    return national if len(national) else None


def national_sources(national: pd.DataFrame | None, year: int | None) -> list[str]:
    """The distinct sources (``sumber``) of the national figures of ``year``, in file order.

    >>> nat = pd.DataFrame({"tahun": [2023, 2023], "indikator": ["ikm", "sakip"], "nilai": [82.5, 70.0],
    ...                     "sumber": ["KemenPAN-RB", "KemenPAN-RB"]})
    >>> national_sources(nat, 2023)
    ['KemenPAN-RB']
    """
    rows = national_of_year(national, year)
    if rows is None or "sumber" not in rows.columns:
        return []
    return list(dict.fromkeys(str(v).strip() for v in rows["sumber"] if pd.notna(v) and str(v).strip()))


def tabel_3_1_4(indicators: pd.DataFrame, national: pd.DataFrame | None = None,
                unit: Mapping[str, Any] | None = None, year: int | None = None, iku=None) -> pd.DataFrame:
    """Perbandingan dengan realisasi nasional (``national``: ``indikator, nilai``, optional ``tahun``).

    ``Ket. (+/-)`` = realisasi - nasional (nasional - realisasi when lower is
    better), so a positive number is better than the national figure; blank
    where no national figure is given.
    """
    ind = _indexed(indicators)
    nat = {}
    national = national_of_year(national, year)
    if national is not None:
        nat = {str(k).strip(): float(v) for k, v in zip(national["indikator"], national["nilai"])
               if pd.notna(v)}
    label = f"Realisasi {year}" if year is not None else "Realisasi"
    rows, idx = [], []
    for no, sasaran, i in sasaran_groups(ind.index, unit):
        r = ind.loc[i]
        n = nat.get(i, float("nan"))
        diff = r["realisasi"] - n if polarity_of(i, iku) == "higher" else n - r["realisasi"]
        rows.append({"No": no, "Sasaran": sasaran, "Indikator Kinerja Utama": r["nama"],
                     "Satuan": r["satuan"], label: r["realisasi"], "Realisasi Nasional": n,
                     "Ket. (+/-)": diff})
        idx.append(i)
    return _frame(rows, ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan", label,
                         "Realisasi Nasional", "Ket. (+/-)"], idx)


# --- Tabel 3.2.x -----------------------------------------------------------
def tabel_3_2_1(lra: pd.DataFrame) -> pd.DataFrame:
    """Anggaran dan realisasi per jenis belanja (from the LRA), numbered
    1, 1.1, 1.2, 2, 2.1 ..., with a ``Jumlah`` row (account 5 or the sum of
    the top-level accounts)."""
    by_type = _budget.spending_by_type(lra)
    rows, top, sub = [], 0, 0
    min_level = by_type["level"].min() if len(by_type) else 0
    for _, r in by_type.iterrows():
        if r["level"] == min_level:
            top, sub = top + 1, 0
            no = f"{top}"
        else:
            sub += 1
            no = f"{top}.{sub}"
        rows.append({"No": no, "Kode Rekening": r["kode_rekening"], "Jenis Belanja": r["uraian"],
                     "Anggaran (Rp)": r["anggaran"], "Realisasi (Rp)": r["realisasi"],
                     "% Realisasi": r["persen"]})
    tot = _budget.realisasi_anggaran(lra)
    rows.append({"No": "", "Kode Rekening": "", "Jenis Belanja": "Jumlah Seluruh Anggaran",
                 "Anggaran (Rp)": tot.anggaran, "Realisasi (Rp)": tot.realisasi,
                 "% Realisasi": tot.persen})
    return pd.DataFrame(rows, columns=["No", "Kode Rekening", "Jenis Belanja", "Anggaran (Rp)",
                                       "Realisasi (Rp)", "% Realisasi"])


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def tabel_3_2_5(anggaran: pd.DataFrame) -> pd.DataFrame:
    """Realisasi anggaran per program (A, B ...), kegiatan (I, II ...) and sub
    kegiatan (1, 2 ...), amounts from the lowest level, with a ``Jumlah`` row."""
    h = _budget.budget_hierarchy(anggaran)
    counters = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
    rows = []
    for _, r in h.iterrows():
        t = r["tingkat"]
        if t in counters:
            counters[t] += 1
        no = {"program": _letters(counters["program"]), "kegiatan": _roman(counters["kegiatan"]),
              "sub_kegiatan": str(counters["sub_kegiatan"])}.get(t, "")
        rows.append({"No": no, "Kode": r["kode"], "Program/Kegiatan/Sub Kegiatan": r["uraian"],
                     "Tingkat": _budget.LEVEL_LABELS.get(r["level"], "Lainnya"),
                     "Anggaran (Rp)": r["pagu"], "Realisasi (Rp)": r["realisasi"],
                     "% Realisasi": r["persen"]})
    tot = _budget.budget_totals(anggaran)
    rows.append({"No": "", "Kode": "", "Program/Kegiatan/Sub Kegiatan": "JUMLAH", "Tingkat": "",
                 "Anggaran (Rp)": tot.pagu, "Realisasi (Rp)": tot.realisasi,
                 "% Realisasi": tot.persen})
    return pd.DataFrame(rows, columns=["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Tingkat",
                                       "Anggaran (Rp)", "Realisasi (Rp)", "% Realisasi"])


# --- Gambar 3.x ------------------------------------------------------------
def gambar_3_1(ikm: IkmResult) -> pd.DataFrame:
    """Survey per unsur: Nilai/Unsur, NRR/Unsur, NRR/Unsur x 25, NRR Tertimbang/Unsur."""
    u = ikm.unsur
    return pd.DataFrame({
        "Unsur": u["unsur"], "Nama Unsur": u["nama_unsur"], "Nilai/Unsur": u["jumlah_nilai"],
        "Jumlah Jawaban": u["jumlah_jawaban"], "NRR/Unsur": u["nrr"],
        "NRR/Unsur x 25": u["nrr_x25"], "NRR Tertimbang/Unsur": u["nrr_tertimbang"],
    })


def gambar_3_1_ringkasan(ikm: IkmResult) -> pd.DataFrame:
    """One row: respondents, weight used, IKM (1-4), IKM x 25, mutu, kinerja."""
    return pd.DataFrame([{"Jumlah Responden": ikm.responden, "Bobot NRR": ikm.bobot_label,
                          "Jumlah NRR IKM Tertimbang": ikm.ikm,
                          "Jumlah NRR IKM Tertimbang x 25": ikm.ikm_x25,
                          "Mutu Pelayanan": ikm.mutu, "Kinerja Unit Pelayanan": ikm.kinerja}])


def gambar_3_2(paten: pd.DataFrame) -> pd.DataFrame:
    """PATEN services by month and service, with computed and printed totals
    and a ``JUMLAH`` row that is the sum of each column (the source's own
    JUMLAH row, when it differs, is quoted in the note under the table:
    :func:`gambar_3_2_jumlah_tercetak`, :func:`lkjip.document.table_sums.paten_note`)."""
    per = services_by_layanan(paten)
    out = pd.DataFrame({"No": range(1, len(per) + 1), "Layanan": per["layanan"]})
    for m, h in zip(MONTHS, MONTH_HEADERS):
        out[h] = per[m]
    out["Jumlah"] = per["jumlah_hitung"]
    out["Jumlah Tercetak"] = per["jumlah_tercetak"]
    out["Selisih"] = per["selisih"]
    # every cell of the JUMLAH row is the sum of its column (a row without a printed total adds nothing)
    printed = pd.to_numeric(per["jumlah_tercetak"], errors="coerce").astype(float)
    selisih = pd.to_numeric(per["selisih"], errors="coerce").astype(float)
    any_printed = bool(printed.notna().any())
    total = {"No": pd.NA, "Layanan": "JUMLAH", **{h: int(per[m].sum()) for m, h in zip(MONTHS, MONTH_HEADERS)},
             "Jumlah": int(per["jumlah_hitung"].sum()),
             "Jumlah Tercetak": float(printed.sum()) if any_printed else pd.NA,
             "Selisih": float(selisih.sum()) if any_printed else pd.NA}
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)


#: The columns that name a row of the PATEN table: repeated in each printed part.
PATEN_ROW_NAMES = ["No", "Layanan"]


def gambar_3_2_bagian_cetak(table: pd.DataFrame) -> list[list[str]]:
    """The PATEN table (:func:`gambar_3_2`) on paper, as two tables of the same rows
    (:class:`lkjip.render.print_split.SplitTable`): January to June, then July to December with the
    totals (``Jumlah``, ``Jumlah Tercetak``, ``Selisih``), so that no figure is set under 8 pt.

    >>> t = gambar_3_2(pd.DataFrame({"layanan": ["KTP"], **{m: [1] for m in MONTHS}, "jumlah": [12]}))
    >>> [g[0] + "-" + g[-1] for g in gambar_3_2_bagian_cetak(t)]
    ['Jan-Jun', 'Jul-Selisih']
    """
    rest = [c for c in table.columns if c not in PATEN_ROW_NAMES and c not in MONTH_HEADERS[:6]]
    return [list(MONTH_HEADERS[:6]), rest]


def gambar_3_2_jumlah_tercetak(paten: pd.DataFrame) -> pd.Series | None:
    """The source's own JUMLAH row of the PATEN report under the table's headers (months and
    ``Jumlah Tercetak``), or ``None`` when the data have no printed total row."""
    printed = total_rows(paten)
    if not len(printed):
        return None
    row = printed.iloc[-1]
    values = {h: pd.to_numeric(row.get(m), errors="coerce") for m, h in zip(MONTHS, MONTH_HEADERS)}
    values["Jumlah Tercetak"] = pd.to_numeric(row.get("jumlah"), errors="coerce")
    return pd.Series(values, dtype="float64")


def gambar_3_2_bulanan(paten: pd.DataFrame) -> pd.DataFrame:
    """Services per month: ``Bulan, Jumlah Layanan``."""
    b = services_by_month(paten)
    return pd.DataFrame({"Bulan": b["nama_bulan"], "Jumlah Layanan": b["jumlah"]})


def gambar_3_4(koordinasi: pd.DataFrame) -> pd.DataFrame:
    """Coordination recap by section with a ``Jumlah`` row."""
    s = coordination_by_seksi(koordinasi)
    out = pd.DataFrame({
        "Seksi": s["seksi"], "Jumlah Uraian": s["jumlah_uraian"],
        "Jumlah Fasilitasi, Rekomendasi dan Koordinasi": s["fasilitasi"],
        "Jumlah Tindak Lanjut": s["tindak_lanjut"], "% Ditindaklanjuti": s["persen"],
    })
    f, t = int(s["fasilitasi"].sum()), int(s["tindak_lanjut"].sum())
    total = {"Seksi": JUMLAH, "Jumlah Uraian": int(s["jumlah_uraian"].sum()),
             "Jumlah Fasilitasi, Rekomendasi dan Koordinasi": f, "Jumlah Tindak Lanjut": t,
             "% Ditindaklanjuti": safe_pct(t, f)}
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)


def gambar_3_5(sakip: pd.DataFrame) -> pd.DataFrame:
    """SAKIP components (bobot, nilai, % of maximum) with a ``Jumlah`` row
    carrying the predicate."""
    r = sakip_score(sakip)
    k = r.komponen
    out = pd.DataFrame({"Komponen": k["nama_komponen"], "Bobot": k["bobot"],
                        "Nilai Hasil Evaluasi": k["nilai"], "% dari Maksimal": k["persen_maks"],
                        "Predikat": pd.NA})
    total = {"Komponen": JUMLAH, "Bobot": float(k["bobot"].sum()), "Nilai Hasil Evaluasi": r.nilai,
             "% dari Maksimal": safe_pct(r.nilai, float(k["bobot"].sum())),
             "Predikat": f"{r.predikat} ({r.keterangan})" if r.predikat else pd.NA}
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)


def gambar_3_5_subkomponen(sakip: pd.DataFrame) -> pd.DataFrame | None:
    """SAKIP sub-components, or ``None`` when the data has none."""
    s = sakip_score(sakip).subkomponen
    if s is None:
        return None
    return pd.DataFrame({"Komponen": s["nama_komponen"], "Sub Komponen": s["nama_subkomponen"],
                         "Bobot": s["bobot"], "Nilai": s["nilai"], "% dari Maksimal": s["persen_maks"]})


def gambar_3_6(lra: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """The LRA by account: anggaran, realisasi, %, and last year's realisasi when present."""
    t = _budget.lra_tree(lra)
    real = f"Realisasi {year} (Rp)" if year is not None else "Realisasi (Rp)"
    out = pd.DataFrame({"Kode Rekening": t["kode_rekening"], "Uraian": t["uraian"],
                        "Anggaran (Rp)": t["anggaran"], real: t["realisasi"], "%": t["persen"]})
    if "realisasi_tahun_lalu" in t.columns:
        prev = f"Realisasi {year - 1} (Rp)" if year is not None else "Realisasi Tahun Lalu (Rp)"
        out[prev] = t["realisasi_tahun_lalu"]
    return out


def gambar_3_7(pegawai: pd.DataFrame, *, show_names: bool = False,
               mask=True) -> pd.DataFrame:
    """IP ASN by employee with a mean row. NIPs are masked unless
    ``mask=False``; ``mask`` may also be the document's NIP formatter
    (:func:`lkjip.document.nips.nip_formatter`); names appear only with ``show_names=True``."""
    r = ipasn_summary(pegawai)
    p = r.pegawai
    if callable(mask):
        shown = mask
    else:  # the NIPs of this table masked against each other (one printed form: lkjip.contract.nip)
        masks = nip_masks(p["nip"]) if mask else None
        shown = lambda n: nip_shown(n, show=not mask, masks=masks)  # noqa: E731
    out = pd.DataFrame({"No": range(1, len(p) + 1), "NIP": [shown(n) for n in p["nip"]]})
    if show_names:
        out["Nama"] = p["nama"].astype(object).values
    out["Kualifikasi"] = p["kualifikasi"].values
    out["Kompetensi"] = p["kompetensi"].values
    out["Kinerja"] = p["kinerja"].values
    out["Disiplin"] = p["disiplin"].values
    out["Total"] = p["total"].values
    out["Kategori"] = p["kategori"].values
    dims = r.rata_dimensi.set_index("dimensi")["rata_rata"]
    total = {"No": pd.NA, "NIP": "RATA-RATA", "Kualifikasi": dims["kualifikasi"],
             "Kompetensi": dims["kompetensi"], "Kinerja": dims["kinerja"],
             "Disiplin": dims["disiplin"], "Total": r.nilai, "Kategori": r.kategori}
    if show_names:
        total["Nama"] = ""
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)
