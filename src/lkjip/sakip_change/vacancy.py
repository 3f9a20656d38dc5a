"""Vacancies of structural positions by month (a possible driver of the SAKIP score).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from lkjip.contract.fmt import is_blank, is_missing
from lkjip.contract.schema import MONTHS

MONTH_SHORT = tuple(m.capitalize() for m in MONTHS)
#: A month whose holder is not known: a successor without a start date after a holder left.
TIDAK_DIKETAHUI = "tidak diketahui"


# --------------------------------------------------------------------------
# Vacancies of structural positions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Vacancy:
    """Structural positions of one year, month by month.

    ``status``: jabatan, eselon, bulan (1-12), status (terisi / kosong /
    rangkap / belum ada), jumlah_pejabat; ``bulanan``: per month the number
    of structural positions, filled and vacant, and which are vacant;
    ``per_jabatan``: per position the months vacant and doubly held, exits
    and entries during the year; ``pergantian``: positions whose holders
    changed against the previous year (no names: holders are identified only
    inside this function); ``catatan``: notes.
    """

    tahun: int
    status: pd.DataFrame
    bulanan: pd.DataFrame
    per_jabatan: pd.DataFrame
    pergantian: pd.DataFrame
    catatan: list[str] = field(default_factory=list)
    #: What an analyst could add to the data (for the draft's analyst notes, never the report).
    catatan_analis: list[str] = field(default_factory=list)

    @property
    def bulan_kosong(self) -> int:
        """Total position-months vacant."""
        return int((self.status["status"] == "kosong").sum())


def _key(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _person(row: pd.Series) -> str:
    nip = row.get("nip")
    if not is_blank(nip):
        return "nip:" + "".join(str(nip).split())
    return "nama:" + _key(row.get("nama", ""))


def month_ranges(months: Iterable[int]) -> str:
    """Months as compact ranges: ``[1, 2, 3, 7]`` -> ``"Jan–Mar, Jul"``.

    >>> month_ranges([7, 8, 9, 10, 11, 12]), month_ranges([])
    ('Jul–Des', '')
    """
    ms = sorted(set(int(m) for m in months))
    parts, start, prev = [], None, None
    for m in ms + [None]:
        if start is None:
            start = prev = m
            continue
        if m is not None and m == prev + 1:
            prev = m
            continue
        parts.append(MONTH_SHORT[start - 1] if start == prev
                     else f"{MONTH_SHORT[start - 1]}–{MONTH_SHORT[prev - 1]}")
        start = prev = m
    return ", ".join(parts)


def _dates(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame.columns:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[col], errors="coerce").dt.normalize()


def _fmt_date(d: object) -> str:
    return "" if is_missing(d) else pd.Timestamp(d).strftime("%d-%m-%Y")


def _undated_successors(holders: pd.DataFrame, prev: pd.DataFrame | None, key: str,
                        year: int) -> set:
    """Index of holders with no start date who are new in the post while a holder left this year.

    When they started is not known, so the months after the departure are neither filled nor
    vacant: they are :data:`TIDAK_DIKETAHUI` (never "since January").
    """
    if not len(holders):
        return set()
    exits = [d for d in holders["_s"] if pd.notna(d) and d.year == year]
    if not exits:
        return set()
    before: set[str] = set()
    if prev is not None and "jabatan" in prev.columns:
        ph = prev[[(not is_blank(j)) and _key(j) == key for j in prev["jabatan"]]]
        before = {_person(r) for _, r in ph.iterrows()}
    return {i for i, h in holders.iterrows()
            if pd.isna(h["_m"]) and pd.isna(h["_s"]) and _person(h) not in before}


def vacancy_by_month(pegawai: pd.DataFrame, year: int,
                     previous: pd.DataFrame | None = None) -> Vacancy:
    """Vacant structural (eselon) positions of ``year``, month by month.

    A person is in post in a month when ``mulai`` is empty or on/before the
    month's last day, and ``selesai`` is empty or on/after its first day. A
    position is identified by its ``jabatan`` (spacing and case ignored) and
    is structural when any row of it, this year or in ``previous`` (the
    previous year's pegawai), has an ``eselon``. It is vacant in a month when
    it existed (in ``previous``, or held in an earlier month of the year) and
    nobody is in post; ``rangkap`` when more than one person is.
    """
    year = int(year)
    cur = pegawai.copy() if pegawai is not None else pd.DataFrame(columns=["jabatan"])
    prev = previous.copy() if previous is not None else None
    notes: list[str] = []
    notes_analyst: list[str] = []
    frames = [f for f in (cur, prev) if f is not None and "jabatan" in f.columns]
    structural: dict[str, dict] = {}
    for f in frames:
        if "eselon" not in f.columns:
            continue
        for _, r in f.iterrows():
            if is_blank(r["jabatan"]) or is_blank(r["eselon"]):
                continue
            k = _key(r["jabatan"])
            structural.setdefault(k, {"jabatan": " ".join(str(r["jabatan"]).split()),
                                      "eselon": str(r["eselon"]).strip()})
    prev_keys = set() if prev is None or "jabatan" not in prev.columns else \
        {_key(j) for j in prev["jabatan"] if not is_blank(j)}
    if prev is None:
        notes.append(f"Data pegawai tahun {year - 1} tidak tersedia: jabatan yang sudah kosong sejak "
                     "awal tahun tidak dapat dikenali.")
    cur = cur[[not is_blank(j) for j in cur.get("jabatan", pd.Series(dtype=object))]] if len(cur) else cur
    if len(cur):
        cur = cur.assign(_k=[_key(j) for j in cur["jabatan"]], _m=_dates(cur, "mulai"),
                         _s=_dates(cur, "selesai"))
    starts = [pd.Timestamp(year, m, 1) for m in range(1, 13)]
    ends = [s + pd.offsets.MonthEnd(0) for s in starts]
    status_rows, per_rows, change_rows = [], [], []
    for k, info in structural.items():
        holders = cur[cur["_k"] == k] if len(cur) else cur
        existed = k in prev_keys
        months: dict[str, list[int]] = {"kosong": [], "rangkap": [], "terisi": [], "belum ada": [],
                                        TIDAK_DIKETAHUI: []}
        undated_new = _undated_successors(holders, prev, k, year)
        for m, (s, e) in enumerate(zip(starts, ends), start=1):
            n, unknown = 0, 0
            for i, h in holders.iterrows():
                if (pd.isna(h["_m"]) or h["_m"] <= e) and (pd.isna(h["_s"]) or h["_s"] >= s):
                    if i in undated_new:
                        unknown += 1
                    else:
                        n += 1
            if n or unknown:
                existed = True
            st = ("rangkap" if n > 1 else "terisi" if n == 1 else TIDAK_DIKETAHUI if unknown
                  else "kosong" if existed else "belum ada")
            months[st].append(m)
            status_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"], "bulan": m,
                                "status": st, "jumlah_pejabat": n})
        exits = [d for d in holders["_s"] if pd.notna(d) and d.year == year] if len(holders) else []
        entries = [d for d in holders["_m"] if pd.notna(d) and d.year == year] if len(holders) else []
        remarks = []
        if months["kosong"]:
            remarks.append(f"kosong {len(months['kosong'])} bulan ({month_ranges(months['kosong'])})")
        if months["rangkap"]:
            remarks.append(f"tercatat lebih dari satu pejabat {len(months['rangkap'])} bulan "
                           f"({month_ranges(months['rangkap'])})")
        if months[TIDAK_DIKETAHUI]:
            remarks.append(f"tanggal mulai pejabat pengganti tidak diketahui: terisi atau kosong pada "
                           f"{month_ranges(months[TIDAK_DIKETAHUI])} tidak diketahui")
            notes_analyst.append(f"{info['jabatan']}: tanggal mulai menjabat pejabat pengganti tidak "
                                 "diisi; isi kolom mulai (atau riwayat jabatan) agar bulan tanpa pejabat "
                                 "definitif dapat dihitung.")
        per_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"],
                         "bulan_terisi": len(months["terisi"]) + len(months["rangkap"]),
                         "bulan_kosong": len(months["kosong"]),
                         "bulan_kosong_teks": month_ranges(months["kosong"]),
                         "bulan_rangkap": len(months["rangkap"]),
                         "bulan_rangkap_teks": month_ranges(months["rangkap"]),
                         "bulan_tidak_diketahui": len(months[TIDAK_DIKETAHUI]),
                         "bulan_tidak_diketahui_teks": month_ranges(months[TIDAK_DIKETAHUI]),
                         "keluar": ", ".join(_fmt_date(d) for d in sorted(exits)),
                         "masuk": ", ".join(_fmt_date(d) for d in sorted(entries)),
                         "keterangan": "; ".join(remarks)})
        # holder change against the previous year
        if prev is not None and "jabatan" in prev.columns:
            ph = prev[[_key(j) == k if not is_blank(j) else False for j in prev["jabatan"]]]
            before_ids = {_person(r) for _, r in ph.iterrows()}
            now_ids = {_person(r) for _, r in holders.iterrows()} if len(holders) else set()
            # a holder who left during the previous year is not a holder at its end
            if "selesai" in ph.columns:
                ps = _dates(ph, "selesai")
                before_ids = {_person(r) for (_, r), s in zip(ph.iterrows(), ps)
                              if pd.isna(s) or s >= pd.Timestamp(year - 1, 12, 31)}
            new_ids = now_ids - before_ids
            if not len(ph) and not exits:
                new_ids = set()  # a position not in last year's data: nothing to compare
            if new_ids or exits or (before_ids and not now_ids):
                origins = []
                for pid in new_ids:
                    was = prev[[_person(r) == pid for _, r in prev.iterrows()]]
                    origins.append(" ".join(str(was["jabatan"].iloc[0]).split()) if len(was)
                                   else "dari luar unit")
                new_rows = holders[[_person(r) in new_ids for _, r in holders.iterrows()]]
                undated = int(new_rows["_m"].isna().sum()) if len(new_rows) else 0
                text = []
                if exits:
                    text.append(f"pejabat lama berhenti {', '.join(_fmt_date(d) for d in sorted(exits))}")
                if new_ids:
                    text.append(f"{len(new_ids)} pejabat baru (sebelumnya: {', '.join(sorted(origins))})")
                if undated:
                    text.append("tanggal mulai pejabat baru tidak diketahui")
                if not now_ids:
                    text.append("tidak ada pejabat tercatat tahun ini; jabatan kosong sepanjang tahun "
                                "menurut data pegawai")
                change_rows.append({"jabatan": info["jabatan"], "eselon": info["eselon"],
                                    "pejabat_tahun_lalu": len(before_ids),
                                    "pejabat_tahun_ini": len(now_ids),
                                    "pejabat_baru": len(new_ids),
                                    "berhenti": ", ".join(_fmt_date(d) for d in sorted(exits)),
                                    "mulai_pejabat_baru": ", ".join(
                                        _fmt_date(d) if pd.notna(d) else TIDAK_DIKETAHUI
                                        for d in new_rows["_m"]) if len(new_rows) else "",
                                    "keterangan": "; ".join(text)})
    status = pd.DataFrame(status_rows, columns=["jabatan", "eselon", "bulan", "status", "jumlah_pejabat"])
    bul = []
    for m in range(1, 13):
        s = status[status["bulan"] == m]
        exist = s[s["status"] != "belum ada"]
        vac = exist[exist["status"] == "kosong"]
        bul.append({"bulan": m, "nama_bulan": MONTH_SHORT[m - 1], "jabatan_struktural": len(exist),
                    "terisi": int(exist["status"].isin(["terisi", "rangkap"]).sum()), "kosong": len(vac),
                    "tidak_diketahui": int((exist["status"] == TIDAK_DIKETAHUI).sum()),
                    "jabatan_kosong": "; ".join(vac["jabatan"])})
    per = pd.DataFrame(per_rows, columns=["jabatan", "eselon", "bulan_terisi", "bulan_kosong",
                                          "bulan_kosong_teks", "bulan_rangkap", "bulan_rangkap_teks",
                                          "bulan_tidak_diketahui", "bulan_tidak_diketahui_teks", "keluar", "masuk", "keterangan"])
    if len(per):
        per = per.sort_values(["bulan_kosong", "bulan_rangkap"], ascending=False,
                              kind="stable").reset_index(drop=True)
    changes = pd.DataFrame(change_rows, columns=["jabatan", "eselon", "pejabat_tahun_lalu",
                                                 "pejabat_tahun_ini", "pejabat_baru", "berhenti",
                                                 "mulai_pejabat_baru", "keterangan"])
    if not structural:
        notes.append(f"Data pegawai tahun {year} tidak memuat jabatan struktural (kolom eselon kosong); "
                     "kekosongan jabatan tidak dapat dihitung.")
    return Vacancy(year, status, pd.DataFrame(bul), per, changes, notes, notes_analyst)
