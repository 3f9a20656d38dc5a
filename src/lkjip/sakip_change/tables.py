"""The SAKIP change analysis as reader-facing tables (Indonesian labels and number format) and a chart.
"""

from __future__ import annotations

import math

import pandas as pd

from lkjip.sakip_change.factors import Drivers, _doc_label
from lkjip.sakip_change.analyse import SakipChangeAnalysis
from lkjip.sakip_change.score_change import Decomposition, _label
from lkjip.sakip_change.stake import PointsAtStake
from lkjip.contract.fmt import fmt_number, fmt_pct, fmt_signed, style_table
from lkjip.indicators.frames import safe_pct
from lkjip.contract.markup import ANALYST_NOTE, md_text
from lkjip.contract.rules import SAKIP_COMPONENT_NAMES, SAKIP_SCORE_DECIMALS, SAKIP_SUBCOMPONENT_NAMES, tolerance
from lkjip.sakip_change.lke import lke_sentences
from lkjip.sakip_change.peer import peer_sentences
from lkjip.sakip_change.recovery import recovery_md

# --------------------------------------------------------------------------
# Reader-facing tables (Indonesian labels and number format)
# --------------------------------------------------------------------------


def tabel_ringkasan(an: SakipChangeAnalysis) -> pd.DataFrame:
    """Score, predicate, target and capaian of the two years, and the change."""
    dec, drv = an.dekomposisi, an.pendorong
    t = drv.target.set_index("tahun")
    rows = []
    for y, v, p in ((an.tahun_awal, dec.nilai_awal, dec.predikat_awal),
                    (an.tahun_akhir, dec.nilai_akhir, dec.predikat_akhir)):
        tr = t.loc[y] if y in t.index else None
        rows.append({"Tahun": str(y), "Nilai SAKIP": fmt_number(v), "Predikat": p or "–",
                     "Target": fmt_number(tr["target"]) if tr is not None else "–",
                     "Dokumen target": _doc_label(tr["dokumen"]) if tr is not None else "–",
                     "Capaian": fmt_pct(tr["capaian_pct"]) if tr is not None else "–"})
    rows.append({"Tahun": "Perubahan", "Nilai SAKIP": fmt_signed(dec.perubahan), "Predikat": "",
                 "Target": "", "Dokumen target": "", "Capaian": ""})
    return pd.DataFrame(rows)


def _pct_tables(df: pd.DataFrame, y0: object, y1: object, extra: dict) -> pd.DataFrame:
    out = pd.DataFrame({**extra,
                        "Bobot": df["bobot"],
                        f"Nilai {y0}": df["nilai_awal"], f"Nilai {y1}": df["nilai_akhir"],
                        "Perubahan": df["perubahan"],
                        f"% maks {y0}": df["persen_maks_awal"], f"% maks {y1}": df["persen_maks_akhir"],
                        "Perubahan % maks (poin)": df["perubahan_persen_maks"]})
    return out


def tabel_komponen(dec: Decomposition) -> pd.DataFrame:
    """Component table: values, change, % of maximum, share of the total change."""
    y0, y1 = _label(dec.tahun_awal, "awal"), _label(dec.tahun_akhir, "akhir")
    k = dec.komponen
    out = _pct_tables(k, y0, y1, {"Komponen": k["nama_komponen"]})
    out["Porsi dari perubahan total"] = k["porsi_pct"]
    total = pd.DataFrame([{"Komponen": "Jumlah", "Bobot": k["bobot"].sum(),
                           f"Nilai {y0}": dec.nilai_awal, f"Nilai {y1}": dec.nilai_akhir,
                           "Perubahan": dec.perubahan,
                           f"% maks {y0}": safe_pct(dec.nilai_awal, k["bobot_awal"].sum()),
                           f"% maks {y1}": safe_pct(dec.nilai_akhir, k["bobot"].sum()),
                           "Perubahan % maks (poin)": safe_pct(dec.nilai_akhir, k["bobot"].sum())
                           - safe_pct(dec.nilai_awal, k["bobot_awal"].sum()),
                           "Porsi dari perubahan total": 100.0 if abs(dec.perubahan) >= tolerance(SAKIP_SCORE_DECIMALS)
                           else math.nan}])
    out = pd.concat([out, total], ignore_index=True)
    return style_table(out, {"Perubahan": fmt_signed, "Perubahan % maks (poin)": fmt_signed,
                             "Porsi dari perubahan total": "pct:1",
                             f"% maks {y0}": "pct", f"% maks {y1}": "pct"}, default="number")


def tabel_subkomponen(dec: Decomposition) -> pd.DataFrame | None:
    """Sub-component table, or ``None`` when either year lacks sub-components."""
    if dec.subkomponen is None:
        return None
    y0, y1 = _label(dec.tahun_awal, "awal"), _label(dec.tahun_akhir, "akhir")
    s = dec.subkomponen
    out = _pct_tables(s, y0, y1, {"Komponen": s["nama_komponen"], "Sub komponen": s["nama_subkomponen"]})
    return style_table(out, {"Perubahan": fmt_signed, "Perubahan % maks (poin)": fmt_signed,
                             f"% maks {y0}": "pct", f"% maks {y1}": "pct"}, default="number")


