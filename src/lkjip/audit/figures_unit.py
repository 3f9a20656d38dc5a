"""Family 3's figures about the unit itself, from the optional datasets of contract v2.

Population per village (``penduduk``: Tabel 1.1 and the text of Bab I D),
the territory (villages counted in ``penduduk``, dusun/RW/RT, the area in
unit.yaml ``wilayah.luas_km2``), office equipment (``sarana``) and the
programme budgets of the signed Perjanjian Kinerja
(``perjanjian_kinerja_anggaran``). A unit without these files gets the
reason, never a guess.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from lkjip.audit.context import NAN, Computed, Figure, _Context
from lkjip.audit.frames import _body, _col_sum, _totals, _text


def slug(text: object) -> str:
    """The id form of a printed label (as scripts/build_published.py writes it).

    >>> slug("Sepeda Motor (Babinsa & Babinkamtibmas)"), slug("Ngareskidul")
    ('sepeda_motor_babinsa_babinkamtibmas', 'ngareskidul')
    """
    t = unicodedata.normalize("NFKD", _text(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_")


def _penduduk(ctx: _Context) -> tuple[pd.DataFrame | None, _Context]:
    """The population table a figure of ``ctx``'s year comes from: the file whose ``per_tanggal`` falls in
    that year (the LKjIP 2023 prints the population of 31 December 2022), else the year's own file."""
    if "penduduk" not in ctx.cache:
        found = (ctx.d.get("penduduk"), ctx)
        for other in (ctx.years.contexts.values() if ctx.years is not None else ()):
            df = other.d.get("penduduk")
            if df is not None and "per_tanggal" in df.columns:
                dates = pd.to_datetime(df["per_tanggal"], errors="coerce").dropna()
                if len(dates) and int(dates.dt.year.max()) == ctx.year:
                    found = (df, other)
                    break
        ctx.cache["penduduk"] = found
    return ctx.cache["penduduk"]


def _villages(ctx: _Context) -> dict[str, pd.DataFrame]:
    """Village (id form) -> its rows in the population table of ``ctx``'s year."""
    if "desa" not in ctx.cache:
        df, _ = _penduduk(ctx)
        body = _body(df) if df is not None else None
        ctx.cache["desa"] = {} if body is None else {k: g for k, g in body.groupby(body["desa"].map(slug))}
    return ctx.cache["desa"]


_NO_PENDUDUK = "data penduduk per desa tidak ada (berkas penduduk.csv)"


def _desa(ctx: _Context, arg: str) -> Computed:
    name, _, col = arg.rpartition(":")
    df, src = _penduduk(ctx)
    if df is None:
        return Computed(NAN, _NO_PENDUDUK)
    rows = _villages(ctx).get(name)
    if rows is None:
        return Computed(NAN, f"desa '{name}' tidak ada di data penduduk")
    if col == "jumlah":
        value = _col_sum(rows, "laki_laki") + _col_sum(rows, "perempuan")
    elif col in ("laki_laki", "perempuan"):
        value = _col_sum(rows, col)
    else:
        return Computed(NAN, "angka tidak dikenal oleh audit")
    return Computed(value, None, src.ref("penduduk", rows))


def _jumlah_penduduk(ctx: _Context, col: str) -> Computed:
    df, src = _penduduk(ctx)
    if df is None:
        return Computed(NAN, _NO_PENDUDUK)
    body = _body(df)
    if col in ("laki_laki", "perempuan"):
        return Computed(_col_sum(body, col), None, src.ref("penduduk", body))
    if col:
        return Computed(NAN, "angka tidak dikenal oleh audit")
    return Computed(_col_sum(body, "laki_laki") + _col_sum(body, "perempuan"), None, src.ref("penduduk", body))


def _wilayah(what: str):
    def compute(ctx: _Context, _arg: str) -> Computed:
        df, src = _penduduk(ctx)
        if df is None:
            return Computed(NAN, _NO_PENDUDUK)
        body = _body(df)
        if what == "desa":
            return Computed(float(len(body)), None, src.ref("penduduk", body))
        # dusun/RW/RT: the villages' own cells when filled, else the printed JUMLAH row (the only source then)
        value = _col_sum(body, what)
        rows = body
        if pd.isna(value):
            rows = _totals(df)
            value = _col_sum(rows, what)
        if pd.isna(value):
            return Computed(NAN, f"jumlah {what} tidak ada di data penduduk")
        return Computed(value, None, src.ref("penduduk", rows))
    return compute


def _luas(ctx: _Context, _arg: str) -> Computed:
    luas = (ctx.unit.get("wilayah") or {}).get("luas_km2") if isinstance(ctx.unit.get("wilayah"), dict) else None
    if luas is None:
        return Computed(NAN, "luas wilayah tidak ada di unit.yaml (bagian wilayah)")
    return Computed(float(luas), None, "unit.yaml, bagian wilayah")


def _sarana(what: str):
    def compute(ctx: _Context, name: str) -> Computed:
        df = ctx.d.get("sarana")
        if df is None:
            return Computed(NAN, "inventaris sarana dan prasarana tidak ada (berkas sarana.csv)")
        if "sarana" not in ctx.cache:
            ctx.cache["sarana"] = {k: g for k, g in df.groupby(df["uraian"].map(slug))}
        rows = ctx.cache["sarana"].get(name)
        if rows is None:
            return Computed(NAN, f"sarana '{name}' tidak ada di data sarana")
        if what == "jumlah":
            return Computed(_col_sum(rows, "jumlah"), None, ctx.ref("sarana", rows))
        m = re.search(r"\d+(?:[.,]\d+)?", _text(rows["keterangan"].iloc[0]) if "keterangan" in rows else "")
        if m is None:
            return Computed(NAN, "keterangan sarana ini tidak memuat angka")
        return Computed(float(m.group(0).replace(",", ".")), None, ctx.ref("sarana", rows))
    return compute


def pk_budget(ctx: _Context, doc: str, code: str) -> Computed | None:
    """A programme's budget in the signed PK (``doc``: pk, pk_perubahan), or None without the file."""
    df = ctx.d.get("perjanjian_kinerja_anggaran")
    if df is None or "kode_program" not in df.columns:
        return None
    docs = df["dokumen"].map(lambda s: _text(s).lower())
    rows = df[(docs == doc) & (df["kode_program"].map(_text) == code)]
    if not len(rows):
        return Computed(NAN, f"program {code} tidak ada di anggaran Perjanjian Kinerja")
    return Computed(_col_sum(rows, "anggaran"), None, ctx.ref("perjanjian_kinerja_anggaran", rows))


UNIT_FIGURES: dict[str, Figure] = {
    "penduduk": Figure(_desa, "required"),
    "jumlah_penduduk": Figure(_jumlah_penduduk, "optional"),
    "jumlah_desa": Figure(_wilayah("desa")),
    "jumlah_dusun": Figure(_wilayah("dusun")),
    "jumlah_rw": Figure(_wilayah("rw")),
    "jumlah_rt": Figure(_wilayah("rt")),
    "luas_wilayah_km2": Figure(_luas),
    "sarana": Figure(_sarana("jumlah"), "required"),
    "sarana_keterangan": Figure(_sarana("keterangan"), "required"),
}
