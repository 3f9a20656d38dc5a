"""One judgement per fact (issue 25, item 2): the LKjIP of 2022 calls a printed figure different only when
the audit does, at the figure's printed decimals ("87,4" in the LKjIP 2023 agrees with the 2022 SAKIP 87,43)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip import document as rp
from lkjip.audit import FAMILY_PUBLISHED
from lkjip.document.narrative.capaian import _published_sentence
from lkjip.document.narrative.printed_figures import differing, printed_figures

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def report_2022():
    return rp.build_report(RAW, "gedeg", 2022)


def test_the_2022_sakip_printed_87_4_is_not_called_different(report_2022, gedeg_audit):
    figures = printed_figures(report_2022.inputs.published, "sakip", 2022)
    assert figures == [(87.4, 1), (87.43, 2)]
    assert differing(figures, 87.43) == []
    assert _published_sentence(report_2022, "sakip") == ""
    # the audit's judgement of the same printed figures: equal
    f = gedeg_audit.frame
    rows = f[(f["pemeriksaan"] == FAMILY_PUBLISHED) & (f["indikator"] == "sakip") & (f["tahun"] == 2022)
             & (f["ukuran"] == "realisasi")]
    assert set(rows["status"]) == {"sesuai"}


def test_a_figure_the_audit_finds_different_is_still_named(report_2022, gedeg_audit):
    # Gambar 3.7's "IP ASN TAHUN 2022" 89,50 against 56 from the 2022 data: different in both documents
    assert printed_figures(report_2022.inputs.published, "ip_asn", 2022) == [(56.0, 0), (89.5, 2)]
    assert _published_sentence(report_2022, "ip_asn") == (
        " Angka yang tercetak di dokumen resmi tahun ini (89,50 pada Gambar 3.7) berbeda dengan hasil hitung ulang "
        "dari data; "
        "selisihnya dirinci dalam laporan audit.")
    f = gedeg_audit.frame
    row = f[(f["pemeriksaan"] == FAMILY_PUBLISHED) & (f["indikator"] == "ip_asn") & (f["tahun"] == 2022)
            & (f["lokasi"] == "Gambar 3.7")].iloc[0]
    assert row["status"] == "selisih"
