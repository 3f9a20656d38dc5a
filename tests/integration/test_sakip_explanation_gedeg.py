"""Issue 26: the SAKIP analysis answers with the unit's own causes, tested against the data.

Bundled Gedeg: the unit's two causes (seed l.719, narasi.md ``hambatan.sakip``), the kabupaten's two
ranks (seed l.1059/l.1067, ``data/raw/_kabupaten/sakip_opd.csv``), the Kasubag PPK who left on
30-06-2023 with a successor whose start date is not known, IP ASN of other measurement years, the
planning budget cut, and what readers must not see.
"""

from __future__ import annotations

import re

import pytest

from lkjip import sakip_change as sc
from lkjip.inputs import ingest
from lkjip.inputs.narasi import read_narasi
from lkjip.inputs.riwayat_jabatan import read_riwayat_jabatan
from lkjip.inputs.sakip_opd import read_sakip_opd
from lkjip.sakip_change.explanation import BELUM_DAPAT_DIUJI

KASUBAG = "Kepala Sub Bagian Penyusunan Program dan Keuangan"


@pytest.fixture(scope="module")
def gedeg(raw_dir):
    frames = {y: ingest.read_year(raw_dir, "gedeg", y)[0] for y in (2021, 2022, 2023)}
    targets = ingest.read_unit_table(raw_dir, "gedeg", "targets")
    return sc.analyse(frames, targets, year=2023, unit_name="Kecamatan Gedeg", unit_code="gedeg",
                      stated_causes=read_narasi(raw_dir, "gedeg", 2023).get(sc.NARASI_SECTION),
                      sakip_opd=read_sakip_opd(raw_dir),
                      riwayat_jabatan=read_riwayat_jabatan(raw_dir, "gedeg"))  # as notebook 06 calls it


def test_both_causes_the_unit_gave_are_quoted_with_a_verdict(gedeg):
    causes = gedeg.penjelasan.sebab
    assert [c.jenis for c in causes] == ["penilaian", "kepegawaian"]
    assert causes[0].kutipan.startswith("terdapat perbedaan penilaian dari Tahun 2022")
    assert causes[0].kutipan.endswith("tanpa memperhatikan kualitas dari Dokumen tersebut")
    assert causes[1].kutipan.startswith("Pindahnya Kepala Sub Penyusunan Program dan Keuangan")
    assert "motor dari AKIP adalah Kasubag Penyusunan Program dan Keuangan" in causes[1].kutipan
    # neither can be decided with the bundled data; each names what would decide it
    assert causes[0].putusan == BELUM_DAPAT_DIUJI
    assert "nilai sub komponen" in causes[0].bukti_penentu and "LHE" in causes[0].bukti_penentu
    assert causes[1].putusan == "belum dapat diuji dengan data yang ada"
    assert "SK pelantikan" in causes[1].bukti_penentu
    answer = gedeg.jawaban
    assert answer.startswith("Nilai SAKIP 87,43 (2022) menjadi 86,13 (2023), perubahan -1,30 poin.")
    assert "Kecamatan Gedeg menyebut 2 sebab:" in answer
    assert "1. “terdapat perbedaan penilaian" in answer and "2. “Pindahnya Kepala Sub" in answer


def test_rank_two_to_seven_and_highest_among_kecamatan(gedeg):
    ctx = gedeg.konteks
    assert ctx.ada and ctx.kesimpulan == ""  # ranks only: no values of other OPD
    text = sc.konteks_md(gedeg)
    assert "turun dari peringkat 2 (2022) ke peringkat 7 (2023)" in text
    assert "pada 2023 tertinggi di tingkat kecamatan" in text
    # the rank sentences are part of the assessment cause's evidence
    assert any("peringkat 7 (2023)" in b for b in gedeg.penjelasan.sebab[0].bukti)


def test_ppk_successor_without_start_date_is_unknown_not_january(gedeg):
    # the bundled data hold only what the seed says: the old Kasubag PPK left in 2023 (no date), his
    # successor's start is not recorded (riwayat_jabatan.csv); no month is assumed filled from January
    cause = gedeg.penjelasan.sebab[1]
    assert cause.putusan == BELUM_DAPAT_DIUJI
    assert any("Feb–Des 2023 tidak diketahui" in b for b in cause.bukti)
    assert not any("sejak Januari" in b for b in cause.bukti)
    assert any(n.startswith("Riwayat jabatan Kepala Sub Bagian Penyusunan Program dan Keuangan: terisi atau "
                            "kosong pada Feb–Des 2023 tidak diketahui") for n in gedeg.catatan_analis)
    # the staff list itself records no exit any more (the invented 30-06-2023 is gone)
    k = gedeg.pendorong.kekosongan[2023].per_jabatan.set_index("jabatan").loc[KASUBAG]
    assert "dianggap menjabat sejak Januari" not in k["keterangan"]


