"""Lampiran 5 of the generated LKjIP says the audit report's own counts (printed, checked, equal,
different figures): the Camat and the Inspektorat read the same numbers (issue 24, item 6)."""

from __future__ import annotations

import html
import re
from pathlib import Path


def _text(path: Path) -> str:
    t = path.read_text(encoding="utf-8")
    t = re.sub(r"<(style|script)\b.*?</\1>", " ", t, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", t)).split())


def audit_report_counts(text: str) -> dict[str, str]:
    """The first table of the audit report: its counts as printed."""
    out = {}
    for key, label in (("dicetak", "Angka yang tercetak di LKjIP"), ("diperiksa", "Diperiksa"),
                       ("sesuai", "Sesuai"), ("selisih", "Selisih")):
        m = re.search(re.escape(label) + r" ([\d.]+)", text)
        assert m, label
        out[key] = m.group(1)
    return out


def test_lampiran_5_says_the_audit_report_s_counts(bundled_reports):
    folder = bundled_reports[2023]
    audit = audit_report_counts(_text(folder / "audit_gedeg_2023.html"))
    assert audit["dicetak"] == "2.858"
    lkjip = _text(folder / "lkjip_gedeg_2023.html")
    assert (f"Dari {audit['dicetak']} angka yang tercetak di LKjIP yang telah diterbitkan, {audit['diperiksa']} "
            f"angka diperiksa dengan menghitungnya ulang dari data atau menjumlahkan rinciannya: "
            f"{audit['sesuai']} sesuai dan {audit['selisih']} berselisih.") in lkjip
    assert "Audit memeriksa" not in lkjip
