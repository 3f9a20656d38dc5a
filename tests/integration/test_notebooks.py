"""The committed notebooks agree with their jupytext sources and carry no outputs."""

from __future__ import annotations

import importlib.util
import json
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(scope="module")
def sync():
    spec = importlib.util.spec_from_file_location("sync_notebooks", ROOT / "scripts" / "sync_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_notebook_has_a_source_and_agrees_with_it(sync):
    assert [s.stem[:2] for s in sync.sources()] == ["01", "02", "03", "04", "05", "06", "07"]
    assert sync.disagreements() == []


def test_committed_notebooks_have_no_outputs_and_stable_ids():
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        book = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(book["cells"]):
            assert cell["id"] == f"{path.stem}-{index:02d}", path.name
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, (path.name, index)


def test_a_notebook_edited_apart_from_its_source_is_reported(sync, tmp_path):
    for source in sync.sources():
        shutil.copy(source, tmp_path / source.name)
        shutil.copy(source.with_suffix(".ipynb"), tmp_path / source.with_suffix(".ipynb").name)
    assert sync.disagreements(tmp_path) == []
    book = tmp_path / "04_audit.ipynb"
    data = json.loads(book.read_text(encoding="utf-8"))
    data["cells"][0]["source"] = "# Judul lain"
    book.write_text(json.dumps(data, indent=1), encoding="utf-8")
    (tmp_path / "01_ingest.py").write_text(
        (tmp_path / "01_ingest.py").read_text(encoding="utf-8") + "\n# %%\nprint('baru')\n", encoding="utf-8")
    (tmp_path / "99_tanpa_sumber.ipynb").write_text("{}", encoding="utf-8")
    problems = sync.disagreements(tmp_path)
    assert [p.split(":")[0] for p in problems] == ["01_ingest.ipynb", "04_audit.ipynb", "99_tanpa_sumber.ipynb"]


def test_sources_keep_the_cell_tags_the_exports_rely_on(sync):
    book = sync.canonical(NOTEBOOKS / "05_lkjip.py")
    first_code = next(c for c in book.cells if c.cell_type == "code")
    assert first_code.metadata["tags"] == ["parameters", "remove_cell"]
    assert any(c.metadata.get("tags") == ["remove_input"] for c in book.cells)
    text = (NOTEBOOKS / "05_lkjip.py").read_text(encoding="utf-8")
    assert '# %% tags=["parameters", "remove_cell"]' in text and "# %% [markdown]" in text


def test_jupytext_pairs_the_notebooks_as_jupyterlab_expects():
    from jupytext.config import find_jupytext_configuration_file, load_jupytext_configuration_file

    path = find_jupytext_configuration_file(str(NOTEBOOKS))
    assert Path(path) == NOTEBOOKS / "jupytext.toml"
    config = load_jupytext_configuration_file(path)
    assert config.default_formats(str(NOTEBOOKS / "05_lkjip.ipynb")) == "ipynb,py:percent"
    assert tomllib.loads((NOTEBOOKS / "jupytext.toml").read_text())["formats"] == "ipynb,py:percent"


def test_every_notebook_opens_with_the_standard_parameters_and_setup(sync, tmp_path):
    for source in sync.sources():
        assert sync.opening_problem(sync.canonical(source), source.stem) is None, source.name
    text = (NOTEBOOKS / "03_indikator.py").read_text(encoding="utf-8").replace(
        'report_dir: Optional[str] = None  # bawaan', 'report_dir: Optional[str] = "x"  # bawaan', 1)
    (tmp_path / "03_indikator.py").write_text(text, encoding="utf-8")
    assert "sel parameter tidak baku" in sync.opening_problem(sync.canonical(tmp_path / "03_indikator.py"))
    kabupaten = NOTEBOOKS / "07_kabupaten.py"
    # the kabupaten notebook is held to its own standard, not to the unit-year one
    assert "sel parameter tidak baku (lihat lkjip.run.notebook_parameters.UNIT_YEAR" in sync.opening_problem(
        sync.canonical(kabupaten), "03_indikator")
    text = kabupaten.read_text(encoding="utf-8").replace("nb.setup_kabupaten(year, units,", "nb.setup(year, units,")
    (tmp_path / "07_kabupaten.py").write_text(text, encoding="utf-8")
    assert "KABUPATEN_SETUP" in sync.opening_problem(sync.canonical(tmp_path / "07_kabupaten.py"), "07_kabupaten")
