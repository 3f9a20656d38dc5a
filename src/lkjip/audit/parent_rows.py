"""A parent account against its children: which figure a printed parent is compared with.

The LKjIP copies a parent account of the LRA (``5.1 BELANJA OPERASI``) from the LRA's own row.
When that row disagrees with the sum of its children (2.660.473.927 against 2.661.073.927), the
printed parent is compared with the parent row, the figure it was copied from (the printed 94,47
is 2.513.319.648 / 2.660.473.927 = 94,469%), never with the children's sum: calling the right
figure a typo would blame the LKjIP for the LRA's own disagreement. The source of the comparison
says which figure was compared and that the parent disagrees with its children; the disagreement
itself is a finding of family 1 (``total dalam dataset``), which names the parent row.

A code without its own row (a level the LRA leaves out) is the sum of its children, as before.
"""

from __future__ import annotations

import math

import pandas as pd

from lkjip.audit.context import _Context
from lkjip.audit.frames import _clean_code
from lkjip.contract.fmt import fmt_number
from lkjip.contract.rules import EPS

#: Why a cell is not compared: the LRA's (%) column of SURPLUS/DEFISIT and SISA LEBIH/KURANG
#: PEMBIAYAAN (a kecamatan has no pendapatan; the LRA prints 0 there). Not a finding.
NOT_APPLICABLE = ("sel tidak berlaku: baris SURPLUS/DEFISIT dan SISA LEBIH/KURANG PEMBIAYAAN tidak mempunyai "
                  "persentase realisasi (unit tidak mempunyai pendapatan), angka 0 di kolom (%) bukan angka "
                  "yang dapat dibandingkan")


def _own_row(ctx: _Context, code: str) -> pd.Series | None:
    tree = ctx.ltree
    if tree is None or code not in tree.has_children:
        return None
    hit = tree.rows[tree.rows["_kode"] == code]
    return None if hit.empty else hit.iloc[0]


def lra_parent_ref(ctx: _Context, code: str, col: str) -> tuple[float, str | None]:
    """``col`` of LRA account ``code`` and where it comes from: the account's own row when it has
    children (with a note when the children add up to another figure), else the sum below it
    (:meth:`~lkjip.audit.context._Context.lra_ref`)."""
    summed, src = ctx.lra_ref(code, col)
    row = _own_row(ctx, _clean_code(code))
    if row is None or col not in row.index:
        return summed, src
    own = pd.to_numeric(pd.Series([row[col]]), errors="coerce").iloc[0]
    if pd.isna(own):
        return summed, src
    own = float(own)
    baris = row.get("baris")
    where = f"{ctx.file_label('lra')} baris {int(baris)}" if baris is not None and not pd.isna(baris) \
        else ctx.file_label("lra")
    text = f"{where} (baris induk {code}"
    if not math.isnan(summed) and abs(own - summed) > EPS:
        text += (f"; baris induk ini sendiri tidak sama dengan jumlah rinciannya {fmt_number(summed, 0)}, "
                 "lihat temuan total dalam dataset")
    return own, text + ")"
