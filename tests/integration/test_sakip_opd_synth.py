"""Issue 26, "done when": a synthetic kabupaten's published SAKIP of every OPD (``_kabupaten/sakip_opd.csv``,
written by ``lkjip synth``) tells the kabupaten-wide stricter evaluasi internal from a unit's own lost
planning officer, in the unit's analysis and in the kabupaten view alike (the same function, the same file).

Story (:mod:`lkjip.synth.story`, seed 1, 9 units, 2022-2023): evaluasi internal is evaluated more strictly
in every unit in 2023; units 1, 4, 7 lose their Kasubag PPK in May/June and score lower on perencanaan.
"""

from __future__ import annotations

import pytest

from lkjip import sakip_change as sc
from lkjip.inputs import ingest
from lkjip.inputs.sakip_opd import read_sakip_opd, sakip_opd_path
from lkjip.kabupaten.sakip import sakip_table
from lkjip.kabupaten.sakip_context import conclusions_text, sakip_conclusions
from lkjip.sakip_change.peer import KABUPATEN, LOKAL
from lkjip.synth.units import make_units


@pytest.fixture(scope="module")
def kab(tmp_path_factory):
    out = tmp_path_factory.mktemp("kab")
    make_units(out, units=9, years=[2022, 2023], respondents=0, seed=1)
    return out


def test_synth_writes_every_opd_with_ranks(kab):
    assert sakip_opd_path(kab).is_file()
    f = read_sakip_opd(kab)
    assert len(f) == 18 and set(f["tahun"]) == {2022, 2023}
    y23 = f[f["tahun"] == 2023].sort_values("peringkat")
    assert list(y23["peringkat"]) == list(range(1, 10)) and set(y23["jumlah_opd"]) == {9}
    assert list(y23["nilai"]) == sorted(y23["nilai"], reverse=True)
    # evaluasi internal fell in every unit (the kabupaten-wide reform)
    ei = f.pivot(index="opd", columns="tahun", values="evaluasi_internal")
    assert ((ei[2023] - ei[2022]) < 0).all()


def _read(kab, code: str, year: int, names=("sakip_evaluasi", "pegawai")) -> dict:
    return {n: ingest.read_dataset(kab / code / str(year) / f"{n}.csv", n) for n in names}


def _unit(kab, code: str, name: str):
    frames = {y: _read(kab, code, y) for y in (2022, 2023)}
    return sc.analyse(frames, None, year=2023, unit_name=name, unit_code=code, sakip_opd=read_sakip_opd(kab))


def test_unit_analysis_kabupaten_wide_vs_local(kab):
    drift = _unit(kab, "synth05", "Kecamatan Sintetis 05")
    assert drift.konteks.kesimpulan == KABUPATEN and drift.konteks.komponen == "evaluasi_internal"
    assert (drift.konteks.jumlah_lain, drift.konteks.jumlah_turun_lain) == (8, 8)
    assert "turun pada 8 dari 8 OPD lain" in sc.konteks_md(drift)
    planner = _unit(kab, "synth01", "Kecamatan Sintetis 01")
    assert planner.konteks.kesimpulan == LOKAL and planner.konteks.komponen == "perencanaan"
    assert (planner.konteks.jumlah_lain, planner.konteks.jumlah_turun_lain) == (8, 2)
    text = sc.konteks_md(planner)
    assert "turun dari peringkat 1 dari 9 OPD (2022) ke peringkat 5 dari 9 OPD (2023)" in text
    assert "khas unit ini" in text


def test_kabupaten_view_concludes_the_same(kab):
    cur = {f"synth{i:02d}": _read(kab, f"synth{i:02d}", 2023, ("sakip_evaluasi",))["sakip_evaluasi"]
           for i in range(1, 10)}
    prev = {f"synth{i:02d}": _read(kab, f"synth{i:02d}", 2022, ("sakip_evaluasi",))["sakip_evaluasi"]
            for i in range(1, 10)}
    table = sakip_table(cur, prev, 2023)
    names = {f"synth{i:02d}": f"Kecamatan Sintetis {i:02d}" for i in range(1, 10)}
    c = sakip_conclusions(table, read_sakip_opd(kab), 2023, names).set_index("unit")
    assert set(c.index) == {"synth01", "synth04", "synth05", "synth07"}  # the units that fell
    assert c.loc["synth01", "kesimpulan"] == LOKAL and c.loc["synth07", "kesimpulan"] == LOKAL
    assert c.loc["synth05", "kesimpulan"] == KABUPATEN and c.loc["synth04", "kesimpulan"] == KABUPATEN
    assert c.loc["synth01", "komponen"] == "perencanaan"
    assert conclusions_text(c.reset_index()) == (
        "Dari 4 unit yang nilai SAKIP-nya turun, penurunan 2 unit terjadi bersama sebagian besar OPD lain "
        "(perubahan penilaian tingkat kabupaten) dan 2 unit khas unit itu sendiri (sebab di unit sendiri).")
    # without the kabupaten's file the units of the view are compared on their totals
    alone = sakip_conclusions(table, None, 2023, names).set_index("unit")
    assert set(alone["komponen"]) == {"perencanaan", "evaluasi_internal"}


def test_kabupaten_reader_table_renders(kab):
    from lkjip.kabupaten.sakip_context import tabel_kesimpulan
    from lkjip.render import notebook as nb

    cur = {f"synth{i:02d}": _read(kab, f"synth{i:02d}", 2023, ("sakip_evaluasi",))["sakip_evaluasi"] for i in (1, 5)}
    prev = {f"synth{i:02d}": _read(kab, f"synth{i:02d}", 2022, ("sakip_evaluasi",))["sakip_evaluasi"] for i in (1, 5)}
    names = {"synth01": "Kecamatan Sintetis 01", "synth05": "Kecamatan Sintetis 05"}
    c = sakip_conclusions(sakip_table(cur, prev, 2023), read_sakip_opd(kab), 2023, names)
    html = nb.Table(tabel_kesimpulan(c, names), "Penurunan SAKIP: tingkat kabupaten atau unit sendiri")._repr_html_()
    assert "Kecamatan Sintetis 01" in html and "sebab di unit sendiri" in html
    assert "perubahan penilaian tingkat kabupaten" in html and "Perencanaan Kinerja" in html
