"""Family 5, ``antar tempat``: the same figure printed in several places of the document.

Rows of the audit's published figures with the same id, year and measure
are one quantity. They agree when each value equals the others at its own
printed decimals (87,43 printed elsewhere as 87,4 agrees). When they do not,
the quantity is **one finding listing every place**: ``dihitung`` holds the
reference value (the one that equals the value recomputed from raw data,
else the one printed in most places, leaving out a value whose own table
does not add up to it), ``dipublikasikan`` the first value that differs from
it, and ``penjelasan`` every value with its places and the likely cause of
each deviating value (taken from its own comparison with the raw data or
with its parts when there is one).
"""

from __future__ import annotations

import pandas as pd

from lkjip.audit.causes import classify, show
from lkjip.audit.frames import _text, _year
from lkjip.audit.labels import chapter_of, unit_of
from lkjip.audit.published import _row_decimals, hider, uraian_of
from lkjip.audit.result import FAMILY_DOCUMENT, FAMILY_PLACES, FAMILY_PUBLISHED, SELISIH, SESUAI, _Rows
from lkjip.contract.fmt import round_number
from lkjip.contract.rules.printed import EPS, decimals_of


def _agree(a: float, da: int, b: float, db: int) -> bool:
    if a == b:
        return True
    d = min(da, db)
    return abs(round_number(a, d) - round_number(b, d)) < EPS


def _place(r: dict) -> str:
    lokasi = _text(r.get("lokasi")) or _text(r.get("sumber"))
    label = _text(r.get("baris_label"))
    return f"{lokasi} ({label})" if label and not lokasi.endswith("(teks)") else lokasi


def _places_checks(rows: list[dict], out: _Rows, show_nip: bool = False) -> None:
    """Add family 5's rows (one per quantity printed in two places or more) from the rows already added."""
    by_baris: dict[int, list[dict]] = {}
    for row in out.rows:
        if row["pemeriksaan"] in (FAMILY_PUBLISHED, FAMILY_DOCUMENT) and row.get("baris") is not None:
            by_baris.setdefault(int(row["baris"]), []).append(row)
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        tahun = _year(r.get("tahun"))
        if tahun is None or pd.isna(r.get("nilai")):
            continue
        key = (_text(r["indikator"]), tahun, _text(r.get("ukuran")).lower() or "realisasi")
        groups.setdefault(key, []).append(r)
    for (i, t, u), group in groups.items():
        if len(group) < 2:
            continue
        hide = hider(show_nip, group[0])
        values = []
        for r in group:
            dec = _row_decimals(r)
            values.append((r, float(r["nilai"]), decimals_of(r["nilai"]) if dec is None else dec))
        first_r, first_v, first_d = values[0]
        if all(_agree(v, d, w, e) for _, v, d in values for _, w, e in values):
            out.add(FAMILY_PLACES, "published", hide(f"{i} ({u}) {t}: {len(values)} tempat"), first_v, first_v,
                    berkas=out.berkas("published"), baris=None, decimals=first_d, indikator=hide(i), tahun=t,
                    ukuran=u, uraian=hide(uraian_of(first_r)), bab=chapter_of(first_r.get("lokasi")) or None,
                    lokasi=hide("; ".join(dict.fromkeys(_place(r) for r, _, _ in values))))
            continue
        _finding(out, values, i, t, u, by_baris, hide)


def _checks_of(r: dict, by_baris) -> list[dict]:
    b = r.get("baris")
    return by_baris.get(int(b), []) if b is not None and not pd.isna(b) else []


def _reference(values, by_baris) -> tuple[float, int]:
    # the value the raw data recompute
    for r, v, d in values:
        for row in _checks_of(r, by_baris):
            if row["pemeriksaan"] == FAMILY_PUBLISHED and row["status"] == SESUAI:
                return v, d
    # else the most printed value whose own table adds up
    bad = {id(r) for r, _, _ in values
           if any(row["pemeriksaan"] == FAMILY_DOCUMENT and row["status"] == SELISIH
                  for row in _checks_of(r, by_baris))}
    tally: dict[float, list] = {}
    for r, v, d in values:
        if id(r) in bad:
            continue
        key = next((k for k in tally if _agree(k, tally[k][1], v, d)), v)
        tally.setdefault(key, [0, d])[0] += 1
    if not tally:
        return values[0][1], values[0][2]
    best = max(tally.items(), key=lambda kv: kv[1][0])  # first printed wins a tie (dicts keep order)
    return best[0], best[1][1]


def _finding(out: _Rows, values, ind, tahun, uk, by_baris, hide) -> None:
    ref, ref_d = _reference(values, by_baris)
    unit = unit_of(ind)
    groups: dict[float, tuple[int, list[str]]] = {}
    for r, v, d in values:
        key = next((k for k in groups if _agree(k, groups[k][0], v, d)), v)
        groups.setdefault(key, (d, []))[1].append(_place(r))
    deviating = [(r, v, d) for r, v, d in values if not _agree(v, d, ref, ref_d)]
    dev_r, dev_v, dev_d = deviating[0]
    causes: list[str] = []
    first_cause = None
    for r, v, d in deviating:
        own = [row for row in _checks_of(r, by_baris) if row["status"] == SELISIH]
        if own:
            kode, why = own[0]["kemungkinan_penyebab"], own[0]["penjelasan"]
        else:
            c = classify(v, ref, decimals=d, unit=unit, computed_label="angka di tempat lain")
            kode, why = (c.kode, c.penjelasan) if c else (None, None)
        first_cause = first_cause or (kode, why)
        text = f"{_place(r)}: {why}" if why else None
        if text and text not in causes:
            causes.append(text)
    listing = "; ".join(f"{show(v, d, unit)} di {', '.join(dict.fromkeys(places))}"
                        for v, (d, places) in groups.items())
    # the reference value's own comparison with the data, when it has one (the IKM 97,33 against 98,31)
    ref_rows = [row for r, v, d in values if _agree(v, d, ref, ref_d)
                for row in _checks_of(r, by_baris)
                if row["pemeriksaan"] == FAMILY_PUBLISHED and row["status"] in (SESUAI, SELISIH)]
    ref_note = ""
    if ref_rows and ref_rows[0]["status"] == SELISIH:
        best = max(ref_rows, key=lambda row: len(row.get("penjelasan") or ""))
        ref_note = f" {show(ref, ref_d, unit)}: {best['penjelasan']}"
    elif ref_rows:
        ref_note = f" {show(ref, ref_d, unit)} sama dengan hasil hitung ulang dari data."
    penjelasan = (f"Angka yang sama tercetak berbeda: {listing}." + ref_note
                  + (" " + " ".join(causes) if causes else ""))
    r0 = values[0][0]
    out.add(FAMILY_PLACES, "published", hide(f"{ind} ({uk}) {tahun}: {len(values)} tempat"), dev_v, ref,
            berkas=out.berkas("published"), baris=dev_r.get("baris"),
            decimals=min(dev_d, ref_d), indikator=hide(ind), tahun=tahun, ukuran=uk,
            uraian=hide(uraian_of(r0)), bab=chapter_of(dev_r.get("lokasi")) or None,
            lokasi=hide("; ".join(dict.fromkeys(_place(r) for r, _, _ in values))),
            teks=hide(_text(dev_r.get("teks"))) or None, sumber=_text(dev_r.get("sumber")) or None,
            sumber_hitungan="angka tercetak di tempat lain dokumen yang sama",
            kemungkinan_penyebab=first_cause[0] if first_cause and first_cause[0] else None,
            penjelasan=hide(penjelasan))
