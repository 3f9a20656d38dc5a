"""``lkjip run --final`` refuses (exit 2) a unit-year whose LKjIP would lack a section the published LKjIP
prints, listing each missing input, instead of silently dropping the section (issue 24, item 8)."""

from __future__ import annotations

import shutil

import pytest

from lkjip import document as rp
from lkjip.cli import main
from lkjip.document.completeness import check_final, missing_sections
from lkjip.errors import DataErrors
from lkjip.inputs.year import load_inputs

#: What the bundled 2021 and 2022 lack of what the published LKjIP prints (no v2 file for these years).
MISSING_2021 = ["Bab I C Sarana dan Prasarana Kantor", "Bab I D Jumlah Penduduk",
                "Bab III C Tindak Lanjut Hasil Evaluasi", "Lampiran Perjanjian Kinerja",
                "Lampiran Berita Acara Pengukuran Kinerja", "Lampiran Hasil Pengukuran Kinerja Pejabat"]


def test_the_bundled_2023_is_complete_although_staff_by_rank_is_absent(raw_dir, gedeg_report):
    assert missing_sections(load_inputs(raw_dir, "gedeg", 2023)) == []
    check_final(raw_dir, "gedeg", 2023)  # no error
    # a section the published LKjIP does not print is no reason to refuse
    assert rp.is_absent(rp.pegawai_golongan(gedeg_report)) and rp.is_absent(rp.pegawai_pendidikan(gedeg_report))


@pytest.mark.parametrize("year", [2021, 2022])
def test_2021_and_2022_lack_these_sections(raw_dir, year):
    missing = missing_sections(load_inputs(raw_dir, "gedeg", year))
    assert [judul for judul, _ in missing] == MISSING_2021  # no PK Perubahan: no PK Perubahan targets then
    berkas = {judul: a.berkas for judul, a in missing}
    assert berkas["Bab I C Sarana dan Prasarana Kantor"] == f"data/raw/gedeg/{year}/sarana.csv"
    assert berkas["Lampiran Berita Acara Pengukuran Kinerja"] == f"data/raw/gedeg/{year}/dokumen.csv"


def test_a_signed_pk_perubahan_must_be_reproduced(raw_dir, tmp_path):
    unit = tmp_path / "gedeg"
    shutil.copytree(raw_dir / "gedeg", unit)
    pk = unit / "2023" / "perjanjian_kinerja.csv"
    lines = pk.read_text(encoding="utf-8").splitlines(keepends=True)
    pk.write_text("".join([lines[0], *[x for x in lines[1:] if not x.startswith("pk_perubahan,")]]), encoding="utf-8")
    missing = missing_sections(load_inputs(tmp_path, "gedeg", 2023))
    assert [judul for judul, _ in missing] == ["Lampiran Perjanjian Kinerja Perubahan"]


def test_check_final_lists_every_missing_input(raw_dir):
    with pytest.raises(DataErrors) as caught:
        check_final(raw_dir, "gedeg", 2021)
    assert caught.value.exit_code == 2 and len(caught.value.errors) == len(MISSING_2021)
    text = str(caught.value)
    for name in ("sarana", "penduduk", "tindak_lanjut_evaluasi", "perjanjian_kinerja", "dokumen"):
        assert f"data/raw/gedeg/2021/{name}.csv" in text, name
    assert "bagian 'Lampiran Berita Acara Pengukuran Kinerja' dicetak LKjIP tetapi datanya tidak ada" in text
    assert "'berita_acara'" in text


def test_the_run_command_refuses_final_before_running(raw_dir, tmp_path, capsys):
    args = ["run", "--unit", "gedeg", "--year", "2021", "--final", "--data-dir", str(raw_dir),
            "--reports-dir", str(tmp_path / "reports"), "--processed-dir", str(tmp_path / "processed")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "gedeg 2021: GAGAL" in err and "data/raw/gedeg/2021/sarana.csv" in err
    assert "Bab I D Jumlah Penduduk" in err and "Lampiran Hasil Pengukuran Kinerja Pejabat" in err
    assert not (tmp_path / "reports" / "gedeg").exists()
