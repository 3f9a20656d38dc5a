"""The ``rumus`` of a declared key indicator: a small arithmetic language, parsed safely.

A rumus is one of

- the name of a built-in calculation (``ikm``, ``sakip``, ...), computed from its dataset;
- ``dilaporkan``: the value is the year's ``realisasi.csv`` row whose ``besaran`` is the
  indicator's own ``kode``;
- an arithmetic expression over numbers, built-in calculation names and quantities of the
  year's ``realisasi.csv``, with ``+ - * / ( )``, ``rata_rata(q)`` (the mean of q's rows, e.g. one
  per sub-unit) and ``jumlah(q)`` (their sum).

The text is parsed with :mod:`ast` and only the nodes of that language are accepted: no
attribute, subscript, call of anything else, comparison or keyword ever reaches evaluation, and
nothing is evaluated by Python's ``eval``.

>>> f = parse_formula("100000 * kematian_ibu / kelahiran_hidup")
>>> sorted(f.names)
['kelahiran_hidup', 'kematian_ibu']
>>> f.evaluate({"kematian_ibu": [3.0], "kelahiran_hidup": [3390.0]})
88.49557522123894
>>> parse_formula("rata_rata(ikm_kecamatan)").evaluate({"ikm_kecamatan": [80.0, 90.0]})
85.0
>>> parse_formula("__import__('os')")
Traceback (most recent call last):
...
lkjip.indicators.formula.FormulaError: fungsi '__import__' tidak dikenal (yang boleh: jumlah, rata_rata)
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field

#: The rumus of an indicator whose value is handed in, not computed.
REPORTED = "dilaporkan"
#: Functions over the rows of one quantity.
FUNCTIONS = {"rata_rata": lambda xs: sum(xs) / len(xs), "jumlah": sum}
#: The longest rumus accepted (a formula is one line of a spreadsheet, not a program).
MAX_LENGTH = 500

_OPERATORS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
              ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}


class FormulaError(ValueError):
    """A rumus that is not of the language (the message says what, in Indonesian)."""


@dataclass(frozen=True)
class Formula:
    """A parsed rumus: its text, the names it reads and the tree that computes it."""

    text: str
    tree: ast.expr | None = field(compare=False, repr=False)
    #: names read (built-in calculations and quantities), in order of first use
    names: tuple[str, ...] = ()
    #: names read through rata_rata/jumlah (all rows of the quantity), the others read one value
    aggregated: frozenset[str] = frozenset()

    @property
    def is_reported(self) -> bool:
        return self.text == REPORTED

    def evaluate(self, values: dict[str, list[float]]) -> float:
        """The value, given each name's values (one per row of the year's data).

        A name read directly must have exactly one value; ``rata_rata`` and ``jumlah`` take all.
        Division by zero and a missing name give NaN (the caller says why); ``n/a`` values are
        NaN and make the result NaN.
        """
        if self.tree is None:
            raise FormulaError("rumus 'dilaporkan' tidak dihitung: nilainya dibaca dari realisasi.csv")
        return _eval(self.tree, values)


def parse_formula(text: str) -> Formula:
    """Parse a rumus (see module docstring); :class:`FormulaError` names what is wrong."""
    source = str(text or "").strip()
    if not source:
        raise FormulaError("rumus kosong")
    if len(source) > MAX_LENGTH:
        raise FormulaError(f"rumus lebih dari {MAX_LENGTH} karakter")
    if source == REPORTED:
        return Formula(source, None)
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"rumus tidak dapat dibaca di karakter {exc.offset or 0}: {source}") from None
    names: list[str] = []
    aggregated: set[str] = set()
    _check(tree, names, aggregated)
    return Formula(source, tree, tuple(names), frozenset(aggregated))


def _check(node: ast.AST, names: list[str], aggregated: set[str]) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(f"hanya angka yang boleh ditulis langsung, bukan {node.value!r}")
    elif isinstance(node, ast.Name):
        if node.id in FUNCTIONS:
            raise FormulaError(f"'{node.id}' adalah fungsi: tulis {node.id}(nama_besaran)")
        if node.id not in names:
            names.append(node.id)
    elif isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check(node.left, names, aggregated)
        _check(node.right, names, aggregated)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        _check(node.operand, names, aggregated)
    elif isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
        if name not in FUNCTIONS:
            raise FormulaError(f"fungsi '{name}' tidak dikenal (yang boleh: {', '.join(sorted(FUNCTIONS))})")
        if node.keywords or len(node.args) != 1 or not isinstance(node.args[0], ast.Name):
            raise FormulaError(f"{name}() menerima tepat satu nama besaran, mis. {name}(ikm_kecamatan)")
        arg = node.args[0].id
        if arg not in names:
            names.append(arg)
        aggregated.add(arg)
    else:
        shown = ast.unparse(node) if isinstance(node, ast.expr) else type(node).__name__
        raise FormulaError(f"bagian rumus '{shown}' tidak diperbolehkan (hanya angka, nama, + - * / ( ), "
                           "rata_rata(), jumlah())")


def _eval(node: ast.expr, values: dict[str, list[float]]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        got = values.get(node.id) or []
        return float(got[0]) if len(got) == 1 else math.nan
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, values)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, values), _eval(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            return math.nan
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.Call):
        rows = [float(v) for v in values.get(node.args[0].id) or []]
        if not rows or any(math.isnan(v) for v in rows):
            return math.nan
        return float(FUNCTIONS[node.func.id](rows))
    raise FormulaError(f"bagian rumus tidak diperbolehkan: {ast.dump(node)}")  # unreachable after parse
