"""``lkjip init FOLDER``: a new project folder, made from the files the package carries.

::

    FOLDER/README.md                 what is where, the commands
    FOLDER/.gitignore                the outputs (data/processed, reports) are not versioned
    FOLDER/data/raw/PETUNJUK.md      how to fill the templates
    FOLDER/data/raw/_templat/*.xlsx  one blank workbook per dataset (``lkjip templates``)
    FOLDER/data/raw/gedeg/           with ``--contoh``: the bundled example unit (Kecamatan Gedeg)
    FOLDER/data/processed/           written by ``lkjip run``
    FOLDER/reports/                  written by ``lkjip run``
    FOLDER/notebooks/                the chain's notebooks, to customise
    FOLDER/expectations/             the Great Expectations suites, to customise
    FOLDER/gx/                       the GX project over them (made by the CLI: lkjip.validation.gx_project)

A folder that exists and is not empty is refused (nothing is overwritten).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lkjip.errors import ConfigError, InstallError, display_path
from lkjip.inputs import project
from lkjip.inputs.blank_workbooks import write_templates

#: The example unit ``--contoh`` copies.
EXAMPLE_UNIT = "gedeg"
TEMPLATES_DIR = "_templat"

README = """\
# Proyek LKjIP

Folder ini dibuat oleh `lkjip init`. Setiap perintah `lkjip` yang dijalankan di folder ini (atau di
subfoldernya) memakai proyek ini; dari folder lain: `lkjip run --project {folder} ...`.

| folder | isi |
|---|---|
| `data/raw/<unit>/` | berkas data analis (`unit.yaml`, `targets.csv`, satu folder per tahun); tidak pernah diubah program |
| `data/raw/PETUNJUK.md`, `data/raw/_templat/` | petunjuk pengisian dan templat Excel kosong setiap dataset |
| `data/processed/<unit>/<tahun>/` | data olahan (Parquet), indikator, audit: ditulis oleh `lkjip run` |
| `reports/<unit>/<tahun>/` | laporan terbitan (buka `index.html`): ditulis oleh `lkjip run` |
| `notebooks/` | notebook rantai laporan; boleh disesuaikan (tanpa folder ini dipakai salinan paket) |
| `expectations/` | aturan validasi (suite Great Expectations); boleh disesuaikan |
| `gx/` | proyek Great Expectations: checkpoint per dataset, Data Docs (diperbarui `lkjip run` bila `expectations/` berubah) |

Langkah:

1. Buat unit baru: `data/raw/<kode_unit>/unit.yaml` dan folder tahun, isi dari templat di
   `data/raw/_templat/` (lihat `data/raw/PETUNJUK.md`).
2. Periksa data: `lkjip validate --unit <kode_unit> --year <tahun>`.
3. Buat laporan: `lkjip run --unit <kode_unit> --year <tahun>`; laporan ada di `reports/<kode_unit>/<tahun>/`.
"""

GITIGNORE = """\
/data/processed/
/reports/
/gx/uncommitted/
.ipynb_checkpoints/
"""


def init_project(folder: Path, *, example: bool = False) -> list[Path]:
    """Make the project ``folder``; return what was made (top-level entries)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError(f"{display_path(folder)} sudah ada dan tidak kosong; `lkjip init` tidak menimpa apa pun. "
                          "Pilih folder baru atau folder kosong")
    sources = {name: project.packaged(name) for name in ("notebooks", "expectations", "panduan")}
    if example:
        sources["contoh"] = project.packaged("contoh")
    missing = [name for name, path in sources.items() if path is None]
    if missing:
        raise InstallError(project.missing_message(missing))
    raw = folder / "data" / "raw"
    for sub in (raw, folder / "data" / "processed", folder / "reports"):
        sub.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sources["panduan"] / "PETUNJUK.md", raw / "PETUNJUK.md")
    write_templates(raw / TEMPLATES_DIR)
    for name in ("notebooks", "expectations"):
        shutil.copytree(sources[name], folder / name,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc"),
                        copy_function=shutil.copyfile)
    if example:
        shutil.copytree(sources["contoh"] / EXAMPLE_UNIT, raw / EXAMPLE_UNIT,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), copy_function=shutil.copyfile)
    (folder / "README.md").write_text(README.format(folder=folder.resolve()), encoding="utf-8")
    (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    return sorted(folder.iterdir())
