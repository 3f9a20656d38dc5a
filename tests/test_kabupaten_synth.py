"""End to end: synthetic units made by ``lkjip synth``, processed by ``lkjip run --all``,
read by the kabupaten loader. The kabupaten figures must agree with what each
unit's own run published in its indicators.csv."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lkjip.charts import lkjip_style
from lkjip.cli import main
from lkjip.kabupaten import analyse, load_kabupaten, write_ringkasan
from lkjip.kabupaten.charts import (
    component_heatmap,
    factor_scatters,
    sakip_change_chart,
)

pytestmark = pytest.mark.slow
UNITS = ["synth01", "synth02", "synth03"]


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    root = tmp_path_factory.mktemp("kabupaten_synth")
    raw, out = root / "raw", root / "processed"
    assert main(["synth", "--units", "3", "--years", "2022-2023", "--respondents", "50",
                 "--out", str(raw)]) == 0
    assert main(["run", "--all", "--data-dir", str(raw), "--processed-dir", str(out),
                 "--reports-dir", str(root / "reports"), "--no-pdf"]) == 0
    return out


@pytest.fixture(scope="module")
def result(processed):
    return analyse(load_kabupaten(2023, processed))


def published(processed, unit: str, year: int) -> pd.Series:
    ind = pd.read_csv(processed / unit / str(year) / "indicators.csv")
    return ind.set_index("indikator")["realisasi"]


def test_every_synthetic_unit_is_loaded(processed, result):
    assert result.units == UNITS and result.dikecualikan.empty
    first = load_kabupaten(2022, processed)
    assert not first.units
    assert first.dikecualikan["alasan"].str.startswith("tidak ada data olahan tahun 2021").all()


def test_kabupaten_figures_agree_with_each_units_published_indicators(processed, result):
    r = result.ringkasan.set_index("unit")
    staff = result.pegawai.set_index("unit")
    for unit in UNITS:
        now, before = published(processed, unit, 2023), published(processed, unit, 2022)
        assert r.loc[unit, "sakip"] == pytest.approx(now["sakip"], abs=1e-9)
        assert r.loc[unit, "sakip_tahun_lalu"] == pytest.approx(before["sakip"], abs=1e-9)
        assert r.loc[unit, "ikm"] == pytest.approx(now["ikm"], abs=1e-9)
        assert r.loc[unit, "realisasi_anggaran_pct"] == pytest.approx(now["realisasi_anggaran_pct"],
                                                                     abs=1e-9)
        assert staff.loc[unit, "ip_asn"] == pytest.approx(now["ip_asn"], abs=1e-9)
        assert r.loc[unit, "responden"] == 50
    assert (r["perubahan_sakip"] == r["sakip"] - r["sakip_tahun_lalu"]).all()
    assert result.ikm.responden == 150 and result.ikm.jumlah_unit == 3
    assert result.anggaran_total.pagu == pytest.approx(result.anggaran["pagu"].sum())


def test_audit_counts_match_each_units_audit_csv(processed, result):
    o = result.audit.set_index("unit")
    for unit in UNITS:
        audit = pd.read_csv(processed / unit / "2023" / "audit.csv")
        assert o.loc[unit, "diperiksa"] == len(audit)
        assert o.loc[unit, "selisih"] == int((audit["status"] == "selisih").sum())


def test_outputs_are_deterministic(result, tmp_path):
    a = write_ringkasan(result.ringkasan, tmp_path / "a.csv").read_bytes()
    b = write_ringkasan(result.ringkasan, tmp_path / "b.csv").read_bytes()
    assert a == b and a.decode().splitlines()[1].startswith("synth01,")
    for fig in (sakip_change_chart(result.sakip), component_heatmap(result.sakip),
                factor_scatters(result.faktor)):
        buf = io.StringIO()
        with lkjip_style():
            fig.savefig(buf, format="svg", metadata={"Date": None})
        assert "synth01" in buf.getvalue()
