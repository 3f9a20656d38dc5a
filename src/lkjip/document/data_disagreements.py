"""Facts that disagree inside a unit-year's data, listed for the audit as the draft flags them.

The draft LKjIP names each disagreement in an analyst's note at the place it concerns (never in the
final, never "corrected": the officials decide which reading is right). The auditor reads the same
sentences in one table, with the place of the generated LKjIP each belongs to, so that a disagreement
the officials did not settle before signing is visible in the audit too. Each rule has one home, the
function the draft's note is made from:

- the legal basis named as two kinds of regulation (:func:`~lkjip.document.narrative.disagreements.unit_legal_basis_disagreement`);
- a NIP that differs between the staff list and the officials' reports or signers (:func:`~lkjip.document.nips.nip_notes`);
- an official's capaian table against the signed PK, and a realisation against the budget lines
  (:func:`~lkjip.document.narrative.lampiran.pejabat_disagreements`);
- an IP ASN column of Tabel 3.1.2 holding another assessment than the report year uses
  (:func:`~lkjip.document.narrative.tahun_penilaian.ip_asn_disagreements`).
"""

from __future__ import annotations

import pandas as pd

from lkjip.document.lampiran_dokumen import laporan_pejabat
from lkjip.document.narrative.disagreements import unit_legal_basis_disagreement
from lkjip.document.narrative.lampiran import pejabat_disagreements
from lkjip.document.narrative.tahun_penilaian import ip_asn_disagreements
from lkjip.document.nips import nip_notes
from lkjip.document.sections import is_absent

#: The columns of :func:`data_disagreements`.
COLUMNS = ["Jenis", "Tempat di LKjIP yang dihasilkan", "Keterangan"]


def data_disagreements(rep) -> pd.DataFrame:
    """One row per fact that disagrees inside the data of ``rep`` (a :class:`~lkjip.document.data.ReportData`):
    ``Jenis``, ``Tempat di LKjIP yang dihasilkan`` (Bab or Lampiran, as the draft places the note) and
    ``Keterangan`` (the analyst's note, word for word). Empty (with the columns) when nothing disagrees."""
    rows = []
    legal = unit_legal_basis_disagreement(rep.unit)
    if legal:
        rows.append(("Dasar hukum", "Bab I (struktur organisasi; tugas pokok dan fungsi)", legal))
    rows += [("NIP", "Lampiran 3 dan penandatangan", n) for n in nip_notes(rep)]
    officials = laporan_pejabat(rep)
    if not is_absent(officials):
        rows += [("Laporan jabatan", f"Lampiran 3, {lp.jabatan}", n) for lp in officials
                 for n in pejabat_disagreements(lp)]
    rows += [("Tahun pengukuran IP ASN", "Bab III, Tabel Perbandingan Realisasi Kinerja", n)
             for n in ip_asn_disagreements(rep)]
    return pd.DataFrame(rows, columns=COLUMNS)
