"""Bab I and Bab II text from the contract-v2 data (:mod:`lkjip.document.profil`, ``renstra``, ``pk``).

Every function takes what a report builder returned: the data, or an
:class:`~lkjip.document.sections.Absent`. An absent section prints, in a draft, the one line that
names the file which would fill it (beginning "Catatan untuk analis:"), and nothing in the final
version; it is never filled with invented text. Data strings are escaped for Markdown
(:func:`lkjip.contract.markup.md_text`); the analyst's own text (``narasi.md``) is printed as written.
"""

from __future__ import annotations

from lkjip.contract.fmt import fmt_date_id, fmt_int, fmt_number
from lkjip.contract.markup import md_text
from lkjip.document.narrative.common import _join, analyst_text
from lkjip.document.narrative.disagreements import unit_legal_basis_disagreement
from lkjip.document.sections import is_absent as _is_absent
from lkjip.inputs.narasi import FILE_NAME

#: Border directions in the order the published LKjIP lists them.
ARAH = ("utara", "timur", "selatan", "barat")


def is_absent(value) -> bool:
    return _is_absent(value)


from lkjip.contract.markup import ANALYST_NOTE  # noqa: E402  (re-exported: the narrative's name for it)


def analyst_note(text: str) -> str:
    """A draft's line for the analyst, in italics, beginning with :data:`ANALYST_NOTE`."""
    return f"*{ANALYST_NOTE} {md_text(text)}*"


def absent_line(value, final: bool = False) -> str:
    """The line of an absent section: shown in a draft (naming the file), nothing in the final."""
    if final or not is_absent(value):
        return ""
    return analyst_note(value.catatan)


def _list(items, numbered: bool = False) -> str:
    marks = [f"{i}." if numbered else "-" for i in range(1, len(items) + 1)]
    return "\n".join(f"{m} {md_text(t)}" for m, t in zip(marks, items) if str(t).strip())


def letters(items) -> str:
    """Items marked a., b., c. as the published LKjIP marks them (one paragraph each: Markdown has
    no lettered list)."""
    items = [t for t in items if str(t).strip()]
    return "\n\n".join(f"{chr(97 + i) if i < 26 else '-'}. {md_text(t)}" for i, t in enumerate(items))


# --------------------------------------------------------------------------- Bab I

def struktur_organisasi(rep, org, final: bool = False) -> str:
    """Bab I A: the organisation as a nested list (units under their parent)."""
    if is_absent(org):
        return absent_line(org, final)
    nama = md_text(rep.unit.nama)
    head = f"Struktur organisasi {nama}"
    head += f" berdasarkan {md_text(org.dasar_hukum)}" if org.dasar_hukum else ""
    lines = [head + " terdiri atas:", ""]
    for _, r in org.tabel.iterrows():
        lines.append("    " * int(r["tingkat"]) + f"- {md_text(r['unit_kerja'])}")
    return "\n".join(lines)


def pegawai_tambahan(absents, final: bool = False) -> str:
    """The lines of the staff tables (by golongan, by education) that could not be built."""
    return "\n\n".join(line for line in (absent_line(a, final) for a in absents) if line)


def tugas_pokok_fungsi(rep, tf, final: bool = False) -> str:
    """Bab I D: the unit's tasks and functions as the regulation lists them."""
    if is_absent(tf):
        return absent_line(tf, final)
    nama = md_text(rep.unit.nama)
    text = f"Kedudukan, tugas pokok dan fungsi {nama}"
    text += f" diatur dalam {md_text(tf.dasar_hukum)}" if tf.dasar_hukum else ""
    text += " sebagai berikut."
    parts = [text]
    if tf.tugas:
        parts += ["**1. Tugas Pokok**", f"{nama} mempunyai tugas pokok sebagai berikut:", letters(tf.tugas)]
    if tf.fungsi:
        parts += [f"**{2 if tf.tugas else 1}. Fungsi**", f"Dalam melaksanakan tugas, {nama} mempunyai fungsi:",
                  letters(tf.fungsi)]
    if tf.tugas_fungsi:
        parts += [letters(tf.tugas_fungsi)]
    if not final:  # the same regulation named as a Perda and a Perbup: flagged for the analyst, never chosen

        note = unit_legal_basis_disagreement(rep.unit)
        if note:
            parts.append(analyst_note(note))
    return "\n\n".join(parts)


