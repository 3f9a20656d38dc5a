"""Issue 27, "at home in its ecosystem": what people who use pip, conda, JupyterLab and papermill expect.

- published files are readable by colleagues: a file written atomically ends with the mode a plain
  ``open`` gives (0644 under umask 022), a staged folder with ``mkdir``'s (0755);
- a LICENSE matching ``pyproject.toml``; ``environment.yml`` pins what ``constraints.txt`` pins;
- the notebooks: one definition of the parameters cell, annotated for ``papermill --help-notebook``,
  the committed ``.ipynb`` what jupytext writes from the ``.py``; ``make lab`` rooted at the project;
- ``lkjip export NOTEBOOK.ipynb``: a hand-run notebook exported offline in the reports' style.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import yaml

from lkjip.inputs import files
from lkjip.indicators.iku import INDICATOR_COLUMNS
from lkjip.indicators.csv_output import write_indicators_csv
from lkjip.validation.report import write_validation_report
from lkjip.validation.results import ValidationResult

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


# --------------------------------------------------------------------------
# Item 4: published files a colleague can read
# --------------------------------------------------------------------------


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _publish_a_unit_year(root: Path) -> tuple[Path, Path]:
    """A unit-year staged and published the way ``pipeline.run_unit_year`` does it, with the real writers."""
    reports, processed = root / "reports", root / "data" / "processed"
    staging = reports / "gedeg" / ".2023-staging"
    stage_report, stage_processed = staging / "report", staging / "processed" / "gedeg" / "2023"
    (stage_report / "notebooks").mkdir(parents=True)
    stage_processed.mkdir(parents=True)
    # files written by plain open (papermill, nbconvert, pyarrow, WeasyPrint)
    (stage_report / "notebooks" / "05_lkjip.ipynb").write_text("{}", encoding="utf-8")
    (stage_report / "lkjip_gedeg_2023.html").write_text("<html></html>", encoding="utf-8")
    (stage_processed / "ikm_survei.parquet").write_bytes(b"PAR1")
    # files written atomically (mkstemp beside the target, then renamed)
    row = dict(zip(INDICATOR_COLUMNS, ("IKU1", "Indeks Kepuasan Masyarakat", "indeks", 80.0, 85.1, 106.4, "Sangat Tinggi")))
    write_indicators_csv(pd.DataFrame([row]), stage_processed / "indicators.csv")
    with files.atomic_write(stage_processed / "audit.csv", newline="") as fh:  # as AuditResult.write_csv
        fh.write("dataset,item\n")
    write_validation_report(ValidationResult(year=2023, findings=[]), stage_report / "validation" / "validasi.html",
                            "Kecamatan Gedeg", 2023)
    files.write_text_atomic(stage_report / "run.json", "{}\n")
    final_report, final_processed = reports / "gedeg" / "2023", processed / "gedeg" / "2023"
    files.publish([(stage_processed, final_processed), (stage_report, final_report)],
                  journal=reports / "gedeg" / ".2023.publish.json")
    return final_report, final_processed


@pytest.mark.parametrize(("mask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)],
                         ids=["umask022", "umask027"])
def test_every_published_file_has_the_mode_a_plain_open_gives(tmp_path, mask, file_mode, dir_mode):
    with umask(mask):
        final_report, final_processed = _publish_a_unit_year(tmp_path)
    published = [p for folder in (final_report, final_processed) for p in [folder, *folder.rglob("*")]]
    names = {p.relative_to(tmp_path).as_posix() for p in published if p.is_file()}
    assert {"reports/gedeg/2023/run.json", "reports/gedeg/2023/validation/validasi.html",
            "data/processed/gedeg/2023/indicators.csv", "data/processed/gedeg/2023/audit.csv"} <= names
    modes = {p.relative_to(tmp_path).as_posix(): oct(_mode(p)) for p in published}
    assert modes == {name: oct(dir_mode if (tmp_path / name).is_dir() else file_mode) for name in modes}


def test_an_atomic_write_respects_the_umask_like_open(tmp_path):
    for mask in (0o022, 0o002, 0o077):
        with umask(mask):
            files.write_text_atomic(tmp_path / f"atomic-{mask:o}.txt", "x")
            (tmp_path / f"plain-{mask:o}.txt").write_text("x")
        assert _mode(tmp_path / f"atomic-{mask:o}.txt") == _mode(tmp_path / f"plain-{mask:o}.txt") == 0o666 & ~mask
    # replacing an existing file gives the new one the same mode (not the old file's, not 0600)
    with umask(0o022):
        with files.atomic_write(tmp_path / "atomic-22.txt", "wb") as fh:
            fh.write(b"y")
    assert _mode(tmp_path / "atomic-22.txt") == 0o644 and (tmp_path / "atomic-22.txt").read_bytes() == b"y"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_kabupaten_summary_follows_the_umask_too(tmp_path):
    from lkjip.kabupaten.summary import write_ringkasan

    with umask(0o027):
        path = write_ringkasan(pd.DataFrame({"unit": ["gedeg"], "nilai": [1.5]}), tmp_path)
    assert path.name == "ringkasan.csv" and _mode(path) == 0o640  # was 0o644 whatever the umask


def test_a_staged_folder_swapped_into_place_is_0755(tmp_path):
    with umask(0o022):
        stage = files.staging_dir(tmp_path / "out")
        (stage / "a.parquet").write_bytes(b"x")
        files.swap_into_place(stage, tmp_path / "out")
    assert _mode(tmp_path / "out") == 0o755 and _mode(tmp_path / "out" / "a.parquet") == 0o644


# --------------------------------------------------------------------------
# Item 8: LICENSE, environment.yml in step with constraints.txt
# --------------------------------------------------------------------------


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _constraints(path: Path = ROOT / "constraints.txt") -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[_canonical(name)] = version.strip()
    return pins


#: What environment.yml lists that constraints.txt does not pin: the interpreter, pip, the package itself.
_NOT_PINNED = {"python", "pip", "-e"}


def _environment(path: Path = ROOT / "environment.yml") -> dict[str, str | None]:
    """Every package environment.yml lists (conda and pip), with its pinned version or None."""
    listed = {}
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["dependencies"]:
        for spec in entry["pip"] if isinstance(entry, dict) else [entry]:
            if re.split(r"[\s=<>]", spec, maxsplit=1)[0] in _NOT_PINNED:
                continue
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(?:==?\s*([^\s=<>!]+))?", spec)
            assert m, f"environment.yml: entri tidak dikenal {spec!r}"
            listed[_canonical(m.group(1))] = m.group(2)
    return listed


def env_disagreements(environment: dict[str, str | None], constraints: dict[str, str]) -> list[str]:
    return [f"{name}: environment.yml {version or '(tanpa versi)'}, constraints.txt {constraints.get(name, '(tidak ada)')}"
            for name, version in sorted(environment.items()) if constraints.get(name) != version]


def test_environment_yml_pins_exactly_what_constraints_txt_pins():
    environment = _environment()
    assert environment["nbformat"] == "5.11.1"
    assert len(environment) >= 25
    assert env_disagreements(environment, _constraints()) == []
    # the check sees a drift and an unpinned package
    assert env_disagreements({"nbformat": None, "pandas": "3.0.0", "numpy": "2.4.6"},
                             {"nbformat": "5.11.1", "pandas": "3.1.1", "numpy": "2.4.6"}) == [
        "nbformat: environment.yml (tanpa versi), constraints.txt 5.11.1",
        "pandas: environment.yml 3.0.0, constraints.txt 3.1.1"]


def test_environment_yml_lists_every_dependency_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    names = set()
    for spec in wanted:
        name = _canonical(re.match(r"[A-Za-z0-9_.\-]+", spec).group(0))
        names |= {"dask", "distributed"} if spec.startswith("dask[distributed]") else {name}
    assert names - set(_environment()) == set()


def test_the_license_is_the_mit_license_pyproject_names():
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert re.search(r"^Copyright \(c\) \d{4} lkjip contributors$", text, re.M)
    assert "Permission is hereby granted, free of charge" in text and 'THE SOFTWARE IS PROVIDED "AS IS"' in text


# --------------------------------------------------------------------------
# Item 6: the notebooks in JupyterLab and papermill
# --------------------------------------------------------------------------

STEMS = [p.stem for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))]


def test_papermill_reads_the_name_type_default_and_help_of_every_parameter():
    import papermill

    from lkjip.run.notebook_parameters import parameters

    assert STEMS == ["01_ingest", "02_validasi", "03_indikator", "04_audit", "05_lkjip", "06_analisis_sakip",
                     "07_kabupaten"]
    for stem in STEMS:
        found = papermill.inspect_notebook(str(NOTEBOOKS / f"{stem}.ipynb"))
        assert found == {p.name: {"name": p.name, "inferred_type_name": p.type, "default": p.default, "help": p.help}
                         for p in parameters(stem)}, stem
        assert all(v["inferred_type_name"] != "None" and v["help"] for v in found.values()), stem
    lkjip = papermill.inspect_notebook(str(NOTEBOOKS / "05_lkjip.ipynb"))
    assert list(lkjip)[:2] == ["unit", "year"] and list(lkjip)[-1] == "ikm_weight"
    assert lkjip["year"] == {"name": "year", "inferred_type_name": "int", "default": "2023", "help": "tahun laporan"}
    assert lkjip["data_dir"]["inferred_type_name"] == "Optional[str]"
    assert lkjip["data_dir"]["help"] == "bawaan: data/raw"
    assert lkjip["final"]["inferred_type_name"] == "bool"
    kabupaten = papermill.inspect_notebook(str(NOTEBOOKS / "07_kabupaten.ipynb"))
    assert list(kabupaten) == ["year", "units", "data_dir", "processed_dir", "output_dir", "report_dir", "run_started",
                               "names", "kabupaten_name", "published_reports_dir"]


def test_papermill_help_notebook_shows_types_not_unknown_type():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(NOTEBOOKS / "05_lkjip.ipynb")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Unknown type" not in run.stdout
    assert "  year: int (default 2023)" in run.stdout
    assert "  data_dir: Optional[str] (default None)" in run.stdout and "bawaan: data/raw" in run.stdout


def test_the_parameters_cell_runs_and_gives_its_defaults():
    from lkjip.run.notebook_parameters import parameters, parameters_cell

    for stem in STEMS:
        namespace: dict = {}
        exec(parameters_cell(stem), namespace)  # noqa: S102 - our own cell text
        assert {p.name: namespace[p.name] for p in parameters(stem)} == {
            p.name: eval(p.default) for p in parameters(stem)}, stem  # noqa: S307
    with pytest.raises(ValueError, match="tidak terbaca papermill"):
        from lkjip.run.notebook_parameters import Parameter

        Parameter("x", "str | None", "None", "bantuan")


def _committed(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_jupytext_writes_the_committed_ipynb_from_each_py(tmp_path):
    import nbformat
    from jupytext.cli import jupytext as jupytext_cli  # `jupytext ...` in this process

    work = tmp_path / "notebooks"
    work.mkdir()
    for path in NOTEBOOKS.iterdir():
        if path.is_file():
            (work / path.name).write_bytes(path.read_bytes())
    before = _committed(work)
    sources = [str(work / f"{stem}.py") for stem in STEMS]
    assert jupytext_cli(["--quiet", "--to", "ipynb", "--update", *sources]) == 0
    assert _committed(work) == before  # byte for byte: jupytext has nothing to change
    # without --update (no .ipynb to keep ids from) jupytext gives the same cells, tags and sources
    assert jupytext_cli(["--quiet", "--to", "ipynb", "-o", str(tmp_path / "fresh.ipynb"), str(work / "05_lkjip.py")]) == 0
    fresh = nbformat.read(tmp_path / "fresh.ipynb", as_version=4)
    committed = nbformat.read(NOTEBOOKS / "05_lkjip.ipynb", as_version=4)
    assert [(c.cell_type, c.source, c.metadata) for c in fresh.cells] == \
        [(c.cell_type, c.source, c.metadata) for c in committed.cells]


def _kernel_sets() -> dict:
    """What JupyterLab writes into the notebook's metadata when its kernel (ipykernel's python3) starts."""
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    return {"kernelspec": {"name": "python3", "display_name": spec.display_name, "language": spec.language},
            "language_info": json.loads(json.dumps(IPythonKernel.language_info))}


def test_opening_a_notebook_in_jupyterlab_changes_nothing(tmp_path):
    """JupyterLab loads the notebook through jupytext's contents manager; when the kernel starts it sets
    ``kernelspec`` and ``language_info`` (a value equal to the one held changes nothing, any other marks the
    notebook changed and autosave writes it). Neither may change, and a save writes the same bytes."""
    import asyncio

    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    work = tmp_path / "notebooks"
    work.mkdir()
    for path in NOTEBOOKS.iterdir():
        if path.is_file():
            (work / path.name).write_bytes(path.read_bytes())
    before = _committed(work)
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(tmp_path))
    sets = _kernel_sets()
    assert sets["kernelspec"]["display_name"] == "Python 3 (ipykernel)"

    async def open_and_save(stem: str) -> dict:
        model = await manager.get(f"notebooks/{stem}.ipynb")
        changed = {key: (model["content"].metadata.get(key), value) for key, value in sets.items()
                   if model["content"].metadata.get(key) != value}
        model["content"].metadata.update(sets)
        await manager.save(model, f"notebooks/{stem}.ipynb")
        return changed

    for stem in STEMS:
        assert asyncio.run(open_and_save(stem)) == {}, stem
    assert _committed(work) == before


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_lab_serves_the_project_so_data_and_reports_can_be_browsed(tmp_path):
    import shlex
    import subprocess
    import time
    import urllib.request

    dry = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    command = [line for line in dry.stdout.splitlines() if "jupyter lab" in line]
    assert len(command) == 1, dry.stdout
    args = shlex.split(command[0])
    assert "notebooks/" not in args and f"--ServerApp.root_dir={ROOT}" in args
    assert "--LabApp.default_url=/lab/tree/notebooks" in args  # it still opens on the notebooks
    port, token = _free_port(), "uji-ekosistem"
    args[0] = str(ROOT / args[0])
    if not Path(args[0]).exists():  # `make test` sets the project up first; a bare `pytest` may not have
        pytest.skip(f"make lab runs {args[0]}, made by `make setup`")
    server = subprocess.Popen([*args, "--no-browser", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                               "--ServerApp.port_retries=0"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)})
    try:
        # ~4 s on a quiet machine; generous because CI's other worker may be running a whole chain then
        listing, deadline = None, time.monotonic() + 90
        while listing is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/?token={token}", timeout=2) as r:
                    listing = json.load(r)
            except OSError:
                time.sleep(0.3)
        assert listing is not None, "JupyterLab tidak menjawab"
        names = {item["name"] for item in listing["content"]}
        assert {"data", "notebooks", "README.md", "reports"} <= names  # the project, not notebooks/
    finally:
        server.terminate()
        server.wait(timeout=15)


# --------------------------------------------------------------------------
# Item 6: `lkjip export NOTEBOOK.ipynb` — a hand-run notebook exported like the reports
# --------------------------------------------------------------------------

EXECUTED = ROOT / "tests" / "fixtures" / "export" / "laporan_kecil.ipynb"
_NETWORK_REFERENCE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


def _assert_offline_in_style(html: str) -> None:
    from lkjip.render.export import stylesheet

    assert _NETWORK_REFERENCE.findall(html) == []
    assert "require.js" not in html and "cdn.jsdelivr" not in html and "cdnjs" not in html
    assert not re.search(r"@import\s+url\(\s*[\"']?https?:", html)
    assert stylesheet("lkjip.css").strip()[:400] in html  # the reports' stylesheet, as they carry it


def _lkjip(capsys, *argv: str) -> tuple[int, str, str]:
    from lkjip.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_export_writes_a_hand_run_notebook_offline_in_the_reports_style(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path / "proyek"))
    code, out, err = _lkjip(capsys, "export", str(EXECUTED))
    lab = tmp_path / "proyek" / "reports" / "_lab"
    assert code == 0, err
    assert out.splitlines() == [str(lab / "laporan_kecil.html"), str(lab / "laporan_kecil_lengkap.html")]
    assert "2 berkas diekspor" in err
    report = (lab / "laporan_kecil.html").read_text(encoding="utf-8")
    full = (lab / "laporan_kecil_lengkap.html").read_text(encoding="utf-8")
    for html in (report, full):
        _assert_offline_in_style(html)
    assert "<title>Bab I Pendahuluan</title>" in report  # titled by its first heading
    assert "catatan kerja" not in report and "catatan kerja" in full  # remove_cell: out for readers, in for auditors
    assert "pesan stdout untuk auditor" not in report  # stderr is for auditors only


def _chain_notebook(path: Path, data_dir: Path, heading: str = "# Bab I Pendahuluan") -> Path:
    """A small hand run of 05_lkjip as papermill leaves it: its parameters cell, the injected values, outputs."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from lkjip.run.notebook_parameters import parameters_cell

    book = new_notebook(cells=[
        new_code_cell(parameters_cell("05_lkjip"), metadata={"tags": ["parameters", "remove_cell"]}),
        new_code_cell(f'unit = "gedeg"\nyear = 2022\ndata_dir = {str(data_dir)!r}\n',
                      metadata={"tags": ["injected-parameters"]}),
        new_markdown_cell(heading + "\n\nCapaian **IKM** tahun ini."),
        new_code_cell("ikm", outputs=[new_output("execute_result", {"text/plain": "82,4"}, execution_count=1)]),
    ])
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(book, path)
    return path


