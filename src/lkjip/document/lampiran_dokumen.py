"""Bab III C and the Lampiran from contract v2: follow-up of the last evaluation, the Berita Acara,
each official's PK results (Lampiran 4) and the achievements (Lampiran 7).

Privacy: NIPs are masked unless ``unit.yaml`` says ``tampilkan_nip: true``; the
names of the SAKIP team members and of the officials in Lampiran 4 are left
blank unless it says ``tampilkan_nama_pegawai: true`` (signatories of a
document, who sign as office holders, keep their names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lkjip.indicators.targets import capaian
from lkjip.contract.fmt import is_missing
from lkjip.contract.indonum import NumberFormatError, parse_integer, parse_number
from lkjip.document.pejabat_catatan import budget_source, target_differences
from lkjip.document.pk import Penandatanganan, penandatanganan
from lkjip.document.profil import TugasFungsi, tugas_fungsi
from lkjip.document.sections import Absent, absent, inputs_of
from lkjip.document.nips import nip_formatter
from lkjip.inputs.catalog import unit_dir
from lkjip.inputs.ingest import read_dataset

_LEADING_NUMBER = re.compile(r"^\s*(?:rp\.?\s*)?([\d.,]+)\s*(?:%|[a-zA-Z ]*)\s*$", re.IGNORECASE)


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def printed_number(text: object) -> float:
    """The number in front of a printed target or realisation (``'11.119 pelayanan'``, ``'94%'``).

    NaN when the cell is not a number with an optional unit (``'B'``, ``'71 (B)'``).

    >>> printed_number("11.119 pelayanan"), printed_number("94,37"), printed_number("100%"), printed_number("B")
    (11119.0, 94.37, 100.0, nan)
    """
    match = _LEADING_NUMBER.match(_text(text))
    if not match:
        return float("nan")
    token = match.group(1)
    try:
        value = parse_number(token)
    except NumberFormatError:
        try:  # "1.100 pelayanan": a count written with a thousands mark
            value = parse_integer(token)
        except NumberFormatError:
            return float("nan")
    return float("nan") if value is None else float(value)


# --------------------------------------------------------------------------- Bab III C


@dataclass(frozen=True)
class TindakLanjut:
    """``tabel``: ``No, Rekomendasi, Tindak Lanjut, Status, Sumber, Keterangan`` in file order.

    ``rekomendasi_tercatat`` is False when no row names the recommendation it
    follows up; ``catatan`` then says so (the report does not invent one).
    """

    tabel: pd.DataFrame
    rekomendasi_tercatat: bool
    catatan: str | None


def tindak_lanjut_evaluasi(source) -> TindakLanjut | Absent:
    inputs = inputs_of(source)
    frame = inputs.table("tindak_lanjut_evaluasi")
    if frame is None or not len(frame):
        return absent("tindak_lanjut_evaluasi", inputs.unit.kode, inputs.year)
    tabel = pd.DataFrame({
        "No": range(1, len(frame) + 1),
        "Rekomendasi": [_text(v) for v in frame["rekomendasi"]],
        "Tindak Lanjut": [_text(v) for v in frame["tindak_lanjut"]],
        "Status": [_text(v) for v in frame["status"]],
        "Sumber": [_text(v) for v in frame["sumber_rekomendasi"]],
        "Keterangan": [_text(v) for v in frame["keterangan"]],
    })
    recorded = bool((tabel["Rekomendasi"] != "").any())
    note = None if recorded else (
        "Rekomendasi hasil evaluasi tahun sebelumnya tidak tercatat; yang disajikan adalah langkah tindak lanjut "
        f"dari berkas data/raw/{inputs.unit.kode}/{inputs.year}/tindak_lanjut_evaluasi.csv.")
    return TindakLanjut(tabel, recorded, note)


# --------------------------------------------------------------------------- Lampiran 3


@dataclass(frozen=True)
class BeritaAcara:
    """Lampiran 3: the metadata from the data, the seven figures computed by the package.

    ``hasil``: ``No, indikator, Indikator Kinerja, Realisasi, Satuan, Kelas`` (the
    indicator's own class: mutu IKM, predikat SAKIP, kategori IP ASN), full
    precision, in the order of the seven key indicators. ``ip_asn``: the
    assessment shown (:class:`lkjip.indicators.ipasn.IpAsnPenilaian`), for the sentence
    of item 6 when an earlier assessment stands in for the year.
    """

    penandatanganan: Penandatanganan
    hasil: pd.DataFrame
    ip_asn: object


def berita_acara(rep) -> BeritaAcara | Absent:
    """From a :class:`~lkjip.document.data.ReportData` (results and the IP ASN assessment)."""
    found = penandatanganan(rep.inputs, "berita_acara")
    if isinstance(found, Absent):
        return found
    tabel = rep.results.tabel.reset_index(drop=True)
    hasil = pd.DataFrame({
        "No": range(1, len(tabel) + 1),
        "indikator": tabel["indikator"].values,
        "Indikator Kinerja": tabel["nama"].values,
        "Realisasi": tabel["realisasi"].astype(float).values,
        "Satuan": tabel["satuan"].values,
        "Kelas": [rep.results.kelas.get(i) or "" for i in tabel["indikator"]],
    })
    return BeritaAcara(found, hasil, getattr(rep, "ip_asn_penilaian", None))


# --------------------------------------------------------------------------- Lampiran 4


@dataclass(frozen=True)
class LaporanPejabat:
    """One official's performance report (Lampiran 4).

    ``perjanjian``: ``No, Jenis, Sasaran, Indikator Kinerja, Target`` (as in the
    PK table); ``capaian``: ``No, Jenis, Sasaran, Indikator Kinerja, Target,
    Realisasi`` as printed, ``Capaian tercetak`` and ``Capaian dihitung``
    (realisasi / target x 100 where both are numbers, the target of the signed PK
    where it has one; NaN otherwise) side by side, never corrected. ``serapan_dihitung``: realisasi_anggaran / anggaran x 100.
    """

    jabatan: str
    nama: str
    pangkat: str
    nip: str
    jabatan_atasan: str
    tugas_fungsi: TugasFungsi | Absent
    perjanjian: pd.DataFrame
    capaian: pd.DataFrame
    anggaran: float
    realisasi_anggaran: float
    serapan_pct: float
    serapan_dihitung: float
    kategori: str
    rata_rata_capaian: float
    rencana_tindak_lanjut: str
    tanggapan_atasan: str
    disposisi: str
    #: the budget line with the official's pagu (lkjip.document.pejabat_catatan), for a note beside a
    #: realisation typed differently; None when the data have none
    sumber_anggaran: object = None
    #: ``(indikator, target PK, target capaian)`` where the capaian table's target is not the signed PK's
    beda_target: tuple = ()


def _num(value: object) -> float:
    return float("nan") if is_missing(value) else float(value)


def iku_polarities(source) -> dict[str, str]:
    """The declared IKU's polarity by printed name (lower case, single spaces): an official's row that
    prints an IKU is recomputed the way the unit computes that IKU."""
    iku = getattr(getattr(source, "results", None), "iku", None) or ()
    return {" ".join(i.nama.lower().split()): i.polarity for i in iku}


def recomputed_capaian(targets: list, realisations: list, names: list[str], polarities: dict[str, str],
                       lower_rule: str = "selisih") -> list[float]:
    """Each row's capaian from its printed target and realisation, by the polarity of the IKU it names
    (higher is better when it names none).

    >>> got = recomputed_capaian([92.0, 90.0], [88.5, 94.37], ["Angka Kematian Ibu", "Serapan"],
    ...                          {"angka kematian ibu": "lower"})
    >>> [round(v, 2) for v in got]
    [103.8, 104.86]
    """
    out = []
    for t, x, name in zip(targets, realisations, names):
        polarity = polarities.get(" ".join(str(name).lower().split()), "higher")
        out.append(capaian(x, t, polarity, lower_rule))
    return out


def laporan_pejabat(source) -> list[LaporanPejabat] | Absent:
    """Every official's report, in the order of ``laporan_pejabat.csv``."""
    inputs = inputs_of(source)
    reports, results = inputs.table("laporan_pejabat"), inputs.table("kinerja_pejabat")
    if reports is None or results is None or not len(reports):
        return absent("laporan_pejabat" if reports is None else "kinerja_pejabat", inputs.unit.kode, inputs.year)
    unit = inputs.unit
    polarities = iku_polarities(source)

    shown_nip = nip_formatter(inputs)
    out = []
    for _, r in reports.iterrows():
        jabatan = _text(r["jabatan"])
        rows = results[results["jabatan"].astype("string").str.strip() == jabatan]
        base = {"No": [_text(v) for v in rows["nomor"]], "Jenis": [_text(v) for v in rows["jenis"]],
                "Sasaran": [_text(v) for v in rows["sasaran"]],
                "Indikator Kinerja": [_text(v) for v in rows["indikator"]]}
        perjanjian = pd.DataFrame({**base, "Target": [_text(a) or _text(b) for a, b in
                                                      zip(rows["target_pk"], rows["target"])]})
        # recomputed against the signed PK's target where it has one (a capaian table may print another)
        target = [printed_number(p) if not pd.isna(printed_number(p)) else printed_number(t)
                  for p, t in zip(rows["target_pk"], rows["target"])]
        real = [printed_number(v) for v in rows["realisasi"]]
        capaian = pd.DataFrame({**base, "Target": [_text(v) for v in rows["target"]],
                                "Realisasi": [_text(v) for v in rows["realisasi"]],
                                "Capaian tercetak": pd.to_numeric(rows["capaian"], errors="coerce").astype(float).values,
                                "Capaian dihitung": recomputed_capaian(
                                    target, real, [_text(v) for v in rows["indikator"]], polarities,
                                    str(unit.as_dict().get("capaian_turun") or "selisih"))})
        anggaran, realisasi = _num(r["anggaran"]), _num(r["realisasi_anggaran"])
        out.append(LaporanPejabat(
            jabatan=jabatan,
            nama=_text(r["nama"]) if unit.tampilkan_nama_pegawai else "",
            pangkat=_text(r["pangkat"]),
            nip=shown_nip(r["nip"]),
            jabatan_atasan=_text(r["jabatan_atasan"]),
            tugas_fungsi=tugas_fungsi(inputs, jabatan),
            perjanjian=perjanjian, capaian=capaian,
            anggaran=anggaran, realisasi_anggaran=realisasi, serapan_pct=_num(r["serapan_pct"]),
            serapan_dihitung=realisasi / anggaran * 100.0 if anggaran else float("nan"),
            kategori=_text(r["kategori"]), rata_rata_capaian=_num(r["rata_rata_capaian"]),
            rencana_tindak_lanjut=_text(r["rencana_tindak_lanjut"]),
            tanggapan_atasan=_text(r["tanggapan_atasan"]),
            disposisi=_text(r["disposisi"]),
            sumber_anggaran=budget_source(inputs.table("anggaran"), anggaran),
            beda_target=tuple(target_differences(perjanjian, capaian, printed_number)),
        ))
    return out


# --------------------------------------------------------------------------- Lampiran 7


def prestasi(source) -> dict[int, pd.DataFrame | Absent]:
    """Achievements of the report year and the year before (``No, Prestasi``), each or its :class:`Absent`."""
    inputs = inputs_of(source)
    out: dict[int, pd.DataFrame | Absent] = {}
    for year in (inputs.year - 1, inputs.year):
        if year == inputs.year:
            frame = inputs.table("prestasi")
        else:
            frame = None
            # the unit's own data folder, never data/raw/<kode of unit.yaml>
            folder = unit_dir(inputs.data_dir, inputs.code) / str(year) if inputs.data_dir else None
            for suffix in (".csv", ".xlsx"):
                path = folder / f"prestasi{suffix}" if folder is not None else None
                if path is not None and path.exists():
                    frame = read_dataset(path, "prestasi")
                    break
        if frame is None or not len(frame):
            out[year] = absent("prestasi", inputs.code, year)
        else:
            out[year] = pd.DataFrame({"No": range(1, len(frame) + 1), "Prestasi": [_text(v) for v in frame["uraian"]]})
    return out
