"""The unit's own explanation of the SAKIP change, cause by cause, each with a verdict.

The causes come from the unit's LKjIP narrative (``narasi.md``, section ``hambatan.sakip``): a list
gives one cause per item; a paragraph is split where a new clause starts (", dan " or "; " followed
by a capital letter), after a leading "Hal ini karena". Each cause is quoted as written and is
classified by its words (:data:`~lkjip.contract.rules.sakip_context.STATED_CAUSE_KINDS`):

- **penilaian** (the evaluation judged differently; documents prepared for completeness, not
  quality): with the evaluator's worksheets of both years (``sakip_lke.csv``,
  :mod:`~lkjip.sakip_change.lke`), tested on them alone (method part below 0: supported; only the
  same criteria scored lower: contradicted; keberadaan held while kualitas fell: supported); else tested with the kabupaten's figures (:mod:`~lkjip.sakip_change.peer`: did most OPD fall
  on the same component?) and the sub-components (did kualitas fall more than keberadaan?);
- **kepegawaian** (a post left empty, an officer moved): tested with the months the post named in
  the cause had no definitive holder: from the unit's post history when it has one
  (``riwayat_jabatan.csv``, :mod:`~lkjip.sakip_change.timeline`), else from ``pegawai``
  (:mod:`~lkjip.sakip_change.vacancy`); a successor's unknown start date leaves it untested, never
  "since January";
- anything else: not testable with the data at hand.

Verdicts: :data:`DIDUKUNG`, :data:`BERTENTANGAN`, :data:`SEBAGIAN`, :data:`BELUM_DAPAT_DIUJI`; each
with the evidence that gave it, or the evidence that would decide it.

>>> split_causes("Hal ini karena dokumen hanya lengkap, dan Pindahnya Kasubag ke kecamatan lain.")
['dokumen hanya lengkap', 'Pindahnya Kasubag ke kecamatan lain']
>>> cause_kind("Pindahnya Kasubag ke kecamatan lain"), cause_kind("perbedaan penilaian dari 2022")
('kepegawaian', 'penilaian')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from lkjip.contract.fmt import fmt_number, fmt_signed
from lkjip.contract.markup import md_text
from lkjip.contract.rules import SAKIP_COMPONENT_NAMES, SAKIP_SUBCOMPONENT_NAMES, tolerance
from lkjip.contract.rules.sakip_context import STATED_CAUSE_KINDS
from lkjip.sakip_change.lke import LkeChange, lke_sentences
from lkjip.sakip_change.peer import KABUPATEN, LOKAL, PeerContext
from lkjip.sakip_change.score_change import Decomposition, subcomponent_totals
from lkjip.sakip_change.timeline import post_timeline
from lkjip.sakip_change.vacancy import TIDAK_DIKETAHUI, Vacancy

#: The narasi.md section holding the unit's explanation of the SAKIP score.
NARASI_SECTION = "hambatan.sakip"

DIDUKUNG = "didukung data"
BERTENTANGAN = "bertentangan dengan data"
SEBAGIAN = "sebagian didukung"
BELUM_DAPAT_DIUJI = "belum dapat diuji dengan data yang ada"

_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+")
_LEAD = re.compile(r"^\s*(?:hal\s+ini\s+(?:di\s*sebabkan|disebabkan|karena)(?:\s+oleh)?|karena|penyebabnya)\s*[:,]?\s*",
                   re.IGNORECASE)
_SPLIT = re.compile(r"(?:,\s*dan\s+|;\s*(?:dan\s+)?)(?=[A-Z])")


@dataclass(frozen=True)
class StatedCause:
    """One cause the unit gave: its words, kind, verdict and evidence (plain text)."""

    kutipan: str
    jenis: str
    putusan: str
    bukti: list[str] = field(default_factory=list)
    bukti_penentu: str = ""


@dataclass(frozen=True)
class Explanation:
    """The unit's explanation: ``ada`` False when the narrative gives none."""

    ada: bool
    teks: str = ""
    sebab: list[StatedCause] = field(default_factory=list)


def split_causes(text: str) -> list[str]:
    """The causes in a text: list items, else clauses (see the module docstring)."""
    lines = [ln for ln in str(text or "").splitlines() if ln.strip()]
    items = [_LIST_ITEM.sub("", ln).strip() for ln in lines if _LIST_ITEM.match(ln)]
    if len(items) >= 2:
        return [i.rstrip(" .;") for i in items]
    body = " ".join(" ".join(lines).split())
    body = _LEAD.sub("", body)
    return [p.strip().rstrip(" .;,") for p in _SPLIT.split(body) if p.strip(" .;,")]


def cause_kind(text: str) -> str:
    """``kepegawaian``, ``penilaian``, ``anggaran`` or ``lainnya`` by the cause's words."""
    low = text.casefold()
    for kind, words in STATED_CAUSE_KINDS:
        if any(w in low for w in words):
            return kind
    return "lainnya"


