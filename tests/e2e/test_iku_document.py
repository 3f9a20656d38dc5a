"""The LKjIP and the chain follow the declared IKU (issue 23, "Any unit, its own key indicators"):
a Dinas whose only data are unit.yaml, indikator.csv, targets.csv and, per year, realisasi.csv and
lra.csv runs end to end and gets a whole LKjIP written from its own four IKU.

Hand-computed values of the Dinas below (2023):
- kinerja_gabungan = 0.4 * 95 (LRA 950.000.000 / 1.000.000.000) + 0.6 * 90 = 92; target 90 -> 102,2222...%
- ikm_layanan = rata_rata(80, 90,5) = 85,25; target 85 -> 100,2941...%
- angka_kematian_ibu = 88,5 (dilaporkan, turun); target 92 -> (2*92 - 88,5)/92 = 103,8043...%
- prevalensi_stunting = n/a (belum tersedia); target 20 -> no capaian
- capaian kinerja unit (indicators, full precision) = (102,2222 + 100,2941 + 103,8043) / 3 = 102,1069;
  the LKjIP prints the mean of its printed capaian, (102,22 + 100,29 + 103,80) / 3 = 102,10 -> "102,10%",
  so that a reader can redo it from Tabel 3.1.1 (lkjip.document.shown).
2022: kinerja_gabungan = 0.4*90 + 0.6*85 = 87 (target 88 -> 98,86%); ikm_layanan = 83; AKI 94 (target 95, turun:
(190 - 94)/95 = 101,05%); stunting 21,5 (target 22 -> (44 - 21,5)/22 = 102,27%).

The chain runs once for the module (``lkjip run`` with PDFs, in a subprocess, as a user runs it): about 25 s
of CPU, more on a shared machine (marked slow, like tests/test_pipeline.py).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.notebook_outputs import stray_outputs
from lkjip.contract.pages import text_of

UNIT_YAML = """\
kode: dinkes
nama: Dinas Kesehatan Kabupaten Contoh
kabupaten: Kabupaten Contoh
provinsi: Jawa Timur
pimpinan:
  nama: dr. Sri Contoh, M.Kes
  jabatan: Kepala Dinas Kesehatan
  pangkat: Pembina Utama Muda
  nip: '197001011995032001'
kota_penetapan: Contoh
sasaran:
- sasaran: Meningkatnya kinerja pelayanan kesehatan
  indikator:
  - kinerja_gabungan
  - ikm_layanan
- sasaran: Meningkatnya derajat kesehatan masyarakat
  indikator:
  - angka_kematian_ibu
  - prevalensi_stunting
"""

INDIKATOR_CSV = """\
kode,nama,satuan,polaritas,desimal,rumus,sumber,definisi
kinerja_gabungan,Indeks Kinerja Gabungan Dinas,indeks,naik,2,0.4*realisasi_anggaran_pct + 0.6*capaian_output,LRA dan laporan e-Monev,"Gabungan tertimbang realisasi anggaran (40%) dan capaian output (60%)"
ikm_layanan,Indeks Kepuasan Masyarakat Puskesmas,indeks,naik,2,rata_rata(ikm_puskesmas),Survei kepuasan tiap puskesmas,Rata-rata indeks kepuasan seluruh puskesmas
angka_kematian_ibu,Angka Kematian Ibu,per 100.000 kelahiran hidup,turun,2,dilaporkan,Laporan KIA,Kematian ibu per 100.000 kelahiran hidup
prevalensi_stunting,Prevalensi Balita Stunting,persen,turun,2,dilaporkan,Survei Status Gizi Indonesia,Persentase balita stunting
"""

TARGETS_CSV = """\
indikator,dokumen,tahun,target,satuan
kinerja_gabungan,renstra,2022,88,indeks
kinerja_gabungan,renstra,2023,90,indeks
kinerja_gabungan,renstra,2026,95,indeks
ikm_layanan,renstra,2022,84,indeks
ikm_layanan,renstra,2023,85,indeks
ikm_layanan,renstra,2026,88,indeks
angka_kematian_ibu,renstra,2022,95,per 100.000 kelahiran hidup
angka_kematian_ibu,renstra,2023,92,per 100.000 kelahiran hidup
angka_kematian_ibu,renstra,2026,80,per 100.000 kelahiran hidup
prevalensi_stunting,renstra,2022,22,persen
prevalensi_stunting,renstra,2023,20,persen
prevalensi_stunting,renstra,2026,14,persen
"""

REALISASI = {
    2022: """\
