"""Bab I B: staff in post at 31 December by status and by position group, and the staff who joined or left.

Privacy: employee names appear only when ``unit.yaml`` says
``tampilkan_nama_pegawai: true``.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import is_missing
from lkjip.indicators.ipasn import in_post_at_year_end

#: Position groups of Bab I B, in the published LKjIP's order.
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
    """Staff in post on 31 December of ``year`` (rule: :func:`lkjip.indicators.ipasn.in_post_at_year_end`)."""
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
