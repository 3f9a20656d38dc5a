"""Text a Camat signs (issue 24, items 4, 6 and 7): no invented fact, no sentence that depends on a dropped
one, every missed target named with its cause, Lampiran 5 with the audit's own counts, no wording about
settings or data files in the final, one NIP form masked distinctly, and facts that disagree inside the
data flagged in the draft's analyst notes."""

from __future__ import annotations

import pytest

from lkjip import document as rp
from lkjip.audit.report import ringkasan
from lkjip.document import narrative as nr
from lkjip.document.captions import target_document_note

SETTINGS_WORDS = ("pengaturan unit", "dalam data", "target efektif", ".csv", "unit.yaml", "data/raw")


@pytest.fixture(scope="module")
def rep(gedeg_report):
    return gedeg_report


# --------------------------------------------------------------------------- item 4: invented facts

def test_no_invented_departure_of_the_kasubag_ppk(rep):
    # README: the date 30-06-2023 and the person were invented; the seed names no one who left
    assert len(rep.pegawai_mutasi) == 0
    assert "30-06-2023" not in nr.bab1_pegawai(rep) and "pindah tugas (" not in nr.bab1_pegawai(rep)


def test_gamis_jubah_sk_is_not_recorded_rather_than_reconstructed(rep):
    row = rep.inovasi.set_index("Nama Inovasi").loc["GAMIS JUBAH"]
    assert (row["Nomor SK"], row["Tanggal SK"]) == ("tidak tercatat", "tidak tercatat")
    assert rep.inovasi.set_index("Nama Inovasi").loc["MANTAP BERDASI", "Nomor SK"] == "188/22/416-314/2023"
    text = nr.analisis_indikator(rep, "jumlah_inovasi")
    assert "GAMIS JUBAH (nomor SK tidak tercatat)" in text and "188/57" not in text
    assert rep.results.inovasi.jumlah == 2  # still counted: an innovation whose SK date is unknown is active


# --------------------------------------------------------------------------- item 6: text a Camat would not sign

def test_hal_ini_follows_the_sentence_it_refers_to(rep):
    text = nr.section(rep, "efisiensi_sumber_daya", nr.efisiensi_sumber_daya)
    assert not text.startswith("Hal ini")
    before, _, _ = text.partition("Hal ini karena adanya pegawai yang pindah")
    # the sentence before it is the unabsorbed salaries the seed's "Hal ini" explains
    assert before.rstrip().endswith("Sisa terbesar berasal dari sub kegiatan Penyediaan Gaji dan Tunjangan ASN "
                                    "(Rp 135.016.507, 88,10% dari seluruh sisa).")


def test_success_factors_follow_the_indicators_that_reached_their_end_target(rep):
    text = nr.kemajuan_renstra(rep)
    head, _, factors = text.partition("1. Pelayanan di Kecamatan Gedeg telah berjalan dengan baik")
    assert factors
    intro = head.rstrip().split("\n\n")[-1]
    # the official IKM 97,33 (angka_resmi.csv) is below the Renstra end target 97,5 (seed Tabel 3.1.3: 99,82%)
    assert intro.startswith("Tercapainya target akhir Renstra pada indikator Persentase pelayanan sesuai standar, "
                            "Persentase hasil koordinasi yang ditindaklanjuti dan Indeks Profesionalitas ASN")
    assert "Nilai IKM" not in intro
    assert intro.endswith("didukung oleh beberapa faktor berikut:") and "belum" not in intro


def test_kesimpulan_names_every_missed_target_with_its_cause(rep):
    text = nr.kesimpulan_bab4(rep)
    assert text.startswith("Keberhasilan pencapaian target kinerja Kecamatan Gedeg")  # the analyst's text first
    assert ("- Nilai SAKIP: realisasi 86,13 dari target 87,5 (capaian 98,43%). Hal ini karena terdapat perbedaan "
            "penilaian dari Tahun 2022") in text
    assert "Pindahnya Kepala Sub Penyusunan Program dan Keuangan" in text
    missed = [i for i in rep.capaian["indikator"] if nr.common._met(nr.common._row(rep, i)) is False]
    assert missed == ["sakip"]


