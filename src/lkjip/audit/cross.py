"""Family 2, ``antar dataset``: one dataset's figures against another's.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import pandas as pd

from lkjip.audit.causes import TIDAK_DIKETAHUI, Part
from lkjip.audit.context import _Context
from lkjip.audit.frames import (
    _asn_measured,
    _baris,
    _in_post,
    _lra_account5,
    _respondents,
    _status,
    _text,
    _Tree,
    minimum_sample,
)
from lkjip.audit.published import _row_decimals
from lkjip.audit.result import FAMILY_CROSS, SELISIH, SESUAI, Evidence, _Rows
from lkjip.contract.rules import ASN_STATUSES, TARGET_PRECEDENCE

# ---------------------------------------------------------------- family 2

def _cross_checks(d: Mapping[str, pd.DataFrame], ctx: _Context, out: _Rows, *, year: int,
                  published: pd.DataFrame | None, targets: pd.DataFrame | None,
                  unit: Mapping[str, Any] | None,
                  previous: Mapping[str, pd.DataFrame] | None) -> None:
    anggaran, lra = d.get("anggaran"), d.get("lra")
    if anggaran is not None and lra is not None:
        lra5 = _lra_account5(lra)
        if lra5 is not None:
            pagu, real = ctx.budget("total")
            label = "sub kegiatan" if len(ctx.atree.leaves()) and all(
                k.count(".") == 5 for k in ctx.atree.leaves()["_kode"]) else "tingkat terendah"
            leaves = ctx.atree.leaves()
            for what, a, b in (("pagu", pagu, lra5[0]), ("realisasi", real, lra5[1])):
                lra_col = "anggaran" if what == "pagu" else "realisasi"
                out.add(FAMILY_CROSS, "anggaran/lra",
                        f"Total {what} anggaran (jumlah {label}) terhadap {lra5[2]} {lra_col}", a, b,
                        berkas=out.berkas("anggaran", "lra"),
                        sumber_hitungan=ctx.ref("lra", lra[lra["kode_rekening"].map(_text) == "5"])
                        if "kode_rekening" in lra.columns else None,
                        evidence=lambda what=what: Evidence(
                            tuple(Part(f"sub kegiatan {k} {_text(u)}", float(v)) for k, u, v in
                                  zip(leaves["_kode"], leaves["uraian"], leaves[what]) if pd.notna(v)),
                            unit="Rp", computed_label=f"{lra5[2]}"))

    peg = d.get("pegawai")
    if peg is not None and "status" in peg.columns:
        measured = int(_asn_measured(peg).sum())
        asn_post = int((_in_post(peg, year) & _status(peg).isin(ASN_STATUSES)).sum())
        if measured or asn_post:
            out.add(FAMILY_CROSS, "pegawai",
                    f"ASN yang diukur IP ASN terhadap ASN (PNS+PPPK) menjabat per 31 Desember {year}",
                    measured, asn_post, berkas=out.berkas("pegawai"), decimals=0,
                    status=SESUAI if measured == asn_post else SELISIH,
                    kemungkinan_penyebab=None if measured == asn_post else TIDAK_DIKETAHUI,
                    penjelasan=None if measured == asn_post else (
                        f"{measured} ASN mempunyai keempat dimensi IP ASN, sedangkan ASN yang menjabat per "
                        f"31 Desember {year} ada {asn_post}; mohon dilengkapi data IP ASN atau data pegawainya."))

    paten, survey = d.get("paten_layanan"), d.get("ikm_survei")
    if paten is not None and survey is not None:
        n = int(round(ctx.paten_total()))
        resp = _respondents(survey)
        minimum = minimum_sample(n)
        out.add(FAMILY_CROSS, "ikm_survei/paten_layanan",
                f"Responden IKM terhadap sampel minimum Krejcie-Morgan (N = {n} layanan PATEN; "
                f"cukup bila responden >= minimum)", resp, minimum,
                berkas=out.berkas("ikm_survei", "paten_layanan"), decimals=0,
                status=SESUAI if resp >= minimum else SELISIH,
                kemungkinan_penyebab=None if resp >= minimum else TIDAK_DIKETAHUI,
                penjelasan=None if resp >= minimum else (
                    f"Responden survei ({resp}) kurang dari sampel minimum Krejcie-Morgan ({minimum}) untuk "
                    f"{n} layanan; hasil IKM kurang mewakili."))
    if paten is not None and published is not None and len(published):
        pops = published[published["indikator"].map(_text) == "populasi_ikm"]
        for _, r in pops.iterrows():
            if pd.notna(r.get("tahun")) and int(r["tahun"]) == year and pd.notna(r.get("nilai")):
                out.add(FAMILY_CROSS, "published/paten_layanan",
                        f"Populasi survei IKM ({_text(r.get('sumber'))}) terhadap jumlah layanan PATEN setahun",
                        r["nilai"], ctx.paten_total(), berkas=out.berkas("published", "paten_layanan"),
                        baris=_baris(r), sumber=_text(r.get("sumber")) or None, decimals=_row_decimals(r))

    if targets is not None and len(targets) and anggaran is not None:
        t = targets.copy()
        t["_id"] = t["indikator"].map(_text)
        t["_doc"] = t["dokumen"].map(lambda s: _text(s).lower())
        t = t[t["_id"].str.startswith(("pagu_program:", "anggaran_program:", "pagu:"))]
        t = t[pd.to_numeric(t["tahun"], errors="coerce") == year]
        for ind in sorted(set(t["_id"]), key=lambda s: s):
            rows = t[t["_id"] == ind]
            rank = {doc: i for i, doc in enumerate(TARGET_PRECEDENCE)}
            rows = rows.assign(_r=rows["_doc"].map(lambda x: rank.get(x, 99))).sort_values("_r", kind="stable")
            r = rows.iloc[0]
            code = ind.split(":", 1)[1].strip()
            pagu = ctx.budget(code)[0]
            if math.isnan(pagu):
                out.notes.append(f"targets {ind}: kode {code} tidak ada di data anggaran")
                continue
            out.add(FAMILY_CROSS, "targets/anggaran",
                    f"Anggaran {code} di {r['_doc']} terhadap pagu anggaran program", r["target"], pagu,
                    berkas=out.berkas("targets", "anggaran"), baris=_baris(r))

    mapping = dict((unit or {}).get("pembiayaan") or {})
    if mapping and anggaran is not None:
        for ind, code in mapping.items():
            if code is None or str(code).strip().lower() == "total":
                continue
            if math.isnan(ctx.budget(str(code))[0]):
                out.notes.append(f"pembiayaan {ind}: kode {code} tidak ada di data anggaran")

    prev = (previous or {}).get("lra")
    if lra is not None and prev is not None and "realisasi_tahun_lalu" in lra.columns:
        prev_tree = _Tree(prev, "kode_rekening")
        prev_real = {k: v for k, v in zip(prev_tree.rows["_kode"], prev_tree.rows["realisasi"])}
        cur = _Tree(lra, "kode_rekening").rows
        for _, r in cur.iterrows():
            if pd.isna(r["realisasi_tahun_lalu"]) or r["_kode"] not in prev_real:
                continue
            out.add(FAMILY_CROSS, "lra/lra tahun lalu",
                    f"{r['_kode']} {_text(r.get('uraian'))}: realisasi tahun lalu terhadap LRA {year - 1}",
                    r["realisasi_tahun_lalu"], prev_real[r["_kode"]],
                    berkas=out.berkas("lra"), baris=_baris(r))