def tabel_celah(stake: PointsAtStake) -> pd.DataFrame:
    """Per component: the later year's value, its gap to the maximum and to the earlier level."""
    y0, y1 = _label(stake.tahun_awal, "awal"), _label(stake.tahun_akhir, "akhir")
    c = stake.celah
    out = pd.DataFrame({"Komponen": c["nama_komponen"], "Bobot (maks)": c["bobot"],
                        f"Nilai {y1}": c["nilai_akhir"], "% maks": c["persen_maks_akhir"],
                        "Celah ke maksimal": c["celah_ke_maks"], f"Nilai {y0}": c["nilai_awal"],
                        f"Celah ke tingkat {y0}": c["celah_ke_awal"]})
    return style_table(out, {"% maks": "pct"}, default="number")


def tabel_skenario(stake: PointsAtStake) -> pd.DataFrame:
    """The what-if scenarios ranked by attainable points."""
    s = stake.skenario
    out = pd.DataFrame({"Skenario": s["kalimat"], "Tambahan": s["tambahan"], "Total": s["total"],
                        "Predikat": s["predikat"],
                        "Predikat naik": ["ya" if v else "tidak" for v in s["naik_predikat"]]})
    return style_table(out, {"Tambahan": fmt_signed}, default="number")


def tabel_kaitan(drv: Drivers) -> pd.DataFrame:
    """Drivers next to the component(s) they may drive."""
    return drv.kaitan.rename(columns={"faktor": "Faktor", "temuan": "Temuan",
                                      "komponen_terkait": "Komponen yang mungkin terpengaruh",
                                      "perubahan_komponen": "Perubahan komponen",
                                      "arah": "Arah terhadap nilai"})


def tabel_kekosongan(drv: Drivers) -> pd.DataFrame:
    """Structural positions per year: months vacant, doubly held, exits, entries."""
    parts = []
    for y, v in sorted(drv.kekosongan.items()):
        p = v.per_jabatan.copy()
        p.insert(0, "tahun", y)
        parts.append(p)
    if not parts:
        return pd.DataFrame()
    p = pd.concat(parts, ignore_index=True)
    return pd.DataFrame({"Tahun": p["tahun"].astype(str), "Jabatan": p["jabatan"],
                         "Eselon": p["eselon"], "Bulan terisi": p["bulan_terisi"],
                         "Bulan kosong": p["bulan_kosong"], "Kosong pada": p["bulan_kosong_teks"],
                         "Bulan tidak diketahui": p["bulan_tidak_diketahui"],
                         "Keluar": p["keluar"], "Masuk": p["masuk"], "Keterangan": p["keterangan"]})


def tabel_kekosongan_bulanan(drv: Drivers, year: int | None = None) -> pd.DataFrame:
    """Month by month: structural positions, filled, vacant (the later year by default)."""
    y = int(year if year is not None else drv.tahun_akhir)
    if y not in drv.kekosongan:
        return pd.DataFrame()
    b = drv.kekosongan[y].bulanan
    return pd.DataFrame({"Bulan": b["nama_bulan"], "Jabatan struktural": b["jabatan_struktural"],
                         "Terisi": b["terisi"], "Kosong": b["kosong"],
                         "Tidak diketahui": b["tidak_diketahui"],
                         "Jabatan kosong": b["jabatan_kosong"]})


def tabel_pergantian(drv: Drivers) -> pd.DataFrame:
    """Structural positions whose holder changed against the previous year (no names)."""
    parts = []
    for y, v in sorted(drv.kekosongan.items()):
        p = v.pergantian.copy()
        p.insert(0, "tahun", y)
        parts.append(p)
    p = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["tahun"])
    if not len(p):
        return pd.DataFrame()
    return pd.DataFrame({"Tahun": p["tahun"].astype(str), "Jabatan": p["jabatan"], "Eselon": p["eselon"],
                         "Berhenti": p["berhenti"], "Mulai pejabat baru": p["mulai_pejabat_baru"],
                         "Keterangan": p["keterangan"]})


def tabel_ipasn(drv: Drivers) -> pd.DataFrame:
    """IP ASN per year with dimension means."""
    ip = drv.ipasn
    if not len(ip):
        return pd.DataFrame()
    measured = ip["tahun_penilaian"] if "tahun_penilaian" in ip.columns else ip["tahun"]
    out = pd.DataFrame({"Tahun data": ip["tahun"].astype(str),
                        "Tahun pengukuran": [str(int(m)) if pd.notna(m) else "–" for m in measured],
                        "Rata-rata IP ASN": ip["nilai"],
                        "Kategori": ip["kategori"], "ASN diukur": ip["jumlah_diukur"]})
    for d in ("kualifikasi", "kompetensi", "kinerja", "disiplin"):
        if f"rata_{d}" in ip.columns:
            out[f"Rata-rata {d}"] = ip[f"rata_{d}"]
    return style_table(out, {"ASN diukur": "int"}, default="number")


