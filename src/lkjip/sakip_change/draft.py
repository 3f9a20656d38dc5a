"""A drafted narrative of the SAKIP change in Bahasa Indonesia, chosen by the numbers, for an analyst to edit.
"""

from __future__ import annotations

import pandas as pd

from lkjip.sakip_change.factors import Drivers, _doc_label
from lkjip.sakip_change.score_change import Decomposition, _label, subcomponent_totals
from lkjip.sakip_change.stake import PointsAtStake
from lkjip.contract.fmt import fmt_number, fmt_pct, fmt_signed
from lkjip.indicators.frames import safe_pct
from lkjip.contract.markup import md_text
from lkjip.contract.rules import EPS, SAKIP_SCORE_DECIMALS, SAKIP_SUBCOMPONENT_NAMES, tolerance

# --------------------------------------------------------------------------
# Narrative
# --------------------------------------------------------------------------


_ARAH_TEXT = {
    "sejalan": "arahnya sejalan dengan perubahan nilai komponen terkait",
    "berlawanan": "arahnya berlawanan dengan perubahan nilai komponen terkait, sehingga angka "
                  "ini tidak mendukung faktor ini sebagai penjelasan",
}


def _direction(change: float) -> str:
    if abs(change) < tolerance(SAKIP_SCORE_DECIMALS):
        return "tetap"
    return "naik" if change > 0 else "turun"