def test_no_settings_wording_in_the_final(rep):
    texts = [target_document_note(rep),
             nr.lampiran.berita_acara_tim(rp.berita_acara(rep)),
             nr.lampiran.tindak_lanjut(rep, rp.tindak_lanjut_evaluasi(rep), True),
             nr.profil.tugas_pokok_fungsi(rep, rp.tugas_fungsi(rep), True)]
    assert texts[0] == "Target tahun 2023 diambil dari Perjanjian Kinerja Perubahan."
    assert texts[1] == "Berita acara ditandatangani oleh 4 anggota Tim SAKIP."
    for text in texts:
        assert not any(w in text for w in SETTINGS_WORDS), text


def test_lampiran_5_uses_the_audit_s_own_counts(gedeg_audit, tmp_path):
    from lkjip.document.audit_sentence import audit_counts, audit_sentence

    path = gedeg_audit.write_csv(tmp_path / "audit.csv")
    counts = audit_counts(path)
    report = ringkasan(gedeg_audit).set_index("Cakupan")["Jumlah angka"]
    assert counts["dicetak"] == 2858  # every figure of published.csv
    # the same numbers as the first table of the audit report
    assert report["Angka yang tercetak di LKjIP"] == f"{counts['dicetak']:,}".replace(",", ".")
    assert report["Diperiksa"] == f"{counts['diperiksa']:,}".replace(",", ".")
    assert report["Selisih"] == f"{counts['selisih']:,}".replace(",", ".")
    assert counts["diperiksa"] == counts["sesuai"] + counts["selisih"]
    assert counts["dicetak"] == counts["diperiksa"] + counts["tidak_dapat_diperiksa"]
    text = audit_sentence(counts)
    assert text.startswith("Dari 2.858 angka yang tercetak di LKjIP yang telah diterbitkan, ")
    assert "berselisih" in text and "angka (jumlah dalam data" not in text


# --------------------------------------------------------------------------- item 7: NIP, Perda/Perbup, levels

def test_two_people_never_share_a_masked_nip(rep):
    nips = rep.gambar_3_7["NIP"].iloc[:-1].tolist()  # last row: the mean
    assert len(nips) == 18 and len(set(nips)) == 18
    assert "1971***********001" not in nips
    assert nips[8] == "197106** ****** * 001" and nips[11] == "197107** ****** * 001"  # rows 9 and 12


def test_one_nip_form_everywhere(rep):
    pk = rp.perjanjian_kinerja(rep, "pk")
    camat = pk.penandatanganan.orang.set_index("peran").loc["pihak_pertama", "nip"]
    # the head of the unit: in full, as on the cover and under the signature (one person, one form)
    assert camat == rep.gambar_3_7["NIP"].iloc[0] == "19770221 199511 1 001"
    officials = {lp.jabatan: lp.nip for lp in rp.laporan_pejabat(rep)}
    assert officials["Kepala Seksi Pelayanan"] == "1967**** ****** * 007" == rep.gambar_3_7["NIP"].iloc[5]
    assert nr.tanda_tangan(rep).count("NIP. 19770221 199511 1 001") == 1  # the signature: same groups, in full


def test_nip_that_disagrees_is_flagged_not_corrected(rep):
    assert rp.nip_notes(rep) == [
        "NIP KUKUH RADIDTYO pada laporan jabatan (laporan_pejabat.csv) tertulis 197803062003121001, berbeda dari data pegawai "
        "(197803062003121004); periksa mana yang benar sebelum laporan ditandatangani."]


def test_perda_and_perbup_flagged_in_the_draft_only(rep):
    tf = rp.tugas_fungsi(rep)
    draft = nr.profil.tugas_pokok_fungsi(rep, tf, False)
    assert "*Catatan untuk analis: dasar hukum struktur organisasi (Bab I A) menyebut Peraturan Daerah Nomor 80 " \
           "Tahun 2016, sedangkan dasar hukum tugas pokok dan fungsi (Bab I D) menyebut Peraturan Bupati" in draft
    assert "Catatan untuk analis" not in nr.profil.tugas_pokok_fungsi(rep, tf, True)


