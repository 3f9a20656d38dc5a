"""Draft or final: the signing place and date from the data or the parameters, and the refusal without a date."""

from __future__ import annotations

import shutil

import pytest

from lkjip.render import notebook as nb
from lkjip.cli import main
from lkjip.errors import ConfigError
from lkjip.run.pipeline import fingerprint, steps_for
from lkjip.inputs.signing import resolve_signing


def test_the_bundled_2023_signs_as_the_published_lkjip(raw_dir):
    s = resolve_signing(raw_dir, "gedeg", 2023, final=True)
    assert (s.tempat, s.tanggal, s.tanggal_iso) == ("Mojokerto", "Januari 2024", None)
    assert (s.sumber_tempat, s.sumber_tanggal) == ("dokumen.csv", "dokumen.csv")
    assert s.baris == "Mojokerto, Januari 2024" and s.final
    assert s.penandatangan["nama"] == "M. TAUFIQURROHMAN, S.STP., MM" and s.penandatangan["jabatan"] == "CAMAT GEDEG"


def test_parameters_override_the_data(raw_dir):
    s = resolve_signing(raw_dir, "gedeg", 2023, final=True, tanggal="2024-01-15", tempat="Gedeg")
    assert (s.tempat, s.tanggal, s.sumber_tanggal) == ("Gedeg", "15 Januari 2024", "parameter")
    assert str(s.tanggal_iso.date()) == "2024-01-15"


@pytest.fixture
def undated(raw_dir, tmp_path):
    """The bundled unit without 2022's dokumen.csv: a year whose signing date nobody recorded."""
    shutil.copytree(raw_dir / "gedeg", tmp_path / "raw" / "gedeg")
    (tmp_path / "raw" / "gedeg" / "2022" / "dokumen.csv").unlink()
    return tmp_path / "raw"


def test_2021_and_2022_sign_from_their_dokumen_csv(raw_dir):
    for year in (2021, 2022):
        s = resolve_signing(raw_dir, "gedeg", year, final=True)
        assert (s.tempat, s.tanggal, s.sumber_tempat, s.sumber_tanggal) == (
            "Mojokerto", f"Januari {year + 1}", "dokumen.csv", "dokumen.csv")


def test_final_without_a_signing_date_is_refused(undated):
    raw_dir = undated
    draft = resolve_signing(raw_dir, "gedeg", 2022)
    assert not draft.final and draft.tanggal == "" and draft.tempat == "Mojokerto"  # kota_penetapan (unit.yaml)
    assert draft.sumber_tempat == "unit.yaml" and draft.penandatangan["jabatan"] == "Camat Gedeg"
    with pytest.raises(ConfigError, match="versi final memerlukan tanggal tanda tangan") as caught:
        resolve_signing(raw_dir, "gedeg", 2022, final=True)
    assert caught.value.exit_code == 64 and "data/raw/gedeg/2022/dokumen.csv" in str(caught.value)
    assert resolve_signing(raw_dir, "gedeg", 2022, final=True, tanggal="Januari 2023").tanggal == "Januari 2023"


def test_the_run_command_refuses_before_running(undated, tmp_path, capsys):
    raw_dir = undated
    args = ["run", "--unit", "gedeg", "--year", "2022", "--final", "--data-dir", str(raw_dir),
            "--reports-dir", str(tmp_path / "reports"), "--processed-dir", str(tmp_path / "processed")]
    assert main(args) == 64
    assert "versi final memerlukan tanggal tanda tangan" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()
    assert main([*args, "--tanggal-tanda-tangan", "31 Februari 2023"]) == 64
    assert "tanggal tanda tangan tidak dikenali" in capsys.readouterr().err


def test_final_is_part_of_the_fingerprint(raw_dir):
    steps = steps_for("gedeg", 2023, raw_dir)
    draft = fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True)
    assert fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True, params={"final": False}) == draft
    final = fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True, params={"final": True})
    assert final != draft
    dated = fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True, params={"final": True, "tanggal_tanda_tangan": "2024-01-15"})
    assert dated not in (draft, final)


def test_the_notebook_context_carries_final(raw_dir, tmp_path):
    ctx = nb.setup("gedeg", 2023, raw_dir, tmp_path / "p", tmp_path / "r", final=True, tempat="Gedeg")
    assert ctx.final and ctx.tempat == "Gedeg" and ctx.tanggal_tanda_tangan is None
    assert ctx.tanda_tangan().baris == "Gedeg, Januari 2024"
    assert not nb.setup("gedeg", 2023, raw_dir, tmp_path / "p", tmp_path / "r").final
