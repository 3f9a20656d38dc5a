"""Problems of the environment a run needs, said as what to fix (exit 64, never "periksa izin tulis").

The notebooks of the chain, the Jupyter kernel that executes them and the
Dask scheduler of ``--scheduler`` are not data and not outputs: when one is
missing or broken, the run stops before anything is published, with a
:class:`lkjip.errors.ConfigError` that names it and says how to repair it.
"""

from __future__ import annotations

from pathlib import Path

from lkjip.errors import ConfigError, display_path

#: Seconds ``--scheduler`` waits for the Dask scheduler to answer.
SCHEDULER_TIMEOUT = 20


def check_notebooks(folder: Path, notebooks: list[str]) -> None:
    """Every notebook of the chain must be in ``folder``: a missing one is never skipped.

    >>> check_notebooks(Path("/tidak/ada"), ["01_ingest.ipynb"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lkjip.errors.ConfigError: folder notebook /tidak/ada tidak ada; tidak ada yang dijalankan atau diterbitkan. ...
    """
    folder = Path(folder)
    where = display_path(folder)
    if not folder.is_dir():
        raise ConfigError(f"folder notebook {where} tidak ada; tidak ada yang dijalankan atau diterbitkan. "
                          "Periksa LKJIP_ROOT (akar repositori lkjip) atau LKJIP_NOTEBOOKS, lalu buat "
                          "notebook dengan `make notebooks` di akar repositori")
    missing = [name for name in notebooks if not (folder / name).is_file()]
    if missing:
        raise ConfigError(f"notebook rantai laporan tidak ada di {where}: {', '.join(missing)}; tidak ada yang "
                          "dijalankan atau diterbitkan (setiap langkah wajib ada). Buat ulang dari sumbernya "
                          "(notebooks/NN_nama.py) dengan `make notebooks`, atau periksa LKJIP_ROOT/LKJIP_NOTEBOOKS")


def kernel_error(exc: BaseException, kernel_name: str) -> ConfigError:
    """A kernel that cannot be started (no such kernel spec, a spec whose program is missing, no answer)."""
    reason = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
    return ConfigError(
        f"kernel Jupyter '{kernel_name}' tidak dapat dijalankan ({reason}); tidak ada yang diterbitkan. "
        "Periksa spesifikasinya dengan `jupyter kernelspec list` dan pasang ulang dengan "
        f"`python -m ipykernel install --sys-prefix --name {kernel_name}` di lingkungan lkjip")


def scheduler_client(address: str, timeout: float | None = None):
    """A ``distributed.Client`` on ``address``, or a :class:`ConfigError` saying what to fix."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - optional dependency
        raise ConfigError("--scheduler memerlukan paket dask[distributed] (pip install 'lkjip[dist]')") from None
    shown = repr(str(address))
    if "://" not in str(address):
        raise ConfigError(f"--scheduler {shown}: bukan alamat klaster Dask; tulis seperti tcp://host:8786")
    try:
        return Client(address, timeout=SCHEDULER_TIMEOUT if timeout is None else timeout)
    except (OSError, TimeoutError, ValueError, TypeError, KeyError) as exc:
        reason = (str(exc).splitlines() or [type(exc).__name__])[0] or type(exc).__name__
        raise ConfigError(f"--scheduler {shown}: klaster Dask tidak dapat dihubungi ({type(exc).__name__}: "
                          f"{reason}); periksa alamatnya (tcp://host:8786) dan bahwa `dask scheduler` berjalan "
                          "di sana, atau jalankan tanpa --scheduler") from None
