"""Bab IV: conclusions and suggestions.
"""

from __future__ import annotations

import pandas as pd

from lkjip.contract.fmt import fmt_int, fmt_number, fmt_pct, fmt_rupiah, is_missing, round_number
from lkjip.document.narrative.capaian import _largest_unabsorbed, _sakip_weakest
from lkjip.document.narrative.common import (_DRAFT, _data_text, _iku_ids, _join, _met, _not_available, _row,
                                             _short, fmt_value)
from lkjip.contract.rules import target_met, tolerance
from lkjip.contract.markup import md_text
from lkjip.document.staff import jabatan_group
from lkjip.indicators.targets import capaian_category

# --------------------------------------------------------------------------- Bab IV

def _classify(rep):
    met, missed, unknown = [], [], []
    for ind in _iku_ids(rep):
        m = _met(_row(rep, ind))
        (met if m else missed if m is False else unknown).append(ind)
    return met, missed, unknown


def kesimpulan(rep) -> str:
    """Bab IV A: which indicators met or missed their targets, overall."""
    met, missed, unknown = _classify(rep)
    t = rep.capaian.set_index("indikator")
    lines = []
    lines.append(f"Dari {len(_iku_ids(rep))} Indikator Kinerja Utama {md_text(rep.unit.nama)} tahun {rep.year}:")
    lines.append("")
    if met:
        lines.append(f"- {len(met)} indikator mencapai atau melampaui target: "
                     + _join([f"{_short(i, iku=rep.results.iku)} ({fmt_pct(t.loc[i, 'capaian_pct'])})" for i in met]) + ";")
    if missed:
        lines.append(f"- {len(missed)} indikator belum mencapai target: "
                     + _join([f"{_short(i, iku=rep.results.iku)} (realisasi {fmt_value(i, t.loc[i, 'realisasi'], iku=rep.results.iku)} dari "
                              f"target {fmt_value(i, t.loc[i, 'target'], compact=True, iku=rep.results.iku)}, capaian "
                              f"{fmt_pct(t.loc[i, 'capaian_pct'])})" for i in missed]) + ";")
    pending = [i for i in unknown if is_missing(t.loc[i, "realisasi"]) and _not_available(rep, i)]
    unknown = [i for i in unknown if i not in pending]
    if pending:
        lines.append(f"- {len(pending)} indikator belum dapat dinilai karena realisasinya belum tersedia: "
                     + _join([f"{_short(i, iku=rep.results.iku)} ({md_text(_not_available(rep, i))})"
                              for i in pending]) + ";")
    if unknown:
        lines.append(f"- {len(unknown)} indikator belum dapat dinilai (capaian tidak dapat dihitung) karena data "
                     "realisasi atau targetnya tidak tersedia, atau targetnya 0: "
                     + _join([_short(i, iku=rep.results.iku) for i in unknown]) + ";")
    caps = pd.to_numeric(t["capaian_pct"], errors="coerce").dropna()
    lines.append("")
    if len(caps):
        avg = float(caps.mean())
        lines.append(f"Rata-rata capaian {fmt_int(len(caps))} indikator yang dapat dinilai adalah "
                     f"{fmt_pct(avg)} (kategori capaian {capaian_category(round_number(avg, 2), rep.unit.capaian_bands)}).")
    pen = rep.results.penyerapan
    if pen is not None:
        lines.append(f" Penyerapan anggaran mencapai {fmt_pct(pen.persen)} "
                     f"({fmt_rupiah(pen.realisasi)} dari {fmt_rupiah(pen.anggaran)}).")
    if missed:
        lines[-1] += (" Secara umum kinerja tercapai baik, dengan catatan pada indikator yang belum "
                      "mencapai target sebagaimana diuraikan pada saran.")
    elif not unknown and not pending:
        lines[-1] += " Seluruh target kinerja tahun ini tercapai."
    return _DRAFT + "\n".join(lines).replace("\n ", "\n")


def _saran_for(rep, kode: str) -> str:
    res = rep.results
    found = next((i for i in res.iku if i.kode == kode), None)
    # the suggestion of a built-in calculation follows its data; a unit's own IKU gets the general one
    ind = found.builtin if found is not None else kode
    if ind == "ikm":
        extra = ""
        if res.ikm is not None:
            u = res.ikm.unsur.dropna(subset=["nrr"])
            if len(u):
                lo = u.loc[u["nrr"].idxmin()]
                extra = f", terutama unsur {lo['unsur']} {lo['nama_unsur']} (NRR {fmt_number(lo['nrr'])})"
        return (f"Meningkatkan kualitas pelayanan publik{extra}, dan menindaklanjuti saran serta "
                "pengaduan hasil survei kepuasan masyarakat setiap bulan.")
    if ind == "layanan_sesuai_standar_pct":
        n = fmt_int(res.layanan.tidak_sesuai) if res.layanan is not None else "–"
        return (f"Menelusuri penyebab {n} layanan yang tidak sesuai standar pelayanan dan meninjau "
                "kembali SOP serta standar pelayanan PATEN.")
    if ind == "koordinasi_ditindaklanjuti_pct":
        extra = ""
        if res.koordinasi is not None:
            s = res.koordinasi.per_seksi.dropna(subset=["persen"])
            if len(s):
                extra = f", terutama pada {md_text(s.loc[s['persen'].idxmin(), 'seksi'])}"
        return ("Memperkuat pemantauan tindak lanjut hasil fasilitasi dan koordinasi melalui rapat "
                f"staf rutin{extra}.")
    if ind == "sakip":
        return _saran_sakip(rep)
    if ind == "realisasi_anggaran_pct":
        big = _largest_unabsorbed(rep)
        extra = f", terutama pada {md_text(big[0]['uraian'])}" if big is not None else ""
        return ("Menyusun jadwal pelaksanaan kegiatan dan rencana penarikan dana sejak awal tahun"
                f"{extra}, dan memantau penyerapan setiap bulan.")
    if ind == "ip_asn":
        extra = ""
        if res.ipasn is not None:
            d = res.ipasn.rata_dimensi.dropna(subset=["persen_maks"])
            if len(d):
                extra = f" pada dimensi {d.loc[d['persen_maks'].idxmin(), 'nama_dimensi']}"
        return (f"Meningkatkan profesionalitas ASN{extra} melalui usulan diklat, pengembangan "
                "kompetensi dan pemutakhiran data kepegawaian.")
    if ind == "jumlah_inovasi":
        t = _row(rep, kode)["target"]
        return (f"Mendorong lahirnya inovasi baru dan menetapkannya dengan SK agar target "
                f"{fmt_value(ind, t, compact=True, iku=rep.results.iku)} tercapai dan inovasi berkelanjutan.")
    return f"Meninjau pelaksanaan kegiatan yang mendukung {_short(kode, iku=rep.results.iku)}."


