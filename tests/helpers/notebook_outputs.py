"""What an executed notebook shows besides its document: errors, stream output (warnings, prints) and bare
reprs. A report's notebook is read by auditors as it is: tables, charts and text only."""

from __future__ import annotations

from pathlib import Path

from lkjip.contract.lean_imports import import_lean

#: The rich forms a displayed object comes in; an output with only ``text/plain`` is a bare repr.
RICH = ("text/html", "text/markdown", "image/svg+xml", "image/png")


def stray_outputs(path: Path) -> list[str]:
    """One line per output of the executed notebook ``path`` that is not part of the document."""
    book = import_lean("nbformat").read(path, as_version=4)
    found = []
    for cell in book.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"{path.name}: error {output.get('ename')}: {output.get('evalue')}")
            elif output.output_type == "stream":
                found.append(f"{path.name}: stray {output.name} output: {output.text[:200]!r}")
            elif "data" in output and output["data"].get("text/plain") and not any(k in output["data"] for k in RICH):
                found.append(f"{path.name}: raw repr output: {output['data']['text/plain'][:200]!r}")
    return found
