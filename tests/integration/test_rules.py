"""The regulation constants: pinned here against the regulations, defined once in lkjip.contract.rules.

This module is the one place besides :mod:`lkjip.contract.rules` that writes the SAKIP
weights and the IKM band edges out: it checks them against the regulations.
Everything else imports them, and :func:`test_no_copy_of_the_rules_outside_their_home`
fails on a copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkjip.contract import rules

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / "src" / "lkjip" / "contract" / "rules"

_N = r"(?:[.,]0+)?(?![\d]|[.,]\d)"
#: What a copy looks like: the four weights in a row, a component mapped to its weight,
#: or an IKM band edge written as a number.
COPY_PATTERNS = {
    "bobot SAKIP berurutan": re.compile(rf"\b30{_N}\s*,\s*30{_N}\s*,\s*15{_N}\s*,\s*25{_N}\b"),
    "bobot SAKIP per komponen": re.compile(
        rf"""["']?\b(?:perencanaan|pengukuran|pelaporan|evaluasi_internal)["']?\s*[:=,]\s*\(?\s*["']?(?:30|15|25){_N}\b"""),
    "batas mutu IKM": re.compile(r"(?<![\d.,])(?:88[.,]3[01]|76[.,]6[01]|64[.,]99)(?![\d])"),
}


def find_copies(paths) -> list[str]:
    found = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            for name, pattern in COPY_PATTERNS.items():
                if pattern.search(line):
                    found.append(f"{Path(path).relative_to(ROOT) if Path(path).is_relative_to(ROOT) else path}"
                                 f":{number}: {name}: {line.strip()}")
    return found


def _searched() -> list[Path]:
    files = [p for folder in ("src", "scripts", "tests") for p in (ROOT / folder).rglob("*.py")]
    files += list((ROOT / "notebooks").glob("*.py"))
    return sorted(p for p in files if not p.is_relative_to(HOME) and p != Path(__file__).resolve()
                  and "fixtures" not in p.parts)


def test_sakip_weights_and_shares_of_permenpan_rb_88_2021():
    assert rules.SAKIP_COMPONENT_WEIGHTS == {"perencanaan": 30.0, "pengukuran": 30.0, "pelaporan": 15.0,
                                             "evaluasi_internal": 25.0}
    assert rules.SAKIP_SUBCOMPONENT_SHARES == {"keberadaan": 0.2, "kualitas": 0.3, "pemanfaatan": 0.5}


def test_ikm_bands_of_permenpan_rb_14_2017():
    assert [(b.label, b.lower, b.upper) for b in rules.IKM_MUTU.bands] == [
        ("A", 88.31, 100.0), ("B", 76.61, 88.30), ("C", 65.00, 76.60), ("D", 25.00, 64.99)]
    assert rules.IKM_MUTU.classify(88.30) == "B" and rules.IKM_MUTU.classify(88.31) == "A"


def test_ipasn_dimensions_and_the_seven_indicators():
    assert rules.IPASN_DIMENSIONS == {"kualifikasi": 25.0, "kompetensi": 40.0, "kinerja": 30.0, "disiplin": 5.0}
    assert rules.INDICATOR_IDS == ("ikm", "layanan_sesuai_standar_pct", "koordinasi_ditindaklanjuti_pct",
                                   "sakip", "realisasi_anggaran_pct", "ip_asn", "jumlah_inovasi")
    assert rules.INDICATOR_DATASETS == {
        "ikm": "ikm_survei", "layanan_sesuai_standar_pct": "paten_layanan", "koordinasi_ditindaklanjuti_pct":
        "koordinasi", "sakip": "sakip_evaluasi", "realisasi_anggaran_pct": "lra", "ip_asn": "pegawai",
        "jumlah_inovasi": "inovasi"}


def test_the_contract_takes_its_values_from_the_rules():
    from lkjip.contract import schema

    assert schema.SAKIP_COMPONENTS == tuple(rules.SAKIP_COMPONENT_WEIGHTS)
    assert schema.UNSUR == tuple(rules.IKM_UNSUR_NAMES)
    assert schema.STAFF_STATUSES == (*rules.ASN_STATUSES, "honorer")


def test_no_copy_of_the_rules_outside_their_home():
    searched = _searched()
    assert len(searched) > 50  # the search did look at the repository
    assert find_copies(searched) == []


@pytest.mark.parametrize("line, name", [
    ('WEIGHTS = {"perencanaan": 30.0, "pengukuran": 30.0}', "bobot SAKIP per komponen"),
    ("bobot = [30, 30, 15, 25]", "bobot SAKIP berurutan"),
    ('SAKIP_2021 = {"pelaporan": (15, ["2.85"])}', "bobot SAKIP per komponen"),
    ("ax.set_yticks([65, 76.61, 88.31])", "batas mutu IKM"),
    ('Band("B", 76.61, "Baik", "76,61 - 88,30")', "batas mutu IKM"),
])
def test_a_copy_is_found(tmp_path, line, name):
    path = tmp_path / "copy.py"
    path.write_text(f"x = 1\n{line}\n", encoding="utf-8")
    assert find_copies([path]) == [f"{path}:2: {name}: {line}"]  # the file, its line, the rule copied, the text


@pytest.mark.parametrize("line", ['("pengukuran", "25,74")', "nilai = 27.03 + 25.74", "total = 2188.31", "x = 88.315", "pagu = 130.15"])
def test_ordinary_numbers_are_not_copies(tmp_path, line):
    path = tmp_path / "fine.py"
    path.write_text(line + "\n", encoding="utf-8")
    assert find_copies([path]) == []


# --------------------------------------------------------------------------- printed total vs parts

@pytest.mark.parametrize("printed, computed, decimals, ok", [
    (2483372550.0, 2483372550.0, None, True),
    (100.0, 99.6, None, True),        # a whole number: within 0,5
    (100.0, 99.4, None, False),
    (27.03, 27.034, None, True),      # two decimals: within 0,005
    (27.03, 27.04, None, False),
    (87.4, 87.44, None, True),        # one decimal (87,4)
    (87.4, 87.44, 2, False),          # typed "87,40": two decimals
    (97.875, 97.88, 2, True),
    (float("nan"), 1.0, None, False),
    (1.0, None, None, False),
])
def test_check_total(printed, computed, decimals, ok):
    check = rules.check_total(printed, computed, decimals=decimals)
    assert check.ok is ok
    if ok:
        assert abs(check.difference) <= check.tolerance + rules.EPS


def _anggaran(parent_pagu: float) -> pd.DataFrame:
    return pd.DataFrame({
        "baris": [2, 3, 4],
        "kode": pd.array(["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"], dtype="string"),
        "uraian": pd.array(["PROGRAM", "Kegiatan", "Sub kegiatan"], dtype="string"),
        "pagu": [parent_pagu, 99.6, 99.6],
        "realisasi": [90.0, 90.0, 90.0],
        "adalah_total": [False, False, False],
    })


@pytest.mark.parametrize("parent_pagu, ok", [(100.0, True), (100.5, False), (99.6, True)])
def test_budget_validation_and_audit_apply_the_same_rule(parent_pagu, ok):
    """A programme printed 100 over children summing to 99,6 is a rounding of a whole number
    (within 0,5); printed 100,5 (one decimal) it is not. Before the rule was shared the budget
    check allowed 0,005 and the validation 0,5 whatever the printed decimals."""
    from lkjip.audit import audit_year
    from lkjip.validation import prepare_frame

    df = _anggaran(parent_pagu)
    helper = prepare_frame("anggaran", df, 2023)["anak_tidak_cocok"]
    assert bool(helper.isna().iloc[0]) is ok
    audit = audit_year({"anggaran": df}, year=2023).frame
    row = audit[audit["item"].str.startswith("7.01.01 PROGRAM: pagu")]
    assert row["status"].tolist() == ["sesuai" if ok else "selisih"]