def _verdict(support: int, contradict: int) -> str:
    if support and contradict:
        return SEBAGIAN
    if support:
        return DIDUKUNG
    if contradict:
        return BERTENTANGAN
    return BELUM_DAPAT_DIUJI


def _assessment(dec: Decomposition, peer: PeerContext | None,
                lke: LkeChange | None = None) -> tuple[str, list[str], str]:
    said, decide = [], []
    sup = con = 0
    if lke is not None:
        said.extend(lke_sentences(lke))
        if lke.metode < 0:
            sup += 1  # the changed criteria themselves cost points
        elif lke.kinerja < 0:
            con += 1  # same criteria, lower scores: not a changed method
        flag = lke.kelengkapan_tanpa_kualitas
        if flag is True:
            sup += 1
        elif flag is False:
            con += 1
        return _verdict(sup, con), said, ""
    if peer is not None and peer.ada:
        said.extend(peer.kalimat)
        if peer.kesimpulan == KABUPATEN:
            sup += 1
        elif peer.kesimpulan == LOKAL:
            con += 1
        else:
            decide.append(peer.bukti_penentu)
    else:
        decide.append(f"nilai SAKIP semua OPD kabupaten tahun {dec.tahun_awal} dan {dec.tahun_akhir} "
                      "(apakah sebagian besar OPD turun pada komponen yang sama)")
    subt = subcomponent_totals(dec)
    if subt is not None and len(subt) and {"keberadaan", "kualitas"} <= set(subt["subkomponen"]):
        by = subt.set_index("subkomponen")
        pp = by["persen_maks_akhir"] - by["persen_maks_awal"]
        if pp["kualitas"] < pp["keberadaan"] - tolerance(2):
            sup += 1
            said.append(f"Sub komponen kualitas turun {fmt_signed(pp['kualitas'])} poin persentase dari "
                        f"maksimalnya, lebih banyak daripada keberadaan ({fmt_signed(pp['keberadaan'])}): "
                        "sejalan dengan dokumen yang lengkap tetapi kurang bermutu.")
        else:
            con += 1
            said.append(f"Sub komponen kualitas ({fmt_signed(pp['kualitas'])} poin persentase dari "
                        f"maksimalnya) tidak turun lebih banyak daripada keberadaan "
                        f"({fmt_signed(pp['keberadaan'])}): tidak sejalan dengan dokumen yang lengkap "
                        "tetapi kurang bermutu.")
    else:
        decide.append(f"nilai sub komponen ({', '.join(n.lower() for n in SAKIP_SUBCOMPONENT_NAMES.values())}) "
                      f"kedua tahun dari lembar kerja evaluasi (LKE) atau LHE evaluator")
    return _verdict(sup, con), said, "; ".join(d for d in decide if d)


def _post_of(text: str, vac: Vacancy) -> pd.Series | None:
    low = text.casefold()
    best, score = None, 0
    for _, r in vac.per_jabatan.iterrows():
        words = [w for w in re.findall(r"[a-z]+", str(r["jabatan"]).casefold())
                 if len(w) > 3 and w not in ("kepala", "bagian", "seksi", "kecamatan")]
        n = sum(1 for w in words if w in low)
        if n > score:
            best, score = r, n
    return best


def _linked_fall(dec: Decomposition) -> str:
    k = dec.komponen.set_index("komponen")["perubahan"]
    return ", ".join(f"{SAKIP_COMPONENT_NAMES[c]} {fmt_signed(k[c])}"
                     for c in ("perencanaan", "evaluasi_internal") if c in k.index)


def _staffing_history(text: str, dec: Decomposition, riwayat: pd.DataFrame,
                      decide: str) -> tuple[str, list[str], str] | None:
    """The verdict from the unit's post history, or None when the cause names no post of it."""
    low = text.casefold()
    best, score = None, 0
    for post in dict.fromkeys(riwayat["jabatan"]):
        words = [w for w in re.findall(r"[a-z]+", str(post).casefold())
                 if len(w) > 3 and w not in ("kepala", "bagian", "seksi", "kecamatan")]
        n = sum(1 for w in words if w in low)
        if n > score:
            best, score = post, n
    if best is None:
        return None
    t = post_timeline(riwayat, best, dec.tahun_akhir)
    fell = _linked_fall(dec)
    if t.tanpa_definitif:
        return DIDUKUNG, [f"Menurut riwayat jabatan, {best} tanpa pejabat definitif {t.tanpa_definitif} bulan "
                          f"pada {dec.tahun_akhir} ({t.tanpa_definitif_teks}); komponen yang dikerjakan "
                          f"jabatan ini turun: {fell}."], ""
    if t.tidak_diketahui:
        return BELUM_DAPAT_DIUJI, [f"Menurut riwayat jabatan, {best} berganti pejabat, tetapi tanggalnya "
                                   f"{TIDAK_DIKETAHUI}: terisi atau kosong pada {t.tidak_diketahui_teks} "
                                   f"{dec.tahun_akhir} {TIDAK_DIKETAHUI}; komponen yang dikerjakan jabatan "
                                   f"ini turun: {fell}."], decide
    return BERTENTANGAN, [f"Menurut riwayat jabatan, {best} dipegang pejabat definitif sepanjang "
                          f"{dec.tahun_akhir}."], ""


