"""What a kernel that runs notebook after notebook undoes between two of them, so that each notebook
runs, and is recorded, as in a fresh kernel (:data:`lkjip.run.kernels.RESET_CODE` calls it in the
kernel).

Imports only the standard library: it runs inside the kernel, between notebooks.
"""

from __future__ import annotations

import gc
import sys
import warnings


def forget_shown_warnings() -> None:
    """Forget which warnings were shown: Python shows a warning once per place (each module's
    ``__warningregistry__``, and ``warnings.onceregistry``), so a library's warning that one notebook
    showed was missing from the record of the next notebook that met it, and, with ``--jobs``
    reusing a kernel, from the next unit-year's: what a notebook records depended on what ran before it.
    The filters themselves (what the package silences on purpose) are kept.

    >>> import types
    >>> module = types.ModuleType("contoh")
    >>> exec("import warnings\\ndef f():\\n    warnings.warn('awas', UserWarning)", module.__dict__)
    >>> sys.modules["contoh"] = module
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("default")
    ...     module.f(); module.f()
    ...     forget_shown_warnings()
    ...     module.f()
    >>> [str(w.message) for w in seen]
    ['awas', 'awas']
    >>> del sys.modules["contoh"]
    """
    warnings.onceregistry.clear()
    for module in list(sys.modules.values()):
        try:
            registry = module.__dict__.get("__warningregistry__")
        except Exception:  # a module-like object without a plain __dict__ holds no registry
            continue
        if isinstance(registry, dict):
            registry.clear()


def as_if_fresh(shell) -> None:
    """Between two notebooks in the IPython ``shell``: empty the namespace (``%reset -f``, which also
    collects the garbage), forget the warnings shown (:func:`forget_shown_warnings`), move what
    survives (modules, Great Expectations, the caches of :mod:`lkjip.inputs.cache`) out of the cyclic
    collector's sight (``gc.freeze``: later collections then walk only what the next notebook makes),
    and count cells from ``In [1]`` again."""
    shell.run_line_magic("reset", "-f")
    forget_shown_warnings()
    gc.freeze()
    shell.execution_count = 1
