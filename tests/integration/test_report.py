"""lkjip.document on the bundled Kecamatan Gedeg data (no notebook execution)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from lkjip import document as rp


@pytest.fixture(scope="module")
def rep(gedeg_report):
    return gedeg_report  # built once per session (conftest)


def test_staff_in_post_at_year_end(rep):
    jab = rep.pegawai_jabatan.set_index("Jabatan")["Jumlah (orang)"]
    assert jab.to_dict() == {"Camat": 1, "Sekretaris Kecamatan": 1, "Kepala Seksi": 5,
                             "Kepala Sub Bagian": 1, "Pelaksana": 10, "Tenaga Honorer": 3,
                             "Jumlah keseluruhan": 21}
    st = rep.pegawai_status.set_index("Status")["Jumlah (orang)"]
    assert st.to_dict() == {"PNS": 18, "Tenaga Honorer": 3, "Jumlah": 21}


def test_no_invented_staff_movement(rep):
    # the seed names no one who left in 2023 and no date: the data hold none and Bab I B lists none
    m = rep.pegawai_mutasi
    assert len(m) == 0
    assert "Nama" not in m.columns  # unit.yaml: tampilkan_nama_pegawai false


def test_jabatan_groups():
    assert rp.jabatan_group("Sekretaris Kecamatan", "PNS") == "Sekretaris Kecamatan"
    assert rp.jabatan_group("Kepala Seksi Pemerintahan", "PNS") == "Kepala Seksi"
    assert rp.jabatan_group("Kepala Sub Bagian Umum dan Kepegawaian", "PNS") == "Kepala Sub Bagian"
    assert rp.jabatan_group("Tenaga Honorer (Pengemudi)", "honorer") == "Tenaga Honorer"
    assert rp.jabatan_group("Pelaksana", "PPPK") == "Pelaksana"


def test_tabel_2_1_renstra_and_revision(rep):
    t = rep.tabel_2_1.set_index("Indikator Kinerja")
    assert list(t.columns[-6:]) == ["2021", "2022", "2023", "2024", "2025", "2026"]
    assert t.loc["Nilai SAKIP Perangkat Daerah", "2025"] == 85.5
    assert t.loc["Indeks Profesionalitas ASN", "2023"] == 57.3
    p = rep.tabel_2_1_perubahan.set_index("Indikator Kinerja")
    assert list(p.columns[-3:]) == ["2024", "2025", "2026"]
    assert p.loc["Nilai IKM (Indeks Kepuasan Masyarakat)", "2024"] == 97.5
    assert "Usulan Perubahan Target Renstra" in rp.renstra_note(rep)


def test_tabel_2_2_and_2_3_targets(rep):
    pk = rep.tabel_2_2.set_index("Indikator Kinerja")["Target"]
    assert pk["Nilai IKM (Indeks Kepuasan Masyarakat)"] == 85
    assert pk["Indeks Profesionalitas ASN"] == 57.3
    t = rep.tabel_2_3
    assert t["Target"].tolist() == [94.5, 100, 100, 87.5, 90, 85, 2]
    # grouped by sasaran, repeated group cells blanked like merged cells
    assert t["Sasaran"].tolist()[3].startswith("Meningkatnya Tata Kelola")
    assert t["Sasaran"].tolist()[4:6] == ["", ""]
    assert [rp.fmt_compact(v) for v in t["Target"]][:4] == ["94,5", "100", "100", "87,5"]


def test_bab_iii_tables(rep):
    t = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama")
    # realisasi as printed in each indicator's decimals; capaian from the printed figures
    assert t.loc["Nilai SAKIP Perangkat Daerah", "Realisasi"] == "86,13"
    assert t.loc["Nilai SAKIP Perangkat Daerah", "% Capaian"] == 98.43  # 86,13 / 87,5
    # the official E-Sukma / Berita Acara figure (angka_resmi.csv, angka_utama: resmi); 98,31 is under the table
    assert t.loc["Nilai IKM (Indeks Kepuasan Masyarakat)", "Realisasi"] == "97,33"
    assert t.loc["Nilai IKM (Indeks Kepuasan Masyarakat)", "% Capaian"] == 102.99  # 97,33 / 94,5 = 102,995
    assert t.loc["Persentase Realisasi Anggaran Perangkat Daerah", "% Capaian"] == 104.86  # 94,37 / 90
    assert t.loc["Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan", "Realisasi"] == "2"
    assert t["Kategori Capaian"].unique().tolist() == ["Sangat Tinggi"]
    m = rep.tabel_3_1_2
    assert [c for c in m.columns if c.isdigit()] == ["2021", "2022", "2023"]
    sakip_rows = m.iloc[9:12]  # fourth indicator: Target, Realisasi, Capaian
    assert sakip_rows["Uraian"].tolist() == ["Target", "Realisasi", "Capaian (%)"]
    assert sakip_rows["2022"].tolist()[1] == pytest.approx(87.43)
    k = rep.tabel_3_1_3.set_index("Indikator Kinerja Utama")
    assert "Target 2026" in k.columns
    assert k.loc["Nilai SAKIP Perangkat Daerah", "Kemajuan (%)"] == pytest.approx(86.13 / 88 * 100)
    n = rep.tabel_3_1_4
    assert n["Nasional"].isna().all() and "belum tersedia" in rep.national_note()


def test_gambar_and_budget_tables(rep):
    assert rep.gambar_3_1["Nilai/Unsur"].tolist() == [2570, 2568, 2553, 2614, 2571, 2526, 2557, 2588, 2600]
    assert rep.gambar_3_2.iloc[-1]["Jumlah"] == 11139
    assert rep.gambar_3_4.iloc[-1][["Fasilitasi", "Tindak Lanjut"]].tolist() == [451, 451]
    assert rep.gambar_3_5.iloc[-1]["Nilai Hasil Evaluasi"] == pytest.approx(86.13)
    assert rep.gambar_3_7.iloc[-1]["Total"] == pytest.approx(89.5)
    assert rep.gambar_3_7["NIP"].iloc[0] == "19770221 199511 1 001"  # the head of the unit, as signed
    assert rep.gambar_3_7["NIP"].iloc[1] == "1978**** ****** * 004"
    assert "Nama" not in rep.gambar_3_7.columns
    assert rep.inovasi["Nama Inovasi"].tolist() == ["GAMIS JUBAH", "MANTAP BERDASI"]
    assert rep.tabel_3_2_5.iloc[-1]["Anggaran (Rp)"] == 2720088927
    assert rep.tabel_3_2_5.iloc[-1]["Realisasi (Rp)"] == 2567147148
    assert rep.budget_counts() == {"program": 3, "kegiatan": 9, "sub_kegiatan": 22}
    eff = rep.tabel_3_2_4.set_index("Indikator Kinerja Utama")
    # the efficiency is the difference of the printed columns: 98,43 - 94,01 = 4,42 (not 4,43)
    assert eff.loc["Nilai SAKIP Perangkat Daerah", ["Capaian (%)", "Serapan (%)", "Efisiensi"]].tolist() == \
        [98.43, 94.01, 4.42]
    assert eff.loc["Indeks Profesionalitas ASN", "Efisiensi"] == 5.29
    # the whole-budget row shows the budget indicator's own absorption (LRA), 94,37, not 94,38
    ikm_row = rep.tabel_3_2_3.set_index("Indikator Kinerja Utama").loc["Nilai IKM (Indeks Kepuasan Masyarakat)"]
    assert ikm_row["Serapan (Rp)"] == 2566829648 and ikm_row["Serapan (%)"] == 94.37
    assert eff.loc["Nilai IKM (Indeks Kepuasan Masyarakat)", "Serapan (%)"] == 94.37
    alloc = rep.tabel_3_2_2
    assert "Kode Anggaran" not in alloc.columns and "total" not in alloc.to_string()
    assert alloc.iloc[0]["Keterangan"] == "seluruh anggaran unit"
    assert rep.anggaran_program["pagu"].sum() == pytest.approx(2720088927)


def test_formats_compact_targets_and_years(rep):
    f = rp.formats(rep.tabel_3_1_1)
    assert f["Target"](94.5) == "94,5" and f["Realisasi"] == "text"  # already formatted per indicator
    assert rp.formats(rep.tabel_2_1)["2023"](57.3) == "57,3"


def test_history_skips_unreadable_year(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    bad = tmp_path / "gedeg" / "2021" / "koordinasi.csv"
    lines = bad.read_text(encoding="utf-8").splitlines()
    head, first = lines[0], lines[1].split(",")
    first[-1] = "banyak"
    bad.write_text("\n".join([head, ",".join(first)] + lines[2:]) + "\n", encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    assert sorted(r.per_year) == [2022, 2023]
    assert any("2021" in n and "tidak dapat dibaca" in n for n in r.catatan)


def test_names_only_when_unit_yaml_allows(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    y = tmp_path / "gedeg" / "unit.yaml"
    y.write_text(y.read_text(encoding="utf-8").replace("tampilkan_nama_pegawai: false",
                                                       "tampilkan_nama_pegawai: true"), encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    assert "Nama" in r.pegawai_mutasi.columns
    assert "Nama" in r.gambar_3_7.columns


def test_indicators_csv(rep, tmp_path):
    # indicators.csv holds the recomputed figures (what the indicator step writes), never the printed ones
    path = rp.write_indicators_csv(rep.hasil_hitung, tmp_path / "gedeg" / "2023" / "indicators.csv")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "indikator,nama,satuan,target,realisasi,capaian_pct,kategori,realisasi_resmi,sumber_resmi"
    df = pd.read_csv(path).set_index("indikator")
    assert list(df.index) == ["ikm", "layanan_sesuai_standar_pct", "koordinasi_ditindaklanjuti_pct",
                              "sakip", "realisasi_anggaran_pct", "ip_asn", "jumlah_inovasi"]
    assert df.loc["ikm", "realisasi"] == pytest.approx(98.313795, abs=1e-6)
    assert df.loc["sakip", "realisasi"] == pytest.approx(86.13)
    assert df.loc["sakip", "target"] == 87.5
    assert df.loc["sakip", "kategori"] == "Sangat Tinggi"
    ikm_line = next(l for l in text.splitlines() if l.startswith("ikm,"))
    assert "98.31379" in ikm_line  # full precision, dot decimal, no thousands mark
    assert "2720088927" not in text and "2.720" not in text
    again = rp.write_indicators_csv(rep.hasil_hitung, tmp_path / "b.csv").read_bytes()
    assert again == path.read_bytes()


def test_lampiran_summaries(tmp_path):
    table, text = rp.validation_summary(tmp_path)
    assert table is None and "tidak dijalankan" in text
    v = tmp_path / "validation"
    v.mkdir()
    (v / "validasi.json").write_text(
        '{"ok": true, "ringkasan": {"aturan": 10, "lulus": 8, "error": 0, "peringatan": 2, "dilewati": 0}}',
        encoding="utf-8")
    table, text = rp.validation_summary(tmp_path)
    assert table.set_index("Uraian").loc["Terpenuhi", "Jumlah"] == 8 and "2 peringatan" in text
    assert "error" not in table.to_string() + text
    table, text = rp.audit_summary(tmp_path, "gedeg", 2023)
    assert table is None
    a = tmp_path / "gedeg" / "2023"
    a.mkdir(parents=True)
    # three printed figures (published.csv rows 2-4): one differs, one equal, one not checkable;
    # the comparison of family 5 on row 2 is not a second figure (Lampiran 5 counts figures, as the audit)
    (a / "audit.csv").write_text(
        "pemeriksaan,dataset,item,dipublikasikan,dihitung,selisih,status,bab,lokasi,baris\n"
        "publikasi vs hitungan,ikm,ikm,97.33,98.31,0.98,selisih,Bab III,Tabel 3.1.2,2\n"
        "publikasi vs hitungan,sakip,sakip,86.13,86.13,0,sesuai,Bab III,Tabel 3.1.2,3\n"
        "publikasi vs hitungan,lain,x,5,,,tidak dapat diperiksa,Bab I,Teks,4\n"
        "antar tempat,ikm,ikm,97.33,97.13,0.2,selisih,Bab III,Tabel 3.1.2,2\n",
        encoding="utf-8")
    table, text = rp.audit_summary(tmp_path, "gedeg", 2023)
    assert table.set_index("Uraian")["Jumlah angka"].to_dict() == {
        "Angka yang tercetak di LKjIP": 3, "Diperiksa": 2, "Sesuai": 1, "Selisih": 1, "Tidak dapat diperiksa": 1}
    assert text.startswith("Dari 3 angka yang tercetak di LKjIP yang telah diterbitkan, 2 angka diperiksa")
    assert "1 sesuai dan 1 berselisih. 1 angka tidak dapat diperiksa dari data." in text


def test_provenance_tables(rep):
    files = rp.report_inputs(rep)
    names = {p.name for p in files}
    assert {"unit.yaml", "targets.csv", "published.csv", "ikm_survei.csv"} <= names
    prov = {"parameters": {"unit": "gedeg"}, "inputs": [{"path": "x.csv", "sha256": "ab", "rows": 3}],
            "git": None, "started_at": "2024-01-01T00:00:00", "inputs_digest": "cd",
            "versions": {"pandas": "2"}}
    summary, params, inputs, versions = rp.provenance_tables(prov)
    assert summary.set_index("Keterangan").loc["Commit kode", "Nilai"] == "bukan repositori git"
    assert inputs.iloc[0]["Jumlah baris"] == 3 and versions.iloc[0]["Versi"] == "2"


def test_national_figures_of_the_year_fill_tabel_3_1_4_and_name_their_source(tmp_path, raw_dir):
    """nasional.csv (optional): the year's figures fill the Nasional column, Ket. (+/-) is the unit's
    realisation minus them, and the Sumber line names the sources the file gives; a file with only
    other years' figures leaves the column empty and says so."""
    from lkjip.document.captions import sumber

    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    nasional = tmp_path / "gedeg" / "nasional.csv"
    nasional.write_text('tahun,indikator,nilai,sumber\n2022,ikm,"80,1",Lama\n2023,ikm,"82,5",KemenPAN-RB\n'
                        '2023,sakip,"70",KemenPAN-RB\n', encoding="utf-8")
    r = rp.build_report(tmp_path, "gedeg", 2023)
    n = r.tabel_3_1_4.set_index("Indikator Kinerja Utama")
    ikm = n.loc["Nilai IKM (Indeks Kepuasan Masyarakat)"]
    # from the printed (rounded) realisation, so the three columns agree as read
    assert ikm["Realisasi 2023"] == "97,33" and ikm["Nasional"] == 82.5  # the official figure
    assert ikm["Ket. (+/-)"] == pytest.approx(97.33 - 82.5)
    assert n.loc["Nilai SAKIP Perangkat Daerah", "Ket. (+/-)"] == pytest.approx(86.13 - 70)
    assert int(n["Nasional"].notna().sum()) == 2
    assert sumber(r, "nasional") == "Data realisasi nasional tahun 2023 (KemenPAN-RB)"
    assert "positif berarti" in r.national_note()
    nasional.write_text('tahun,indikator,nilai,sumber\n2022,ikm,"80,1",Lama\n', encoding="utf-8")
    old = rp.build_report(tmp_path, "gedeg", 2023)
    assert old.tabel_3_1_4["Nasional"].isna().all() and "belum tersedia" in old.national_note()
    assert sumber(old, "nasional") == "angka nasional belum tersedia"
