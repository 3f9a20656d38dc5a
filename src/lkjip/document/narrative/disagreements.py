"""Facts that disagree inside a unit's data, named in the draft's analyst notes (never in the final,
never "corrected"): the officials decide which reading is right.

- the legal basis of Bab I A and Bab I D: the same number and year named as two kinds of regulation
  (LKjIP Gedeg 2023: "Peraturan Daerah ... Nomor 80 Tahun 2016" and "Peraturan Bupati ... Nomor 80
  Tahun 2016");
- an official whose NIP in the officials' reports or among the signers differs from the staff list.
"""

from __future__ import annotations

import re

import pandas as pd

from lkjip.contract.fmt import is_missing

_REGULATION = re.compile(r"(peraturan\s+(?:daerah|bupati|walikota|wali\s+kota|gubernur)|perda|perbup|perwali)"
                         r".*?nomor\s+(\d+)\s+tahun\s+(\d{4})", re.IGNORECASE | re.DOTALL)
_KIND = {"perda": "peraturan daerah", "perbup": "peraturan bupati", "perwali": "peraturan walikota"}


def _regulation(text: str | None) -> tuple[str, str, str] | None:
    m = _REGULATION.search(text or "")
    if m is None:
        return None
    kind = " ".join(m.group(1).lower().split()).replace("wali kota", "walikota")
    return _KIND.get(kind, kind), m.group(2), m.group(3)


def legal_basis_disagreement(organisasi: str | None, tugas_fungsi: str | None) -> str | None:
    """The analyst's note when both legal bases name the same number and year as different kinds of
    regulation, else ``None``.

    >>> legal_basis_disagreement("Peraturan Daerah Kabupaten Mojokerto Nomor 80 Tahun 2016 tentang X",
    ...                          "Peraturan Bupati Mojokerto Nomor 80 Tahun 2016 tentang X")[:60]
    'dasar hukum struktur organisasi (Bab I A) menyebut Peraturan'
    >>> legal_basis_disagreement("Peraturan Bupati Nomor 80 Tahun 2016", "Peraturan Bupati Nomor 80 Tahun 2016")
    """
    a, b = _regulation(organisasi), _regulation(tugas_fungsi)
    if a is None or b is None or a[1:] != b[1:] or a[0] == b[0]:
        return None
    return (f"dasar hukum struktur organisasi (Bab I A) menyebut {a[0].title()} Nomor {a[1]} Tahun {a[2]}, "
            f"sedangkan dasar hukum tugas pokok dan fungsi (Bab I D) menyebut {b[0].title()} dengan nomor dan "
            "tahun yang sama (unit.yaml, bagian profil). "
            "Periksa jenis peraturan pada dokumen aslinya sebelum laporan ditandatangani.")


def unit_legal_basis_disagreement(unit) -> str | None:
    """:func:`legal_basis_disagreement` of the two legal bases in ``unit.yaml``'s ``profil``."""
    profil = getattr(unit, "profil", None) or {}
    return legal_basis_disagreement(profil.get("dasar_hukum_organisasi"), profil.get("dasar_hukum_tugas_fungsi"))


#: Where a NIP stands, in the words of the notes (the file named, never a bare dataset key: the audit prints
#: these notes too, and a reader sees no identifiers).
_WHERE = {"laporan_pejabat": "laporan jabatan (laporan_pejabat.csv)",
          "penandatangan": "daftar penandatangan (penandatangan.csv)"}


def _digits(nip: object) -> str:
    return "" if is_missing(nip) else re.sub(r"\s+", "", str(nip))


def _name_key(nama: object) -> str:
    """A person's name without degrees: 'KUKUH RADIDTYO, SH, MH' -> 'kukuh radidtyo'."""
    return "" if is_missing(nama) else " ".join(str(nama).split(",")[0].lower().split())


def nip_disagreements(pegawai: pd.DataFrame | None, others: dict[str, pd.DataFrame | None]) -> list[str]:
    """One analyst's note per person whose NIP in ``others`` (dataset name -> frame with ``nama``, ``nip``)
    differs from the staff list (``pegawai``), matched by name without degrees.

    >>> peg = pd.DataFrame({"nama": ["KUKUH RADIDTYO, S.H."], "nip": ["197803062003121004"]})
    >>> lp = pd.DataFrame({"nama": ["KUKUH RADIDTYO, SH, MH"], "nip": ["197803062003121001"]})
    >>> nip_disagreements(peg, {"laporan_pejabat": lp})[0][:90]
    'NIP KUKUH RADIDTYO pada laporan jabatan (laporan_pejabat.csv) tertulis 197803062003121001,'
    """
    if pegawai is None or not {"nama", "nip"} <= set(pegawai.columns):
        return []
    staff = {_name_key(n): _digits(p) for n, p in zip(pegawai["nama"], pegawai["nip"]) if _name_key(n)}
    notes, seen = [], set()
    for name, frame in others.items():
        if frame is None or not {"nama", "nip"} <= set(frame.columns):
            continue
        for n, p in zip(frame["nama"], frame["nip"]):
            key, nip = _name_key(n), _digits(p)
            if not key or not nip or key not in staff or not staff[key] or staff[key] == nip:
                continue
            if (key, nip) in seen:
                continue
            seen.add((key, nip))
            notes.append(f"NIP {key.upper()} pada {_WHERE.get(name, name + '.csv')} tertulis {nip}, berbeda dari data "
                         f"pegawai ({staff[key]}); "
                         "periksa mana yang benar sebelum laporan ditandatangani.")
    return notes
