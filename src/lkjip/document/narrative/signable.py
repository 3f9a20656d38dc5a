"""Sections composed so that an official can sign them: the analyst's text placed after the
sentence it depends on, and the Kesimpulan naming every missed target with its stated cause.

- Bab III A.3: the analyst's success factors (``kemajuan_renstra``) follow a sentence about the
  indicators that *reached* their Renstra end target, never the one about those that did not.
- Bab IV A: the analyst's Kesimpulan (``kesimpulan``) lists success factors; every IKU that missed
  its target is named after it with its figures and the unit's stated cause (``hambatan.<kode>``).
"""

from __future__ import annotations

from lkjip.contract.fmt import fmt_pct
from lkjip.contract.rules import target_met
from lkjip.document.narrative.capaian import _kemajuan, tabel_3_1_3_text
from lkjip.document.narrative.common import _iku_ids, _join, _met, _row, _short, analyst_text, fmt_value, section
from lkjip.document.narrative.penutup import kesimpulan


def kemajuan_renstra(rep) -> str:
    """Bab III A.3: progress against the Renstra end targets, then the analyst's factors, introduced by
    the indicators they explain."""
    text = tabel_3_1_3_text(rep)
    factors = analyst_text(rep, "kemajuan_renstra")
    if not factors:
        return text
    done = [_short(i, iku=rep.results.iku) for i, k in _kemajuan(rep) if target_met(k)]
    if done:
        intro = (f"Tercapainya target akhir Renstra pada indikator {_join(done)} didukung oleh beberapa "
                 "faktor berikut:")
    else:
        intro = "Kemajuan kinerja menuju target akhir Renstra didukung oleh beberapa faktor berikut:"
    return text + "\n\n" + intro + "\n\n" + factors


def _missed(rep) -> list[str]:
    return [i for i in _iku_ids(rep) if _met(_row(rep, i)) is False]


def target_tidak_tercapai(rep) -> str:
    """Every IKU that missed its target: figures, then the unit's stated cause (``hambatan.<kode>``)."""
    missed = _missed(rep)
    if not missed:
        return ""
    iku = rep.results.iku
    lines = [f"Indikator yang belum mencapai target tahun {rep.year}:", ""]
    for i in missed:
        r = _row(rep, i)
        line = (f"- {_short(i, iku=iku)}: realisasi {fmt_value(i, r['realisasi'], iku=iku)} dari target "
                f"{fmt_value(i, r['target'], compact=True, iku=iku)} (capaian {fmt_pct(r['capaian_pct'])}).")
        cause = analyst_text(rep, f"hambatan.{i}")
        if cause:
            line += " " + " ".join(cause.split())
        lines.append(line)
    return "\n".join(lines)


def kesimpulan_bab4(rep) -> str:
    """Bab IV A: the analyst's Kesimpulan (or the drafted one), and every missed target with its cause.

    The drafted Kesimpulan already names the missed targets with their figures; after it only the
    causes are added. After the analyst's text (success factors) the missed targets are named in full.
    """
    text = section(rep, "kesimpulan", kesimpulan)
    if analyst_text(rep, "kesimpulan") is not None:
        missed = target_tidak_tercapai(rep)
        return text + ("\n\n" + missed if missed else "")
    iku = rep.results.iku
    causes = [(i, analyst_text(rep, f"hambatan.{i}")) for i in _missed(rep)]
    lines = [f"- {_short(i, iku=iku)} belum mencapai target. {' '.join(c.split())}" for i, c in causes if c]
    return text + ("\n\n" + "\n".join(lines) if lines else "")