def test_ipasn_of_other_measurement_years_is_left_out(gedeg):
    drv = gedeg.pendorong
    assert "Indeks Profesionalitas ASN" not in set(drv.kaitan["faktor"])
    note = next(n for n in gedeg.catatan if n.startswith("IP ASN tidak dibandingkan"))
    assert "data 2022 memuat hasil pengukuran 2021; data 2023 memuat hasil pengukuran 2022" in note
    t = sc.tabel_ipasn(drv)
    assert list(t["Tahun data"]) == ["2022", "2023"] and list(t["Tahun pengukuran"]) == ["2021", "2022"]
    assert "89,50 (2023)" not in gedeg.narasi and "56,00 (2022)" not in gedeg.narasi


def test_planning_budget_as_level_and_change(gedeg):
    k = gedeg.pendorong.kaitan.set_index("faktor")
    row = k.loc[next(f for f in k.index if f.startswith("Anggaran kegiatan 7.01.01.2.01"))]
    assert row["temuan"].startswith("pagu Rp 11,37 jt (2022) menjadi Rp 9,70 jt (2023), berubah -14,7%")
    assert row["arah"] == "sejalan"  # a cut, with every linked component down


def test_target_is_context_not_a_cause(gedeg):
    assert not any(f.startswith("Target") for f in gedeg.pendorong.kaitan["faktor"])
    assert len(gedeg.pendorong.target)  # still shown, as context


def test_no_reach_the_maximum_scenario(gedeg):
    assert "maksimal" not in set(gedeg.poin.skenario["skenario"])
    assert "mencapai nilai maksimal" not in gedeg.narasi


def test_no_data_entry_instructions_in_reader_text(gedeg):
    texts = [gedeg.narasi, gedeg.jawaban, sc.konteks_md(gedeg), sc.catatan_md(gedeg),
             *sc.tabel_pergantian(gedeg.pendorong)["Keterangan"], *sc.tabel_kekosongan(gedeg.pendorong)["Keterangan"]]
    for t in texts:
        assert not re.search(r"\bisi (tanggal|kolom)\b", t), t
    # they go to the draft's analyst notes
    assert any("isi kolom mulai" in n for n in gedeg.catatan_analis)
    # a post with nobody in it is not a "pergantian"
    assert "pergantian Kepala Sub Bagian Umum" not in gedeg.narasi


def test_notebook_text_names_no_objects(root):
    src = (root / "notebooks" / "06_analisis_sakip.py").read_text(encoding="utf-8")
    markdown = "\n".join(ln for ln in src.splitlines() if ln.startswith("# "))
    for name in ("dekomposisi.komponen", "poin.celah", "poin.skenario", "`"):
        assert name not in markdown
    assert "mencapai\n# nilai maksimalnya" not in src and "atau mencapai" not in src


def test_with_the_post_history_the_ppk_cause_says_what_is_unknown(raw_dir):
    from lkjip.inputs.riwayat_jabatan import read_riwayat_jabatan

    frames = {y: ingest.read_year(raw_dir, "gedeg", y)[0] for y in (2022, 2023)}
    an = sc.analyse(frames, None, year=2023, unit_name="Kecamatan Gedeg", unit_code="gedeg",
                    stated_causes=read_narasi(raw_dir, "gedeg", 2023).get(sc.NARASI_SECTION),
                    riwayat_jabatan=read_riwayat_jabatan(raw_dir, "gedeg"))
    cause = an.penjelasan.sebab[1]
    assert cause.putusan == BELUM_DAPAT_DIUJI
    assert ("Menurut riwayat jabatan, Kepala Sub Bagian Penyusunan Program dan Keuangan berganti pejabat, "
            "tetapi tanggalnya tidak diketahui: terisi atau kosong pada Feb–Des 2023 tidak diketahui") in cause.bukti[0]
    assert "Perencanaan Kinerja -0,42, Evaluasi Akuntabilitas Kinerja Internal -0,59" in cause.bukti[0]


def test_recovery_tied_to_the_gedeg_saran(raw_dir):
    frames = {y: ingest.read_year(raw_dir, "gedeg", y)[0] for y in (2022, 2023)}
    an = sc.analyse(frames, None, year=2023, saran=read_narasi(raw_dir, "gedeg", 2023).get("saran"))
    r = an.pemulihan.set_index("komponen")
    # Saran 2 (more staff for those retired or moved) and 3 (more budget): not Saran 1 (saving budget)
    assert r.loc["perencanaan", "saran"] == "2, 3" and r.loc["evaluasi_internal", "saran"] == "2, 3"
    assert r.loc["pelaporan", "saran"] == "3"
    assert r.loc["evaluasi_internal", "ke_tingkat_awal"] == pytest.approx(0.59)