def test_export_of_a_chain_notebook_names_and_titles_it_as_lkjip_run_does(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path / "proyek"))
    raw = tmp_path / "raw"
    (raw / "gedeg").mkdir(parents=True)
    (raw / "gedeg" / "unit.yaml").write_bytes((ROOT / "data" / "raw" / "gedeg" / "unit.yaml").read_bytes())
    notebook = _chain_notebook(tmp_path / "kerja" / "05_lkjip.ipynb", raw)
    code, out, err = _lkjip(capsys, "export", str(notebook))
    lab = tmp_path / "proyek" / "reports" / "_lab" / "gedeg" / "2022"  # the injected year, not the default 2023
    assert code == 0, err
    assert out.splitlines() == [str(lab / "lkjip_gedeg_2022.html"), str(lab / "lkjip_gedeg_2022_lengkap.html")]
    assert sorted(p.name for p in lab.iterdir()) == ["lkjip_gedeg_2022.html", "lkjip_gedeg_2022_lengkap.html"]
    report = (lab / "lkjip_gedeg_2022.html").read_text(encoding="utf-8")
    _assert_offline_in_style(report)
    assert "<title>Laporan Kinerja Instansi Pemerintah Kecamatan Gedeg 2022</title>" in report


def test_export_refuses_a_published_folder_and_names_a_bad_notebook(tmp_path, capsys, monkeypatch):
    project = tmp_path / "proyek"
    monkeypatch.setenv("LKJIP_ROOT", str(project))
    published = project / "reports" / "gedeg" / "2023"
    published.mkdir(parents=True)
    (published / "run.json").write_text("{}\n", encoding="utf-8")
    code, out, err = _lkjip(capsys, "export", str(EXECUTED), "--out", str(published))
    assert code == 64 and out == ""
    assert "berada di folder terbitan" in err and "hanya `lkjip run` yang menerbitkan" in err and "reports/_lab" in err
    assert sorted(p.name for p in published.iterdir()) == ["run.json"]
    code, _, err = _lkjip(capsys, "export", str(EXECUTED), "--out", str(project / "data" / "processed" / "x"))
    assert code == 64 and not (project / "data" / "processed" / "x").exists()
    code, _, err = _lkjip(capsys, "export", str(tmp_path / "tidak_ada.ipynb"))
    assert code == 64 and "notebook tidak ada" in err and "tidak_ada.ipynb" in err
    broken = tmp_path / "rusak.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    code, _, err = _lkjip(capsys, "export", str(broken))
    assert code == 2 and "rusak.ipynb" in err and "bukan notebook Jupyter yang sah" in err


def test_export_pdf_and_a_title_taken_from_the_notebook_escaped(tmp_path, capsys, monkeypatch):
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path / "proyek"))
    notebook = tmp_path / "analisis.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Catatan </title><script>alert(1)</script>")]), notebook)
    code, out, err = _lkjip(capsys, "export", str(notebook), "--out", str(tmp_path / "hasil"), "--pdf")
    assert code == 0, err
    assert out.splitlines() == [str(tmp_path / "hasil" / name)
                                for name in ("analisis.html", "analisis_lengkap.html", "analisis.pdf")]
    assert (tmp_path / "hasil" / "analisis.pdf").read_bytes().startswith(b"%PDF-")
    html = (tmp_path / "hasil" / "analisis.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<title>Catatan &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
