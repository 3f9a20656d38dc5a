"""The kabupaten view as readers see it: unit names, Indonesian headers, signed changes.

The analyses (:func:`lkjip.kabupaten.analyse`) keep codes and numbers; these
functions turn them into the tables of ``notebooks/07_kabupaten`` (numbers
stay numbers where :func:`lkjip.contract.fmt.display_frame` formats them; signed
changes and predicate moves become text here, through :mod:`lkjip.contract.fmt`).

Unit names come from each unit's ``unit.yaml`` (``nama``), the one raw file
the view reads per unit; a unit without a readable one shows its code.

>>> import pandas as pd
>>> t = pd.DataFrame({"unit": ["a"], "sakip_tahun_lalu": [87.43], "sakip": [86.13],
...                   "perubahan_sakip": [-1.3], "predikat_tahun_lalu": ["A"], "predikat": ["A"],
...                   "perubahan_perencanaan": [-0.42], "perubahan_pengukuran": [-0.24],
...                   "perubahan_pelaporan": [-0.05], "perubahan_evaluasi_internal": [-0.59],
...                   "turun": [True], "catatan": [""]})
>>> [str(v) for v in tabel_sakip(t, 2023, {"a": "Kecamatan A"}).iloc[0]]
['Kecamatan A', '87.43', '86.13', '-1,30', 'A', '-0,42', '-0,24', '-0,05', '-0,59']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from lkjip.audit import FAMILY_PUBLISHED, SELISIH
from lkjip.audit.causes import CAUSE_LABELS
from lkjip.errors import DataError
from lkjip.contract.fmt import fmt_number, fmt_signed, is_missing
from lkjip.kabupaten.budget import FACTORS, BudgetTotal
from lkjip.kabupaten.charts import COMPONENT_SHORT
from lkjip.kabupaten.sakip import CHANGE_COLUMNS
from lkjip.contract.markup import md_text
from lkjip.contract.rules import CAPAIAN_KATEGORI, INDICATOR_IDS, SAKIP_SCORE_DECIMALS, get_indicator, tolerance
from lkjip.inputs.unit_yaml import read_unit_yaml
from lkjip.indicators.targets import CAPAIAN_UNDEFINED
from lkjip.kabupaten.indicators import own_long, shared_codes

#: Short indicator headers for tables with one column per indicator.
INDICATOR_SHORT: dict[str, str] = {
    "ikm": "IKM", "layanan_sesuai_standar_pct": "Layanan sesuai standar (%)",
    "koordinasi_ditindaklanjuti_pct": "Koordinasi ditindaklanjuti (%)", "sakip": "SAKIP",
    "realisasi_anggaran_pct": "Realisasi anggaran (%)", "ip_asn": "IP ASN",
    "jumlah_inovasi": "Inovasi",
}
#: Capaian categories shortened for a table cell (the legend under the table spells them out).
KATEGORI_SHORT: dict[str, str] = {"Sangat Tinggi": "ST", "Tinggi": "T", "Sedang": "S", "Rendah": "R",
                                  "Sangat Rendah": "SR"}


def unit_names(data_dir: Path | str | None, units: Iterable[str]) -> tuple[dict[str, str], str | None]:
    """Unit code -> ``nama`` from ``<data_dir>/<unit>/unit.yaml`` (the code when
    absent or unreadable), and the kabupaten the units share (``None`` when
    they name different ones or none)."""
    names, kabupaten = {}, set()
    for unit in units:
        names[unit] = unit
        path = Path(data_dir) / unit / "unit.yaml" if data_dir is not None else None
        if path is None or not path.is_file():
            continue
        try:  # the same safe reading as a unit's own run (size, tags, aliases: lkjip.inputs.unit_yaml)
            data = read_unit_yaml(path, str(path), path.parent) or {}
        except DataError:
            continue
        if isinstance(data, dict):
            if str(data.get("nama") or "").strip():
                names[unit] = " ".join(str(data["nama"]).split())
            if str(data.get("kabupaten") or "").strip():
                kabupaten.add(" ".join(str(data["kabupaten"]).split()))
    return names, (kabupaten.pop() if len(kabupaten) == 1 else None)


def _name(unit: str, names: Mapping[str, str] | None) -> str:
    return str((names or {}).get(unit, unit))


def _predikat(before: object, now: object) -> str:
    """``'A'`` when unchanged, ``'BB → A'`` when it moved, ``'–'`` when unknown."""
    b = None if is_missing(before) else str(before)
    n = None if is_missing(now) else str(now)
    if n is None:
        return "–"
    return n if b in (None, n) else f"{b} → {n}"


def tabel_sakip(sakip: pd.DataFrame, year: int, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every unit, largest drop first: SAKIP both years, change, predicate and
    each component's change (signed text)."""
    t = sakip.sort_values(["perubahan_sakip", "unit"], kind="stable", na_position="last")
    out = pd.DataFrame({
        "Unit": [_name(u, names) for u in t["unit"]],
        f"SAKIP {year - 1}": t["sakip_tahun_lalu"].astype(float).values,
        f"SAKIP {year}": t["sakip"].astype(float).values,
        "Perubahan": [fmt_signed(v) for v in t["perubahan_sakip"]],
        "Predikat": [_predikat(b, n) for b, n in zip(t["predikat_tahun_lalu"], t["predikat"])],
    })
    for key, col in CHANGE_COLUMNS.items():
        out[COMPONENT_SHORT[key]] = [fmt_signed(v) for v in t[col]]
    return out.reset_index(drop=True)


