"""Which IP ASN assessment each year of Tabel 3.1.2 shows, so that "IP ASN tahun 2022" means one figure.

A report year may show an earlier assessment (its own is published later): Gedeg's 2022 column shows 56,
the assessment of 2021 used by the LKjIP 2022, while the LKjIP 2023 uses the assessment of 2022, 89,50,
which its text calls "IP ASN tahun 2022". The note under Tabel 3.1.2 says which assessment each column
holds (for the officials' copy too); the draft adds an analyst's note when a column labelled with a year
holds another figure than that year's assessment shown elsewhere in the report.
"""

from __future__ import annotations

from lkjip.contract.fmt import is_missing
from lkjip.document.narrative.common import fmt_value
from lkjip.document.narrative.profil import analyst_note


def _assessments(rep) -> dict[int, tuple[int, float]]:
    """``{report year: (assessment year, value)}`` for the years whose IP ASN has an assessment year."""
    out = {}
    for y, r in sorted((getattr(rep, "per_year_results", None) or {}).items()):
        ip = getattr(r, "ipasn", None)
        if ip is None or ip.tahun_penilaian is None or is_missing(ip.nilai):
            continue
        out[int(y)] = (int(ip.tahun_penilaian), float(ip.nilai))
    return out


def _uses(rep) -> bool:
    return any(i.builtin == "ip_asn" for i in rep.results.iku)


def catatan_ip_asn(rep) -> str:
    """The note under Tabel 3.1.2 naming the assessment of each year whose column shows another year's
    (empty when every year shows its own)."""
    if not _uses(rep):
        return ""
    got = _assessments(rep)
    other = [(y, t, v) for y, (t, v) in got.items() if t != y]
    if not other:
        return ""
    parts = [f"tahun {y} memuat {fmt_value('ip_asn', v)}, hasil pengukuran tahun {t}" for y, t, v in other]
    return ("Realisasi Indeks Profesionalitas ASN pada tabel ini adalah hasil pengukuran yang dipakai saat "
            "laporan tahun itu disusun, karena hasil pengukuran tahun laporan diterbitkan kemudian: "
            + "; ".join(parts) + ".")


def catatan_analis_ip_asn(rep, final: bool = False) -> str:
    """The draft's analyst note when a year's column holds another figure than that year's own assessment
    as another report year shows it (Tabel 3.1.2's 2022 = 56 while the 2023 report uses the 2022
    assessment, 89,50)."""
    if final:
        return ""
    return "\n\n".join(analyst_note(n) for n in ip_asn_disagreements(rep))


def ip_asn_disagreements(rep) -> list[str]:
    """One plain sentence per year whose Tabel 3.1.2 column holds another IP ASN figure than the assessment
    of that year as the report year uses it (the analyst's note and the audit's list of disagreeing facts)."""
    if not _uses(rep):
        return []
    got = _assessments(rep)
    notes = []
    for y, (t, v) in got.items():
        if t == y or t not in got:
            continue
        shown_t = got[t][1]
        if fmt_value("ip_asn", shown_t) != fmt_value("ip_asn", v):
            notes.append(f"IP ASN: kolom tahun {t} Tabel 3.1.2 memuat {fmt_value('ip_asn', shown_t)} (hasil pengukuran "
                         f"tahun {got[t][0]}), sedangkan laporan tahun {y} memakai hasil pengukuran tahun {t} "
                         f"sebesar {fmt_value('ip_asn', v)}; laporan menyebut tahun pengukuran masing-masing. "
                         f"Periksa tahun penilaian IP ASN data pegawai tahun {t} dan {y}.")
    return notes
