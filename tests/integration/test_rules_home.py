"""Every tolerance, band, factor and artefact name has one home (issue 22, "Rules outside their home").

- the float guard ``1e-9`` (:data:`lkjip.contract.rules.EPS`), "equal when shown with two
  decimals" ``0.005`` (:func:`lkjip.contract.rules.tolerance`) and "target met" written as
  ``>= 100 - ...`` (:func:`lkjip.contract.rules.target_met`) live in ``contract/rules/``;
- the IKM factor 25 (:data:`lkjip.contract.rules.IKM_SCALE`) in ``contract/rules/regulation.py``;
- the artefact names ``"audit.csv"``, ``"indicators.csv"`` and ``"run.json"`` in
  ``inputs/catalog.py``;
- the printed page (A4 and the margins of ``lkjip-print.css``) in ``contract/pages.py``.

The scan reads every line of ``src/lkjip`` (code, comments and docstrings alike, as
``grep -rn "1e-9\\|0\\.005" src/`` does) and names each copy as ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjip.contract import pages, rules
from lkjip.contract.fmt import fmt_signed, fmt_plain, is_blank, round_number, truncate_number
from lkjip.inputs import catalog

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "lkjip"
RULES = SRC / "contract" / "rules"

#: name -> (pattern, the home where the literal may be written)
LITERALS: dict[str, tuple[re.Pattern[str], Path]] = {
    "1e-9 (rules.EPS)": (re.compile(r"(?<![\w.])1e-0*9(?![\d])", re.IGNORECASE), RULES),
    "0.005 (rules.tolerance(2))": (re.compile(r"(?<![\w.])0\.0050*(?![\d])"), RULES),
    "target met as a comparison with 100 (rules.target_met)": (
        re.compile(r"(?:>=|<)\s*100(?:\.0*)?\s*-|>\s*100(?:\.0*)?\s*\+"), RULES),
    "IKM factor 25 (rules.IKM_SCALE)": (
        re.compile(r"(?<![\w.])25(?:\.0*)?(?![\w.])\s*\*(?!\*)|(?<!\*)\*\s*25(?:\.0*)?(?![\w.])"),
        RULES / "regulation.py"),
    '"audit.csv" (catalog.AUDIT_CSV)': (re.compile(r"""["']audit\.csv["']"""), SRC / "inputs" / "catalog.py"),
    '"indicators.csv" (catalog.INDICATORS_CSV)': (
        re.compile(r"""["']indicators\.csv["']"""), SRC / "inputs" / "catalog.py"),
    '"run.json" (catalog.RUN_RECORD)': (re.compile(r"""["']run\.json["']"""), SRC / "inputs" / "catalog.py"),
}


def copies_outside_home(files) -> list[str]:
    """``file:line: rule: text`` for every literal written outside its home."""
    found = []
    for path in files:
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        for name, (pattern, home) in LITERALS.items():
            if path == home or path.is_relative_to(home):
                continue
            for number, line in enumerate(text.splitlines(), 1):
                if pattern.search(line):
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    found.append(f"{where}:{number}: {name}: {line.strip()}")
    return found


def test_no_tolerance_factor_or_artefact_name_outside_its_home():
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 100  # the scan did read the package
    assert copies_outside_home(files) == []


@pytest.mark.parametrize("line, rule", [
    ("    return int(math.ceil(s - 1e-9))", "1e-9"),
    ("    if abs(change) < 0.005:", "0.005"),
    ("    done = [i for i, k in kem if k >= 100 - 1e-9]", "target met"),
    ("    if pen.persen < 100.0 - EPS:", "target met"),
    ("    over = [c for c in cap if c > 100 + EPS]", "target met"),
    ('    "nrr_x25": nrr * 25.0,', "IKM factor"),
    ("    ikm = float(mean * 25)", "IKM factor"),
    ("    x = 25 * ikm", "IKM factor"),
    ('    path = path / "audit.csv"', '"audit.csv"'),
    ("RUN_RECORD = 'run.json'", '"run.json"'),
    ('    return folder / "indicators.csv"', '"indicators.csv"'),
])
def test_a_copy_is_named_by_file_and_line(tmp_path, line, rule):
    module = tmp_path / "copy.py"
    module.write_text(f"from __future__ import annotations\n\n\ndef f():\n{line}\n", encoding="utf-8")
    found = [f for f in copies_outside_home([module]) if rule in f]
    assert len(found) == 1, found
    assert found[0].startswith(f"{module}:5: ") and found[0].endswith(line.strip())


