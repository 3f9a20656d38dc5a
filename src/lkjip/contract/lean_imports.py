"""Imports without the optional modules lkjip never uses but would pay seconds for.

jsonschema imports ``rfc3987_syntax`` when it is installed, only for its
"iri" format checks, which neither nbformat, papermill, Great Expectations nor
lkjip use; importing it compiles ~40 Lark grammars (1,5-2 s of CPU, once per
process: in the kernel under Great Expectations, in the ``lkjip run`` process
under papermill and nbconvert).

>>> from lkjip.contract.lean_imports import import_lean
>>> json = import_lean("json")
>>> json.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

#: Optional imports of dependencies that lkjip never needs.
UNUSED = ("rfc3987_syntax",)


def import_lean(name: str) -> ModuleType:
    """``import name``, keeping :data:`UNUSED` out while it imports.

    They are kept out only when jsonschema has not been imported yet (then
    its choice is already made and nothing changes), and only during this
    import: a later ``import rfc3987_syntax`` works as usual, while jsonschema,
    as when that package is not installed, checks no "iri" formats in this process.
    """
    if name in sys.modules:
        # through the import system, not sys.modules: a module another thread is still importing
        # is there half-made, and only the import system waits for it (Dask runs tasks in threads)
        return importlib.import_module(name)
    blocked = [] if "jsonschema._format" in sys.modules else [m for m in UNUSED if m not in sys.modules]
    for module in blocked:
        sys.modules[module] = None  # makes "import module" raise ImportError (the import system's rule)
    try:
        return importlib.import_module(name)
    finally:
        for module in blocked:
            if sys.modules.get(module, False) is None:
                del sys.modules[module]