def tabel_pendorong(drivers: pd.DataFrame) -> pd.DataFrame:
    """The components over the units whose SAKIP fell (see
    :func:`lkjip.kabupaten.component_drivers`), largest loss first."""
    return pd.DataFrame({
        "Komponen": drivers["nama_komponen"],
        "Jumlah perubahan (poin)": [fmt_signed(v) for v in drivers["jumlah_perubahan"]],
        "Rata-rata per unit": [fmt_signed(v) for v in drivers["rata_perubahan"]],
        "Porsi (%)": drivers["porsi_penurunan_pct"].astype(float),
        "Unit turun": drivers["unit_turun"].astype(int),
        "Unit naik": drivers["unit_naik"].astype(int),
    }).reset_index(drop=True)


def _indicator_ids(long: pd.DataFrame) -> list[str]:
    present = list(dict.fromkeys(long["indikator"]))
    return [i for i in INDICATOR_IDS if i in present] + [i for i in present if i not in INDICATOR_IDS]


def tabel_indikator(long: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per unit, one column per indicator: the realisation with its
    capaian category in short form (``98,31 (ST)``), each indicator at its
    own decimals."""
    ids = _indicator_ids(long)
    rows = []
    for unit, group in long.groupby("unit", sort=True):
        by = group.set_index("indikator")
        row = {"Unit": _name(unit, names)}
        for i in ids:
            header = INDICATOR_SHORT.get(i, i)
            if i not in by.index:
                row[header] = "–"
                continue
            decimals = get_indicator(i).decimals if i in INDICATOR_IDS else 2
            value = fmt_number(by.loc[i, "realisasi"], decimals)
            cat = by.loc[i, "kategori"]
            row[header] = value + (f" ({KATEGORI_SHORT.get(str(cat), str(cat))})" if not is_missing(cat) else "")
        rows.append(row)
    return pd.DataFrame(rows, columns=["Unit", *(INDICATOR_SHORT.get(i, i) for i in ids)])


def kategori_legend() -> str:
    """The short capaian categories spelled out, with their bands (Permendagri 86/2017)."""
    parts = [f"{KATEGORI_SHORT.get(b.label, b.label)} = {b.label}" for b in CAPAIAN_KATEGORI.bands]
    return "Kategori capaian (Permendagri 86/2017): " + ", ".join(parts) + "."


def tabel_kategori(counts: pd.DataFrame) -> pd.DataFrame:
    """How many units reached each capaian category, per indicator."""
    out = counts.drop(columns=["indikator"]).rename(columns={"nama": "Indikator",
                                                            "tanpa_kategori": "Tanpa kategori"})
    out["Indikator"] = [INDICATOR_SHORT.get(i, n) for i, n in zip(counts["indikator"], counts["nama"])]
    return out.reset_index(drop=True)


def tabel_ikm_unit(per_unit: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Each unit's respondents, IKM and mutu."""
    return pd.DataFrame({
        "Unit": [_name(u, names) for u in per_unit["unit"]],
        "Responden": per_unit["responden"].astype("Int64").values,
        "IKM": per_unit["ikm"].astype(float).values,
        "Mutu": [m if isinstance(m, str) else "–" for m in per_unit["mutu"]],
    })


def tabel_ikm(ikm) -> pd.DataFrame:
    """The pooled IKM and the mean of the units' IKM, each labelled with how it is computed."""
    t = ikm.tabel()
    return pd.DataFrame({"Ukuran": t["ukuran"], "Nilai": t["nilai"].astype(float),
                         "Mutu": [m if isinstance(m, str) else "–" for m in t["mutu"]],
                         "Cara hitung": t["cara_hitung"]})


def tabel_anggaran(budget: pd.DataFrame, total: BudgetTotal,
                   names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Each unit's pagu, realisasi and absorption, and the kabupaten's sums
    (the percentage of the sums, not the mean of percentages)."""
    out = pd.DataFrame({
        "Unit": [_name(u, names) for u in budget["unit"]],
        "Pagu (Rp)": budget["pagu"].astype(float).values,
        "Realisasi (Rp)": budget["realisasi"].astype(float).values,
        "Penyerapan (%)": budget["persen"].astype(float).values,
    })
    total_row = pd.DataFrame([{"Unit": "Jumlah", "Pagu (Rp)": total.pagu, "Realisasi (Rp)": total.realisasi,
                               "Penyerapan (%)": total.persen}])
    return pd.concat([out, total_row], ignore_index=True)


def tabel_pegawai(staff: pd.DataFrame, year: int, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Staff in post on 31 December, leavers and newcomers, vacant structural posts
    (posts vacant at least a month; position-months vacant) and IP ASN per unit."""
    return pd.DataFrame({
        "Unit": [_name(u, names) for u in staff["unit"]],
        "Pegawai": staff["pegawai_akhir_tahun"].astype("Int64").values,
        "Keluar": staff["pegawai_keluar"].astype("Int64").values,
        "Masuk": staff["pegawai_masuk"].astype("Int64").values,
        "Jabatan kosong": staff["jabatan_kosong"].astype("Int64").values,
        "Bulan kosong": staff["bulan_jabatan_kosong"].astype("Int64").values,
        f"IP ASN {year - 1}": staff["ip_asn_tahun_lalu"].astype(float).values,
        f"IP ASN {year}": staff["ip_asn"].astype(float).values,
        "Perubahan IP ASN": [fmt_signed(v) for v in staff["perubahan_ip_asn"]],
    })


def tabel_korelasi(corr: pd.DataFrame) -> pd.DataFrame:
    """Each factor's correlation with the SAKIP change, with what it can and cannot say."""
    return pd.DataFrame({
        "Faktor": [FACTORS.get(f, (f,))[0] for f in corr["faktor"]],
        "Unit": corr["n"].astype(int).values,
        "Korelasi Pearson (r)": [fmt_number(v) for v in corr["r"]],
        "Korelasi peringkat (rho)": [fmt_number(v) for v in corr["rho"]],
        "Keterangan": corr["keterangan"].values,
    })


def tabel_audit(overview: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Each unit's audit: comparisons, agreements and differences per family."""
    def count(v):
        return pd.NA if is_missing(v) else int(v)

    counts = {"Diperiksa": "diperiksa", "Sesuai": "sesuai", "Selisih total": "selisih_dalam_dataset",
              "Selisih antardataset": "selisih_antar_dataset", "Terbitan berbeda": "selisih_publikasi"}
    out = pd.DataFrame({"Unit": [_name(u, names) for u in overview["unit"]],
                        **{h: [count(v) for v in overview[c]] for h, c in counts.items()}})
    return out.astype({h: "Int64" for h in counts})


def published_differences(audits: Mapping[str, pd.DataFrame | None]) -> pd.DataFrame:
    """Every published figure that differs from its recomputed value
    (audit family "publikasi vs hitungan", status ``selisih``), units sorted.

    Columns: ``unit``, ``item``, ``uraian`` (the audit's words for the item;
    the item itself in an audit.csv written before it had them),
    ``kemungkinan_penyebab`` (empty when the audit did not say), ``dipublikasikan``,
    ``dihitung``, ``selisih``.
    """
    columns = ["unit", "item", "uraian", "kemungkinan_penyebab", "dipublikasikan", "dihitung", "selisih"]
    parts = []
    for unit in sorted(audits):
        a = audits[unit]
        if a is None:
            continue
        d = a[(a["pemeriksaan"].astype(str) == FAMILY_PUBLISHED) & (a["status"].astype(str) == SELISIH)]
        if len(d):
            part = d[["item", "dipublikasikan", "dihitung", "selisih"]].copy()
            part.insert(0, "unit", unit)
            part.insert(2, "uraian", _text_or(d, "uraian", d["item"]))
            part.insert(3, "kemungkinan_penyebab", _text_or(d, "kemungkinan_penyebab", ""))
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    for c in ("dipublikasikan", "dihitung", "selisih"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    return out


def tabel_selisih_terbitan(diff: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """:func:`published_differences` for readers."""
    return pd.DataFrame({
        "Unit": [_name(u, names) for u in diff["unit"]],
        "Angka": diff["uraian"].astype(str).values,
        "Diterbitkan": diff["dipublikasikan"].astype(float).values,
        "Dihitung ulang": diff["dihitung"].astype(float).values,
        "Selisih": [fmt_signed(v) for v in diff["selisih"]],
        "Kemungkinan penyebab": [CAUSE_LABELS.get(c, c) for c in diff["kemungkinan_penyebab"].astype(str)],
    })


def _text_or(frame: pd.DataFrame, column: str, fallback) -> pd.Series:
    """``frame[column]`` as text, ``fallback`` where the column is absent or a cell is blank."""
    fallback = pd.Series(fallback, index=frame.index, dtype=object)
    if column not in frame.columns:
        return fallback.astype(str)
    values = frame[column].astype(object)
    blank = values.isna() | values.astype(str).str.strip().eq("")
    return values.where(~blank, fallback).astype(str)


def summary_sentences(sakip: pd.DataFrame, names: Mapping[str, str] | None = None) -> list[str]:
    """Markdown sentences: how many units fell, rose or stayed, and which fell
    (names escaped by :func:`lkjip.contract.markup.md_text`).

    >>> t = pd.DataFrame({"unit": ["a", "b", "c"], "perubahan_sakip": [-1.3, 0.5, 0.0]})
    >>> summary_sentences(t, {"a": "Kec. <A>"})
    ['3 unit dibandingkan: 1 turun, 1 naik, 1 tetap.', 'Turun: Kec. \\\\<A\\\\> (-1,30).']
    """
    known = sakip[sakip["perubahan_sakip"].notna()]
    same_below = tolerance(SAKIP_SCORE_DECIMALS)  # a change that shows as 0,00 is "tetap"
    fell = known[known["perubahan_sakip"] < -same_below].sort_values("perubahan_sakip", kind="stable")
    rose = known[known["perubahan_sakip"] > same_below]
    same = len(known) - len(fell) - len(rose)
    lines = [f"{len(known)} unit dibandingkan: {len(fell)} turun, {len(rose)} naik, {same} tetap."]
    if len(fell):
        lines.append("Turun: " + ", ".join(f"{md_text(_name(u, names))} ({fmt_signed(v)})"
                                           for u, v in zip(fell["unit"], fell["perubahan_sakip"])) + ".")
    return lines


def _decimals(code: str) -> int:
    return get_indicator(code).decimals if code in INDICATOR_IDS else 2


def _with_category(value: object, category: object, decimals: int) -> str:
    text = fmt_number(value, decimals)
    return text + (f" ({KATEGORI_SHORT.get(str(category), str(category))})" if not is_missing(category) else "")


def tabel_kinerja_unit(kinerja: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Capaian kinerja unit of every unit (:func:`lkjip.kabupaten.indicators.unit_achievement`): the mean
    capaian of its IKU that have one, how many counted and which were left out."""
    return pd.DataFrame({
        "Unit": [_name(u, names) for u in kinerja["unit"]],
        "IKU": kinerja["jumlah_iku"].astype(int).values,
        "IKU dihitung": kinerja["iku_dihitung"].astype(int).values,
        "Capaian kinerja unit (%)": [fmt_number(v, 2) for v in kinerja["capaian_kinerja_unit"]],
        "Tidak dihitung": [t if t else "–" for t in kinerja["tidak_dihitung"].astype(str)],
    })


def tabel_iku_bersama(long: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Each IKU several units share, one row, the units side by side: realisation with its capaian
    category in short form (``98,31 (ST)``); ``–`` for a unit that does not declare it."""
    ids = shared_codes(long)
    units = sorted(set(long["unit"]))
    rows = []
    for code in ids:
        sel = long[long["indikator"] == code].set_index("unit")
        row = {"Indikator": INDICATOR_SHORT.get(code) or str(sel["nama"].iloc[0])}
        for unit in units:
            row[_name(unit, names)] = (_with_category(sel.loc[unit, "realisasi"], sel.loc[unit, "kategori"],
                                                      _decimals(code)) if unit in sel.index else "–")
        rows.append(row)
    return pd.DataFrame(rows, columns=["Indikator", *(_name(u, names) for u in units)])


def tabel_iku_sendiri(long: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Each unit's own IKU (declared by that unit only), one row each: target, realisation, capaian and
    its category; a capaian that cannot be computed (no realisation, ``n/a``, target 0) says so."""
    own = own_long(long)
    return pd.DataFrame({
        "Unit": [_name(u, names) for u in own["unit"]],
        "Indikator": own["nama"].astype(str).values,
        "Satuan": own["satuan"].astype(str).values,
        "Target": [fmt_number(v, _decimals(c)) for v, c in zip(own["target"], own["indikator"])],
        "Realisasi": [fmt_number(v, _decimals(c)) for v, c in zip(own["realisasi"], own["indikator"])],
        "Capaian (%)": [CAPAIAN_UNDEFINED if is_missing(v) else fmt_number(v, 2) for v in own["capaian_pct"]],
        "Kategori": [KATEGORI_SHORT.get(str(k), str(k)) if not is_missing(k) else "–" for k in own["kategori"]],
    })