def tabel_anggaran(drv: Drivers) -> pd.DataFrame:
    """The planning and evaluation activity and its sub-activities per year."""
    b = drv.anggaran
    if not len(b):
        return pd.DataFrame()
    out = pd.DataFrame({"Tahun": b["tahun"].astype(str), "Kode": b["kode"], "Uraian": b["uraian"],
                        "Pagu": b["pagu"], "Realisasi": b["realisasi"], "Penyerapan": b["persen"]})
    return style_table(out, {"Pagu": "rupiah", "Realisasi": "rupiah", "Penyerapan": "pct"})


def tabel_target(drv: Drivers) -> pd.DataFrame:
    """SAKIP against its target and the predicate bands, every year with data."""
    t = drv.target
    out = pd.DataFrame({"Tahun": t["tahun"].astype(str), "Nilai SAKIP": t["nilai"],
                        "Predikat": t["predikat"], "Target": t["target"],
                        "Dokumen target": [_doc_label(d) for d in t["dokumen"]],
                        "Capaian": t["capaian_pct"], "Selisih dari target": t["selisih_target"],
                        "Di atas batas bawah predikat": t["jarak_batas_bawah"],
                        "Predikat berikutnya": t["predikat_berikutnya"],
                        "Kenaikan yang diperlukan (lebih dari)": t["kebutuhan_berikutnya"]})
    return style_table(out, {"Capaian": "pct", "Selisih dari target": fmt_signed}, default="number")


def waterfall_figure(dec: Decomposition):
    """The decomposition as a waterfall chart (:func:`lkjip.charts.waterfall`)."""
    from lkjip.charts import waterfall  # deferred: imports matplotlib

    return waterfall(f"SAKIP {_label(dec.tahun_awal, 'awal')}", dec.nilai_awal, dec.steps(),
                     f"SAKIP {_label(dec.tahun_akhir, 'akhir')}", ylabel="Nilai SAKIP")


def catatan_md(an: SakipChangeAnalysis) -> str:
    """The notes as a Markdown list ('' when there are none)."""
    notes = list(dict.fromkeys(an.catatan))
    return "" if not notes else "**Catatan:**\n\n" + "\n".join(f"- {md_text(n)}" for n in notes)


def konteks_md(an: SakipChangeAnalysis) -> str:
    """The unit among the kabupaten's OPD as a paragraph; without the data, one line saying so."""
    ctx = an.konteks
    if not an.ok or ctx is None:
        return ""
    if not ctx.ada:
        text = " ".join(ctx.kalimat) + " " if ctx.kalimat else ""
        return md_text(text + "Nilai SAKIP OPD lain se-kabupaten tidak tersedia, sehingga bagian ini "
                       "tidak dapat disusun.")
    return peer_sentences(ctx)


def catatan_analis_md(an: SakipChangeAnalysis) -> str:
    """What an analyst could add to the data, as a list for the draft only ('' when nothing)."""
    notes = list(dict.fromkeys(an.catatan_analis))
    return "" if not notes else ("**Catatan analis (hanya pada draf):**\n\n"
                                 + "\n".join(f"- {ANALYST_NOTE} {md_text(n)}" for n in notes))


def tabel_lke(an: SakipChangeAnalysis) -> pd.DataFrame | None:
    """The change criterion by criterion (method vs performance), when both years' LKE are given."""
    if not an.ok or an.lke is None:
        return None
    k = an.lke.kriteria
    out = pd.DataFrame({
        "Kriteria": k["kriteria"], "Uraian": k["uraian"].fillna(""),
        "Komponen": [SAKIP_COMPONENT_NAMES.get(c, c) for c in k["komponen"]],
        "Sub komponen": [SAKIP_SUBCOMPONENT_NAMES.get(c, c) if isinstance(c, str) else "" for c in k["subkomponen"]],
        "Perubahan": k["jenis"], f"Bobot {an.tahun_awal}": k["bobot_awal"], f"Bobot {an.tahun_akhir}": k["bobot_akhir"],
        f"Nilai {an.tahun_awal}": k["nilai_awal"], f"Nilai {an.tahun_akhir}": k["nilai_akhir"],
        "Bagian metode": k["metode"], "Bagian kinerja": k["kinerja"]})
    return style_table(out, {"Bagian metode": fmt_signed, "Bagian kinerja": fmt_signed}, default="number")


def lke_md(an: SakipChangeAnalysis) -> str:
    """The criterion-level split as a paragraph; one line when no LKE pair is given."""
    if not an.ok:
        return ""
    if an.lke is None:
        return ("Lembar kerja evaluasi (LKE) per kriteria tidak tersedia untuk kedua tahun, sehingga "
                "perubahan tidak dapat dipisah menjadi bagian karena cara penilaian dan bagian karena kinerja.")
    return md_text(" ".join(lke_sentences(an.lke)))


def pemulihan_md(an: SakipChangeAnalysis) -> str:
    """Per component: the points a realistic recovery gives back, tied to the LKjIP's Saran."""
    if not an.ok or an.pemulihan is None or not len(an.pemulihan):
        return ""
    return ("Pemulihan yang realistis per komponen:\n\n"
            + recovery_md(an.pemulihan, an.tahun_awal))
