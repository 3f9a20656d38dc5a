"""Issue 27 item 7: the SAKIP analysis' staffing, scenario and score-by-year tables and the audit's
summaries per chapter and per check get charts. Bar lengths, positions and labels from hand-built frames."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402

from lkjip.audit.names import FAMILY_DOCUMENT, FAMILY_PLACES, FAMILY_PUBLISHED  # noqa: E402
from lkjip.audit.result import AuditResult  # noqa: E402
from lkjip.audit.summary_counts import per_bab_counts, per_pemeriksaan_counts  # noqa: E402
from lkjip.charts.sakip_views import jabatan_per_bulan, skor_per_tahun, skor_skenario  # noqa: E402
from lkjip.charts.status_bars import status_bertumpuk  # noqa: E402
from lkjip.charts.style import LABEL_ZORDER, MIN_FONT_PT  # noqa: E402
from lkjip.contract.rules import SAKIP_COMPONENT_WEIGHTS  # noqa: E402
from lkjip.inputs.riwayat_jabatan import parse_bound  # noqa: E402
from lkjip.sakip_change.factors import Drivers  # noqa: E402
from lkjip.sakip_change.figures import nilai_per_tahun, skenario_total, status_jabatan  # noqa: E402
from lkjip.sakip_change.stake import points_at_stake  # noqa: E402
from lkjip.sakip_change.vacancy import vacancy_by_month  # noqa: E402

PPK = "Kepala Sub Bagian Penyusunan Program dan Keuangan"
SEKCAM = "Sekretaris Kecamatan"


def _containers(ax) -> dict[str, list]:
    """Legend label -> [(x, y, width)] of its bars."""
    return {c.get_label(): [(round(p.get_x(), 6), round(p.get_y() + p.get_height() / 2, 6), round(p.get_width(), 6))
                            for p in c.patches] for c in ax.containers}


def _readable(fig) -> None:
    """No text under 8 pt; every value label boxed white above the gridlines."""
    fig.canvas.draw()
    for t in fig.findobj(Text):
        if t.get_text().strip():
            assert t.get_fontsize() >= MIN_FONT_PT, t.get_text()
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_text().strip():
                assert t.get_bbox_patch() is not None and t.get_bbox_patch().get_facecolor()[:3] == (1, 1, 1)
                assert t.get_zorder() >= LABEL_ZORDER


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_text().strip()]


# -- staffing timeline --------------------------------------------------------


def test_timeline_one_row_per_post_each_month_a_bar_of_its_state():
    status = pd.DataFrame({"jabatan": [PPK] * 12 + [SEKCAM] * 12, "bulan": list(range(1, 13)) * 2,
                           "status": ["definitif"] * 6 + ["plt"] * 3 + ["kosong"] * 2 + ["tidak diketahui"]
                           + ["terisi"] * 12})
    fig = jabatan_per_bulan(status)
    ax = fig.axes[0]
    bars = _containers(ax)
    assert list(bars) == ["Terisi definitif", "Terisi", "Plt", "Tidak diketahui", "Kosong"]
    assert bars["Terisi definitif"] == [(m - 0.5, 0, 1.0) for m in range(1, 7)]
    assert bars["Plt"] == [(6.5, 0, 1.0), (7.5, 0, 1.0), (8.5, 0, 1.0)]
    assert bars["Kosong"] == [(9.5, 0, 1.0), (10.5, 0, 1.0)]
    assert bars["Tidak diketahui"] == [(11.5, 0, 1.0)]
    assert bars["Terisi"] == [(m - 0.5, 1, 1.0) for m in range(1, 13)]
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul",
                                                            "Agu", "Sep", "Okt", "Nov", "Des"]
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == [PPK, SEKCAM]
    _readable(fig)


def _drivers(pegawai: pd.DataFrame, previous: pd.DataFrame, target: pd.DataFrame | None = None) -> Drivers:
    vac = vacancy_by_month(pegawai, 2023, previous)
    return Drivers(2022, 2023, pd.DataFrame(), {2023: vac}, pd.DataFrame(), pd.DataFrame(),
                   target if target is not None else pd.DataFrame(columns=["tahun", "nilai", "target"]))


def test_post_history_gives_definitive_and_acting_months_staff_list_the_rest():
    # the staff list: the secretary left at the end of March, nobody after; the PPK head held all year
    pegawai = pd.DataFrame({"nama": ["A", "B"], "nip": ["1", "2"], "jabatan": [SEKCAM, PPK],
                            "eselon": ["III.a", "IV.a"], "mulai": [None, None], "selesai": ["2023-03-31", None]})
    previous = pegawai.assign(selesai=None)
    # the post history: the PPK head left 15 April, an acting holder May-August, a new head from September
    riwayat = pd.DataFrame({"jabatan": [PPK] * 3, "status": ["definitif", "plt", "definitif"],
                            "mulai": [None, parse_bound("2023-05-01"), parse_bound("2023-09-01")],
                            "selesai": [parse_bound("2023-04-15"), parse_bound("2023-08-31"), None]})
    s = status_jabatan(_drivers(pegawai, previous), riwayat)
    sek = s[s["jabatan"] == SEKCAM]["status"].tolist()
    ppk = s[s["jabatan"] == PPK]["status"].tolist()
    assert sek == ["terisi"] * 3 + ["kosong"] * 9
    assert ppk == ["definitif"] * 4 + ["plt"] * 4 + ["definitif"] * 4
    # the order of the filled/vacant table: most vacant months first
    assert list(dict.fromkeys(s["jabatan"])) == [SEKCAM, PPK]
    # without the history the staff list alone says filled all year
    assert status_jabatan(_drivers(pegawai, previous))[lambda f: f["jabatan"] == PPK]["status"].tolist() \
        == ["terisi"] * 12


# -- scenarios against the predicate thresholds -------------------------------


def test_scenario_bars_reach_their_totals_against_the_predicate_thresholds():
    totals = pd.Series({"Nilai 2023 (tanpa pemulihan)": 78.4, "Perencanaan kembali ke tingkat 2022": 81.2,
                        "Semua komponen yang turun kembali ke tingkat 2022": 90.5})
    fig = skor_skenario(totals)
    ax = fig.axes[0]
    # the bands reached (BB from 70) and a strip of the one below (B), so the threshold at 70 is drawn;
    # bars start at the axis' left end and end at their totals
    assert ax.get_xlim() == (68.0, 100.0)
    bars = [(round(p.get_x(), 6), round(p.get_width(), 6)) for p in ax.containers[0].patches]
    assert bars == [(68.0, 10.4), (68.0, 13.2), (68.0, 22.5)]
    labels = _texts(ax)
    assert {"78,40 (BB)", "81,20 (A)", "90,50 (AA)"} <= set(labels)
    assert {"B", "BB", "A", "AA"} <= set(labels) and "CC" not in labels
    dashed = sorted(round(ln.get_xdata()[0], 6) for ln in ax.get_lines() if ln.get_linestyle() == "--")
    assert dashed == [70.0, 80.0, 90.0]
    _readable(fig)


def test_scenario_series_from_points_at_stake():
    komponen = ["perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"]
    before = pd.DataFrame({"komponen": komponen, "bobot": [SAKIP_COMPONENT_WEIGHTS[k] for k in komponen],
                           "nilai": [26.0, 24.0, 12.0, 20.0]})
    after = before.assign(nilai=[23.5, 24.0, 11.0, 20.0])
    s = skenario_total(points_at_stake(before, after, 2022, 2023))
    assert s.index[0] == "Nilai 2023 (tanpa pemulihan)" and s.iloc[0] == pytest.approx(78.5)
    # ranked by the points they give back: all components that fell (+3,5), planning (+2,5), reporting (+1)
    assert s.iloc[1:].round(6).tolist() == [82.0, 81.0, 79.5]
    assert s.index[1] == "Semua komponen yang turun kembali ke tingkat 2022"
    assert s.index[2].endswith("kembali ke tingkat 2022") and s.index[3].endswith("kembali ke tingkat 2022")


# -- score by year -------------------------------------------------------------


def test_all_scores_in_one_band_still_show_the_thresholds_either_side():
    # gedeg 2023: the score and every scenario in A (86,13 .. 87,43); AA from above 90
    fig = skor_skenario(pd.Series({"Nilai 2023 (tanpa pemulihan)": 86.13,
                                   "Semua komponen yang turun kembali ke tingkat 2022": 87.43}))
    ax = fig.axes[0]
    assert ax.get_xlim() == (78.0, 92.0)
    assert sorted(round(ln.get_xdata()[0], 6) for ln in ax.get_lines() if ln.get_linestyle() == "--") == [80.0, 90.0]
    assert {"BB", "A", "AA"} <= set(_texts(ax))


def test_score_line_over_the_predicate_bands_with_its_target():
    target = pd.DataFrame({"tahun": [2021, 2022, 2023], "nilai": [71.2, 81.05, 76.35],
                           "target": [float("nan"), 80.0, 82.0]})
    nilai, tgt = nilai_per_tahun(_drivers(pd.DataFrame(columns=["jabatan"]), None, target))
    assert tgt.to_dict() == {2022: 80.0, 2023: 82.0}
    fig = skor_per_tahun(nilai, tgt)
    ax = fig.axes[0]
    line = next(ln for ln in ax.get_lines() if ln.get_label() == "Nilai SAKIP")
    assert list(line.get_xdata()) == [0, 1, 2] and list(line.get_ydata()) == [71.2, 81.05, 76.35]
    tline = next(ln for ln in ax.get_lines() if ln.get_label() == "Target")
    assert list(tline.get_xdata()) == [1, 2] and list(tline.get_ydata()) == [80.0, 82.0]
    assert ax.get_ylim() == (68.0, 92.0)
    dashed = sorted(round(ln.get_ydata()[0], 6) for ln in ax.get_lines() if ln.get_linestyle() == "--"
                    and ln.get_label() != "Target")
    assert dashed == [70.0, 80.0, 90.0]
    assert [a.get_text() for a in ax.texts if isinstance(a, Annotation)] == ["71,20 (BB)", "81,05 (A)", "76,35 (BB)"]
    assert {"B", "BB", "A", "AA"} <= set(_texts(ax)) and "CC" not in _texts(ax)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2022", "2023"]
    _readable(fig)


# -- audit summaries -----------------------------------------------------------


def _audit() -> AuditResult:
    rows = [  # (family, published.csv row, chapter, status)
        (FAMILY_PUBLISHED, 1, "Bab III", "sesuai"),
        (FAMILY_PUBLISHED, 2, "Bab III", "selisih"),
        (FAMILY_PUBLISHED, 3, "Bab II", "tidak_dapat_diperiksa"),
        (FAMILY_PUBLISHED, 4, "Bab II", "tidak_dapat_diperiksa"),
        (FAMILY_DOCUMENT, 4, "Bab II", "sesuai"),  # checked against its printed parts: sesuai
        (FAMILY_PUBLISHED, 5, None, "sesuai"),
        (FAMILY_PLACES, 5, None, "selisih"),  # printed otherwise elsewhere: selisih
    ]
    frame = pd.DataFrame([{"pemeriksaan": f, "baris": b, "bab": c, "lokasi": "", "status": s} for f, b, c, s in rows])
    return AuditResult(frame=frame, year=2023, unit="uji")


def test_audit_counts_per_chapter_and_per_check():
    bab = per_bab_counts(_audit())
    assert bab.index.tolist() == ["Bab II", "Bab III", "Lainnya"]
    assert bab.to_dict("index") == {"Bab II": {"sesuai": 1, "selisih": 0, "tidak_dapat_diperiksa": 1},
                                    "Bab III": {"sesuai": 1, "selisih": 1, "tidak_dapat_diperiksa": 0},
                                    "Lainnya": {"sesuai": 0, "selisih": 1, "tidak_dapat_diperiksa": 0}}
    per = per_pemeriksaan_counts(_audit())
    assert per.loc["Angka tercetak terhadap hitung ulang"].tolist() == [2, 1, 2]
    assert per.loc["Jumlah tercetak terhadap rinciannya"].tolist() == [1, 0, 0]
    assert per.loc["Angka yang sama di beberapa tempat"].tolist() == [0, 1, 0]
    assert per.loc["Total dalam data masukan"].tolist() == [0, 0, 0]


def test_stacked_bars_of_nothing_counted_are_no_chart_and_no_warning():
    """A unit without a published LKjIP: its audit counts no printed figure. An empty chart (and
    matplotlib's warning about the axis of no rows, in notebook 04 of dinkes_contoh) is shown as nothing."""
    import warnings

    columns = ["sesuai", "selisih", "tidak_dapat_diperiksa"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert status_bertumpuk(pd.DataFrame(columns=columns)) is None
        assert status_bertumpuk(pd.DataFrame(0, columns=columns, index=["Bab I", "Bab III"])) is None
        assert status_bertumpuk(pd.DataFrame({"sesuai": [0, 2]}, index=["Bab I", "Bab III"])) is not None


def test_stacked_bars_sesuai_berselisih_tidak_dapat_diperiksa():
    counts = pd.DataFrame({"sesuai": [40, 1, 0], "selisih": [5, 1, 0], "tidak_dapat_diperiksa": [3, 0, 0]},
                          index=["Bab III", "Bab II", "Lainnya"])
    fig = status_bertumpuk(counts)
    ax = fig.axes[0]
    bars = _containers(ax)
    assert list(bars) == ["Sesuai", "Berselisih", "Tidak dapat diperiksa"]
    assert bars["Sesuai"] == [(0, 0, 40), (0, 1, 1), (0, 2, 0)]
    assert bars["Berselisih"] == [(40, 0, 5), (1, 1, 1), (0, 2, 0)]
    assert bars["Tidak dapat diperiksa"] == [(45, 0, 3), (2, 1, 0), (0, 2, 0)]
    labels = _texts(ax)
    # counts inside the parts wide enough (>= 6 % of the longest bar), totals at the bars' ends
    assert [t for t in labels if not t.startswith("=")] == ["40", "5", "3"]
    # Bab II's parts (1 of the longest 48) are too narrow for their counts: named after the total
    assert [t for t in labels if t.startswith("=")] == ["= 48", "= 2 (1 sesuai, 1 berselisih)", "= 0"]
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bab III", "Bab II", "Lainnya"]
    _readable(fig)
