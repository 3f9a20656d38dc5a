"""reports/<unit>/<year>/index.html lists every output, in reading order, with who it is for."""

import re

from lkjip.run.report_index import index_items, write_index


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
