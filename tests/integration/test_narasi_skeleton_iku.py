"""`lkjip narasi` for a unit with its own IKU: the per-IKU sections are those of its declared IKU."""

import shutil

from lkjip.document.narasi_skeleton import write_skeleton
from lkjip.inputs.narasi import parse_narasi


def test_the_skeleton_of_a_dinas_has_a_section_per_declared_iku(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "dinkes_contoh", tmp_path / "dinkes_contoh")
    path = write_skeleton(tmp_path, "dinkes_contoh", 2023, tmp_path / "narasi.md", drafts=False)
    text = path.read_text(encoding="utf-8")
    keys = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    own = [k for k in keys if k.startswith(("faktor_keberhasilan.", "hambatan."))]
    codes = ["indeks_kinerja_layanan", "ikm_puskesmas", "angka_kematian_ibu", "angka_kematian_bayi",
             "balita_stunting_pct", "realisasi_anggaran_pct"]
    assert own == [f"faktor_keberhasilan.{c}" for c in codes] + [f"hambatan.{c}" for c in codes]
    assert "faktor_keberhasilan.ikm" not in keys and "hambatan.jumlah_inovasi" not in keys
    assert "hambatan indikator Angka Kematian Ibu dan upaya mengatasinya" in text
    parse_narasi(text, "narasi.md")  # reads back


def test_the_skeleton_of_a_kecamatan_keeps_the_seven(tmp_path, raw_dir):
    shutil.copytree(raw_dir / "gedeg", tmp_path / "gedeg")
    text = write_skeleton(tmp_path, "gedeg", 2023, tmp_path / "narasi.md", drafts=False).read_text(encoding="utf-8")
    assert "## faktor_keberhasilan.ikm" in text and "## hambatan.jumlah_inovasi" in text
