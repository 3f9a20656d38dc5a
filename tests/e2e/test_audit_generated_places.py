"""Two documents, two columns (issue 25, item 1) in the executed reports: the generated LKjIP's numbers the
audit names are the numbers the executed LKjIP prints, and the audit links to them."""

from __future__ import annotations

import re

from lkjip import document as rp
from lkjip.document.generated_places import planned_captions
from lkjip.render.contents import caption_entries

#: The appendix tables of the data checks close the LKjIP; the audit places nothing there.
_CHECKS = ("Hasil Pemeriksaan Data", "Hasil Audit Angka")


def _html(folder, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_the_planned_numbers_are_the_printed_ones(bundled_run, bundled_reports):
    for year, folder in sorted(bundled_reports.items()):
        printed = [(hid, text) for _, hid, text in caption_entries(_html(folder, f"lkjip_gedeg_{year}.html"))
                   if not text.split(" ", 2)[2].startswith(_CHECKS)]
        laporan = rp.build_report(bundled_run["run"] / "raw", "gedeg", year)
        planned = [(c.id, str(c)) for c in planned_captions(laporan).captions]
        assert planned == printed, year


def test_the_audit_links_each_finding_to_the_generated_lkjip(bundled_reports):
    year = max(bundled_reports)
    folder = bundled_reports[year]
    audit = _html(folder, f"audit_gedeg_{year}.html")
    lkjip = _html(folder, f"lkjip_gedeg_{year}.html")
    assert "Tempat di LKjIP yang diterbitkan" in audit and "Tempat di LKjIP yang dihasilkan" in audit
    links = set(re.findall(rf'href="lkjip_gedeg_{year}\.html#([a-z0-9-]+)"', audit))
    assert {"tabel-3-1-7", "tabel-3-1-12", "tabel-3-2-1"} <= links
    for anchor in links:
        assert f'id="{anchor}"' in lkjip, anchor
    # the generated LKjIP's own findings have their section
    assert 'id="lkjip-dihasilkan"' in audit and "Temuan pada tabel LKjIP yang dihasilkan" in audit


def test_the_audit_lists_the_facts_that_disagree_inside_the_data(bundled_reports):
    """Issue 24 item 7: what the draft flags in analyst notes (Perda/Perbup, the NIPs, 94 vs 90 %, the IP ASN
    years) is in the audit too, in its own section."""
    audit = _html(bundled_reports[2023], "audit_gedeg_2023.html").replace("\u00a0", " ").replace("&nbsp;", " ")
    assert 'id="data-berbeda"' in audit and "Fakta yang saling berbeda di dalam data" in audit
    for fact in ("Peraturan Bupati", "197803062003121004", "Lampiran 3, Sekretaris Kecamatan",
                 "Rp 41.322.000", "sebesar 89,50"):
        assert fact in audit, fact