def _quality_fell_further(rep) -> bool | None:
    """Whether, from the year before, the *kualitas* sub-components fell more (relative to their
    maximum) than the *keberadaan* ones: the only data that bear on "documents prepared for
    completeness rather than quality". ``None`` when either year lacks sub-component scores."""
    prev = rep.previous_results()
    cur = rep.results.sakip
    if prev is None or prev.sakip is None or cur is None:
        return None
    shares = []
    for r in (prev.sakip, cur):
        sub = r.subkomponen
        if sub is None or not len(sub):
            return None
        g = sub.groupby("subkomponen")[["nilai", "bobot"]].sum()
        if not {"keberadaan", "kualitas"} <= set(g.index):
            return None
        shares.append(g["nilai"] / g["bobot"] * 100)
    change = shares[1] - shares[0]
    return bool(change["kualitas"] < change["keberadaan"] - tolerance(2))


def _structural_vacancy(rep) -> str | None:
    """A structural post (Camat, Sekretaris, Kepala Seksi/Sub Bagian) left during the year, as
    'jabatan (tanggal)', from Bab I's staff movements; ``None`` when none left."""
    mut = rep.pegawai_mutasi
    if mut is None or not len(mut):
        return None

    out = mut[(mut["Perubahan"] != "Masuk")
              & mut["Jabatan"].map(lambda j: jabatan_group(j) not in ("Pelaksana", "Tenaga Honorer"))]
    if not len(out):
        return None
    return _join([f"{j} ({t})" for j, t in zip(out["Jabatan"], out["Tanggal"])])


def _saran_sakip(rep) -> str:
    """The SAKIP suggestion: only what the evaluation's figures show."""
    res = rep.results
    text = "Memperbaiki pelaksanaan SAKIP"
    if res.sakip is not None:
        w = _sakip_weakest(res.sakip)
        if w is not None:
            text += (f", dimulai dari komponen {w['nama_komponen']} yang capaiannya terendah terhadap "
                     f"bobotnya ({fmt_pct(w['persen_maks'])})")
    text += "."
    if _quality_fell_further(rep):
        text += (" Nilai sub komponen kualitas turun lebih banyak daripada keberadaan dokumen, sehingga "
                 "perbaikan perlu diarahkan pada mutu dokumen, bukan hanya kelengkapannya.")
    vacant = _structural_vacancy(rep)
    if vacant:
        text += (f" Selama tahun {rep.year} jabatan {vacant} ditinggalkan pejabatnya; penunjukan "
                 "pelaksana tugas sejak jabatan kosong menjaga agar penyusunan dokumen kinerja tidak "
                 "bergantung pada satu pejabat.")
    return text


def saran(rep) -> str:
    """Bab IV B: suggestions drafted from the missed (and unmeasurable) indicators."""
    met, missed, unknown = _classify(rep)
    items = [f"{_short(i, iku=rep.results.iku)}: {_saran_for(rep, i)}" for i in missed]
    t = rep.capaian.set_index("indikator")
    for i in unknown:
        if is_missing(t.loc[i, "realisasi"]) and _not_available(rep, i):
            items.append(f"{_short(i, iku=rep.results.iku)}: memasukkan realisasinya ke realisasi.csv setelah angka "
                         f"{_data_text(i, iku=rep.results.iku)} dirilis, lalu menjalankan ulang laporan.")
        elif is_missing(t.loc[i, "realisasi"]):
            items.append(f"{_short(i, iku=rep.results.iku)}: melengkapi data {_data_text(i, iku=rep.results.iku)} agar indikator "
                         "dapat diukur pada laporan berikutnya.")
        else:
            items.append(f"{_short(i, iku=rep.results.iku)}: menetapkan target tahunan dalam Perjanjian Kinerja agar "
                         "capaiannya dapat dinilai.")
    pen = rep.results.penyerapan
    if "realisasi_anggaran_pct" not in missed and pen is not None and target_met(pen.persen) is False:
        big = _largest_unabsorbed(rep)
        if big is not None:
            items.append(f"Anggaran: merencanakan kebutuhan {md_text(big[0]['uraian'])} lebih cermat karena sisa "
                         f"anggarannya terbesar ({fmt_rupiah(big[1])}).")
    if not missed and not unknown:
        items.insert(0, "Mempertahankan capaian seluruh indikator dan menetapkan target tahun "
                        "berikutnya yang tetap menantang sesuai Renstra.")
    head = (f"Demi tercapainya sasaran organisasi dan perbaikan di tahun yang akan datang, "
            f"{md_text(rep.unit.nama)} perlu melakukan hal-hal berikut:")
    return _DRAFT + head + "\n\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(items, start=1))
