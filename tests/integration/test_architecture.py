"""The package's shape: no import cycle, no oversized module, Great Expectations only where validation runs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "lkjip"
MAX_LINES = 600


def test_the_stages_import_only_downwards_and_no_package_has_a_cycle():
    """The import-linter contracts of pyproject.toml (stage layers, acyclic siblings) hold."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in run.stdout


def _layers_of_the_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return [grimp.Layer(*[m.strip() for m in line.split("|")], independent=True) for line in contract["layers"]]


def test_an_import_against_the_stage_order_breaks_the_contract():
    """The layers of pyproject.toml are live: an upward import, added in memory, is reported."""
    graph = grimp.build_graph("lkjip")
    layers = _layers_of_the_contract()
    assert graph.find_illegal_dependencies_for_layers(layers=layers) == set()
    graph.add_import(importer="lkjip.contract.indonum", imported="lkjip.run.pipeline")
    illegal = graph.find_illegal_dependencies_for_layers(layers=layers)
    assert {(d.importer, d.imported) for d in illegal} == {("lkjip.contract", "lkjip.run")}


def test_only_the_entry_points_are_modules_at_the_top_of_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "errors.py"]


def test_no_module_holds_more_than_about_600_lines():
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_great_expectations_is_imported_only_where_validation_runs():
    code = ("import sys, lkjip.run.steps, lkjip.document, lkjip.validation, lkjip.audit, lkjip.run.pipeline, lkjip.cli; "
            "print('great_expectations' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_the_architecture_notes_list_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = text[text.index("## Layout"):text.index("## Decisions")]
    listed, folders = set(), []
    for line in layout.splitlines():
        name = line.lstrip("│├└─ ").split(" ", 1)[0]
        depth = (len(line) - len(line.lstrip("│├└─ "))) // 4 - 1  # a tree level is four characters wide
        if depth < 0 or not name.endswith(("/", ".py")):
            continue
        folders = folders[:depth]
        if name.endswith("/"):
            folders.append(name)
        else:
            listed.add("".join(folders) + name)
    modules = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert modules - listed == set() and listed - modules == set()
