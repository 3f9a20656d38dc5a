"""Re-verify the bundled Gedeg contract-v2 files against the published LKjIP 2023 (maintenance check).

Every value written in the v2 files of ``data/raw/gedeg`` must occur in the
published text, and where it prints a table row, the row as a whole (so a
value cannot sit in the wrong column or row unnoticed). Values that are not
printed but derived are checked against what they derive from: a code against
the same name printed beside it, a number against the printed text it was read
from, an ISO date against the weekday and spelled-out date printed. The files
are also checked against the contract (``lkjip.contract.schema``): header, required
cells, vocabularies, natural keys, and typed cells through the package's own
parsers.

The published text is not in the repository, so its path is an argument::

    .venv/bin/python scripts/check_gedeg_transcription.py --seed /path/to/lkjip_gedeg_2023.txt [--v1 OLD_COPY]

``--v1`` (optional) is a copy of ``data/raw/gedeg`` as contract v1 had it (e.g.
``git worktree add /tmp/v1 353dcb8``): the v1 content of ``unit.yaml``,
``published.csv`` and ``2023/pegawai.csv`` must then be unchanged.
Exit status 0 when every check passes; otherwise every failure is listed.
Transcribed for issue 12 (data/raw/gedeg/README.md, "Contract v2 files").
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.dont_write_bytecode = True

from lkjip.contract.optional_datasets import PEGAWAI_OPTIONAL_COLUMNS  # noqa: E402
from lkjip.inputs.narasi import NARASI_KEYS  # noqa: E402
from lkjip.contract.schema import DATASETS as _ALL  # noqa: E402

#: the contract-v2 datasets (what each file must hold)
DATASETS = {name: d for name, d in _ALL.items() if d.since >= 2}
NEW_COLUMNS = {"pegawai": tuple(c for c in _ALL["pegawai"].columns if c.name in {x[0] for x in PEGAWAI_OPTIONAL_COLUMNS})}
NEW_PUBLISHED_CODES = ("jumlah_penduduk", "jumlah_desa", "jumlah_pegawai", "jumlah_pegawai_asn", "jumlah_pegawai_honorer",
                       "jumlah_kepala_seksi", "jumlah_kepala_sub_bagian", "jumlah_pelaksana_pns")
#: data/raw (the unit folder is DATA / "gedeg"); set by main()
HERE = ROOT / "data" / "raw"

#: the package's own cell parsers by kind, once loaded from --src (None: regex checks only)
PARSERS: dict | None = None


def load_parsers() -> dict:
    """``lkjip``'s parsers for integer/number/date cells."""
    from lkjip.contract.indonum import parse_integer, parse_number
    from lkjip.inputs.ingest import parse_date
    return {"integer": parse_integer, "number": parse_number, "date": parse_date}


BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


# ---------------------------------------------------------------- text helpers
def norm(s: str) -> str:
    """Case-, markup- and whitespace-insensitive form used for substring checks.

    ``*`` (Markdown emphasis in the seed), whitespace runs and a word hyphenated
    over a line break ("Undang-\\n\\nUndang") are neutralised on both sides.
    """
    s = s.replace("*", "")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"(?<=\w)-\s+(?=\w)", "-", s)
    return s.strip().lower()


def strip_end(s: str) -> str:
    return re.sub(r"[\s.;:,]+$", "", s.strip())


def terbilang(n: int) -> str:
    """Indonesian number words (enough for days and years)."""
    satuan = ["", "Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh",
              "Sebelas"]
    if n < 12:
        return satuan[n]
    if n < 20:
        return f"{satuan[n - 10]} Belas"
    if n < 100:
        return f"{satuan[n // 10]} Puluh {terbilang(n % 10)}".strip()
    if n < 200:
        return f"Seratus {terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{satuan[n // 100]} Ratus {terbilang(n % 100)}".strip()
    if n < 2000:
        return f"Seribu {terbilang(n - 1000)}".strip()
    return f"{satuan[n // 1000]} Ribu {terbilang(n % 1000)}".strip()


def id_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def leading_number(text: str) -> str:
    """The number a printed target starts with, as a plain string ('1.100 pelayanan' -> '1100')."""
    m = re.match(r"^(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?", text.strip())
    if not m:
        return ""
    return m.group(1).replace(".", "") + (m.group(2) or "")


def nip_printed(nip: str) -> str:
    d = re.sub(r"\s", "", nip)
    return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}" if len(d) == 18 else nip


class Checker:
    def __init__(self, seed_text: str, main: Path):
        self.raw = seed_text
        self.n = norm(seed_text)
        self.lines = [ln.rstrip() for ln in seed_text.splitlines()]
        self.main = main
        self.failures: list[str] = []
        self.counts: Counter = Counter()

    # -- primitives
    def ok(self, cond: bool, where: str, what: str) -> None:
        self.counts[where.split(":")[0]] += 1
        if not cond:
            self.failures.append(f"{where}: {what}")

    def has(self, text: str, hay: str | None = None) -> bool:
        return norm(text) in (self.n if hay is None else hay)

    def region(self, start: str, end: str | None, after: int = 0) -> tuple[int, int]:
        """Character span of the normalized seed from ``start`` to ``end`` (both normalized)."""
        a = self.n.find(norm(start), after)
        if a < 0:
            raise SystemExit(f"anchor not found in seed: {start!r}")
        b = self.n.find(norm(end), a + 1) if end else len(self.n)
        if b < 0:
            raise SystemExit(f"anchor not found in seed: {end!r}")
        return a, b

    def rtext(self, span: tuple[int, int]) -> str:
        return self.n[span[0]:span[1]]

    def line_index(self, exact: str, after: int = 0) -> int:
        for i in range(after, len(self.lines)):
            if self.lines[i].strip() == exact:
                return i
        raise SystemExit(f"line not found in seed: {exact!r}")

    def line_in(self, pattern: str, lo: int = 0, hi: int | None = None) -> int:
        rx = re.compile(pattern)
        for i in range(lo, len(self.lines) if hi is None else hi):
            if rx.search(self.lines[i]):
                return i
        return -1

    def in_order(self, items: list[str], span: tuple[int, int], where: str) -> None:
        hay, pos = self.rtext(span), 0
        for it in items:
            k = hay.find(norm(it), pos)
            self.ok(k >= 0, where, f"not found (in order) in its seed section: {it!r}")
            if k >= 0:
                pos = k + 1


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    return head, [dict(zip(head, r)) for r in rows[1:]]


