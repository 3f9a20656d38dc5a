"""Issue 27 item 7: the audit's stacked bars count what the tables beside them print (bundled gedeg 2023)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip.audit import report as ar
from lkjip.audit.summary_counts import per_bab_counts, per_pemeriksaan_counts
from lkjip.contract.fmt import fmt_int

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "raw"
pytestmark = pytest.mark.skipif(not (BUNDLED / "gedeg" / "2023").is_dir(), reason="bundled data not present")


def test_bars_per_chapter_are_the_chapter_table(gedeg_audit):
    bars = per_bab_counts(gedeg_audit)
    table = ar.per_bab(gedeg_audit)
    assert bars.index.tolist() == table["Bab"].tolist()[:-1]  # the table ends in its Jumlah row
    for col, heading in (("sesuai", "Sesuai"), ("selisih", "Selisih"), ("tidak_dapat_diperiksa", "Tidak dapat diperiksa")):
        assert [fmt_int(v) for v in bars[col]] == table[heading].tolist()[:-1]
    # the published LKjIP 2023: 1.409 equal, 166 different, 1.283 not checkable
    assert bars.sum().tolist() == [1409, 166, 1283]


def test_bars_per_check_are_the_check_table(gedeg_audit):
    bars = per_pemeriksaan_counts(gedeg_audit)
    table = ar.per_pemeriksaan(gedeg_audit)
    assert bars.index.tolist() == table["Pemeriksaan"].tolist()
    assert [fmt_int(v) for v in bars["sesuai"]] == table["Sesuai"].tolist()
    assert [fmt_int(v) for v in bars["selisih"]] == table["Selisih"].tolist()
