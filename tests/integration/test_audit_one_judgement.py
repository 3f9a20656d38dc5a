"""One judgement per fact across years (issue 25, item 2): a figure of 2022 printed in the LKjIP 2023 is
checked by the audit of 2022 and by the audit of 2023; both give it the same status, cause and sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip.audit import FAMILY_PUBLISHED, audit_unit_year

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def audit_2022():
    return audit_unit_year(RAW, "gedeg", 2022).frame


def _published(frame):
    return frame[frame["pemeriksaan"] == FAMILY_PUBLISHED]


def test_every_figure_both_audits_cover_is_judged_once(audit_2022, gedeg_audit):
    keys = ["baris", "indikator", "ukuran"]
    both = _published(audit_2022).merge(_published(gedeg_audit.frame), on=keys, suffixes=("_2022", "_2023"))
    assert len(both) == 298  # the 2022 figures the LKjIP 2023 prints
    for column in ("status", "kemungkinan_penyebab", "penjelasan", "dihitung"):
        a, b = both[f"{column}_2022"], both[f"{column}_2023"]
        differ = both[~((a == b) | (a.isna() & b.isna()))]
        assert differ.empty, (column, differ[["indikator", "tahun_2022"]].values.tolist()[:5])


def test_gambar_3_7_89_50_has_one_cause(audit_2022, gedeg_audit):
    for frame in (audit_2022, gedeg_audit.frame):
        row = frame[(frame["pemeriksaan"] == FAMILY_PUBLISHED) & (frame["indikator"] == "ip_asn")
                    & (frame["lokasi"] == "Gambar 3.7") & (frame["tahun"] == 2022)].iloc[0]
        assert (row["dipublikasikan"], row["dihitung"], row["kemungkinan_penyebab"]) == (89.5, 56.0, "beda_sumber")
        assert row["penjelasan"] == ("Angka tercetak 89,50 tidak sama dengan hasil hitung ulang 56,00, tetapi sama "
                                     "dengan nilai tahun 2023 menurut data (89,50).")


def test_the_2022_population_of_tabel_1_1_is_checked_in_both(audit_2022, gedeg_audit):
    # Tabel 1.1 "per 31 Desember 2022" comes from 2023/penduduk.csv: the audit of 2022 reads it too
    for frame in (audit_2022, gedeg_audit.frame):
        row = frame[(frame["pemeriksaan"] == FAMILY_PUBLISHED) & (frame["indikator"] == "jumlah_penduduk")
                    & (frame["lokasi"] == "Tabel 1.1") & (frame["tahun"] == 2022)].iloc[0]
        assert (row["dipublikasikan"], row["dihitung"], row["status"]) == (60073.0, 58314.0, "selisih")
