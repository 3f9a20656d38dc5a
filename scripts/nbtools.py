"""Building blocks for the notebook sources in scripts/notebook_sources/."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell

PARAMETERS = '''unit = "gedeg"
year = 2023
data_dir = None        # bawaan: data/raw
processed_dir = None   # bawaan: data/processed
report_dir = None      # bawaan: reports/<unit>/<year>
run_started = None     # diisi oleh `lkjip run`'''


def md(text: str):
    """A Markdown cell (the document's prose, in Bahasa Indonesia)."""
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *tags: str):
    """A code cell; tags ``remove_cell`` / ``remove_input`` shape the no-code export."""
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def parameters(extra: str = ""):
    """The papermill ``parameters`` cell (hidden in the report without code)."""
    return code(PARAMETERS + ("\n" + extra.strip("\n") if extra else ""), "parameters", "remove_cell")


def setup():
    """The standard first code cell: resolve parameters, display conventions."""
    return code('''from lkjip import notebook as nb
ctx = nb.setup(unit, year, data_dir, processed_dir, report_dir)''', "remove_cell")
