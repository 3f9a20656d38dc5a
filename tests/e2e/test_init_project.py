"""`lkjip init FOLDER [--contoh]`: a new project folder from the files the package carries (issue 27)."""

from __future__ import annotations

from pathlib import Path

from lkjip.cli import main
from lkjip.contract.schema import DATASETS

ROOT = Path(__file__).resolve().parents[2]


def test_init_makes_a_project_with_guide_templates_notebooks_and_suites(tmp_path, capsys):
    folder = tmp_path / "proyek"
    assert main(["init", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(folder.resolve())
    assert "lanjutkan dengan" in err and "(lihat README.md)" in err
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "README.md", "data", "expectations", "gx",
                                                         "notebooks", "reports"]
    # the Great Expectations project over the copied suites: one checkpoint per suite
    assert sorted(p.stem for p in (folder / "gx" / "checkpoints").glob("*.json")) == sorted(
        p.stem for p in (folder / "expectations").glob("*.json"))
    assert (folder / "gx" / "great_expectations.yml").is_file()
    assert sorted(p.name for p in (folder / "data").iterdir()) == ["processed", "raw"]
    assert sorted(p.name for p in (folder / "data" / "raw").iterdir()) == ["PETUNJUK.md", "_templat"]
    assert (folder / "data" / "raw" / "PETUNJUK.md").read_bytes() == (ROOT / "templates" / "PETUNJUK.md").read_bytes()
    assert sorted(p.stem for p in (folder / "data" / "raw" / "_templat").glob("*.xlsx")) == sorted(DATASETS)
    for name in ("notebooks", "expectations"):  # copies to customise, byte for byte
        copied = sorted(p.name for p in (folder / name).iterdir())
        assert copied == sorted(p.name for p in (ROOT / name).iterdir() if p.is_file() and p.suffix in
                                (".ipynb", ".py", ".toml", ".json"))
        assert all((folder / name / n).read_bytes() == (ROOT / name / n).read_bytes() for n in copied)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "`lkjip run --unit <kode_unit> --year <tahun>`" in readme and f"--project {folder.resolve()}" in readme
    assert not (folder / "data" / "raw" / "gedeg").exists()  # the example only with --contoh
    assert oct((folder / "README.md").stat().st_mode & 0o777) == "0o644"


def test_init_contoh_copies_the_example_unit_and_a_non_empty_folder_is_refused(tmp_path, capsys):
    folder = tmp_path / "proyek"
    assert main(["init", str(folder), "--contoh"]) == 0
    unit = folder / "data" / "raw" / "gedeg"
    assert sorted(p.name for p in (unit / "2023").iterdir()) == sorted(p.name for p in (ROOT / "data" / "raw" / "gedeg" / "2023").iterdir())
    assert (unit / "unit.yaml").read_bytes() == (ROOT / "data" / "raw" / "gedeg" / "unit.yaml").read_bytes()
    capsys.readouterr()
    before = sorted(str(p) for p in folder.rglob("*"))
    assert main(["init", str(folder)]) == 64
    assert "sudah ada dan tidak kosong; `lkjip init` tidak menimpa apa pun" in capsys.readouterr().err
    assert sorted(str(p) for p in folder.rglob("*")) == before
    from lkjip.inputs.new_project import init_project

    (tmp_path / "kosong").mkdir()  # an empty folder is fine (the files alone, without the GX project the CLI adds)
    assert [p.name for p in init_project(tmp_path / "kosong")] == [".gitignore", "README.md", "data", "expectations",
                                                                  "notebooks", "reports"]
