"""End to end: ``lkjip synth`` (six units, two years), ``lkjip run --all`` and ``lkjip kabupaten``.

One run is shared by every test of the session. To keep it affordable the
pipeline runs only the notebooks whose outputs the kabupaten view reads
(01 ingest, 03 indicators, 04 audit; ``LKJIP_NOTEBOOKS`` points the pipeline
at a folder holding those, 07 and a do-nothing stand-in for every other step,
since a missing notebook is refused), with 30 respondents and no PDF from
``lkjip run``. The kabupaten figures must agree with what each unit's own run
published, and the synthetic story (a stricter evaluation of evaluasi
internal everywhere, two units losing their planning officer) must show.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lkjip.charts import lkjip_style
from lkjip.cli import main
from lkjip.kabupaten import RINGKASAN_COLUMNS, analyse, load_kabupaten, write_ringkasan
from lkjip.kabupaten.charts import component_heatmap, factor_scatters, sakip_change_chart

from helpers.chain import stand_in_notebooks

ROOT = Path(__file__).resolve().parents[2]
UNITS = [f"synth{i:02d}" for i in range(1, 7)]
CHAIN = ("01_ingest", "03_indikator", "04_audit", "07_kabupaten")


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def kab_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("kabupaten_synth")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    for name in CHAIN:
        shutil.copy(ROOT / "notebooks" / f"{name}.ipynb", notebooks / f"{name}.ipynb")
    stand_in_notebooks(notebooks)
    paths = {"raw": root / "raw", "processed": root / "processed", "reports": root / "reports"}
    # only while these commands run: the other modules' pipelines run the whole chain
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LKJIP_NOTEBOOKS", str(notebooks))
        assert main(["synth", "--units", "6", "--years", "2022-2023", "--respondents", "30",
                     "--out", str(paths["raw"])]) == 0
        assert main(["run", "--all", "--jobs", "2", "--no-pdf", "--data-dir", str(paths["raw"]),
                     "--processed-dir", str(paths["processed"]), "--reports-dir", str(paths["reports"])]) == 0
        assert main(["kabupaten", "--year", "2023", "--data-dir", str(paths["raw"]),
                     "--processed-dir", str(paths["processed"]), "--reports-dir", str(paths["reports"])]) == 0
    return paths


@pytest.fixture(scope="session")
def processed(kab_run):
    return kab_run["processed"]


@pytest.fixture(scope="session")
def result(processed):
    return analyse(load_kabupaten(2023, processed))


def published(processed, unit: str, year: int) -> pd.Series:
    ind = pd.read_csv(processed / unit / str(year) / "indicators.csv")
    return ind.set_index("indikator")["realisasi"]


def test_ringkasan_csv_has_a_row_per_unit_and_the_change_is_the_difference(processed):
    csv = pd.read_csv(processed / "_kabupaten" / "2023" / "ringkasan.csv")
    assert tuple(csv.columns) == RINGKASAN_COLUMNS
    assert csv["unit"].tolist() == UNITS
    assert (csv["perubahan_sakip"] - (csv["sakip"] - csv["sakip_tahun_lalu"])).abs().max() < 1e-9
    assert (csv["responden"] == 30).all()


def test_the_report_is_published_with_its_parts(kab_run):
    folder = kab_run["reports"] / "_kabupaten" / "2023"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["kabupaten_2023.html", "kabupaten_2023.pdf", "kabupaten_2023_lengkap.html", "notebooks",
                     "run.json"]
    from lkjip.contract.pages import text_of

    text = text_of((folder / "kabupaten_2023.html").read_text(encoding="utf-8"))
    for needle in ("Kinerja Perangkat Daerah Kabupaten Sintetis Tahun 2023", "Kecamatan Sintetis 01",
                   "Komponen yang Mendorong Penurunan", "IKM gabungan", "bukan sebab-akibat",
                   "Angka Terbitan yang Berbeda"):
        assert needle in text, needle
    assert "load_kabupaten(" not in text
    assert "load_kabupaten(" in text_of((folder / "kabupaten_2023_lengkap.html").read_text(encoding="utf-8"))
    assert not list(folder.parent.glob(".*staging*"))
    # the PDF as laid out for print: no word past the margin, no near-empty page, nothing alone at a foot
    import json

    from pypdf import PdfReader

    layout = json.loads((folder / "run.json").read_text(encoding="utf-8"))["tata_letak_pdf"]["kabupaten_2023.pdf"]
    chapters = layout.pop("bab")  # each chapter's decisions, for the next print (lkjip.render.layout_memory)
    assert layout.pop("bab_diingat") == 0  # the first print of this view: nothing to remember
    assert layout == {"halaman": len(PdfReader(folder / "kabupaten_2023.pdf").pages), "melewati_tepi": [],
                      "hampir_kosong": [], "judul_di_kaki": []}
    assert sum(len(c["halaman"]) for c in chapters) == layout["halaman"]


def test_the_next_view_keeps_the_page_decisions_of_its_unchanged_chapters(kab_run, tmp_path, monkeypatch):
    """As in `lkjip run`: the view printed again takes each unchanged chapter's decisions from the published
    run.json (lkjip.render.layout_memory) and lays the document out once; the PDF reads the same."""
    import json

    from pypdf import PdfReader

    from lkjip.render import printcheck

    paths = {name: tmp_path / name for name in kab_run}  # its own copy: the session's run is read by others
    for name, folder in kab_run.items():
        shutil.copytree(folder, paths[name], symlinks=True)
    folder = paths["reports"] / "_kabupaten" / "2023"
    chapters = json.loads((folder / "run.json").read_text(encoding="utf-8"))["tata_letak_pdf"]["kabupaten_2023.pdf"]["bab"]
    before = [page.extract_text() for page in PdfReader(folder / "kabupaten_2023.pdf").pages]
    seen, balance = [], printcheck.balance

    def spied(*args, **kwargs):
        done = balance(*args, **kwargs)
        seen.append((kwargs.get("memory"), done.remembered, done.layouts))
        return done

    monkeypatch.setattr(printcheck, "balance", spied)
    assert main(["kabupaten", "--year", "2023", "--data-dir", str(paths["raw"]),
                 "--processed-dir", str(paths["processed"]), "--reports-dir", str(paths["reports"])]) == 0
    [(memory, remembered, layouts)] = seen
    assert (memory, remembered, layouts) == (chapters, len(chapters), 1)  # the same data: every chapter known
    again = json.loads((folder / "run.json").read_text(encoding="utf-8"))["tata_letak_pdf"]["kabupaten_2023.pdf"]
    assert (again["bab"], again["bab_diingat"]) == (chapters, len(chapters))
    assert [page.extract_text() for page in PdfReader(folder / "kabupaten_2023.pdf").pages] == before


def test_the_executed_notebook_is_a_clean_document(kab_run):
    import nbformat

    book = nbformat.read(kab_run["reports"] / "_kabupaten" / "2023" / "notebooks" / "07_kabupaten.ipynb", 4)
    for cell in book.cells:
        for output in cell.get("outputs", []):
            assert output.output_type not in ("stream", "error"), (cell.id, output)
            data = output.get("data", {})
            assert any(k in data for k in ("text/html", "text/markdown", "image/svg+xml")), (cell.id, data)
    first = next(o for c in book.cells for o in c.get("outputs", []))
    assert "Dijalankan manual" not in str(first)  # run by `lkjip kabupaten`, not by hand


def test_kabupaten_figures_agree_with_each_units_published_indicators(processed, result):
    r = result.ringkasan.set_index("unit")
    staff = result.pegawai.set_index("unit")
    for unit in UNITS:
        now, before = published(processed, unit, 2023), published(processed, unit, 2022)
        assert r.loc[unit, "sakip"] == pytest.approx(now["sakip"], abs=1e-9)
        assert r.loc[unit, "sakip_tahun_lalu"] == pytest.approx(before["sakip"], abs=1e-9)
        assert r.loc[unit, "ikm"] == pytest.approx(now["ikm"], abs=1e-9)
        assert r.loc[unit, "realisasi_anggaran_pct"] == pytest.approx(now["realisasi_anggaran_pct"], abs=1e-9)
        assert staff.loc[unit, "ip_asn"] == pytest.approx(now["ip_asn"], abs=1e-9)
    assert result.ikm.responden == 180 and result.ikm.jumlah_unit == 6
    assert result.anggaran_total.pagu == pytest.approx(result.anggaran["pagu"].sum())
    assert not load_kabupaten(2022, processed).units


def test_the_synthetic_story_shows_in_the_view(result):
    sakip = result.sakip.set_index("unit")
    # a stricter evaluation of evaluasi internal everywhere: the component falls in every unit ...
    assert (sakip["perubahan_evaluasi_internal"] < 0).all()
    drivers = result.pendorong.set_index("komponen")
    fell = int(sakip["turun"].sum())
    assert 2 <= fell <= 5  # some units drop, some improve
    assert drivers.loc["evaluasi_internal", "unit_turun"] == fell
    # ... and the units that lost their planning officer (1 and 4) left a vacancy and fell in perencanaan
    staff = result.pegawai.set_index("unit")
    assert staff.loc[["synth01", "synth04"], "bulan_jabatan_kosong"].tolist() == [3, 3]
    assert (staff.drop(index=["synth01", "synth04"])["bulan_jabatan_kosong"] == 0).all()
    assert (sakip.loc[["synth01", "synth04"], "perubahan_perencanaan"] < 0).all()
    assert sakip.loc[["synth03", "synth06"], "perubahan_sakip"].gt(0).all()


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


def test_a_failed_view_keeps_the_published_one(kab_run, tmp_path):
    # it breaks a unit's published file: on its own copy of the session's run, which others read
    paths = {name: tmp_path / name for name in kab_run}
    for name, folder in kab_run.items():
        shutil.copytree(folder, paths[name], symlinks=True)
    published_report = paths["reports"] / "_kabupaten" / "2023"
    published_csv = paths["processed"] / "_kabupaten" / "2023"
    before = tree_digest(published_report), tree_digest(published_csv)
    broken = paths["processed"] / "synth02" / "2023" / "indicators.csv"
    original = broken.read_bytes()
    # a broken file its run.json vouches for (a hand edit alone is refused before the notebook runs:
    # tests/test_hostile_kabupaten.py), so that the notebook itself fails
    record_path = paths["reports"] / "synth02" / "2023" / "run.json"
    record = record_path.read_bytes()
    broken.write_text("indikator\nsakip\n", encoding="utf-8")
    import json

    patched = json.loads(record)
    patched["published"]["processed/indicators.csv"] = hashlib.sha256(broken.read_bytes()).hexdigest()
    record_path.write_text(json.dumps(patched), encoding="utf-8")
    try:
        code = main(["kabupaten", "--year", "2023", "--no-pdf", "--data-dir", str(paths["raw"]),
                     "--processed-dir", str(paths["processed"]), "--reports-dir", str(paths["reports"])])
    finally:
        broken.write_bytes(original)
        record_path.write_bytes(record)
    assert code == 2
    assert (tree_digest(published_report), tree_digest(published_csv)) == before
    assert (paths["reports"] / "_kabupaten" / "_gagal" / "2023" / "notebooks" / "07_kabupaten.ipynb").exists()
    assert main(["kabupaten", "--year", "2021", "--processed-dir", str(paths["processed"]),
                 "--reports-dir", str(paths["reports"])]) == 64
