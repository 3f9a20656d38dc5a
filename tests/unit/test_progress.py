"""The progress display of `lkjip run` / `kabupaten` (issue 27, item 3): one line per unit-year with its
running step and elapsed time, an overall bar, plain lines and a sign of life when not on a terminal."""

from __future__ import annotations

import io

from lkjip.run.progress import Display, bar, parse, seconds_text, step_text


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_messages_are_read_as_unit_year_and_what_it_does():
    assert parse("[2/6] gedeg 2023: Validasi Data") == ("gedeg 2023", "Validasi Data")
    assert parse("gedeg 2021: Audit Angka (masukan tidak berubah, hasil terbitan dipakai)") == (
        "gedeg 2021", "Audit Angka (masukan tidak berubah, hasil terbitan dipakai)")
    assert parse("kabupaten 2023: ekspor") == ("kabupaten 2023", "ekspor")
    assert parse("3 unit-tahun, 2 bersamaan") == (None, "3 unit-tahun, 2 bersamaan")


def test_formatter_pieces():
    assert bar(0, 4, width=8) == "[--------]"
    assert bar(1, 4, width=8) == "[##------]"
    assert bar(4, 4, width=8) == "[########]"
    assert bar(0, 0, width=4) == "[####]"
    assert seconds_text(None) == "-"
    assert seconds_text(8.9) == "8 dtk"
    assert seconds_text(62.2) == "1:02"
    assert seconds_text(3725) == "62:05"
    assert step_text("Laporan Kinerja Instansi Pemerintah", width=10) == "Laporan K…"
    assert step_text("GAGAL pada langkah 02\n  notebook yang gagal: x") == "GAGAL pada langkah 02"


def test_one_line_per_unit_year_with_step_elapsed_time_and_overall_bar():
    clock, out = Clock(), io.StringIO()
    with Display(3, stream=out, live=False, heartbeat=0, clock=clock) as show:
        show("[1/3] gedeg 2021: Pembacaan Data")
        clock.now += 5
        show("[2/3] gedeg 2022: Pembacaan Data")
        clock.now += 7
        show("[1/3] gedeg 2021: selesai (12.0 dtk)")
        clock.now += 50
        show("[2/3] gedeg 2022: Laporan Kinerja Instansi Pemerintah")
        clock.now += 15
        lines = show.lines()
    assert lines[0] == "[" + "#" * 8 + "-" * 16 + "] 1/3 unit-tahun  1:17"
    assert lines[1] == "gedeg 2021  selesai (12.0 dtk)"  # ended: the run's own time, no second clock
    assert lines[2].startswith("gedeg 2022  Laporan Kinerja Instansi Pemerintah")
    assert lines[2].endswith("1:12")
    assert len(lines) == 3  # gedeg 2023 has not started: no line yet, but counted in the bar
    # not a terminal: every message as it came, nothing else
    assert out.getvalue().splitlines() == ["[1/3] gedeg 2021: Pembacaan Data", "[2/3] gedeg 2022: Pembacaan Data",
                                           "[1/3] gedeg 2021: selesai (12.0 dtk)",
                                           "[2/3] gedeg 2022: Laporan Kinerja Instansi Pemerintah"]


def test_a_long_silent_step_gets_a_sign_of_life_once_per_heartbeat():
    clock = Clock()
    show = Display(2, stream=io.StringIO(), live=False, heartbeat=30, clock=clock)
    show("[1/2] gedeg 2023: Pembacaan Data")
    show("[2/2] gedeg 2022: Pembacaan Data")
    clock.now += 20
    show("[1/2] gedeg 2023: ekspor HTML/PDF (audit, lkjip)")
    show("[2/2] gedeg 2022: selesai (20.0 dtk)")
    clock.now += 29
    assert show.quiet_jobs() == []
    clock.now += 2
    assert show.quiet_jobs() == ["gedeg 2023: masih berjalan: ekspor HTML/PDF (audit, lkjip) "
                                 "(31 dtk pada langkah ini, 51 dtk seluruhnya)"]
    assert show.quiet_jobs() == []  # said: the next one a heartbeat later
    clock.now += 30
    assert len(show.quiet_jobs()) == 1


def test_a_late_line_after_the_end_does_not_reopen_the_unit_year():
    clock = Clock()
    show = Display(1, stream=io.StringIO(), live=False, heartbeat=0, clock=clock)
    show("[1/1] gedeg 2023: Pembacaan Data")
    show("[1/1] gedeg 2023: selesai (3.0 dtk)")
    show("[1/1] gedeg 2023: Analisis Perubahan Nilai SAKIP")  # a worker's line that came through the slower pipe
    assert show.done_count() == 1 and "selesai" in show.lines()[1]


def test_on_a_terminal_the_block_is_drawn_by_rich_on_the_given_stream_only(capsys):
    out = io.StringIO()
    with Display(1, stream=out, live=True, heartbeat=0) as show:
        show("[1/1] gedeg 2023: Validasi Data")
        show("1 unit-tahun, 1 bersamaan")
    drawn = out.getvalue()
    assert "gedeg 2023" in drawn and "Validasi Data" in drawn and "0/1 unit-tahun" in drawn
    assert "1 unit-tahun, 1 bersamaan" in drawn
    assert capsys.readouterr().out == ""  # never on stdout
