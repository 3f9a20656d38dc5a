"""Issue 27, "install anywhere": a wheel installed in a fresh venv runs a unit-year from an `lkjip init` folder.

The wheel is built (``pip wheel --no-deps``) from a copy of the repository's files the build reads, so the
repository gets no ``build/`` folder. Speed trick: the fresh venv is made without pip and without the
system site-packages; the wheel is installed into it offline with ``--no-deps``, and its dependencies are
the test interpreter's own (a ``.pth`` line naming this venv's site-packages: a plain path line, so the
editable install's own ``.pth`` of the repository's ``src/`` is *not* processed and ``import lkjip``
finds the installed wheel). The Jupyter kernel is the fresh venv's interpreter (the native ``python3``
kernel; ``JUPYTER_PATH``/``JUPYTER_DATA_DIR`` point into tmp so no other kernel spec is found). The
dependencies' data files (nbconvert's templates) are in this venv's ``share/jupyter``, not the fresh
one's: the tmp Jupyter path links ``nbconvert`` there, and nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: What the build reads (pyproject.toml, setup.py and MANIFEST.in name the rest).
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "src", "notebooks",
                "expectations", "templates/PETUNJUK.md", "data/raw/gedeg")


def _copy_sources(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
    for name in BUILD_INPUTS:
        source, out = ROOT / name, target / name
        out.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, out, ignore=ignore)
        elif source.exists():
            shutil.copyfile(source, out)
    return target


def _env(tmp: Path) -> dict:
    jupyter = tmp / "jupyter"
    if not jupyter.exists():
        jupyter.mkdir()
        (jupyter / "nbconvert").symlink_to(Path(sys.prefix) / "share" / "jupyter" / "nbconvert")
    env = {k: v for k, v in os.environ.items()
           if k not in ("LKJIP_ROOT", "LKJIP_NOTEBOOKS", "LKJIP_EXPECTATIONS_DIR", "PYTHONPATH", "VIRTUAL_ENV",
                        "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST")}
    env.update(JUPYTER_PATH=str(tmp / "jupyter"), JUPYTER_DATA_DIR=str(tmp / "jupyter"), GX_ANALYTICS_ENABLED="false",
               MPLBACKEND="Agg")
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """``{"bin": the fresh venv's bin/, "site": its site-packages, "tmp": a scratch folder}``."""
    tmp = tmp_path_factory.mktemp("install")
    src = _copy_sources(tmp / "sumber")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                    "-w", str(dist), str(src)], check=True, cwd=tmp, env=_env(tmp))
    wheel = next(dist.glob("lkjip-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lkjip/_proyek/notebooks/05_lkjip.ipynb" in names and "lkjip/_proyek/expectations/ikm_survei.json" in names
    assert "lkjip/_proyek/contoh/gedeg/unit.yaml" in names and "lkjip/_proyek/panduan/PETUNJUK.md" in names
    base = getattr(sys, "_base_executable", sys.executable)
    venv = tmp / "venv"
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True, env=_env(tmp))
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", "--disable-pip-version-check", str(wheel)], check=True, env=_env(tmp))
    (site / "_lkjip_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import lkjip; print(lkjip.__file__)"], check=True,
                           capture_output=True, text=True, env=_env(tmp), cwd=tmp).stdout.strip()
    assert Path(where).is_relative_to(site), where  # the wheel, not the repository's src/
    return {"bin": venv / "bin", "site": site, "tmp": tmp}


def _lkjip(installed, cwd: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed["bin"] / "lkjip"), *args], cwd=cwd, capture_output=True, text=True,
                          env=_env(installed["tmp"]), timeout=timeout)


def test_a_wheel_in_a_fresh_venv_runs_a_unit_year_from_an_init_folder(installed):
    work = installed["tmp"] / "kerja"
    work.mkdir()
    made = _lkjip(installed, work, "init", "../proyek", "--contoh")
    project = (installed["tmp"] / "proyek").resolve()
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(project)
    assert "lkjip run --unit gedeg --year 2023" in made.stderr
    for path in ("README.md", "data/raw/PETUNJUK.md", "data/raw/_templat/ikm_survei.xlsx", "data/raw/gedeg/unit.yaml",
                 "data/raw/gedeg/2023/ikm_survei.csv", "notebooks/05_lkjip.ipynb", "expectations/ikm_survei.json"):
        assert (project / path).is_file(), path
    assert (project / "data" / "processed").is_dir() and (project / "reports").is_dir()

    run = _lkjip(installed, project, "run", "--unit", "gedeg", "--year", "2023", "--no-pdf")
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"lkjip run: proyek {project}" in run.stderr
    report = project / "reports" / "gedeg" / "2023"
    assert run.stdout.strip().splitlines()[-1] == str(report)
    for name in ("lkjip_gedeg_2023.html", "audit_gedeg_2023.html", "index.html", "validation/validasi.html",
                 "validation/data_docs/index.html"):
        assert (report / name).is_file(), name
    assert (project / "data" / "processed" / "gedeg" / "2023" / "gx" / "ikm_survei.parquet").is_file()
    assert (project / "gx" / "great_expectations.yml").is_file()
    assert (project / "gx" / "checkpoints" / "ikm_survei.json").is_file()


def test_an_incomplete_install_is_exit_1_naming_what_is_missing(installed, tmp_path):
    """The issue's case: notebooks missing from the install gave exit 73 "periksa izin tulis", suites exit 2."""
    project = tmp_path / "tanpa_salinan"
    shutil.copytree(ROOT / "data" / "raw" / "gedeg", project / "data" / "raw" / "gedeg")
    bundle = installed["site"] / "lkjip" / "_proyek"
    hidden = installed["tmp"] / "_proyek_disimpan"
    bundle.rename(hidden)
    try:
        run = _lkjip(installed, project, "run", "--unit", "gedeg", "--year", "2023", "--no-pdf", timeout=300)
        made = _lkjip(installed, tmp_path, "init", "baru", timeout=300)
    finally:
        hidden.rename(bundle)
    assert run.returncode == 1, run.stderr
    assert "instalasi lkjip tidak lengkap" in run.stderr and "notebooks" in run.stderr
    assert "izin tulis" not in run.stderr and "Traceback" not in run.stderr
    assert not (project / "reports" / "gedeg").exists()
    assert made.returncode == 1 and "instalasi lkjip tidak lengkap" in made.stderr
    assert not (tmp_path / "baru").exists() or not any((tmp_path / "baru").iterdir())
