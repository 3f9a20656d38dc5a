"""Contract v2: helper columns of the new datasets, and the cheap checks across files.

Helper columns (listed in each suite's ``meta.kolom_bantu``) are derived as in
:mod:`lkjip.validation.columns`; :func:`prepare_any` prepares a frame of any
dataset, v1 or v2. :func:`cross_file_findings` checks what one file says
about another (an official's results name a report that exists, a signer a
document that exists, a PK target equals ``targets.csv``); each result is a
:class:`~lkjip.validation.results.Finding` like a suite's.
"""

from __future__ import annotations

import pandas as pd

from lkjip.inputs.ingest import natural_key
from lkjip.contract.rules import EPS, tolerance
from lkjip.contract.schema import DATASETS
from lkjip.validation.columns import PREPARE, _base, _fmt_number, _num, _text_series, _total_mismatch
from lkjip.validation.results import ERROR, WARNING, Finding
from lkjip.errors import DataError, DataErrors
from lkjip.inputs.narasi import narasi_path, read_narasi


def _text(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df:
        return pd.Series(pd.NA, index=df.index, dtype="string")
    return df[col].astype("string").str.strip()


def _key_column(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``kunci``: the natural key of the row as one text, by the reader's own rule
    (:func:`lkjip.inputs.ingest.natural_key`: a blank cell counts as a value, case and spacing do not,
    printed totals and all-blank keys are outside)."""
    df["kunci"] = natural_key(df, DATASETS[name])
    return df


def _period_order(df: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    start, end = _num(df, first), _num(df, last)
    bad = start.notna() & end.notna() & (end < start)
    df["periode_terbalik"] = _text_series(
        {i: f"{first} {_fmt_number(start[i])} sesudah {last} {_fmt_number(end[i])}" for i in df.index[bad]},
        df.index)
    return df


def _prepare_renstra(df: pd.DataFrame, year: int) -> pd.DataFrame:
    df = _period_order(df, "periode_mulai", "periode_selesai")
    jenis = _text(df, "jenis")
    periode = _num(df, "periode_mulai")
    visi = (jenis == "visi").fillna(False)
    count = visi.groupby(periode).transform("sum")
    df["visi_ganda"] = _text_series({i: f"{int(count[i])} baris visi pada periode ini" for i in df.index[visi & (count > 1)]},
                                    df.index)
    sasaran_no = {(p, str(n)) for p, n, j in zip(periode, _text(df, "nomor"), jenis) if pd.notna(j) and j == "sasaran" and pd.notna(n)}
    ref = _text(df, "sasaran")
    points = jenis.isin(["program", "indikator"]).fillna(False) & ref.notna()
    df["sasaran_tidak_ada"] = _text_series(
        {i: f"sasaran nomor {ref[i]} tidak ada pada periode ini" for i in df.index[points]
         if (periode[i], str(ref[i])) not in sasaran_no}, df.index)
    return _key_column(df, "renstra")


def _prepare_period(name: str):
    def prepare(df: pd.DataFrame, year: int) -> pd.DataFrame:
        first, last = DATASETS[name].period or ("", "")
        if first:
            df = _period_order(df, first, last)
        return _key_column(df, name)
    return prepare


def _prepare_organisasi(df: pd.DataFrame, year: int) -> pd.DataFrame:
    df = _prepare_period("organisasi")(df, year)
    names = set(_text(df, "unit_kerja").dropna())
    induk = _text(df, "induk")
    missing = induk.notna() & ~induk.isin(names).fillna(False)
    df["induk_tidak_ada"] = _text_series({i: f"induk '{induk[i]}' tidak ada di kolom unit_kerja"
                                          for i in df.index[missing]}, df.index)
    return df


def _prepare_proses_bisnis(df: pd.DataFrame, year: int) -> pd.DataFrame:
    df = _prepare_period("proses_bisnis")(df, year)
    codes = _text(df, "kode")
    known = set(codes.dropna())
    parent = codes.str.rsplit(".", n=1).str[0]
    orphan = codes.notna() & (codes.str.count(r"\.") > 1) & ~parent.isin(known).fillna(False)
    df["induk_tidak_ada"] = _text_series({i: f"simpul induk {parent[i]} tidak ada" for i in df.index[orphan]},
                                         df.index)
    return df


def _prepare_penduduk(df: pd.DataFrame, year: int) -> pd.DataFrame:
    rows = ~df["adalah_total"]
    lp = _num(df, "laki_laki") + _num(df, "perempuan")
    printed = _num(df, "jumlah")
    bad = rows & printed.notna() & lp.notna() & (printed != lp)
    df["jumlah_tidak_cocok"] = _text_series(
        {i: f"tercetak {_fmt_number(printed[i])}, laki-laki + perempuan {_fmt_number(lp[i])}" for i in df.index[bad]},
        df.index)
    # dusun/RW/RT are often printed only in the JUMLAH row: check them only where the desa rows carry them
    cols = ["laki_laki", "perempuan", "jumlah"] + [c for c in ("dusun", "rw", "rt") if _num(df, c)[rows].notna().any()]
    df["total_tidak_cocok"] = _total_mismatch(df, cols, rows)
    return _key_column(df, "penduduk")


def _prepare_dokumen(df: pd.DataFrame, year: int) -> pd.DataFrame:
    no_date = df["tanggal"].isna() & _text(df, "tanggal_tercetak").isna()
    df["tanggal_kosong"] = _text_series({i: "tanggal dan tanggal_tercetak kosong" for i in df.index[no_date]}, df.index)
    tanggal = pd.to_datetime(df["tanggal"], errors="coerce")
    early = (_text(df, "dokumen") == "berita_acara").fillna(False) & (tanggal.dt.year <= int(year))
    df["berita_acara_dini"] = _text_series(
        {i: f"Berita Acara bertanggal {tanggal[i]:%Y-%m-%d}, sebelum tahun laporan berakhir" for i in df.index[early]},
        df.index)
    return _key_column(df, "dokumen")


def _prepare_key_only(name: str):
    return lambda df, year: _key_column(df, name)


PREPARE_OPTIONAL = {
    "renstra": _prepare_renstra,
    "renstra_target": _prepare_key_only("renstra_target"),
    "organisasi": _prepare_organisasi,
    "tugas_fungsi": _prepare_period("tugas_fungsi"),
    "isu_strategis": _prepare_period("isu_strategis"),
    "proses_bisnis": _prepare_proses_bisnis,
    "penduduk": _prepare_penduduk,
    "sarana": _prepare_key_only("sarana"),
    "perjanjian_kinerja": _prepare_key_only("perjanjian_kinerja"),
    "perjanjian_kinerja_anggaran": _prepare_key_only("perjanjian_kinerja_anggaran"),
    "dokumen": _prepare_dokumen,
    "penandatangan": _prepare_key_only("penandatangan"),
    "kinerja_pejabat": _prepare_key_only("kinerja_pejabat"),
    "laporan_pejabat": _prepare_key_only("laporan_pejabat"),
    "tindak_lanjut_evaluasi": _prepare_key_only("tindak_lanjut_evaluasi"),
    "prestasi": _prepare_key_only("prestasi"),
    "indikator": _prepare_period("indikator"),
    "realisasi": _prepare_key_only("realisasi"),
    "angka_resmi": _prepare_key_only("angka_resmi"),
}
PREPARE_ALL = {**PREPARE, **PREPARE_OPTIONAL,
               "pegawai": lambda df, year: assessment_year_helpers(PREPARE["pegawai"](df, year), year)}


def prepare_any(name: str, df: pd.DataFrame, year: int) -> pd.DataFrame:
    """The frame as validated, for a v1 or a v2 dataset (``kunci`` for every dataset with a key)."""
    frame = PREPARE_ALL[name](_base(df, name), year)
    if DATASETS[name].key_columns and "kunci" not in frame.columns:
        frame = _key_column(frame, name)
    return frame


def assessment_year_helpers(df: pd.DataFrame, year: int) -> pd.DataFrame:
    """pegawai: ``tahun_penilaian_campur`` on scored rows when the file mixes assessment years.

    Scores of one file are one assessment (contract v2); blank = the report year.
    """
    dims = [c for c in ("kualifikasi", "kompetensi", "kinerja", "disiplin") if c in df]
    scored = df[dims].notna().any(axis=1) if dims else pd.Series(False, index=df.index)
    tahun = _num(df, "tahun_penilaian_ip_asn").where(lambda s: s.notna(), float(year))
    years = sorted({int(t) for t in tahun[scored]})
    text = "tahun penilaian berbeda-beda dalam satu berkas: " + ", ".join(map(str, years))
    df["tahun_penilaian_campur"] = _text_series({i: text for i in df.index[scored]} if len(years) > 1 else {},
                                                df.index)
    return df


# --------------------------------------------------------------------------- across files


def cross_finding(name: str, file: str, rid: str, rule: str, severity: str, column: str | None,
                  bad: dict[int, str]) -> Finding:
    """A rule across files, failed by the rows of ``bad`` (row -> the value shown)."""
    rows = sorted(bad)
    values = list(dict.fromkeys(bad[r] for r in rows))[:5]
    return Finding(dataset=name, file=file, rule=rule, severity=severity, column=column, rows=rows, values=values,
                   expectation_type="lkjip.lintas_berkas", success=not bad, rule_id=rid, rows_total=len(rows),
                   row_values=dict(bad))


def row_numbers(df: pd.DataFrame) -> pd.Series:
    """Each row's spreadsheet row number (``baris``; counted from 2 when a frame lacks it)."""
    return df["baris"] if "baris" in df else pd.Series(range(2, len(df) + 2), index=df.index)


def cross_file_findings(frames: dict[str, pd.DataFrame], targets: pd.DataFrame | None, year: int,
                        sources: dict[str, str]) -> list[Finding]:
    """Checks between files of a unit-year (only where both files are present)."""
    year = int(year)
    out: list[Finding] = []

    def src(name: str) -> str:
        return sources.get(name, f"{name}.csv")

    kp, lp = frames.get("kinerja_pejabat"), frames.get("laporan_pejabat")
    if kp is not None and lp is not None:
        known = set(_text(lp, "jabatan").dropna())
        jab = _text(kp, "jabatan")
        bad = {int(r): str(j) for r, j in zip(row_numbers(kp), jab) if pd.notna(j) and j not in known}
        out.append(cross_finding("kinerja_pejabat", src("kinerja_pejabat"), "kinerja_pejabat.jabatan.ada_di_laporan",
                            f"Jabatan harus ada di kolom jabatan {src('laporan_pejabat')}", ERROR, "jabatan", bad))
    pt, dok = frames.get("penandatangan"), frames.get("dokumen")
    if pt is not None and dok is not None:
        known = set(_text(dok, "dokumen").dropna())
        d = _text(pt, "dokumen")
        bad = {int(r): str(v) for r, v in zip(row_numbers(pt), d) if pd.notna(v) and v not in known}
        out.append(cross_finding("penandatangan", src("penandatangan"), "penandatangan.dokumen.ada_di_dokumen",
                            f"Dokumen harus ada di kolom dokumen {src('dokumen')}", ERROR, "dokumen", bad))
    pk = frames.get("perjanjian_kinerja")
    if pk is not None and targets is not None:
        out.append(_target_check(pk, targets, "perjanjian_kinerja", src("perjanjian_kinerja"), src("targets"),
                                 ERROR, lambda r: (r["dokumen"], year)))
    rt = frames.get("renstra_target")
    if rt is not None and targets is not None:
        out.append(_target_check(rt, targets, "renstra_target", src("renstra_target"), src("targets"),
                                 WARNING, lambda r: (r["dokumen"], int(r["tahun"]) if pd.notna(r["tahun"]) else None)))
    pka, ang = frames.get("perjanjian_kinerja_anggaran"), frames.get("anggaran")
    if pka is not None and ang is not None:
        out.append(_budget_check(pka, ang, src("perjanjian_kinerja_anggaran"), src("anggaran")))
    return out


def _target_check(frame, targets, name, file, target_file, severity, where) -> Finding:
    lookup = {}
    for _, t in targets.iterrows():
        if pd.notna(t.get("tahun")) and pd.notna(t.get("target")):
            lookup[(str(t["indikator"]).strip(), str(t["dokumen"]).strip(), int(t["tahun"]))] = float(t["target"])
    bad = {}
    for _, r in frame.iterrows():
        code, value = r.get("kode_indikator"), r.get("target_angka")
        if pd.isna(code) or pd.isna(value):
            continue
        doc, y = where(r)
        expected = lookup.get((str(code), str(doc), y))
        if expected is None:
            bad[int(r["baris"])] = f"{code} {doc} {y}: tidak ada di {target_file}"
        elif abs(float(value) - expected) > EPS:  # the same signed target, not a rounded print of it
            bad[int(r["baris"])] = f"{code} {doc} {y}: {_fmt_number(value)}, di {target_file} {_fmt_number(expected)}"
    return cross_finding(name, file, f"{name}.target_angka.sama_dengan_targets",
                    f"target_angka harus sama dengan target di {target_file} (kode_indikator, dokumen, tahun)",
                    severity, "target_angka", bad)


def _budget_check(pka: pd.DataFrame, anggaran: pd.DataFrame, file: str, budget_file: str) -> Finding:
    """The programme budgets of the last PK of the year (PK Perubahan when present) against the anggaran pagu."""
    docs = set(_text(pka, "dokumen").dropna())
    last = "pk_perubahan" if "pk_perubahan" in docs else "pk"
    pagu = {str(k).strip(): v for k, v in zip(anggaran["kode"], _num(anggaran, "pagu")) if pd.notna(k)}
    bad = {}
    for _, r in pka.iterrows():
        code = r.get("kode_program")
        if r.get("dokumen") != last or pd.isna(code) or pd.isna(r.get("anggaran")):
            continue
        expected = pagu.get(str(code).strip())
        if expected is None:
            bad[int(r["baris"])] = f"program {code} tidak ada di {budget_file}"
        elif abs(float(r["anggaran"]) - float(expected)) > tolerance(2):  # to the sen
            bad[int(r["baris"])] = (f"program {code}: {_fmt_number(r['anggaran'])}, pagu di {budget_file} "
                                    f"{_fmt_number(expected)}")
    return cross_finding("perjanjian_kinerja_anggaran", file, "perjanjian_kinerja_anggaran.anggaran.sama_dengan_pagu",
                    f"Anggaran program PK yang terakhir berlaku harus sama dengan pagu program di {budget_file} "
                    "(selisih dilaporkan, data tidak diubah)", WARNING, "anggaran", bad)


def narasi_findings(data_dir, unit: str, year: int) -> list[Finding]:
    """narasi.md of the unit-year read by its rules (:mod:`lkjip.inputs.narasi`): one finding, failed on any error."""
    path = narasi_path(data_dir, unit, year)
    if not path.exists():
        return []
    try:
        read_narasi(data_dir, unit, year)
        errors: list[DataError] = []
    except DataErrors as exc:
        errors = list(exc.errors)
    except DataError as exc:
        errors = [exc]
    file = errors[0].file if errors else str(path)
    bad = {int(e.row or 0): e.rule for e in errors}
    finding = cross_finding("narasi", file, "narasi.format", "narasi.md harus mengikuti format bagian '## <kunci>' "
                       "(kunci yang dikenal, tanpa HTML, tabel atau gambar)", ERROR, None, bad)
    if errors:
        finding.values = [e.rule for e in errors][:5]
    return [finding]