besaran,subunit,nilai,sumber
capaian_output,,85,e-Monev 2022
ikm_puskesmas,Puskesmas Utara,82,Survei puskesmas
ikm_puskesmas,Puskesmas Selatan,84,Survei puskesmas
angka_kematian_ibu,,94,Laporan KIA 2022
prevalensi_stunting,,21.5,SSGI 2022
""",
    2023: """\
besaran,subunit,nilai,sumber
capaian_output,,90,e-Monev 2023
ikm_puskesmas,Puskesmas Utara,80,Survei puskesmas
ikm_puskesmas,Puskesmas Selatan,"90,5",Survei puskesmas
angka_kematian_ibu,,"88,5",Laporan KIA 2023
prevalensi_stunting,,n/a,SSGI 2023 belum rilis
""",
}

LRA = {
    2022: '''kode_rekening,uraian,anggaran,realisasi
5,BELANJA DAERAH,"1.000.000.000,00","900.000.000,00"
5.1,BELANJA OPERASI,"1.000.000.000,00","900.000.000,00"
''',
    2023: '''kode_rekening,uraian,anggaran,realisasi
5,BELANJA DAERAH,"1.000.000.000,00","950.000.000,00"
5.1,BELANJA OPERASI,"1.000.000.000,00","950.000.000,00"
''',
}


def make_dinkes(raw: Path) -> Path:
    """The Dinas of the module docstring under ``raw/dinkes``."""
    unit = raw / "dinkes"
    unit.mkdir(parents=True)
    (unit / "unit.yaml").write_text(UNIT_YAML, encoding="utf-8")
    (unit / "indikator.csv").write_text(INDIKATOR_CSV, encoding="utf-8")
    (unit / "targets.csv").write_text(TARGETS_CSV, encoding="utf-8")
    for year in (2022, 2023):
        (unit / str(year)).mkdir()
        (unit / str(year) / "realisasi.csv").write_text(REALISASI[year], encoding="utf-8")
        (unit / str(year) / "lra.csv").write_text(LRA[year], encoding="utf-8")
    return unit


def _lkjip(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """``lkjip ...`` as a user runs it (its own process: exit code and stderr as the user sees them)."""
    cli = Path(sys.executable).with_name("lkjip")
    return subprocess.run([str(cli), *args], capture_output=True, text=True, timeout=timeout)


def _run(tmp: Path, *extra: str) -> tuple[subprocess.CompletedProcess, Path]:
    make_dinkes(tmp / "raw")
    done = _lkjip("run", "--unit", "dinkes", "--year", "2023", "--data-dir", str(tmp / "raw"),
                  "--processed-dir", str(tmp / "processed"), "--reports-dir", str(tmp / "reports"), *extra)
    return done, tmp


@pytest.fixture(scope="module")
def dinas(tmp_path_factory):
    """One ``lkjip run`` of the Dinas, with PDFs (the chain runs once for the module)."""
    return _run(tmp_path_factory.mktemp("dinas"))


def _lkjip_text(tmp: Path) -> str:
    html = (tmp / "reports" / "dinkes" / "2023" / "lkjip_dinkes_2023.html").read_text(encoding="utf-8")
    return " ".join(text_of(html).split())


def test_a_dinas_with_only_its_own_data_runs_the_whole_chain(dinas):
    done, tmp = dinas
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    report = tmp / "reports" / "dinkes" / "2023"
    for name in ("validasi", "indikator", "audit", "lkjip"):
        assert (report / f"{name}_dinkes_2023.html").is_file(), name
    assert (report / "lkjip_dinkes_2023.pdf").is_file() and (report / "audit_dinkes_2023.pdf").is_file()
    # no SAKIP data: step 06 (SAKIP analysis) does not apply, and nothing of it is published
    assert not list(report.glob("analisis_sakip*"))
    assert "06_analisis_sakip" not in (report / "run.json").read_text(encoding="utf-8")


def test_every_executed_notebook_of_the_dinas_is_a_clean_document(dinas):
    """What the auditors read has no warning, print or bare repr, for a unit that is not a kecamatan and
    has no published LKjIP (no published.csv): its audit counts no printed figure (notebook 04 then
    shows no chart of them, lkjip.charts.status_bars)."""
    done, tmp = dinas
    assert done.returncode == 0, done.stderr
    notebooks = sorted((tmp / "reports" / "dinkes" / "2023" / "notebooks").glob("*.ipynb"))
    assert [p.name for p in notebooks] == ["01_ingest.ipynb", "02_validasi.ipynb", "03_indikator.ipynb",
                                           "04_audit.ipynb", "05_lkjip.ipynb"]
    assert [line for path in notebooks for line in stray_outputs(path)] == []


def test_indicators_csv_holds_the_declared_iku_with_hand_computed_values(dinas):
    _, tmp = dinas
    with open(tmp / "processed" / "dinkes" / "2023" / "indicators.csv", encoding="utf-8", newline="") as f:
        rows = {r["indikator"]: r for r in csv.DictReader(f)}
    assert list(rows) == ["kinerja_gabungan", "ikm_layanan", "angka_kematian_ibu", "prevalensi_stunting"]
    got = {k: (float(r["target"]), float(r["realisasi"]) if r["realisasi"] else None,
               float(r["capaian_pct"]) if r["capaian_pct"] else None, r["kategori"]) for k, r in rows.items()}
    assert got["kinerja_gabungan"][:2] == (90.0, pytest.approx(92.0))           # 0.4*95 + 0.6*90
    assert got["kinerja_gabungan"][2] == pytest.approx(92 / 90 * 100)
    assert got["ikm_layanan"][:3] == (85.0, 85.25, pytest.approx(85.25 / 85 * 100))  # mean of 80 and 90,5
    assert got["angka_kematian_ibu"][:3] == (92.0, 88.5, pytest.approx((2 * 92 - 88.5) / 92 * 100))  # turun
    assert got["prevalensi_stunting"] == (20.0, None, None, "")                  # n/a: no value, no category
    assert {v[3] for k, v in got.items() if k != "prevalensi_stunting"} == {"Sangat Tinggi"}


def test_the_lkjip_is_written_from_the_four_declared_iku(dinas):
    _, tmp = dinas
    text = _lkjip_text(tmp)
    assert "Dari 4 Indikator Kinerja Utama Dinas Kesehatan Kabupaten Contoh tahun 2023" in text
    assert "Capaian keempat Indikator Kinerja Utama tahun 2023" in text
    assert "yang memuat capaian 4 Indikator Kinerja Utama" in text
    for nama in ("Indeks Kinerja Gabungan Dinas", "Indeks Kepuasan Masyarakat Puskesmas", "Angka Kematian Ibu",
                 "Prevalensi Balita Stunting"):
        assert text.count(nama) >= 8, nama  # Bab II, Tabel 3.1.1-3.1.4, its Bab III section, Bab IV ...
    # the capaian kinerja unit line, its rule and the IKU left out
    assert ("Capaian kinerja unit: rata-rata capaian 3 IKU yang dapat dihitung = 102,10%; tidak dihitung: "
            "Prevalensi Balita Stunting (belum tersedia).") in text
    # the n/a IKU reads "belum tersedia" with the reason, never 0 or a category
    assert "Prevalensi Balita Stunting: realisasi belum tersedia (angka belum dirilis, sumber: SSGI 2023 belum rilis)" in text
    assert "PrevalensiBalitaStuntingpersen20belumtersediatidakdapatdihitung" in text.replace(" ", "")
    # Bab III A: one section per IKU, with its figures, its trend, its definition and how it is computed
    assert "a. Indeks Kinerja Gabungan Dinas" in text and "d. Prevalensi Balita Stunting" in text
    assert ("Indikator Angka Kematian Ibu tahun 2023 terealisasi 88,50 dari target 92, sehingga capaiannya 103,80% "
            "(kategori capaian Sangat Tinggi).") in text
    assert "Dibandingkan tahun 2022 (94,00), realisasi turun 5,50 poin." in text
    assert "Rumus: 0.4*realisasi_anggaran_pct + 0.6*capaian_output; sumber data: LRA dan laporan e-Monev." in text
    assert "Definisi operasional: Rata-rata indeks kepuasan seluruh puskesmas." in text
    # the lower-is-better rule is stated, and captions name the IKU's declared sources
    assert "(2 × target − realisasi) / target × 100" in text
    assert "Sumber: Hasil pengukuran kinerja Dinas Kesehatan Kabupaten Contoh tahun 2023, dihitung ulang dari data (LRA dan laporan e-Monev; Survei kepuasan tiap puskesmas; Laporan KIA; Survei Status Gizi Indonesia)" in text
    # nothing of the kecamatan IKU: no IKM, PATEN, SAKIP, IP ASN or innovation sections or captions
    for word in ("IKM", "PATEN", "Camat", "Kecamatan", "Predikat Nilai SAKIP", "Nilai SAKIP", "IP ASN", "inovasi",
                 "ketujuh", "tujuh", "koordinasi"):
        assert not re.search(rf"\b{word}\b", text, re.IGNORECASE), word


def test_the_dinas_lkjip_as_pdf_is_whole_and_signable(dinas):
    done, tmp = dinas
    assert done.returncode == 0, done.stderr
    pdf = tmp / "reports" / "dinkes" / "2023" / "lkjip_dinkes_2023.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    assert "Dari 4 Indikator Kinerja Utama" in text
    assert "Capaian kinerja unit: rata-rata capaian 3 IKU yang dapat dihitung = 102,10%" in text
    assert "KEPALA DINAS KESEHATAN" in text and "dr. Sri Contoh, M.Kes" in text  # the signature block
    assert "BAB IV PENUTUP" in text and "Lampiran 5. Pemeriksaan Data" in text


# --------------------------------------------------------------------------- no notebook: the report model


def test_the_report_model_follows_the_declaration_without_running_the_chain(tmp_path):
    """document.build_report of the Dinas (raw files, no kernel): every IKU table has its four rows."""
    from lkjip import document as rp
    from lkjip.document import narrative

    make_dinkes(tmp_path)
    rep = rp.build_report(tmp_path, "dinkes", 2023)
    t = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama")
    assert t["Realisasi"].tolist() == ["92,00", "85,25", "88,50", "belum tersedia"]
    assert t["% Capaian"].tolist()[:3] == [102.22, 100.29, 103.8] and pd.isna(t["% Capaian"].iloc[3])
    assert t["Kategori Capaian"].tolist()[-1] == "tidak dapat dihitung"
    assert rep.tabel_2_1["Indikator Kinerja"].tolist() == list(t.index)
    m = rep.tabel_3_1_2
    aki = m[m["Indikator Kinerja"].eq("Angka Kematian Ibu").cummax() & m["Uraian"].eq("Capaian (%)")].iloc[0]
    assert (aki["2022"], aki["2023"]) == (pytest.approx((2 * 95 - 94) / 95 * 100), pytest.approx(103.8043478))
    kem = rep.tabel_3_1_3.set_index("Indikator Kinerja Utama")["Kemajuan (%)"]
    assert kem["Angka Kematian Ibu"] == pytest.approx(89.375)  # end target 80, turun: (160 - 88,5)/80
    # no deep section of a built-in calculation the unit does not use
    assert all(getattr(rep, k) is None for k in ("gambar_3_1", "gambar_3_2", "gambar_3_4", "gambar_3_5",
                                                  "gambar_3_7", "inovasi"))
    assert [s.split("\n")[0] for s in narrative.own_iku_sections(rep)] == [
        "#### a. Indeks Kinerja Gabungan Dinas", "#### b. Indeks Kepuasan Masyarakat Puskesmas",
        "#### c. Angka Kematian Ibu", "#### d. Prevalensi Balita Stunting"]
    assert narrative.iku_section(rep, "ikm") == "" and narrative.iku_for(rep, "sakip") is None


def test_a_target_0_reads_tidak_dapat_dihitung_with_its_reason(tmp_path):
    from lkjip import document as rp
    from lkjip.document import narrative

    unit = make_dinkes(tmp_path)
    targets = unit / "targets.csv"
    targets.write_text(targets.read_text(encoding="utf-8").replace("ikm_layanan,renstra,2023,85,", "ikm_layanan,renstra,2023,0,"),
                       encoding="utf-8")
    rep = rp.build_report(tmp_path, "dinkes", 2023)
    assert narrative.capaian_kinerja_unit_text(rep) == (
        "Capaian kinerja unit: rata-rata capaian 2 IKU yang dapat dihitung = 103,01%; tidak dihitung: "
        "Indeks Kepuasan Masyarakat Puskesmas (target 0) dan Prevalensi Balita Stunting (belum tersedia).")
    assert "karena targetnya 0, capaian tidak dapat dihitung" in narrative.analisis_indikator(rep, "ikm_layanan")
    row = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama").loc["Indeks Kepuasan Masyarakat Puskesmas"]
    assert row["Realisasi"] == "85,25" and pd.isna(row["% Capaian"]) and row["Kategori Capaian"] == "tidak dapat dihitung"


def test_the_sakip_analysis_applies_only_with_sakip_data_this_year_and_before(tmp_path, raw_dir):
    from lkjip.inputs.chain import steps_for

    make_dinkes(tmp_path)
    names = lambda unit, year: [s.notebook for s in steps_for(unit, year, tmp_path)]  # noqa: E731
    assert "06_analisis_sakip.ipynb" not in names("dinkes", 2023)
    sakip = (raw_dir / "gedeg" / "2023" / "sakip_evaluasi.csv").read_text(encoding="utf-8")
    (tmp_path / "dinkes" / "2023" / "sakip_evaluasi.csv").write_text(sakip, encoding="utf-8")
    assert "06_analisis_sakip.ipynb" not in names("dinkes", 2023)  # no earlier year to compare with
    (tmp_path / "dinkes" / "2022" / "SAKIP_EVALUASI.CSV").write_text(sakip, encoding="utf-8")
    assert names("dinkes", 2023)[-1] == "06_analisis_sakip.ipynb"
    assert "06_analisis_sakip.ipynb" in [s.notebook for s in steps_for("gedeg", 2023, raw_dir)]
    assert "06_analisis_sakip.ipynb" not in [s.notebook for s in steps_for("gedeg", 2021, raw_dir)]


# --------------------------------------------------------------------------- Gedeg: the seven IKU as before


def test_gedeg_2023_report_model_keeps_its_seven_iku_tables(gedeg_report):
    """The figures tests/test_report.py asserts, and the text that must not change for the seven IKU."""
    from lkjip.document import narrative

    rep = gedeg_report
    t = rep.tabel_3_1_1.set_index("Indikator Kinerja Utama")
    assert len(t) == 7 and t["Kategori Capaian"].unique().tolist() == ["Sangat Tinggi"]
    assert t.loc["Nilai SAKIP Perangkat Daerah", ["Realisasi", "% Capaian"]].tolist() == ["86,13", 98.43]
    # the official E-Sukma / Berita Acara IKM (angka_resmi.csv), its recomputation 98,31 under the table
    assert t.loc["Nilai IKM (Indeks Kepuasan Masyarakat)", ["Realisasi", "% Capaian"]].tolist() == ["97,33", 102.99]
    assert t.loc["Persentase Realisasi Anggaran Perangkat Daerah", "% Capaian"] == 104.86
    assert t.loc["Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan", "Realisasi"] == "2"
    assert rep.tabel_2_3["Target"].tolist() == [94.5, 100, 100, 87.5, 90, 85, 2]
    assert rep.tabel_3_1_2.iloc[9:12]["2022"].tolist()[1] == pytest.approx(87.43)
    k = rep.tabel_3_1_3.set_index("Indikator Kinerja Utama")
    assert k.loc["Nilai SAKIP Perangkat Daerah", "Kemajuan (%)"] == pytest.approx(86.13 / 88 * 100)
    assert rep.gambar_3_1 is not None and rep.gambar_3_2.iloc[-1]["Jumlah"] == 11139 and len(rep.inovasi) == 2
    assert narrative.kesimpulan(rep).startswith("Dari 7 Indikator Kinerja Utama Kecamatan Gedeg tahun 2023:")
    assert "Capaian ketujuh Indikator Kinerja Utama tahun 2023" in narrative.ikhtisar_capaian(rep)
    # the seven keep their published layout: no capaian kinerja unit line, captions as published
    assert narrative.capaian_kinerja_unit_text(rep) == "" and not narrative.own_iku(rep)
    assert narrative.iku_section(rep, "ikm").startswith("#### a. Nilai IKM (Indeks Kepuasan Masyarakat)\n\n")
    assert narrative.iku_section(rep, "jumlah_inovasi").startswith(
        "#### g. Jumlah inovasi yang terinternalisasi dan tersosialisasi serta berkelanjutan")
    assert narrative.own_iku_sections(rep) == []
    from lkjip.document import sumber

    assert sumber(rep, "capaian") == ("Hasil pengukuran kinerja Kecamatan Gedeg tahun 2023, dihitung ulang dari data; "
                                      "Nilai IKM (Indeks Kepuasan Masyarakat) tahun 2023: angka resmi Aplikasi E-Sukma "
                                      "Provinsi Jawa Timur dan Berita Acara Pengukuran Kinerja Nomor 069/ 44 "
                                      "/416-314/2024")


def test_the_analysts_narasi_of_a_unit_s_own_iku_is_printed_in_its_section(tmp_path):
    """narasi.md sections `faktor_keberhasilan.<kode>` / `hambatan.<kode>` for a declared code (any case)."""
    from lkjip import document as rp
    from lkjip.document import narrative

    unit = make_dinkes(tmp_path)
    (unit / "2023" / "narasi.md").write_text(
        "## faktor_keberhasilan.Angka_Kematian_Ibu\n\nKelas ibu hamil di semua puskesmas.\n\n"
        "## hambatan.prevalensi_stunting\n\nData SSGI 2023 belum dirilis Kementerian Kesehatan.\n",
        encoding="utf-8")
    rep = rp.build_report(tmp_path, "dinkes", 2023)
    # the success factors follow the sentence that says the target was met (issue 24: text an official signs)
    assert "Target terlampaui.\n\nKelas ibu hamil di semua puskesmas.\n\nDibandingkan tahun 2022" in (
        narrative.analisis_indikator(rep, "angka_kematian_ibu"))
    assert "Data SSGI 2023 belum dirilis" in narrative.own_iku_sections(rep)[3]