def wilayah(rep, w, penduduk, final: bool = False) -> str:
    """Bab I D: where the unit lies, its area and borders, and the population sentence."""
    nama = md_text(rep.unit.nama)
    parts = []
    if is_absent(w):
        parts.append(absent_line(w, final))
    else:
        text = f"Wilayah {nama}"
        if w.letak:
            text += f" terletak di {md_text(w.letak)}"
        if w.luas_km2 is not None:
            text += f" dengan luas wilayah {fmt_number(w.luas_km2, 2)} km²"
        parts.append(text + ".")
        if w.batas:
            parts.append("Batas-batas wilayahnya adalah sebagai berikut:\n\n" + "\n".join(
                f"- Sebelah {k.capitalize()}: {md_text(v)}"
                for k, v in sorted(w.batas.items(), key=lambda kv: ARAH.index(kv[0]) if kv[0] in ARAH else 9)))
    if is_absent(penduduk):
        parts.append(absent_line(penduduk, final))
    else:
        d = penduduk.dihitung
        admin = [f"{fmt_int(d[k])} {label}" for k, label in (("dusun", "dusun"), ("rw", "RW"), ("rt", "RT"))
                 if k in d]
        text = (f"Secara administratif {nama} terdiri dari {fmt_int(penduduk.jumlah_desa)} desa"
                + (f", {_join(admin)}" if admin else "")
                + f", dengan jumlah penduduk {fmt_int(d['jumlah'])} jiwa")
        if penduduk.per_tanggal is not None:
            text += f" per {fmt_date_id(penduduk.per_tanggal)}"
        parts.append(text + ", dengan rincian pada tabel berikut.")
    return "\n\n".join(p for p in parts if p)


def penduduk_catatan(penduduk) -> str | None:
    """Under the population table: a printed total that differs from the sum of its rows."""
    if is_absent(penduduk) or not penduduk.selisih or penduduk.tercetak is None:
        return None
    labels = {"laki_laki": "laki-laki", "perempuan": "perempuan", "jumlah": "jumlah penduduk"}
    bits = [f"{labels.get(k, k)} {fmt_int(penduduk.tercetak[k])} (jumlah baris desa {fmt_int(penduduk.dihitung[k])})"
            for k in penduduk.selisih if k in labels]
    return ("Baris jumlah pada data sumber mencetak " + _join(bits) + "; tabel dan teks memakai jumlah "
            "baris desa.") if bits else None


def isu_strategis(rep, isu, part: str, final: bool = False) -> str:
    """Bab I E: the internal (kekuatan, kelemahan) or external (peluang, ancaman) factors."""
    intro = analyst_text(rep, f"isu_strategis.{part}")
    if is_absent(isu):  # the missing file is named once, under the internal factors
        return "\n\n".join(p for p in (intro, absent_line(isu, final) if part == "internal" else "") if p)
    kinds = (("kekuatan", "Unsur Kekuatan (*Strength*)"), ("kelemahan", "Unsur Kelemahan (*Weakness*)")) \
        if part == "internal" else (("peluang", "Unsur Peluang (*Opportunities*)"),
                                    ("ancaman", "Unsur Ancaman (*Threat*)"))
    parts = [intro] if intro else []
    for key, title in kinds:
        items = isu.get(key) or []
        if items:
            parts += [f"*{title}*", _list(items)]
    return "\n\n".join(parts)


def cascading(rep, r, final: bool = False) -> str:
    """Bab I F: the vision and mission the unit supports, its goal and targets (Renstra)."""
    if is_absent(r):
        return absent_line(r, final)
    nama = md_text(rep.unit.nama)
    parts = []
    if r.visi is not None:
        owner = f" ({md_text(r.visi.keterangan)})" if r.visi.keterangan else ""
        parts.append(f"Visi{owner}: **“{md_text(r.visi.uraian)}”**")
    if r.misi:
        parts.append(f"{nama} sebagai perangkat daerah mendukung misi berikut:\n\n" + "\n".join(
            f"- **“{md_text(m.uraian)}”**" + (f" ({md_text(m.keterangan)})" if m.keterangan else "") for m in r.misi))
    if r.tujuan:
        parts.append(f"Tujuan {nama} dalam Renstra {r.periode_mulai}–{r.periode_selesai}:\n\n"
                     + _list([t.uraian for t in r.tujuan]))
    if r.sasaran:
        parts.append("Sasaran untuk mewujudkan tujuan tersebut:\n\n"
                     + _list([s.uraian for s in r.sasaran], numbered=True))
    notes = [] if final else [analyst_note(c) for c in r.catatan]
    return "\n\n".join(parts + notes)


def proses_bisnis(rep, pb, final: bool = False) -> str:
    """Bab I G: the analyst's introduction, or one line when the map is absent."""
    intro = analyst_text(rep, "peta_proses_bisnis")
    if is_absent(pb):
        return "\n\n".join(p for p in (intro, absent_line(pb, final)) if p)
    levels = sorted(set(pb["level"]))
    text = (f"Peta proses bisnis {md_text(rep.unit.nama)} memuat {fmt_int(len(pb))} proses pada level "
            f"{levels[0]} sampai {levels[-1]}, dengan rincian pada tabel berikut.")
    return "\n\n".join(p for p in (intro, text) if p)


# --------------------------------------------------------------------------- Bab II