# ---------------------------------------------------------------- generic contract checks
def check_contract(c: Checker, name: str, path: Path, rows: list[dict], head: list[str]) -> None:
    d = DATASETS[name]
    where = str(path.relative_to(HERE))
    c.ok(head == [col.name for col in d.columns], where, f"header {head} != spec {[x.name for x in d.columns]}")
    for i, r in enumerate(rows, start=2):
        for col in d.columns:
            v = r.get(col.name, "")
            if col.required:
                c.ok(v.strip() != "", f"{where}:{i}", f"required column '{col.name}' is blank")
            if v and col.name in d.vocab:
                c.ok(v in d.vocab[col.name], f"{where}:{i}", f"'{col.name}'={v!r} not in {d.vocab[col.name]}")
            if v and PARSERS is not None and col.kind != "text":
                try:  # the package's errors are ValueError subclasses with an Indonesian reason
                    PARSERS[col.kind](v)
                    why = ""
                except ValueError as exc:
                    why = str(exc) or "rejected"
                c.ok(why == "", f"{where}:{i}", f"the package parser rejects '{col.name}'={v!r}: {why}")
            if v and col.kind == "integer":
                c.ok(re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", v) is not None, f"{where}:{i}", f"'{col.name}' not an integer: {v!r}")
            if v and col.kind == "number":
                c.ok(re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", v) is not None, f"{where}:{i}",
                     f"'{col.name}' not an unambiguous number: {v!r}")
    keys = Counter(tuple(r.get(k, "") for k in d.key) for r in rows if not
                   (d.label_column and r.get(d.label_column, "").strip().upper() in ("JUMLAH", "TOTAL")))
    for k, n in keys.items():
        c.ok(n == 1, where, f"natural key {d.key}={k} occurs {n} times")


# ---------------------------------------------------------------- per-file checks
def check_renstra(c: Checker, rows):
    w = "gedeg/renstra.csv"
    sas = {r["nomor"] for r in rows if r["jenis"] == "sasaran"}
    for i, r in enumerate(rows, start=2):
        at = f"{w}:{i}"
        c.ok(c.has(r["uraian"]), at, f"uraian not in seed: {r['uraian']!r}")
        if r["keterangan"]:
            c.ok(c.has(r["keterangan"]), at, f"keterangan not in seed: {r['keterangan']!r}")
        c.ok(any(c.has(f"{r['periode_mulai']}{sep}{r['periode_selesai']}") for sep in ("-", " – ", " - ")),
             at, "Renstra period not printed")
        if r["jenis"] in ("sasaran", "kebijakan"):
            c.ok(c.has(f"{r['nomor']}. {r['uraian']}"), at, "numbered item not printed with this number")
        if r["jenis"] == "misi":
            c.ok(c.has(f"yang ke {r['nomor']} (tiga) yaitu : “{r['uraian']}”"), at, "misi number/text not printed together")
        if r["sasaran"]:
            c.ok(r["sasaran"] in sas, at, f"sasaran {r['sasaran']} has no sasaran row")
        if r["kode"]:
            c.ok(re.search(re.escape(r["kode"]) + r"\t" + re.escape(r["uraian"]), c.raw, re.IGNORECASE) is not None,
                 at, f"kode {r['kode']} not printed beside {r['uraian']!r} (TC-27)")
    # programme and IKU rows sit under their sasaran in Bab II A
    a = c.region("a. Sasaran Terwujudnya Tata Kelola Birokrasi", "b. Sasaran Terwujudnya Pelayanan Publik")
    b = c.region("b. Sasaran Terwujudnya Pelayanan Publik", "Tabel 2.1 Matriks")
    for i, r in enumerate(rows, start=2):
        if r["jenis"] in ("program", "indikator"):
            span = a if r["sasaran"] == "1" else b
            c.ok(c.has(r["uraian"], c.rtext(span)), f"{w}:{i}", f"not listed under sasaran {r['sasaran']} in Bab II A")


def check_renstra_target(c: Checker, rows):
    w = "gedeg/renstra_target.csv"
    by: dict[str, list[dict]] = {}
    for r in rows:
        by.setdefault(r["indikator"], []).append(r)
    main_t = {}
    for r in read_csv(HERE / "gedeg" / "targets.csv")[1]:
        main_t[(r["indikator"], r["dokumen"], r["tahun"])] = float(r["target"])
    for label, rs in by.items():
        rs = sorted(rs, key=lambda r: int(r["tahun"]))
        c.ok([r["tahun"] for r in rs] == [str(y) for y in range(2021, 2027)], w, f"{label}: years not 2021..2026")
        line = "\t".join([label] + [r["target"] for r in rs])
        c.ok(line in c.lines, w, f"Tabel 2.1 row not printed as: {line!r}")
    for i, r in enumerate(rows, start=2):
        c.ok(r["target_angka"] == leading_number(r["target"]), f"{w}:{i}", "target_angka does not match target text")
        if r["kode_indikator"]:
            v = main_t.get((r["kode_indikator"], r["dokumen"], r["tahun"]))
            c.ok(v is not None and abs(v - float(r["target_angka"].replace(",", "."))) < 1e-9, f"{w}:{i}",
                 f"target_angka {r['target_angka']} != targets.csv {v}")


def check_organisasi(c: Checker, rows):
    w = "gedeg/organisasi.csv"
    span = c.region("A. Struktur Organisasi", "Gambar 1.1")
    c.in_order([r["unit_kerja"] for r in rows], span, w)
    hay = c.rtext(span)
    for i, r in enumerate(rows, start=2):
        mark = r"[a-b]\)" if r["induk"] else r"[a-g]\."
        c.ok(re.search(r"- " + mark + " " + re.escape(norm(r["unit_kerja"])) + "[;.]", hay) is not None,
             f"{w}:{i}", "not printed at this list level")
        if r["induk"]:
            c.ok(hay.find(norm(r["induk"])) < hay.find(norm(r["unit_kerja"])), f"{w}:{i}", "parent not printed before child")


TF_ANCHORS = {
    ("", "tugas"): ("1. Tugas Pokok", "2. Fungsi"),
    ("", "fungsi"): ("2. Fungsi", "Sebagai bentuk pendukung"),
    ("Sekretaris Kecamatan", "tugas"): ("Sekretaris, mempunyai tugas", "Dalam melaksanakan tugas dimaksud"),
    ("Sekretaris Kecamatan", "fungsi"): ("Dalam melaksanakan tugas dimaksud", "AKUNTABILITAS KINERJA JABATAN"),
    ("Kasubag Penyusunan Program dan Keuangan", "tugas_fungsi"): ("Fungsi Jabatan Kasubag Penyusunan", "AKUNTABILITAS KINERJA"),
    ("Kepala Seksi Pemerintahan", "tugas_fungsi"): ("Fungsi Jabatan Seksi Pemerintahan adalah", "AKUNTABILITAS KINERJA"),
    ("Kepala Seksi Pembangunan", "tugas_fungsi"): ("LAPORAN KINERJA KEPALA SEKSI PEMBANGUNAN", "AKUNTABILITAS KINERJA"),
    ("Kepala Seksi Kemasyarakatan", "tugas_fungsi"): ("Fungsi Jabatan Seksi Kemasyarakatan adalah", "AKUNTABILITAS KINERJA"),
    ("Kepala Seksi Pelayanan", "tugas_fungsi"): ("Fungsi Jabatan Seksi Pelayanan adalah", "AKUNTABILITAS KINERJA"),
    ("Kepala Seksi Ketentraman dan Ketertiban Umum", "tugas_fungsi"):
        ("LAPORAN KINERJA KEPALA SEKSI KETENTRAMAN DAN KETERIBAN UMUM", "AKUNTABILITAS KINERJA"),
}


def check_tugas_fungsi(c: Checker, rows):
    w = "gedeg/tugas_fungsi.csv"
    groups: dict[tuple, list[str]] = {}
    for r in rows:
        groups.setdefault((r["jabatan"], r["jenis"]), []).append(r["uraian"])
    for g, items in groups.items():
        c.ok(g in TF_ANCHORS, w, f"no seed section known for {g}")
        if g in TF_ANCHORS:
            c.in_order(items, c.region(*TF_ANCHORS[g]), f"{w} {g}")


def check_isu(c: Checker, rows):
    w = "gedeg/isu_strategis.csv"
    anchors = {"kekuatan": ("1.1. Unsur Kekuatan", "1.2. Unsur Kelemahan"),
               "kelemahan": ("1.2. Unsur Kelemahan", "2. Faktor Eksternal"),
               "peluang": ("2.1. Unsur Peluang", "2.2. Unsur Ancaman"),
               "ancaman": ("2.2. Unsur Ancaman", "F. Cascading Kinerja")}
    for kat, span in anchors.items():
        items = [r["uraian"] for r in rows if r["kategori"] == kat]
        c.ok(len(items) > 0, w, f"no rows for {kat}")
        c.in_order(items, c.region(*span), f"{w} {kat}")
        hay = c.rtext(c.region(*span))
        c.ok(hay.count("- ") == len(items), w, f"{kat}: seed lists {hay.count('- ')} bullets, file has {len(items)}")


def check_proses_bisnis(c: Checker, rows):
    w = "gedeg/proses_bisnis.csv"
    codes = {r["kode"] for r in rows}
    for i, r in enumerate(rows, start=2):
        c.ok(c.has(f"{r['kode']} {r['uraian']}"), f"{w}:{i}", "code and name not printed together")
        parent = r["kode"].rsplit(".", 1)[0]
        c.ok(r["kode"] == "P.1" or parent in codes, f"{w}:{i}", f"parent {parent} missing")


def check_penduduk(c: Checker, rows):
    w = "gedeg/2023/penduduk.csv"
    desa = [r for r in rows if r["desa"] != "JUMLAH"]
    tot = [r for r in rows if r["desa"] == "JUMLAH"]
    for i, r in enumerate(rows, start=2):
        if r["desa"] == "JUMLAH":
            line = f"JUMLAH\t\t{r['laki_laki']}\t{r['perempuan']}\t{r['jumlah']}"
            c.ok(line in c.lines, f"{w}:{i}", f"JUMLAH row not printed as {line!r}")
        else:
            pat = rf"^\d+\t{re.escape(r['desa'])}\t{re.escape(r['laki_laki'])}\t{re.escape(r['perempuan'])}\t{re.escape(r['jumlah'])}$"
            c.ok(c.line_in(pat) >= 0, f"{w}:{i}", "Tabel 1.1 row not printed like this")
            c.ok(c.has(f"Penduduk Kecamatan Gedeg per {r['per_tanggal']}"), f"{w}:{i}", "per_tanggal not printed")
            c.ok(c.has(f"Sumber : {r['sumber']}"), f"{w}:{i}", "sumber not printed")
    t = tot[0]
    c.ok(c.has(f"{len(desa)} desa dan {t['dusun']} dusun dengan jumlah RW sebanyak {t['rw']} dan RT sejumlah {t['rt']}"),
         w, "desa/dusun/RW/RT sentence not printed with these numbers")
    # Report (not a failure) how the printed totals compare with the rows: NOTES.md lists them.
    n = lambda s: int(s.replace(".", ""))
    info = []
    for r in desa:
        if n(r["laki_laki"]) + n(r["perempuan"]) != n(r["jumlah"]):
            info.append(f"{r['desa']}: {r['laki_laki']}+{r['perempuan']} != {r['jumlah']}")
    for col in ("laki_laki", "perempuan", "jumlah"):
        s = sum(n(r[col]) for r in desa)
        if s != n(t[col]):
            info.append(f"JUMLAH {col}: rows sum to {id_int(s)}, printed {t[col]}")
    return info


def check_sarana(c: Checker, rows):
    w = "gedeg/2023/sarana.csv"
    printed = {"Sofa Tanpa sandaran": "Sofa Tanpa sandarac"}  # the scan's misreading (README: free text)
    for i, r in enumerate(rows, start=2):
        pat = rf"^{i - 1}\t{re.escape(printed.get(r['uraian'], r['uraian']))}\t{re.escape(r['jumlah'])} {re.escape(r['satuan'])}\t?{re.escape(r['keterangan'])}$"
        c.ok(c.line_in(pat) >= 0, f"{w}:{i}", "sarana row not printed like this (with this number)")


def pk_spans(c: Checker):
    l2 = c.line_index("Lampiran 2 :")
    l3 = c.line_index("Lampiran 3 :")
    pkp = c.line_index("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023", l2)
    return {"pk": (l2, pkp), "pk_perubahan": (pkp, l3)}


def check_pk(c: Checker, rows):
    w = "gedeg/2023/perjanjian_kinerja.csv"
    spans = pk_spans(c)
    main_t = {(r["indikator"], r["dokumen"], r["tahun"]): float(r["target"])
              for r in read_csv(HERE / "gedeg" / "targets.csv")[1]}
    for i, r in enumerate(rows, start=2):
        lo, hi = spans[r["dokumen"]]
        at = f"{w}:{i}"
        cell = (f"{r['nomor']} " if "." in r["nomor"] else "") + r["indikator"]
        if r["rincian"]:
            cell += f" : {r['rincian']}"
        pat = r"\t" + re.escape(cell) + r"\t" + re.escape(r["target"]) + "$"
        k = c.line_in(pat, lo, hi)
        c.ok(k >= 0, at, f"indicator/target not printed together in the signed {r['dokumen']}: {cell!r} {r['target']!r}")
        snum = r["nomor"].split(".")[0]
        c.ok(c.line_in(rf"^{re.escape(snum)}\t{re.escape(r['sasaran'])}\t", lo, hi) >= 0, at,
             "sasaran not printed with its number in the signed document")
        hdr = c.line_in(r"^No\tKINERJA LAINNYA", lo, hi)
        if k >= 0:
            c.ok((r["jenis"] == "kinerja_lainnya") == (hdr >= 0 and k > hdr), at, "jenis does not match the table it is printed in")
        c.ok(r["target_angka"] == leading_number(r["target"]), at, "target_angka does not match target text")
        if r["kode_indikator"]:
            v = main_t.get((r["kode_indikator"], r["dokumen"], "2023"))
            c.ok(v is not None and abs(v - float(r["target_angka"].replace(",", "."))) < 1e-9, at,
                 f"target_angka {r['target_angka']} != targets.csv {v}")


def check_pk_anggaran(c: Checker, rows):
    w = "gedeg/2023/perjanjian_kinerja_anggaran.csv"
    spans = pk_spans(c)
    pagu = {r["kode"]: r["pagu"] for r in read_csv(HERE / "gedeg" / "2023/anggaran.csv")[1]}
    for i, r in enumerate(rows, start=2):
        lo, hi = spans[r["dokumen"]]
        pat = rf"^\d\.?\t{re.escape(r['program'])}\t{re.escape(r['anggaran'])}\t{re.escape(r['keterangan'])}$"
        c.ok(c.line_in(pat, lo, hi) >= 0, f"{w}:{i}", "programme row not printed like this in the signed document")
        c.ok(re.search(re.escape(r["kode_program"]) + r"\t" + re.escape(r["program"]), c.raw, re.IGNORECASE) is not None,
             f"{w}:{i}", f"kode_program {r['kode_program']} not printed beside the programme (TC-27)")
        if r["dokumen"] == "pk_perubahan":
            c.ok(pagu.get(r["kode_program"]) == r["anggaran"], f"{w}:{i}",
                 f"PK Perubahan budget {r['anggaran']} != anggaran.csv pagu {pagu.get(r['kode_program'])}")


DOC_SPANS = {  # (start anchor, end anchor) in the normalized seed
    "pk": ("Lampiran 2 :", "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023 KECAMATAN GEDEG KABUPATEN MOJOKERTO Dalam"),
    "pk_perubahan": ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023 KECAMATAN GEDEG KABUPATEN MOJOKERTO Dalam", "Lampiran 3 :"),
    "berita_acara": ("Lampiran 3 :", "Lampiran 4 :"),
    "lkjip": ("BAB IV PENUTUP", "LAMPIRAN- LAMPIRAN"),
    "rekap_koordinasi": ("Gambar 3.4. Rekapitulasi", "Sumber : Laporan Kecamatan Gedeg"),
}


def check_dokumen(c: Checker, rows):
    w = "gedeg/2023/dokumen.csv"
    for i, r in enumerate(rows, start=2):
        at = f"{w}:{i}"
        span = c.rtext(c.region(*DOC_SPANS[r["dokumen"]]))
        if r["judul"]:
            c.ok(c.has(r["judul"], span), at, "judul not printed in this document")
        if r["nomor"]:
            c.ok(c.has(f"Nomor : {r['nomor']}", span), at, "nomor not printed")
        if r["tempat"] and r["tanggal_tercetak"]:
            c.ok(c.has(f"{r['tempat']}, {r['tanggal_tercetak']}", span), at, "tempat, tanggal not printed")
        if r["tanggal"] and not r["tanggal_tercetak"]:
            c.ok(c.has(f"{r['tempat']}, {r['tanggal']}", span), at, "tempat, tanggal not printed")
        if r["tanggal"] and r["tanggal_tercetak"]:
            d = dt.date.fromisoformat(r["tanggal"])
            words = f"{HARI[d.weekday()]} tanggal {terbilang(d.day)} bulan {BULAN[d.month]} tahun {terbilang(d.year)}"
            c.ok(norm(words) == norm(r["tanggal_tercetak"]), at, f"ISO date {d} does not spell {r['tanggal_tercetak']!r} ({words!r})")
            c.ok(c.has(r["tanggal_tercetak"], span), at, "tanggal_tercetak not printed")
        if r["dasar_nomor"]:
            c.ok(c.has(f"Nomor : {r['dasar_nomor']} Tanggal {r['dasar_tanggal']}, tentang {r['dasar_uraian']}", span),
                 at, "dasar (SK) number/date/subject not printed together")


def signature_ok(c: Checker, hay_raw: str, r: dict) -> bool:
    for m in re.finditer(re.escape(r["nama"]), hay_raw):
        before, after = hay_raw[max(0, m.start() - 400):m.start()], hay_raw[m.end():m.end() + 150]
        if r.get("pangkat") and not re.match(r"\s*" + re.escape(r["pangkat"]) + r"\s*\n", after):
            continue
        if r.get("nip") and nip_printed(r["nip"]) not in after:
            continue
        if r.get("jabatan") and r["jabatan"].lower() not in (before + r["nama"] + after).lower():
            continue
        return True
    return False


def raw_span(c: Checker, start: str, end: str) -> str:
    """Raw seed text between two raw anchors (first occurrence)."""
    a = c.raw.find(start)
    b = c.raw.find(end, a + 1)
    assert a >= 0 and b > a, (start, end)
    return c.raw[a:b]


RAW_DOC = {
    "pk": ("Lampiran 2 :", "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023\nKECAMATAN GEDEG\nKABUPATEN MOJOKERTO\n\nDalam"),
    "pk_perubahan": ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2023\nKECAMATAN GEDEG\nKABUPATEN MOJOKERTO\n\nDalam", "Lampiran 3 :"),
    "berita_acara": ("Lampiran 3 :", "Lampiran 4 :"),
    "lkjip": ("BAB IV PENUTUP", "LAMPIRAN- LAMPIRAN"),
    "rekap_koordinasi": ("Gambar 3.4. Rekapitulasi", "Sumber : Laporan Kecamatan Gedeg"),
}


def check_penandatangan(c: Checker, rows):
    w = "gedeg/2023/penandatangan.csv"
    tim = [r["nama"] for r in rows if r["peran"] == "anggota_tim"]
    for i, r in enumerate(rows, start=2):
        hay = raw_span(c, *RAW_DOC[r["dokumen"]])
        if r["peran"] == "anggota_tim":
            k = tim.index(r["nama"]) + 1
            c.ok(f"\n{k}. {r['nama']}\n" in hay, f"{w}:{i}", "team member not printed with this number")
        else:
            if r["peran"].startswith("pihak_"):
                rx = re.compile(r"Nama : " + re.escape(r["nama"]) + r"\s*\n\s*Jabatan : " + re.escape(r["jabatan"]), re.IGNORECASE)
                c.ok(rx.search(hay) is not None, f"{w}:{i}", "'Nama : ... Jabatan : ...' block not printed in this document")
            c.ok(signature_ok(c, hay, r), f"{w}:{i}", "signature block (nama/pangkat/NIP/jabatan) not printed like this")


LP_ANCHORS = {
    "Sekretaris Kecamatan": "LAPORAN KINERJA SEKRETARIS KECAMATAN",
    "Kasubag Penyusunan Program dan Keuangan": "LAPORAN KINERJA KASUBAG PENYUSUNAN PROGRAM DAN KEUANGAN",
    "Kepala Seksi Pemerintahan": "LAPORAN KINERJA KEPALA SEKSI PEMERINTAHAN",
    "Kepala Seksi Pembangunan": "LAPORAN KINERJA KEPALA SEKSI PEMBANGUNAN",
    "Kepala Seksi Kemasyarakatan": "LAPORAN KINERJA KEPALA SEKSI KEMASYARAKATAN",
    "Kepala Seksi Pelayanan": "LAPORAN KINERJA KASI PELAYANAN",
    "Kepala Seksi Ketentraman dan Ketertiban Umum": "LAPORAN KINERJA KEPALA SEKSI KETENTRAMAN DAN KETERIBAN UMUM",
}


def lp_span(c: Checker, jabatan: str) -> tuple[int, int]:
    starts = sorted(c.n.find(norm(a)) for a in LP_ANCHORS.values())
    a = c.n.find(norm(LP_ANCHORS[jabatan]))
    later = [s for s in starts if s > a]
    return a, (later[0] if later else c.n.find(norm("Lampiran 5 :")))


#: raw-text anchors of each official's report (the titles are split over lines in the seed)
LP_RAW = {
    "Sekretaris Kecamatan": "LAPORAN KINERJA SEKRETARIS KECAMATAN",
    "Kasubag Penyusunan Program dan Keuangan": "KASUBAG PENYUSUNAN PROGRAM",
    "Kepala Seksi Pemerintahan": "KEPALA SEKSI PEMERINTAHAN**",
    "Kepala Seksi Pembangunan": "LAPORAN KINERJA KEPALA SEKSI PEMBANGUNAN",
    "Kepala Seksi Kemasyarakatan": "KEPALA SEKSI KEMASYARAKATAN**",
    "Kepala Seksi Pelayanan": "LAPORAN KINERJA KASI PELAYANAN",
    "Kepala Seksi Ketentraman dan Ketertiban Umum": "DAN KETERIBAN UMUM**",
}


def lp_raw(c: Checker, jabatan: str) -> str:
    starts = sorted(c.raw.find(a) for a in LP_RAW.values())
    assert min(starts) >= 0
    a = c.raw.find(LP_RAW[jabatan])
    later = [x for x in starts if x > a]
    return c.raw[a:(later[0] if later else c.raw.find("Lampiran 5 :"))]


#: B-table cells the seed splits over a page break (printed text, in normalized order).
KP_SPLIT = {
    ("Sekretaris Kecamatan", "Persentase Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah sesuai Kebutuhan"):
        "Persentase Penyediaan Jasa Penunjang Urusan Pemerintahan 100% 100% 100 Daerah sesuai Kebutuhan",
}


def check_kinerja_pejabat(c: Checker, rows):
    w = "gedeg/2023/kinerja_pejabat.csv"
    for i, r in enumerate(rows, start=2):
        at = f"{w}:{i}"
        span = lp_span(c, r["jabatan"])
        reg = c.rtext(span)
        a_part = reg[reg.find("a. perjanjian kinerja"):reg.find("b. capaian kinerja")]
        b_part = reg[reg.find("b. capaian kinerja"):reg.find("c. evaluasi dan analisis kinerja")]
        c.ok(c.has(r["sasaran"], reg), at, "sasaran not printed in this official's report")
        ka = a_part.find(norm(f"{r['indikator']} {r['target_pk']}"))
        c.ok(ka >= 0, at, "indikator + target not printed in table A (Perjanjian Kinerja)")
        if ka >= 0:
            hdr = a_part.find("no kinerja lainnya")
            c.ok((r["jenis"] == "kinerja_lainnya") == (0 <= hdr < ka), at, "jenis does not match table A section")
        want = KP_SPLIT.get((r["jabatan"], r["indikator"]),
                            f"{r['indikator']} {r['target']} {r['realisasi']} {r['capaian']}")
        c.ok(norm(want) in b_part, at, f"row not printed in table B (Capaian Kinerja) as: {want!r}")


def check_laporan_pejabat(c: Checker, rows):
    w = "gedeg/2023/laporan_pejabat.csv"
    for i, r in enumerate(rows, start=2):
        at = f"{w}:{i}"
        reg = c.rtext(lp_span(c, r["jabatan"]))
        sec_c = reg[reg.find("c. evaluasi dan analisis kinerja"):reg.find("d. rencana tindak lanjut")]
        for col in ("anggaran", "realisasi_anggaran"):
            c.ok(norm(r[col]) in sec_c, at, f"{col} {r[col]} not printed in section C")
        c.ok(norm(r["serapan_pct"] + "%") in sec_c, at, "serapan_pct not printed in section C")
        c.ok(norm(r["kategori"]) in sec_c, at, "kategori not printed in section C")
        if r["rata_rata_capaian"]:
            c.ok(norm(r["rata_rata_capaian"] + "%") in sec_c, at, "rata_rata_capaian not printed in section C")
        c.ok(norm(r["rencana_tindak_lanjut"]) in reg, at, "rencana_tindak_lanjut not printed")
        for ln in r["tanggapan_atasan"].split("\n"):
            c.ok(norm(ln) in reg, at, f"tanggapan line not printed: {ln!r}")
        c.ok(norm(f"Mengetahui {r['jabatan_atasan']}") in reg, at, "jabatan_atasan not printed after 'Mengetahui'")
        raw_reg = lp_raw(c, r["jabatan"])
        sig = {"nama": r["nama"], "pangkat": r["pangkat"], "nip": r["nip"]}
        c.ok(signature_ok(c, raw_reg, sig), at, "signature block not printed like this in this report")
        rx = re.compile(r'checked="" type="checkbox"/>\s*\|?\s*(.+?)\s*\|?\s*$', re.MULTILINE)
        ticked = [m.group(1).strip() for m in rx.finditer(raw_reg)]
        c.ok(ticked == ([r["disposisi"]] if r["disposisi"] else []), at,
             f"disposisi {r['disposisi']!r} but the report ticks {ticked}")


def check_tindak_lanjut(c: Checker, rows):
    w = "gedeg/2023/tindak_lanjut_evaluasi.csv"
    span = c.region("Langkah–Langkah yang perlu dilaksanakan", "BAB IV PENUTUP A. Kesimpulan")
    c.in_order([f"- {r['tindak_lanjut']}" for r in rows], span, w)
    c.ok(c.rtext(span).count("- ") == len(rows), w, "seed lists a different number of steps")
    for i, r in enumerate(rows, start=2):
        c.ok(not r["rekomendasi"] and not r["status"], f"{w}:{i}", "seed prints no recommendation/status: must stay blank")


def check_prestasi(c: Checker, rows, year: int):
    w = f"gedeg/{year}/prestasi.csv"
    span = (c.region("PRESTASI TAHUN 2023", "PRESTASI TAHUN 2022") if year == 2023
            else c.region("PRESTASI TAHUN 2022", "Lampiran 1 :"))
    c.in_order([f"{i}. {r['uraian']}" for i, r in enumerate(rows, start=1)], span, w)
    for i, r in enumerate(rows, start=2):
        if r["peringkat"]:
            c.ok(r["peringkat"] in r["uraian"], f"{w}:{i}", "peringkat is not a part of uraian")
        if r["nilai"]:
            c.ok(r["nilai"] in r["uraian"], f"{w}:{i}", "nilai is not printed in uraian")


def check_angka_resmi(c: Checker, rows, year: int):
    """The official IKM of each year, printed in the seed with its source (never the recomputed figure)."""
    w = f"gedeg/{year}/angka_resmi.csv"
    c.ok([r["indikator"] for r in rows] == ["ikm"], w, "only the IKM has an official figure in the seed")
    value = rows[0]["realisasi_resmi"] if rows else ""
    if year == 2023:
        c.ok(c.has(f"Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan Gedeg Tahun 2023 adalah sebesar {value}"),
             w, "Berita Acara figure not printed")
        c.ok(c.has("Nomor : 069/ 44 /416-314/2024"), w, "Berita Acara number not printed")
        c.ok(c.has("E-Sukma"), w, "E-Sukma not named in the seed")
    else:
        c.ok(c.has("Nilai IKM\t82\t84\t94,5\t97,5\t97,5\t97,5\t91,07\t94,21") and value == {2021: "91,07",
             2022: "94,21"}[year], w, "Tabel 3.1.2 realisasi not printed")
        c.ok(c.has("Sumber Data BA hasil pengukuran kinerja tim SAKIP Kec Gedeg"), w, "Tabel 3.1.2 source not printed")


#: signature surname -> the name as printed above the pangkat in a signature block
def check_pegawai(c: Checker, head, rows):
    w = "gedeg/2023/pegawai.csv"
    new = [col.name for col in NEW_COLUMNS["pegawai"]]
    c.ok(head == [col.name for col in _ALL["pegawai"].columns], w, "header must be the v1 header plus the new columns")
    if c.main is not None:
        mhead, mrows = read_csv(c.main / "2023/pegawai.csv")
        c.ok(head == mhead + new, w, "header must be the v1 header plus the new columns")
        c.ok(len(rows) == len(mrows), w, "row count differs from v1 file")
        for i, (r, m) in enumerate(zip(rows, mrows), start=2):
            c.ok(all(r[k] == m[k] for k in mhead), f"{w}:{i}", "v1 columns changed")
    for i, r in enumerate(rows, start=2):
        if r["pangkat"]:
            surname = r["nama"].split(",")[0].split()[-1]
            rx = re.compile(re.escape(surname) + r"[^\n]*\n\s*\n?\s*" + re.escape(r["pangkat"]) + r"\s*\n")
            c.ok(rx.search(c.raw) is not None, f"{w}:{i}", f"{surname}: pangkat {r['pangkat']!r} not printed under the name")
        scored = r["kualifikasi"] != ""
        c.ok((r["tahun_penilaian_ip_asn"] == "2022") == scored, f"{w}:{i}", "assessment year must be 2022 exactly for scored rows")
        c.ok(r["golongan"] == "" and r["pendidikan"] == "", f"{w}:{i}", "golongan/pendidikan are not printed: must stay blank")
    c.ok(c.has("IP ASN TAHUN 2022 : 89,50"), w, "Gambar 3.7 heading 'IP ASN TAHUN 2022' not in seed")
    c.ok(c.has("Indeks profesionalisme ASN tahun 2023 masih belum keluar nilainya sehingga dipakai IP ASN tahun 2022 yaitu 89,5"),
         w, "Berita Acara sentence on the 2022 assessment not in seed")


PUBLISHED_CONTEXT = {
    ("jumlah_penduduk", "58314"): "jumlah penduduk sebanyak 58.314 jiwa",
    ("jumlah_penduduk", "60073"): "JUMLAH 30.091 29.982 60.073",
    ("jumlah_desa", "14"): "Terdiri dari 14 desa",
    ("jumlah_pegawai", "21"): "berjumlah 21 orang",
    ("jumlah_pegawai_asn", "18"): "18 orang ASN",
    ("jumlah_pegawai_honorer", "3"): "3 orang tenaga honorer",
    ("jumlah_kepala_seksi", "5"): "Kepala Seksi : 5 orang",
    ("jumlah_kepala_sub_bagian", "1"): "Kepala Sub bagian : 1 orang",
    ("jumlah_pelaksana_pns", "10"): "Pelaksana (PNS) : 10 orang",
}


def check_published(c: Checker):
    w = "gedeg/published.csv"
    _head, rows = read_csv(HERE / "gedeg/published.csv")
    if c.main is not None:
        mine = (HERE / "gedeg/published.csv").read_text(encoding="utf-8")
        v1 = (c.main / "published.csv").read_text(encoding="utf-8")
        c.ok(mine.startswith(v1), w, "v1 rows changed")
        start = len(read_csv(c.main / "published.csv")[1])
        new = list(enumerate(rows[start:], start=2 + start))
    else:
        # later contract versions added rows of their own among and after these: take the v2 codes' rows
        new = [(i, r) for i, r in enumerate(rows, start=2) if r["indikator"] in NEW_PUBLISHED_CODES]
    c.ok(len(new) == len(PUBLISHED_CONTEXT), w, f"{len(new)} new rows, expected {len(PUBLISHED_CONTEXT)}")
    for i, r in new:
        c.ok(r["indikator"] in NEW_PUBLISHED_CODES, f"{w}:{i}", "code not among the new published codes")
        ctx = PUBLISHED_CONTEXT.get((r["indikator"], r["nilai"]))
        c.ok(ctx is not None and c.has(ctx), f"{w}:{i}", f"value {r['nilai']} not printed in its context")
        c.ok(id_int(int(r["nilai"])) in (ctx or ""), f"{w}:{i}", "value/context mismatch")


def check_unit_yaml(c: Checker):
    w = "gedeg/unit.yaml"
    mine = (HERE / "gedeg/unit.yaml").read_text(encoding="utf-8")
    d = yaml.safe_load(mine)
    if c.main is not None:
        v1 = yaml.safe_load((c.main / "unit.yaml").read_text(encoding="utf-8"))
        c.ok({k: d.get(k) for k in v1} == v1, w, "v1 content changed")
    p, wil = d["profil"], d["wilayah"]
    c.ok(c.has(f"Telepon {p['telepon']} Email : {p['email']}") or c.has(f"Telepon : {p['telepon']} Email : {p['email']}"),
         w, "telepon/email not printed")
    c.ok(c.has(f"Website : {p['website']}"), w, "website not printed")
    c.ok(c.has(f"berdasarkan {p['dasar_hukum_organisasi']} adalah terdiri atas"), w, "dasar_hukum_organisasi not printed")
    c.ok(c.has(f"diatur dalam {p['dasar_hukum_tugas_fungsi']} sebagai berikut"), w, "dasar_hukum_tugas_fungsi not printed")
    c.ok(c.has(f"menaungi wilayah pada {wil['letak']} dengan luas wilayah "
               f"{str(wil['luas_km2']).replace('.', ',')} km²"), w, "letak/luas not printed")
    for arah, v in wil["batas"].items():
        c.ok(c.has(f"Sebelah {arah.capitalize()} : {v}"), w, f"batas {arah} not printed")


def check_narasi(c: Checker):
    w = "gedeg/2023/narasi.md"
    text = (HERE / "gedeg/2023/narasi.md").read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    sections = re.split(r"^## +(\S+)\s*$", text, flags=re.MULTILINE)
    c.ok(sections[0].strip() == "", w, "text before the first section")
    keys = sections[1::2]
    c.ok(len(keys) == len(set(keys)), w, "a section key appears twice")
    for key, body in zip(sections[1::2], sections[2::2]):
        c.ok(key in NARASI_KEYS, w, f"unknown section key {key!r}")
        blocks = [b for b in re.split(r"\n\s*\n|\n(?=- |\d+\. )", body) if b.strip()]
        c.ok(bool(blocks), w, f"section {key} is empty")
        for b in blocks:
            t = strip_end(re.sub(r"^(- |\d+\. )", "", b.strip()))
            c.ok(c.has(t), f"{w} [{key}]", f"paragraph not in seed: {t[:80]!r}...")
            c.ok(not re.search(r"\d+,\d{2}\b|\d{1,3}\.\d{3}\.\d{3}", t), f"{w} [{key}]",
                 f"computed figure in narrative text: {t[:60]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", required=True, type=Path, help="text of the published LKjIP Kecamatan Gedeg 2023")
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "raw", help="data folder holding gedeg/")
    ap.add_argument("--v1", type=Path, default=None, help="a contract-v1 copy of data/raw/gedeg (optional)")
    a = ap.parse_args()
    global PARSERS, HERE
    HERE = a.data.resolve()
    PARSERS = load_parsers()
    c = Checker(a.seed.read_text(encoding="utf-8"), a.v1)
    g = HERE / "gedeg"
    files = {
        "renstra": (g / "renstra.csv", check_renstra), "renstra_target": (g / "renstra_target.csv", check_renstra_target),
        "organisasi": (g / "organisasi.csv", check_organisasi), "tugas_fungsi": (g / "tugas_fungsi.csv", check_tugas_fungsi),
        "isu_strategis": (g / "isu_strategis.csv", check_isu), "proses_bisnis": (g / "proses_bisnis.csv", check_proses_bisnis),
        "penduduk": (g / "2023/penduduk.csv", check_penduduk), "sarana": (g / "2023/sarana.csv", check_sarana),
        "perjanjian_kinerja": (g / "2023/perjanjian_kinerja.csv", check_pk),
        "perjanjian_kinerja_anggaran": (g / "2023/perjanjian_kinerja_anggaran.csv", check_pk_anggaran),
        "dokumen": (g / "2023/dokumen.csv", check_dokumen), "penandatangan": (g / "2023/penandatangan.csv", check_penandatangan),
        "kinerja_pejabat": (g / "2023/kinerja_pejabat.csv", check_kinerja_pejabat),
        "laporan_pejabat": (g / "2023/laporan_pejabat.csv", check_laporan_pejabat),
        "tindak_lanjut_evaluasi": (g / "2023/tindak_lanjut_evaluasi.csv", check_tindak_lanjut),
    }
    info = {}
    for name, (path, fn) in files.items():
        head, rows = read_csv(path)
        check_contract(c, name, path, rows, head)
        out = fn(c, rows)
        if out:
            info[name] = out
    for year in (2023, 2022):
        path = g / f"{year}/prestasi.csv"
        head, rows = read_csv(path)
        check_contract(c, "prestasi", path, rows, head)
        check_prestasi(c, rows, year)
    for year in (2023, 2022, 2021):
        path = g / f"{year}/angka_resmi.csv"
        head, rows = read_csv(path)
        check_contract(c, "angka_resmi", path, rows, head)
        check_angka_resmi(c, rows, year)
    head, rows = read_csv(g / "2023/pegawai.csv")
    check_pegawai(c, head, rows)
    check_published(c)
    check_unit_yaml(c)
    check_narasi(c)
    # Only files this script knows may sit in gedeg/ (a stray file would go unchecked).
    known = ({p for p, _ in files.values()} | {g / "2023/prestasi.csv", g / "2022/prestasi.csv"}
             | {g / f"{y}/angka_resmi.csv" for y in (2021, 2022, 2023)})
    for name in DATASETS:  # every v2 file of the unit must be checked here
        for p in g.rglob(f"{name}.*"):
            c.ok(p in known, "gedeg", f"unchecked file {p.relative_to(HERE)}")

    total = sum(c.counts.values())
    print(f"checks run: {total} ({len(c.counts)} groups)")
    for name, lines in info.items():
        print(f"note [{name}] printed totals that disagree with their rows (kept as printed):")
        for ln in lines:
            print(f"  - {ln}")
    if c.failures:
        print(f"FAILED: {len(c.failures)}")
        for f in c.failures:
            print("  " + f)
        return 1
    print("OK: every value of the v2 files in gedeg/ is found in the published LKjIP as described")
    return 0


if __name__ == "__main__":
    sys.exit(main())
