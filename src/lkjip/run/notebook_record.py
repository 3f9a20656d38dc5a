"""An executed notebook as a record: what the reader of ``*_lengkap.html`` sees is what the user gave.

A run executes its notebooks in a staging folder (``reports/<unit>/.<year>-staging``) that is then
published by swapping it into ``reports/<unit>/<year>`` and ``data/processed/<unit>/<year>``
(:mod:`lkjip.run.pipeline`). The staging folder is the program's own business: once published, the
files are where the published folders say. :func:`as_published` writes the executed notebook with
every staging folder named as the folder it is published to, in the injected parameters cell and in
the outputs alike, so the record names ``processed_dir`` and ``report_dir`` as the user gave them
(or as their defaults resolve), never a staging path.

The execution counts start at ``In [1]`` in every notebook: the kernel's counter is reset with its
namespace between notebooks (:data:`lkjip.run.kernels.RESET_CODE`), so a notebook does not look as if
the cells of the notebooks before it had run in it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

__all__ = ["as_published", "replace_folders"]


def replace_folders(text: str, folders: Mapping[str, str]) -> str:
    """``text`` (an ``.ipynb``'s JSON) with each staging folder of ``folders`` (staging -> published)
    written as its published folder; the longest staging folder first, so a folder inside another is
    replaced as itself. A folder is matched as it is written in JSON (backslashes escaped).

    >>> replace_folders('"/r/.2023-staging/report/x"', {"/r/.2023-staging/report": "/r/2023"})
    '"/r/2023/x"'
    """
    for staging in sorted(folders, key=len, reverse=True):
        text = text.replace(json.dumps(staging)[1:-1], json.dumps(folders[staging])[1:-1])
    return text


def as_published(path: Path, folders: Mapping[str, str] | None) -> None:
    """Rewrite the executed notebook ``path`` with every staging folder of ``folders`` named as the
    folder it is published to (nothing when ``folders`` is empty or the notebook was not written)."""
    path = Path(path)
    if not folders or not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    shown = replace_folders(text, {str(k): str(v) for k, v in folders.items()})
    if shown != text:
        path.write_text(shown, encoding="utf-8", newline="\n")
