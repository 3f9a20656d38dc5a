"""Which project a command works on, and where the project files come from (lkjip.inputs.project)."""

from __future__ import annotations


import pytest

from lkjip.cli import main
from lkjip.errors import InstallError
from lkjip.inputs import project


@pytest.fixture
def no_checkout(monkeypatch, tmp_path):
    """As an installed package: no repository above the code, a packaged copy in tmp (empty at first)."""
    bundle = tmp_path / "paket" / "_proyek"
    monkeypatch.setattr(project, "_CHECKOUT", None)
    monkeypatch.setattr(project, "BUNDLE_DIR", bundle)
    for name in ("LKJIP_ROOT", "LKJIP_NOTEBOOKS"):  # recorded, so that what a command sets is undone
        monkeypatch.setenv(name, "x")
        monkeypatch.delenv(name)
    return bundle


def test_the_project_is_the_nearest_folder_with_data_raw_from_the_current_folder(tmp_path, monkeypatch, no_checkout):
    (tmp_path / "proyek" / "data" / "raw").mkdir(parents=True)
    deep = tmp_path / "proyek" / "reports" / "gedeg"
    deep.mkdir(parents=True)
    assert project.find_project(deep) == (tmp_path / "proyek").resolve()
    assert project.find_project(tmp_path) is None
    monkeypatch.chdir(deep)
    assert project.project_root() == (tmp_path / "proyek").resolve()
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path / "lain"))  # --project / LKJIP_ROOT wins
    assert project.project_root() == (tmp_path / "lain").resolve()


def test_a_projects_own_folder_wins_over_the_packaged_copy(tmp_path, no_checkout):
    (no_checkout / "notebooks").mkdir(parents=True)
    root = tmp_path / "proyek"
    assert project.project_files("notebooks", root) == no_checkout / "notebooks"
    (root / "notebooks").mkdir(parents=True)
    assert project.project_files("notebooks", root) == root / "notebooks"


def test_no_packaged_copy_is_an_incomplete_install_exit_1(tmp_path, no_checkout):
    with pytest.raises(InstallError) as caught:
        project.project_files("expectations", tmp_path / "proyek")
    assert caught.value.exit_code == 1
    assert str(caught.value).startswith("instalasi lkjip tidak lengkap: berkas proyek paket tidak ada (expectations; "
                                        f"dicari di {no_checkout})")
    with pytest.raises(InstallError, match=r"\(notebooks, expectations;"):
        project.check_install()


def test_run_outside_any_project_says_how_to_make_one(tmp_path, monkeypatch, capsys, no_checkout):
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--unit", "gedeg", "--year", "2023"]) == 64
    err = capsys.readouterr().err
    assert "tidak ada proyek lkjip di" in err and "`lkjip init FOLDER`" in err and "--project FOLDER" in err


def test_a_project_option_that_is_no_project_is_exit_64(tmp_path, capsys, no_checkout):
    assert main(["--project", str(tmp_path / "bukan"), "validate", "--unit", "gedeg"]) == 64
    assert "bukan folder proyek lkjip (tidak ada data/raw di dalamnya)" in capsys.readouterr().err
    assert main(["validate", "--project", str(tmp_path / "bukan"), "--unit", "gedeg"]) == 64  # after the command too


def test_run_with_a_project_but_an_incomplete_install_is_exit_1(tmp_path, monkeypatch, capsys, no_checkout):
    (tmp_path / "proyek" / "data" / "raw").mkdir(parents=True)
    assert main(["run", "--project", str(tmp_path / "proyek"), "--unit", "gedeg", "--year", "2023"]) == 1
    err = capsys.readouterr().err
    assert "instalasi lkjip tidak lengkap" in err and "(notebooks;" in err
    assert "izin tulis" not in err and "GALAT PROGRAM" not in err
    assert "LKJIP_ROOT" not in project.os.environ  # --project holds for the command (and its kernels) only


def test_the_issues_call_from_another_folder_finds_the_project_of_its_data_dir(tmp_path, monkeypatch, capsys,
                                                                               no_checkout):
    """Issue 27: `lkjip run --unit gedeg --data-dir …/data/raw` from another folder exited 73 "periksa izin
    tulis" (the notebooks were not installed). The project is the one of --data-dir; the missing notebooks
    are an incomplete install (exit 1), never a write permission."""
    (tmp_path / "proyek" / "data" / "raw").mkdir(parents=True)
    (tmp_path / "lain").mkdir()
    monkeypatch.chdir(tmp_path / "lain")
    code = main(["run", "--unit", "gedeg", "--data-dir", str(tmp_path / "proyek" / "data" / "raw")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"lkjip run: proyek {(tmp_path / 'proyek').resolve()}" in err
    assert "instalasi lkjip tidak lengkap: berkas proyek paket tidak ada (notebooks;" in err
    assert "izin tulis" not in err and "GALAT PROGRAM" not in err