@pytest.mark.parametrize("line", [
    "    span = max(hi - lo, abs(hi) * 0.01, EPS)",
    "    from_zero = span > 0.25 * max(abs(lo), abs(hi))",
    "_TEXT = (210 - 45) / 25.4 * 72",
    "    x = ikm * IKM_SCALE",
    "    value = 2 ** 25",
    "    if abs(change) < tolerance(2):",
    "    n = 125 * k",
    '    path = path / AUDIT_CSV  # writes audit.csv',
    "    ok = capaian >= 100",
])
def test_what_is_not_a_copy(tmp_path, line):
    module = tmp_path / "fine.py"
    module.write_text(f"def f():\n{line}\n", encoding="utf-8")
    assert copies_outside_home([module]) == []


def test_the_homes_hold_the_values():
    assert rules.EPS == 1e-9
    assert rules.tolerance(2) == 0.005 and rules.tolerance(0) == 0.5
    assert rules.IKM_SCALE == 25.0
    assert (catalog.AUDIT_CSV, catalog.INDICATORS_CSV, catalog.RUN_RECORD) == ("audit.csv", "indicators.csv",
                                                                              "run.json")


@pytest.mark.parametrize("capaian, met", [
    (100.0, True), (104.03, True), (100 - 1e-12, True), (99.99, False), (99.999999, False),
    (float("nan"), None), (None, None),
])
def test_target_met_is_one_rule(capaian, met):
    assert rules.target_met(capaian) is met


def test_direction_is_within_eps():
    assert (rules.direction(98.43, 94.01), rules.direction(94.01, 98.43)) == (1, -1)
    assert rules.direction(0.1 + 0.2, 0.3) == 0  # binary noise is no change
    assert rules.direction(0.3 + 2e-9, 0.3) == 1


def test_one_rounding_one_sign_one_blank_one_plain_number():
    # the audit's half-up rounding is fmt's (86,13 / 88 x 100 is 97,875 by hand: 97,88)
    assert round_number(86.13 / 88 * 100, 2) == 97.88 and round_number(2.675, 2) == 2.68
    assert truncate_number(91.2975, 2) == 91.29 and truncate_number(-4.428, 2) == -4.42
    # a change that shows as zero carries no sign; '–' when missing
    assert [fmt_signed(v) for v in (0.42, -1.3, 0.004, -0.004, 1234.5, None)] == [
        "+0,42", "-1,30", "0,00", "0,00", "+1.234,50", "–"]
    assert fmt_signed(2.45, 1) == "+2,5"
    assert [is_blank(v) for v in (None, float("nan"), "", "  ", "0", 0)] == [True, True, True, True, False, False]
    assert [fmt_plain(v) for v in (-1.3000000000000114, 922131601245.0, float("nan"), -0.0, 7, True)] == [
        "-1.3", "922131601245", "", "0", "7", "true"]


def test_the_printed_page_is_the_css_page():
    css = (SRC / "assets" / "lkjip-print.css").read_text(encoding="utf-8")
    page = re.search(r"@page\s*\{([^}]*)", css).group(1)
    size = re.search(r"size:\s*([^;]+);", page).group(1).split()
    assert size == ["A4", "portrait"] and pages.A4_WIDTH_MM == 210
    top, right, bottom, left = (float(v.removesuffix("cm")) * 10 for v in
                                re.search(r"margin:\s*([^;]+);", page).group(1).split())
    assert (left, right) == pages.PAGE_MARGINS_MM
    assert pages.TEXT_WIDTH_MM == 165 and pages.TEXT_WIDTH_PT == pytest.approx(165 / 25.4 * 72)
    assert pages.FIGURE_WIDTH_IN * 2.54 <= pages.TEXT_WIDTH_MM / 10  # a figure fits the text block

    from lkjip.charts import A4_WIDTH_IN
    from lkjip.contract import html_table

    assert A4_WIDTH_IN == pages.FIGURE_WIDTH_IN
    assert not hasattr(html_table, "_TEXT_WIDTH_PT")  # one form of the page width


def test_dead_code_stays_deleted():
    from lkjip.document import bab3a
    from lkjip.run import pipeline, steps

    assert not any(hasattr(bab3a, n) for n in ("tabel_3_2_2", "tabel_3_2_3", "tabel_3_2_4"))
    assert not hasattr(steps, "audit_counts") and not hasattr(steps, "audit_sections")
    assert not hasattr(pipeline, "RunFailed")
