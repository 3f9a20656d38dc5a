"""Issue 27 item 7 (Lampiran of the officials' reports): each official's capaian as bars against 100 %,
from the published LKjIP 2023's Kasubag Penyusunan Program dan Keuangan rows (kinerja_pejabat.csv)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import math  # noqa: E402

import pandas as pd  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from lkjip.charts.style import LABEL_ZORDER, MIN_FONT_PT  # noqa: E402
from lkjip.document.lampiran_dokumen import LaporanPejabat  # noqa: E402
from lkjip.document.pejabat_figure import capaian_tercetak, fig_capaian_pejabat  # noqa: E402

INDIKATOR = ["Jumlah Dokumen Perencanaan Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
             "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
             "Jumlah Dokumen Penganggaran yang dapat tersusun sesuai ketentuan yang berlaku"]


def _official(capaian: list[float], indikator: list[str] = INDIKATOR) -> LaporanPejabat:
    c = pd.DataFrame({"No": [str(i + 1) for i in range(len(capaian))], "Jenis": ["sasaran"] * len(capaian),
                      "Sasaran": ["s"] * len(capaian), "Indikator Kinerja": indikator,
                      "Target": [""] * len(capaian), "Realisasi": [""] * len(capaian),
                      "Capaian tercetak": capaian, "Capaian dihitung": capaian})
    return LaporanPejabat(jabatan="Kasubag Penyusunan Program dan Keuangan", nama="", pangkat="", nip="",
                          jabatan_atasan="", tugas_fungsi=None, perjanjian=c.iloc[:, :5], capaian=c,
                          anggaran=math.nan, realisasi_anggaran=math.nan, serapan_pct=math.nan,
                          serapan_dihitung=math.nan, kategori="", rata_rata_capaian=math.nan,
                          rencana_tindak_lanjut="", tanggapan_atasan="", disposisi="")


def test_each_indicator_a_bar_of_its_printed_capaian_against_100():
    fig = fig_capaian_pejabat(_official([100.0, 100.0, 85.71, 100.0]))
    ax = fig.axes[0]
    bars = ax.containers[0].patches
    assert [round(b.get_width(), 6) for b in bars] == [100.0, 100.0, 85.71, 100.0]
    # below 100 %: hatched; the others plain
    assert [b.get_hatch() or "" for b in bars] == ["", "", "///", ""]
    fig.canvas.draw()
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == INDIKATOR
    assert [t.get_text() for t in ax.texts] == ["100,00%", "100,00%", "85,71%", "100,00%"]
    hundred = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(hundred) == 1 and list(hundred[0].get_xdata()) == [100, 100]
    for t in fig.findobj(Text):
        if t.get_text().strip():
            assert t.get_fontsize() >= MIN_FONT_PT
    assert all(t.get_bbox_patch() is not None and t.get_zorder() >= LABEL_ZORDER for t in ax.texts)


def test_a_row_without_a_printed_capaian_says_so_and_no_row_means_no_chart():
    fig = fig_capaian_pejabat(_official([100.0, math.nan], INDIKATOR[:2]))
    assert [t.get_text() for t in fig.axes[0].texts] == ["100,00%", "tidak tercetak"]
    assert fig_capaian_pejabat(_official([math.nan], INDIKATOR[:1])) is None


def test_a_repeated_indicator_is_told_apart_by_its_number():
    s = capaian_tercetak(_official([100.0, 98.43], ["IP ASN", "IP ASN"]))
    assert s.index.tolist() == ["1. IP ASN", "2. IP ASN"] and s.tolist() == [100.0, 98.43]