def renstra_uraian(rep, r, final: bool = False) -> str:
    """Bab II A: goal, targets with their programmes and indicators, and policies of the Renstra."""
    if is_absent(r):
        return absent_line(r, final)
    nama = md_text(rep.unit.nama)
    parts = [f"Rencana Strategis (Renstra) {nama} tahun {r.periode_mulai}–{r.periode_selesai} memuat tujuan, "
             "sasaran, kebijakan, program dan indikator kinerja yang harus dicapai selama periode perencanaan."]
    if r.tujuan:
        parts.append("Rumusan tujuan: " + "; ".join(f"**“{md_text(t.uraian)}”**" for t in r.tujuan) + ".")
    for s in r.sasaran:
        block = [f"**Sasaran {md_text(s.nomor) + ' ' if s.nomor else ''}{md_text(s.uraian)}**"]
        if s.program:
            block.append("Program yang menunjang:\n\n" + _list([p.uraian for p in s.program]))
        if s.indikator:
            block.append("Indikator kinerja utama:\n\n" + _list([i.uraian for i in s.indikator]))
        parts.append("\n\n".join(block))
    if r.kebijakan:
        parts.append(f"Kebijakan {nama} untuk mewujudkan sasaran, tujuan, visi dan misi:\n\n"
                     + _list([k.uraian for k in r.kebijakan], numbered=True))
    if r.strategi:
        parts.append("Strategi:\n\n" + _list([k.uraian for k in r.strategi], numbered=True))
    return "\n\n".join(parts)


def pk_tabel(pk):
    """A PK document's indicators for display: ``No, Sasaran, Indikator Kinerja, Target`` as printed,
    with the printed detail (Rincian) under its indicator and repeated group cells blanked."""
    import pandas as pd

    rows = []
    last_group, last_no = None, None
    for _, r in pk.indikator.iterrows():
        group = (r["Jenis"], r["Sasaran"])
        label = ("Kinerja lainnya: " if str(r["Jenis"]).strip().lower().startswith("kinerja") else "") + r["Sasaran"]
        name = r["Indikator Kinerja"] + (f" ({r['Rincian']})" if r["Rincian"] else "")
        same = group == last_group
        rows.append({"No": "" if same and r["No"] == last_no else r["No"], "Sasaran": "" if same else label,
                     "Indikator Kinerja": name, "Target": r["Target"]})
        last_group, last_no = group, r["No"]
    return pd.DataFrame(rows, columns=["No", "Sasaran", "Indikator Kinerja", "Target"])


def pk_anggaran(pk):
    """A PK document's programme budgets for display, with their total."""
    import pandas as pd

    a = pk.anggaran
    rows = [{"No": i, "Program": r["Program"], "Anggaran (Rp)": r["Anggaran"], "Keterangan": r["Keterangan"]}
            for i, (_, r) in enumerate(a.iterrows(), start=1)]
    rows.append({"No": "", "Program": "Jumlah", "Anggaran (Rp)": float(a["Anggaran"].sum()), "Keterangan": ""})
    return pd.DataFrame(rows, columns=["No", "Program", "Anggaran (Rp)", "Keterangan"])


def perubahan_pk(rep, chg) -> str:
    """Bab II B: what the PK Perubahan changed, computed from the two documents as signed."""
    if chg is None or is_absent(chg):
        return ""
    bits = []
    if chg.dihapus:
        bits.append("indikator " + _join([f"“{md_text(x)}”" for x in chg.dihapus]) + " tidak lagi dimuat")
    if chg.ditambah:
        bits.append("indikator " + _join([f"“{md_text(x)}”" for x in chg.ditambah]) + " ditambahkan")
    if len(chg.target_berubah):
        bits.append("target " + _join([f"{md_text(r['Indikator Kinerja'])} berubah dari {md_text(r['Target PK'])} "
                                       f"menjadi {md_text(r['Target PK Perubahan'])}"
                                       for _, r in chg.target_berubah.iterrows()]))
    if not bits:
        return "Perjanjian Kinerja Perubahan memuat indikator dan target yang sama dengan Perjanjian Kinerja."
    return "Dibandingkan Perjanjian Kinerja, pada Perjanjian Kinerja Perubahan " + "; ".join(bits) + "."


def pk_penandatanganan(sign) -> str:
    """One line on how a PK was signed: place, date and the two parties (office holders)."""
    if is_absent(sign):
        return ""
    first, second = sign.peran("pihak_pertama"), sign.peran("pihak_kedua")
    who = []
    if len(first):
        who.append(f"pihak pertama {md_text(first.iloc[0]['jabatan'])}")
    if len(second):
        who.append(f"pihak kedua {md_text(second.iloc[0]['jabatan'])}")
    where = ", ".join(md_text(x) for x in (sign.tempat, sign.tanggal_teks) if x)
    text = f"Ditandatangani {where}" if where else "Ditandatangani"
    return text + (f" oleh {_join(who)}" if who else "") + "."


def analyst_line(key: str, rep) -> str:
    """A draft's line for a section only the analyst can write (no data computes it)."""
    return analyst_note(f"bagian ini diisi analis: tulis bagian {key} di berkas "
                        f"data/raw/{rep.unit.kode}/{rep.year}/{FILE_NAME}.")


def join_nonempty(*parts: str) -> str:
    """Markdown blocks, the empty ones left out."""
    return "\n\n".join(p for p in parts if p)
