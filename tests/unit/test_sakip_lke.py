"""Issue 26: the change at criterion level, method vs performance, on a hand-worked LKE pair.

2022: 1.a.1 perencanaan/keberadaan bobot 2, nilai 2,00; 1.a.2 perencanaan/kualitas bobot 3, nilai 2,40;
      4.b.1 evaluasi_internal/kualitas bobot 1, nilai 0,50 (removed in 2023).          total 4,90
2023: 1.a.1 the same, 2,00; 1.a.2 re-weighted to 4, nilai 2,80; 4.b.2 new, bobot 1, nilai 0,25. total 5,05
By hand: change +0,15. 1.a.2: 2,40 at the new weight = 2,40 x 4/3 = 3,20, so method +0,80 and
performance 2,80 - 3,20 = -0,40. 4.b.1 removed: method -0,50. 4.b.2 added: method +0,25.
Method +0,80 - 0,50 + 0,25 = +0,55; performance -0,40; +0,55 - 0,40 = +0,15 = the change.
keberadaan held (0,00), kualitas fell (-0,40): completeness without quality.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from lkjip.errors import DataErrors
from lkjip.inputs.sakip_lke import read_sakip_lke
from lkjip.sakip_change.lke import BARU, BOBOT, DIHAPUS, SAMA, lke_change, lke_sentences

CSV = """tahun,komponen,subkomponen,kriteria,uraian,bobot,nilai,catatan
2022,perencanaan,keberadaan,1.a.1,Renstra ada,"2,00","2,00",
2022,perencanaan,kualitas,1.a.2,Renstra berkualitas,"3,00","2,40",
2022,evaluasi_internal,kualitas,4.b.1,Evaluasi program,"1,00","0,50",
2023,perencanaan,keberadaan,1.a.1,Renstra ada,"2,00","2,00",
2023,perencanaan,kualitas,1.a.2,Renstra berkualitas,"4,00","2,80",sasaran belum terukur
2023,evaluasi_internal,kualitas,4.b.2,Evaluasi kebijakan,"1,00","0,25",
"""


@pytest.fixture
def lke(tmp_path):
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "sakip_lke.csv").write_text(CSV, encoding="utf-8")
    return read_sakip_lke(tmp_path, "u")


def test_method_and_performance_match_the_hand_worked_example(lke):
    c = lke_change(lke[lke["tahun"] == 2022], lke[lke["tahun"] == 2023], 2022, 2023)
    assert (c.perubahan, c.metode, c.kinerja) == (Decimal("0.15"), Decimal("0.55"), Decimal("-0.40"))
    assert c.metode + c.kinerja == c.perubahan
    k = c.kriteria.set_index("kriteria")
    assert k.loc["1.a.1", "jenis"] == SAMA and k.loc["1.a.2", "jenis"] == BOBOT
    assert k.loc["4.b.1", "jenis"] == DIHAPUS and k.loc["4.b.2", "jenis"] == BARU
    assert k.loc["1.a.2", "metode"] == pytest.approx(0.80) and k.loc["1.a.2", "kinerja"] == pytest.approx(-0.40)
    assert k.loc["4.b.1", "metode"] == pytest.approx(-0.50) and k.loc["4.b.2", "metode"] == pytest.approx(0.25)
    assert c.per_subkomponen == {"keberadaan": Decimal("0.00"), "kualitas": Decimal("-0.40")}
    assert c.kelengkapan_tanpa_kualitas is True
    text = lke_sentences(c)
    assert text[0].startswith("Menurut lembar kerja evaluasi (LKE), perubahan +0,15 poin terdiri atas +0,55 poin")
    assert "-0,40 poin karena nilai kriteria yang sama berubah" in text[0]
    assert text[1] == ("Kriteria yang paling banyak kehilangan nilai: 4.b.1 Evaluasi program "
                       "(Evaluasi Akuntabilitas Kinerja Internal, dihapus, -0,50).")
    assert "keberadaan 0,00 dan kualitas -0,40 poin: dokumen tetap lengkap" in text[2]


def test_thirds_stay_exact_to_the_cent():
    a = pd.DataFrame({"komponen": ["pengukuran"] * 3, "subkomponen": ["kualitas"] * 3, "kriteria": ["a", "b", "c"],
                      "bobot": [3.0, 3.0, 3.0], "nilai": [1.0, 1.0, 1.0]})
    b = a.assign(bobot=[1.0, 1.0, 1.0], nilai=[0.33, 0.33, 0.34])
    c = lke_change(a, b, 2022, 2023)
    # each: 1 at weight 1 of 3 = 1/3, method -2/3; exact total method -2, performance 0
    assert (c.perubahan, c.metode, c.kinerja) == (Decimal("-2.00"), Decimal("-2.00"), Decimal("0.00"))


def test_reader_errors(tmp_path):
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "sakip_lke.csv").write_text(
        "tahun,komponen,kriteria,bobot,nilai\n2023,perencana,1,2,3\n2023,pelaporan,1,2,1\n2023,pelaporan,1,2,1\n",
        encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        read_sakip_lke(tmp_path, "u")
    text = str(e.value)
    assert "baris 2, kolom 'komponen': harus salah satu dari perencanaan" in text
    assert "baris 2, kolom 'nilai': harus antara 0 dan bobot (isi: '3.0')" in text or \
           "baris 2, kolom 'nilai': harus antara 0 dan bobot" in text
    assert "baris 4, kolom 'kriteria': kriteria yang sama tercatat dua kali untuk tahun 2023" in text


def test_the_assessment_cause_is_judged_on_the_worksheets(lke):
    from lkjip import sakip_change as sc
    from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_COMPONENTS
    from lkjip.sakip_change.explanation import DIDUKUNG, SEBAGIAN

    def comp(values):
        return pd.DataFrame({"komponen": list(SAKIP_COMPONENTS), "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()),
                             "nilai": values})

    frames = {2022: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 21.0])},
              2023: {"sakip_evaluasi": comp([27.15, 25.0, 12.0, 21.0])}}
    cause = "Perbedaan penilaian: dokumen hanya lengkap, tanpa kualitas."
    an = sc.analyse(frames, None, year=2023, stated_causes=cause, sakip_lke=lke)
    assert an.lke.metode == Decimal("0.55")
    (c,) = an.penjelasan.sebab
    # method part up (+0,55) while the same criteria scored lower (-0,40): against a stricter method;
    # keberadaan held while kualitas fell: for completeness without quality
    assert c.putusan == SEBAGIAN and c.bukti[0].startswith("Menurut lembar kerja evaluasi (LKE)")
    stricter = lke.copy()
    row = (stricter["tahun"] == 2023) & (stricter["kriteria"] == "1.a.2")
    stricter.loc[row, "bobot"], stricter.loc[row, "nilai"] = 3.0, 2.0
    an = sc.analyse(frames, None, year=2023, stated_causes=cause, sakip_lke=stricter)
    # 1.a.2 same weight, 2,40 -> 2,00: performance -0,40 (kualitas); 4.b.1 removed -0,50, 4.b.2 added +0,25:
    # method -0,25; total 4,25 - 4,90 = -0,65
    assert (an.lke.perubahan, an.lke.metode, an.lke.kinerja) == (Decimal("-0.65"), Decimal("-0.25"),
                                                                 Decimal("-0.40"))
    assert an.penjelasan.sebab[0].putusan == DIDUKUNG
    only_2023 = lke[lke["tahun"] == 2023]
    an = sc.analyse(frames, None, year=2023, stated_causes=cause, sakip_lke=only_2023)
    assert an.lke is None and any("LKE) tidak ada untuk tahun 2022" in n for n in an.catatan)


def test_reader_table_of_the_criteria(lke):
    from lkjip import sakip_change as sc
    from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS, SAKIP_COMPONENTS

    def comp(values):
        return pd.DataFrame({"komponen": list(SAKIP_COMPONENTS), "bobot": list(SAKIP_COMPONENT_WEIGHTS.values()),
                             "nilai": values})

    an = sc.analyse({2022: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 21.0])},
                     2023: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 20.0])}}, None, year=2023, sakip_lke=lke)
    t = sc.tabel_lke(an).data if hasattr(sc.tabel_lke(an), "data") else sc.tabel_lke(an)
    row = t[t["Kriteria"] == "1.a.2"].iloc[0]
    assert row["Perubahan"] == "bobot berubah" and row["Sub komponen"] == "Kualitas"
    assert "+0,55 poin karena cara penilaian berubah" in sc.lke_md(an)
    assert "tidak tersedia" in sc.lke_md(sc.analyse({2022: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 21.0])},
                                                     2023: {"sakip_evaluasi": comp([27.0, 25.0, 12.0, 20.0])}},
                                                    None, year=2023))
