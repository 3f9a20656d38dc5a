"""Every table of the generated LKjIP with a total row or column adds up, or the note under it says why.

The parts are summed here, independently of :mod:`lkjip.document.table_sums`: a total the LKjIP makes
itself must equal the sum of its column; a parent printed by the source that disagrees with its
children is kept as printed and named, with both figures, in the note under the table (issue 24,
item 5: Tabel 3.1.7 PATEN, Tabel 3.1.12 / 3.2.1 Belanja Operasi; 2022's 5.1 realisasi).
"""

from __future__ import annotations

import pandas as pd
import pytest

from lkjip import document as rp
from lkjip.contract.fmt import fmt_number
from lkjip.document import table_sums

YEARS = (2021, 2022, 2023)


@pytest.fixture(scope="module")
def reports(raw_dir, gedeg_report):
    out = {y: rp.build_report(raw_dir, "gedeg", y) for y in (2021, 2022)}
    out[2023] = gedeg_report
    return out


def _num(v) -> float:
    return float(pd.to_numeric(v, errors="coerce"))


def _is_total(label) -> bool:
    return str(label).strip().upper() in ("JUMLAH", "JUMLAH SELURUH ANGGARAN", "TOTAL")


def _column_sums(table: pd.DataFrame, label_col: str, columns) -> list[tuple[str, float, float]]:
    """(column, total row, sum of the other rows) for every column where they differ."""
    total = table[table[label_col].map(_is_total)]
    body = table[~table[label_col].map(_is_total)]
    assert len(total) == 1, table
    out = []
    for c in columns:
        printed = _num(total[c].iloc[0])
        parts = float(pd.to_numeric(body[c], errors="coerce").sum())
        if printed == printed and abs(printed - parts) > 0.5:
            out.append((c, printed, parts))
    return out


def _code_tree(table: pd.DataFrame, code_col: str, columns) -> list[tuple[str, str, float, float]]:
    """(code, column, printed, sum of direct children) for every parent row that does not add up;
    the code-less total row is compared with the top-level rows."""
    codes = ["" if pd.isna(k) else str(k).replace(" ", "") for k in table[code_col]]
    shown = [c for c in codes if c]
    out = []
    for i, code in enumerate(codes):
        if code:
            under = [d for d in shown if d.startswith(code + ".")]
            kids = [d for d in under if not any(d.startswith(o + ".") for o in under if o != d)]
        else:
            kids = [d for d in shown if not any(d.startswith(o + ".") for o in shown if o != d)]
        if not kids:
            continue
        for c in columns:
            printed = _num(table[c].iloc[i])
            parts = sum(_num(table[c].iloc[codes.index(k)]) for k in kids)
            if printed == printed and parts == parts and abs(printed - parts) > 0.5:
                out.append((code or "JUMLAH", c, printed, parts))
    return out


def _rp(table):
    return [c for c in table.columns if str(c).endswith("(Rp)")]


# --------------------------------------------------------------------------- PATEN (Tabel 3.1.7 in 2023)


def test_paten_jumlah_row_is_the_sum_of_every_column(reports):
    for year, rep in reports.items():
        t = rep.gambar_3_2
        numeric = [c for c in t.columns if c not in ("No", "Layanan")]
        assert _column_sums(t, "Layanan", numeric) == [], year


def test_paten_2023_totals_and_the_sources_jumlah_row_in_the_note(reports):
    rep = reports[2023]
    total = rep.gambar_3_2[rep.gambar_3_2["Layanan"] == "JUMLAH"].iloc[0]
    # the column of printed row totals adds to 10.709, the months to 11.139: the JUMLAH row says so
    assert (_num(total["Jumlah"]), _num(total["Jumlah Tercetak"]), _num(total["Selisih"])) == (11139, 10709, -430)
    note = table_sums.catatan_paten(rep)
    assert "kolom Jumlah 11.119 (jumlah baris 10.709)" in note
    assert "Feb 1.005 (jumlah baris 1.002)" in note and "Des 900 (jumlah baris 927)" in note
    assert "Jan " not in note  # January's printed 1.020 equals its rows
    assert "tanpa diubah" in note


def test_paten_without_a_source_disagreement_has_no_note(reports):
    for year in (2021, 2022):  # synthetic years: the printed JUMLAH row agrees with its rows
        assert table_sums.catatan_paten(reports[year]) == ""


# --------------------------------------------------------------------------- LRA and spending by type


def test_lra_2023_parents_that_disagree_are_named_in_the_note(reports):
    rep = reports[2023]
    gaps = _code_tree(rep.gambar_3_6, "Kode Rekening", _rp(rep.gambar_3_6))
    assert ("5.1", "Anggaran (Rp)", 2660473927.0, 2661073927.0) in gaps
    assert ("5.1", "Realisasi 2022 (Rp)", 2862577484.0, 2852467284.0) in gaps
    note = table_sums.catatan_lra(rep)
    for code, column, printed, parts in gaps:
        assert f"({code}) kolom {column} tercetak {fmt_number(printed, 0)}, sedangkan rincian di bawahnya " \
               f"berjumlah {fmt_number(parts, 0)}" in note, (code, column)
    assert "BELANJA OPERASI (5.1) kolom Anggaran (Rp) tercetak 2.660.473.927, sedangkan rincian di bawahnya " \
           "berjumlah 2.661.073.927 (selisih -600.000)" in note
    assert "tanpa dikoreksi" in note


