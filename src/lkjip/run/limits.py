"""The limits of a run: how long a step may take and how much memory its kernel may use.

``lkjip run --batas-waktu SECONDS --batas-memori MB`` set them; the CLI puts them in the
environment (:func:`export`), so the ``--jobs`` workers and the kernels they start see the same
ones. A kernel holds its memory limit itself (``RLIMIT_AS``, :func:`kernel_line`): an allocation
past it fails there with ``MemoryError`` instead of the machine swapping or the kernel being
killed. The time limit is the step's: :class:`lkjip.run.kernels.KernelSession` gives each cell what
is left of it, and a step past it is stopped (:mod:`lkjip.run.step_failures` words the message).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

STEP_SECONDS_ENV = "LKJIP_BATAS_WAKTU"
MEMORY_MB_ENV = "LKJIP_BATAS_MEMORI"

#: One hour per notebook: the bundled unit's longest step takes well under a minute.
DEFAULT_STEP_SECONDS = 3600
#: A kernel with pandas, pyarrow and Great Expectations imported maps about 1,4 GB of address space.
MIN_MEMORY_MB = 2048


def default_memory_mb() -> int:
    """The machine's physical memory in MB (at least :data:`MIN_MEMORY_MB`)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - platforms without sysconf
        return 16384
    return max(MIN_MEMORY_MB, int(total // (1 << 20)))


@dataclass(frozen=True)
class Limits:
    step_seconds: float
    memory_mb: int


def current() -> Limits:
    """The limits in force (the environment, else the defaults)."""
    return Limits(step_seconds=_positive(os.environ.get(STEP_SECONDS_ENV), float) or DEFAULT_STEP_SECONDS,
                  memory_mb=_positive(os.environ.get(MEMORY_MB_ENV), int) or default_memory_mb())


def export(step_seconds: float | None, memory_mb: int | None) -> None:
    """Put the limits given on the command line into the environment of this process and its children."""
    if step_seconds is not None:
        os.environ[STEP_SECONDS_ENV] = repr(float(step_seconds))
    if memory_mb is not None:
        os.environ[MEMORY_MB_ENV] = str(int(memory_mb))


def kernel_line(memory_mb: int) -> str:
    """A line the kernel runs as it starts: its address space is limited to ``memory_mb``."""
    limit = int(memory_mb) << 20
    return ("import resource as _r; _h = _r.getrlimit(_r.RLIMIT_AS)[1]; "
            f"_r.setrlimit(_r.RLIMIT_AS, ({limit} if _h == _r.RLIM_INFINITY else min({limit}, _h), _h)); "
            "del _r, _h")


def _positive(text: str | None, kind):
    try:
        value = kind(text)
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None
