"""The regulation constants: pinned here against the regulations, defined once in lkjip.rules.

This module is the one place besides :mod:`lkjip.rules` that writes the SAKIP
weights and the IKM band edges out: it checks them against the regulations.
Everything else imports them, and :func:`test_no_copy_of_the_rules_outside_their_home`
fails on a copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjip import rules

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "src" / "lkjip" / "rules"

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
    assert rules.sakip_weight("perencanaan", "pemanfaatan") == 15.0


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
    from lkjip import schema

    assert schema.SAKIP_COMPONENTS == tuple(rules.SAKIP_COMPONENT_WEIGHTS)
    assert schema.UNSUR == tuple(rules.IKM_UNSUR_NAMES)
    assert schema.STAFF_STATUSES == (*rules.ASN_STATUSES, "honorer")


def test_no_copy_of_the_rules_outside_their_home():
    searched = _searched()
    assert len(searched) > 50  # the search did look at the repository
    assert find_copies(searched) == []


@pytest.mark.parametrize("line", [
    'WEIGHTS = {"perencanaan": 30.0, "pengukuran": 30.0}',
    "bobot = [30, 30, 15, 25]",
    'SAKIP_2021 = {"pelaporan": (15, ["2.85"])}',
    "ax.set_yticks([65, 76.61, 88.31])",
    'Band("B", 76.61, "Baik", "76,61 - 88,30")',
])
def test_a_copy_is_found(tmp_path, line):
    path = tmp_path / "copy.py"
    path.write_text(f"x = 1\n{line}\n", encoding="utf-8")
    assert len(find_copies([path])) == 1


@pytest.mark.parametrize("line", ['("pengukuran", "25,74")', "nilai = 27.03 + 25.74", "total = 2188.31", "x = 88.315", "pagu = 130.15"])
def test_ordinary_numbers_are_not_copies(tmp_path, line):
    path = tmp_path / "fine.py"
    path.write_text(line + "\n", encoding="utf-8")
    assert find_copies([path]) == []
