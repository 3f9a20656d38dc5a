#!/usr/bin/env python3
"""Build ``published.csv``: every figure printed in the LKjIP 2023 of Kecamatan Gedeg.

The seed text (``shared/seed/000_c71e812d11373df9.txt``) is the only input. Tables are
read from its tab-separated lines; figures in running text, and the mapping from
printed labels to ids, are small hand-written tables below. Nothing is typed twice:
``nilai`` is always derived from ``teks`` (the figure exactly as printed), and every
``teks`` is checked to occur verbatim on the seed line it was read from.

A maintenance script: the seed is not in the repository, so its path is an argument.
Usage (from the repository root)::

    python scripts/build_published.py SEED [--out scripts/data/gedeg_published.csv]
                              [--trace trace.csv] [--checks] [--legacy OLD.csv]
    python scripts/make_gedeg_data.py      # copies the output to data/raw/gedeg/published.csv

The output is committed (``scripts/data/gedeg_published.csv``) and
``scripts/make_gedeg_data.py`` copies it byte for byte, so the bundled unit is
rebuilt without the seed. The id vocabulary is documented in
``docs/published-ids.md``; what the seed gets wrong, in ``docs/published-gedeg-2023.md``.

``--checks`` prints the arithmetic and cross-location findings that NOTES.md
discusses; ``--trace`` writes the seed line number of every row (for an auditor);
``--legacy`` verifies that every row of the previous 94-row file is still present.

Output is deterministic: rows in document order, fixed columns, ``\\n`` line ends.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "scripts" / "data" / "gedeg_published.csv"
IDS_DOC = ROOT / "docs" / "published-ids.md"

DOKUMEN = "LKjIP 2023"
SUMBER_PREFIX = "LKjIP Kecamatan Gedeg 2023, "
COLUMNS = ("tahun", "indikator", "nilai", "sumber", "ukuran", "dokumen", "lokasi", "halaman",
           "baris_label", "kolom_label", "teks", "makna")

#: Source titles per lokasi (the ``sumber`` column). The first ones reproduce the
#: strings of the previous 94-row file, so its rows keep their ``sumber`` exactly.
SUMBER_TITLES = {
    "Lampiran 3": "Lampiran 3 (Berita Acara Pengukuran Kinerja No. 069/44/416-314/2024)",
    "Tabel 3.1.1": "Tabel 3.1.1 Pencapaian Kinerja",
    "Tabel 3.1.2": "Tabel 3.1.2 Perbandingan Realisasi Kinerja",
    "Tabel 3.2.3": "Tabel 3.2.3 Pencapaian Kinerja dan Anggaran",
    "Gambar 3.4": "Gambar 3.4 (Rekapitulasi Laporan Seksi-Seksi)",
    "Gambar 3.5": "Gambar 3.5 Nilai SAKIP",
    "Ikhtisar Eksekutif": "Ikhtisar Eksekutif",
    "Bab III A.5.e (teks)": "Bab III A.5.e (teks)",
    "Gambar 3.1": "Gambar 3.1 Screenshot Aplikasi E-Sukma",
    "Gambar 3.2": "Gambar 3.2 Laporan PATEN Tahun 2023",
    "Gambar 3.6": "Gambar 3.6 Laporan Realisasi Anggaran Tahun 2023",
    "Gambar 3.7": "Gambar 3.7 IP ASN Kec. Gedeg 2023",
    "Tabel 3.2.1": "Tabel 3.2.1 Alokasi per Sasaran Pembangunan",
    "Tabel 3.2.2": "Tabel 3.2.2 Alokasi per Sasaran Pembangunan",
    "Tabel 3.2.4": "Tabel 3.2.4 Efisiensi Penggunaan Sumber Daya",
    "Tabel 3.2.5": "Tabel 3.2.5 Realisasi Penyerapan Anggaran per Program kegiatan",
    "Tabel 1.1": "Tabel 1.1 Jumlah Penduduk Kecamatan Gedeg per 31 Desember 2022",
    "Tabel 2.1": "Tabel 2.1 Matriks Target Kinerja Renstra Tahun 2021 s/d 2026",
    "Tabel 2.2": "Tabel 2.2 Perjanjian Kinerja Tahun 2023",
    "Tabel 2.3": "Tabel 2.3 Perjanjian Kinerja Perubahan Tahun 2023",
    "Tabel 3.1.3": "Tabel 3.1.3 Perbandingan Realisasi Kinerja s.d. akhir periode RENSTRA",
    "Tabel 3.1.4": "Tabel 3.1.4 Perbandingan Realisasi Kinerja dengan Realisasi Nasional",
    "Gambar 2.1": "Gambar 2.1 Tabel TC. 27 Renstra Tahun 2021 s/d 2026",
    "Bab I B (teks)": "Bab I B Jumlah Pegawai Kecamatan Gedeg (teks)",
    "Bab I C": "Bab I C Jumlah Sarana dan Prasarana Kantor",
    "Bab I D (teks)": "Bab I D Tugas Pokok dan Fungsi (teks)",
    "Lampiran 1 TC-27": "Lampiran 1 Form Pendanaan Indikatif pada Renstra (TC-27)",
    "Lampiran 1 T-C.27": "Lampiran 1 Tabel T-C.27 Rencana Program, Kegiatan, dan Pendanaan 2021-2026 "
                         "(target Renstra lama dan usulan perubahan)",
    "Lampiran 2 PK 2023": "Lampiran 2 Perjanjian Kinerja Tahun 2023",
    "Lampiran 2 PK Perubahan 2023": "Lampiran 2 Perjanjian Kinerja Perubahan Tahun 2023",
    "Lampiran 7": "Lampiran 7 Daftar Prestasi 2022-2023",
}

#: The seven indicators of the data contract (names as the reader sees them).
IKU = {
    "ikm": "Nilai IKM",
    "layanan_sesuai_standar_pct": "persentase pelayanan sesuai standar pelayanan",
    "koordinasi_ditindaklanjuti_pct": "persentase hasil koordinasi yang ditindaklanjuti",
    "sakip": "Nilai SAKIP",
    "realisasi_anggaran_pct": "persentase realisasi anggaran",
    "ip_asn": "Indeks Profesionalitas ASN",
    "jumlah_inovasi": "jumlah inovasi",
}
#: Other indicators of the Renstra/Tabel 3.1.2 (not among the seven of the contract).
OTHER_IND = {
    "jumlah_layanan_sesuai_standar": "jumlah pelayanan perizinan dan nonperizinan sesuai standar",
    "jumlah_jenis_fasilitasi": "jumlah (jenis) fasilitasi, rekomendasi dan koordinasi",
    "indikator_program_tercapai_pct": "persentase indikator program perangkat daerah yang tercapai",
    "nilai_rb": "Nilai Reformasi Birokrasi perangkat daerah",
}
IND_NAMES = {**IKU, **OTHER_IND}
MEASURE_WORD = {"target": "target", "realisasi": "realisasi", "capaian": "capaian (%)"}

#: Printed indicator labels -> id (matched case-insensitively, first hit wins).
IKU_LABELS = (
    ("jumlah pelayanan perijinan", "jumlah_layanan_sesuai_standar"),
    ("jumlah fasilitasi", "jumlah_jenis_fasilitasi"),
    ("indikator program", "indikator_program_tercapai_pct"),
    ("nilai rb", "nilai_rb"),
    ("ikm", "ikm"),
    ("sesuai standar pelayanan", "layanan_sesuai_standar_pct"),
    ("koordinasi yang ditindaklanjuti", "koordinasi_ditindaklanjuti_pct"),
    ("sakip", "sakip"),
    ("realisasi anggaran", "realisasi_anggaran_pct"),
    ("profesionalitas", "ip_asn"),
    ("inovasi", "jumlah_inovasi"),
)

MONTHS = ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des")
MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember")

FIG_RE = re.compile(r"^\(?(Rp\.?\s?)?\d[\d.,]*\s*(%|\s?\([A-Z]+\)|[A-Za-z][A-Za-z ./-]*)?\)?$")
CODE_RE = re.compile(r"^0?7\.0\d(\.\d*)*$")


# ----------------------------------------------------------------------------- numbers

class BuildError(Exception):
    pass


def plain_number(teks: str, mode: str) -> str:
    """The first number of ``teks`` in plain form (dot decimal, no grouping), keeping
    the decimals as printed. ``mode``: ``id`` (1.234,56), ``en`` (E-Sukma: 3.93) or
    ``mixed`` (T-C.27 of Lampiran 1: "." or "," between groups of three are thousands
    marks, "," before one or two digits is the decimal mark)."""
    t = teks.strip()
    negative = t.startswith("(") and t.endswith(")") and bool(re.search(r"\d", t))
    t = re.sub(r"^\(?\s*Rp\.?\s*", "", t)
    m = re.search(r"\d[\d.,]*\d|\d", t)
    if not m:
        raise BuildError(f"no number in {teks!r}")
    tok = m.group()
    if mode == "id":
        if "," in tok:
            whole, dec = tok.rsplit(",", 1)
        else:
            whole, dec = tok, ""
        if not (re.fullmatch(r"\d+", whole) or re.fullmatch(r"\d{1,3}(\.\d{3})+", whole)):
            raise BuildError(f"not an Indonesian number: {teks!r}")
        out = whole.replace(".", "") + ("." + dec if dec else "")
    elif mode == "en":
        if "," in tok or tok.count(".") > 1:
            raise BuildError(f"not a dot-decimal number: {teks!r}")
        out = tok
    elif mode == "mixed":
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", tok):
            out = re.sub(r"[.,]", "", tok)
        elif re.fullmatch(r"\d+,\d{1,2}", tok):
            out = tok.replace(",", ".")
        elif re.fullmatch(r"\d+", tok):
            out = tok
        else:
            raise BuildError(f"unreadable number {teks!r}")
    else:
        raise BuildError(mode)
    out = out.lstrip("0") or "0"
    if out.startswith("."):
        out = "0" + out
    return ("-" + out) if negative and out.strip("0.") else out


def to_dec(s: str) -> Decimal:
    return Decimal(s)


def places(s: str) -> int:
    return len(s.split(".", 1)[1]) if "." in s else 0


# ----------------------------------------------------------------------------- rows

@dataclass
class Row:
    tahun: int
    indikator: str
    teks: str
    lokasi: str
    makna: str
    line: int                   # 0-based line of the seed the figure was read from
    ukuran: str = "realisasi"
    baris_label: str = ""
    kolom_label: str = ""
    sumber: str = ""            # title override; default SUMBER_TITLES[lokasi]
    mode: str = "id"
    nilai: str = ""             # derived from teks unless given (roman numerals only)
    seq: int = 0

    def out(self) -> dict:
        title = self.sumber or SUMBER_TITLES.get(self.lokasi, self.lokasi)
        return {
            "tahun": str(self.tahun), "indikator": self.indikator, "nilai": self.nilai,
            "sumber": SUMBER_PREFIX + title, "ukuran": self.ukuran, "dokumen": DOKUMEN,
            "lokasi": self.lokasi, "halaman": "", "baris_label": self.baris_label,
            "kolom_label": self.kolom_label, "teks": self.teks, "makna": self.makna,
        }


class Builder:
    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.rows: list[Row] = []
        self.skipped: list[str] = []      # printed figures deliberately not recorded, with why

    # -- locating
    def find(self, anchor: str, start: int = 0, end: int | None = None) -> int:
        end = len(self.lines) if end is None else end
        for i in range(start, end):
            if anchor in self.lines[i]:
                return i
        raise BuildError(f"anchor not found in lines {start + 1}-{end}: {anchor!r}")

    def cells(self, i: int) -> list[str]:
        return [c.strip() for c in self.lines[i].split("\t")]

    # -- adding
    def add(self, row: Row) -> Row:
        if not row.nilai:
            row.nilai = plain_number(row.teks, row.mode)
        row.seq = len(self.rows)
        self.rows.append(row)
        return row

    def t(self, i: int, teks: str, ind: str, lokasi: str, makna: str, **kw) -> Row:
        """A figure of line ``i``; ``teks`` must occur on that line."""
        if teks not in self.lines[i]:
            raise BuildError(f"line {i + 1}: {teks!r} not on the line")
        kw.setdefault("tahun", 2023)
        return self.add(Row(indikator=ind, teks=teks, lokasi=lokasi, makna=makna, line=i, **kw))

    def ta(self, rng: tuple[int, int], anchor: str, teks: str, ind: str, lokasi: str, makna: str,
           **kw) -> Row:
        """A figure on the first line of ``rng`` that contains ``anchor``."""
        return self.t(self.find(anchor, *rng), teks, ind, lokasi, makna, **kw)


#: Scan misreadings of the seed whose legible reading the seed itself prints elsewhere; the bundled data
#: hold the reading (data/raw/gedeg/README.md), the ids follow it, `teks` and labels stay as printed.
SCAN_READINGS = {"Sofa Tanpa sandarac": "Sofa Tanpa sandaran"}  # l.129; "sofa tanpa sandaran" l.626


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_")


def is_fig(c: str) -> bool:
    # "(4)" is a column number, "7.01.01" a code: neither is a figure
    return bool(c) and bool(FIG_RE.match(c)) and not CODE_RE.match(c) and not re.fullmatch(r"\(\d{1,2}\)", c)


def trailing(cells: list[str]) -> list[str]:
    out = list(cells)
    while out and out[-1] == "":
        out.pop()
    return out


def iku_id(label: str) -> str:
    low = label.lower()
    for key, ind in IKU_LABELS:
        if key in low:
            return ind
    raise BuildError(f"unknown indicator label {label!r}")


def label_before(cells: list[str], k: int) -> str:
    """Last non-empty cell before the trailing ``k`` figure cells."""
    body = [c for c in cells[:len(cells) - k] if c]
    return body[-1] if body else ""


# ============================================================================ builders

def b_ikhtisar(B: Builder) -> None:
    L = "Ikhtisar Eksekutif"
    i = B.find("Kecamatan Gedeg menjalankan 3 program")
    B.t(i, "3 program", "jumlah_program", L, "jumlah program yang dijalankan tahun 2023")
    B.t(i, "8 kegiatan", "jumlah_kegiatan", L, "jumlah kegiatan yang dijalankan tahun 2023")
    B.t(i, "22 sub kegiatan", "jumlah_sub_kegiatan", L, "jumlah sub kegiatan yang dijalankan tahun 2023")
    B.t(i, "Rp. 2.720.088.927,00", "pagu_anggaran", L, "total pagu anggaran Kecamatan Gedeg 2023")
    B.t(i, "Rp 2.567.147.148,00", "realisasi_anggaran_rp", L, "total realisasi anggaran 2023")
    B.t(i, "94,38%", "realisasi_anggaran_pct", L, "persentase realisasi anggaran 2023")


def b_bab1(B: Builder) -> None:
    L = "Bab I B (teks)"
    i = B.find("berjumlah 21 orang terdiri dari 18 orang ASN")
    B.t(i, "21 orang", "jumlah_pegawai", L, "jumlah seluruh pegawai (ASN dan honorer) tahun 2023")
    B.t(i, "18 orang", "jumlah_asn", L, "jumlah ASN tahun 2023")
    B.t(i, "3 orang", "jumlah_pegawai:honorer", L, "jumlah tenaga honorer tahun 2023")
    posts = (
        ("Camat s :", "jumlah_pegawai_jabatan:camat", "jumlah pejabat Camat"),
        ("Sekretaris Kecamatan :", "jumlah_pegawai_jabatan:sekretaris_kecamatan", "jumlah Sekretaris Kecamatan"),
        ("Kepala Seksi :", "jumlah_pegawai_jabatan:kepala_seksi", "jumlah Kepala Seksi"),
        ("Kepala Sub bagian :", "jumlah_pegawai_jabatan:kepala_sub_bagian", "jumlah Kepala Sub Bagian"),
        ("Pelaksana (PNS) :", "jumlah_pegawai_jabatan:pelaksana", "jumlah pelaksana PNS"),
        ("Tenaga Honorar :", "jumlah_pegawai:honorer", "jumlah tenaga honorer (rincian)"),
        ("Jumlahkeseluruhan :", "jumlah_pegawai", "jumlah seluruh pegawai (baris jumlah rincian)"),
    )
    for anchor, ind, makna in posts:
        j = B.find(anchor, i, i + 12)
        teks = re.search(r"\d+ orang", B.lines[j]).group()
        B.t(j, teks, ind, L, makna + " tahun 2023", baris_label=B.lines[j].strip(" -").split(":")[0].strip())

    L = "Bab I C"
    h = B.find("No.\tURAIAN\tJUMLAH\tKET.")
    end = B.find("D. Tugas Pokok dan Fungsi", h)
    for j in range(h + 1, end):
        c = B.cells(j)
        if len(c) >= 3 and c[0].isdigit():
            s = slug(SCAN_READINGS.get(c[1], c[1]))  # the id follows sarana.csv's legible reading
            B.t(j, c[2], f"sarana:{s}", L, f"jumlah sarana/prasarana kantor: {c[1]}",
                baris_label=c[1], kolom_label="JUMLAH")
            if len(c) > 3 and c[3]:
                B.t(j, c[3], f"sarana_keterangan:{s}", L, f"keterangan {c[1]} (jumlah lantai)",
                    baris_label=c[1], kolom_label="KET.")

    L = "Bab I D (teks)"
    i = B.find("luas wilayah 24,85 km²")
    B.t(i, "24,85 km²", "luas_wilayah_km2", L, "luas wilayah Kecamatan Gedeg (km²)")
    i = B.find("Terdiri dari 14 desa dan 46 dusun")
    B.t(i, "14 desa", "jumlah_desa", L, "jumlah desa di Kecamatan Gedeg")
    B.t(i, "46 dusun", "jumlah_dusun", L, "jumlah dusun di Kecamatan Gedeg")
    B.t(i, "106", "jumlah_rw", L, "jumlah RW di Kecamatan Gedeg")
    B.t(i, "377", "jumlah_rt", L, "jumlah RT di Kecamatan Gedeg")
    B.t(i, "58.314 jiwa", "jumlah_penduduk", L,
        "jumlah penduduk menurut teks (rinciannya Tabel 1.1 per 31 Desember 2022)", tahun=2022)

    L = "Tabel 1.1"
    h = B.find("No.\tD E S A\tLAKI-LAKI\tPEREMPUAN\tJUMLAH")
    end = B.find("Sumber : Data dari Dispendukcapil", h)
    heads = ("LAKI-LAKI", "PEREMPUAN", "JUMLAH")
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if not c:
            continue
        if c[0].isdigit():
            desa, vals = c[1], c[2:5]
            ids = [f"penduduk:{slug(desa)}:{k}" for k in ("laki_laki", "perempuan", "jumlah")]
            mk = [f"penduduk {w} Desa {desa} per 31 Desember 2022" for w in ("laki-laki", "perempuan", "seluruhnya")]
        elif c[0] == "JUMLAH":
            desa, vals = "JUMLAH", c[2:5]
            ids = ["jumlah_penduduk:laki_laki", "jumlah_penduduk:perempuan", "jumlah_penduduk"]
            mk = [f"jumlah penduduk {w} Kecamatan Gedeg per 31 Desember 2022"
                  for w in ("laki-laki", "perempuan", "seluruhnya")]
        else:
            raise BuildError(f"Tabel 1.1 line {j + 1}")
        for v, ind, m, head in zip(vals, ids, mk, heads):
            B.t(j, v, ind, L, m, tahun=2022, baris_label=desa, kolom_label=head)


def b_renstra(B: Builder) -> None:
    L = "Tabel 2.1"
    h = B.find("Tabel 2.1 Matriks Target Kinerja Renstra")
    years = B.cells(h + 3)[1:7]
    assert years == ["2021", "2022", "2023", "2024", "2025", "2026"], years
    end = B.find("Sumber : Renstra Kecamatan Gedeg", h)
    for j in range(h + 4, end):
        c = B.cells(j)
        if len(c) < 7:
            continue
        ind = iku_id(c[0])
        for y, v in zip(years, c[1:7]):
            if not re.search(r"\d", v):
                B.skipped.append(f"{L}, baris {c[0]!r}, kolom {y}: {v!r} (predikat huruf, bukan angka)")
                continue
            B.t(j, v, f"renstra_target:{ind}", L,
                f"target Renstra 2021-2026 tahun {y}: {IND_NAMES[ind]}", tahun=int(y),
                baris_label=c[0], kolom_label=f"Target Pada Tahun {y}")


# -- TC-27 -------------------------------------------------------------------

#: Row keys of the TC-27 table (Gambar 2.1 and its reprint in Lampiran 1), in row
#: order, for the rows that carry figures. Sub kegiatan keys are Kepmendagri codes
#: (as in data/raw/gedeg/2023/anggaran.csv); codeless rows get a word key.
TC27_KEYS = (
    "tujuan", "sasaran_tata_kelola", "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001",
    "7.01.01.2.01.0007", "7.01.01.2.02", "7.01.01.2.02.0001", "7.01.01.2.02.0002", "7.01.01.2.05",
    "7.01.01.2.05.0002", "7.01.01.2.06", "7.01.01.2.06.0001", "7.01.01.2.06.0002",
    "7.01.01.2.06.0004", "7.01.01.2.06.0005", "7.01.01.2.06.0006", "7.01.01.2.06.0007",
    "7.01.01.2.06.0009", "7.01.01.2.08", "7.01.01.2.08.0002", "7.01.01.2.08.0004", "7.01.01.2.09",
    "7.01.01.2.09.0002", "7.01.01.2.09.0009", "7.01.01.2.09.0011", "sasaran_pelayanan_publik",
    "7.01.02", "7.01.02.2.04", "7.01.02.2.04.0001", "7.01.02.2.04.0002", "7.01.06", "7.01.06.2.01",
    "7.01.06.2.01.0002", "7.01.06.2.01.0009", "7.01.06.2.01.0011", "7.01.06.2.01.0012",
)
#: Printed codes that do not normalise mechanically to their key (see NOTES.md).
CODE_EXCEPTIONS = {
    "7.01.01.2.01.01.07": "7.01.01.2.01.0007",   # Gambar 2.1: extra ".01"
    "7.01.01.2.": "7.01.01.2.09.0009",            # code broken over two lines ("09.09" below)
    "7.01.01.2.09.10": "7.01.01.2.09.0011",       # T-C.27 and Kepmendagri: 0011
    "7.01.02.04.01": "7.01.02.2.04.0001",         # Lampiran 1: the ".2" is missing
    "7.01.02.04.02": "7.01.02.2.04.0002",
}
WORD_KEYS = {"tujuan": ("",), "sasaran_tata_kelola": ("",), "sasaran_pelayanan_publik": ("7.01.02",)}


def norm_code(printed: str) -> str:
    if printed in CODE_EXCEPTIONS:
        return CODE_EXCEPTIONS[printed]
    parts = printed.lstrip("0").split(".")
    if len(parts) >= 4:
        parts[3] = str(int(parts[3]))
    if len(parts) == 6:
        parts[5] = parts[5].zfill(4)
    return ".".join(parts)


def tc27_makna(key: str, what: str) -> str:
    # the words of a key ("sasaran tata kelola"), never the id itself: makna is read by people
    return f"{what} TC-27 Renstra 2021-2026 ({key.replace('_', ' ')})"


def b_tc27(B: Builder, header_anchor: str, start: int, lokasi: str) -> int:
    h = B.find(header_anchor, start)
    h = B.find("(1)\t(2)\t(3)", h)
    end = B.find("Sumber data : Kecamatan Gedeg", h)
    keys = iter(TC27_KEYS)
    years = (2022, 2023, 2024, 2025, 2026)
    for j in range(h + 1, end):
        c = B.cells(j)
        if "Kec. Gedeg" not in c:
            continue
        k_end = c.index("Kec. Gedeg")
        figs = [v for v in c[5:k_end] if v]
        if not figs:
            continue
        key = next(keys)
        code = c[2]
        if key in WORD_KEYS:
            if code not in WORD_KEYS[key]:
                raise BuildError(f"{lokasi} line {j + 1}: code {code!r} for {key}")
        elif norm_code(code) != key:
            raise BuildError(f"{lokasi} line {j + 1}: code {code!r} is not {key}")
        label = " | ".join(v for v in c[:5] if v)

        def add(v, ind, tahun, kolom, makna, j=j, key=key, label=label):
            if v == "n/a":
                B.skipped.append(f"{lokasi}, {key}, {kolom}: 'n/a'")
                return
            B.t(j, v, ind, lokasi, makna, tahun=tahun, kolom_label=kolom, baris_label=label)

        add(figs[0], f"tc27_awal:{key}", 2021, "(6) Data Capaian pada awal Perencanaan",
            tc27_makna(key, "data capaian awal perencanaan"))
        if len(figs) == 13:
            for n, y in enumerate(years):
                add(figs[1 + 2 * n], f"tc27_target:{key}", y, f"({7 + 2 * n}) Tahun-{n + 1} ({y}) Target",
                    tc27_makna(key, f"target tahun {y}"))
                add(figs[2 + 2 * n], f"tc27_pagu:{key}", y, f"({8 + 2 * n}) Tahun-{n + 1} ({y}) Rp",
                    tc27_makna(key, f"pagu indikatif tahun {y} (Rp)"))
        elif len(figs) in (5, 7):
            B.skipped.append(
                f"{lokasi}, {key} (baris {j + 1} teks benih): sel tahunan tergabung ({', '.join(figs[1:-2])}); "
                "tahun tiap sel tidak dapat dipastikan, hanya data awal dan kondisi akhir dicatat")
        else:
            raise BuildError(f"{lokasi} line {j + 1}: {len(figs)} figures")
        add(figs[-2], f"tc27_target_akhir:{key}", 2026, "(17) Kondisi Kinerja pada akhir periode (2026) Target",
            tc27_makna(key, "target kondisi akhir periode (2026)"))
        add(figs[-1], f"tc27_pagu_akhir:{key}", 2026, "(18) Kondisi Kinerja pada akhir periode (2026) Rp",
            tc27_makna(key, "pagu indikatif kondisi akhir periode, jumlah 2022-2026 (Rp)"))
    rest = list(keys)
    if rest:
        raise BuildError(f"{lokasi}: rows missing for {rest}")
    return end


#: T-C.27 of Lampiran 1, part 1 (columns 1-15), rows in order (41 lines).
TC27B_KEYS_1 = (
    "tujuan", "sasaran_tata_kelola", "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0007",
    "7.01.01.2.02", "7.01.01.2.02.0001", "7.01.01.2.05", "7.01.01.2.05.0002", "7.01.01.2.02.0002",
    "7.01.01.2.05.0009", "7.01.01.2.06", "7.01.01.2.06.0001", "7.01.01.2.06.0002", "7.01.01.2.06.0004",
    "7.01.01.2.06.0005", "7.01.01.2.06.0006", "7.01.01.2.06.0007", "7.01.01.2.06.0009", "7.01.01.2.07",
    "7.01.01.2.07.0005", "7.01.01.2.07.0001", "7.01.01.2.08", "7.01.01.2.08.0002", "7.01.01.2.08.0004",
    "7.01.01.2.09", "7.01.01.2.09.0002", "7.01.01.2.09.0006", "7.01.01.2.09.0009", "7.01.01.2.09.0011",
    "7.01.02", "7.01.02.2.04", "7.01.02.2.04.0001", "7.01.02.2.04.0002", "7.01.06", "7.01.06.2.01",
    "7.01.06.2.01.0002", "7.01.06.2.01.0011", "7.01.06.2.01.0009", "7.01.06.2.01.0012",
)
#: Rows of part 1 whose code is not printed: the key is the Kepmendagri code (NOTES.md).
TC27B_CODELESS = {"tujuan", "sasaran_tata_kelola", "7.01.01.2.02.0002", "7.01.01.2.07.0005",
                  "7.01.01.2.07.0001", "7.01.01.2.09.0006"}
#: Part 2 (columns 16-31) has no row for the codeless "Penyediaan Administrasi
#: Pelaksanaan Tugas ASN" line of part 1; otherwise the same order.
TC27B_KEYS_2 = tuple(k for k in TC27B_KEYS_1 if k != "7.01.01.2.02.0002")
#: Part-2 cells holding two indicators ("1. ... 2. ..."): the id argument of each.
TC27B_COMPOUND = {"sasaran_tata_kelola": ("sakip", "jumlah_inovasi"),
                  "7.01.01": ("indikator_program_tercapai_pct", "realisasi_anggaran_pct")}


def b_tc27b(B: Builder, start: int) -> None:
    L = "Lampiran 1 T-C.27"
    h = B.find("Tabel T-C.27", start)
    h1 = B.find("1\t2\t3\t4\t5\t6\t7", h)
    p2 = B.find("Usulan Perubahan Target RENSTRA", h1)
    keys = iter(TC27B_KEYS_1)
    cols1 = ((2022, 9), (2023, 11), (2024, 13))
    for j in range(h1 + 1, p2):
        c = B.cells(j)
        if not any(c):
            continue
        key = next(keys)
        code = next((v for v in c if CODE_RE.match(v)), "")
        if key in TC27B_CODELESS:
            if code:
                raise BuildError(f"T-C.27 line {j + 1}: unexpected code {code!r}")
        elif norm_code(code) != key:
            raise BuildError(f"T-C.27 line {j + 1}: code {code!r} is not {key}")
        label = " | ".join(v for v in c if v and not is_fig(v) and v != "n/a")
        figs = [v for v in c if v and (is_fig(v) or v == "n/a")]
        if not figs:
            continue
        if len(figs) != 8:
            raise BuildError(f"T-C.27 line {j + 1}: {figs}")
        kw = {"baris_label": label, "mode": "mixed"}
        if figs[0] == "n/a":
            B.skipped.append(f"{L}, {key}, (6) data capaian awal: 'n/a'")
        else:
            B.t(j, figs[0], f"tc27_awal:{key}", L, tc27_makna(key, "data capaian awal perencanaan"),
                tahun=2021, kolom_label="(6) Data Capaian pada Tahun Awal Perencanaan", **kw)
        for n, (y, col) in enumerate(cols1):
            B.t(j, figs[1 + 2 * n], f"tc27_target:{key}", L, tc27_makna(key, f"target Renstra lama tahun {y}"),
                tahun=y, kolom_label=f"({col}) Target Kinerja RENSTRA Lama Tahun ke {n + 1} {y} Target", **kw)
            B.t(j, figs[2 + 2 * n], f"tc27_pagu:{key}", L, tc27_makna(key, f"pagu Renstra lama tahun {y} (Rp)"),
                tahun=y, kolom_label=f"({col + 1}) Target Kinerja RENSTRA Lama Tahun ke {n + 1} {y} Rp.", **kw)
        B.t(j, figs[7], f"tc27_target:{key}", L, tc27_makna(key, "target Renstra lama tahun 2025"),
            tahun=2025, kolom_label="(15) Target Kinerja RENSTRA Lama Tahun ke 4 2025 Target", **kw)
    if list(keys):
        raise BuildError("T-C.27 part 1: rows missing")

    h2 = B.find("16\t17\t18\t19\t20", p2)
    end = B.find("Lampiran 2 :", h2)
    keys = iter(TC27B_KEYS_2)
    left = (("tc27_pagu", 2025, "(16) Tahun ke 4 2025 Rp.", "pagu Renstra lama tahun 2025 (Rp)"),
            ("tc27_target", 2026, "(17) Tahun ke 5 2026 Target", "target Renstra lama tahun 2026"),
            ("tc27_pagu", 2026, "(18) Tahun ke 5 2026 Rp.", "pagu Renstra lama tahun 2026 (Rp)"),
            ("tc27_target_akhir", 2026, "(19) Kondisi Kinerja pada Akhir Periode Renstra PD Target",
             "target kondisi akhir periode Renstra lama"),
            ("tc27_pagu_akhir", 2026, "(20) Kondisi Kinerja pada Akhir Periode Renstra PD Rp.",
             "pagu kondisi akhir periode Renstra lama (Rp)"))
    right = (("tc27_usulan_target", 2024, "(22) Usulan Perubahan Tahun ke 3 2024 Target", "usulan perubahan target 2024"),
             ("tc27_usulan_pagu", 2024, "(23) Usulan Perubahan Tahun ke 3 2024 Rp.", "usulan perubahan pagu 2024 (Rp)"),
             ("tc27_usulan_target", 2025, "(24) Usulan Perubahan Tahun ke 4 2025 Target", "usulan perubahan target 2025"),
             ("tc27_usulan_pagu", 2025, "(25) Usulan Perubahan Tahun ke 4 2025 Rp.", "usulan perubahan pagu 2025 (Rp)"),
             ("tc27_usulan_target", 2026, "(26) Usulan Perubahan Tahun ke 5 2026 Target", "usulan perubahan target 2026"),
             ("tc27_usulan_pagu", 2026, "(27) Usulan Perubahan Tahun ke 5 2026 Rp.", "usulan perubahan pagu 2026 (Rp)"),
             ("tc27_usulan_target_akhir", 2026, "(28) Usulan Perubahan Kondisi Kinerja pada Akhir Periode Target",
              "usulan perubahan target kondisi akhir periode"),
             ("tc27_usulan_pagu_akhir", 2026, "(29) Usulan Perubahan Kondisi Kinerja pada Akhir Periode Rp.",
              "usulan perubahan pagu kondisi akhir periode, jumlah 2024-2026 (Rp)"))
    for j in range(h2 + 1, end):
        c = B.cells(j)
        if not any(c):
            continue
        key = next(keys)
        c = c + [""] * (14 - len(c))
        label = c[5]
        # the key in words ("sasaran tata kelola"): labels are read by people, ids are not
        words = key.replace("_", " ")
        kw = {"baris_label": (f"[baris {words}] " + label) if label else f"[baris {words}]", "mode": "mixed"}
        for v, (fam, y, kol, mk) in zip(c[0:5], left):
            if v:
                B.t(j, v, f"{fam}:{key}", L, tc27_makna(key, mk), tahun=y, kolom_label=kol, **kw)
        for v, (fam, y, kol, mk) in zip(c[6:14], right):
            if not v:
                continue
            m = re.fullmatch(r"1\.\s*(.+?)\s+2\.\s*(.+)", v)
            if m and not fam.endswith("pagu") and not fam.endswith("pagu_akhir"):
                subs = TC27B_COMPOUND[key]
                for part, sub in zip(m.groups(), subs):
                    B.t(j, part, f"{fam}:{key}:{sub}", L, tc27_makna(key, f"{mk}, {IND_NAMES[sub]}"),
                        tahun=y, kolom_label=kol, **kw)
            else:
                B.t(j, v, f"{fam}:{key}", L, tc27_makna(key, mk), tahun=y, kolom_label=kol, **kw)
    if list(keys):
        raise BuildError("T-C.27 part 2: rows missing")


# -- PK -----------------------------------------------------------------------

PK_PROGRAMS = (("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "7.01.02"),
               ("Program Pembinaan dan Pengawasan Pemerintahan Desa", "7.01.06"),
               ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "7.01.01"))


def pk_rows(B: Builder, rng, lokasi: str, fam: str, doc: str, spec) -> None:
    for anchor, teks, ind, n in spec:
        i = B.find(anchor, *rng)
        for _ in range(n - 1):      # the n-th line containing the anchor
            i = B.find(anchor, i + 1, rng[1])
        B.t(i, teks, f"{fam}:{ind}", lokasi, f"target {doc} 2023: {IND_NAMES[ind]}",
            baris_label=anchor, kolom_label="TARGET")


def b_pk(B: Builder) -> None:
    a = B.find("Tabel 2.2 PERJANJIAN KINERJA TAHUN 2023")
    b = B.find("Tabel 2.3 PERJANJIAN KINERJA PERUBAHAN TAHUN 2023", a)
    pk_spec = (
        ("Nilai RB Perangkat Daerah", "71 (B)", "nilai_rb", 1),
        ("Nilai SAKIP Perangkat Daerah", "84,5 (A)", "sakip", 1),
        ("Rata-rata capaian indikator program", "82%", "indikator_program_tercapai_pct", 1),
        ("Persentase pelayanan yang terlayani sesuai standar pelayanan, target", "82 %", "layanan_sesuai_standar_pct", 1),
        ("Persentase hasil koordinasi yang ditindaklanjuti, target", "82 %", "koordinasi_ditindaklanjuti_pct", 1),
        ("Persentase realisasi anggaran perangkat daerah", "90%", "realisasi_anggaran_pct", 1),
        ("Indeks profesionalitas ASN", "57,3", "ip_asn", 1),
        ("Nilai IKM", "85", "ikm", 1),
        ("Jumlah inovasi yang terinternalisasi", "2 Inovasi", "jumlah_inovasi", 1),
    )
    pk_rows(B, (a, b), "Tabel 2.2", "pk_target", "PK", pk_spec)
    c = B.find("Sumber : Perjanjian Kinerja Perubahan Tahun 2023", b)
    pkp_spec = (
        ("IKM Kecamatan", "94,5", "ikm", 1),
        ("Persentase pelayanan yang terlayani sesuai standar pelayanan", "100%", "layanan_sesuai_standar_pct", 1),
        ("Persentase hasil koordinasi yang ditindaklanjuti", "100%", "koordinasi_ditindaklanjuti_pct", 1),
        ("Nilai Sakip Perangkat Daerah", "87,5", "sakip", 1),
        ("Persentase Realisasi Anggaran Perangkat Daerah", "90%", "realisasi_anggaran_pct", 1),
        ("Indeks profesionalitas ASN", "85", "ip_asn", 1),
        ("Jumlah inovasi yang terinternalisasi", "2 Inovasi", "jumlah_inovasi", 1),
    )
    pk_rows(B, (b, c), "Tabel 2.3", "pk_perubahan_target", "PK Perubahan", pkp_spec)

    # Lampiran 2: the signed PK and PK Perubahan with their programme budgets
    a = B.find("Lampiran 2 :")
    a = B.find("No\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET", a)
    b = B.find("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023", a)
    L = "Lampiran 2 PK 2023"
    spec = (
        ("Nilai RB Perangkat Daerah", "71 (B)", "nilai_rb", 1),
        ("Nilai SAKIP Perangkat Daerah", "84,5 (A)", "sakip", 1),
        ("Rata-rata capaian indikator program", "82%", "indikator_program_tercapai_pct", 1),
        ("Persentase realisasi anggaran perangkat daerah", "90%", "realisasi_anggaran_pct", 1),
        ("Indeks profesionalitas ASN", "57,3", "ip_asn", 1),
        ("Nilai IKM", "85", "ikm", 1),
        ("Jumlah inovasi yang terinternalisasi", "2 Inovasi", "jumlah_inovasi", 1),
    )
    pk_rows(B, (a, b), L, "pk_target", "PK", spec)
    i = B.find("Rata-rata capaian indikator program", a, b)
    line = B.lines[i]
    # two sub-targets printed inside the same cell, both "target 82 %"
    B.t(i, "82 %", "pk_target:layanan_sesuai_standar_pct", L, "target PK 2023: " + IND_NAMES["layanan_sesuai_standar_pct"],
        baris_label="1 Persentase pelayanan yang terlayani sesuai standar pelayanan", kolom_label="INDIKATOR KINERJA (teks)")
    assert line.count("target 82 %") == 2
    B.t(i, "82 %", "pk_target:koordinasi_ditindaklanjuti_pct", L, "target PK 2023: " + IND_NAMES["koordinasi_ditindaklanjuti_pct"],
        baris_label="2 Persentase hasil koordinasi yang ditindaklanjuti", kolom_label="INDIKATOR KINERJA (teks)")
    for name, code in PK_PROGRAMS:
        j = B.find(name, a, b)
        v = B.cells(j)[2]
        B.t(j, v, f"pk_anggaran:{code}", L, f"anggaran program {code} menurut PK 2023 (APBD murni, Rp)",
            baris_label=name, kolom_label="ANGGARAN (Rp)")
    a2 = B.find("No\tSASARAN\tINDIKATOR KINERJA\tTARGET", b)
    b2 = B.find("Lampiran 3 :", a2)
    L = "Lampiran 2 PK Perubahan 2023"
    spec = (
        ("IKM Kecamatan", "94,5", "ikm", 1),
        ("Persentase pelayanan yang terlayani sesuai standar pelayanan", "100%", "layanan_sesuai_standar_pct", 1),
        ("Persentase hasil koordinasi yang ditindaklanjuti", "100%", "koordinasi_ditindaklanjuti_pct", 1),
        ("Nilai SAKIP Kecamatan", "87,5", "sakip", 1),
        ("Persentase Realisasi Anggaran Perangkat Daerah", "90%", "realisasi_anggaran_pct", 1),
        ("Indeks Profesionalitas ASN", "85", "ip_asn", 1),
        ("Jumlah Inovasi yang terinternalisasi", "2 inovasi", "jumlah_inovasi", 1),
    )
    pk_rows(B, (a2, b2), L, "pk_perubahan_target", "PK Perubahan", spec)
    for name, code in PK_PROGRAMS:
        j = B.find(name, a2, b2)
        v = B.cells(j)[2]
        B.t(j, v, f"pk_perubahan_anggaran:{code}", L,
            f"anggaran program {code} menurut PK Perubahan 2023 (P-APBD, Rp)", baris_label=name, kolom_label="ANGGARAN")


# -- Bab III A ---------------------------------------------------------------------

def iku_table(B: Builder, title: str, lokasi: str, cols, stop: str, sumber_over: dict | None = None) -> None:
    """Rows of an IKU table: the last ``len(cols)`` cells are the figures.

    ``cols``: (kolom_label, id template with {ind}, ukuran, tahun, makna template)."""
    h = B.find(title)
    end = B.find(stop, h)
    k = len(cols)
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) < k + 1 or not all(is_fig(v) for v in c[-k:]):
            continue
        label = label_before(c, k)
        ind = iku_id(label)
        for v, (kol, tmpl, ukuran, tahun, mk) in zip(c[-k:], cols):
            idv = tmpl.format(ind=ind)
            if callable(ukuran):
                idv, uk = ukuran(ind, idv)
            else:
                uk = ukuran
            B.t(j, v, idv, lokasi, mk.format(name=IND_NAMES[ind]), ukuran=uk, tahun=tahun,
                baris_label=label, kolom_label=kol)


def b_bab3a(B: Builder) -> None:
    iku_table(B, "Tabel 3.1.1 Pencapaian Kinerja", "Tabel 3.1.1", (
        ("TARGET", "{ind}", "target", 2023, "target 2023 (PK Perubahan): {name}"),
        ("Realisasi", "{ind}", "realisasi", 2023, "realisasi 2023: {name}"),
        ("% Capaian", "{ind}", "capaian", 2023, "capaian 2023 (%): {name}"),
    ), "Sumber Data BA hasil pengukuran")

    L = "Tabel 3.1.2"
    h = B.find("Tabel 3.1.2 Perbandingan Realisasi Kinerja")
    hy = h + 3
    assert B.cells(hy)[1:15] == ["2021", "2022", "2023", "2024", "2025", "2026", "2021", "2022", "2023",
                                  "2024", "2021", "2022", "2023", "2024"], B.cells(hy)
    end = B.find("Sumber Data BA hasil pengukuran", h)
    for j in range(hy + 1, end):
        c = B.cells(j)
        if len(c) < 14:
            continue
        ind = iku_id(c[0])
        iku = ind in IKU
        groups = (("Target", c[1:7], range(2021, 2027), "target"),
                  ("Realisasi", c[7:11], range(2021, 2025), "realisasi"),
                  ("Capaian", c[11:15], range(2021, 2025), "capaian"))
        for head, vals, years, meas in groups:
            for v, y in zip(vals, years):
                if not v:
                    continue
                if v == "n/a":
                    B.skipped.append(f"{L}, {c[0]!r}, {head} {y}: 'n/a'")
                    continue
                if iku:
                    idv, uk = ind, meas
                else:
                    idv, uk = (ind if meas == "realisasi" else f"{meas}:{ind}"), "realisasi"
                B.t(j, v, idv, L, f"{MEASURE_WORD[meas]} tahun {y}: {IND_NAMES[ind]}", ukuran=uk, tahun=y,
                    baris_label=c[0], kolom_label=f"{head} {y}")

    def kum(ind, idv):
        if ind == "jumlah_inovasi":
            return idv.replace("jumlah_inovasi", "jumlah_inovasi_kumulatif"), "realisasi"
        return idv, None

    def target_akhir(ind, idv):
        if ind == "jumlah_inovasi":
            return "target:jumlah_inovasi_kumulatif", "realisasi"
        return idv, "target"

    def real_sd(ind, idv):
        if ind == "jumlah_inovasi":
            return "jumlah_inovasi_kumulatif", "realisasi"
        return idv, "realisasi"

    iku_table(B, "Tabel 3.1.3 Perbandingan Realisasi Kinerja s.d.", "Tabel 3.1.3", (
        ("Target Akhir RENSTRA (2026)", "{ind}", target_akhir, 2026, "target akhir Renstra (2026): {name}"),
        ("Realisasi s/d saat ini (2023)", "{ind}", real_sd, 2023, "realisasi s.d. 2023: {name}"),
        ("Tingkat Kemajuan", "kemajuan:{ind}", "realisasi", 2023,
         "tingkat kemajuan (%) realisasi 2023 terhadap target akhir Renstra: {name}"),
    ), "Sumber Data BA hasil pengukuran")
    # the inovasi row of Tabel 3.1.3 is cumulative (9 / 5): fix its makna
    for r in B.rows:
        if r.lokasi == "Tabel 3.1.3" and "jumlah_inovasi_kumulatif" in r.indikator:
            r.makna = ("target akhir Renstra jumlah inovasi, kumulatif" if r.indikator.startswith("target:")
                       else "jumlah inovasi kumulatif s.d. 2023")

    iku_table(B, "Tabel 3.1.4 Perbandingan Realisasi Kinerja dengan", "Tabel 3.1.4", (
        ("Realisasi tahun 2023", "{ind}", "realisasi", 2023, "realisasi 2023: {name}"),
    ), "Sumber Data BA hasil pengukuran")

    L = "Bab III A.4 (teks)"
    i = B.find("Nilai IKM kecamatan Gedeg di tahun 2023 sebesar 97,33")
    B.t(i, "97,33", "ikm", L, "realisasi 2023: Nilai IKM")
    B.t(i, "94,21", "ikm_pemda", L, "IKM tingkat pemda (Kabupaten Mojokerto) tahun 2022", tahun=2022)

    L = "Bab III A.5 (teks)"
    i = B.find("hanya memiliki satu sasaran strategis saja dan 4 kinerja lainnya")
    B.t(i, "4 kinerja lainnya", "jumlah_kinerja_lainnya", L, "jumlah kinerja lainnya dalam PK Perubahan 2023")
    i = B.find("terdapat 3 (tiga) indikator yang memiliki")
    L = "Bab III A.3 (teks)"
    B.t(i, "tahun ke 3", "renstra_tahun_ke", L, "2023 adalah tahun ke berapa periode Renstra")
    B.t(i, "5 tahun", "renstra_jumlah_tahun", L, "lama periode Renstra (tahun) menurut teks")
    B.t(i, "3 (tiga)", "jumlah_indikator_capai_target_akhir", L,
        "jumlah indikator yang realisasinya sudah mencapai target akhir Renstra")

    L = "Bab III A.5.a (teks)"
    i = B.find("Indikator kinerja IKM Kecamatan Gedeg pada tahun 2023 tercapai sebesar 97,33")
    B.t(i, "97,33", "ikm", L, "realisasi 2023: Nilai IKM")
    B.t(i, "94,5", "ikm", L, "target 2023: Nilai IKM", ukuran="target")
    B.t(i, "102,99%", "ikm", L, "capaian 2023 (%): Nilai IKM", ukuran="capaian")

    L = "Gambar 3.1"
    i = B.find("1\tKECAMATAN GEDEG\t97.33\t654")
    # The screen is filtered to a period that is not 2023; the audit reads the dates from ``makna``.
    f = B.find("'Tanggal Mulai' (01/01/2024) and 'Tanggal Akhir' (30/01/2024)", i - 5)
    period = "layar difilter Tanggal Mulai 01/01/2024 s.d. Tanggal Akhir 30/01/2024"
    assert f < i, f
    B.t(i, "97.33", "ikm", L, f"Nilai IKM 2023 menurut aplikasi E-Sukma ({period})", mode="en",
        sumber="Gambar 3.1 (aplikasi E-Sukma, 654 responden)", baris_label="KECAMATAN GEDEG", kolom_label="Nilai IKM")
    B.t(i, "654", "responden_ikm", L, f"jumlah responden survei IKM 2023 (E-Sukma, {period})", mode="en",
        baris_label="KECAMATAN GEDEG", kolom_label="Jumlah Responden")
    B.skipped.append("Gambar 3.1: tiga baris jawaban responden 652-654 dan satu baris potongan (nama, umur, jenis "
                     "kelamin responden; 10 kolom jawaban untuk 9 unsur) - data pribadi dan kolom tidak dapat "
                     "dipetakan ke unsur")
    fams = (("Nilai/Unsur", "ikm_unsur_total", "jumlah nilai jawaban"),
            ("NRR/Unsur", "nrr", "nilai rata-rata (NRR)"),
            ("NRR/Unsur X 25", "nrr_x25", "NRR dikali 25"),
            ("NRR Tertimbang/Unsur", "nrr_tertimbang", "NRR tertimbang"))
    for head, fam, mk in fams:
        j = B.find(head + "\t", i)
        c = trailing(B.cells(j))
        assert c[0] == head and len(c) == 10, c
        for n, v in enumerate(c[1:10], start=1):
            B.t(j, v, f"{fam}:u{n}", L, f"{mk} unsur U{n} survei IKM 2023", mode="en",
                baris_label=head, kolom_label=f"(tidak tercetak) kolom ke-{n} = unsur U{n}")
    j = B.find("JML NRR IKM TERTIMBANG\t", i)
    B.t(j, B.cells(j)[1], "nrr_tertimbang_jumlah", L, "jumlah NRR tertimbang (IKM sebelum dikali 25)", mode="en",
        baris_label="JML NRR IKM TERTIMBANG")
    j = B.find("JML NRR IKM TERTIMBANG x 25\t", i)
    B.t(j, B.cells(j)[1], "ikm", L, "Nilai IKM 2023 (jumlah NRR tertimbang x 25)", mode="en",
        sumber="Gambar 3.1 Screenshot Aplikasi E-Sukma (JML NRR IKM TERTIMBANG x 25)",
        baris_label="JML NRR IKM TERTIMBANG x 25")

    L = "Bab III A.5.b (teks)"
    i = B.find("Indikator kinerja Persentase Pelayanan yang terlayani sesuai Standar Pelayanan dari target 100%")
    ind = "layanan_sesuai_standar_pct"
    B.t(i, "100%", ind, L, "target 2023: " + IND_NAMES[ind], ukuran="target")
    B.t(i, "100%", ind, L, "realisasi 2023: " + IND_NAMES[ind])
    B.t(i, "100", ind, L, "capaian 2023 (%): " + IND_NAMES[ind], ukuran="capaian")

    b_paten(B)

    L = "Bab III A.5.c (teks)"
    i = B.find("Indikator kinerja Persentase hasil koordinasi yang ditindaklanjuti dari dari target 100%")
    ind = "koordinasi_ditindaklanjuti_pct"
    B.t(i, "100%", ind, L, "target 2023: " + IND_NAMES[ind], ukuran="target")
    B.t(i, "100%", ind, L, "realisasi 2023: " + IND_NAMES[ind])

    L = "Gambar 3.4"
    h = B.find("NO\tURAIAN\tJumlah Fasilitasi Rekomendasi dan Koordinasi\tJumlah Tindak Lanjut")
    end = B.find("Sumber : Laporan Kecamatan Gedeg", h)
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) >= 4 and c[0].isdigit():
            u = c[1]
            B.t(j, c[2], f"fasilitasi:{u.lower()}", L, f"jumlah fasilitasi, rekomendasi dan koordinasi 2023: {u}",
                baris_label=u, kolom_label="Jumlah Fasilitasi Rekomendasi dan Koordinasi")
            B.t(j, c[3], f"tindak_lanjut:{u.lower()}", L, f"jumlah yang ditindaklanjuti 2023: {u}",
                baris_label=u, kolom_label="Jumlah Tindak Lanjut")
        elif len(c) >= 4 and c[1] == "Jumlah":
            B.t(j, c[2], "jumlah_fasilitasi", L, "jumlah seluruh fasilitasi, rekomendasi dan koordinasi 2023",
                baris_label="Jumlah", kolom_label="Jumlah Fasilitasi Rekomendasi dan Koordinasi")
            B.t(j, c[3], "jumlah_tindak_lanjut", L, "jumlah seluruh yang ditindaklanjuti 2023",
                baris_label="Jumlah", kolom_label="Jumlah Tindak Lanjut")
        elif len(c) >= 4 and c[1].startswith("Persentase Hasil Koordinasi"):
            B.t(j, c[3], "koordinasi_ditindaklanjuti_pct", L, "realisasi 2023: " + IND_NAMES["koordinasi_ditindaklanjuti_pct"],
                baris_label=c[1], kolom_label="Jumlah Tindak Lanjut")

    L = "Bab III A.5.d (teks)"
    i = B.find("mengalami penurunan pada Tahun 2023 dari 87,4 menjadi 86,13")
    B.t(i, "87,4", "sakip", L, "Nilai SAKIP 2022 (teks)", tahun=2022)
    B.t(i, "86,13", "sakip", L, "Nilai SAKIP 2023 (teks)")

    L = "Gambar 3.5"
    h = B.find("Komponen\tBobot\tNilai Hasil Evaluasi")
    comps = (("a. Perencanaan Kinerja", "perencanaan"), ("b. Pengukuran Kinerja", "pengukuran"),
             ("c. Pelaporan Kinerja", "pelaporan"), ("d. Evaluasi Akuntabilitas Kinerja Internal", "evaluasi_internal"))
    for label, k in comps:
        j = B.find(label + "\t", h, h + 8)
        c = B.cells(j)
        B.t(j, c[1], f"sakip_bobot:{k}", L, f"bobot komponen SAKIP {k.replace('_', ' ')}",
            baris_label=label, kolom_label="Bobot")
        B.t(j, c[2], f"sakip_komponen:{k}", L, f"nilai hasil evaluasi komponen SAKIP {k.replace('_', ' ')} 2023",
            baris_label=label, kolom_label="Nilai Hasil Evaluasi")
    j = B.find("Jumlah\t", h, h + 8)
    c = B.cells(j)
    B.t(j, c[1], "sakip_bobot_total", L, "jumlah bobot komponen SAKIP", baris_label="Jumlah", kolom_label="Bobot")
    B.t(j, c[2], "sakip", L, "Nilai SAKIP 2023 (jumlah komponen)", baris_label="Jumlah", kolom_label="Nilai Hasil Evaluasi")
    B.skipped.append("Gambar 3.5: tabel kategori predikat SAKIP (\"> 50 – 60\", \"> 30-50\", \">0 – 30\", \"1/3 unit "
                     "kerja\", \"eselon 2\") - skala penilaian, bukan angka unit; baris predikat A-B terpotong dari teks")
    L = "Bab III A.5.d (teks)"
    i = B.find("Hasil evaluasi atas komponen perencanaan kinerja menunjukkan nilai sebesar **27,03**")
    B.t(i, "27,03", "sakip_komponen:perencanaan", L, "nilai komponen perencanaan kinerja SAKIP 2023 (teks)")
    B.t(i, "30,00", "sakip_bobot:perencanaan", L, "nilai maksimal (bobot) komponen perencanaan kinerja (teks)")

    L = "Bab III A.5.e (teks)"
    i = B.find("Indikator Persentase Realisasi Anggaran Perangkat Daerah dari target 90% realisasi 94,13%")
    ind = "realisasi_anggaran_pct"
    B.t(i, "90%", ind, L, "target 2023: " + IND_NAMES[ind], ukuran="target")
    B.t(i, "94,13%", ind, L, "realisasi 2023: " + IND_NAMES[ind])
    B.t(i, "104,85%", ind, L, "capaian 2023 (%): " + IND_NAMES[ind], ukuran="capaian")
    ind = "jumlah_layanan_sesuai_standar"
    B.t(i, "1.100 pelayanan", f"target:{ind}", L, "target jumlah pelayanan sesuai standar (teks di bagian 2023)")
    B.t(i, "1.200 pelayanan", ind, L, "realisasi jumlah pelayanan sesuai standar (teks di bagian 2023)")
    B.t(i, "109,09%", f"capaian:{ind}", L, "capaian (%) jumlah pelayanan sesuai standar (teks di bagian 2023)")

    b_lra(B)

    L = "Bab III A.5.f (teks)"
    i = B.find("Indikator Indeks profesionalitas ASN dari target 89,5 realisasi 89,5")
    B.t(i, "89,5", "ip_asn", L, "target IP ASN 2023 menurut teks", ukuran="target")
    B.t(i, "89,5", "ip_asn", L, "realisasi IP ASN 2023 menurut teks")
    B.t(i, "100%", "ip_asn", L, "capaian IP ASN 2023 (%) menurut teks", ukuran="capaian")

    b_ipasn(B)

    L = "Bab III A.5.g (teks)"
    i = B.find("tercapai 2 inovasi dari target 2 inovasi")
    B.t(i, "2 inovasi", "jumlah_inovasi", L, "realisasi 2023: jumlah inovasi")
    B.t(i, "2 inovasi", "jumlah_inovasi", L, "target 2023: jumlah inovasi", ukuran="target")

    L = "Bab III A.6 (teks)"
    i = B.find("penyerapan anggaran Kecamatan Gedeg mencapai 94,37%")
    B.t(i, "94,37%", "realisasi_anggaran_pct", L, "persentase penyerapan anggaran 2023")
    B.t(i, "Rp. 2.720.088.927", "pagu_anggaran", L, "total anggaran 2023")
    B.t(i, "Rp 2.567.147.148", "realisasi_anggaran_rp", L, "total realisasi anggaran 2023")
    B.t(i, "Rp. 152.941.779,00", "sisa_anggaran_rp", L, "anggaran 2023 yang tidak terealisasi (Rp)")


def b_paten(B: Builder) -> None:
    L = "Gambar 3.2"
    h = B.find("NO\tLAYANAN\tBULAN")
    heads = B.cells(h + 1)[2:14]
    assert heads == ["JAN", "PEB", "MAR", "APR", "MEI", "JUNI", "JULI", "AGUST", "SEP", "OKTB", "NOV", "DES"], heads
    end = B.find("Sumber : Laporan PATEN", h)
    group = ""
    for j in range(h + 2, end):
        c = trailing(B.cells(j))
        if len(c) < 2:
            continue
        name = c[1]
        if len(c) == 2:                    # group header without figures
            group = name
            continue
        if len(c) != 15:
            continue
        if name == "JUMLAH":
            for m, v, head in zip(MONTHS, c[2:14], heads):
                B.t(j, v, f"jumlah_layanan_bulan:{m}", L, f"jumlah seluruh layanan PATEN bulan {MONTH_NAMES[MONTHS.index(m)]} 2023",
                    baris_label="JUMLAH", kolom_label=head)
            B.t(j, c[14], "jumlah_layanan", L, "jumlah seluruh layanan PATEN 2023", baris_label="JUMLAH",
                kolom_label="JUMLAH")
            continue
        raw = name
        if not c[0]:                        # numbered sub-row of "Evaluasi Rancangan Peraturan Desa"
            assert group == "Evaluasi Rancangan Peraturan Desa", group
            raw = "Evaluasi Rancangan Perdes: " + re.sub(r"^\d+ ", "", name)
        arg = raw.lower()
        label = name if c[0] else f"{group}: {name}"
        for m, v, head in zip(MONTHS, c[2:14], heads):
            B.t(j, v, f"layanan_bulan:{arg}:{m}", L, f"jumlah layanan {raw} bulan {MONTH_NAMES[MONTHS.index(m)]} 2023",
                baris_label=label, kolom_label=head)
        B.t(j, c[14], f"jumlah_layanan:{arg}", L, f"jumlah layanan {raw} setahun 2023", baris_label=label,
            kolom_label="JUMLAH")
    # The two formula lines print the same ids: their labels keep the rows apart (the key of
    # ``published`` is tahun, indikator, ukuran, sumber, lokasi, baris_label, kolom_label).
    i = B.find("Jumlah Pelayanan yang terlayani sesuai Standar Pelayanan = 11119", h)
    B.t(i, "11119", "jumlah_layanan_sesuai_standar", L, "jumlah pelayanan sesuai standar 2023",
        baris_label="Jumlah Pelayanan yang terlayani sesuai Standar Pelayanan")
    i = B.find("Persentase Pelayanan yang terlayani sesuai Standar Pelayanan = $(11119/11119)", h)
    pct_label = "Persentase Pelayanan yang terlayani sesuai Standar Pelayanan"
    B.t(i, "11119", "jumlah_layanan_sesuai_standar", L, "pembilang: jumlah pelayanan sesuai standar 2023",
        baris_label=pct_label, kolom_label="pembilang")
    B.t(i, "11119", "jumlah_layanan", L, "penyebut: jumlah seluruh pelayanan 2023",
        baris_label=pct_label, kolom_label="penyebut")
    B.t(i, "100 %", "layanan_sesuai_standar_pct", L, "realisasi 2023: " + IND_NAMES["layanan_sesuai_standar_pct"],
        sumber="Gambar 3.2 (Laporan PATEN: 11119/11119)")


LRA_ROWS_SPECIAL = {"SURPLUS / DEFISIT": "surplus_defisit", "SISA LEBIH / KURANG PEMBIAYAAN TAHUN BERKENAAN": "sisa_lebih_pembiayaan"}


def b_lra(B: Builder) -> None:
    L = "Gambar 3.6"
    h = B.find("KODE REKENING\tURAIAN\tANGGARAN\tREALISASI 2023\t(%)\tREALISASI 2022")
    end = B.find("Sumber : LRA Kecamatan Gedeg 2023", h)
    heads = ("ANGGARAN", "REALISASI 2023", "(%)", "REALISASI 2022")
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) < 6:
            continue
        code, name, vals = c[0], c[1], c[2:6]
        if code in LRA_ROWS_SPECIAL:
            fam = LRA_ROWS_SPECIAL[code]
            ids = [(f"{fam}_anggaran", 2023), (f"{fam}_realisasi", 2023), (f"{fam}_persen", 2023),
                   (f"{fam}_realisasi", 2022)]
            label, what = code, code.lower()
        else:
            if code == "5":
                ids = [("pagu_anggaran", 2023), ("realisasi_anggaran_rp", 2023), ("realisasi_anggaran_pct", 2023),
                       ("realisasi_anggaran_rp", 2022)]
            else:
                ids = [(f"lra_anggaran:{code}", 2023), (f"lra_realisasi:{code}", 2023),
                       (f"lra_persen:{code}", 2023), (f"lra_realisasi:{code}", 2022)]
            label, what = f"{code} {name}", f"rekening {code} {name}"
        mk = (f"anggaran 2023 {what} (Rp)", f"realisasi 2023 {what} (Rp)", f"persentase realisasi 2023 {what}",
              f"realisasi 2022 {what} (Rp)")
        for v, (ind, y), head, m in zip(vals, ids, heads, mk):
            sumber = ""
            if code == "5":
                sumber = "Gambar 3.6 LRA (kolom %)" if head == "(%)" else (
                    "Gambar 3.6 LRA (rekening 5)" if y == 2023 else "")
            B.t(j, v, ind, L, m, tahun=y, baris_label=label, kolom_label=head, sumber=sumber)


def b_ipasn(B: Builder) -> None:
    L = "Gambar 3.7"
    i = B.find("IP ASN TAHUN 2022 : 89,50")
    B.t(i, "89,50", "ip_asn", L, "IP ASN yang dipakai sebagai realisasi 2023 (judul tabel: IP ASN TAHUN 2022)",
        sumber="Gambar 3.7 IP ASN (judul: IP ASN TAHUN 2022)", baris_label="IP ASN TAHUN 2022")
    B.t(i, "89,50", "ip_asn", L, "IP ASN tahun 2022 menurut judul tabel (angka yang sama, dicatat untuk tahun 2022)",
        tahun=2022, sumber="Gambar 3.7 IP ASN (judul: IP ASN TAHUN 2022, dibaca sebagai tahun 2022)",
        baris_label="IP ASN TAHUN 2022")
    h = B.find("NO\tNIP\tNAMA\tKUALIFIKASI\tKOMPETENSI\tKINERJA\tDISIPLIN\tTOTAL\tKATEGORI", i)
    end = B.find("Sumber : Pengukuran IP ASN", h)
    dims = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")
    heads = ("KUALIFIKASI", "KOMPETENSI", "KINERJA", "DISIPLIN", "TOTAL")
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) < 8:
            continue
        if c[0].isdigit():
            nip = c[1].replace(" ", "")
            assert re.fullmatch(r"\d{18}", nip), nip
            for v, d, head in zip(c[3:8], dims, heads):
                B.t(j, v, f"ipasn_pegawai:{nip}:{d}", L,
                    f"IP ASN pegawai NIP {nip}: " + ("nilai total" if d == "total" else f"dimensi {d}"),
                    baris_label=f"NIP {c[1]}", kolom_label=head)
        elif c[0] == "TOTAL":
            for v, d, head in zip(c[3:8], dims, heads):
                if d == "total":
                    B.t(j, v, "ip_asn", L, "IP ASN perangkat daerah (baris TOTAL)",
                        sumber="Gambar 3.7 IP ASN (baris TOTAL)", baris_label="TOTAL", kolom_label=head)
                else:
                    B.t(j, v, f"ipasn_rata:{d}", L, f"rata-rata dimensi {d} IP ASN (baris TOTAL)",
                        baris_label="TOTAL", kolom_label=head)


# -- Bab III B ---------------------------------------------------------------------

def b_bab3b(B: Builder) -> None:
    L = "Tabel 3.2.1"
    h = B.find("Tabel 3.2.1 Alokasi per Sasaran Pembangunan")
    end = B.find("Sumber : Laporan Keuangan", h)
    codes = {"Belanja Operasi": "5.1", "Belanja Pegawai": "5.1.01", "Belanja Barang dan Jasa": "5.1.02",
             "Belanja Hibah": "5.1.05", "Belanja Modal": "5.2", "Belanja modal peralatan dan mesin": "5.2.02"}
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) != 3 or not c[2].startswith("Rp"):
            continue
        if c[0] == "Jumlah Seluruh Anggaran":
            B.t(j, c[2], "realisasi_anggaran_rp", L, "jumlah seluruh anggaran (kolom Realisasi) 2023",
                sumber="Tabel 3.2.1 (Jumlah Seluruh Anggaran, kolom Realisasi)", baris_label=c[0], kolom_label="Realisasi")
        else:
            code = codes[c[1]]
            B.t(j, c[2], f"lra_realisasi:{code}", L, f"realisasi 2023 {c[1]} (kolom Realisasi, Rp)",
                baris_label=f"{c[0]} {c[1]}", kolom_label="Realisasi")

    def anggaran_cols(names):
        return tuple((kol, tmpl, "realisasi", 2023, mk) for kol, tmpl, mk in names)

    iku_table(B, "Tabel 3.2.2 Alokasi per Sasaran Pembangunan", "Tabel 3.2.2", anggaran_cols((
        ("Anggaran (Rp.)", "anggaran_indikator:{ind}", "anggaran 2023 yang membiayai indikator: {name} (Rp)"),
        ("% Anggaran", "persen_anggaran_indikator:{ind}", "persentase anggaran indikator terhadap total anggaran: {name}"),
    )), "Sumber : Laporan Keuangan")
    L = "Bab III B (teks)"
    i = B.find("Persentase anggaran terbesar adalah untuk indikator kinerja Nilai SAKIP yaitu sebesar 91,29%")
    B.t(i, "91,29%", "persen_anggaran_indikator:sakip", L, "persentase anggaran indikator Nilai SAKIP terhadap total")
    i = B.find("sebagai penyumbang 78,03%")
    B.t(i, "78,03%", "persen_anggaran_indikator:realisasi_anggaran_pct", L,
        "persentase anggaran sub kegiatan gaji dan tunjangan (indikator realisasi anggaran) terhadap total")

    iku_table(B, "Tabel 3.2.3 Pencapaian Kinerja dan Anggaran", "Tabel 3.2.3", (
        ("Kinerja Target", "{ind}", "target", 2023, "target 2023: {name}"),
        ("Kinerja Realisasi", "{ind}", "realisasi", 2023, "realisasi 2023: {name}"),
        ("Kinerja Capaian %", "{ind}", "capaian", 2023, "capaian 2023 (%): {name}"),
        ("Anggaran Target", "anggaran_indikator:{ind}", "realisasi", 2023, "anggaran 2023 indikator: {name} (Rp)"),
        ("Anggaran Realisasi", "realisasi_anggaran_indikator:{ind}", "realisasi", 2023,
         "realisasi anggaran 2023 indikator: {name} (Rp)"),
        ("Anggaran Capaian %", "penyerapan_indikator:{ind}", "realisasi", 2023,
         "penyerapan anggaran 2023 (%) indikator: {name}"),
    ), "Sumber : Laporan Keuangan")

    iku_table(B, "Tabel 3.2.4 Efisiensi Penggunaan Sumber Daya", "Tabel 3.2.4", (
        ("% Capaian kinerja", "{ind}", "capaian", 2023, "capaian 2023 (%): {name}"),
        ("% Penyerapan Anggaran", "penyerapan_indikator:{ind}", "realisasi", 2023,
         "penyerapan anggaran 2023 (%) indikator: {name}"),
        ("Tingkat Efisiensi", "tingkat_efisiensi:{ind}", "realisasi", 2023,
         "tingkat efisiensi (capaian - penyerapan) indikator: {name}"),
    ), "Sumber : Laporan Keuangan")

    b_anggaran(B)

    L = "Bab III B (teks)"
    i = B.find("Dari pagu anggaran Kecamatan Gedeg Tahun 2023 sebesar Rp2.720.088.927,00")
    B.t(i, "Rp2.720.088.927,00", "pagu_anggaran", L, "pagu anggaran 2023")
    B.t(i, "Rp. 2.567.147.148,00", "realisasi_anggaran_rp", L, "realisasi anggaran 2023 (teks: s.d. 31 Desember 2021)")
    B.t(i, "94,37%", "realisasi_anggaran_pct", L, "persentase realisasi anggaran 2023")


#: Tabel 3.2.5 rows in order (A-C, I-IX, 1-22): Kepmendagri codes as in anggaran.csv.
ANGGARAN_CODES = (
    "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0007", "7.01.01.2.02", "7.01.01.2.02.0001",
    "7.01.01.2.05", "7.01.01.2.05.0002", "7.01.01.2.06", "7.01.01.2.06.0001", "7.01.01.2.06.0002",
    "7.01.01.2.06.0004", "7.01.01.2.06.0005", "7.01.01.2.06.0006", "7.01.01.2.06.0007", "7.01.01.2.06.0009",
    "7.01.01.2.07", "7.01.01.2.07.0005", "7.01.01.2.08", "7.01.01.2.08.0002", "7.01.01.2.08.0004",
    "7.01.01.2.09", "7.01.01.2.09.0002", "7.01.01.2.09.0006", "7.01.01.2.09.0009", "7.01.02", "7.01.02.2.04",
    "7.01.02.2.04.0002", "7.01.06", "7.01.06.2.01", "7.01.06.2.01.0002", "7.01.06.2.01.0009",
    "7.01.06.2.01.0011", "7.01.06.2.01.0012",
)


def level(code: str) -> str:
    return {3: "program", 5: "kegiatan", 6: "sub kegiatan"}[len(code.split("."))]


def b_anggaran(B: Builder) -> None:
    L = "Tabel 3.2.5"
    h = B.find("Tabel 3.2.5 Realisasi Penyerapan Anggaran per Program kegiatan")
    end = B.find("Sumber : Laporan Keuangan", h)
    codes = iter(ANGGARAN_CODES)
    heads = ("TA. 2023 Target", "TA. 2023 Realisasi", "% Capaian Kinerja")
    for j in range(h + 1, end):
        c = trailing(B.cells(j))
        if len(c) != 5 or c[1].isdigit() or not all(is_fig(v) for v in c[2:5]):
            continue                        # the "1 3 4 8 11" column-number row is not data
        if c[1] == "JUMLAH":
            ids = ("pagu_anggaran", "realisasi_anggaran_rp", "penyerapan_pct:total")
            mk = ("jumlah pagu anggaran 2023", "jumlah realisasi anggaran 2023", "persentase penyerapan seluruh anggaran 2023")
            for v, ind, head, m in zip(c[2:5], ids, heads, mk):
                B.t(j, v, ind, L, m, sumber="Tabel 3.2.5 (baris JUMLAH)", baris_label="JUMLAH", kolom_label=head)
            continue
        code = next(codes)
        label = f"{c[0]} {c[1]}"
        lv = level(code)
        for v, fam, head, m in zip(c[2:5], ("pagu", "realisasi", "penyerapan_pct"), heads,
                                   ("pagu 2023 (Rp)", "realisasi 2023 (Rp)", "persentase penyerapan 2023")):
            B.t(j, v, f"{fam}:{code}", L, f"{m} {lv} {code} {c[1]}", baris_label=label, kolom_label=head)
    if list(codes):
        raise BuildError("Tabel 3.2.5: rows missing")


# -- Lampiran 3, 4, 7 -------------------------------------------------------------------

def b_lampiran3(B: Builder) -> None:
    L = "Lampiran 3"
    a = B.find("BERITA ACARA PENGUKURAN KINERJA KECAMATAN GEDEG")
    b = B.find("Demikian Berita Acara", a)
    spec = (("Nilai Indeks Kepuasan Masyarakat (IKM)", "97,33", "ikm"),
            ("Persentase Pelayanan yang sesuai dengan standar pelayanan", "100%", "layanan_sesuai_standar_pct"),
            ("Persentase hasil koordinasi yang ditindaklanjuti", "100%", "koordinasi_ditindaklanjuti_pct"),
            ("Nilai SAKIP Kecamatan Gedeg Tahun 2023", "86,13 (A)", "sakip"),
            ("Persentase realisasi anggaran perangkat daerah", "94,37%", "realisasi_anggaran_pct"),
            ("Indeks profesionalisme ASN", "89,5", "ip_asn"),
            ("Jumlah inovasi yang terinternalisasi", "2 inovasi", "jumlah_inovasi"))
    for anchor, teks, ind in spec:
        B.ta((a, b), anchor, teks, ind, L, f"realisasi 2023 menurut Berita Acara: {IND_NAMES[ind]}",
             baris_label=anchor)


OFFICIALS = (
    ("LAPORAN KINERJA SEKRETARIS KECAMATAN", "sekretaris_kecamatan", "Lampiran 4 Sekretaris Kecamatan"),
    ("KASUBAG PENYUSUNAN PROGRAM", "kasubag_program_keuangan", "Lampiran 4 Kasubag Penyusunan Program dan Keuangan"),
    ("KEPALA SEKSI PEMERINTAHAN**", "kasi_pemerintahan", "Lampiran 4 Kepala Seksi Pemerintahan"),
    ("LAPORAN KINERJA KEPALA SEKSI PEMBANGUNAN", "kasi_pembangunan", "Lampiran 4 Kepala Seksi Pembangunan"),
    ("KEPALA SEKSI KEMASYARAKATAN**", "kasi_kemasyarakatan", "Lampiran 4 Kepala Seksi Kemasyarakatan"),
    ("LAPORAN KINERJA KASI PELAYANAN", "kasi_pelayanan", "Lampiran 4 Kepala Seksi Pelayanan"),
    ("KEPALA SEKSI KETENTRAMAN", "kasi_trantib", "Lampiran 4 Kepala Seksi Ketentraman dan Ketertiban Umum"),
)

#: Officials' indicator labels -> short argument (matched case-insensitively, first hit wins).
PEJABAT_IND = (
    ("nilai sakip", "sakip"),
    ("persentase indikator program pd", "indikator_program_tercapai_pct"),
    ("persentase realisasi anggaran", "realisasi_anggaran_pct"),
    ("ip asn", "ip_asn"),
    ("persentase penyediaan administrasi umum", "administrasi_umum_pct"),
    ("persentase pengadaan bmd", "pengadaan_bmd_pct"),
    ("persentase penyediaan jasa penunjang", "jasa_penunjang_pct"),
    ("persentase barang milik daerah", "bmd_kondisi_baik_pct"),
    ("jumlah inovasi", "jumlah_inovasi"),
    ("jumlah dokumen perencanaan", "jumlah_dokumen_perencanaan"),
    ("jumlah laporan evaluasi kinerja", "jumlah_laporan_evaluasi_kinerja"),
    ("jumlah orang yang menerima gaji", "jumlah_penerima_gaji"),
    ("jumlah dokumen penganggaran", "jumlah_dokumen_penganggaran"),
    ("jumlah dokumen yang difasilitasi dalam rangka administrasi", "jumlah_dokumen_administrasi_desa"),
    ("laporan ikm kecamatan gedeg seksi", "jumlah_laporan_ikm"),
    ("persentase koordinasi yang ditindaklanjuti bidang", "koordinasi_ditindaklanjuti_bidang_pct"),
    ("jumlah dokumen sinkronisasi", "jumlah_dokumen_sinkronisasi"),
    ("jumlah dokumen fasilitasi dalam rangka pelaksanaan tugas", "jumlah_dokumen_lembaga_kemasyarakatan"),
    ("jumlah dokumen fasilitasi dalam rangka penyelenggaraan ketenteraman", "jumlah_dokumen_trantib"),
    ("jumlah laporan pelaksanaan non perizinan", "jumlah_laporan_nonperizinan"),
    ("terpublikasinya nilai ikm", "jumlah_publikasi_ikm"),
    ("jumlah pelayanan perijinan dan non perijinan", "jumlah_layanan_sesuai_standar"),
    ("jumlah pembinaan desa", "jumlah_pembinaan_desa"),
)

#: Budget sentences of section C of each official's report: (teks, id, makna).
PEJABAT_BUDGET = {
    "sekretaris_kecamatan": (
        ("100%", "pejabat_rata_capaian:sekretaris_kecamatan", "rata-rata capaian kinerja Sekretaris Kecamatan 2023 (%)"),
        ("Rp. 2.483.372.550,00", "pagu:7.01.01", "anggaran program 7.01.01 yang dikelola Sekretaris Kecamatan (Rp)"),
        ("2.334.527.848,00", "realisasi:7.01.01", "realisasi anggaran program 7.01.01 (Rp)"),
        ("94,01%", "penyerapan_pct:7.01.01", "persentase penyerapan anggaran program 7.01.01"),
    ),
    "kasubag_program_keuangan": (
        ("Rp. 2.132.081.250,00", "pejabat_anggaran:kasubag_program_keuangan",
         "anggaran yang dikelola Kasubag Penyusunan Program dan Keuangan (Rp)"),
        ("Rp. 1.997.024.743,00", "pejabat_realisasi_anggaran:kasubag_program_keuangan",
         "realisasi anggaran Kasubag Penyusunan Program dan Keuangan (Rp)"),
        ("93,66%", "pejabat_penyerapan:kasubag_program_keuangan",
         "persentase penyerapan anggaran Kasubag Penyusunan Program dan Keuangan"),
    ),
    "kasi_pemerintahan": (
        ("100%", "pejabat_rata_capaian:kasi_pemerintahan", "capaian kinerja Kepala Seksi Pemerintahan 2023 (%)"),
        ("Rp. 41.600.000,00", "pagu:7.01.06.2.01.0002", "anggaran sub kegiatan Fasilitasi Administrasi Tata Pemerintahan Desa (Rp)"),
        ("Rp.41.332,00", "realisasi:7.01.06.2.01.0002", "realisasi sub kegiatan Fasilitasi Administrasi Tata Pemerintahan Desa (Rp)"),
        ("97,64%", "penyerapan_pct:7.01.06.2.01.0002", "penyerapan sub kegiatan Fasilitasi Administrasi Tata Pemerintahan Desa (%)"),
    ),
    "kasi_pembangunan": (
        ("Rp. 29.834.000,00", "pagu:7.01.06.2.01.0009", "anggaran sub kegiatan Fasilitasi Sinkronisasi Perencanaan (Rp)"),
        ("Rp. 27.736.300,00", "realisasi:7.01.06.2.01.0009", "realisasi sub kegiatan Fasilitasi Sinkronisasi Perencanaan (Rp)"),
        ("92,97%", "penyerapan_pct:7.01.06.2.01.0009", "penyerapan sub kegiatan Fasilitasi Sinkronisasi Perencanaan (%)"),
    ),
    "kasi_kemasyarakatan": (
        ("Rp. 99.403.080,00", "pagu:7.01.06.2.01.0012", "anggaran sub kegiatan Fasilitasi Lembaga Kemasyarakatan (Rp)"),
        ("Rp. 98.285.800,00", "realisasi:7.01.06.2.01.0012", "realisasi sub kegiatan Fasilitasi Lembaga Kemasyarakatan (Rp)"),
        ("98,88%", "penyerapan_pct:7.01.06.2.01.0012", "penyerapan sub kegiatan Fasilitasi Lembaga Kemasyarakatan (%)"),
    ),
    "kasi_pelayanan": (
        ("Rp. 28.928.297,00", "pagu:7.01.02.2.04.0002", "anggaran sub kegiatan Pelaksanaan Urusan Nonperizinan (Rp)"),
        ("28.533.000,00", "realisasi:7.01.02.2.04.0002", "realisasi sub kegiatan Pelaksanaan Urusan Nonperizinan (Rp)"),
        ("98,63%", "penyerapan_pct:7.01.02.2.04.0002", "penyerapan sub kegiatan Pelaksanaan Urusan Nonperizinan (%)"),
    ),
    "kasi_trantib": (
        ("Rp. 36.951.000,00", "pagu:7.01.06.2.01.0011", "anggaran sub kegiatan Fasilitasi Ketenteraman dan Ketertiban Umum (Rp)"),
        ("Rp. 36.742.200,00", "realisasi:7.01.06.2.01.0011", "realisasi sub kegiatan Fasilitasi Ketenteraman dan Ketertiban Umum (Rp)"),
        ("99,43%", "penyerapan_pct:7.01.06.2.01.0011", "penyerapan sub kegiatan Fasilitasi Ketenteraman dan Ketertiban Umum (%)"),
    ),
}


def pejabat_ind(label: str) -> str:
    low = label.lower()
    for key, arg in PEJABAT_IND:
        if key in low:
            return arg
    raise BuildError(f"unknown official's indicator {label!r}")


def b_lampiran4(B: Builder) -> None:
    start = B.find("Lampiran 4 :")
    stop = B.find("Lampiran 5 :", start)
    bounds = [B.find(anchor, start, stop) for anchor, _, _ in OFFICIALS] + [stop]
    for (anchor, jab, L), s, e in zip(OFFICIALS, bounds, bounds[1:]):
        a = B.find("A. PERJANJIAN KINERJA", s, e)
        b = B.find("B. CAPAIAN KINERJA", a, e)
        c_ = B.find("C. EVALUASI DAN ANALISIS KINERJA", b, e)
        d = B.find("D. RENCANA TINDAK LANJUT", c_, e)
        who = L.replace("Lampiran 4 ", "")
        for j in range(a, b):
            c = trailing(B.cells(j))
            if len(c) >= 2 and is_fig(c[-1]):
                label = label_before(c, 1)
                arg = pejabat_ind(label)
                B.t(j, c[-1], f"pejabat_pk_target:{jab}:{arg}", L, f"target PK 2023 {who}: {label}",
                    baris_label=label, kolom_label="A. PERJANJIAN KINERJA: TARGET")
        for j in range(b, c_):
            c = trailing(B.cells(j))
            if len(c) >= 4 and all(is_fig(v) for v in c[-3:]):
                label = label_before(c, 3)
                arg = pejabat_ind(label)
                for v, fam, head, w in zip(c[-3:], ("pejabat_target", "pejabat_realisasi", "pejabat_capaian"),
                                           ("TARGET", "REALISASI", "CAPAIAN%"), ("target", "realisasi", "capaian (%)")):
                    B.t(j, v, f"{fam}:{jab}:{arg}", L, f"{w} 2023 {who}: {label}",
                        baris_label=label, kolom_label=f"B. CAPAIAN KINERJA: {head}")
        i = B.find("Dari tabel capaian kinerja diatas dapat disimpulkan", c_, d)
        for teks, ind, makna in PEJABAT_BUDGET[jab]:
            B.t(i, teks, ind, L, makna, kolom_label="C. EVALUASI DAN ANALISIS KINERJA (teks)")


def b_lampiran7(B: Builder) -> None:
    L = "Lampiran 7"
    a = B.find("PRESTASI TAHUN 2023")
    b = B.find("PRESTASI TAHUN 2022", a)
    e = B.find("Lampiran 1 :", b)
    s23, s22 = "Lampiran 7 (Prestasi 2023)", "Lampiran 7 (Prestasi 2022)"
    i = B.find("Nilai SAKIP 86,13 (A) nomor 7", a, b)
    B.t(i, "86,13", "sakip", L, "Nilai SAKIP 2023 (daftar prestasi)", sumber=s23, baris_label=B.lines[i])
    B.t(i, "nomor 7", "peringkat_sakip_opd", L, "peringkat Nilai SAKIP 2023 di level OPD se-Kabupaten Mojokerto",
        sumber=s23, baris_label=B.lines[i])
    for lo, hi, s in ((a, b, s23), (b, e, s22)):
        i = B.find("Peringkat 1 pembayaran PBB P2", lo, hi)
        B.t(i, "Peringkat 1", "peringkat_pbb_p2:baku_di_bawah_2m", L,
            "peringkat pembayaran PBB P2 Buku 1-3 tahun 2022, baku di bawah 2 M", tahun=2022, sumber=s,
            baris_label=B.lines[i])
        B.t(i, "Peringkat 2", "peringkat_pbb_p2:semua_baku", L,
            "peringkat pembayaran PBB P2 tahun 2022 untuk semua baku", tahun=2022, sumber=s, baris_label=B.lines[i])
    i = B.find("Kecamatan Berkinerja Terbaik III Tahun 2021", b, e)
    B.t(i, "Terbaik III", "peringkat_kinerja_kecamatan", L,
        "peringkat Kecamatan Berkinerja Terbaik tahun 2021 (Penilaian Kinerja Kecamatan TA 2022)", tahun=2021,
        nilai="3", sumber=s22, baris_label=B.lines[i])
    i = B.find("Nilai SAKIP 87,43 (A) nomor 2", b, e)
    B.t(i, "87,43", "sakip", L, "Nilai SAKIP 2022 (daftar prestasi)", tahun=2022, sumber=s22, baris_label=B.lines[i])
    B.t(i, "nomor 2", "peringkat_sakip_opd", L, "peringkat Nilai SAKIP 2022 se-Kabupaten Mojokerto", tahun=2022,
        sumber=s22, baris_label=B.lines[i])
    i = B.find("Penilaian Pelayanan Publik tertinggi se Kabupaten Mojokerto (98,80)", b, e)
    B.t(i, "98,80", "nilai_penilaian_pelayanan_publik", L, "nilai Penilaian Pelayanan Publik 2022 (tertinggi se-kabupaten)",
        tahun=2022, sumber=s22, baris_label=B.lines[i])
    i = B.find("Penyaji terbaik 1 pada festival makanan khas mojopahit", b, e)
    B.t(i, "terbaik 1", "peringkat_festival_makanan", L, "peringkat penyaji festival makanan khas Majapahit 2022",
        tahun=2022, sumber=s22, baris_label=B.lines[i])


def b_misc_text(B: Builder) -> None:
    i = B.find("terdiri dari sasaran dan indikator kinerja yang harus dicapai selama 5 tahun mendatang")
    B.t(i, "5 tahun", "renstra_jumlah_tahun", "Bab II A (teks)", "lama periode Renstra (tahun) menurut teks")
    i = B.find("Peta Probis level 3 terdiri dari 5 proses")
    B.t(i, "5 proses", "probis_level3_jumlah_proses", "Bab I G (teks)", "jumlah proses pada Peta Proses Bisnis level 3")


def build(text: str) -> Builder:
    B = Builder(text)
    b_ikhtisar(B)
    b_bab1(B)
    b_misc_text(B)
    b_renstra(B)
    end = b_tc27(B, "Gambar 2,1 Tabel TC. 27", 0, "Gambar 2.1")
    b_pk(B)
    b_bab3a(B)
    b_bab3b(B)
    b_lampiran7(B)
    l1 = B.find("Lampiran 1 :", end)
    b_tc27(B, "FORM PENDANAAN INDIKATIF", l1, "Lampiran 1 TC-27")
    b_tc27b(B, l1)
    b_lampiran3(B)
    b_lampiran4(B)
    B.rows.sort(key=lambda r: (r.line, r.seq))
    return B


# ============================================================================ verification

def verify(B: Builder) -> list[str]:
    """Self-checks; returns problems (empty = all good)."""
    problems = []
    for r in B.rows:
        if r.teks not in B.text:
            problems.append(f"teks not in seed: {r.teks!r} ({r.indikator}, {r.lokasi})")
        if r.teks not in B.lines[r.line]:
            problems.append(f"teks not on its line {r.line + 1}: {r.teks!r}")
        if r.ukuran not in ("realisasi", "target", "capaian"):
            problems.append(f"bad ukuran {r.ukuran}")
        if r.ukuran != "realisasi" and r.indikator not in IKU:
            problems.append(f"ukuran {r.ukuran} on a non-indicator id {r.indikator}")
        if r.indikator != r.indikator.lower():
            problems.append(f"id not lower-case: {r.indikator}")
    # every id family is documented in IDS.md
    ids_md = IDS_DOC
    if ids_md.exists():
        doc = ids_md.read_text(encoding="utf-8")
        for fam in sorted({r.indikator.split(":")[0] for r in B.rows}):
            if not re.search(r"`" + re.escape(fam) + r"[`:]", doc):
                problems.append(f"id family {fam!r} not documented in {IDS_DOC.name}")
    # nilai must read back through the package's own parser, decimals intact
    try:
        sys.path.insert(0, str(ROOT / "src"))
        from lkjip.audit import decimals_of_text
        from lkjip.contract.indonum import parse_number
    except ImportError as exc:      # the package is not importable here
        problems.append(f"(lkjip not importable, reader check skipped: {exc})")
    else:
        for r in B.rows:
            if parse_number(r.nilai) != float(r.nilai):
                problems.append(f"reader disagrees on nilai {r.nilai!r}")
            if decimals_of_text(r.nilai) != places(r.nilai):
                problems.append(f"decimals lost in {r.nilai!r}")
    return problems


def render(B: Builder) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in B.rows:
        w.writerow(r.out())
    return buf.getvalue()


def check_legacy(B: Builder, path: Path) -> list[str]:
    """Every row of the previous file (tahun, indikator, nilai, sumber, ukuran) is still here."""
    pool = defaultdict(int)
    for r in B.rows:
        o = r.out()
        pool[(o["tahun"], o["indikator"], float(o["nilai"]), o["sumber"], o["ukuran"])] += 1
    missing = []
    with open(path, encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            k = (row["tahun"], row["indikator"], float(row["nilai"]), row["sumber"], row.get("ukuran") or "realisasi")
            if pool[k] > 0:
                pool[k] -= 1
            else:
                missing.append(f"legacy row {n}: {k}")
    return missing


# ============================================================================ analysis (--checks)

def checks(B: Builder) -> str:
    """Arithmetic and cross-location findings inside the seed (material for NOTES.md)."""
    out: list[str] = []
    rows = B.rows

    def val(r):
        return to_dec(r.nilai)

    def get(lokasi, ind, tahun=2023, ukuran="realisasi", nth=0):
        hits = [r for r in rows if r.lokasi == lokasi and r.indikator == ind and r.tahun == tahun and r.ukuran == ukuran]
        return val(hits[nth]) if len(hits) > nth else None

    def fmt(d):
        return f"{d:,}".replace(",", "_").replace(".", ",").replace("_", ".")

    def sumcheck(title, total, parts):
        parts = [p for p in parts if p is not None]
        if total is None or not parts:
            return
        s = sum(parts)
        if s != total:
            out.append(f"- {title}: tercetak {fmt(total)}, jumlah rincian {fmt(s)} (selisih {fmt(total - s)})")

    def ratio(title, printed, num, den, scale=100):
        if None in (printed, num, den) or den == 0:
            return
        exact = num / den * scale
        q = Decimal(1).scaleb(-places(str(printed))) if places(str(printed)) else Decimal(1)
        half = exact.quantize(q, ROUND_HALF_UP)
        down = exact.quantize(q, ROUND_DOWN)
        if printed == half:
            return
        how = "pembulatan ke bawah (dipotong)" if printed == down else "tidak cocok"
        out.append(f"- {title}: tercetak {fmt(printed)}, hitungan {fmt(num)}/{fmt(den)}x{scale} = "
                   f"{exact:.4f} -> {fmt(half)} ({how})")

    out.append("## A. Jumlah dan rincian (dalam satu tabel)")
    # Bab I B
    L = "Bab I B (teks)"
    parts = [r for r in rows if r.lokasi == L and r.indikator.startswith("jumlah_pegawai_jabatan:")]
    hon = [r for r in rows if r.lokasi == L and r.indikator == "jumlah_pegawai:honorer"]
    tot = [r for r in rows if r.lokasi == L and r.indikator == "jumlah_pegawai"]
    sumcheck("Bab I B pegawai: Jumlahkeseluruhan vs rincian jabatan + honorer", val(tot[-1]),
             [val(r) for r in parts] + [val(hon[-1])])
    # Tabel 1.1
    L = "Tabel 1.1"
    desa = sorted({r.indikator.split(":")[1] for r in rows if r.lokasi == L and r.indikator.startswith("penduduk:")})
    for d in desa:
        lk, pr, jm = (get(L, f"penduduk:{d}:{k}", 2022) for k in ("laki_laki", "perempuan", "jumlah"))
        sumcheck(f"Tabel 1.1 {d}: JUMLAH vs L+P", jm, [lk, pr])
    for k, ind in (("laki_laki", "jumlah_penduduk:laki_laki"), ("perempuan", "jumlah_penduduk:perempuan"),
                   ("jumlah", "jumlah_penduduk")):
        sumcheck(f"Tabel 1.1 baris JUMLAH kolom {k}", get(L, ind, 2022),
                 [get(L, f"penduduk:{d}:{k}", 2022) for d in desa])
    sumcheck("Tabel 1.1 baris JUMLAH: L+P", get(L, "jumlah_penduduk", 2022),
             [get(L, "jumlah_penduduk:laki_laki", 2022), get(L, "jumlah_penduduk:perempuan", 2022)])
    # TC-27 hierarchy: a parent is checked only when every child row has the same cell
    for L in ("Gambar 2.1", "Lampiran 1 TC-27", "Lampiran 1 T-C.27"):
        here = [r for r in rows if r.lokasi == L and r.indikator.startswith("tc27_")]
        keys = sorted({r.indikator.split(":")[1] for r in here})
        # every row printed in the table, with or without figures, is a child
        codes = [k for k in (TC27B_KEYS_1 if L == "Lampiran 1 T-C.27" else TC27_KEYS) if k[0].isdigit()]

        def children(k, codes=codes):
            want = {3: 5, 5: 6}.get(len(k.split(".")))
            return [c for c in codes if c.startswith(k + ".") and len(c.split(".")) == want]
        base = {k: children(k) for k in codes}
        base["sasaran_tata_kelola"] = ["7.01.01"]
        base["sasaran_pelayanan_publik"] = ["7.01.02", "7.01.06"]
        base["tujuan"] = ["sasaran_tata_kelola", "sasaran_pelayanan_publik"] if "sasaran_pelayanan_publik" in keys \
            else ["sasaran_tata_kelola", "7.01.02", "7.01.06"]
        # the usulan columns put every programme under the one remaining sasaran (PK Perubahan)
        usulan = {k: v for k, v in base.items() if k[0].isdigit()}
        usulan["sasaran_tata_kelola"] = ["7.01.01", "7.01.02", "7.01.06"]
        usulan["tujuan"] = ["sasaran_tata_kelola"]
        for fam in ("tc27_pagu", "tc27_pagu_akhir", "tc27_usulan_pagu", "tc27_usulan_pagu_akhir"):
            tree = usulan if "usulan" in fam else base
            years = sorted({r.tahun for r in here if r.indikator.startswith(fam + ":")})
            for k, kids in tree.items():
                if not kids:
                    continue
                for y in years:
                    tot = get(L, f"{fam}:{k}", y)
                    ps = [get(L, f"{fam}:{c}", y) for c in kids]
                    if tot is not None and all(p is not None for p in ps):
                        sumcheck(f"{L} {fam} {k} tahun {y}: induk vs anak ({', '.join(kids)})", tot, ps)
                    elif tot is not None and any(p is not None for p in ps):
                        miss = [c for c, p in zip(kids, ps) if p is None]
                        out.append(f"  (tidak diperiksa: {L} {fam} {k} tahun {y}, sel anak {', '.join(miss)} "
                                   "tidak tercetak/tergabung)")
        for k in keys:
            tot = get(L, f"tc27_pagu_akhir:{k}", 2026)
            ps = [get(L, f"tc27_pagu:{k}", y) for y in range(2022, 2027)]
            if tot is not None and all(p is not None for p in ps):
                sumcheck(f"{L} {k}: pagu kondisi akhir vs jumlah 2022-2026", tot, ps)
            tot = get(L, f"tc27_usulan_pagu_akhir:{k}", 2026)
            ps = [get(L, f"tc27_usulan_pagu:{k}", y) for y in range(2024, 2027)]
            if tot is not None and all(p is not None for p in ps):
                sumcheck(f"{L} {k}: usulan pagu kondisi akhir vs jumlah 2024-2026", tot, ps)
    # Gambar 3.1
    L = "Gambar 3.1"
    n = get(L, "responden_ikm")
    nrr_sum = Decimal(0)
    for u in range(1, 10):
        tot = get(L, f"ikm_unsur_total:u{u}")
        ratio(f"Gambar 3.1 NRR U{u}", get(L, f"nrr:u{u}"), tot, n, 1)
        ratio(f"Gambar 3.1 NRR x 25 U{u}", get(L, f"nrr_x25:u{u}"), tot * 25, n, 1)
        ratio(f"Gambar 3.1 NRR tertimbang U{u} (bobot 1/9)", get(L, f"nrr_tertimbang:u{u}"), tot, n * 9, 1)
        ratio(f"Gambar 3.1 NRR tertimbang U{u} (bobot 0,11)", get(L, f"nrr_tertimbang:u{u}"), tot * Decimal("0.11"), n, 1)
        nrr_sum += tot
    ratio("Gambar 3.1 JML NRR IKM TERTIMBANG (bobot 1/9)", get(L, "nrr_tertimbang_jumlah"), nrr_sum, n * 9, 1)
    ratio("Gambar 3.1 JML NRR IKM TERTIMBANG (bobot 0,11)", get(L, "nrr_tertimbang_jumlah"), nrr_sum * Decimal("0.11"), n, 1)
    ratio("Gambar 3.1 IKM = JML NRR tertimbang x 25 (bobot 1/9)", get(L, "ikm", nth=1), nrr_sum * 25, n * 9, 1)
    ratio("Gambar 3.1 IKM dengan bobot 0,111", get(L, "ikm", nth=1), nrr_sum * Decimal("0.111") * 25, n, 1)
    ratio("Gambar 3.1 IKM dengan bobot 0,11", get(L, "ikm", nth=1), nrr_sum * Decimal("0.11") * 25, n, 1)
    sumcheck("Gambar 3.1 JML NRR IKM TERTIMBANG vs jumlah NRR tertimbang tercetak",
             get(L, "nrr_tertimbang_jumlah"), [get(L, f"nrr_tertimbang:u{u}") for u in range(1, 10)])
    # Gambar 3.2
    L = "Gambar 3.2"
    names = [r.indikator.split(":", 1)[1] for r in rows if r.lokasi == L and r.indikator.startswith("jumlah_layanan:")]
    for nm in names:
        sumcheck(f"Gambar 3.2 {nm}: JUMLAH baris vs 12 bulan", get(L, f"jumlah_layanan:{nm}"),
                 [get(L, f"layanan_bulan:{nm}:{m}") for m in MONTHS])
    for m in MONTHS:
        sumcheck(f"Gambar 3.2 JUMLAH bulan {m} vs layanan", get(L, f"jumlah_layanan_bulan:{m}"),
                 [get(L, f"layanan_bulan:{nm}:{m}") for nm in names])
    sumcheck("Gambar 3.2 JUMLAH total vs JUMLAH per bulan", get(L, "jumlah_layanan"),
             [get(L, f"jumlah_layanan_bulan:{m}") for m in MONTHS])
    sumcheck("Gambar 3.2 JUMLAH total vs JUMLAH per layanan", get(L, "jumlah_layanan"),
             [get(L, f"jumlah_layanan:{nm}") for nm in names])
    # Gambar 3.4
    L = "Gambar 3.4"
    for fam, tot in (("fasilitasi", "jumlah_fasilitasi"), ("tindak_lanjut", "jumlah_tindak_lanjut")):
        sumcheck(f"Gambar 3.4 {tot}", get(L, tot), [val(r) for r in rows if r.lokasi == L and r.indikator.startswith(fam + ":")])
    # Gambar 3.5
    L = "Gambar 3.5"
    sumcheck("Gambar 3.5 nilai SAKIP vs komponen", get(L, "sakip"),
             [val(r) for r in rows if r.lokasi == L and r.indikator.startswith("sakip_komponen:")])
    sumcheck("Gambar 3.5 bobot", get(L, "sakip_bobot_total"),
             [val(r) for r in rows if r.lokasi == L and r.indikator.startswith("sakip_bobot:")])
    # Gambar 3.6
    L = "Gambar 3.6"
    def lra_get(code, col, y=2023):
        if code == "5":
            ind = {"anggaran": "pagu_anggaran", "realisasi": "realisasi_anggaran_rp", "persen": "realisasi_anggaran_pct"}[col]
        else:
            ind = f"lra_{col}:{code}"
        return get(L, ind, y)
    tree = {"5": ["5.1", "5.2"], "5.1": ["5.1.01", "5.1.02", "5.1.05"], "5.2": ["5.2.02", "5.2.03", "5.2.05"]}
    for par, kids in tree.items():
        sumcheck(f"Gambar 3.6 rekening {par} ANGGARAN vs anak", lra_get(par, "anggaran"), [lra_get(k, "anggaran") for k in kids])
        sumcheck(f"Gambar 3.6 rekening {par} REALISASI 2023 vs anak", lra_get(par, "realisasi"), [lra_get(k, "realisasi") for k in kids])
        sumcheck(f"Gambar 3.6 rekening {par} REALISASI 2022 vs anak", lra_get(par, "realisasi", 2022),
                 [lra_get(k, "realisasi", 2022) for k in kids])
    for code in ("5", "5.1", "5.1.01", "5.1.02", "5.2", "5.2.02"):
        ratio(f"Gambar 3.6 rekening {code} (%)", lra_get(code, "persen"), lra_get(code, "realisasi"), lra_get(code, "anggaran"))
    for fam in ("surplus_defisit", "sisa_lebih_pembiayaan"):
        p = get(L, f"{fam}_persen")
        a, r = get(L, f"{fam}_anggaran"), get(L, f"{fam}_realisasi")
        if p is not None and a:
            out.append(f"- Gambar 3.6 {fam}: kolom (%) tercetak {fmt(p)}, padahal {fmt(r)}/{fmt(a)}x100 = {r / a * 100:.2f}")
    # Gambar 3.7
    L = "Gambar 3.7"
    nips = sorted({r.indikator.split(":")[1] for r in rows if r.lokasi == L and r.indikator.startswith("ipasn_pegawai:")})
    dims = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
    for nip in nips:
        sumcheck(f"Gambar 3.7 NIP {nip} TOTAL vs 4 dimensi", get(L, f"ipasn_pegawai:{nip}:total"),
                 [get(L, f"ipasn_pegawai:{nip}:{d}") for d in dims])
    for d in dims + ("total",):
        vals = [get(L, f"ipasn_pegawai:{nip}:{d}") for nip in nips]
        printed = get(L, f"ipasn_rata:{d}") if d != "total" else get(L, "ip_asn", nth=1)
        ratio(f"Gambar 3.7 baris TOTAL {d} (rata-rata {len(vals)} pegawai)", printed, sum(vals), Decimal(len(vals)), 1)
    # Tabel 3.2.1
    L = "Tabel 3.2.1"
    g = {r.indikator: val(r) for r in rows if r.lokasi == L}
    sumcheck("Tabel 3.2.1 Belanja Operasi vs rincian", g.get("lra_realisasi:5.1"),
             [g.get("lra_realisasi:5.1.01"), g.get("lra_realisasi:5.1.02"), g.get("lra_realisasi:5.1.05")])
    sumcheck("Tabel 3.2.1 Jumlah Seluruh Anggaran vs Belanja Operasi + Belanja Modal", g.get("realisasi_anggaran_rp"),
             [g.get("lra_realisasi:5.1"), g.get("lra_realisasi:5.2")])
    # Tabel 3.2.5
    L = "Tabel 3.2.5"
    codes = list(ANGGARAN_CODES)
    for k in codes:
        n = len(k.split("."))
        want = {3: 5, 5: 6}.get(n)
        kids = [c for c in codes if c.startswith(k + ".") and len(c.split(".")) == want]
        if kids:
            for fam in ("pagu", "realisasi"):
                sumcheck(f"Tabel 3.2.5 {fam} {k} vs anak", get(L, f"{fam}:{k}"), [get(L, f"{fam}:{c}") for c in kids])
        ratio(f"Tabel 3.2.5 % {k}", get(L, f"penyerapan_pct:{k}"), get(L, f"realisasi:{k}"), get(L, f"pagu:{k}"))
    for fam, tot in (("pagu", "pagu_anggaran"), ("realisasi", "realisasi_anggaran_rp")):
        sumcheck(f"Tabel 3.2.5 JUMLAH {fam} vs program", get(L, tot), [get(L, f"{fam}:{c}") for c in codes if len(c.split(".")) == 3])
    ratio("Tabel 3.2.5 JUMLAH %", get(L, "penyerapan_pct:total"), get(L, "realisasi_anggaran_rp"), get(L, "pagu_anggaran"))

    out.append("\n## B. Capaian, persentase dan selisih yang dihitung dari angka tercetak")
    for L, tahun in (("Tabel 3.1.1", 2023), ("Tabel 3.2.3", 2023), ("Tabel 3.1.2", 2021), ("Tabel 3.1.2", 2022),
                     ("Tabel 3.1.2", 2023)):
        for ind in IKU:
            ratio(f"{L} capaian {ind} {tahun}", get(L, ind, tahun, "capaian"), get(L, ind, tahun, "realisasi"),
                  get(L, ind, tahun, "target"))
        if L == "Tabel 3.1.2":
            for ind in OTHER_IND:
                ratio(f"{L} capaian {ind} {tahun}", get(L, f"capaian:{ind}", tahun), get(L, ind, tahun),
                      get(L, f"target:{ind}", tahun))
    L = "Tabel 3.1.3"
    for ind in IKU:
        if ind == "jumlah_inovasi":
            ratio(f"{L} tingkat kemajuan {ind}", get(L, "kemajuan:jumlah_inovasi"),
                  get(L, "jumlah_inovasi_kumulatif"), get(L, "target:jumlah_inovasi_kumulatif", 2026))
        else:
            ratio(f"{L} tingkat kemajuan {ind}", get(L, f"kemajuan:{ind}"), get(L, ind), get(L, ind, 2026, "target"))
    L = "Tabel 3.2.2"
    total = get("Tabel 3.2.5", "pagu_anggaran")
    for ind in IKU:
        ratio(f"{L} % anggaran {ind} (terhadap pagu total 2.720.088.927)", get(L, f"persen_anggaran_indikator:{ind}"),
              get(L, f"anggaran_indikator:{ind}"), total)
    L = "Tabel 3.2.3"
    for ind in IKU:
        ratio(f"{L} penyerapan {ind}", get(L, f"penyerapan_indikator:{ind}"), get(L, f"realisasi_anggaran_indikator:{ind}"),
              get(L, f"anggaran_indikator:{ind}"))
    L = "Tabel 3.2.4"
    for ind in IKU:
        c, p, e = get(L, ind, ukuran="capaian"), get(L, f"penyerapan_indikator:{ind}"), get(L, f"tingkat_efisiensi:{ind}")
        if None not in (c, p, e) and c - p != e:
            out.append(f"- {L} tingkat efisiensi {ind}: tercetak {fmt(e)}, capaian - penyerapan = {fmt(c)} - {fmt(p)} = {fmt(c - p)}")
    for L in [o[2] for o in OFFICIALS]:
        jab = next(o[1] for o in OFFICIALS if o[2] == L)
        for r in rows:
            if r.lokasi == L and r.indikator.startswith("pejabat_capaian:"):
                arg = r.indikator.split(":", 2)[2]
                ratio(f"{L} capaian {arg}", val(r), get(L, f"pejabat_realisasi:{jab}:{arg}"),
                      get(L, f"pejabat_target:{jab}:{arg}"))
        for r in rows:
            if r.lokasi == L and (r.indikator.startswith("penyerapan_pct:") or r.indikator.startswith("pejabat_penyerapan:")):
                arg = r.indikator.split(":", 1)[1]
                if r.indikator.startswith("penyerapan_pct:"):
                    ratio(f"{L} penyerapan {arg}", val(r), get(L, f"realisasi:{arg}"), get(L, f"pagu:{arg}"))
                else:
                    ratio(f"{L} penyerapan {arg}", val(r), get(L, f"pejabat_realisasi_anggaran:{arg}"),
                          get(L, f"pejabat_anggaran:{arg}"))
    for L in sorted({r.lokasi for r in rows}):
        p, r_, pct = get(L, "pagu_anggaran"), get(L, "realisasi_anggaran_rp"), get(L, "realisasi_anggaran_pct")
        if None not in (p, r_, pct):
            ratio(f"{L} persentase realisasi anggaran dari Rp yang tercetak di tempat yang sama", pct, r_, p)
        sisa = get(L, "sisa_anggaran_rp")
        if None not in (p, r_, sisa) and p - r_ != sisa:
            out.append(f"- {L} sisa anggaran: tercetak {fmt(sisa)}, pagu - realisasi = {fmt(p - r_)}")
    counts = {lv: sum(1 for c in ANGGARAN_CODES if level(c) == lv) for lv in ("program", "kegiatan", "sub kegiatan")}
    for ind, lv in (("jumlah_program", "program"), ("jumlah_kegiatan", "kegiatan"), ("jumlah_sub_kegiatan", "sub kegiatan")):
        v = get("Ikhtisar Eksekutif", ind)
        if v is not None and v != counts[lv]:
            out.append(f"- Ikhtisar Eksekutif {ind}: tercetak {fmt(v)}, Tabel 3.2.5 memuat {counts[lv]} {lv}")

    # officials: printed average capaian vs the capaian column; PK target vs capaian-table target
    for anchor, jab, L in OFFICIALS:
        caps = [val(r) for r in rows if r.lokasi == L and r.indikator.startswith("pejabat_capaian:")]
        avg = get(L, f"pejabat_rata_capaian:{jab}")
        if avg is not None and caps:
            ratio(f"{L} rata-rata capaian ({len(caps)} indikator)", avg, sum(caps), Decimal(len(caps)), 1)
        for r in rows:
            if r.lokasi == L and r.indikator.startswith("pejabat_pk_target:"):
                arg = r.indikator.split(":", 2)[2]
                t2 = get(L, f"pejabat_target:{jab}:{arg}")
                if t2 is not None and t2 != val(r):
                    out.append(f"- {L} {arg}: target di PK (A) {r.teks!r}, target di tabel capaian (B) {fmt(t2)}")

    out.append("\n## D. Target yang sama di dokumen berbeda (Renstra, TC-27, PK, Tabel 3.1.2)")
    tc27_of = {"ikm": "tujuan", "nilai_rb": "sasaran_tata_kelola", "sakip": "7.01.01",
               "indikator_program_tercapai_pct": "7.01.01.2.01", "realisasi_anggaran_pct": "7.01.01.2.02",
               "ip_asn": "7.01.01.2.05", "layanan_sesuai_standar_pct": "7.01.02",
               "jumlah_layanan_sesuai_standar": "7.01.02.2.04", "koordinasi_ditindaklanjuti_pct": "7.01.06",
               "jumlah_jenis_fasilitasi": "7.01.06.2.01"}
    for ind, key in tc27_of.items():
        for y in range(2021, 2027):
            rs = get("Tabel 2.1", f"renstra_target:{ind}", y)
            for L in ("Gambar 2.1", "Lampiran 1 TC-27", "Lampiran 1 T-C.27"):
                tc = get(L, f"tc27_target:{key}", y) if y > 2021 else get(L, f"tc27_awal:{key}", y)
                if rs is not None and tc is not None and rs != tc:
                    what = "target" if y > 2021 else "data capaian awal"
                    out.append(f"- {ind} {y}: Tabel 2.1 {fmt(rs)}, {L} {what} ({key}) {fmt(tc)}")
        for y in (2021, 2022):
            t312 = get("Tabel 3.1.2", ind, y, "target") if ind in IKU else get("Tabel 3.1.2", f"target:{ind}", y)
            rs = get("Tabel 2.1", f"renstra_target:{ind}", y)
            if t312 is not None and rs is not None and t312 != rs:
                out.append(f"- {ind} {y}: Tabel 3.1.2 target {fmt(t312)}, Tabel 2.1 {fmt(rs)}")
        rs, pk = get("Tabel 2.1", f"renstra_target:{ind}", 2023), get("Tabel 2.2", f"pk_target:{ind}")
        if rs is not None and pk is not None and rs != pk:
            out.append(f"- {ind} 2023: Tabel 2.1 Renstra {fmt(rs)}, Tabel 2.2 PK {fmt(pk)}")
    usul_of = dict(tc27_of, sakip="sasaran_tata_kelola:sakip", jumlah_inovasi="sasaran_tata_kelola:jumlah_inovasi",
                   realisasi_anggaran_pct="7.01.01:realisasi_anggaran_pct",
                   indikator_program_tercapai_pct="7.01.01:indikator_program_tercapai_pct", nilai_rb=None)
    for ind, key in usul_of.items():
        if key is None:
            continue
        for y in (2024, 2025, 2026):
            t312 = get("Tabel 3.1.2", ind, y, "target") if ind in IKU else get("Tabel 3.1.2", f"target:{ind}", y)
            us = get("Lampiran 1 T-C.27", f"tc27_usulan_target:{key}", y)
            if t312 is not None and us is not None and t312 != us:
                out.append(f"- {ind} {y}: Tabel 3.1.2 target {fmt(t312)}, usulan perubahan T-C.27 ({key}) {fmt(us)}")
    for code in ("7.01.01", "7.01.02", "7.01.06"):
        pkp, pg = get("Tabel 3.2.5", f"pagu:{code}"), get("Lampiran 2 PK Perubahan 2023", f"pk_perubahan_anggaran:{code}")
        if pkp is not None and pg is not None and pkp != pg:
            out.append(f"- anggaran program {code}: PK Perubahan {fmt(pg)}, Tabel 3.2.5 {fmt(pkp)}")
    pk_sum = sum(get("Lampiran 2 PK 2023", f"pk_anggaran:{c}") for c in ("7.01.01", "7.01.02", "7.01.06"))
    out.append(f"- (info) jumlah anggaran PK 2023 murni = {fmt(pk_sum)}; Tabel 3.2.1 Belanja Operasi + Modal = "
               f"{fmt(get('Tabel 3.2.1', 'lra_realisasi:5.1') + get('Tabel 3.2.1', 'lra_realisasi:5.2'))}")

    out.append("\n## C. Angka yang sama tercetak dengan nilai berbeda (id, tahun, ukuran sama)")
    groups = defaultdict(list)
    for r in rows:
        groups[(r.indikator, r.tahun, r.ukuran)].append(r)
    for (ind, tahun, uk), rs in sorted(groups.items()):
        vals = {val(r) for r in rs}
        if len(vals) > 1:
            where = "; ".join(f"{r.teks!r} ({r.lokasi})" for r in rs)
            out.append(f"- {ind} {tahun} {uk}: {where}")
    return "\n".join(out) + "\n"


# ============================================================================ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=Path, help="text of the published LKjIP 2023 (not in the repository)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--trace", type=Path)
    ap.add_argument("--checks", action="store_true")
    ap.add_argument("--legacy", type=Path, default=None,
                    help="a previous published.csv whose rows must all still be present")
    args = ap.parse_args(argv)
    text = args.seed.read_text(encoding="utf-8")
    B = build(text)
    problems = verify(B)
    if args.legacy:
        problems += check_legacy(B, args.legacy)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    args.out.write_text(render(B), encoding="utf-8")
    if args.trace:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(("baris_csv", "baris_teks_benih", "lokasi", "indikator", "tahun", "ukuran", "teks"))
        for n, r in enumerate(B.rows, start=2):
            w.writerow((n, r.line + 1, r.lokasi, r.indikator, r.tahun, r.ukuran, r.teks))
        args.trace.write_text(buf.getvalue(), encoding="utf-8")
    counts = defaultdict(int)
    for r in B.rows:
        counts[r.lokasi] += 1
    print(f"{len(B.rows)} rows -> {args.out}", file=sys.stderr)
    if args.checks:
        print("# Jumlah angka per lokasi\n")
        for lok in sorted(counts, key=lambda k: min(r.line for r in B.rows if r.lokasi == k)):
            print(f"- {lok}: {counts[lok]}")
        print("\n# Angka tercetak yang tidak dicatat\n")
        for s in B.skipped:
            print("-", s)
        print("\n# Temuan\n")
        print(checks(B))
    return 1 if any(not p.startswith("(") for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