def test_spending_by_type_2023_belanja_operasi_note(reports):
    rep = reports[2023]
    t = rep.tabel_3_2_1
    gaps = _code_tree(t, "Kode Rekening", _rp(t))
    assert gaps == [("5.1", "Anggaran (Rp)", 2660473927.0, 2661073927.0)]
    assert ("BELANJA OPERASI (5.1) kolom Anggaran (Rp) tercetak 2.660.473.927, sedangkan rincian di bawahnya "
            "berjumlah 2.661.073.927") in table_sums.catatan_jenis_belanja(rep)


def test_lra_2022_realisasi_of_belanja_operasi(reports):
    rep = reports[2022]
    gaps = _code_tree(rep.gambar_3_6, "Kode Rekening", _rp(rep.gambar_3_6))
    assert ("5.1", "Realisasi 2022 (Rp)", 2862577484.0, 2852467284.0) in gaps
    assert "tercetak 2.862.577.484, sedangkan rincian di bawahnya berjumlah 2.852.467.284" in \
        table_sums.catatan_lra(rep)
    assert "tercetak 2.862.577.484, sedangkan rincian di bawahnya berjumlah 2.852.467.284" in \
        table_sums.catatan_jenis_belanja(rep)
    # the Jumlah row (account 5 as printed) is not the sum of Belanja Operasi and Belanja Modal either
    assert ("baris Jumlah Seluruh Anggaran kolom Realisasi (Rp) tercetak 3.133.189.384, sedangkan baris-baris di "
            "atasnya berjumlah 3.133.109.384 (selisih 80.000)") in table_sums.catatan_jenis_belanja(rep)


# --------------------------------------------------------------------------- every table, every year


@pytest.mark.parametrize("year", YEARS)
def test_every_code_tree_adds_up_or_its_note_says_why(reports, year):
    rep = reports[year]
    for name, code_col, note in (("gambar_3_6", "Kode Rekening", table_sums.catatan_lra),
                                 ("tabel_3_2_1", "Kode Rekening", table_sums.catatan_jenis_belanja),
                                 ("tabel_3_2_5", "Kode", table_sums.catatan_program)):
        t = getattr(rep, name)
        if t is None:
            continue
        gaps = _code_tree(t, code_col, _rp(t))
        text = note(rep)
        assert bool(gaps) == bool(text), (year, name, gaps, text)
        for code, column, printed, parts in gaps:
            where = "baris-baris di atasnya" if code == "JUMLAH" else "rincian di bawahnya"
            assert f"kolom {column} tercetak {fmt_number(printed, 0)}, sedangkan {where} berjumlah " \
                   f"{fmt_number(parts, 0)}" in text, (year, name, code, column)


@pytest.mark.parametrize("year", YEARS)
def test_every_total_row_made_by_the_report_is_its_columns_sum(reports, year):
    rep = reports[year]
    checks = [("gambar_3_4", "Seksi", lambda t: [c for c in t.columns[1:] if not str(c).startswith("%")]),
              ("gambar_3_5", "Komponen", lambda t: ["Bobot", "Nilai Hasil Evaluasi"])]
    for name, label, columns in checks:
        t = getattr(rep, name)
        if t is None:
            continue
        assert [(c, p, s) for c, p, s in _column_sums(t, label, columns(t)) if abs(p - s) > 0.005] == [], (year, name)


@pytest.mark.parametrize("year", YEARS)
def test_staff_and_coordination_totals_add_up(reports, year):
    rep = reports[year]
    status, jabatan = rep.pegawai_status, rep.pegawai_jabatan
    assert _column_sums(status, "Status", ["Jumlah (orang)"]) == []
    body = jabatan[jabatan["Jabatan"] != "Jumlah keseluruhan"]
    assert _num(jabatan.iloc[-1]["Jumlah (orang)"]) == float(body["Jumlah (orang)"].sum()) == \
        _num(status.iloc[-1]["Jumlah (orang)"])
    k = rp.koordinasi_rincian(rep.dataset("koordinasi"))
    assert _column_sums(k, "Uraian", ["Fasilitasi", "Tindak Lanjut"]) == []


@pytest.mark.parametrize("year", YEARS)
def test_row_totals_add_up(reports, year):
    rep = reports[year]
    paten = rep.gambar_3_2
    months = list(paten.columns[2:14])
    assert (paten[months].sum(axis=1) == paten["Jumlah"]).all()
    shown = paten["Jumlah Tercetak"].notna()
    assert ((paten.loc[shown, "Jumlah Tercetak"] - paten.loc[shown, "Jumlah"]) == paten.loc[shown, "Selisih"]).all()
    ip = rep.gambar_3_7
    dims = ["Kualifikasi", "Kompetensi", "Kinerja", "Disiplin"]
    people = ip[ip["NIP"] != "RATA-RATA"]
    assert ((people[dims].sum(axis=1) - people["Total"]).abs() < 1e-9).all()
    mean = ip[ip["NIP"] == "RATA-RATA"].iloc[0]
    for c in [*dims, "Total"]:
        assert abs(_num(mean[c]) - float(people[c].mean())) < 1e-9, (year, c)


def test_penduduk_2023_sums_its_desa_and_quotes_the_sources_jumlah(gedeg_report):
    from lkjip.document.narrative import profil

    p = rp.penduduk(gedeg_report)
    t = p.tabel
    assert ((t["Laki-laki"] + t["Perempuan"]) == t["Jumlah"]).all()
    assert _column_sums(t, "Desa", ["Laki-laki", "Perempuan", "Jumlah"]) == []
    assert _num(t.iloc[-1]["Jumlah"]) == 58314
    assert "jumlah penduduk 60.073 (jumlah baris desa 58.314)" in profil.penduduk_catatan(p)
