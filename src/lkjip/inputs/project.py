"""Which project a command works on, and where the files a run needs come from.

A **project** is a folder holding ``data/raw/`` (the analysts' files); beside it ``data/processed/``
and ``reports/`` (written by ``lkjip run``) and, optionally, its own ``notebooks/`` and
``expectations/`` to customise the chain and the rules. ``lkjip init FOLDER`` makes one.

The project is, in this order: ``$LKJIP_ROOT`` (set by ``--project``, and inherited by the run's
kernels), the current folder or the nearest folder above it that is a project, the repository of
a source checkout (an editable install), and last the current folder.

The **project files** (the chain's notebooks, the GX suites, the templates' guide, the example
unit) travel in the package: ``setup.py`` copies the repository's ``notebooks/``, ``expectations/``,
``templates/PETUNJUK.md`` and ``data/raw/gedeg`` into ``lkjip/_proyek/`` of the wheel. A project's
own folder wins over the packaged copy; in a source checkout the repository's folders are the
packaged copy. When none is found the install is incomplete: :class:`InstallError` (exit 1), never
"bad data" or "write permission".
"""

from __future__ import annotations

import os
from pathlib import Path

from lkjip.errors import InstallError

#: Environment variable naming the project (``lkjip --project`` sets it for the run's kernels).
PROJECT_ENV = "LKJIP_ROOT"
#: The project files inside an installed package (filled by setup.py's build hook).
BUNDLE_DIR = Path(__file__).resolve().parents[1] / "_proyek"
#: A source checkout: the folder above ``src/`` (None for an installed package).
_CHECKOUT = next((p for p in Path(__file__).resolve().parents
                  if (p / "pyproject.toml").is_file() and (p / "src" / "lkjip").is_dir()), None)
#: Packaged project file -> its place in a source checkout.
_IN_CHECKOUT = {"notebooks": "notebooks", "expectations": "expectations", "panduan": "templates",
                "contoh": "data/raw"}


def is_project(folder: Path) -> bool:
    """A folder holding ``data/raw/``."""
    return (Path(folder) / "data" / "raw").is_dir()


def find_project(start: Path | None = None) -> Path | None:
    """``start`` (bawaan: the current folder) or the nearest folder above it that is a project."""
    try:
        here = Path(start or Path.cwd()).resolve()
    except OSError:  # the current folder was deleted
        return None
    return next((p for p in (here, *here.parents) if is_project(p)), None)


def project_root() -> Path:
    """The project commands work on (see the module docstring)."""
    env = os.environ.get(PROJECT_ENV)
    if env:
        return Path(env).resolve()
    found = find_project()
    if found is not None:
        return found
    return _CHECKOUT if _CHECKOUT is not None else Path.cwd().resolve()


def use_project(folder: Path) -> Path:
    """Make ``folder`` the project of this process and of the kernels it starts."""
    folder = Path(folder).resolve()
    os.environ[PROJECT_ENV] = str(folder)
    return folder


def packaged(name: str) -> Path | None:
    """A packaged project file (``notebooks``, ``expectations``, ``panduan``, ``contoh``), or None."""
    for place in (BUNDLE_DIR / name, _CHECKOUT / _IN_CHECKOUT[name] if _CHECKOUT is not None else None):
        if place is not None and place.exists():
            return place
    return None


def project_files(name: str, root: Path | None = None) -> Path:
    """The folder of ``notebooks`` or ``expectations`` a run uses: the project's own when it has one,
    else the packaged copy; none is an incomplete install (:class:`InstallError`)."""
    own = Path(root or project_root()) / name
    if own.is_dir():
        return own
    found = packaged(name)
    if found is None:
        raise InstallError(missing_message([name]))
    return found


def check_install() -> None:
    """Every packaged project file a run and ``lkjip init`` need is there, or :class:`InstallError`."""
    missing = [name for name in ("notebooks", "expectations") if packaged(name) is None]
    if missing:
        raise InstallError(missing_message(missing))


def missing_message(names: list[str]) -> str:
    return (f"instalasi lkjip tidak lengkap: berkas proyek paket tidak ada ({', '.join(names)}; dicari di "
            f"{BUNDLE_DIR}). Pasang ulang paketnya dari wheel atau dari repositori (`pip install .`), "
            "atau buat proyek dengan folder itu sendiri (`lkjip init FOLDER`)")