def test_process_map_levels_as_the_seed_names_them(rep):
    # LKjIP 2023 Bab I G: "level 0 atau P.1", "level 1 atau P.1.5", "level 2 atau P.1.5.4", level 3: 5 processes
    pb = rp.proses_bisnis(rep).set_index("kode")["level"]
    assert (pb["P.1"], pb["P.1.5"], pb["P.1.5.4"]) == (0, 1, 2)
    assert sorted(k for k, v in pb.items() if v == 3 and k.startswith("P.1.5.4.")) == [
        f"P.1.5.4.{i}" for i in range(1, 6)]
    assert pb.max() == 4


@pytest.mark.parametrize("indicator, key", [("ikm", "faktor_keberhasilan"), ("sakip", "hambatan"),
                                            ("realisasi_anggaran_pct", "faktor_keberhasilan"),
                                            ("ip_asn", "faktor_keberhasilan")])
def test_factors_and_obstacles_follow_the_target_sentence(rep, indicator, key):
    # "Hal ini didukung ..." after "Dimensi terlemah ..." or after the audit's difference would say the
    # weakness or the difference is what the factors support: they follow whether the target was met
    text = nr.analisis_indikator(rep, indicator)
    own = nr.analyst_text(rep, f"{key}.{indicator}")
    before = text[:text.index(own)].rstrip()
    last = before.split("\n\n")[-1]
    assert last.startswith(f"Indikator {nr.common._nama(rep, indicator)} tahun 2023 terealisasi")
    assert last.endswith(("Target tercapai.", "Target terlampaui.", "poin di bawah target."))
    assert "laporan audit" not in last and "terlemah" not in last


def test_the_audit_lists_every_disagreement_the_draft_flags(rep):
    """Issue 24 item 7: the facts that disagree are flagged in the draft's analyst notes *and* the audit, with
    the same words (one rule each), and the place of the generated LKjIP they concern."""
    from lkjip.document.data_disagreements import data_disagreements

    found = data_disagreements(rep)
    assert list(found.columns) == ["Jenis", "Tempat di LKjIP yang dihasilkan", "Keterangan"]
    assert found["Jenis"].tolist() == ["Dasar hukum", "NIP", "Laporan jabatan", "Laporan jabatan",
                                       "Tahun pengukuran IP ASN", "Tahun pengukuran IP ASN"]
    notes = found["Keterangan"].tolist()
    assert notes[1] == rp.nip_notes(rep)[0]
    assert notes[2].startswith("Sekretaris Kecamatan: target Persentase realisasi anggaran 94% di Perjanjian "
                               "Kinerja, 90% di tabel capaian laporan jabatan")
    assert found["Tempat di LKjIP yang dihasilkan"].iloc[2] == "Lampiran 3, Sekretaris Kecamatan"
    assert "(Rp 41.332) berbeda dengan rincian anggaran (Rp 41.322.000)" in notes[3]
    assert "memuat 56,00 (hasil pengukuran tahun 2021), sedangkan laporan tahun 2023 memakai hasil pengukuran " \
           "tahun 2022 sebesar 89,50" in notes[5]
    # each sentence is the draft's analyst note at its place, word for word
    draft = nr.profil.tugas_pokok_fungsi(rep, rp.tugas_fungsi(rep), False)
    assert f"*{nr.ANALYST_NOTE} {notes[0]}" in draft.replace("\\", "")
    officials = {lp.jabatan: lp for lp in rp.laporan_pejabat(rep)}
    drafted = " ".join(nr.lampiran.pejabat_catatan_analis(officials["Kepala Seksi Pemerintahan"]))
    assert f"{nr.ANALYST_NOTE} {notes[3]}" in drafted.replace("\\", "")


def test_no_disagreement_gives_an_empty_list_with_its_columns(rep, monkeypatch):
    """A unit whose data agree: the audit says so (an empty table with its columns, not an error)."""
    from lkjip.document import data_disagreements as dd

    monkeypatch.setattr(dd, "unit_legal_basis_disagreement", lambda unit: None)
    monkeypatch.setattr(dd, "nip_notes", lambda source: [])
    monkeypatch.setattr(dd, "pejabat_disagreements", lambda lp: [])
    monkeypatch.setattr(dd, "ip_asn_disagreements", lambda r: [])
    found = dd.data_disagreements(rep)
    assert found.empty and list(found.columns) == dd.COLUMNS
