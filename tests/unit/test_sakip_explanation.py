"""Issue 26: the unit's causes split, classified and judged; the kabupaten context; the reader of
``sakip_opd.csv``; the cover of non-signed reports. Hand-made frames, files only in tmp."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from lkjip import sakip_change as sc
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_COMPONENTS
from lkjip.errors import DataErrors
from lkjip.inputs.sakip_opd import read_sakip_opd
from lkjip.run.cover import cover_fields
from lkjip.sakip_change.explanation import (BELUM_DAPAT_DIUJI, BERTENTANGAN, DIDUKUNG, cause_kind,
                                            explanation, split_causes)
from lkjip.sakip_change.peer import KABUPATEN, LOKAL, peer_context

SEED_719 = ("Hal ini karena terdapat perbedaan penilaian dari Tahun 2022 sehingga kurang matangnya persiapan "
            "dokumen SAKIP diperangkat Daerah yang hanya mementingkan kelengkapan saja tanpa memperhatikan "
            "kualitas dari Dokumen tersebut, dan Pindahnya Kepala Sub Penyusunan Program dan Keuangan "
            "Kecamatan Gedeg ke Kecamatan lain sehingga evaluasi AKIP menjadi kurang optimal Dimana yang "
            "menjadi motor dari AKIP adalah Kasubag Penyusunan Program dan Keuangan.")


def comp(values) -> pd.DataFrame:
    return pd.DataFrame({"komponen": list(SAKIP_COMPONENTS), "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()),
                         "nilai": [float(v) for v in values]})


def opd(rows) -> pd.DataFrame:
    """rows: (opd, jenis, tahun, perencanaan, pengukuran, pelaporan, evaluasi_internal)."""
    out = pd.DataFrame(rows, columns=["opd", "jenis", "tahun", *SAKIP_COMPONENTS])
    out["nilai"] = out[list(SAKIP_COMPONENTS)].sum(axis=1)
    return out


def test_seed_sentence_splits_into_the_two_causes():
    causes = split_causes(SEED_719)
    assert len(causes) == 2
    assert causes[0] == ("terdapat perbedaan penilaian dari Tahun 2022 sehingga kurang matangnya persiapan "
                         "dokumen SAKIP diperangkat Daerah yang hanya mementingkan kelengkapan saja tanpa "
                         "memperhatikan kualitas dari Dokumen tersebut")
    assert causes[1].startswith("Pindahnya Kepala Sub Penyusunan Program dan Keuangan Kecamatan Gedeg")
    assert [cause_kind(c) for c in causes] == ["penilaian", "kepegawaian"]
    assert split_causes("- Evaluator baru\n- Kasubag pindah\n") == ["Evaluator baru", "Kasubag pindah"]


# ---------------------------------------------------------------- kabupaten: wide or local

#: Five OPD; evaluasi internal falls in four of the other four (a stricter evaluation everywhere).
WIDE = opd([("Kec A", "kecamatan", 2022, 27.0, 25.0, 12.0, 21.0), ("Kec A", "kecamatan", 2023, 27.0, 25.0, 12.0, 20.0),
            ("Kec B", "kecamatan", 2022, 26.0, 24.0, 12.0, 20.0), ("Kec B", "kecamatan", 2023, 26.0, 24.0, 12.0, 19.5),
            ("Kec C", "kecamatan", 2022, 25.0, 24.0, 11.0, 19.0), ("Kec C", "kecamatan", 2023, 25.5, 24.0, 11.0, 18.0),
            ("Dinas D", "dinas", 2022, 24.0, 23.0, 11.0, 18.0), ("Dinas D", "dinas", 2023, 24.0, 23.0, 11.0, 17.0),
            ("Dinas E", "dinas", 2022, 23.0, 22.0, 10.0, 17.0), ("Dinas E", "dinas", 2023, 23.0, 22.5, 10.0, 16.8)])
#: The same OPD, but only Kec A falls, on perencanaan (its planning officer left mid-year).
LOCAL = opd([("Kec A", "kecamatan", 2022, 27.0, 25.0, 12.0, 21.0), ("Kec A", "kecamatan", 2023, 25.0, 25.0, 12.0, 21.0),
             ("Kec B", "kecamatan", 2022, 26.0, 24.0, 12.0, 20.0), ("Kec B", "kecamatan", 2023, 26.2, 24.0, 12.0, 20.0),
             ("Kec C", "kecamatan", 2022, 25.0, 24.0, 11.0, 19.0), ("Kec C", "kecamatan", 2023, 25.0, 24.1, 11.0, 19.0),
             ("Dinas D", "dinas", 2022, 24.0, 23.0, 11.0, 18.0), ("Dinas D", "dinas", 2023, 23.9, 23.0, 11.0, 18.0),
             ("Dinas E", "dinas", 2022, 23.0, 22.0, 10.0, 17.0), ("Dinas E", "dinas", 2023, 23.0, 22.0, 10.5, 17.0)])


def test_evaluasi_internal_falling_in_most_opd_is_kabupaten_wide():
    c = peer_context(WIDE, ("kec a",), 2022, 2023)
    assert (c.kesimpulan, c.komponen, c.jumlah_lain, c.jumlah_turun_lain) == (KABUPATEN, "evaluasi_internal", 4, 4)
    text = " ".join(c.kalimat)
    assert "Dari 4 OPD lain yang nilainya diketahui pada kedua tahun, 3 turun; median perubahannya -0,50 poin" in text
    assert "Rata-rata perubahan 2 OPD lain di kelompok kecamatan: -0,50 poin." in text
    assert "Evaluasi Akuntabilitas Kinerja Internal turun pada 4 dari 4 OPD lain" in text


def test_one_unit_losing_its_planner_is_local():
    c = peer_context(LOCAL, ("Kec A",), 2022, 2023)
    assert (c.kesimpulan, c.komponen, c.jumlah_lain, c.jumlah_turun_lain) == (LOKAL, "perencanaan", 4, 1)
    assert "hanya turun pada 1 dari 4 OPD lain" in " ".join(c.kalimat)


def _staff(prev_end, successor_start):
    cols = ["nip", "nama", "jabatan", "status", "eselon", "mulai", "selesai"]
    k = "Kepala Sub Bagian Penyusunan Program dan Keuangan"
    prev = pd.DataFrame([["1", "A", k, "PNS", "IV.b", None, None]], columns=cols)
    cur = pd.DataFrame([["1", "A", k, "PNS", "IV.b", None, prev_end],
                        ["2", "B", k, "PNS", "IV.b", successor_start, None]], columns=cols)
    for f in (prev, cur):
        f["mulai"], f["selesai"] = pd.to_datetime(f["mulai"]), pd.to_datetime(f["selesai"])
    return prev, cur


@pytest.mark.parametrize("start, verdict, months", [("2023-10-02", DIDUKUNG, "Jul–Sep"),
                                                     (None, BELUM_DAPAT_DIUJI, ""),
                                                     ("2023-07-01", BERTENTANGAN, "")])
def test_staffing_cause_verdict_follows_the_posts_months(start, verdict, months):
    prev, cur = _staff("2023-06-30", start)
    frames = {2022: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 21.0]), "pegawai": prev},
              2023: {"sakip_evaluasi": comp([25.0, 25.0, 12.0, 20.0]), "pegawai": cur}}
    an = sc.analyse(frames, None, year=2023, stated_causes="Kasubag Penyusunan Program pindah ke kecamatan lain.")
    (cause,) = an.penjelasan.sebab
    assert cause.jenis == "kepegawaian" and cause.putusan == verdict
    if months:
        assert any(f"tanpa pejabat definitif 3 bulan pada 2023 ({months})" in b for b in cause.bukti)
    if start is None:
        assert "tidak diketahui" in " ".join(cause.bukti)


def test_assessment_cause_with_kabupaten_data_is_supported_or_contradicted():
    y0 = comp([27.0, 25.0, 12.0, 21.0])
    for frame, verdict in ((WIDE, DIDUKUNG), (LOCAL, BERTENTANGAN)):
        a = WIDE if frame is WIDE else LOCAL
        y1 = comp(a[(a["opd"] == "Kec A") & (a["tahun"] == 2023)][list(SAKIP_COMPONENTS)].iloc[0])
        dec = sc.decomposition(y0, y1, 2022, 2023)
        ctx = peer_context(frame, ("Kec A",), 2022, 2023)
        (cause,) = explanation("Perbedaan penilaian dari tahun lalu.", dec, ctx).sebab
        assert cause.putusan == verdict


def test_without_a_stated_cause_the_answer_says_so():
    frames = {2022: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 21.0])},
              2023: {"sakip_evaluasi": comp([25.0, 25.0, 12.0, 20.0])}}
    an = sc.analyse(frames, None, year=2023, unit_name="Kecamatan X")
    assert not an.penjelasan.ada
    assert "Kecamatan X tidak menuliskan sebab perubahan ini" in an.jawaban
    assert "sakip_opd.csv" not in an.jawaban and any("sakip_opd.csv" in n for n in an.catatan_analis)


# ---------------------------------------------------------------- the file and the cover

def test_reader_rank_only_rows_and_errors(tmp_path):
    (tmp_path / "_kabupaten").mkdir()
    f = tmp_path / "_kabupaten" / "sakip_opd.csv"
    assert read_sakip_opd(tmp_path) is None
    f.write_text("opd,jenis,tahun,nilai,predikat,peringkat,peringkat_jenis\n"
                 "Kecamatan Gedeg,kecamatan,2022,\"87,43\",A,2,\n"
                 "Kecamatan Gedeg,kecamatan,2023,,A,7,1\n", encoding="utf-8")
    got = read_sakip_opd(tmp_path)
    assert list(got["peringkat"]) == [2, 7] and got["nilai"].iloc[0] == pytest.approx(87.43)
    assert pd.isna(got["nilai"].iloc[1]) and int(got["peringkat_jenis"].iloc[1]) == 1
    f.write_text("opd,tahun,nilai,peringkat\nKec A,2023,abc,\nKec B,2023,,\n", encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        read_sakip_opd(tmp_path)
    text = str(e.value)
    assert "sakip_opd.csv, baris 2, kolom 'nilai': harus angka (isi: 'abc')" in text
    assert "baris 3, kolom 'nilai': isi nilai atau peringkat" in text
    assert e.value.exit_code == 2


def test_cover_of_the_analysis_names_no_signatory():
    u = SimpleNamespace(nama="Kecamatan Gedeg", kabupaten="Kabupaten Mojokerto",
                        pimpinan={"nama": "M. TAUFIQURROHMAN", "jabatan": "Camat", "nip": "19770221"})
    c = cover_fields("analisis_sakip", "Analisis Perubahan Nilai SAKIP", u, 2023)
    assert c == {"unit": "Kecamatan Gedeg", "kabupaten": "Kabupaten Mojokerto", "year": 2023,
                 "document": "Analisis Perubahan Nilai SAKIP"}
    assert cover_fields("lkjip", "LKjIP", u, 2023)["head_name"] == "M. TAUFIQURROHMAN"


def test_recovery_points_per_component_tied_to_the_saran():
    a = WIDE[WIDE["opd"] == "Kec A"]
    frames = {2022: {"sakip_evaluasi": comp(a[a["tahun"] == 2022][list(SAKIP_COMPONENTS)].iloc[0])},
              2023: {"sakip_evaluasi": comp(a[a["tahun"] == 2023][list(SAKIP_COMPONENTS)].iloc[0])}}
    saran = "Perlu:\n\n1. Menambah aparatur yang pensiun\n2. Memperbaiki kualitas Renstra\n"
    an = sc.analyse(frames, None, year=2023, unit_name="Kec A", sakip_opd=WIDE, saran=saran)
    r = an.pemulihan.set_index("komponen")
    # Kec A lost 1,00 on evaluasi internal (21 -> 20); the best other kecamatan has 19,50: no gap there
    assert list(r.index) == ["evaluasi_internal"]
    assert r.loc["evaluasi_internal", "ke_tingkat_awal"] == pytest.approx(1.0)
    assert r.loc["evaluasi_internal", "saran"] == "1"
    text = sc.pemulihan_md(an)
    assert ("- **Evaluasi Akuntabilitas Kinerja Internal**: kembali ke tingkat 2022 memberi +1,00 poin "
            "(terkait Saran LKjIP nomor 1).") in text
    assert "maksimal" not in text
    # a kecamatan whose perencanaan trails the best of its group gets the peer level too
    b = WIDE[WIDE["opd"] == "Kec B"]
    frames = {2022: {"sakip_evaluasi": comp(b[b["tahun"] == 2022][list(SAKIP_COMPONENTS)].iloc[0])},
              2023: {"sakip_evaluasi": comp(b[b["tahun"] == 2023][list(SAKIP_COMPONENTS)].iloc[0])}}
    an = sc.analyse(frames, None, year=2023, unit_name="Kec B", sakip_opd=WIDE, saran=saran)
    r = an.pemulihan.set_index("komponen")
    assert r.loc["perencanaan", "ke_terbaik_kelompok"] == pytest.approx(1.0)  # Kec A 27,00 vs 26,00
    assert r.loc["perencanaan", "terbaik_kelompok"] == "Kec A" and r.loc["perencanaan", "saran"] == "1, 2"