def narrative(dec: Decomposition, stake: PointsAtStake | None = None,
              drv: Drivers | None = None, unit_name: str | None = None) -> str:
    """A drafted narrative in Bahasa Indonesia (Markdown), chosen by the figures.

    It is a draft for an analyst to edit, not a conclusion: every sentence
    comes from a number above, and drivers carry the association caution.
    """
    y0, y1 = _label(dec.tahun_awal, "tahun awal"), _label(dec.tahun_akhir, "tahun akhir")
    who = f"{md_text(unit_name)} " if unit_name else ""
    paras = []
    d = _direction(dec.perubahan)
    head = (f"Nilai SAKIP {who}{y1} adalah {fmt_number(dec.nilai_akhir)} (predikat "
            f"{dec.predikat_akhir or '–'}), ")
    if d == "tetap":
        head += f"sama dengan {y0} ({fmt_number(dec.nilai_awal)})."
    else:
        head += (f"{d} {fmt_number(abs(dec.perubahan))} poin dari {fmt_number(dec.nilai_awal)} "
                 f"(predikat {dec.predikat_awal or '–'}) pada {y0}.")
        if dec.predikat_awal != dec.predikat_akhir:
            head += f" Predikat berubah dari {dec.predikat_awal} menjadi {dec.predikat_akhir}."
    if drv is not None:
        t = drv.target[drv.target["tahun"] == dec.tahun_akhir]
        if len(t) and pd.notna(t["target"].iloc[0]):
            r = t.iloc[0]
            reached = r["nilai"] >= r["target"] - EPS
            head += (f" Target {y1} ({_doc_label(r['dokumen'])}) sebesar {fmt_number(r['target'])} "
                     + ("tercapai" if reached else "tidak tercapai")
                     + f", dengan capaian {fmt_pct(r['capaian_pct'])}.")
    paras.append(head)

    comp = dec.komponen.dropna(subset=["perubahan"])
    if len(comp) and d != "tetap":
        same = comp[comp["perubahan"] * dec.perubahan > 0].copy()
        same = same.reindex(same["perubahan"].abs().sort_values(ascending=False).index)
        opposite = comp[comp["perubahan"] * dec.perubahan < 0]
        word = "penurunan" if d == "turun" else "kenaikan"
        if len(same):
            top = same.iloc[0]
            s = (f"{word.capitalize()} terbesar terjadi pada komponen {top['nama_komponen']} "
                 f"({fmt_signed(top['perubahan'])} poin, dari {fmt_pct(top['persen_maks_awal'])} menjadi "
                 f"{fmt_pct(top['persen_maks_akhir'])} dari nilai maksimalnya), yang menjelaskan "
                 f"{fmt_pct(top['porsi_pct'], 1)} dari {word} total")
            rest = same.iloc[1:]
            if len(rest):
                s += "; disusul " + ", ".join(
                    f"{r['nama_komponen']} ({fmt_signed(r['perubahan'])}; {fmt_pct(r['porsi_pct'], 1)})"
                    for _, r in rest.iterrows())
            s += "."
            if len(same) == len(comp):
                s += f" Semua komponen {d}."
            paras.append(s)
        if len(opposite):
            paras.append("Sebaliknya, " + ", ".join(
                f"{r['nama_komponen']} {'naik' if r['perubahan'] > 0 else 'turun'} "
                f"{fmt_number(abs(r['perubahan']))}" for _, r in opposite.iterrows())
                + f", sehingga {word} total lebih kecil dari jumlah {word} komponen lainnya.")
        weakest = comp.sort_values("persen_maks_akhir").iloc[0]
        paras.append(f"Pada {y1}, komponen dengan capaian terendah terhadap nilai maksimalnya adalah "
                     f"{weakest['nama_komponen']} ({fmt_pct(weakest['persen_maks_akhir'])}).")

    subt = subcomponent_totals(dec)
    if subt is not None and len(subt):
        by = subt.set_index("subkomponen")
        pp = by["persen_maks_akhir"] - by["persen_maks_awal"]
        parts = [f"{by.loc[k, 'nama_subkomponen'].lower()} {fmt_signed(by.loc[k, 'perubahan'])} poin "
                 f"({fmt_signed(pp[k])} poin persentase dari maksimalnya)"
                 for k in SAKIP_SUBCOMPONENT_NAMES if k in by.index]
        s = "Menurut sub komponen (dijumlah atas semua komponen): " + ", ".join(parts) + "."
        if {"keberadaan", "kualitas"} <= set(by.index) and d == "turun":
            if pp["kualitas"] < pp["keberadaan"] - tolerance(2):
                s += (" Relatif terhadap nilai maksimalnya, kualitas turun lebih banyak daripada "
                      "keberadaan dokumen: angka ini sejalan dengan dugaan bahwa dokumen disiapkan "
                      "untuk kelengkapan, bukan mutunya.")
            else:
                s += (" Relatif terhadap nilai maksimalnya, kualitas tidak turun lebih banyak daripada "
                      "keberadaan dokumen: angka ini tidak mendukung dugaan bahwa dokumen hanya "
                      "disiapkan untuk kelengkapan.")
        paras.append(s)
    else:
        missing = [y for y, r in ((y0, dec.hasil_awal), (y1, dec.hasil_akhir))
                   if r is None or r.subkomponen is None]
        s = (f"Rincian sub komponen (keberadaan, kualitas, pemanfaatan) tidak tersedia untuk tahun "
             f"{' dan '.join(missing)}, sehingga dugaan bahwa dokumen disiapkan hanya untuk "
             "kelengkapan (keberadaan) dan bukan mutunya (kualitas) tidak dapat diuji dengan data ini.")
        for y, r in ((y0, dec.hasil_awal), (y1, dec.hasil_akhir)):
            if r is not None and r.subkomponen is not None:
                g = r.subkomponen.groupby("subkomponen")[["nilai", "bobot"]].sum()
                prof = [f"{SAKIP_SUBCOMPONENT_NAMES.get(k, k).lower()} "
                        f"{fmt_pct(safe_pct(g.loc[k, 'nilai'], g.loc[k, 'bobot']))}"
                        for k in SAKIP_SUBCOMPONENT_NAMES if k in g.index]
                s += f" Sebagai gambaran, pada {y} capaian terhadap maksimal: " + ", ".join(prof) + "."
        paras.append(s)
    method = [n for n in dec.catatan if n.startswith("Bobot")]
    if method:
        paras.append(method[0])

    if stake is not None and len(stake.skenario):
        sk = stake.skenario
        back = sk[sk["skenario"] == "kembali_ke_awal"]
        parts = []
        if len(back):
            parts.append(back.iloc[0]["kalimat"])
        allback = sk[sk["skenario"] == "semua_kembali_ke_awal"]
        if len(allback):
            parts.append(allback.iloc[0]["kalimat"])
        best = sk[sk["skenario"] == "maksimal"]
        if len(best):
            parts.append(best.iloc[0]["kalimat"])
        s = "Poin yang dapat diraih: " + "; ".join(parts) + "."
        n = stake.berikutnya
        if n.ada:
            back_all = float(stake.celah["celah_ke_awal"].fillna(0.0).sum())
            s += (f" Untuk predikat {n.predikat} nilai total harus melebihi {fmt_number(n.batas)}, "
                  f"yaitu naik lebih dari {fmt_number(n.kebutuhan)} poin")
            s += ("; pemulihan semua komponen ke tingkat tahun sebelumnya cukup untuk itu."
                  if back_all > n.kebutuhan + tolerance(SAKIP_SCORE_DECIMALS)
                  else f"; pemulihan ke tingkat {y0} saja (+{fmt_number(back_all)}) belum cukup, "
                       "sehingga perlu perbaikan melampaui tingkat tahun sebelumnya di beberapa komponen.")
        paras.append(s)

    if drv is not None and len(drv.kaitan):
        lines = [f"- **{md_text(r['faktor'])}** (terkait {md_text(r['komponen_terkait'])}"
                 + (f"; perubahan {md_text(r['perubahan_komponen'])}" if r["perubahan_komponen"] else "")
                 + f"): {md_text(r['temuan'])}"
                 + (f" — {_ARAH_TEXT.get(r['arah'], r['arah'])}" if r["arah"] else "")
                 + "." for _, r in drv.kaitan.iterrows()
                 if not r["faktor"].startswith("Target")]
        if lines:
            paras.append("Faktor yang mungkin berkaitan:\n\n" + "\n".join(lines))
        paras.append(drv.peringatan)
    paras.append("*Draf ini disusun otomatis dari angka di atas; analis perlu memeriksa, "
                 "melengkapi penjelasan, dan menyuntingnya sebelum dipakai dalam laporan.*")
    return "\n\n".join(paras)
