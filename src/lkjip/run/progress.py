"""What a run shows while it works: one line per unit-year with its running step and elapsed time,
and an overall bar (``lkjip run``, ``run --all``, ``lkjip kabupaten``), always on stderr.

The run reports progress as messages ``"<unit> <year>: <what>"`` (a step's title, a reused step, the
wait for the exports, the end: ``selesai``, ``GAGAL``, ``dilewati``), optionally prefixed by
``"[i/n] "``. :class:`Display` turns them into

- on a terminal: a live block redrawn twice a second (rich), so that the elapsed time of a long PDF
  export keeps moving::

      [#########---------------]  1/3 unit-tahun   1:02
      gedeg 2021     selesai                              41 dtk
      gedeg 2022     Laporan Kinerja Instansi Pemerintah  21 dtk
      gedeg 2023     menunggu                              -

- elsewhere (a log, CI, a pipe): the messages as plain lines, as they come, and every
  :data:`HEARTBEAT_S` seconds one line per unit-year still at the same step (a sign of life).

Nothing of it goes to stdout, which carries only the result paths.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import TextIO

#: Plain mode: a unit-year silent this long gets a "still running" line.
HEARTBEAT_S = 30.0
#: Width of the overall bar, in characters.
BAR_WIDTH = 24
#: The first words of a message that ends a unit-year (:func:`lkjip.run.pipeline._done_line`).
DONE_WORDS = ("selesai", "GAGAL", "dilewati")
WAITING = "menunggu"

_MESSAGE = re.compile(r"^(?:\[(?P<index>\d+)/(?P<total>\d+)\] )?(?P<key>\S+ \d{4}): (?P<text>.*)$", re.S)


@dataclass
class Job:
    """One unit-year (or the kabupaten view of a year) as the display knows it."""

    key: str
    step: str = WAITING
    started: float | None = None
    step_since: float | None = None
    finished: float | None = None
    done: bool = False
    said: float = field(default=0.0)


def parse(message: str) -> tuple[str | None, str]:
    """``(key, text)`` of a progress message: ``"[2/6] gedeg 2023: Validasi Data"`` →
    ``("gedeg 2023", "Validasi Data")``; ``(None, message)`` for a message about no unit-year."""
    match = _MESSAGE.match(message)
    if not match:
        return None, message
    return match["key"], match["text"]


def is_end(text: str) -> bool:
    """Whether a unit-year's message says it ended (done, failed or skipped)."""
    return text.startswith(DONE_WORDS)


def seconds_text(seconds: float | None) -> str:
    """Elapsed time as people read it: ``"8 dtk"``, ``"1:02"`` (minutes:seconds), ``"-"`` before the start."""
    if seconds is None:
        return "-"
    whole = int(seconds)
    return f"{whole} dtk" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """The overall bar: ``"[######------]"``, ``done`` of ``total`` filled (an empty run: all filled)."""
    filled = width if total <= 0 else round(width * min(done, total) / total)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def step_text(text: str, width: int = 40) -> str:
    """A step's words on one line of at most ``width`` characters."""
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= width else first[: width - 1] + "…"


class Display:
    """Progress of ``total`` unit-years on ``stream`` (stderr): live on a terminal, plain lines elsewhere.

    Use it as a context manager and call it with each progress message (it is the ``progress``
    callable of :func:`lkjip.run.pipeline.run_many` and :func:`lkjip.run.kabupaten.run_kabupaten`).
    ``live`` forces the mode (None: live when ``stream`` is a terminal and rich is installed).
    """

    def __init__(self, total: int = 0, *, stream: TextIO | None = None, live: bool | None = None,
                 heartbeat: float = HEARTBEAT_S, clock=time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.jobs: dict[str, Job] = {}
        self.clock = clock
        self.started = clock()
        self.heartbeat = heartbeat
        self.live = _is_terminal(self.stream) if live is None else live
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._live = None

    # ---------------------------------------------------------------- messages

    def __call__(self, message: str) -> None:
        key, text = parse(message)
        now = self.clock()
        with self._lock:
            if key is not None:
                job = self.jobs.setdefault(key, Job(key))
                if job.started is None:
                    job.started = now
                if is_end(text):
                    job.done, job.finished = True, now
                elif job.done:  # a worker's late line after its end (two pipes, two orders): kept as said
                    text = job.step
                job.step, job.step_since, job.said = text, now, now
        if self._live is not None:
            if key is None:  # a message about the whole run: printed above the live block
                self._live.console.print(message, markup=False, highlight=False)
            return
        self._print(message)

    def finish(self, key: str) -> None:
        """Mark ``key`` ended without a line (the caller says the end its own way)."""
        now = self.clock()
        with self._lock:
            job = self.jobs.setdefault(key, Job(key, started=now))
            job.done, job.finished, job.step = True, now, DONE_WORDS[0]

    def _print(self, line: str) -> None:
        try:  # one write: a worker process writing to the same stderr cannot split the line
            self.stream.write(line + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr never stops a run
            pass

    # ---------------------------------------------------------------- what is shown

    def done_count(self) -> int:
        return sum(job.done for job in self.jobs.values())

    def lines(self, now: float | None = None) -> list[str]:
        """The live block's text: the overall bar, then one line per unit-year."""
        now = self.clock() if now is None else now
        total = max(self.total, len(self.jobs))
        with self._lock:
            jobs = list(self.jobs.values())
        head = f"{bar(self.done_count(), total)} {self.done_count()}/{total} unit-tahun  {seconds_text(now - self.started)}"
        width = max([len(j.key) for j in jobs] + [4])
        out = [head]
        for job in jobs:
            if job.done:  # its end line says how long the run took, measured by the run itself
                out.append(f"{job.key:<{width}}  {step_text(job.step)}")
                continue
            elapsed = None if job.started is None else now - job.started
            out.append(f"{job.key:<{width}}  {step_text(job.step):<40}  {seconds_text(elapsed)}")
        return out

    def quiet_jobs(self, now: float | None = None) -> list[str]:
        """Plain mode: a line for each unit-year still running and silent for :attr:`heartbeat` seconds
        (marked as said, so the next comes a heartbeat later)."""
        now = self.clock() if now is None else now
        out = []
        with self._lock:
            for job in self.jobs.values():
                if job.done or job.started is None or now - job.said < self.heartbeat:
                    continue
                job.said = now
                out.append(f"{job.key}: masih berjalan: {step_text(job.step, width=100)} "
                           f"({seconds_text(now - (job.step_since or job.started))} pada langkah ini, "
                           f"{seconds_text(now - job.started)} seluruhnya)")
        return out

    # ---------------------------------------------------------------- life cycle

    def __enter__(self) -> "Display":
        if self.live:
            self._live = _rich_live(self)
        if self._live is not None:
            self._live.start()
        else:
            self.live = False
            if self.heartbeat > 0:
                self._thread = threading.Thread(target=self._beat, name="lkjip-progress", daemon=True)
                self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _beat(self) -> None:
        while not self._stop.wait(min(self.heartbeat, 5.0)):
            for line in self.quiet_jobs():
                self._print(line)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _rich_live(display: Display):
    """A rich ``Live`` redrawing :meth:`Display.lines` on the display's stream (None without rich)."""
    try:
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text
    except ImportError:  # pragma: no cover - rich is a dependency; plain lines without it
        return None
    console = Console(file=display.stream)
    return Live(console=console, refresh_per_second=2, transient=False, redirect_stdout=False,
                redirect_stderr=False, get_renderable=lambda: Text("\n".join(display.lines())))