def _staffing(text: str, dec: Decomposition, vac: Vacancy | None,
              riwayat: pd.DataFrame | None = None) -> tuple[str, list[str], str]:
    decide = ("tanggal berhenti pejabat lama dan tanggal mulai (SK pelantikan) pejabat pengganti, "
              "definitif atau Plt, di data pegawai atau riwayat jabatan")
    if riwayat is not None and len(riwayat):
        got = _staffing_history(text, dec, riwayat, decide)
        if got is not None:
            return got
    if vac is None:
        return BELUM_DAPAT_DIUJI, [f"Data pegawai tahun {dec.tahun_akhir} tidak ada."], decide
    post = _post_of(text, vac)
    if post is None:
        return BELUM_DAPAT_DIUJI, ["Jabatan yang disebut tidak dapat dikenali pada data pegawai."], decide
    name = post["jabatan"]
    k = dec.komponen.set_index("komponen")["perubahan"]
    linked = [c for c in ("perencanaan", "evaluasi_internal") if c in k.index]
    fell = ", ".join(f"{SAKIP_COMPONENT_NAMES[c]} {fmt_signed(k[c])}" for c in linked)
    said = []
    if post.get("keluar"):
        said.append(f"{name}: pejabat lama berhenti {post['keluar']}.")
    unknown = int(post.get("bulan_tidak_diketahui", 0) or 0)
    if int(post["bulan_kosong"]) > 0:
        said.append(f"{name} tanpa pejabat definitif {int(post['bulan_kosong'])} bulan pada "
                    f"{dec.tahun_akhir} ({post['bulan_kosong_teks']}); komponen yang dikerjakan jabatan "
                    f"ini turun: {fell}.")
        return DIDUKUNG, said, ""
    if unknown:
        said.append(f"Tanggal mulai pejabat pengganti {TIDAK_DIKETAHUI}, sehingga lamanya jabatan ini "
                    f"tanpa pejabat ({post['bulan_tidak_diketahui_teks']}) tidak dapat dihitung; komponen "
                    f"yang dikerjakan jabatan ini turun: {fell}.")
        return BELUM_DAPAT_DIUJI, said, decide
    if post.get("keluar"):
        said.append(f"{name} tidak pernah kosong pada {dec.tahun_akhir} menurut data pegawai "
                    "(pengganti langsung menjabat).")
        return BERTENTANGAN, said, ""
    said.append(f"{name} terisi sepanjang {dec.tahun_akhir} tanpa pergantian menurut data pegawai.")
    return BERTENTANGAN, said, ""


def explanation(text: str | None, dec: Decomposition, peer: PeerContext | None = None,
                vacancy: Vacancy | None = None, riwayat: pd.DataFrame | None = None,
                lke: LkeChange | None = None) -> Explanation:
    """Each cause of ``text`` (the unit's words) with its verdict; ``ada`` False without a text."""
    if not text or not str(text).strip():
        return Explanation(False)
    causes = []
    for c in split_causes(text):
        kind = cause_kind(c)
        if kind == "penilaian":
            v, said, decide = _assessment(dec, peer, lke)
        elif kind == "kepegawaian":
            v, said, decide = _staffing(c, dec, vacancy, riwayat)
        else:
            v, said, decide = BELUM_DAPAT_DIUJI, [], "data yang menggambarkan keadaan ini pada kedua tahun"
        causes.append(StatedCause(c, kind, v, said, decide))
    return Explanation(True, " ".join(str(text).split()), causes)


def explanation_md(exp: Explanation, dec: Decomposition, unit_name: str | None = None) -> str:
    """The answer first: the change, the unit's causes quoted, a verdict and evidence for each."""
    who = md_text(unit_name) if unit_name else "Unit"
    head = (f"Nilai SAKIP {fmt_number(dec.nilai_awal)} ({dec.tahun_awal}) menjadi "
            f"{fmt_number(dec.nilai_akhir)} ({dec.tahun_akhir}), perubahan {fmt_signed(dec.perubahan)} poin.")
    if not exp.ada:
        return (head + f" {who} tidak menuliskan sebab perubahan ini dalam narasi LKjIP-nya, sehingga "
                "tidak ada penjelasan unit yang dapat diuji.")
    lines = [head + f" {who} menyebut {len(exp.sebab)} sebab:"]
    for i, c in enumerate(exp.sebab, start=1):
        s = f"{i}. “{md_text(c.kutipan)}” — **{c.putusan}**."
        if c.bukti:
            s += " " + " ".join(md_text(b) for b in c.bukti)
        if c.bukti_penentu:
            s += f" Yang dapat memastikan: {md_text(c.bukti_penentu)}."
        lines.append(s)
    return "\n".join(lines[:1]) + "\n\n" + "\n".join(lines[1:])
