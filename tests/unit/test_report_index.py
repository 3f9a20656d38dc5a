"""reports/<unit>/<year>/index.html lists every output, in reading order, with who it is for;
reports/index.html links every published unit-year, by unit (its name from unit.yaml) then year."""

import re

from lkjip.run.report_index import INDEX, index_items, published_years, write_index, write_reports_index


def test_the_index_lists_every_output_in_reading_order(tmp_path):
    for name in ("audit_gedeg_2023.html", "audit_gedeg_2023.pdf", "audit_gedeg_2023_lengkap.html",
                 "lkjip_gedeg_2023.html", "lkjip_gedeg_2023.pdf", "lkjip_gedeg_2023_lengkap.html",
                 "validasi_gedeg_2023.html", "run.json"):
        (tmp_path / name).write_text("x")
    (tmp_path / "validation").mkdir()
    (tmp_path / "validation" / "validasi.html").write_text("x")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "05_lkjip.ipynb").write_text("{}")
    names = [item.name for item in index_items(tmp_path)]
    assert names == ["lkjip_gedeg_2023.pdf", "lkjip_gedeg_2023.html", "lkjip_gedeg_2023_lengkap.html",
                     "audit_gedeg_2023.pdf", "audit_gedeg_2023.html", "audit_gedeg_2023_lengkap.html",
                     "validasi_gedeg_2023.html", "validation/validasi.html", "notebooks/05_lkjip.ipynb"]
    what = {item.name: item.what for item in index_items(tmp_path)}
    assert what["audit_gedeg_2023.pdf"].startswith("Audit angka yang dipublikasikan, PDF untuk dicetak: Inspektorat")
    assert "HTML dengan kode (auditor)" in what["lkjip_gedeg_2023_lengkap.html"]


def test_the_index_escapes_the_units_name_and_links_only_what_is_there(tmp_path):
    (tmp_path / "lkjip_x_2023.pdf").write_text("x")
    page = write_index(tmp_path, "Kecamatan <script>alert(1)</script>", 2023).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert re.findall(r'href="([^"]+)"', page) == ["lkjip_x_2023.pdf"]
    assert "http" not in page  # offline: no stylesheet or script from elsewhere


def _published(reports, unit, year):
    folder = reports / unit / str(year)
    folder.mkdir(parents=True)
    (folder / INDEX).write_text("<html></html>")


def test_the_reports_index_lists_published_years_by_unit_with_names(tmp_path):
    reports, raw = tmp_path / "reports", tmp_path / "raw"
    for unit, year in (("gedeg", 2022), ("gedeg", 2021), ("dinkes", 2023)):
        _published(reports, unit, year)
    (reports / "gedeg" / "_gagal" / "2023").mkdir(parents=True)  # a failure is not a published year
    (reports / "gedeg" / "2024").mkdir()  # no index: not published
    (reports / "_kabupaten" / "2023").mkdir(parents=True)
    (raw / "gedeg").mkdir(parents=True)
    (raw / "gedeg" / "unit.yaml").write_text(
        "kode: gedeg\nnama: Kecamatan <Gedeg>\nkabupaten: Mojokerto\npimpinan: {nama: X, jabatan: Camat}\n")
    years = published_years(reports, raw)
    assert [(y.unit, y.name, y.year) for y in years] == [("dinkes", "dinkes", 2023),
                                                        ("gedeg", "Kecamatan <Gedeg>", 2021),
                                                        ("gedeg", "Kecamatan <Gedeg>", 2022)]
    page = write_reports_index(reports, raw).read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)"', page) == ["dinkes/2023/index.html", "gedeg/2021/index.html",
                                                   "gedeg/2022/index.html"]
    assert "Kecamatan &lt;Gedeg&gt;" in page and "<Gedeg>" not in page


def test_nothing_published_writes_no_index(tmp_path):
    assert write_reports_index(tmp_path / "reports", tmp_path / "raw") is None
    assert not (tmp_path / "reports" / INDEX).exists()
