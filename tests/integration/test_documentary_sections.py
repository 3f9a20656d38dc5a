"""Contract v2 report sections: the Gedeg values as the published LKjIP 2023 prints them, and a v1 unit.

A v1 unit is the bundled one with every v2 file, key and column removed: it must
read, compute the same indicators, and get an Absent (with the line naming the
file) for every v2 section.
"""

from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pytest
import yaml

from lkjip import document as rp
from lkjip.contract.optional_datasets import PEGAWAI_OPTIONAL_COLUMNS
from lkjip.indicators.iku import compute_all
from lkjip.contract.schema import DATASETS
from lkjip.inputs.year import load_inputs


@pytest.fixture(scope="module")
def gedeg(raw_dir):
    return load_inputs(raw_dir, "gedeg", 2023)


@pytest.fixture(scope="module")
def rep(gedeg_report):
    return gedeg_report  # built once per session (conftest)


def make_v1(raw_dir, target):
    """The bundled unit as contract v1 knew it."""
    unit = target / "gedeg"
    shutil.copytree(raw_dir / "gedeg", unit)
    for name, spec in DATASETS.items():
        if spec.since >= 2:
            for path in unit.rglob(f"{name}.csv"):
                path.unlink()
    for path in unit.rglob("narasi.md"):
        path.unlink()
    data = yaml.safe_load((unit / "unit.yaml").read_text(encoding="utf-8"))
    data.pop("profil"), data.pop("wilayah")
    (unit / "unit.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for year in (2021, 2022, 2023):
        path = unit / str(year) / "pegawai.csv"
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.drop(columns=[c[0] for c in PEGAWAI_OPTIONAL_COLUMNS]).to_csv(path, index=False)
    return target


@pytest.fixture(scope="module")
def v1_dir(raw_dir, tmp_path_factory):
    return make_v1(raw_dir, tmp_path_factory.mktemp("v1"))


# --------------------------------------------------------------------------- Bab I


def test_population_keeps_the_printed_total_beside_the_sum(gedeg):
    p = rp.penduduk(gedeg)
    assert p.jumlah_desa == 14 and p.jumlah_penduduk == 58314
    assert p.dihitung["laki_laki"] == 29287 and p.dihitung["perempuan"] == 29027
    assert p.tercetak["jumlah"] == 60073 and p.tercetak["laki_laki"] == 30091
    assert p.selisih == {"laki_laki": 804, "perempuan": 955, "jumlah": 1759} and not p.cocok
    last = p.tabel.iloc[-1]
    assert last["Desa"] == "Jumlah" and last["Jumlah"] == 58314 and last["Jumlah tercetak"] == 60073
    assert len(p.tabel) == 15 and p.tabel.iloc[0]["Desa"] == "Ngareskidul" and p.tabel.iloc[0]["Jumlah"] == 3949
    # dusun/RW/RT are printed only in the JUMLAH row: they are the only source and kept as printed
    assert (p.dihitung["dusun"], p.dihitung["rw"], p.dihitung["rt"]) == (46, 106, 377)
    assert p.per_tanggal == pd.Timestamp("2022-12-31")


def test_population_rows_that_add_up_have_no_difference(gedeg):
    frame = gedeg.datasets["penduduk"].copy()
    frame = frame[~frame["adalah_total"]]
    changed = replace(gedeg, datasets={**gedeg.datasets, "penduduk": frame})
    p = rp.penduduk(changed)
    assert p.tercetak is None and p.cocok and p.jumlah_penduduk == 58314


def test_organisation_tasks_facilities_issues(gedeg):
    org = rp.struktur_organisasi(gedeg)
    assert org.dasar_hukum.startswith("Peraturan Daerah Kabupaten Mojokerto Nomor 80 Tahun 2016")
    assert len(org.tabel) == 9
    sub = org.tabel.set_index("unit_kerja").loc["Sub Bagian Umum dan kepegawaian"]
    assert sub["induk"] == "Sekretariat Kecamatan" and sub["tingkat"] == 1
    tf = rp.tugas_fungsi(gedeg)
    assert len(tf.tugas) == 10 and len(tf.fungsi) == 7 and tf.tugas[0] == "menyelenggarakan urusan pemerintahan umum"
    assert tf.dasar_hukum.startswith("Peraturan Bupati Mojokerto Nomor 80 Tahun 2016")
    sekcam = rp.tugas_fungsi(gedeg, "Sekretaris Kecamatan")
    assert len(sekcam.fungsi) == 6 and sekcam.dasar_hukum is None
    s = rp.sarana(gedeg)
    assert s.iloc[0].tolist() == [1, "Gedung Kantor", 1.0, "unit", "3 lantai"] and len(s) == 41
    isu = rp.isu_strategis(gedeg)
    assert {k: len(v) for k, v in isu.items()} == {"kekuatan": 5, "kelemahan": 4, "peluang": 4, "ancaman": 3}
    w = rp.wilayah(gedeg)
    assert w.luas_km2 == 24.85 and w.batas["selatan"] == "Sungai Brantas"
    pb = rp.proses_bisnis(gedeg)
    assert pb.iloc[0].tolist()[::2] == ["P.1", 0] and len(pb) == 24  # P.1 is level 0 (Bab I G)


def test_staff_by_rank_and_education_is_absent_while_the_columns_are_blank(gedeg):
    for builder, column in ((rp.pegawai_golongan, "golongan"), (rp.pegawai_pendidikan, "pendidikan")):
        result = builder(gedeg)
        assert rp.is_absent(result) and not result
        assert f"kolom {column}" in result.catatan and "data/raw/gedeg/2023/pegawai.csv" in result.catatan


def test_staff_by_rank_and_education_counts_asn_in_post(gedeg):
    peg = gedeg.datasets["pegawai"].copy()
    asn = peg["status"] == "PNS"
    peg["golongan"] = pd.Series([None] * len(peg), dtype="string")
    peg.loc[asn, "golongan"] = "iii/a"
    peg.loc[peg["jabatan"] == "Camat", "golongan"] = "IV/b"
    peg.loc[asn, "pendidikan"] = "S1"
    peg.loc[peg["nama"].str.startswith("SULKAN"), "pendidikan"] = "SMA"
    changed = replace(gedeg, datasets={**gedeg.datasets, "pegawai": peg})
    gol = rp.pegawai_golongan(changed)
    # 18 ASN in post on 31 December (the former Kasubag left in June, honorer are not ASN)
    assert gol["Golongan"].tolist() == ["III/a", "IV/b", "Jumlah"] and gol["Jumlah (orang)"].tolist() == [17, 1, 18]
    edu = rp.pegawai_pendidikan(changed)
    assert edu["Pendidikan"].tolist() == ["SMA", "S1", "Jumlah"] and edu["Jumlah (orang)"].tolist() == [1, 17, 18]


# --------------------------------------------------------------------------- Bab II


def test_renstra_statements_and_the_missing_kind(gedeg):
    r = rp.renstra(gedeg)
    assert (r.periode_mulai, r.periode_selesai) == (2021, 2026)
    assert r.visi.keterangan == "Visi Bupati Mojokerto tahun 2021-2026" and r.misi[0].nomor == "3"
    assert [t.uraian for t in r.tujuan] == ["Meningkatnya Kualitas Pelayanan Publik"]
    assert [(s.nomor, len(s.program), len(s.indikator)) for s in r.sasaran] == [("1", 1, 1), ("2", 2, 3)]
    assert r.sasaran[1].program[1].kode == "7.01.06" and len(r.kebijakan) == 7
    assert r.jenis_kosong == ["strategi"] and r.strategi == []
    assert r.catatan == ["Strategi Renstra 2021-2026 belum tercatat: isi baris berjenis 'strategi' di berkas "
                         "data/raw/gedeg/renstra.csv."]


def test_renstra_target_table_as_printed(gedeg):
    t = rp.renstra_target(gedeg)
    assert list(t.columns) == ["No", "Indikator Kinerja", "2021", "2022", "2023", "2024", "2025", "2026"]
    row = t.set_index("Indikator Kinerja").loc["Jumlah Pelayanan Perijinan dan Non Perijinan yang terlayani "
                                              "sesuai Standar Pelayanan"]
    assert row["2023"] == "1.100 pelayanan"
    assert rp.is_absent(rp.renstra_target(gedeg, "renstra_perubahan"))


def test_pk_2023_as_signed_has_seven_indicators_with_nilai_rb(gedeg):
    pk = rp.perjanjian_kinerja(gedeg, "pk")
    assert pk.jumlah_indikator == 7 and pk.judul == "PERJANJIAN KINERJA TAHUN 2023"
    rows = pk.indikator.set_index("Indikator Kinerja")
    assert rows.loc["Nilai RB Perangkat Daerah", "Target"] == "71 (B)"
    assert rows.loc["Nilai RB Perangkat Daerah", "target_angka"] == 71
    assert rows.loc["Nilai RB Perangkat Daerah", "kode_indikator"] == ""
    assert "Rata-rata capaian indikator program" in rows.index
    assert pk.anggaran["Anggaran"].tolist() == [35_000_000, 221_662_080, 2_653_583_760]
    assert pk.total_anggaran == 2_910_245_840
    assert pk.penandatanganan.tanggal_teks == "Januari 2023" and pk.penandatanganan.tempat == "Mojokerto"
    signers = pk.penandatanganan.orang.set_index("peran")
    assert signers.loc["pihak_kedua", "jabatan"] == "BUPATI MOJOKERTO"
    # tampilkan_nip: false masks staff; the head of the unit is printed as under the LKjIP's signature
    assert signers.loc["pihak_pertama", "nip"] == "19770221 199511 1 001"


def test_pk_perubahan_budgets_and_what_it_changed(gedeg):
    pkp = rp.perjanjian_kinerja(gedeg, "pk_perubahan")
    assert pkp.jumlah_indikator == 7 and pkp.penandatanganan.tanggal_teks == "November 2023"
    assert pkp.anggaran["Anggaran"].tolist() == [28_928_297, 207_788_080, 2_483_372_550]
    assert pkp.anggaran["Kode"].tolist() == ["7.01.02", "7.01.06", "7.01.01"]
    assert pkp.total_anggaran == 2_720_088_927
    change = rp.perubahan_pk(gedeg)
    assert change.dihapus == ["Nilai RB Perangkat Daerah", "Rata-rata capaian indikator program"]
    assert change.ditambah == ["Persentase pelayanan yang terlayani sesuai standar pelayanan",
                               "Persentase hasil koordinasi yang ditindaklanjuti"]
    assert change.target_berubah.set_index("Indikator Kinerja").loc["Indeks Profesionalitas ASN"].tolist() == \
        ["57,3", "85"]


# --------------------------------------------------------------------------- Bab III C and Lampiran


def test_follow_up_without_recorded_recommendations(gedeg):
    t = rp.tindak_lanjut_evaluasi(gedeg)
    assert len(t.tabel) == 7 and not t.rekomendasi_tercatat
    assert t.tabel.iloc[0]["Tindak Lanjut"].startswith("Melakukan perencanaan yang seksama")
    assert "tidak tercatat" in t.catatan


def test_berita_acara_metadata_from_data_figures_computed(rep):
    ba = rp.berita_acara(rep)
    s = ba.penandatanganan
    assert s.nomor == "069/ 44 /416-314/2024" and s.tanggal == pd.Timestamp("2024-01-10")
    assert s.dasar_nomor == "188.45/24/416-314/2024" and s.dasar_tanggal == pd.Timestamp("2023-12-29")
    assert s.peran("mengetahui")["jabatan"].tolist() == ["Camat Gedeg"]
    team = s.peran("anggota_tim")
    assert len(team) == 4 and set(team["nama"]) == {""}  # tampilkan_nama_pegawai: false
    h = ba.hasil.set_index("indikator")
    assert len(h) == 7 and round(h.loc["sakip", "Realisasi"], 2) == 86.13 and h.loc["sakip", "Kelas"] == "A"
    assert round(h.loc["realisasi_anggaran_pct", "Realisasi"], 2) == 94.37
    assert h.loc["ip_asn", "Realisasi"] == 89.5 and h.loc["jumlah_inovasi", "Realisasi"] == 2
    assert ba.ip_asn.tahun_penilaian == 2022 and ba.ip_asn.pengganti


def test_a_changed_figure_changes_the_berita_acara(raw_dir, tmp_path):
    target = tmp_path / "raw"
    shutil.copytree(raw_dir / "gedeg", target / "gedeg")
    path = target / "gedeg" / "2023" / "sakip_evaluasi.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("27,03", "26,03"), encoding="utf-8")
    ba = rp.berita_acara(rp.build_report(target, "gedeg", 2023))
    assert round(ba.hasil.set_index("indikator").loc["sakip", "Realisasi"], 2) == 85.13


def test_officials_results_printed_beside_recomputed(gedeg):
    reports = rp.laporan_pejabat(gedeg)
    assert len(reports) == 7
    sekcam = reports[0]
    assert sekcam.jabatan == "Sekretaris Kecamatan" and sekcam.nama == "" and sekcam.nip == "197803** ****** * 001"
    assert sekcam.anggaran == 2_483_372_550 and sekcam.serapan_pct == 94.01
    assert round(sekcam.serapan_dihitung, 2) == 94.01
    row = sekcam.capaian.set_index("Indikator Kinerja").loc["Persentase realisasi anggaran"]
    assert (row["Target"], row["Realisasi"], row["Capaian tercetak"]) == ("90%", "94,37", 104.85)
    # printed 104,85 (94,37 / 90) is kept; the recomputation uses the signed PK's target 94: 94,37 / 94
    assert round(row["Capaian dihitung"], 2) == 100.39
    assert sekcam.perjanjian.set_index("Indikator Kinerja").loc["Persentase realisasi anggaran", "Target"] == "94%"
    assert len(sekcam.tugas_fungsi.fungsi) == 6
    pem = next(r for r in reports if r.jabatan == "Kepala Seksi Pemerintahan")
    # printed "Rp.41.332,00 atau 97,64%": kept, and the recomputed share shows the slip
    assert pem.serapan_pct == 97.64 and round(pem.serapan_dihitung, 2) == 0.10


def test_printed_number():
    assert rp.printed_number("1.100 pelayanan") == 1100
    assert rp.printed_number("2 dokumen") == 2
    assert rp.printed_number("71 (B)") != rp.printed_number("71 (B)")  # NaN: not a number with a unit


def test_prestasi_of_the_year_and_the_year_before(gedeg, raw_dir):
    p = rp.prestasi(gedeg)
    assert sorted(p) == [2022, 2023] and len(p[2023]) == 4 and len(p[2022]) == 5
    assert p[2023].iloc[0]["Prestasi"].startswith("Nilai SAKIP 86,13 (A) nomor 7")
    first = rp.prestasi(load_inputs(raw_dir, "gedeg", 2022))
    assert rp.is_absent(first[2021]) and "data/raw/gedeg/2021/prestasi.csv" in first[2021].catatan


# --------------------------------------------------------------------------- a v1 unit


def test_a_v1_unit_runs_unchanged_and_every_v2_section_says_which_file(v1_dir, raw_dir):
    v1 = load_inputs(v1_dir, "gedeg", 2023)
    v2 = load_inputs(raw_dir, "gedeg", 2023)
    assert v1.unit_tables == {} and "penduduk" not in v1.datasets
    a = compute_all(v1.datasets, v1.targets, v1.unit.as_dict(), 2023).tabel
    b = compute_all(v2.datasets, v2.targets, v2.unit.as_dict(), 2023).tabel
    pd.testing.assert_frame_equal(a, b)
    expected = {
        rp.struktur_organisasi: "data/raw/gedeg/organisasi.csv",
        rp.tugas_fungsi: "data/raw/gedeg/tugas_fungsi.csv",
        rp.sarana: "data/raw/gedeg/2023/sarana.csv",
        rp.penduduk: "data/raw/gedeg/2023/penduduk.csv",
        rp.isu_strategis: "data/raw/gedeg/isu_strategis.csv",
        rp.proses_bisnis: "data/raw/gedeg/proses_bisnis.csv",
        rp.renstra: "data/raw/gedeg/renstra.csv",
        rp.renstra_target: "data/raw/gedeg/renstra_target.csv",
        rp.perjanjian_kinerja: "data/raw/gedeg/2023/perjanjian_kinerja.csv",
        rp.perubahan_pk: "data/raw/gedeg/2023/perjanjian_kinerja.csv",
        rp.tindak_lanjut_evaluasi: "data/raw/gedeg/2023/tindak_lanjut_evaluasi.csv",
        rp.laporan_pejabat: "data/raw/gedeg/2023/laporan_pejabat.csv",
        rp.pegawai_golongan: "data/raw/gedeg/2023/pegawai.csv",
        rp.pegawai_pendidikan: "data/raw/gedeg/2023/pegawai.csv",
        rp.wilayah: "data/raw/gedeg/unit.yaml",
    }
    for builder, path in expected.items():
        result = builder(v1)
        assert rp.is_absent(result), builder.__name__
        assert path in result.catatan and result.catatan.count("\n") == 0, builder.__name__
    rep = rp.build_report(v1_dir, "gedeg", 2023)
    ba = rp.berita_acara(rep)
    assert rp.is_absent(ba) and "isi baris 'berita_acara'" in ba.catatan
    assert all(rp.is_absent(v) for v in rp.prestasi(v1).values())
    # without the column the IP ASN scores are the report year's (v1)
    assert rep.ip_asn_penilaian.tahun_penilaian == 2023 and not rep.ip_asn_penilaian.pengganti
