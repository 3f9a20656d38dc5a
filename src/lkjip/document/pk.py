"""Bab II B and Lampiran 2 from contract v2: the Perjanjian Kinerja and the PK Perubahan as signed.

:func:`perjanjian_kinerja` returns one document (``pk`` or ``pk_perubahan``)
with every indicator as printed (also those outside the seven key
indicators, e.g. "Nilai RB"), its programme budgets and how it was signed;
:func:`perubahan_pk` what the PK Perubahan dropped and added. Targets keep
their printed form (``71 (B)``) beside the number.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkjip.contract.optional_datasets import PK_DOCUMENTS
from lkjip.contract.fmt import fmt_date_id, is_missing
from lkjip.document.sections import Absent, absent, inputs_of
from lkjip.document.nips import nip_formatter

#: Roles whose names are personal data of staff rather than the signature of an office.
STAFF_ROLES = ("anggota_tim",)
DOKUMEN_LABEL = {"pk": "Perjanjian Kinerja", "pk_perubahan": "Perjanjian Kinerja Perubahan"}


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


@dataclass(frozen=True)
class Penandatanganan:
    """How a document was signed (``dokumen.csv`` and ``penandatangan.csv`` of the year).

    ``tanggal_teks``: the date as the document prints it (``tanggal_tercetak``,
    else the full date); ``orang``: ``peran, nama, jabatan, pangkat, nip`` in
    file order. Privacy as ``unit.yaml`` says: NIPs masked unless
    ``tampilkan_nip``; names of team members (:data:`STAFF_ROLES`) blank unless
    ``tampilkan_nama_pegawai`` (signatories sign as office holders and keep theirs).
    """

    dokumen: str
    judul: str
    nomor: str
    tempat: str
    tanggal: pd.Timestamp | None
    tanggal_teks: str
    dasar_nomor: str
    dasar_tanggal: pd.Timestamp | None
    dasar_uraian: str
    orang: pd.DataFrame

    def peran(self, peran: str) -> pd.DataFrame:
        return self.orang[self.orang["peran"] == peran].reset_index(drop=True)


def penandatanganan(source, dokumen: str) -> Penandatanganan | Absent:
    """The signing of ``dokumen`` (pk, pk_perubahan, berita_acara, lkjip, rekap_koordinasi)."""
    inputs = inputs_of(source)
    docs = inputs.table("dokumen")
    rows = None if docs is None else docs[docs["dokumen"].astype("string").str.strip() == dokumen]
    if rows is None or not len(rows):
        return absent("dokumen", inputs.unit.kode, inputs.year, dokumen=dokumen)
    r = rows.iloc[0]
    people = inputs.table("penandatangan")
    cols = ["peran", "nama", "jabatan", "pangkat", "nip"]
    if people is None:
        orang = pd.DataFrame(columns=cols)
    else:
        orang = people[people["dokumen"].astype("string").str.strip() == dokumen]
        orang = pd.DataFrame({c: [_text(v) for v in orang[c]] for c in cols}, columns=cols)

    shown = nip_formatter(inputs)  # one form in every table; masked ones distinct per person
    orang["nip"] = [shown(n) for n in orang["nip"]]
    if not inputs.unit.tampilkan_nama_pegawai:
        orang.loc[orang["peran"].isin(STAFF_ROLES), "nama"] = ""
    tanggal = r["tanggal"] if pd.notna(r["tanggal"]) else None
    printed = _text(r["tanggal_tercetak"]) or (fmt_date_id(tanggal) if tanggal is not None else "")
    return Penandatanganan(dokumen, _text(r["judul"]), _text(r["nomor"]), _text(r["tempat"]), tanggal, printed,
                           _text(r["dasar_nomor"]), r["dasar_tanggal"] if pd.notna(r["dasar_tanggal"]) else None,
                           _text(r["dasar_uraian"]), orang)


@dataclass(frozen=True)
class PerjanjianKinerja:
    """One PK document as signed.

    ``indikator``: ``No, Jenis, Sasaran, Indikator Kinerja, Rincian, Target`` (as
    printed), ``target_angka``, ``kode_indikator`` (blank for indicators outside
    the seven key ones), in printed order. ``anggaran``: ``Program, Kode,
    Anggaran, Keterangan`` or :class:`Absent`; ``total_anggaran`` their sum.
    """

    dokumen: str
    judul: str
    indikator: pd.DataFrame
    anggaran: pd.DataFrame | Absent
    total_anggaran: float
    penandatanganan: Penandatanganan | Absent

    @property
    def jumlah_indikator(self) -> int:
        return len(self.indikator)


def perjanjian_kinerja(source, dokumen: str = "pk") -> PerjanjianKinerja | Absent:
    if dokumen not in PK_DOCUMENTS:
        raise ValueError(f"dokumen PK harus salah satu dari {', '.join(PK_DOCUMENTS)}: {dokumen!r}")
    inputs = inputs_of(source)
    frame = inputs.table("perjanjian_kinerja")
    rows = None if frame is None else frame[frame["dokumen"].astype("string").str.strip() == dokumen]
    if rows is None or not len(rows):
        return absent("perjanjian_kinerja", inputs.unit.kode, inputs.year)
    indikator = pd.DataFrame({
        "No": [_text(v) for v in rows["nomor"]],
        "Jenis": [_text(v) for v in rows["jenis"]],
        "Sasaran": [_text(v) for v in rows["sasaran"]],
        "Indikator Kinerja": [_text(v) for v in rows["indikator"]],
        "Rincian": [_text(v) for v in rows["rincian"]],
        "Target": [_text(v) for v in rows["target"]],
        "target_angka": pd.to_numeric(rows["target_angka"], errors="coerce").astype(float).values,
        "kode_indikator": [_text(v) for v in rows["kode_indikator"]],
    })
    budget = inputs.table("perjanjian_kinerja_anggaran")
    brows = None if budget is None else budget[budget["dokumen"].astype("string").str.strip() == dokumen]
    if brows is None or not len(brows):
        anggaran: pd.DataFrame | Absent = absent("perjanjian_kinerja_anggaran", inputs.unit.kode, inputs.year)
        total = float("nan")
    else:
        anggaran = pd.DataFrame({
            "Program": [_text(v) for v in brows["program"]],
            "Kode": [_text(v) for v in brows["kode_program"]],
            "Anggaran": brows["anggaran"].astype(float).values,
            "Keterangan": [_text(v) for v in brows["keterangan"]],
        })
        total = float(anggaran["Anggaran"].sum())
    signing = penandatanganan(inputs, dokumen)
    judul = signing.judul if not isinstance(signing, Absent) and signing.judul else \
        f"{DOKUMEN_LABEL[dokumen]} Tahun {inputs.year}"
    return PerjanjianKinerja(dokumen, judul, indikator, anggaran, total, signing)


@dataclass(frozen=True)
class PerubahanPK:
    """Indicators of the PK no longer in the PK Perubahan (``dihapus``) and new ones (``ditambah``).

    Matched by ``kode_indikator``, or by the indicator's wording when it has no code.
    """

    dihapus: list[str]
    ditambah: list[str]
    target_berubah: pd.DataFrame


def perubahan_pk(source) -> PerubahanPK | Absent | None:
    """What the PK Perubahan changed; None when the year has no PK Perubahan (nothing changed)."""
    inputs = inputs_of(source)
    pk = perjanjian_kinerja(inputs, "pk")
    pkp = perjanjian_kinerja(inputs, "pk_perubahan")
    if isinstance(pk, Absent):
        return pk
    if isinstance(pkp, Absent):
        return None

    def keyed(doc: PerjanjianKinerja) -> dict[str, pd.Series]:
        return {(r["kode_indikator"] or r["Indikator Kinerja"].lower()): r for _, r in doc.indikator.iterrows()}

    before, after = keyed(pk), keyed(pkp)
    changed = [{"Indikator Kinerja": after[k]["Indikator Kinerja"], "Target PK": before[k]["Target"],
                "Target PK Perubahan": after[k]["Target"]}
               for k in after if k in before and before[k]["target_angka"] != after[k]["target_angka"]]
    return PerubahanPK([before[k]["Indikator Kinerja"] for k in before if k not in after],
                       [after[k]["Indikator Kinerja"] for k in after if k not in before],
                       pd.DataFrame(changed, columns=["Indikator Kinerja", "Target PK", "Target PK Perubahan"]))
